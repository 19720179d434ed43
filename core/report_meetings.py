"""The monthly plan's weekly meetings and other repeating tasks (周例会, 月度复盘 …) of a month.

Each repeating task's dates in the month, whether "Plan repeats" has written them yet or not:
the occurrences that exist (with their owner, status and the day they were moved to) and the
dates the rule still gives beyond them, marked as not yet planned. Qt-free (core.report uses it).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.models import Staff, Task
from core.recurrence import RuleError, occurrences, time_of


@dataclass(frozen=True)
class MeetingLine:
    title: str
    owner: str
    day: dt.date
    time: str  # "10:00", or "" for a rule without an hour
    status: str  # the occurrence's status; "" when not planned yet
    rule: str


def meeting_lines(session: Session, first: dt.date, last: dt.date) -> tuple[MeetingLine, ...]:
    """Every date of every repeating task from ``first`` to ``last``, by date and title."""
    staff = dict(session.execute(select(Staff.id, Staff.name)).all())
    heads = list(session.scalars(select(Task).where(Task.recurrence != "", Task.series_id.is_(None))))
    lines: list[MeetingLine] = []
    for head in heads:
        rule = head.recurrence
        members = [head, *session.scalars(select(Task).where(Task.series_id == head.id))]
        taken = {m.occurrence or m.start or m.due for m in members}
        for m in members:
            day = m.start or m.due
            if day is not None and first <= day <= last and m.status != "cancelled":
                lines.append(MeetingLine(m.title, staff.get(m.owner_id, ""), day, time_of(rule), m.status, rule))
        start = head.occurrence or head.start or head.due
        if start is None:
            continue
        try:
            dates = occurrences(rule, start, last)
        except RuleError:
            continue
        for day in dates:
            if day >= first and day not in taken:
                lines.append(MeetingLine(head.title, staff.get(head.owner_id, ""), day, time_of(rule), "", rule))
    return tuple(sorted(lines, key=lambda x: (x.day, x.time, x.title)))
