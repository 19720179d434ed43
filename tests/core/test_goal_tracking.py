"""Tracking a goal (core.goals.goal_rows and the goals export view): 达成率, gap, needed per day,
forecasts and status, against hand-computed values."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from kpi_shop import add_order

from core.goals import goal_rows
from core.views import ViewParams, export_view
from core.models import Goal
from tests.conftest import DEMO_END

d = dt.date
D = dt.datetime


def one(db, today):
    with db.session() as s:
        (row,) = goal_rows(s, today)
    return row


def test_a_leap_year_by_run_rate_counting_finished_days_only(db):
    with db.transaction() as s:
        s.add(Goal(period_kind="year", period_start=d(2028, 1, 1), period_end=d(2028, 12, 31), target_gmv_fen=3_660_000))
        add_order(s, "taobao", "A", "a", "completed", D(2028, 1, 15, 9), 600_000)
        add_order(s, "taobao", "B", "b", "completed", D(2028, 2, 29, 9), 600_000)
        add_order(s, "taobao", "C", "c", "completed", D(2028, 3, 1, 9), 100_000)  # today: not finished
    row = one(db, d(2028, 3, 1))
    # 60 finished days (31 + 29) of 366; paid 1,300,000 so far, 1,200,000 on finished days.
    assert row.actual_gmv_fen == 1_300_000
    assert row.progress == pytest.approx(1_300_000 / 3_660_000)
    assert row.target_to_date == 600_000 and row.pace == pytest.approx(2.0)  # 3,660,000 × 60/366
    assert row.forecast_run_rate_fen == 7_320_000  # 1,200,000 / 60 × 366
    assert row.forecast_seasonal_fen is None  # no orders last year
    assert row.gap_fen == 2_360_000
    assert row.needed_per_day_fen == 7_713  # 2,360,000 / 306 days left (today included) = 7712.42, rounded up
    assert row.status == "on_track" and "run rate of 60 finished days" in row.reason


@pytest.fixture
def november(db):
    with db.transaction() as s:
        s.add(Goal(period_kind="month", period_start=d(2026, 11, 1), period_end=d(2026, 11, 30), target_gmv_fen=100_000))
        for no, when, fen in (("L1", D(2025, 11, 1, 9), 10_000), ("L2", D(2025, 11, 11, 9), 30_000),
                              ("L3", D(2025, 11, 25, 9), 10_000), ("T1", D(2026, 11, 5, 9), 30_000),
                              ("T2", D(2026, 11, 11, 9), 10_000), ("T3", D(2026, 11, 12, 9), 5_000)):
            add_order(s, "taobao", no, no, "completed", when, fen)
    return db


def test_last_years_shape_forecasts_and_sets_the_status(november):
    row = one(november, d(2026, 11, 12))
    # Last November had sold 40,000 of 50,000 by the 11th: share 0.8; this year 40,000 on 11 finished days.
    assert row.forecast_seasonal_fen == 50_000  # 40,000 / 0.8
    assert row.forecast_run_rate_fen == 109_091  # 40,000 / 11 × 30 = 109,090.9
    assert row.needed_per_day_fen == 2_895  # (100,000 − 45,000) / 19 days = 2894.74, rounded up
    assert row.status == "behind"  # 50 % of the target by last year's shape, despite the run rate
    assert row.reason.startswith("Forecast ¥500 by 2026-11-30 (50% of the target) from last year's shape.")


def test_a_period_not_started_and_one_finished(november):
    with november.transaction() as s:
        s.add(Goal(period_kind="month", period_start=d(2026, 12, 1), period_end=d(2026, 12, 31), target_gmv_fen=31_000))
    with november.session() as s:
        rows = {r.period_start: r for r in goal_rows(s, d(2026, 11, 12))}
        later = {r.period_start: r for r in goal_rows(s, d(2026, 12, 3))}
    dec = rows[d(2026, 12, 1)]
    assert dec.actual_gmv_fen is None and dec.status == "not_started" and dec.reason == "Starts on 2026-12-01."
    assert dec.needed_per_day_fen == 1_000 and dec.forecast_run_rate_fen is None and dec.pace is None
    nov = later[d(2026, 11, 1)]
    assert nov.status == "missed" and nov.gap_fen == 55_000 and nov.needed_per_day_fen is None
    assert nov.forecast_run_rate_fen == 45_000


def test_the_morning_of_the_second_day_is_not_behind(db):
    with db.transaction() as s:
        s.add(Goal(period_kind="month", period_start=d(2026, 11, 1), period_end=d(2026, 11, 30), target_gmv_fen=90_000))
        add_order(s, "taobao", "A", "a", "completed", D(2026, 11, 1, 20), 3_000)  # one day's share
    first = one(db, d(2026, 11, 1))
    assert first.status == "not_started" and first.pace is None  # nothing finished yet
    second = one(db, d(2026, 11, 2))  # 9 a.m.: nothing sold today yet
    assert second.target_to_date == 3_000 and second.pace == pytest.approx(1.0)
    assert second.expected_progress == pytest.approx(1 / 30)
    assert second.forecast_run_rate_fen == 90_000 and second.status == "on_track"


def test_breakdowns_that_do_not_add_up_are_flagged_on_the_demo(demo_db, tmp_path):
    from core.edits import apply_edit
    from core.edits.goals import SetGoalFields

    def november(rows):
        return next(r for r in rows if r.period_kind == "month" and r.period_start == d(2026, 11, 1)
                    and not r.platform and not r.category)

    with demo_db.session() as s:  # the demo's category goals split the month's exactly: nothing flagged
        assert november(goal_rows(s, DEMO_END)).breakdowns_off == ()
        tea = s.query(Goal).filter(Goal.period_start == d(2026, 11, 1), Goal.period_kind == "month",
                                   Goal.category != "").order_by(Goal.id).first()
    apply_edit(demo_db, SetGoalFields.of(tea.id, target_gmv_fen=tea.target_gmv_fen + 1_919_000))  # typed higher
    with demo_db.session() as s:
        nov = november(goal_rows(s, DEMO_END))
        cats = sum(g.target_gmv_fen for g in s.query(Goal).filter(
            Goal.period_start == d(2026, 11, 1), Goal.period_kind == "month", Goal.category != ""))
    off = {kind: (total, diff) for kind, total, diff in nov.breakdowns_off}
    assert cats == nov.target_gmv_fen + 1_919_000
    assert off["categories"] == (cats, cats - nov.target_gmv_fen)
    path, _ = export_view(demo_db, "goals", tmp_path / "goals.json", ViewParams(DEMO_END))
    records = json.loads(path.read_text(encoding="utf-8"))
    rec = next(r for r in records if r["period_kind"] == "month" and r["start"] == "2026-11-01"
               and not r["platform"] and not r["category"])
    assert rec["target"] == nov.target_gmv_fen / 100
    assert rec["breakdown_differences"]["categories"] == round((cats - nov.target_gmv_fen) / 100, 2)
    assert set(rec) >= {"period_kind", "start", "end", "platform", "category", "target", "actual", "achievement",
                        "gap", "needed_per_day", "forecast_run_rate", "forecast_seasonal", "status"}
    assert rec["status"] in ("on_track", "at_risk", "behind")
    assert rec["achievement"] == pytest.approx(rec["actual"] / rec["target"], abs=1e-4)
