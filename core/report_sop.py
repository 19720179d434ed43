"""The monthly plan's SOP task schedules: for each promotion, the tasks an applied SOP template
created for it (core.edits.sop.ApplySop links each to the promotion and the template), with
their owner, dates relative to the promotion's start (T-30 … T+3) and status.

A promotion is in the month's plan when it or one of its SOP tasks touches the month: a January
festival's T-30 备货 and T-14 报名 are December's work. Qt-free (core.report uses it).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.models import Promotion, Staff, Task, TaskTemplate


@dataclass(frozen=True)
class ScheduleStep:
    title: str  # the step, without the "促销名：" prefix ApplySop gives the task
    owner: str  # "" = nobody has the step's role
    start: dt.date | None
    due: dt.date | None
    status: str  # todo|doing|done
    start_day: int | None  # days from the promotion's start: -30 is T-30
    due_day: int | None


@dataclass(frozen=True)
class SopSchedule:
    promotion: str
    start: dt.date  # T
    end: dt.date
    templates: tuple[str, ...]
    steps: tuple[ScheduleStep, ...]


def day_label(offset: int | None) -> str:
    """T-30, T, T+3 (as the SOP dialog writes a step's day)."""
    if offset is None:
        return ""
    return "T" if offset == 0 else f"T{offset:+d}"


def _touches(first: dt.date | None, last: dt.date | None, start: dt.date, end: dt.date) -> bool:
    first, last = first or last, last or first
    return first is not None and last is not None and first <= end and last >= start


def sop_schedules(session: Session, start: dt.date, end: dt.date) -> tuple[SopSchedule, ...]:
    """The SOP schedule of every promotion that, or one of whose SOP tasks, touches ``start``…``end``;
    promotions by start, steps by start (cancelled steps left out)."""
    q = (select(Promotion.id, Promotion.name, Promotion.start, Promotion.end, TaskTemplate.name, Task.title,
                Staff.name, Task.start, Task.due, Task.status)
         .join(Task, Task.promotion_id == Promotion.id)
         .join(TaskTemplate, TaskTemplate.id == Task.template_id)
         .outerjoin(Staff, Staff.id == Task.owner_id)
         .where(Task.status != "cancelled")
         .order_by(Promotion.start, Promotion.name, Promotion.id, Task.start, Task.due, Task.id))
    groups: dict[int, list] = {}
    for row in session.execute(q):
        groups.setdefault(row[0], []).append(row)
    out = []
    for rows in groups.values():
        _, name, p_start, p_end = rows[0][:4]
        if not (_touches(p_start, p_end, start, end) or any(_touches(r[7], r[8], start, end) for r in rows)):
            continue
        prefix = f"{name}："
        steps = tuple(
            ScheduleStep(title[len(prefix):] if name and title.startswith(prefix) else title, owner or "", s, d, status,
                         (s - p_start).days if s else None, (d - p_start).days if d else None)
            for _, _, _, _, _, title, owner, s, d, status in rows)
        out.append(SopSchedule(name, p_start, p_end, tuple(dict.fromkeys(r[4] for r in rows)), steps))
    return tuple(out)
