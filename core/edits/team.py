"""Edits of the team's work: tasks (fields, status, moves, dependencies, the trash) and staff.

``SetTaskFields`` takes any subset of a task's fields, so a card dropped on another column, the
task form and a typed cell validate the same way. Dependencies are finish-to-start links in
``task_dependencies``; one that would make a task wait for itself is refused, naming the circle.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.edits.base import FieldError, Recorder, read_row
from core.i18n import t
from core.models import Promotion, Staff, Task, TaskDependency
from core.tasks import CANCELLED, DONE, STATUSES

TASK_FIELDS = ("title", "notes", "owner_id", "start", "due", "priority", "status", "checklist", "promotion_id",
               "depends_on")
STAFF_FIELDS = ("name", "role", "contact", "active")
ROLES = ("店长", "运营", "客服", "美工", "仓储")  # suggestions; a shop may use its own words


def field_name(name: str) -> str:
    return {
        "title": t("Title"), "notes": t("Description"), "owner_id": t("Owner"), "start": t("Start"), "due": t("Due"),
        "priority": t("Priority"), "status": t("Status"), "checklist": t("Checklist"),
        "promotion_id": t("Promotion"), "depends_on": t("Depends on"), "name": t("Name"), "role": t("Role"),
        "contact": t("Contact"), "active": t("Active"),
    }.get(name, name)


# ---------------------------------------------------------------- checks


def _text(limit: int, *, required: bool = False) -> Callable[[Session, str, Any], str]:
    def check(_s: Session, name: str, value: Any) -> str:
        text = str(value or "").strip()
        if required and not text:
            raise FieldError(t("{field} cannot be empty.", field=field_name(name)), field=name)
        if len(text) > limit:
            raise FieldError(t("{field} is {n} characters long; at most {limit} fit.",
                               field=field_name(name), n=len(text), limit=f"{limit:,}"), field=name)
        return text
    return check


def _date(_s: Session, name: str, value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise FieldError(t("{field} must be a date.", field=field_name(name)), field=name)
    return value


def _priority(_s: Session, name: str, value: Any) -> int:
    if value not in (1, 2, 3) or isinstance(value, bool):
        raise FieldError(t("Priority must be high, normal or low."), field=name)
    return int(value)


def _status(_s: Session, name: str, value: Any) -> str:
    if value not in STATUSES:
        raise FieldError(t("Status must be to do, in progress, done or cancelled."), field=name)
    return str(value)


def _owner(session: Session, name: str, value: Any) -> int | None:
    if value is None:
        return None
    if read_row(session, Staff.__table__, (value,)) is None:
        raise FieldError(t("This team member no longer exists; choose another owner."), field=name)
    return int(value)


def _promotion(session: Session, name: str, value: Any) -> int | None:
    if value is None:
        return None
    if read_row(session, Promotion.__table__, (value,)) is None:
        raise FieldError(t("This promotion no longer exists; choose another or none."), field=name)
    return int(value)


def _checklist(_s: Session, name: str, value: Any) -> list[dict]:
    items = []
    for item in value or ():
        text, done = (item.get("text"), item.get("done")) if isinstance(item, dict) else item
        text = str(text or "").strip()
        if not text:
            continue
        if len(text) > 300:
            raise FieldError(t("A checklist item is {n} characters long; at most 300 fit.", n=len(text)), field=name)
        items.append({"text": text, "done": bool(done)})
    if len(items) > 100:
        raise FieldError(t("A checklist has at most 100 items; this one has {n}.", n=len(items)), field=name)
    return items


_TASK_CHECKS: dict[str, Callable[[Session, str, Any], Any]] = {
    "title": _text(300, required=True), "notes": _text(5000), "owner_id": _owner, "start": _date, "due": _date,
    "priority": _priority, "status": _status, "checklist": _checklist, "promotion_id": _promotion,
}


def _task(session: Session, task_id: int) -> dict:
    row = read_row(session, Task.__table__, (task_id,))
    if row is None:
        raise FieldError(t("This task no longer exists; it may have been deleted."), field="id", row=task_id)
    return row


def _task_title(session: Session, task_id: int) -> str:
    row = read_row(session, Task.__table__, (task_id,))
    return row["title"] if row else f"#{task_id}"


def _prerequisites(session: Session) -> dict[int, set[int]]:
    graph: dict[int, set[int]] = {}
    for task_id, dep in session.execute(select(TaskDependency.task_id, TaskDependency.depends_on_id)):
        graph.setdefault(task_id, set()).add(dep)
    return graph


def _path(graph: dict[int, set[int]], start: int, goal: int) -> list[int] | None:
    """The chain of "depends on" links from ``start`` to ``goal``, if there is one (breadth first,
    so the shortest circle is named)."""
    came: dict[int, int | None] = {start: None}
    queue = [start]
    while queue:
        node = queue.pop(0)
        if node == goal:
            chain = [node]
            while came[chain[-1]] is not None:
                chain.append(came[chain[-1]])  # type: ignore[arg-type]
            return chain[::-1]
        for nxt in sorted(graph.get(node, ())):
            if nxt not in came:
                came[nxt] = node
                queue.append(nxt)
    return None


def circle_text(titles: Sequence[str]) -> str:
    """``“A” depends on “B”, which depends on “A”``."""
    quoted = [f"“{x}”" for x in titles]
    text = quoted[0] + t(" depends on ") + quoted[1]
    return text + "".join(t(", which depends on ") + q for q in quoted[2:])


def _set_dependencies(session: Session, rec: Recorder, task_id: int, wanted: Iterable[Any]) -> None:
    wanted_ids: list[int] = []
    for dep in wanted:
        if dep in wanted_ids:
            continue
        if dep == task_id:
            raise FieldError(t("A task cannot depend on itself."), field="depends_on", row=task_id)
        _task(session, dep)
        wanted_ids.append(int(dep))
    graph = _prerequisites(session)
    current = graph.get(task_id, set())
    for dep in sorted(current - set(wanted_ids)):
        rec.remove(TaskDependency, (task_id, dep), title=t("Dependency of {task}", task=_task_title(session, task_id)))
        graph[task_id].discard(dep)
    for dep in wanted_ids:
        if dep in current:
            continue
        chain = _path(graph, dep, task_id)  # does the new prerequisite already wait for this task?
        if chain is not None:
            titles = [_task_title(session, task_id), *(_task_title(session, n) for n in chain)]
            raise FieldError(t("That would make a circle: {chain}. A task cannot wait for itself; remove one of "
                               "these links first.", chain=circle_text(titles)), field="depends_on", row=task_id)
        rec.insert(TaskDependency, {"task_id": task_id, "depends_on_id": dep},
                   title=t("Dependency of {task}", task=_task_title(session, task_id)))
        graph.setdefault(task_id, set()).add(dep)


def _check_task_values(session: Session, values: Iterable[tuple[str, Any]], row: Any = None) -> dict[str, Any]:
    checked: dict[str, Any] = {}
    for name, value in values:
        if name == "depends_on":
            checked[name] = tuple(value or ())
            continue
        if name not in _TASK_CHECKS:
            raise ValueError(f"not an editable task field: {name}")  # a bug, not the owner's input
        try:
            checked[name] = _TASK_CHECKS[name](session, name, value)
        except FieldError as exc:
            exc.row = row
            raise
    return checked


def _check_dates(start: dt.date | None, due: dt.date | None, row: Any) -> None:
    if start is not None and due is not None and due < start:
        raise FieldError(t("The task is due ({due}) before it starts ({start}).", due=due.isoformat(),
                           start=start.isoformat()), field="due", row=row)


def _status_values(status: str, before: dict | None) -> dict[str, Any]:
    """Done gets the time it was finished; leaving done forgets it."""
    if status == DONE:
        if before is not None and before.get("status") == DONE and before.get("done_at") is not None:
            return {}
        return {"done_at": dt.datetime.now().replace(microsecond=0)}
    return {"done_at": None}


# ---------------------------------------------------------------- tasks


@dataclass(frozen=True)
class AddTask:
    """A new task; ``values`` as for ``SetTaskFields`` (a title at least)."""

    values: tuple[tuple[str, Any], ...]
    topics: ClassVar[frozenset[str]] = frozenset({"tasks"})

    @classmethod
    def of(cls, **values: Any) -> AddTask:
        return cls(tuple(values.items()))

    @property
    def label(self) -> str:
        title = str(dict(self.values).get("title") or "").strip()
        return t("Add task {task}", task=f"“{title}”") if title else t("Add task")

    def apply(self, session: Session, rec: Recorder) -> None:
        checked = _check_task_values(session, self.values)
        if "title" not in checked:
            raise FieldError(t("{field} cannot be empty.", field=field_name("title")), field="title")
        deps = checked.pop("depends_on", ())
        row = {"status": "todo", "priority": 2, "checklist": [], "recurrence": "", "notes": "", **checked}
        _check_dates(row.get("start"), row.get("due"), None)
        row.update(_status_values(row["status"], None))
        (task_id,) = rec.insert(Task, row, title=t("Task {task}", task=f"“{row['title']}”"))
        if deps:
            _set_dependencies(session, rec, task_id, deps)


@dataclass(frozen=True)
class SetTaskFields:
    """Set some of a task's fields: a card moved to another column, the task form, a cell."""

    task_id: int
    values: tuple[tuple[str, Any], ...]
    topics: ClassVar[frozenset[str]] = frozenset({"tasks"})

    @classmethod
    def of(cls, task_id: int, **values: Any) -> SetTaskFields:
        return cls(task_id, tuple(values.items()))

    @property
    def label(self) -> str:
        return t("Edit task")

    def apply(self, session: Session, rec: Recorder) -> str:
        before = _task(session, self.task_id)
        checked = _check_task_values(session, self.values, self.task_id)
        deps = checked.pop("depends_on", None)
        start = checked.get("start", before["start"])
        due = checked.get("due", before["due"])
        _check_dates(start, due, self.task_id)
        if "status" in checked:
            checked.update(_status_values(checked["status"], before))
        title = t("Task {task}", task=f"“{before['title']}”")
        rec.update(Task, self.task_id, checked, title=title)
        if deps is not None:
            _set_dependencies(session, rec, self.task_id, deps)
        names = [n for n, _v in self.values]
        if names == ["status"]:
            return t("Mark {task} {status}", task=f"“{before['title']}”", status=status_word(checked["status"]))
        return t("Edit {task}", task=f"“{before['title']}”")


def status_word(status: str) -> str:
    return {"todo": t("to do"), "doing": t("in progress"), DONE: t("done"), CANCELLED: t("cancelled")}.get(status, status)


def dependants(session: Session, task_id: int) -> list[int]:
    """Every task that waits for ``task_id``, directly or through others (each once)."""
    waiting: dict[int, set[int]] = {}
    for tid, dep in session.execute(select(TaskDependency.task_id, TaskDependency.depends_on_id)):
        waiting.setdefault(dep, set()).add(tid)
    found: list[int] = []
    queue = [task_id]
    while queue:
        for nxt in sorted(waiting.get(queue.pop(0), ())):
            if nxt not in found and nxt != task_id:
                found.append(nxt)
                queue.append(nxt)
    return found


@dataclass(frozen=True)
class MoveTask:
    """Shift a task's start and due by ``days`` (and, asked, every task that waits for it)."""

    task_id: int
    days: int
    with_dependants: bool = False
    topics: ClassVar[frozenset[str]] = frozenset({"tasks"})

    @property
    def label(self) -> str:
        return t("Move task by {n} day(s)", n=self.days)

    def apply(self, session: Session, rec: Recorder) -> str:
        if not isinstance(self.days, int) or isinstance(self.days, bool) or abs(self.days) > 3650:
            raise FieldError(t("Move a task by at most 3,650 days."), field="due", row=self.task_id)
        first = _task(session, self.task_id)
        ids = [self.task_id, *(dependants(session, self.task_id) if self.with_dependants else ())]
        shift = dt.timedelta(days=self.days)
        for task_id in ids:
            row = _task(session, task_id)
            values = {k: row[k] + shift for k in ("start", "due") if row[k] is not None}
            rec.update(Task, task_id, values, title=t("Task {task}", task=f"“{row['title']}”"))
        if len(ids) > 1:
            return t("Move {task} and {n} dependent task(s) by {days} day(s)", task=f"“{first['title']}”",
                     n=len(ids) - 1, days=self.days)
        return t("Move {task} by {days} day(s)", task=f"“{first['title']}”", days=self.days)


@dataclass(frozen=True)
class DeleteTasks:
    """Move tasks (and their dependency links) to the trash."""

    task_ids: tuple[int, ...]
    topics: ClassVar[frozenset[str]] = frozenset({"tasks"})

    @property
    def label(self) -> str:
        return t("Delete {n} task(s)", n=len(self.task_ids))

    def apply(self, session: Session, rec: Recorder) -> str | None:
        if not self.task_ids:
            raise FieldError(t("Select the tasks to delete first."), field="id")
        for task_id in self.task_ids:
            _task(session, task_id)
        # The trash lists the task by its name as the owner typed it (no quotes), as it does goals,
        # promotions and SOP templates.
        name = (_task_title(session, self.task_ids[0]) if len(self.task_ids) == 1
                else t("{n} task(s)", n=len(self.task_ids)))
        rec.delete(Task, self.task_ids, kind="task", title=name)
        return t("Delete {task}", task=name) if len(self.task_ids) == 1 else None


# ---------------------------------------------------------------- staff


def _active(_s: Session, name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise FieldError(t("Active must be yes or no."), field=name)
    return value


_STAFF_CHECKS: dict[str, Callable[[Session, str, Any], Any]] = {
    "name": _text(80, required=True), "role": _text(80), "contact": _text(200), "active": _active,
}


def _check_staff(session: Session, values: Iterable[tuple[str, Any]], row: Any, staff_id: int | None) -> dict[str, Any]:
    checked = {}
    for name, value in values:
        if name not in _STAFF_CHECKS:
            raise ValueError(f"not an editable staff field: {name}")
        try:
            checked[name] = _STAFF_CHECKS[name](session, name, value)
        except FieldError as exc:
            exc.row = row
            raise
    if "name" in checked:
        clash = session.scalar(select(Staff.id).where(Staff.name == checked["name"], Staff.id != (staff_id or -1)))
        if clash is not None:
            raise FieldError(t("{name} is on the team already; give each person a name of their own.",
                               name=checked["name"]), field="name", row=row)
    return checked


@dataclass(frozen=True)
class AddStaff:
    name: str
    role: str = ""
    contact: str = ""
    active: bool = True
    topics: ClassVar[frozenset[str]] = frozenset({"staff"})

    @property
    def label(self) -> str:
        return t("Add {name} to the team", name=self.name.strip())

    def apply(self, session: Session, rec: Recorder) -> None:
        checked = _check_staff(session, (("name", self.name), ("role", self.role), ("contact", self.contact),
                                         ("active", self.active)), None, None)
        rec.insert(Staff, {**checked, "kpi": {}}, title=checked["name"])


@dataclass(frozen=True)
class SetStaffFields:
    staff_id: int
    values: tuple[tuple[str, Any], ...]
    topics: ClassVar[frozenset[str]] = frozenset({"staff", "tasks"})  # task cards show the owner's name

    @classmethod
    def of(cls, staff_id: int, **values: Any) -> SetStaffFields:
        return cls(staff_id, tuple(values.items()))

    @property
    def label(self) -> str:
        return t("Edit team member")

    def apply(self, session: Session, rec: Recorder) -> str:
        before = read_row(session, Staff.__table__, (self.staff_id,))
        if before is None:
            raise FieldError(t("This team member no longer exists; it may have been deleted."), field="id",
                             row=self.staff_id)
        checked = _check_staff(session, self.values, self.staff_id, self.staff_id)
        rec.update(Staff, self.staff_id, checked, title=before["name"])
        if list(checked) == ["active"]:
            return (t("Mark {name} as back on the team", name=before["name"]) if checked["active"]
                    else t("Mark {name} as having left", name=before["name"]))
        return t("Edit {name}", name=before["name"])


# ---------------------------------------------------------------- recurring tasks


def _recurrence(_s: Session, name: str, value: Any) -> str:
    from core.recurrence import RuleError, check_rule

    try:
        return check_rule(str(value or ""))
    except RuleError:
        raise FieldError(t("“{rule}” is not a repeat rule ShopDesk understands (e.g. FREQ=WEEKLY;BYDAY=MO).",
                           rule=str(value)), field=name) from None


_TASK_CHECKS["recurrence"] = _recurrence


@dataclass(frozen=True)
class ScheduleAhead:
    """Write the occurrences of every recurring task (or of ``series_id``) due through ``until``
    that are not there yet: each a task of its own, finished or moved on its own."""

    until: dt.date
    series_id: int | None = None
    topics: ClassVar[frozenset[str]] = frozenset({"tasks"})

    @property
    def label(self) -> str:
        return t("Plan repeating tasks until {day}", day=self.until.isoformat())

    def apply(self, session: Session, rec: Recorder) -> str:
        from core.recurrence import occurrences

        query = select(Task.id).where(Task.recurrence != "", Task.series_id.is_(None))
        if self.series_id is not None:
            query = query.where(Task.id == self.series_id)
        added = 0
        for head_id in session.scalars(query.order_by(Task.id)).all():
            head = _task(session, head_id)
            first = head["occurrence"] or head["start"] or head["due"]
            if first is None:
                continue
            if head["occurrence"] is None:  # the first task is the rule's first date
                rec.update(Task, head_id, {"occurrence": first}, title=t("Task {task}", task=f"“{head['title']}”"))
            taken = {first, *session.scalars(select(Task.occurrence).where(Task.series_id == head_id))}
            length = (head["due"] - head["start"]) if head["start"] and head["due"] else dt.timedelta()
            for day in occurrences(head["recurrence"], first, self.until):
                if day in taken:
                    continue
                rec.insert(Task, {
                    "title": head["title"], "owner_id": head["owner_id"], "start": day, "due": day + length,
                    "status": "todo", "priority": head["priority"], "notes": head["notes"], "recurrence": "",
                    "checklist": [{"text": i.get("text", ""), "done": False} for i in head["checklist"] or []],
                    "series_id": head_id, "occurrence": day, "promotion_id": None, "template_id": None,
                }, title=t("Task {task}", task=f"“{head['title']}” {day.isoformat()}"))
                added += 1
        return t("Plan {n} repeating task(s) until {day}", n=added, day=self.until.isoformat())
