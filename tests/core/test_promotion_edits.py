"""Promotion edits without Qt: validation naming the field, exact undo/redo, moves, copies, deletes."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from core.edits import FieldError, History, apply_edit
from core.edits.promotions import (
    AddPromotion,
    DeletePromotions,
    DuplicatePromotionToNextYear,
    MovePromotion,
    SetPromotionFields,
    next_year_name,
    parse_phases,
)
from core.models import Promotion, PromotionResult, Task
from core.trash import list_trash

D = dt.date


@pytest.fixture
def shop(db):
    with db.transaction() as s:
        s.add(Promotion(id=1, name="2026 双11全球狂欢节", kind="festival", platforms=["taobao", "pdd"],
                        start=D(2026, 10, 20), end=D(2026, 11, 11), budget_fen=5_000_000, status="done",
                        phases=[{"name": "预售", "start": "2026-10-20", "end": "2026-10-31"},
                                {"name": "正式", "start": "2026-11-01", "end": "2026-11-10"},
                                {"name": "巅峰日", "start": "2026-11-11", "end": "2026-11-11"}],
                        rules=[{"type": "满减", "threshold_fen": 20000, "off_fen": 3000}], scope={},
                        expected_uplift=1.2, note="预售定金膨胀"))
        s.add(Promotion(id=2, name="会员日 11月", kind="own", platforms=["taobao"], start=D(2026, 11, 18),
                        end=D(2026, 11, 18), phases=[{"name": "正式", "start": "2026-11-18", "end": "2026-11-18"}],
                        rules=[], scope={}, budget_fen=100_000, status="planned", note=""))
        s.add(PromotionResult(promotion_id=1, gmv_fen=90_000_000, orders=4000, cost_fen=4_000_000))
        s.add(Task(title="双11 备货", promotion_id=1))
    return db


def rows(db):
    with db.session() as s:
        return [{c.name: getattr(p, c.name) for c in Promotion.__table__.columns}
                for p in s.scalars(select(Promotion).order_by(Promotion.id))]


def promo(db, pid):
    with db.session() as s:
        p = s.get(Promotion, pid)
        return None if p is None else (p.name, p.start, p.end, [(x["name"], x["start"], x["end"]) for x in p.phases])


def test_adding_a_promotion_then_undo_and_redo(shop):
    before = rows(shop)
    history = History()
    change = history.apply(shop, AddPromotion("店庆 3周年", D(2026, 12, 16), D(2026, 12, 18), platforms=("taobao", "douyin"),
                                              phases=(("预热", D(2026, 12, 16), D(2026, 12, 16)),
                                                      ("正式", D(2026, 12, 17), D(2026, 12, 18))),
                                              budget_fen=300_000, expected_uplift=0.4, note="全店满199减30"))
    assert change.label == "Add promotion 店庆 3周年" and change.topics == {"promotions"}
    after = rows(shop)
    (new,) = [r for r in after if r["name"] == "店庆 3周年"]
    assert (new["kind"], new["platforms"], new["budget_fen"], new["status"]) == ("own", ["taobao", "douyin"], 300_000, "planned")
    assert new["phases"] == [{"name": "预热", "start": "2026-12-16", "end": "2026-12-16"},
                             {"name": "正式", "start": "2026-12-17", "end": "2026-12-18"}]
    history.undo(shop)
    assert rows(shop) == before
    history.redo(shop)
    assert rows(shop) == after


@pytest.mark.parametrize("kwargs, field, words", [
    ({"name": "  "}, "name", "Give the promotion a name"),
    ({"end": D(2026, 12, 1)}, "end", "ends (2026-12-01) before it starts (2026-12-10)"),
    ({"budget_fen": -100}, "budget_fen", "below ¥0"),
    ({"platforms": ("taobao", "amazon")}, "platforms", "“amazon” is not a channel"),
    ({"phases": (("预热", D(2026, 12, 5), D(2026, 12, 11)),)}, "phases", "outside the promotion's dates"),
    ({"phases": (("正式", D(2026, 12, 10), D(2026, 12, 12)), ("返场", D(2026, 12, 12), D(2026, 12, 12)))}, "phases",
     "before the phase before it has ended"),
    ({"kind": "weird"}, "kind", "Choose a platform festival"),
    ({"status": "maybe"}, "status", "Choose planned"),
    ({"end": D(2028, 1, 1)}, "end", "at most 366"),
    ({"expected_uplift": 500.0}, "expected_uplift", "between"),
])
def test_invalid_promotions_are_refused_naming_the_field_and_nothing_is_written(shop, kwargs, field, words):
    before = rows(shop)
    values = {"name": "双12", "start": D(2026, 12, 10), "end": D(2026, 12, 12), **kwargs}
    with pytest.raises(FieldError) as err:
        apply_edit(shop, AddPromotion(**values))
    assert err.value.field == field and words in err.value.message
    assert rows(shop) == before


def test_setting_fields_validates_against_the_stored_dates_and_undo_restores_exactly(shop):
    before = rows(shop)
    with pytest.raises(FieldError) as err:  # only the end is given: checked against the stored start
        apply_edit(shop, SetPromotionFields.of(2, end=D(2026, 11, 17)))
    assert err.value.field == "end" and err.value.row == 2
    with pytest.raises(FieldError) as err:  # the stored phases no longer fit the new dates
        apply_edit(shop, SetPromotionFields.of(1, start=D(2026, 10, 25)))
    assert err.value.field == "phases" and "预售" in err.value.message
    assert rows(shop) == before

    history = History()
    change = history.apply(shop, SetPromotionFields.of(2, name="会员日 11月（金卡）", budget_fen=250_000,
                                                        platforms=["taobao", "douyin"], status="running",
                                                        expected_uplift=0.25, note="金卡再送茶样"))
    assert change.label == "Edit 会员日 11月（金卡）"
    (row,) = [r for r in rows(shop) if r["id"] == 2]
    assert (row["name"], row["budget_fen"], row["platforms"], row["status"], row["expected_uplift"], row["note"]) == (
        "会员日 11月（金卡）", 250_000, ["taobao", "douyin"], "running", 0.25, "金卡再送茶样")
    history.undo(shop)
    assert rows(shop) == before


def test_moving_shifts_dates_and_phases_and_undo_puts_them_back(shop):
    before = rows(shop)
    history = History()
    change = history.apply(shop, MovePromotion(1, 3))
    assert change.label == "Move 2026 双11全球狂欢节 to 2026-10-23 – 2026-11-14"
    assert promo(shop, 1) == ("2026 双11全球狂欢节", D(2026, 10, 23), D(2026, 11, 14), [
        ("预售", "2026-10-23", "2026-11-03"), ("正式", "2026-11-04", "2026-11-13"), ("巅峰日", "2026-11-14", "2026-11-14")])
    history.undo(shop)
    assert rows(shop) == before
    history.redo(shop)
    assert promo(shop, 1)[1:3] == (D(2026, 10, 23), D(2026, 11, 14))


def test_resizing_one_end_carries_the_phase_at_that_end_and_cuts_the_others(shop):
    history = History()
    history.apply(shop, MovePromotion(1, 2, edge="end"))  # longer: the last phase grows with it
    assert promo(shop, 1)[2:] == (D(2026, 11, 13), [
        ("预售", "2026-10-20", "2026-10-31"), ("正式", "2026-11-01", "2026-11-10"), ("巅峰日", "2026-11-11", "2026-11-13")])
    history.apply(shop, MovePromotion(1, 15, edge="start"))  # shorter from the front: 预售 is gone, 正式 is cut
    assert promo(shop, 1)[1:] == (D(2026, 11, 4), D(2026, 11, 13), [
        ("正式", "2026-11-04", "2026-11-10"), ("巅峰日", "2026-11-11", "2026-11-13")])
    with pytest.raises(FieldError) as err:
        apply_edit(shop, MovePromotion(2, -1, edge="end"))  # a one-day promotion cannot lose its day
    assert err.value.field == "end" and "end before it starts" in err.value.message
    history.undo(shop)
    history.undo(shop)
    assert promo(shop, 1)[1:3] == (D(2026, 10, 20), D(2026, 11, 11))


def test_duplicating_a_festival_promotion_lands_on_next_years_festival(shop):
    history = History()
    change = history.apply(shop, DuplicatePromotionToNextYear(1))
    assert change.label == "Copy 2026 双11全球狂欢节 to 2027"
    with shop.session() as s:
        copy = s.scalars(select(Promotion).where(Promotion.name == "2027 双11全球狂欢节")).one()
        assert (copy.start, copy.end, copy.status, copy.kind) == (D(2027, 10, 20), D(2027, 11, 11), "planned", "festival")
        assert copy.phases[0] == {"name": "预售", "start": "2027-10-20", "end": "2027-10-31"}
        assert copy.rules == [{"type": "满减", "threshold_fen": 20000, "off_fen": 3000}] and copy.budget_fen == 5_000_000
        assert s.scalars(select(PromotionResult).where(PromotionResult.promotion_id == copy.id)).all() == []
    history.undo(shop)
    assert len(rows(shop)) == 2


def test_duplicating_a_lunar_festival_follows_the_lunar_calendar(db):
    with db.transaction() as s:  # 年货节 2026: 春节 2026-02-17 → 2026-01-18 … 2026-02-10
        s.add(Promotion(id=5, name="2026年货节", kind="festival", platforms=[], start=D(2026, 1, 18), end=D(2026, 2, 10),
                        phases=[], rules=[], scope={}, budget_fen=0, status="done", note=""))
    apply_edit(db, DuplicatePromotionToNextYear(5))
    with db.session() as s:
        copy = s.scalars(select(Promotion).where(Promotion.name == "2027年货节")).one()
        # 春节 2027-02-06: 30 days before it until 7 days before it
        assert (copy.start, copy.end) == (D(2027, 1, 7), D(2027, 1, 30))


def test_names_and_phase_text():
    assert next_year_name("2026 双11全球狂欢节", 2026) == "2027 双11全球狂欢节"
    assert next_year_name("会员日 11月", 2026) == "会员日 11月"
    assert next_year_name("20260 特卖", 2026) == "20260 特卖"
    assert parse_phases("预热 11-01~11-03; 正式 2026-11-04~2026-11-11", year=2026) == [
        ("预热", D(2026, 11, 1), D(2026, 11, 3)), ("正式", D(2026, 11, 4), D(2026, 11, 11))]
    with pytest.raises(FieldError) as err:
        parse_phases("预热 from Monday", year=2026)
    assert err.value.field == "phases"


def test_phase_dates_without_a_year_fall_inside_a_promotion_across_new_year():
    """2028's 年货节 starts 2027-12-27: its 01-19 is 2028's; a phase before the start stays where typed."""
    span = {"start": D(2027, 12, 27), "end": D(2028, 1, 19)}
    assert parse_phases("预热 12-27~12-29; 正式 12-30~01-19", year=2027, **span) == [
        ("预热", D(2027, 12, 27), D(2027, 12, 29)), ("正式", D(2027, 12, 30), D(2028, 1, 19))]
    assert parse_phases("正式 2027-01-02~2027-01-05", year=2027, **span) == [("正式", D(2027, 1, 2), D(2027, 1, 5))]
    assert parse_phases("预热 10-01~10-03", year=2026, start=D(2026, 11, 1), end=D(2026, 11, 11)) == [
        ("预热", D(2026, 10, 1), D(2026, 10, 3))]  # refused later as outside the promotion's dates, as before


def test_a_festivals_promotion_off_its_preset_dates_moves_with_the_festival_to_next_year():
    """年货节 follows 春节: a 2026 年货节 one day shorter than the preset (01-18 – 02-09) was copied to 2027-01-18 –
    02-09, running past 春节 (2027-02-06) when parcels stop; 2027's 年货节 starts on 01-07."""
    from core.edits.promotions import next_year_dates

    phases = [("预热", D(2026, 1, 18), D(2026, 1, 20)), ("正式", D(2026, 1, 21), D(2026, 2, 9))]
    assert next_year_dates(D(2026, 1, 18), D(2026, 2, 9), phases, "年货节 茶礼") == (
        D(2027, 1, 7), D(2027, 1, 29), [("预热", D(2027, 1, 7), D(2027, 1, 9)), ("正式", D(2027, 1, 10), D(2027, 1, 29))])
    # a promotion of no festival keeps its days of the month, across New Year too
    assert next_year_dates(D(2026, 12, 26), D(2027, 1, 3), [], "跨年特卖") == (D(2027, 12, 26), D(2028, 1, 3), [])


def test_deleting_promotions_goes_through_the_trash_and_undo_restores_them_with_results_and_tasks(shop):
    before = rows(shop)
    history = History()
    change = history.apply(shop, DeletePromotions((1,)))
    assert change.label == "Delete 2026 双11全球狂欢节"
    assert [r["id"] for r in rows(shop)] == [2]
    with shop.session() as s:
        assert s.scalars(select(PromotionResult)).all() == []
        assert s.scalars(select(Task)).one().promotion_id is None
    assert [i.title for i in list_trash(shop)] == ["2026 双11全球狂欢节"]
    history.undo(shop)
    assert rows(shop) == before
    with shop.session() as s:
        assert s.scalars(select(PromotionResult)).one().gmv_fen == 90_000_000
        assert s.scalars(select(Task)).one().promotion_id == 1
    with pytest.raises(FieldError):
        apply_edit(shop, DeletePromotions(()))


def test_an_unknown_channel_is_refused_naming_the_channels_as_the_owner_reads_them(shop):
    """A new owner was told “闲鱼” is not a channel ShopDesk knows (taobao, jd, pdd, …): codes they never see."""
    with pytest.raises(FieldError) as err:
        apply_edit(shop, AddPromotion(name="双12", start=D(2026, 12, 10), end=D(2026, 12, 12), platforms=("闲鱼",)))
    assert err.value.field == "platforms"
    assert "“闲鱼” is not a channel ShopDesk knows" in err.value.message
    assert "Taobao/Tmall, JD, Pinduoduo, Douyin" in err.value.message and "taobao" not in err.value.message
