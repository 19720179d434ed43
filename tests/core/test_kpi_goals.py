"""Goals (core.goals) agree with the dashboard: pace to date and category sales."""
from __future__ import annotations

import datetime as dt

import pytest
from kpi_shop import add_order

from core.goals import goal_rows
from core.kpi import DateRange, compute_dashboard
from core.kpi.series import category_share, sku_sales
from core.models import Goal, Sku
from tests.conftest import DEMO_END

d = dt.date


def test_goals_pace_is_the_dashboards_progress_over_the_finished_days(demo_db):
    """Pace counts finished days only (today is not over): the dashboard's progress to date for
    the month up to yesterday."""
    yesterday = DEMO_END - dt.timedelta(days=1)
    finished = compute_dashboard(demo_db, DateRange(DEMO_END.replace(day=1), yesterday)).card("gmv")
    so_far = compute_dashboard(demo_db, DateRange(DEMO_END.replace(day=1), DEMO_END)).card("gmv")
    with demo_db.session() as s:
        row = next(r for r in goal_rows(s, DEMO_END) if r.period_kind == "month" and r.period_start == DEMO_END.replace(day=1)
                   and not r.platform and not r.category)
    assert row.actual_gmv_fen == so_far.value  # the actual includes today's sales so far
    assert row.target_to_date == finished.target
    assert row.pace == pytest.approx(finished.progress)
    # Progress stays actual ÷ the whole month's target (19 of 30 days over)
    assert row.progress == pytest.approx(so_far.value / row.target_gmv_fen)
    assert row.pace == pytest.approx(finished.value / row.target_gmv_fen * 30 / 19)


def test_category_goal_counts_sales_as_the_dashboards_category_share(db):
    """An order discount (paid 90 for a line priced 100) lowers the category's sales in both."""
    with db.transaction() as s:
        s.add(Sku(code="TEE", title="T恤", category="服饰", cost_fen=1000))
        add_order(s, "pdd", "P1", "", "paid", dt.datetime(2026, 9, 3, 10), 9000, lines=[("TEE", 2, 5000, None)])
        s.add(Goal(period_kind="month", period_start=d(2026, 9, 1), period_end=d(2026, 9, 30),
                   category="服饰", target_gmv_fen=30000))
    rng = DateRange(d(2026, 9, 1), d(2026, 9, 30))
    share = dict(category_share(sku_sales(db, rng)))
    with db.session() as s:
        row = goal_rows(s, d(2026, 9, 30))[0]
    assert share["服饰"] == 9000
    assert row.actual_gmv_fen == 9000  # not 2 × ¥50 = ¥100
    assert row.progress == pytest.approx(0.3)
