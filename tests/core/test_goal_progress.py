"""The Goals chart's data (core.goal_progress) against hand-computed values, and the chart itself."""
from __future__ import annotations

import datetime as dt

from kpi_shop import add_order
from matplotlib.figure import Figure

from core.charts import draw_goal_progress
from core.goal_progress import daily_targets, last_years_days, load_progress
from core.models import Goal

d = dt.date
D = dt.datetime


def test_a_months_target_is_spread_over_its_days_exactly_and_the_year_fills_months_without_one():
    months = [3_100_01] + [None] * 11  # January ¥3,100.01 over 31 days; the rest from the year
    days = daily_targets(2028, months, 3_100_01 + 335 * 100)  # leap year: 366 − 31 = 335 days left
    assert days[d(2028, 1, 1)] == 10_001 and days[d(2028, 1, 2)] == 10_000  # the odd fen: the first day
    assert sum(v for k, v in days.items() if k.month == 1) == 3_100_01
    assert days[d(2028, 2, 29)] == 100 and sum(days.values()) == 3_100_01 + 33_500
    assert len(days) == 366


def test_last_years_days_count_each_day_once_across_a_leap_year():
    assert last_years_days(d(2025, 2, 28)) == [d(2024, 2, 28), d(2024, 2, 29)]
    assert last_years_days(d(2028, 2, 29)) == [] and last_years_days(d(2028, 2, 28)) == [d(2027, 2, 28)]
    year = [d(2025, 1, 1) + dt.timedelta(days=i) for i in range(365)]
    counted = [x for day in year for x in last_years_days(day)]
    assert len(counted) == len(set(counted)) == 366  # all of 2024


def test_cumulative_actual_target_and_last_year_through_a_period_with_today_marked(db):
    with db.transaction() as s:
        s.add(Goal(period_kind="month", period_start=d(2028, 2, 1), period_end=d(2028, 2, 29), target_gmv_fen=29_000))
        add_order(s, "taobao", "L0", "a", "completed", D(2027, 1, 20, 9), 1_000)  # before the period: not in it
        add_order(s, "taobao", "L1", "a", "completed", D(2027, 2, 10, 9), 5_000)
        add_order(s, "taobao", "L2", "b", "completed", D(2027, 2, 28, 9), 7_000)
        add_order(s, "taobao", "A1", "a", "completed", D(2028, 2, 3, 9), 4_000)
        add_order(s, "taobao", "A2", "b", "completed", D(2028, 2, 10, 9), 6_000)  # today, so far
        add_order(s, "taobao", "A3", "c", "completed", D(2028, 2, 11, 9), 9_999)  # tomorrow: not yet
    with db.session() as s:
        p = load_progress(s, d(2028, 2, 1), d(2028, 2, 29), today=d(2028, 2, 10))
    assert len(p.days) == 29 and p.today_index == 9
    assert p.target[0] == 1_000 and p.target[9] == 10_000 and p.target[-1] == 29_000
    assert len(p.actual) == 10 and p.actual[2] == 4_000 and p.actual[-1] == 10_000
    assert p.last_year[9] == 5_000 and p.last_year[-1] == 12_000  # 29 Feb adds nothing: 28 Feb had it
    fig = Figure()
    hover = draw_goal_progress(fig, p)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Last year", "Target", "Actual"]
    assert any(t.get_text() == "Today" for t in ax.texts)
    assert hover[0][1][9] == "2028-02-10\nActual: ¥100.00"


def test_a_period_without_goals_or_orders_says_so(db):
    with db.session() as s:
        p = load_progress(s, d(2030, 1, 1), d(2030, 12, 31), today=d(2029, 6, 1))
    assert p.target is None and p.actual == () and p.last_year is None and p.today_index is None
    fig = Figure()
    assert draw_goal_progress(fig, p) == []
    assert fig.axes[0].texts[0].get_text() == "No goals and no orders for this period"


def test_last_year_starts_where_its_orders_start(db):
    with db.transaction() as s:
        add_order(s, "taobao", "L1", "a", "completed", D(2025, 10, 2, 9), 5_000)
        add_order(s, "taobao", "A1", "a", "completed", D(2026, 3, 3, 9), 4_000)
    with db.session() as s:
        p = load_progress(s, d(2026, 1, 1), d(2026, 12, 31), today=d(2026, 11, 20))
    assert p.last_year_from == d(2026, 10, 2) and p.last_year[-1] == 5_000
    fig = Figure()
    draw_goal_progress(fig, p)
    line = next(x for x in fig.axes[0].get_lines() if x.get_label().startswith("Last year"))
    assert line.get_label() == "Last year (orders from 2025-10-02)" and line.get_xdata()[0] == d(2026, 10, 2)
