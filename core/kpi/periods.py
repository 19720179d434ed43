"""Date ranges of the dashboard: presets, the periods a range is compared with, and change.

Presets that name a period still running (this month, this quarter, year to date) end on
"today", so that 环比/同比 compare the same number of days and the goal is prorated to the
days that have passed (a pace, as the owner reads it each morning).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

PRESETS = (
    "today",
    "yesterday",
    "last_7_days",
    "last_30_days",
    "this_month",
    "last_month",
    "this_quarter",
    "year_to_date",
    "custom",
)


@dataclass(frozen=True)
class DateRange:
    start: dt.date
    end: dt.date  # inclusive

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"range ends ({self.end}) before it starts ({self.start})")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def __iter__(self):  # lets callers write ``start, end = rng``
        return iter((self.start, self.end))


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def month_end(day: dt.date) -> dt.date:
    following = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


def preset_range(
    preset: str,
    today: dt.date | None = None,
    custom: tuple[dt.date, dt.date] | None = None,
) -> DateRange:
    """The range a preset names on ``today`` (default: the computer's date)."""
    today = today or dt.date.today()
    if preset == "today":
        return DateRange(today, today)
    if preset == "yesterday":
        y = today - dt.timedelta(days=1)
        return DateRange(y, y)
    if preset == "last_7_days":
        return DateRange(today - dt.timedelta(days=6), today)
    if preset == "last_30_days":
        return DateRange(today - dt.timedelta(days=29), today)
    if preset == "this_month":
        return DateRange(month_start(today), today)
    if preset == "last_month":
        end = month_start(today) - dt.timedelta(days=1)
        return DateRange(month_start(end), end)
    if preset == "this_quarter":
        first_month = 3 * ((today.month - 1) // 3) + 1
        return DateRange(dt.date(today.year, first_month, 1), today)
    if preset == "year_to_date":
        return DateRange(dt.date(today.year, 1, 1), today)
    if preset == "custom":
        if custom is None:
            raise ValueError("a custom range needs its start and end dates")
        return DateRange(*custom)
    raise ValueError(f"unknown range preset {preset!r}; expected one of {', '.join(PRESETS)}")


def previous_period(rng: DateRange) -> DateRange:
    """环比: the range of equal length that ends the day before ``rng`` starts."""
    end = rng.start - dt.timedelta(days=1)
    return DateRange(end - dt.timedelta(days=rng.days - 1), end)


def shift_years(day: dt.date, years: int) -> dt.date:
    """The same calendar day ``years`` later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def same_period_last_year(rng: DateRange) -> DateRange:
    """同比: the same calendar days one year earlier (29 Feb → 28 Feb)."""
    return DateRange(shift_years(rng.start, -1), shift_years(rng.end, -1))


def compare(current: float | int | None, previous: float | int | None) -> float | None:
    """Relative change ``(current − previous) / previous``; unknown when either side is
    unknown or the previous value is 0 (a change from nothing has no ratio)."""
    if current is None or previous is None or previous == 0:
        return None
    return (current - previous) / abs(previous)


def buckets(rng: DateRange, granularity: str) -> list[DateRange]:
    """``rng`` cut into days, ISO weeks (Monday first) or calendar months, clipped to it."""
    if granularity not in ("day", "week", "month"):
        raise ValueError(f"unknown granularity {granularity!r}; expected day, week or month")
    out: list[DateRange] = []
    start = rng.start
    while start <= rng.end:
        if granularity == "day":
            end = start
        elif granularity == "week":
            end = start + dt.timedelta(days=6 - start.weekday())
        else:
            end = month_end(start)
        end = min(end, rng.end)
        out.append(DateRange(start, end))
        start = end + dt.timedelta(days=1)
    return out
