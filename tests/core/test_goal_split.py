"""Splitting a plan's target into months, channels and categories (core.goal_split).

Every expected value is worked out by hand in the comments, never by the code under test."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from kpi_shop import add_order

from core.goal_split import (PlanRequest, SplitError, grow, load_history, make_plan, percentages, plan_months,
                             split_exact)
from core.models import Sku

d = dt.date
D = dt.datetime


def test_largest_remainder_hands_the_odd_fen_to_the_largest_fractions_earliest_first():
    assert split_exact(100, [1, 1, 1]) == [34, 33, 33]  # 33.33 each: the first gets the odd fen
    assert split_exact(2, [1, 1, 1]) == [1, 1, 0]
    assert split_exact(7, [1, 2]) == [2, 5]  # 2.33 / 4.67: the larger fraction wins
    assert split_exact(10, [1, 2, 3, 4]) == [1, 2, 3, 4]
    assert split_exact(5, [0, 0]) == [3, 2]  # nothing to go by: even
    assert split_exact(0, [3, 1]) == [0, 0]
    with pytest.raises(ValueError):
        split_exact(-1, [1])


def test_custom_percentages_must_total_exactly_100():
    assert sum(percentages(["10"] * 4 + ["7.5"] * 8, field="m")) == 100
    with pytest.raises(SplitError, match="99.96 %") as err:
        percentages(["8.33"] * 12, field="month_custom")
    assert err.value.field == "month_custom"
    with pytest.raises(SplitError):
        percentages(["abc", "100"], field="m")


def test_growth_over_last_year():
    assert grow(100_000, 35) == 135_000
    assert grow(1, Decimal("50")) == 2  # 1.5 fen rounds half up
    assert grow(199_000, "35") == 268_650


@pytest.fixture
def shop(db):
    """Last year (2025) starts on 10 February; the plan is 2026 H1, planned on 20 December 2025."""
    with db.transaction() as s:
        s.add_all([Sku(code="A", title="裙", category="服装"), Sku(code="B", title="夹", category="配件")])
        orders = [
            ("taobao", D(2025, 2, 10, 9), 0, "A"),  # the first order (¥0 paid: coverage starts here)
            ("taobao", D(2025, 2, 12, 9), 19000, "A"),
            ("taobao", D(2025, 3, 5, 9), 30000, "A"), ("jd", D(2025, 3, 6, 9), 10000, "B"),
            ("taobao", D(2025, 4, 1, 9), 20000, "B"),
            ("jd", D(2025, 5, 20, 9), 40000, "A"),
            ("taobao", D(2025, 6, 18, 9), 60000, "A"), ("jd", D(2025, 6, 18, 10), 20000, "B"),
            ("taobao", D(2025, 12, 1, 9), 5000, "A"),  # later than the plan's last-year months
        ]
        for i, (platform, when, fen, sku) in enumerate(orders):
            add_order(s, platform, f"N{i}", f"b{i}", "completed", when, fen, lines=[(sku, 1, fen, None)])
    return db


def test_seasonal_split_with_a_month_missing_and_a_month_covered_in_part(shop):
    with shop.session() as s:
        history = load_history(s, plan_months("half", d(2026, 1, 1)), d(2025, 12, 20))
    assert history.actual == 199_000  # 19000 + 40000 + 20000 + 40000 + 80000
    assert history.platforms == ("taobao", "jd")  # 129000 before 70000 over the plan's months
    # Weights: Jan none → the average; Feb 19000 over 19 of 28 days → 28000; Mar 40000; Apr 20000;
    # May 40000; Jun 80000. Average of the five = 208000 / 5 = 41600; W = 249600.
    # Target 249601: each quota = w + w/249600; the one fen left goes to June (fraction 0.32).
    plan = make_plan(PlanRequest("half", d(2026, 1, 1), 249_601, channel_method="seasonal",
                                 category_method="seasonal"), history)
    assert [m.target for m in plan.months] == [41_600, 28_000, 40_000, 20_000, 40_000, 80_001]
    assert [m.basis for m in plan.months] == ["average", "scaled", "history", "history", "history", "history"]
    assert (plan.start, plan.end) == (d(2026, 1, 1), d(2026, 6, 30))
    # Channels: January has no sales of its own → last year's shares 129000 : 70000 (plan months only):
    # 41600 × 129/199 = 26966.83, 14633.17 → the odd fen to taobao. June 80001 × 3/4 = 60000.75.
    assert [dict(m.channels) for m in plan.months] == [
        {"taobao": 26_967, "jd": 14_633}, {"taobao": 28_000, "jd": 0}, {"taobao": 30_000, "jd": 10_000},
        {"taobao": 20_000, "jd": 0}, {"taobao": 0, "jd": 40_000}, {"taobao": 60_001, "jd": 20_000}]
    # Categories: 服装 149000 : 配件 50000 → January 31148.14 / 10451.86 → the odd fen to 配件.
    assert dict(plan.months[0].categories) == {"服装": 31_148, "配件": 10_452}
    assert dict(plan.months[5].categories) == {"服装": 60_001, "配件": 20_000}
    text = " ".join(plan.notes)
    assert "2025-02 has orders for 19 of its 28 days only" in text
    assert "No orders were imported for last year's 2025-01: that month gets the average share of the 5 months" in text
    # Growth applies to the whole half-year as estimated (249,600 as weighted above), not to the
    # 199,000 paid on the days imported: +35 % of that would be only +7.7 % on the estimate.
    assert history.estimate == 249_600
    assert grow(history.estimate, 35) == 336_960


def test_even_and_custom_splits(shop):
    with shop.session() as s:
        history = load_history(s, plan_months("year", d(2026, 1, 1)), d(2025, 12, 20))
    even = make_plan(PlanRequest("year", d(2026, 1, 1), 100, month_method="even", channel_method="even"), history)
    assert [m.target for m in even.months] == [9, 9, 9, 9] + [8] * 8  # 8.33 each: the first four get the fen
    assert dict(even.months[0].channels) == {"taobao": 5, "jd": 4}
    custom = make_plan(PlanRequest("year", d(2026, 1, 1), 1000, month_method="custom",
                                   month_custom=tuple(["10"] * 4 + ["7.5"] * 8), channel_method="custom",
                                   channel_custom=(("taobao", "60"), ("pdd", "40"))), history)
    assert [m.target for m in custom.months] == [100] * 4 + [75] * 8
    assert dict(custom.months[4].channels) == {"taobao": 45, "pdd": 30}
    with pytest.raises(SplitError) as err:
        make_plan(PlanRequest("year", d(2026, 1, 1), 1000, month_method="custom", month_custom=("100",)), history)
    assert err.value.field == "month_custom"
    with pytest.raises(SplitError) as err:
        make_plan(PlanRequest("year", d(2026, 1, 1), 1000, channel_method="custom",
                              channel_custom=(("taobao", "60"), ("pdd", "30"))), history)
    assert err.value.field == "channel_custom" and "90 %" in err.value.message


def test_sums_exact_to_the_fen_over_12_months_channels_and_categories(shop):
    with shop.session() as s:
        history = load_history(s, plan_months("year", d(2026, 1, 1)), d(2025, 12, 20))
    for target in (1, 11, 99_999, 123_456_789_01, 4_019_700_03):
        plan = make_plan(PlanRequest("year", d(2026, 1, 1), target, channel_method="seasonal",
                                     category_method="seasonal"), history)
        assert len(plan.months) == 12
        assert sum(m.target for m in plan.months) == target
        for m in plan.months:
            assert sum(v for _k, v in m.channels) == m.target
            assert sum(v for _k, v in m.categories) == m.target
            assert all(v >= 0 for _k, v in m.channels + m.categories)


def test_a_shop_without_history_is_split_evenly_and_told_so(db):
    with db.session() as s:
        history = load_history(s, plan_months("year", d(2027, 1, 1)), d(2026, 11, 20))
    plan = make_plan(PlanRequest("year", d(2027, 1, 1), 1_200_000, channel_method="seasonal"), history)
    assert [m.target for m in plan.months] == [100_000] * 12
    assert all(m.channels == () for m in plan.months)
    assert any("no orders from last year's months (2026-01 to 2026-12)" in n for n in plan.notes)
    assert any("No channels are known yet" in n for n in plan.notes)


@pytest.fixture
def gap_shop(db):
    """2025 imported month by month, but March's and April's exports never were; a Shopify store in
    USD has a rate for June only, not for May."""
    from core.models import Channel, ExchangeRate

    with db.transaction() as s:
        for month in (1, 2, 5, 6, 7, 8, 9, 10, 11, 12):
            add_order(s, "taobao", f"T{month}", "b", "completed", D(2025, month, 1, 9), 10_000)
            add_order(s, "taobao", f"U{month}", "b", "completed", D(2025, month, 28 if month < 12 else 31, 9), 10_000)
        add_order(s, "shopify", "#1", "c", "completed", D(2025, 5, 10, 9), 5_000)  # USD 50.00, May: no rate
        s.add(Channel(platform="shopify", currency="USD"))
        s.add(ExchangeRate(currency="USD", month="2025-06", rate="7"))
    return db


def test_months_without_a_single_imported_order_get_the_average_and_are_named(gap_shop):
    with gap_shop.session() as s:
        history = load_history(s, plan_months("year", d(2026, 1, 1)), d(2026, 1, 5))
    march, april = history.months[2], history.months[3]
    assert (march.covered_days, march.orders, april.orders) == (31, 0, 0) and march.gap and april.gap
    # The ten months with orders weigh ¥200 each (Shopify left out: no May rate), so March and April
    # get the average ¥200 too: ¥1,200.00 over twelve equal months is ¥100.00 each, not ¥0.
    plan = make_plan(PlanRequest("year", d(2026, 1, 1), 120_000, channel_method="seasonal"), history)
    assert [m.target for m in plan.months] == [10_000] * 12
    assert [m.basis for m in plan.months][2:4] == ["average", "average"]
    text = "\n".join(plan.notes)
    assert ("No orders were imported for last year's 2025-03 and 2025-04: each of those months gets the average "
            "share of the 10 months with orders. Check the preview") in text
    assert history.estimate == 240_000  # the gap months estimated, not counted as ¥0
    # Planned on 15 November, December is no gap: it is not over yet, and is said so (November, its first
    # 14 days imported, is scaled up: 9 months with orders).
    with gap_shop.session() as s:
        early = load_history(s, plan_months("year", d(2026, 1, 1)), d(2025, 11, 15))
    notes = make_plan(PlanRequest("year", d(2026, 1, 1), 120_000), early).notes
    assert any("Last year's 2025-12 is not over yet: it gets the average share of the 9 months" in n for n in notes)
    assert not any("2025-12" in n and "No orders were imported" in n for n in notes)


def test_a_channel_without_an_exchange_rate_is_named_with_where_to_set_it(gap_shop):
    with gap_shop.session() as s:
        history = load_history(s, plan_months("year", d(2026, 1, 1)), d(2026, 1, 5))
    assert [(u.platform, u.currency, u.months) for u in history.unconverted] == [("shopify", "USD", ("2025-05",))]
    plan = make_plan(PlanRequest("year", d(2026, 1, 1), 120_000, channel_method="seasonal"), history)
    assert ("Shopify's sales are in USD, and there is no USD rate for 2025-05: they are not in last year's figures, "
            "so the months' shares leave Shopify out and the split by channel gives it ¥0. Set the rates in "
            "Settings → Channels, then plan again.") in plan.notes
    assert all(sum(v for _k, v in m.channels) == m.target for m in plan.months)  # still exact to the fen
    even = make_plan(PlanRequest("year", d(2026, 1, 1), 120_000, channel_method="even"), history)
    assert any("leave Shopify out. Set the rates in Settings → Channels" in n for n in even.notes)


def test_today_is_not_history_and_a_leap_february_maps_to_last_years_february(db):
    with db.transaction() as s:
        add_order(s, "taobao", "X1", "x", "completed", D(2027, 2, 1, 9), 28000)
        add_order(s, "taobao", "X2", "y", "completed", D(2027, 2, 14, 9), 1000)  # paid "today"
    with db.session() as s:
        history = load_history(s, plan_months("year", d(2028, 1, 1)), d(2027, 2, 14))
    feb = history.months[1]
    assert (feb.month, feb.days, feb.covered_days, feb.gmv) == (d(2027, 2, 1), 28, 13, 28000)
    with pytest.raises(SplitError):
        plan_months("half", d(2026, 3, 1))
