"""Goal targets for any date range, from the goals table, and progress against them.

A goal covers its own period (a month, quarter, half or year). For each day of the range and
each metric, the finest goal that covers the day and has a target for that metric is used (a
month goal before its quarter, half or year; a year goal's conversion target when the month
goals set none), and
its targets are spread evenly over its days, so a range that covers part of a month gets that
part of the month's target. Only whole-category goals count (``category`` empty: category
goals are a split of the total, not an addition to it). Overall, a shop-wide goal
(``platform`` empty) is used when there is one for the day, else the sum of the channels'
goals; with a channel filter, that channel's goals. A range with any day no goal covers
has no target (a target for part of the range would make the progress meaningless).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from core.kpi.periods import DateRange
from core.kpi.source import reading
from core.models import Goal

GOALS = Goal.__table__
_FINEST_FIRST = {"month": 0, "quarter": 1, "half": 2, "year": 3}


@dataclass(frozen=True)
class GoalTarget:
    gmv: int | None = None  # fen, for the range's days (the goals' targets prorated)
    orders: int | None = None
    aov: int | None = None  # fen, day-weighted over the goals used
    conversion_rate: float | None = None
    # The whole periods of the goals the range draws on (GMV and orders), so that a range part
    # way through a month can show both "of the target to date" and "of the whole month".
    gmv_full: int | None = None
    orders_full: int | None = None
    full_start: dt.date | None = None
    full_end: dt.date | None = None

    def for_key(self, key: str) -> int | float | None:
        return getattr(self, key, None) if key in TARGET_KEYS else None

    def full_for_key(self, key: str) -> int | None:
        return {"gmv": self.gmv_full, "orders": self.orders_full}.get(key)


TARGET_KEYS = ("gmv", "orders", "aov", "conversion_rate")


def prorated(target: int | float, period_start: dt.date, period_end: dt.date, days: int) -> float:
    """The part of a goal's target that belongs to ``days`` of its period, spread evenly over
    the period's days (unrounded). The dashboard and the Goals tab both prorate through this."""
    period_days = (period_end - period_start).days + 1
    return target * days / period_days if period_days > 0 else 0.0


def target_to_date(target: int, period_start: dt.date, period_end: dt.date, today: dt.date) -> int | None:
    """A goal's target for the days of its period up to ``today`` (inclusive), in whole units;
    None before the period starts."""
    if today < period_start:
        return None
    elapsed = (min(today, period_end) - period_start).days + 1
    return round(prorated(target, period_start, period_end, elapsed))


@dataclass(frozen=True)
class _GoalRow:
    kind: str
    start: dt.date
    end: dt.date
    platform: str
    gmv: int
    orders: int | None
    aov: int | None
    conversion: float | None

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def has(self, metric: str) -> bool:
        value = {"gmv": self.gmv, "orders": self.orders, "aov": self.aov, "conversion_rate": self.conversion}[metric]
        return value is not None and value > 0


def _level(row: _GoalRow) -> int:
    return _FINEST_FIRST.get(row.kind, 9)


def _finest(rows: list[_GoalRow]) -> list[_GoalRow]:
    """The rows at the finest level present (``rows`` are sorted finest first)."""
    return [r for r in rows if _level(r) == _level(rows[0])] if rows else []


class GoalBook:
    """The shop's goals, loaded once, answering targets for many ranges (cards, chart line)."""

    def __init__(self, rows: list[_GoalRow], channel: str | None = None) -> None:
        self.channel = channel or None
        self._rows = sorted(rows, key=_level)

    @classmethod
    def load(cls, source: Any, channel: str | None = None) -> GoalBook:
        g = GOALS.c
        stmt = select(
            g.period_kind, g.period_start, g.period_end, g.platform,
            g.target_gmv_fen, g.target_orders, g.target_aov_fen, g.target_conversion,
        ).where((g.category == "") | g.category.is_(None))
        if channel:
            stmt = stmt.where(g.platform == channel)
        with reading(source) as conn:
            rows = [_GoalRow(k, s, e, p or "", gmv or 0, o, a, c) for k, s, e, p, gmv, o, a, c in conn.execute(stmt)]
        return cls(rows, channel)

    def _goals_for_day(self, day: dt.date, metric: str) -> list[_GoalRow]:
        """The goals that set ``metric``'s target on ``day``: per metric, the finest goal that
        has a target for it (a month goal without a conversion target leaves conversion to
        the year goal)."""
        covering = [r for r in self._rows if r.start <= day <= r.end and r.has(metric)]
        if not covering:
            return []
        if self.channel:
            return _finest(covering)
        shop_wide = [r for r in covering if not r.platform]
        if shop_wide:
            return _finest(shop_wide)
        # No shop-wide goal that day: the channels' goals add up, each at its finest level.
        by_platform: dict[str, list[_GoalRow]] = {}
        for r in covering:
            by_platform.setdefault(r.platform, []).append(r)
        return [r for rs in by_platform.values() for r in _finest(rs)]

    def _days_used(self, rng: DateRange, metric: str) -> dict[_GoalRow, int] | None:
        """How many of the range's days each goal sets ``metric`` for; None when a day has none."""
        used: dict[_GoalRow, int] = {}
        day = rng.start
        while day <= rng.end:
            goals = self._goals_for_day(day, metric)
            if not goals:
                return None
            for r in goals:
                used[r] = used.get(r, 0) + 1
            day += dt.timedelta(days=1)
        return used

    def target(self, rng: DateRange) -> GoalTarget:
        if not self._rows:
            return GoalTarget()
        out: dict[str, Any] = {}
        for metric in ("gmv", "orders"):
            used = self._days_used(rng, metric)
            if not used:
                continue
            value = sum(prorated(getattr(r, metric), r.start, r.end, n) for r, n in used.items())
            if value > 0:
                out[metric] = round(value)
                out[f"{metric}_full"] = sum(getattr(r, metric) for r in used)
                if metric == "gmv":
                    out["full_start"] = min(r.start for r in used)
                    out["full_end"] = max(r.end for r in used)
        # AOV and conversion targets are levels, not amounts: averaged over the days.
        for metric, attr in (("aov", "aov"), ("conversion_rate", "conversion")):
            total = 0.0
            day = rng.start
            while day <= rng.end:
                goals = self._goals_for_day(day, metric)
                if not goals:
                    break
                total += sum(getattr(r, attr) for r in goals) / len(goals)
                day += dt.timedelta(days=1)
            else:
                out[metric] = round(total / rng.days) if metric == "aov" else total / rng.days
        return GoalTarget(**out)


def goal_target(source: Any, rng: DateRange, channel: str | None = None) -> GoalTarget:
    return GoalBook.load(source, channel).target(rng)


def progress(actual: int | float | None, target: int | float | None) -> float | None:
    """Share of the target reached (1.0 = on target); unknown without a target."""
    if actual is None or not target:
        return None
    return actual / target
