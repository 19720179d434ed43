"""Range presets, 环比/同比 periods, change ratios and goal progress (kpi_shop goals)."""
from __future__ import annotations

import datetime as dt

import pytest
from kpi_shop import build_shop

from core.kpi import (
    DateRange,
    buckets,
    compare,
    compute_dashboard,
    goal_target,
    preset_range,
    previous_period,
    same_period_last_year,
)

d = dt.date
TODAY = d(2026, 11, 20)  # a Friday


@pytest.mark.parametrize(
    ("preset", "start", "end"),
    [
        ("today", d(2026, 11, 20), d(2026, 11, 20)),
        ("yesterday", d(2026, 11, 19), d(2026, 11, 19)),
        ("last_7_days", d(2026, 11, 14), d(2026, 11, 20)),
        ("last_30_days", d(2026, 10, 22), d(2026, 11, 20)),
        ("this_month", d(2026, 11, 1), d(2026, 11, 20)),
        ("last_month", d(2026, 10, 1), d(2026, 10, 31)),
        ("this_quarter", d(2026, 10, 1), d(2026, 11, 20)),
        ("year_to_date", d(2026, 1, 1), d(2026, 11, 20)),
    ],
)
def test_presets(preset, start, end):
    assert preset_range(preset, TODAY) == DateRange(start, end)


def test_custom_and_unknown_presets():
    assert preset_range("custom", TODAY, (d(2026, 1, 5), d(2026, 1, 9))).days == 5
    assert preset_range("last_month", d(2026, 1, 15)) == DateRange(d(2025, 12, 1), d(2025, 12, 31))
    with pytest.raises(ValueError):
        preset_range("fortnight", TODAY)
    with pytest.raises(ValueError):
        DateRange(d(2026, 1, 2), d(2026, 1, 1))


def test_previous_equal_period():
    assert previous_period(DateRange(d(2026, 3, 1), d(2026, 3, 31))) == DateRange(d(2026, 1, 29), d(2026, 2, 28))
    assert previous_period(DateRange(d(2026, 11, 20), d(2026, 11, 20))) == DateRange(d(2026, 11, 19), d(2026, 11, 19))


def test_same_period_last_year_handles_29_february():
    assert same_period_last_year(DateRange(d(2028, 2, 1), d(2028, 2, 29))) == DateRange(d(2027, 2, 1), d(2027, 2, 28))
    assert same_period_last_year(DateRange(d(2028, 2, 29), d(2028, 2, 29))) == DateRange(d(2027, 2, 28), d(2027, 2, 28))
    assert same_period_last_year(DateRange(d(2026, 3, 1), d(2026, 3, 31))) == DateRange(d(2025, 3, 1), d(2025, 3, 31))


def test_compare():
    assert compare(120, 100) == pytest.approx(0.2)
    assert compare(50, 100) == pytest.approx(-0.5)
    assert compare(10, 0) is None
    assert compare(None, 5) is None and compare(5, None) is None


def test_buckets_week_and_month():
    weeks = buckets(DateRange(d(2026, 3, 1), d(2026, 3, 31)), "week")  # 1 March 2026 is a Sunday
    assert weeks[0] == DateRange(d(2026, 3, 1), d(2026, 3, 1))
    assert weeks[1] == DateRange(d(2026, 3, 2), d(2026, 3, 8))
    assert weeks[-1] == DateRange(d(2026, 3, 30), d(2026, 3, 31))
    assert sum(w.days for w in weeks) == 31
    months = buckets(DateRange(d(2026, 1, 15), d(2026, 3, 3)), "month")
    assert [(m.start, m.end) for m in months] == [
        (d(2026, 1, 15), d(2026, 1, 31)), (d(2026, 2, 1), d(2026, 2, 28)), (d(2026, 3, 1), d(2026, 3, 3))]


def test_goal_targets_prorate_by_day(db):
    build_shop(db)
    march = DateRange(d(2026, 3, 1), d(2026, 3, 31))
    t = goal_target(db, march)
    assert (t.gmv, t.orders) == (310000, 31)  # the shop-wide goal; the 服装 category goal is not added
    assert goal_target(db, DateRange(d(2026, 3, 16), d(2026, 3, 31))).gmv == 160000
    # 9 February days at 10,000 fen/day + 10 March days at 10,000
    assert goal_target(db, DateRange(d(2026, 2, 20), d(2026, 3, 10))).gmv == 190000
    assert goal_target(db, march, "taobao").gmv == 100000
    assert goal_target(db, march, "jd").gmv is None
    # April has no month goal: the quarter goal (910,000 over 91 days) stands in
    assert goal_target(db, DateRange(d(2026, 4, 1), d(2026, 4, 10))).gmv == 100000
    # part of the range has no goal at all: no target rather than a partial one
    assert goal_target(db, DateRange(d(2026, 1, 25), d(2026, 2, 5))).gmv is None


def test_goal_from_channel_goals_when_no_shop_wide_goal(db):
    from core.models import Goal

    with db.transaction() as s:
        for platform, gmv in (("taobao", 30000), ("jd", 60000)):
            s.add(Goal(period_kind="month", period_start=d(2026, 9, 1), period_end=d(2026, 9, 30),
                       platform=platform, target_gmv_fen=gmv))
    assert goal_target(db, DateRange(d(2026, 9, 1), d(2026, 9, 10))).gmv == 30000


def test_dashboard_cards(db):
    build_shop(db)
    dash = compute_dashboard(db, DateRange(d(2026, 3, 1), d(2026, 3, 31)))
    gmv = dash.card("gmv")
    assert gmv.value == 92000
    assert gmv.previous == 4000  # T7, 28 Feb 23:59:59 (previous period 29 Jan – 28 Feb)
    assert gmv.last_year == 46000  # L1, March 2025
    assert gmv.change_prev == pytest.approx(92000 / 4000 - 1)
    # the shop's orders start 2025-03-10: last year's March is not fully in ShopDesk, no 同比
    assert gmv.change_year is None and gmv.year_coverage == (22, 31) and gmv.prev_coverage == (31, 31)
    assert gmv.target == 310000 and gmv.progress == pytest.approx(92000 / 310000)
    orders = dash.card("orders")
    assert (orders.value, orders.previous, orders.last_year, orders.target) == (12, 1, 1, 31)
    assert orders.change_year is None
    refund_rate = dash.card("refund_rate")  # rates change in points: 8.7 % vs 0 % in Feb
    assert refund_rate.in_points and refund_rate.change_prev == pytest.approx(8000 / 92000 - refund_rate.previous)
    # a year later, the comparison is covered again
    later = compute_dashboard(db, DateRange(d(2026, 3, 10), d(2026, 3, 31)))
    assert later.card("gmv").change_year == pytest.approx(later.card("gmv").value / 46000 - 1)
    conv = dash.card("conversion_rate")
    assert conv.previous is None and conv.change_prev is None and conv.progress is None
    assert dash.card("units").last_year == 4
    assert [c.key for c in dash.cards][:3] == ["gmv", "orders", "paying_buyers"]

    tb = compute_dashboard(db, DateRange(d(2026, 3, 1), d(2026, 3, 31)), "taobao")
    assert tb.card("gmv").value == 24000 and tb.card("gmv").progress == pytest.approx(0.24)


def test_each_target_comes_from_the_finest_goal_that_sets_it(db):
    """Month goals without a conversion target leave conversion to the year goal."""
    from core.models import Goal

    with db.transaction() as s:
        s.add(Goal(period_kind="year", period_start=d(2026, 1, 1), period_end=d(2026, 12, 31),
                   target_gmv_fen=36_500_000, target_orders=3650, target_conversion=0.035))
        s.add(Goal(period_kind="month", period_start=d(2026, 11, 1), period_end=d(2026, 11, 30),
                   target_gmv_fen=3_000_000, target_orders=None))
    nov = goal_target(db, DateRange(d(2026, 11, 1), d(2026, 11, 20)))
    assert nov.gmv == 2_000_000  # the month goal, 20 of its 30 days
    assert nov.conversion_rate == pytest.approx(0.035)  # the year goal's, not unknown
    assert nov.orders == 200  # the month sets no orders target: the year's 10 a day
    assert (nov.gmv_full, nov.full_start, nov.full_end) == (3_000_000, d(2026, 11, 1), d(2026, 11, 30))


def test_target_to_date_is_the_dashboards_prorated_target(db):
    from core.kpi.targets import target_to_date
    from core.models import Goal

    with db.transaction() as s:
        s.add(Goal(period_kind="month", period_start=d(2026, 11, 1), period_end=d(2026, 11, 30),
                   target_gmv_fen=1_000_000))
    dashboard = goal_target(db, DateRange(d(2026, 11, 1), d(2026, 11, 22))).gmv
    assert target_to_date(1_000_000, d(2026, 11, 1), d(2026, 11, 30), d(2026, 11, 22)) == dashboard == 733_333
    assert target_to_date(1_000_000, d(2026, 11, 1), d(2026, 11, 30), d(2026, 10, 31)) is None
    assert target_to_date(1_000_000, d(2026, 11, 1), d(2026, 11, 30), d(2026, 12, 5)) == 1_000_000
