"""Team tasks (团队任务): who does what by when."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.models import Promotion, Staff, Task

TODO, DOING, DONE = "todo", "doing", "done"


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


def task_rows(session: Session, today: dt.date) -> list[TaskRow]:
    staff = dict(session.execute(select(Staff.id, Staff.name)).all())
    promos = dict(session.execute(select(Promotion.id, Promotion.name)).all())
    rows = []
    for t in session.scalars(select(Task).order_by(Task.due, Task.priority)):
        items = t.checklist or []
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
                recurrence=t.recurrence,
                overdue=t.status != DONE and t.due is not None and t.due < today,
            )
        )
    return rows


def staff_names(session: Session) -> list[str]:
    return list(session.scalars(select(Staff.name).where(Staff.active.is_(True)).order_by(Staff.id)))
