"""Goal targets for any date range, from the goals table, and progress against them.

A goal covers its own period (a month, quarter, half or year). For each day of the range the
finest goal that covers the day is used (a month goal before its quarter, half or year), and
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
    gmv: int | None = None  # fen
    orders: int | None = None
    aov: int | None = None  # fen, day-weighted over the goals used
    conversion_rate: float | None = None

    def for_key(self, key: str) -> int | float | None:
        return getattr(self, key, None) if key in ("gmv", "orders", "aov", "conversion_rate") else None


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


class GoalBook:
    """The shop's goals, loaded once, answering targets for many ranges (cards, chart line)."""

    def __init__(self, rows: list[_GoalRow], channel: str | None = None) -> None:
        self.channel = channel or None
        self._rows = sorted(rows, key=lambda r: _FINEST_FIRST.get(r.kind, 9))

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

    def _goals_for_day(self, day: dt.date) -> list[_GoalRow]:
        covering = [r for r in self._rows if r.start <= day <= r.end]
        if not covering:
            return []
        if self.channel:
            finest = _FINEST_FIRST.get(covering[0].kind, 9)
            return [r for r in covering if _FINEST_FIRST.get(r.kind, 9) == finest]
        shop_wide = [r for r in covering if not r.platform]
        if shop_wide:
            finest = _FINEST_FIRST.get(shop_wide[0].kind, 9)
            return [r for r in shop_wide if _FINEST_FIRST.get(r.kind, 9) == finest]
        # No shop-wide goal that day: the channels' goals add up, each at its finest level.
        chosen: dict[str, list[_GoalRow]] = {}
        for r in covering:
            level = chosen.get(r.platform)
            if level is None or _FINEST_FIRST.get(level[0].kind, 9) == _FINEST_FIRST.get(r.kind, 9):
                chosen.setdefault(r.platform, []).append(r)
        return [r for rs in chosen.values() for r in rs]

    def target(self, rng: DateRange) -> GoalTarget:
        if not self._rows:
            return GoalTarget()
        gmv = 0.0
        orders = 0.0
        orders_known = True
        aov_sum = conv_sum = 0.0
        aov_days = conv_days = 0
        day = rng.start
        while day <= rng.end:
            goals = self._goals_for_day(day)
            if not goals:
                return GoalTarget()
            for r in goals:
                gmv += r.gmv / r.days
                if r.orders is None:
                    orders_known = False
                else:
                    orders += r.orders / r.days
            # AOV and conversion targets are levels, not amounts: averaged over the days.
            aovs = [r.aov for r in goals if r.aov]
            if aovs:
                aov_sum += sum(aovs) / len(aovs)
                aov_days += 1
            convs = [r.conversion for r in goals if r.conversion]
            if convs:
                conv_sum += sum(convs) / len(convs)
                conv_days += 1
            day += dt.timedelta(days=1)
        return GoalTarget(
            gmv=round(gmv) if gmv > 0 else None,
            orders=round(orders) if orders_known and orders > 0 else None,
            aov=round(aov_sum / aov_days) if aov_days == rng.days else None,
            conversion_rate=conv_sum / conv_days if conv_days == rng.days else None,
        )


def goal_target(source: Any, rng: DateRange, channel: str | None = None) -> GoalTarget:
    return GoalBook.load(source, channel).target(rng)


def progress(actual: int | float | None, target: int | float | None) -> float | None:
    """Share of the target reached (1.0 = on target); unknown without a target."""
    if actual is None or not target:
        return None
    return actual / target
