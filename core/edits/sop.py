"""Edits of SOP templates (core.sop): save or delete a template, apply one to a promotion, and
move a promotion together with the open tasks its SOP created."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.edits.base import FieldError, Recorder, read_row
from core.i18n import t
from core.models import Promotion, Staff, Task, TaskDependency, TaskTemplate
from core.sop import (
    BUILTIN_KEYS,
    Step,
    StepError,
    Template,
    builtin,
    check_steps,
    open_sop_tasks,
    plan,
    steps_from_json,
)


def _checked_steps(steps: Sequence[Step]) -> tuple[Step, ...]:
    try:
        return check_steps(steps)
    except StepError as exc:
        raise FieldError(exc.message, field="steps", row=exc.row) from None


def _name(session: Session, name: str, template_id: int | None) -> str:
    name = (name or "").strip()
    if not name:
        raise FieldError(t("Give the template a name."), field="name")
    if len(name) > 200:
        raise FieldError(t("The name is {n} characters long; at most 200 fit.", n=len(name)), field="name")
    clash = session.scalar(select(TaskTemplate.id).where(TaskTemplate.name == name,
                                                         TaskTemplate.id != (template_id or -1)))
    if clash is not None:
        raise FieldError(t("There is a template called {name} already; choose another name.", name=name), field="name")
    return name


def _promotion(session: Session, promotion_id: int | None) -> dict:
    row = read_row(session, Promotion.__table__, (promotion_id,)) if promotion_id is not None else None
    if row is None:
        raise FieldError(t("Choose the promotion to create the tasks for."), field="promotion_id")
    return row


@dataclass(frozen=True)
class SaveSopTemplate:
    """Add a template (``template_id`` None) or change one; ``builtin`` when it replaces a built-in."""

    template_id: int | None
    name: str
    description: str
    steps: tuple[Step, ...]
    builtin: str = ""
    topics: ClassVar[frozenset[str]] = frozenset({"tasks"})

    @property
    def label(self) -> str:
        return t("Save SOP template {name}", name=self.name.strip())

    def apply(self, session: Session, rec: Recorder) -> None:
        if self.builtin and self.builtin not in BUILTIN_KEYS:
            raise ValueError(f"not a built-in template: {self.builtin}")
        name = _name(session, self.name, self.template_id)
        steps = _checked_steps(self.steps)
        description = (self.description or "").strip()
        if len(description) > 2000:
            raise FieldError(t("The description is {n} characters long; at most 2,000 fit.", n=len(description)),
                             field="description")
        values = {"name": name, "description": description, "steps": [s.as_json() for s in steps]}
        if self.template_id is None:
            if self.builtin and session.scalar(select(TaskTemplate.id).where(TaskTemplate.builtin == self.builtin)):
                raise FieldError(t("This built-in template was saved meanwhile; reopen the dialog."), field="name")
            rec.insert(TaskTemplate, {**values, "builtin": self.builtin}, title=t("SOP template {name}", name=name))
        else:
            if read_row(session, TaskTemplate.__table__, (self.template_id,)) is None:
                raise FieldError(t("This template no longer exists; it may have been deleted."), field="name")
            rec.update(TaskTemplate, self.template_id, values, title=t("SOP template {name}", name=name))


@dataclass(frozen=True)
class DeleteSopTemplate:
    """Move the owner's template to the trash (tasks made from it keep their dates and owners).
    A changed built-in goes back to ShopDesk's version."""

    template_id: int
    topics: ClassVar[frozenset[str]] = frozenset({"tasks"})

    @property
    def label(self) -> str:
        return t("Delete SOP template")

    def apply(self, session: Session, rec: Recorder) -> str:
        row = read_row(session, TaskTemplate.__table__, (self.template_id,))
        if row is None:
            raise FieldError(t("This template no longer exists; it may have been deleted."), field="name")
        rec.delete(TaskTemplate, (self.template_id,), kind="task_template", title=row["name"])
        return t("Delete SOP template {name}", name=row["name"])


def _stored_template(session: Session, rec: Recorder, key: str) -> Template:
    """The template ``key`` names (``id:7`` / ``builtin:promo``), storing a built-in first."""
    kind, _, value = key.partition(":")
    if kind == "id":
        row = read_row(session, TaskTemplate.__table__, (int(value),))
        if row is None:
            raise FieldError(t("This template no longer exists; it may have been deleted."), field="template")
        return Template(row["id"], row["builtin"], row["name"], row["description"], steps_from_json(row["steps"]))
    if kind != "builtin" or value not in BUILTIN_KEYS:
        raise ValueError(f"not a template key: {key}")
    found = session.scalar(select(TaskTemplate.id).where(TaskTemplate.builtin == value))
    if found is not None:
        return _stored_template(session, rec, f"id:{found}")
    tpl = builtin(value)
    name, n = tpl.name, 2
    while session.scalar(select(TaskTemplate.id).where(TaskTemplate.name == name)) is not None:
        name, n = f"{tpl.name} ({n})", n + 1
    (new_id,) = rec.insert(TaskTemplate, {"name": name, "description": tpl.description, "builtin": value,
                                          "steps": [s.as_json() for s in tpl.steps]},
                           title=t("SOP template {name}", name=name))
    return Template(new_id, value, name, tpl.description, tpl.steps)


@dataclass(frozen=True)
class ApplySop:
    """Create a promotion's tasks from a template: dated from its start (T), owners by role, the
    steps' dependencies kept, each task linked to the promotion and the template."""

    template: str  # Template.key
    promotion_id: int
    topics: ClassVar[frozenset[str]] = frozenset({"tasks"})

    @property
    def label(self) -> str:
        return t("Create tasks from an SOP")

    def apply(self, session: Session, rec: Recorder) -> str:
        promo = _promotion(session, self.promotion_id)
        tpl = _stored_template(session, rec, self.template)
        steps = _checked_steps(tpl.steps)
        tpl = Template(tpl.id, tpl.builtin, tpl.name, tpl.description, steps)
        already = session.scalar(select(Task.id).where(Task.promotion_id == self.promotion_id,
                                                       Task.template_id == tpl.id).limit(1))
        if already is not None:
            raise FieldError(t("{promotion} already has the tasks of {template}. Delete them first to create them "
                               "again.", promotion=promo["name"], template=tpl.name), field="template")
        staff = [(sid, name, role) for sid, name, role in session.execute(
            select(Staff.id, Staff.name, Staff.role).where(Staff.active.is_(True)).order_by(Staff.id))]
        ids: list[int] = []
        for p in plan(tpl, promo["start"], staff, prefix=f"{promo['name']}：" if promo["name"] else ""):
            title = p.title[:300]
            (task_id,) = rec.insert(Task, {
                "title": title, "owner_id": p.owner_id, "start": p.start, "due": p.due, "status": "todo",
                "priority": 1 if p.due >= promo["start"] - dt.timedelta(days=7) else 2, "promotion_id": self.promotion_id,
                "template_id": tpl.id, "checklist": [], "recurrence": "", "notes": "", "done_at": None,
            }, title=t("Task {task}", task=f"“{title}”"))
            ids.append(task_id)
            for a in p.after:
                rec.insert(TaskDependency, {"task_id": task_id, "depends_on_id": ids[a]},
                           title=t("Dependency of {task}", task=f"“{title}”"))
        return t("Create {n} task(s) from {template} for {promotion}", n=len(ids), template=tpl.name,
                 promotion=promo["name"])


@dataclass(frozen=True)
class MovePromotionWithTasks:
    """``MovePromotion`` and, in the same change, the promotion's open SOP tasks by as many days as
    its start moved (a resize of its end moves none)."""

    promotion_id: int
    days: int
    edge: str = "both"
    topics: ClassVar[frozenset[str]] = frozenset({"promotions", "tasks"})

    @property
    def label(self) -> str:
        return t("Move promotion and its tasks")

    def apply(self, session: Session, rec: Recorder) -> str:
        from core.edits.promotions import MovePromotion

        label = MovePromotion(self.promotion_id, self.days, self.edge).apply(session, rec)
        shift = dt.timedelta(days=self.days if self.edge in ("both", "start") else 0)
        moved = 0
        if shift:
            for task_id in open_sop_tasks(session, self.promotion_id):
                row: dict[str, Any] = read_row(session, Task.__table__, (task_id,)) or {}
                values = {k: row[k] + shift for k in ("start", "due") if row.get(k) is not None}
                rec.update(Task, task_id, values, title=t("Task {task}", task=f"“{row['title']}”"))
                moved += 1
        return t("{move}, with {n} task(s)", move=label, n=moved) if moved else label
