"""The month grid and where promotion bars go on it, and the rows the Promotions list exports."""
from __future__ import annotations

import json

import datetime as dt

from core.calendar_layout import Span, grid_days, grid_start, lay_out, shift_month
from core.models import Promotion, PromotionResult
from core.views import ViewParams, export_view

D = dt.date


def test_the_grid_starts_on_the_monday_before_the_first_and_has_six_weeks():
    assert grid_start(2026, 11) == D(2026, 10, 26)  # 1 Nov 2026 is a Sunday
    assert grid_start(2027, 2) == D(2027, 2, 1)  # a Monday: the month's own first day
    days = grid_days(2026, 11)
    assert len(days) == 42 and days[-1] == D(2026, 12, 6) and all(d.weekday() == i % 7 for i, d in enumerate(days))
    assert shift_month(2026, 12, 1) == (2027, 1) and shift_month(2026, 1, -1) == (2025, 12)


def test_a_long_span_is_cut_per_week_and_overlaps_stack_in_lanes():
    start = grid_start(2026, 11)
    spans = [Span("d11", D(2026, 10, 20), D(2026, 11, 11)), Span("member", D(2026, 11, 18), D(2026, 11, 18)),
             Span("a", D(2026, 11, 9), D(2026, 11, 10)), Span("b", D(2026, 11, 10), D(2026, 11, 12)),
             Span("c", D(2026, 11, 11), D(2026, 11, 11))]
    segs = {(s.key, s.week): s for s in lay_out(spans, start)}
    assert [(s.week, s.first, s.last, s.lane) for k, s in sorted(segs.items()) if k[0] == "d11"] == [
        (0, D(2026, 10, 26), D(2026, 11, 1), 0), (1, D(2026, 11, 2), D(2026, 11, 8), 0),
        (2, D(2026, 11, 9), D(2026, 11, 11), 0)]
    assert not segs["d11", 0].starts_here and segs["d11", 2].ends_here and not segs["d11", 1].ends_here
    # week 2: 双11 lane 0; a (9–10) lane 1; b (10–12) overlaps a → lane 2; c (11) fits after a → lane 1
    assert [segs[k, 2].lane for k in ("a", "b", "c")] == [1, 2, 1]
    assert segs["member", 3].lane == 0 and segs["member", 3].columns == (2, 2)


def test_a_free_lane_is_reused_and_spans_outside_the_grid_are_left_out():
    start = grid_start(2026, 11)
    spans = [Span("x", D(2026, 11, 2), D(2026, 11, 3)), Span("y", D(2026, 11, 2), D(2026, 11, 2)),
             Span("z", D(2026, 11, 4), D(2026, 11, 8)), Span("old", D(2026, 9, 1), D(2026, 9, 9))]
    segs = {s.key: s for s in lay_out(spans, start)}
    assert (segs["x"].lane, segs["y"].lane, segs["z"].lane) == (0, 1, 0) and "old" not in segs


def test_export_rows_have_stable_keys_and_the_lists_values(db, tmp_path):
    with db.transaction() as s:
        s.add(Promotion(id=1, name="双11", kind="festival", platforms=["taobao"], start=D(2026, 10, 20),
                        end=D(2026, 11, 11), budget_fen=100000, discount_budget_fen=40000, ad_budget_fen=60000,
                        target_gmv_fen=2000000, status="done", rules=[], scope={},
                        phases=[{"name": "预售", "start": "2026-10-20", "end": "2026-10-31"}], note="定金"))
        s.add(PromotionResult(promotion_id=1, gmv_fen=1000000, cost_fen=200000, baseline_gmv_fen=600000))
        s.add(Promotion(id=2, name="春茶", kind="own", platforms=[], start=D(2026, 3, 20), end=D(2026, 4, 5),
                        budget_fen=0, status="done", rules=[], scope={}, phases=[], note=""))
    path, _ = export_view(db, "promotions", tmp_path / "p.json", ViewParams(D(2026, 11, 20), D(2026, 11, 1), D(2026, 11, 30)))
    rows = json.loads(path.read_text(encoding="utf-8"))
    assert rows == [{
        "id": 1, "name": "双11", "kind": "festival", "platforms": ["taobao"], "start": "2026-10-20",
        "end": "2026-11-11", "days": 23, "phases": [{"name": "预售", "start": "2026-10-20", "end": "2026-10-31"}],
        "tiers": [], "budget": 1000.0, "discount_budget": 400.0, "ad_budget": 600.0, "target_gmv": 20000.0,
        "expected_uplift": None, "status": "done", "gmv": 10000.0, "target_progress": 0.5,
        "baseline": 6000.0, "baseline_last_year": None, "uplift": 0.666667, "cost": 2000.0, "discount_cost": None,
        "ad_cost": None, "cost_basis": "measured",
        "days_run": None, "roas": 5.0, "incremental_roi": 2.0, "roi": None, "skus_without_cost": None, "measured": True,
        "note": "定金", "scope_categories": [], "scope_skus": [], "warnings": []}]
    # (no orders: the recorded result's GMV and baseline; ROI on gross profit needs orders)
    assert list(rows[0]) == ["id", "name", "kind", "platforms", "start", "end", "days", "phases", "tiers", "budget",
                             "discount_budget", "ad_budget", "target_gmv", "expected_uplift", "status", "gmv",
                             "target_progress", "baseline", "baseline_last_year", "uplift", "cost", "discount_cost",
                             "ad_cost", "cost_basis", "days_run", "roas", "incremental_roi", "roi", "skus_without_cost",
                             "measured", "note", "scope_categories", "scope_skus", "warnings"]
