"""The weekly task sheet (每周任务单): one page per person with the week's tasks.

A task is on a person's sheet when it runs during the ISO week (Monday to Sunday: its start to
its due touches the week) or when it is still open and already overdue at the week's start
(carried over, marked). Cancelled tasks are left out. People are by name, those without a task
that week still get their page (so the sheet is complete for the weekly meeting), people who
have left only when they still hold a task; tasks of nobody come last. Printed by
``ui/report/task_sheet.py`` (File → Print weekly task sheets…, and ``report --week … --pdf``).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from core.errors import BadInputError
from core.i18n import t
from core.tasks import CANCELLED, CLOSED, staff_rows, task_rows

ONE = dt.timedelta(days=1)


@dataclass(frozen=True)
class Week:
    year: int  # ISO year
    week: int  # ISO week number

    @classmethod
    def parse(cls, text: str) -> Week:
        value = text.strip().upper()
        try:
            year, week = value.split("-W")
            monday = dt.date.fromisocalendar(int(year), int(week), 1)
        except ValueError:
            raise BadInputError(t("{value!r} is not a week; write it as YYYY-Www (ISO week), e.g. 2026-W48",
                                  value=text)) from None
        return cls.of(monday)

    @classmethod
    def of(cls, day: dt.date) -> Week:
        iso = day.isocalendar()
        return cls(iso[0], iso[1])

    @property
    def start(self) -> dt.date:
        return dt.date.fromisocalendar(self.year, self.week, 1)

    @property
    def end(self) -> dt.date:
        return self.start + 6 * ONE

    def __str__(self) -> str:
        return f"{self.year:04d}-W{self.week:02d}"


@dataclass(frozen=True)
class SheetTask:
    title: str
    start: dt.date | None
    due: dt.date | None
    status: str
    priority: int
    promotion: str
    checklist: tuple[tuple[str, bool], ...]
    overdue: bool
    carried_over: bool  # due before this week and still open
    time: str = ""  # "10:00" for the weekly meeting


@dataclass(frozen=True)
class PersonSheet:
    name: str
    role: str
    tasks: tuple[SheetTask, ...]


@dataclass(frozen=True)
class WeeklySheet:
    week: Week
    today: dt.date
    shop_name: str
    people: tuple[PersonSheet, ...]

    @property
    def task_count(self) -> int:
        return sum(len(p.tasks) for p in self.people)


def _on_sheet(start: dt.date | None, due: dt.date | None, status: str, week: Week) -> tuple[bool, bool]:
    """(on this week's sheet, carried over from before)."""
    first, last = start or due, due or start
    if first is None or last is None or status == CANCELLED:
        return False, False
    if first <= week.end and last >= week.start:
        return True, False
    carried = status not in CLOSED and last < week.start
    return carried, carried


def build_sheet(db, week: Week, today: dt.date | None = None) -> WeeklySheet:
    """The sheet of ``week`` as of ``today`` (overdue marks are as of that day)."""
    from core.report import shop_name

    today = today or dt.date.today()
    with db.session() as s:
        name = shop_name(s)
        rows = task_rows(s, today)
        staff = staff_rows(s)
    mine: dict[int | None, list[SheetTask]] = {}
    for r in rows:
        on, carried = _on_sheet(r.start, r.due, r.status, week)
        if not on:
            continue
        mine.setdefault(r.owner_id, []).append(SheetTask(
            r.title, r.start, r.due, r.status, r.priority, r.promotion, r.checklist, r.overdue, carried,
            r.time))
    people = []
    for person in sorted(staff, key=lambda p: p.name):
        tasks = mine.get(person.id, [])
        if person.active or tasks:
            people.append(PersonSheet(person.name, person.role, tuple(_ordered(tasks))))
    if mine.get(None):
        people.append(PersonSheet("", "", tuple(_ordered(mine[None]))))
    return WeeklySheet(week, today, name, tuple(people))


def _ordered(tasks: list[SheetTask]) -> list[SheetTask]:
    """Carried-over first, then by due date, priority and title."""
    return sorted(tasks, key=lambda x: (not x.carried_over, x.due or x.start or dt.date.max, x.priority, x.title))
