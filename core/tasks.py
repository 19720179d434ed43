"""Team tasks (团队任务): who does what by when, as the board, the list and ``export tasks`` show it."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.models import Promotion, Staff, Task, TaskDependency
from core.recurrence import time_of

TODO, DOING, DONE, CANCELLED = "todo", "doing", "done", "cancelled"
STATUSES = (TODO, DOING, DONE, CANCELLED)
CLOSED = (DONE, CANCELLED)  # neither is overdue nor "open"


@dataclass(frozen=True)
class TaskRow:
    id: int
    title: str
    owner: str
    start: dt.date | None
    due: dt.date | None
    status: str
    priority: int
    promotion: str
    checklist_done: int
    checklist_total: int
    recurrence: str
    overdue: bool
    depends_on: str = ""  # the titles of the tasks this one waits for, "; "-separated
    owner_id: int | None = None
    promotion_id: int | None = None
    notes: str = ""
    checklist: tuple[tuple[str, bool], ...] = ()
    depends_on_ids: tuple[int, ...] = ()
    series_id: int | None = None
    time: str = ""  # "10:00": the hour of a repeating task (its rule's BYHOUR/BYMINUTE), else ""


def predecessor_order(tasks: list[TaskRow], ticked: set[int]) -> list[TaskRow]:
    """The order a task form offers the tasks it may start after: the ticked ones first, then the
    unfinished ones by due date (soonest first, undated last), then the finished or cancelled ones,
    the most recent first. By due date alone, a shop's first months of done tasks came first and the
    week's work was at the bottom of a long list."""
    def key(t: TaskRow) -> tuple:
        closed = t.status in CLOSED
        day = t.due or t.start
        ordinal = day.toordinal() if day else None
        if closed:
            return (t.id not in ticked, True, ordinal is None, -(ordinal or 0), -t.id)
        return (t.id not in ticked, False, ordinal is None, ordinal or 0, t.id)
    return sorted(tasks, key=key)


@dataclass(frozen=True)
class StaffRow:
    id: int
    name: str
    role: str
    contact: str
    active: bool


def is_overdue(status: str, due: dt.date | None, today: dt.date) -> bool:
    return status not in CLOSED and due is not None and due < today


def task_rows(session: Session, today: dt.date) -> list[TaskRow]:
    staff = dict(session.execute(select(Staff.id, Staff.name)).all())
    promos = dict(session.execute(select(Promotion.id, Promotion.name)).all())
    tasks = list(session.scalars(select(Task).order_by(Task.due, Task.priority, Task.id)))
    titles = {t.id: t.title for t in tasks}
    waits: dict[int, list[int]] = {}
    for task_id, dep in session.execute(select(TaskDependency.task_id, TaskDependency.depends_on_id)
                                        .order_by(TaskDependency.task_id, TaskDependency.depends_on_id)):
        waits.setdefault(task_id, []).append(dep)
    series_rules = {t.id: t.recurrence for t in tasks if t.recurrence}
    rows = []
    for t in tasks:
        items = t.checklist or []
        deps = tuple(waits.get(t.id, ()))
        rows.append(
            TaskRow(
                id=t.id,
                title=t.title,
                owner=staff.get(t.owner_id, ""),
                start=t.start,
                due=t.due,
                status=t.status,
                priority=t.priority,
                promotion=promos.get(t.promotion_id, ""),
                checklist_done=sum(1 for i in items if i.get("done")),
                checklist_total=len(items),
                recurrence=t.recurrence or series_rules.get(t.series_id or 0, ""),
                overdue=is_overdue(t.status, t.due, today),
                depends_on="; ".join(titles.get(d, "") for d in deps),
                owner_id=t.owner_id,
                promotion_id=t.promotion_id,
                notes=t.notes or "",
                checklist=tuple((str(i.get("text", "")), bool(i.get("done"))) for i in items),
                depends_on_ids=deps,
                series_id=t.series_id,
                time=time_of(t.recurrence or series_rules.get(t.series_id or 0, "")),
            )
        )
    return rows


def staff_rows(session: Session) -> list[StaffRow]:
    return [StaffRow(s.id, s.name, s.role, s.contact, s.active) for s in session.scalars(select(Staff).order_by(Staff.id))]


def staff_names(session: Session) -> list[str]:
    return list(session.scalars(select(Staff.name).where(Staff.active.is_(True)).order_by(Staff.id)))


def promotion_names(session: Session) -> list[tuple[int, str]]:
    return [(i, n) for i, n in session.execute(select(Promotion.id, Promotion.name).order_by(Promotion.start, Promotion.id))]


def promotion_spans(session: Session) -> dict[int, tuple[str, dt.date, dt.date]]:
    """Each promotion's name, first and last day (the Gantt charts a promotion's tasks over them)."""
    return {i: (n, s, e) for i, n, s, e in session.execute(select(Promotion.id, Promotion.name, Promotion.start,
                                                                   Promotion.end))}
