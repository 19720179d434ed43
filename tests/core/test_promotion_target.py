"""The budget's split (discount cost + ad spend) and the target GMV in a promotion's effect, the
comparison and ``export promotions`` — on the small shop of tests/core/effect_shop.py, every
figure computed by hand in the comments (today is 2026-03-12)."""
from __future__ import annotations

import json

import pytest

from core.edits import apply_edit
from core.edits.promotions import SetPromotionFields
from core.promotion_compare import compare_effects, effect_record, year_range
from core.promotion_effect import promotion_effect
from core.views import ViewParams, export_view
from tests.core.effect_shop import TODAY, build_effect_shop


@pytest.fixture
def shop(db):
    build_effect_shop(db)
    # 春茶节 (done, 10–12 March, 茶叶): ¥200 discount + ¥100 ad spend, target ¥500
    apply_edit(db, SetPromotionFields.of(1, discount_budget_fen=20000, ad_budget_fen=10000, target_gmv_fen=50000))
    # 茶具周 (running, 12–13 March, day 1 of 2): ¥123.45 discount + ¥76.55 ad spend, target ¥1,000
    apply_edit(db, SetPromotionFields.of(3, discount_budget_fen=12345, ad_budget_fen=7655, target_gmv_fen=100000))
    return db


def effect(db, pid):
    with db.session() as s:
        return promotion_effect(s, pid, TODAY)


def test_a_finished_promotion_costs_its_whole_split_budget_and_shows_its_target(shop):
    e = effect(shop, 1)
    assert (e.cost_fen, e.cost_basis) == (30000, "budget")
    assert (e.discount_cost_fen, e.ad_cost_fen) == (20000, 10000)
    assert e.window.gmv_fen == 38000 and e.target_gmv_fen == 50000
    assert e.target_progress == pytest.approx(0.76)  # ¥380 of ¥500


def test_a_running_promotions_prorated_cost_splits_exactly_to_the_fen(shop):
    e = effect(shop, 3)
    assert (e.cost_fen, e.cost_basis, e.days_run) == (10000, "prorated", 1)  # ¥200 × 1/2
    # ¥100 × 12345/20000 = ¥61.725 and × 7655/20000 = ¥38.275: 6172 + 3827 fen and the one fen
    # left over to the first of the two equal remainders
    assert (e.discount_cost_fen, e.ad_cost_fen) == (6173, 3827)
    assert e.discount_cost_fen + e.ad_cost_fen == e.cost_fen
    assert e.target_progress == pytest.approx(0.35)  # ¥350 of the whole ¥1,000 target on day 1


def test_a_measured_cost_has_no_split_and_no_target_is_no_progress(shop):
    e = effect(shop, 2)  # 京东秒杀: a recorded cost of ¥40, no target
    assert (e.cost_fen, e.cost_basis) == (4000, "measured")
    assert (e.discount_cost_fen, e.ad_cost_fen, e.target_progress) == (None, None, None)


def test_the_comparison_rows_carry_the_split_and_the_target(shop):
    with shop.session() as s:
        rows = {r["id"]: r for r in map(effect_record, compare_effects(s, *year_range(2026), TODAY))}
    assert (rows[1]["discount_cost_fen"], rows[1]["ad_cost_fen"], rows[1]["target_gmv_fen"]) == (20000, 10000, 50000)
    assert rows[1]["target_progress"] == pytest.approx(0.76)
    assert (rows[3]["discount_cost_fen"], rows[3]["ad_cost_fen"]) == (6173, 3827)
    assert rows[4]["target_progress"] is None  # 38女王节 has no target


def test_export_promotions_keeps_budget_and_adds_the_split_and_the_target(shop, tmp_path):
    path, _ = export_view(shop, "promotions", tmp_path / "p.json", ViewParams(TODAY))
    rows = {r["id"]: r for r in json.loads(path.read_text(encoding="utf-8"))}
    one, three = rows[1], rows[3]
    assert (one["budget"], one["discount_budget"], one["ad_budget"], one["target_gmv"]) == (300.0, 200.0, 100.0, 500.0)
    assert (one["gmv"], one["target_progress"], one["cost"], one["discount_cost"], one["ad_cost"]) == (
        380.0, 0.76, 300.0, 200.0, 100.0)
    assert (three["budget"], three["discount_budget"], three["ad_budget"]) == (200.0, 123.45, 76.55)
    assert (three["cost"], three["discount_cost"], three["ad_cost"], three["target_progress"]) == (100.0, 61.73, 38.27, 0.35)
    # 38女王节 has no target: null, not 0 %; its cost (a budget written without parts) counts as ad spend
    assert (rows[4]["budget"], rows[4]["target_gmv"], rows[4]["target_progress"]) == (100.0, None, None)
    assert (rows[4]["cost"], rows[4]["discount_cost"], rows[4]["ad_cost"]) == (100.0, 0.0, 100.0)
