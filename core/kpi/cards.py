"""The dashboard's cards: each KPI with 环比, 同比 and progress to the goal."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from core.kpi.numbers import KPI_KEYS, KpiResult, compute_kpis_many
from core.kpi.periods import DateRange, compare, previous_period, same_period_last_year
from core.kpi.source import run_all
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
    change_prev: float | None  # 环比 as a ratio (0.12 = +12 %)
    change_year: float | None  # 同比
    target: int | float | None  # for the range's days (a goal prorated to the days so far)
    progress: float | None  # actual / target: the pace when the range is part of the goal's period
    target_full: int | None = None  # GMV/orders: the whole periods of the goals used
    progress_full: float | None = None  # actual / target_full
    to_date: bool = False  # the range covers only part of its goals' periods


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
                change_prev=compare(value, previous.value(key)),
                change_year=compare(value, last_year.value(key)),
                target=target,
                progress=progress(value, target),
                target_full=full,
                progress_full=progress(value, full),
                to_date=full is not None and full != target,
            )
        )
    return Dashboard(period, channel, current, previous, last_year, goal, cards)
