"""The dashboard's cards: each KPI with 环比, 同比 and progress to the goal."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any


from core.kpi.numbers import KPI_KEYS, RATE_KEYS, KpiResult, compute_kpis_many
from core.kpi.periods import DateRange, compare, previous_period, same_period_last_year
from core.kpi.source import paid_days, run_all
from core.kpi.targets import GoalBook, GoalTarget, progress

# The cards in the order the dashboard shows them (spec keys; issue 4 "Cards").
CARD_KEYS = (
    "gmv",
    "orders",
    "paying_buyers",
    "aov",
    "units",
    "conversion_rate",
    "refund_amount",
    "refund_rate",
    "net_sales",
    "repurchase_rate",
)
assert set(CARD_KEYS) <= set(KPI_KEYS)


@dataclass(frozen=True)
class Card:
    key: str
    value: int | float | None
    previous: int | float | None  # same KPI over the previous equal period
    last_year: int | float | None  # same KPI over the same days last year
    change_prev: float | None  # 环比 as a ratio (0.12 = +12 %); for rates a difference
    change_year: float | None  # 同比
    target: int | float | None  # for the range's days (a goal prorated to the days so far)
    progress: float | None  # actual / target: the pace when the range is part of the goal's period
    target_full: int | None = None  # GMV/orders: the whole periods of the goals used
    progress_full: float | None = None  # actual / target_full
    to_date: bool = False  # the range covers only part of its goals' periods
    in_points: bool = False  # rates: the changes are differences (0.004 = 0.4 percentage points)
    # Days of each comparison period that the shop's data covers, and the period's days: a
    # period that starts before the first paid order has no comparison (its change is None).
    prev_coverage: tuple[int, int] | None = None
    year_coverage: tuple[int, int] | None = None
    # repurchase_rate: the channels whose orders carry a buyer account (the only ones it counts)
    channels: tuple[str, ...] = ()


@dataclass
class Dashboard:
    period: DateRange
    channel: str | None
    current: KpiResult
    previous: KpiResult
    last_year: KpiResult
    goal: GoalTarget
    cards: list[Card]

    def card(self, key: str) -> Card:
        return next(c for c in self.cards if c.key == key)


def first_order_day(source: Any) -> dt.date | None:
    """The payment date of the shop's first paid order: where its data starts."""
    span = paid_days(source)
    return None if span is None else span.first


def coverage(rng: DateRange, first: dt.date | None) -> tuple[int, int]:
    """(days of ``rng`` on or after the first order day, days of ``rng``)."""
    if first is None or first <= rng.start:
        return rng.days, rng.days
    return max(0, (rng.end - first).days + 1), rng.days


def change(key: str, value: Any, then: Any, covered: tuple[int, int]) -> float | None:
    """环比/同比: none when the comparison period predates the shop's data (a comparison with
    days ShopDesk has no orders for would read as growth); rates change in points."""
    if covered[0] < covered[1]:
        return None
    if key in RATE_KEYS:
        return None if value is None or then is None else value - then
    return compare(value, then)


def compute_dashboard(source: Any, period: DateRange, channel: str | None = None) -> Dashboard:
    """Numbers for the cards: the period, its two comparison periods and its goal."""
    channel = channel or None
    prev_rng = previous_period(period)
    year_rng = same_period_last_year(period)
    # A full year's previous period is the same days as last year's: computed once.
    ranges = list(dict.fromkeys([period, prev_rng, year_rng]))
    # The periods in one pass over the orders (core.kpi.numbers); the goals beside it.
    kpis, goals = run_all(source, [
        lambda: compute_kpis_many(source, [(r.start, r.end) for r in ranges], channel),
        lambda: GoalBook.load(source, channel),
    ])
    first = first_order_day(source)
    prev_cov, year_cov = coverage(prev_rng, first), coverage(year_rng, first)
    by_range = dict(zip(ranges, kpis))
    current, previous, last_year = by_range[period], by_range[prev_rng], by_range[year_rng]
    goal = goals.target(period)
    cards = []
    for key in CARD_KEYS:
        value = current.value(key)
        target = goal.for_key(key)
        full = goal.full_for_key(key) if target is not None else None
        cards.append(
            Card(
                key=key,
                value=value,
                previous=previous.value(key),
                last_year=last_year.value(key),
                change_prev=change(key, value, previous.value(key), prev_cov),
                change_year=change(key, value, last_year.value(key), year_cov),
                target=target,
                progress=progress(value, target),
                target_full=full,
                progress_full=progress(value, full),
                to_date=full is not None and full != target,
                in_points=key in RATE_KEYS,
                prev_coverage=prev_cov,
                year_coverage=year_cov,
                channels=tuple(p for p, n in current.by_channel.items() if n.known_buyers) if key == "repurchase_rate" else (),
            )
        )
    return Dashboard(period, channel, current, previous, last_year, goal, cards)
