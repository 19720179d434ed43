"""Cumulative actual vs target vs last year through a period, day by day (the Goals chart).

The target of each day is its month goal (all channels and categories) spread over the month's
days by the largest-remainder split, so the line reaches each month's target exactly at its
last day; a month without its goal spreads the year goal's remainder evenly. Actual is paid GMV
by payment date (spec/kpi.md) up to today (today so far included); last year is the same days
a year earlier, when the shop has orders then (each day of last year counted once: 28 February takes a leap year's 29th), for
the whole period.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from itertools import accumulate
from typing import TYPE_CHECKING

from core.goal_split import last_year, month_range, split_exact

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class GoalProgress:
    start: dt.date
    end: dt.date
    today: dt.date
    days: tuple[dt.date, ...]
    target: tuple[int, ...] | None  # cumulative fen per day; None without any goal for the period
    actual: tuple[int, ...]  # cumulative fen per day up to today (shorter when today is before the end)
    last_year: tuple[int, ...] | None  # cumulative fen per day; None without last year's orders
    last_year_from: dt.date | None = None  # the first day last year's orders cover, when after the start

    @property
    def today_index(self) -> int | None:
        return self.days.index(self.today) if self.start <= self.today <= self.end else None


def daily_targets(year: int, months: list[int | None], annual: int | None) -> dict[dt.date, int]:
    """Each day's target of ``year``: its month's target over the month's days (exact), months
    without a target sharing what the year goal leaves (evenly by day)."""
    out: dict[dt.date, int] = {}
    missing = [m for m in range(12) if months[m] is None]
    left = max((annual or 0) - sum(v or 0 for v in months), 0) if missing else 0
    missing_days = [d for m in missing for d in _days(*month_range(year, m + 1))]
    for day, fen in zip(missing_days, split_exact(left, [1] * len(missing_days)) if missing_days else [], strict=True):
        out[day] = fen
    for m in range(12):
        if months[m] is not None:
            days = _days(*month_range(year, m + 1))
            out.update(zip(days, split_exact(months[m], [1] * len(days)), strict=True))
    return out


def last_years_days(day: dt.date) -> list[dt.date]:
    """The days of last year that count for ``day``: the same date; 28 February also takes a
    leap year's 29th, and a 29 February takes nothing (28 February has it), so a year's last
    year is every day of last year exactly once."""
    if (day.month, day.day) == (2, 29):
        return []
    same = last_year(day)
    if (day.month, day.day) == (2, 28) and calendar.isleap(same.year):
        return [same, same + DAY]
    return [same]


def _days(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + DAY * i for i in range((end - start).days + 1)]


def load_progress(session: Session, start: dt.date, end: dt.date, today: dt.date) -> GoalProgress:
    from sqlalchemy import func, select

    from core.currency import daily_paid
    from core.goal_grid import load_grid
    from core.models import Order

    days = _days(start, end)
    targets: dict[dt.date, int] = {}
    any_goal = False
    for year in range(start.year, end.year + 1):
        grid = load_grid(session, year, "total")
        months = grid.column_values(0)
        any_goal = any_goal or grid.annual_target is not None or any(v is not None for v in months)
        targets.update(daily_targets(year, months, grid.annual_target))
    ly_start = last_year(start)
    sales = daily_paid(session, ly_start, end).fen  # foreign channels converted (core.currency)
    actual = list(accumulate(sales.get(d, 0) for d in days if d <= today))
    ly, ly_from = None, None
    first = session.scalar(select(func.min(Order.pay_date)).where(Order.is_paid.is_(True)))
    if any(ly_start <= day < start for day in sales):
        ly = tuple(accumulate(sum(sales.get(x, 0) for x in last_years_days(d)) for d in days))
        if first is not None and first > ly_start:  # last year from its first order on, not a flat 0 before
            covered = next(i for i, d in enumerate(days) if last_year(d) >= first)
            ly_from = days[covered]
    target = tuple(accumulate(targets.get(d, 0) for d in days)) if any_goal else None
    return GoalProgress(start, end, today, tuple(days), target, tuple(actual), ly, ly_from)
