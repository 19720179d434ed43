"""Editing a repeating task: "this one" or "this one and all future ones".

A series is its first task (holding the rule) and its later occurrences (``series_id``). Editing
**this one** changes that occurrence alone, as ``SetTaskFields`` does (the rule is untouched).
Editing **all future** changes this occurrence and every later one that is still open:

- title, description, owner, priority, checklist (unticked) and promotion are copied onto them;
- their dates follow the rule again from this occurrence's (new) start: a weekly meeting moved
  from Monday to Tuesday becomes a Tuesday meeting (the rule's weekday follows), a new rule
  ("every Monday" → "the last day of every month") re-dates them; open occurrences are reused
  in date order, missing ones are added and surplus ones go to the trash; done and cancelled
  ones stay as they were, and so do their dates;
- when this is not the series' first task, the series is split: the old rule ends the day
  before (``UNTIL``) and this occurrence becomes the first of a new series holding the rule.

Everything is one edit, so one Ctrl+Z puts the whole series back.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.edits.base import FieldError, Recorder
from core.edits.team import SetTaskFields, _check_dates, _check_task_values, _status_values, _task
from core.i18n import t
from core.models import Task
from core.recurrence import MAX_OCCURRENCES, occurrences
from core.tasks import CLOSED

SHARED = ("title", "notes", "owner_id", "priority", "checklist", "promotion_id")  # copied onto later occurrences
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _parts(rule: str) -> list[tuple[str, str]]:
    return [tuple(p.split("=", 1)) for p in rule.split(";") if "=" in p]  # type: ignore[misc]


def _join(parts: list[tuple[str, str]]) -> str:
    return ";".join(f"{k}={v}" for k, v in parts)


def follow_weekday(rule: str, old: dt.date, new: dt.date) -> str:
    """A weekly rule on one weekday, moved to another day of the week, repeats on the new one."""
    parts = _parts(rule)
    keys = dict(parts)
    if keys.get("FREQ") != "WEEKLY" or old.weekday() == new.weekday():
        return rule
    days = keys.get("BYDAY", "")
    if days and days != WEEKDAYS[old.weekday()]:
        return rule  # several days, or not the moved one's: keep what the owner wrote
    wanted = WEEKDAYS[new.weekday()]
    if not days:
        return rule
    return _join([(k, wanted if k == "BYDAY" else v) for k, v in parts])


def ending_before(rule: str, day: dt.date) -> str:
    """``rule`` that gives no date from ``day`` on (RFC 5545 UNTIL, the day before, end of day)."""
    parts = [(k, v) for k, v in _parts(rule) if k not in ("UNTIL", "COUNT")]
    last = day - dt.timedelta(days=1)
    return _join([*parts, ("UNTIL", last.strftime("%Y%m%dT235959"))])


@dataclass(frozen=True)
class EditSeries:
    """Edit occurrence ``task_id`` of a repeating task: ``future`` False for this one only, True
    for this one and all later open ones (``values`` as ``SetTaskFields``, plus ``recurrence``)."""

    task_id: int
    values: tuple[tuple[str, Any], ...]
    future: bool
    topics: ClassVar[frozenset[str]] = frozenset({"tasks"})

    @classmethod
    def of(cls, task_id: int, future: bool, **values: Any) -> EditSeries:
        return cls(task_id, tuple(values.items()), future)

    @property
    def label(self) -> str:
        return t("Edit this and future occurrences") if self.future else t("Edit this occurrence")

    def apply(self, session: Session, rec: Recorder) -> str:
        this = _task(session, self.task_id)
        head_id = this["series_id"] or self.task_id
        head = _task(session, head_id)
        if not head["recurrence"]:
            raise FieldError(t("“{task}” does not repeat; edit it as a task of its own.", task=this["title"]),
                             field="recurrence", row=self.task_id)
        if not self.future:
            values = tuple((k, v) for k, v in self.values if k != "recurrence")
            SetTaskFields(self.task_id, values).apply(session, rec)
            return t("Edit {task} (this occurrence)", task=f"“{this['title']}” {_day(this)}")
        return self._future(session, rec, this, head)

    def _future(self, session: Session, rec: Recorder, this: dict, head: dict) -> str:
        checked = _check_task_values(session, self.values, self.task_id)
        rule = checked.pop("recurrence", head["recurrence"])
        rule_changed = "recurrence" in dict(self.values) and rule != head["recurrence"]
        old_start = this["start"] or this["due"]
        start = checked.get("start", this["start"]) or checked.get("due", this["due"])
        due = checked.get("due", this["due"]) or start
        _check_dates(start, due, self.task_id)
        if start is None:
            raise FieldError(t("Give this occurrence a start date first."), field="start", row=self.task_id)
        if not rule_changed and old_start is not None:
            rule = follow_weekday(rule, old_start, start)
        length = due - start
        first_day = this["occurrence"] or old_start or start
        is_head = this["id"] == head["id"]
        later = [r for r in session.scalars(select(Task).where(Task.series_id == head["id"], Task.id != this["id"])
                                            .order_by(Task.occurrence, Task.id))
                 if (r.occurrence or r.start or dt.date.min) > first_day]
        open_later = [r.id for r in later if r.status not in CLOSED]
        closed_days = {r.occurrence or r.start for r in later if r.status in CLOSED}
        # as far ahead as the series was planned (further by as much as this one moved later)
        shift = max(dt.timedelta(), start - old_start) if old_start else dt.timedelta()
        horizon = max([first_day, start, *(r.occurrence or r.start or first_day for r in later)]) + shift
        new_days = [d for d in (occurrences(rule, start, horizon) if rule else []) if d > start and d not in closed_days]
        title = t("Task {task}", task=f"“{head['title']}”")

        # this occurrence: the first of the (new) series
        mine = dict(checked)
        mine.pop("depends_on", None)
        mine.update(start=start, due=due, occurrence=start)
        if is_head:
            mine["recurrence"] = rule
        elif rule:
            rec.update(Task, head["id"], {"recurrence": ending_before(head["recurrence"], first_day)}, title=title)
            mine.update(series_id=None, recurrence=rule)
        else:  # repeating stops from here: the old series ends before it, this one stands alone
            rec.update(Task, head["id"], {"recurrence": ending_before(head["recurrence"], first_day)}, title=title)
            mine.update(series_id=None, recurrence="")
        if "depends_on" in dict(self.values):  # this occurrence's links only
            SetTaskFields.of(self.task_id, depends_on=dict(self.values)["depends_on"]).apply(session, rec)
        if "status" in checked:
            mine.update(_status_values(checked["status"], this))
        rec.update(Task, self.task_id, mine, title=title)

        shared = {k: v for k, v in checked.items() if k in SHARED}
        if "checklist" in shared:
            shared["checklist"] = [{"text": i["text"], "done": False} for i in shared["checklist"]]
        series_id = self.task_id if rule else None
        for task_id, day in zip(open_later, new_days, strict=False):
            values = {**shared, "start": day, "due": day + length, "occurrence": day}
            if not is_head:
                values["series_id"] = series_id
            rec.update(Task, task_id, values, title=t("Task {task}", task=f"“{head['title']}” {day.isoformat()}"))
        template = {**{k: this[k] for k in SHARED}, **shared}
        for day in new_days[len(open_later):][:MAX_OCCURRENCES]:
            rec.insert(Task, {
                **template, "checklist": [{"text": i.get("text", ""), "done": False} for i in template["checklist"] or []],
                "start": day, "due": day + length, "status": "todo", "recurrence": "", "series_id": series_id,
                "occurrence": day, "template_id": None,
            }, title=t("Task {task}", task=f"“{template['title']}” {day.isoformat()}"))
        surplus = open_later[len(new_days):]
        if surplus:
            rec.delete(Task, surplus, kind="task",
                       title=t("{n} later occurrences of {task}", n=len(surplus), task=f"“{head['title']}”"))
        return t("Edit {task} and {n} later occurrences", task=f"“{template['title']}”",
                 n=len(new_days))


def _day(row: dict) -> str:
    day = row["start"] or row["due"]
    return day.isoformat() if day else ""
