"""Recurring tasks: the dates an RRULE (RFC 5545) gives, and the rules ShopDesk offers.

A series is its first task, which holds the rule; later occurrences are tasks of their own
(``series_id`` → the first, ``occurrence`` = the date the rule gave), so each one is finished
or moved on its own and moving one never makes the rule produce it again. Dates only: a time in
the rule (the Monday meeting's ``BYHOUR=10``) is shown, not scheduled by the hour.
"""
from __future__ import annotations

import datetime as dt

from dateutil.rrule import rrulestr

WEEKLY_MEETING = "FREQ=WEEKLY;BYDAY=MO;BYHOUR=10;BYMINUTE=0"  # 周例会: every Monday 10:00
MONTHLY_REVIEW = "FREQ=MONTHLY;BYMONTHDAY=-1"  # 月度复盘: the last day of every month
AHEAD_WEEKS = 8
MAX_OCCURRENCES = 500  # a rule such as FREQ=DAILY over years must not write thousands of tasks


class RuleError(ValueError):
    """Not an RRULE ShopDesk can read."""


def occurrences(rule: str, first: dt.date, until: dt.date) -> list[dt.date]:
    """The dates ``rule`` gives from ``first`` (inclusive) through ``until`` (inclusive)."""
    text = rule.strip().removeprefix("RRULE:")
    if not text:
        return []
    try:
        parsed = rrulestr(text, dtstart=dt.datetime.combine(first, dt.time()))
    except (ValueError, TypeError) as exc:
        raise RuleError(str(exc)) from exc
    dates: list[dt.date] = []
    for moment in parsed.between(dt.datetime.combine(first, dt.time()), dt.datetime.combine(until, dt.time.max), inc=True):
        day = moment.date()
        if not dates or dates[-1] != day:
            dates.append(day)
        if len(dates) >= MAX_OCCURRENCES:
            break
    return dates


def check_rule(rule: str) -> str:
    """``rule`` normalised, or ``RuleError``."""
    text = rule.strip().removeprefix("RRULE:").upper()
    if text:
        occurrences(text, dt.date(2026, 1, 1), dt.date(2026, 1, 2))
        if "FREQ=" not in text:
            raise RuleError("FREQ missing")
    return text


def time_of(rule: str) -> str:
    """``10:00`` for a rule with BYHOUR (and BYMINUTE), else ""."""
    parts = dict(p.split("=", 1) for p in rule.upper().split(";") if "=" in p)
    if "BYHOUR" not in parts:
        return ""
    try:
        return f"{int(parts['BYHOUR'].split(',')[0]):02d}:{int(parts.get('BYMINUTE', '0').split(',')[0]):02d}"
    except ValueError:
        return ""


_WEEKDAYS = {"MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday", "FR": "Friday",
             "SA": "Saturday", "SU": "Sunday"}


def describe(rule: str) -> str:
    """``rule`` in the owner's words — "Every Monday at 10:00", "The last day of every month" — or
    the rule itself when ShopDesk has no words for it (an interval, a set of months …)."""
    from core.i18n import t

    text = rule.strip().removeprefix("RRULE:").upper()
    parts = dict(p.split("=", 1) for p in text.split(";") if "=" in p)
    freq, extra = parts.pop("FREQ", ""), set(parts) - {"BYHOUR", "BYMINUTE", "BYDAY", "BYMONTHDAY", "WKST"}
    if parts.pop("INTERVAL", "1") != "1" or extra - {"INTERVAL"}:
        return rule
    days = [d for d in parts.get("BYDAY", "").split(",") if d]
    month_day = parts.get("BYMONTHDAY", "")
    when = None
    if freq == "WEEKLY" and not month_day:
        if all(d in _WEEKDAYS for d in days):
            names = [t(_WEEKDAYS[d]) for d in days]
            listed = names[0] if names else ""
            for name in names[1:]:
                listed = t("{days}, {day}", days=listed, day=name)
            when = t("Every {days}", days=listed) if days else t("Every week")
    elif freq == "MONTHLY" and not days:
        if month_day == "-1":
            when = t("The last day of every month")
        elif month_day.isdigit() and 1 <= int(month_day) <= 31:
            when = t("Day {day} of every month", day=int(month_day))
        elif not month_day:
            when = t("Every month")
    elif freq == "DAILY" and not days and not month_day:
        when = t("Every day")
    if when is None:
        return rule
    at = time_of(text)
    return t("{when} at {time}", when=when, time=at) if at else when
