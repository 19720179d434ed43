"""Tracking a goal: 达成率, the gap, what is still needed per day, two forecasts and a status.

Pace and forecasts count finished days only: today is not over, so on the morning of a month's
second day the month has one finished day, and its pace is day one's sales against one day's
share of the target. The actual and the gap include what was paid today so far; the days
still left include today.

Two forecasts for the period's end: the run rate (finished days' sales ÷ finished days × the
period's days) and last year's shape (finished days' sales ÷ the share of last year's same
period that was sold by the same date). The status follows last year's shape when the shop
has it, else the run rate: on track at 100 % of the target or more, at risk from 90 %,
behind below. Pure: the numbers come from core.goals.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from fractions import Fraction

from core.i18n import t
from core.money import format_fen

STATUSES = ("not_started", "on_track", "at_risk", "behind", "achieved", "missed")
AT_RISK = Fraction(9, 10)  # a forecast of 90 %–100 % of the target


@dataclass(frozen=True)
class Tracking:
    finished_days: int
    days: int
    gap: int | None = None  # fen: target − actual (negative: ahead of the target)
    needed_per_day: int | None = None  # fen a day over the days left (today included), rounded up
    forecast_run_rate: int | None = None
    forecast_seasonal: int | None = None
    status: str | None = None
    reason: str = ""


def finished_days(start: dt.date, end: dt.date, today: dt.date) -> int:
    """Days of the period that are over by ``today`` (today itself is not)."""
    last = min(today - dt.timedelta(days=1), end)
    return max((last - start).days + 1, 0)


def track(target: int, start: dt.date, end: dt.date, today: dt.date, actual: int | None,
          actual_finished: int | None, last_year_share: Fraction | None) -> Tracking:
    """``actual``: paid so far (today included); ``actual_finished``: paid on the finished days;
    ``last_year_share``: the share of last year's same period sold by the same date (None:
    no history)."""
    days = (end - start).days + 1
    done = finished_days(start, end, today)
    if today < start:
        per_day = math.ceil(Fraction(target, days)) if target else None
        return Tracking(0, days, target, per_day, status="not_started",
                        reason=t("Starts on {day}.", day=start.isoformat()))
    actual = actual or 0
    gap = target - actual
    left = max((end - today).days + 1, 0)  # today included: it can still sell
    if not target:
        return Tracking(done, days, None, None, reason=t("No target set."))
    if today > end:
        reached = Fraction(actual, target)
        return Tracking(done, days, gap, None, actual, actual,
                        "achieved" if actual >= target else "missed",
                        t("Finished at {rate} of the target.", rate=_pct(reached)))
    per_day = max(math.ceil(Fraction(gap, left)), 0) if left else None
    if done == 0:
        return Tracking(0, days, gap, per_day, status="not_started",
                        reason=t("Today is the first day; pace counts from tomorrow, when it is over."))
    finished = actual_finished or 0
    run_rate = round(Fraction(finished * days, done))
    seasonal = round(Fraction(finished) / last_year_share) if last_year_share else None
    forecast = seasonal if seasonal is not None else run_rate
    ratio = Fraction(forecast, target)
    status = "on_track" if ratio >= 1 else "at_risk" if ratio >= AT_RISK else "behind"
    basis = t("last year's shape") if seasonal is not None else t("the run rate of {n} finished day(s)", n=done)
    reason = t("Forecast {amount} by {end} ({rate} of the target) from {basis}.",
               amount=format_fen(forecast, decimals=0), end=end.isoformat(), rate=_pct(ratio), basis=basis)
    if per_day:
        reason += " " + t("Needs {amount} a day from today.", amount=format_fen(per_day, decimals=0))
    return Tracking(done, days, gap, per_day, run_rate, seasonal, status, reason)


def _pct(value: Fraction) -> str:
    return f"{float(value) * 100:.0f}%"
