"""A promotion's budget split into discount cost and ad spend, and its target GMV: the edits
(validation naming the field, exact undo/redo) and the migration of budgets saved before the split."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select, text

from core.edits import FieldError, History, apply_edit
from core.edits.promotions import AddPromotion, DuplicatePromotionToNextYear, SetPromotionFields
from core.models import Promotion

D = dt.date


def rows(db):
    with db.session() as s:
        return [{c.name: getattr(p, c.name) for c in Promotion.__table__.columns}
                for p in s.scalars(select(Promotion).order_by(Promotion.id))]


def money(db, pid):
    with db.session() as s:
        p = s.get(Promotion, pid)
        return p.discount_budget_fen, p.ad_budget_fen, p.budget_fen, p.target_gmv_fen


@pytest.fixture
def shop(db):
    apply_edit(db, AddPromotion("会员日 12月", D(2026, 12, 18), D(2026, 12, 18), discount_budget_fen=300_000,
                                ad_budget_fen=120_050, target_gmv_fen=8_000_000))
    return db


def test_a_new_promotion_keeps_its_split_and_its_budget_is_the_sum(shop):
    assert money(shop, 1) == (300_000, 120_050, 420_050, 8_000_000)


def test_a_budget_typed_as_one_figure_is_ad_spend(db):
    apply_edit(db, AddPromotion("老式预算", D(2026, 5, 1), D(2026, 5, 3), budget_fen=500_000))
    assert money(db, 1) == (0, 500_000, 500_000, None)


def test_editing_the_split_then_undo_and_redo_are_exact(shop):
    before = rows(shop)
    history = History()
    history.apply(shop, SetPromotionFields.of(1, discount_budget_fen=450_000, target_gmv_fen=10_000_000))
    assert money(shop, 1) == (450_000, 120_050, 570_050, 10_000_000)
    after = rows(shop)
    history.undo(shop)
    assert rows(shop) == before
    history.redo(shop)
    assert rows(shop) == after
    history.apply(shop, SetPromotionFields.of(1, target_gmv_fen=None))  # the target cleared
    assert money(shop, 1) == (450_000, 120_050, 570_050, None)


def test_setting_only_the_whole_budget_keeps_the_discount_cost(shop):
    apply_edit(shop, SetPromotionFields.of(1, budget_fen=400_000))
    assert money(shop, 1) == (300_000, 100_000, 400_000, 8_000_000)
    before = rows(shop)
    with pytest.raises(FieldError) as err:
        apply_edit(shop, SetPromotionFields.of(1, budget_fen=200_000))
    assert err.value.field == "budget_fen" and "¥3,000.00" in err.value.message and "discount cost" in err.value.message
    assert rows(shop) == before


@pytest.mark.parametrize(("values", "field", "words"), [
    ({"discount_budget_fen": -1}, "discount_budget_fen", "below ¥0"),
    ({"ad_budget_fen": -100}, "ad_budget_fen", "below ¥0"),
    ({"target_gmv_fen": -5}, "target_gmv_fen", "below ¥0"),
    ({"discount_budget_fen": "3000"}, "discount_budget_fen", "amount in yuan"),
    ({"ad_budget_fen": 1.5}, "ad_budget_fen", "amount in yuan"),
    ({"target_gmv_fen": True}, "target_gmv_fen", "amount in yuan"),
])
def test_bad_amounts_are_refused_naming_the_field_and_nothing_is_written(shop, values, field, words):
    before = rows(shop)
    with pytest.raises(FieldError) as err:
        apply_edit(shop, SetPromotionFields.of(1, **values))
    assert err.value.field == field and words in err.value.message and err.value.row == 1
    with pytest.raises(FieldError) as err:
        apply_edit(shop, AddPromotion("新品首发", D(2026, 6, 1), D(2026, 6, 2), **values))
    assert err.value.field == field
    assert rows(shop) == before


def test_a_copy_to_next_year_keeps_the_split_and_the_target(shop):
    apply_edit(shop, DuplicatePromotionToNextYear(1))
    assert money(shop, 2) == (300_000, 120_050, 420_050, 8_000_000)


def test_a_budget_saved_before_the_split_migrates_to_ad_spend(tmp_path: Path):
    from alembic import command
    from alembic.config import Config

    from core.db import MIGRATIONS_DIR, open_database

    path = tmp_path / "old.db"
    db = open_database(path)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0006")
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO promotions (id, name, kind, platforms, start, \"end\", phases, rules, scope, "
                          "budget_fen, status, note) VALUES (7, '双12', 'festival', '[]', '2025-12-01', "
                          "'2025-12-12', '[]', '[]', '{}', 2700000, 'done', '')"))
    db.close()
    db = open_database(path)
    assert money(db, 7) == (0, 2_700_000, 2_700_000, None)
    db.close()


def test_the_excel_list_and_the_ics_description_show_the_split_and_the_target(shop, tmp_path):
    import openpyxl
    from icalendar import Calendar

    from core.views import ViewParams, export_view

    apply_edit(shop, AddPromotion("无目标小促", D(2026, 12, 20), D(2026, 12, 21), budget_fen=0))
    path, _ = export_view(shop, "promotion-calendar", tmp_path / "cal.xlsx", ViewParams(D(2026, 12, 1)))
    rows = list(openpyxl.load_workbook(path)["List"].iter_rows(values_only=True))
    head = rows[0]
    assert head[8:14] == ("Budget", "Discount cost", "Ad spend", "Target GMV", "Status", "Warnings")
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["会员日 12月"][8:12] == (4200.5, 3000, 1200.5, 80000)
    assert by_name["无目标小促"][8:12] == (0, 0, 0, None)

    path, _ = export_view(shop, "promotions", tmp_path / "p.ics", ViewParams(D(2026, 12, 1)))
    events = {str(e["SUMMARY"]): str(e["DESCRIPTION"]) for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")}
    assert "Budget: ¥4,200.50 (discount cost ¥3,000.00 + ad spend ¥1,200.50)" in events["会员日 12月"]
    assert "Target GMV: ¥80,000.00" in events["会员日 12月"]
    assert "Budget: ¥0.00" in events["无目标小促"] and "Target GMV" not in events["无目标小促"]
