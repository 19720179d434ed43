"""SOP templates (标准作业流程): named task sets dated relative to an event, applied to a promotion.

A template's steps are ``{"title", "offset_days", "duration_days", "role", "after"}``: the step
starts ``offset_days`` after the event day T (T-30 = 30 days before) and lasts
``duration_days`` (due = start + duration − 1), its owner is the first active team member
whose role is ``role`` (or contains it: “仓管/美工” does 美工's steps), and ``after`` lists the
earlier steps (0-based) it waits for (finish-to-start dependencies, kept when applied).

Three built-in templates live here in code — 大促 (618/双11), 上新, 月度复盘 — in the UI
language; the owner's own ones and built-ins the owner changed are rows of
``task_templates`` (``builtin`` names the built-in a row replaces). Applying a built-in
stores it first, so the tasks can point at their template.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from core.errors import UserFacingError
from core.i18n import t

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

MAX_STEPS = 50
MAX_OFFSET = 366


class StepError(UserFacingError):
    """Steps that cannot be used; ``row`` is the step's index (0-based), ``field`` is "steps"."""

    def __init__(self, message: str, *, row: int | None = None) -> None:
        super().__init__(message)
        self.field = "steps"
        self.row = row


@dataclass(frozen=True)
class Step:
    title: str
    offset_days: int
    duration_days: int = 1
    role: str = ""
    after: tuple[int, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {"title": self.title, "offset_days": self.offset_days, "duration_days": self.duration_days,
                "role": self.role, "after": list(self.after)}


@dataclass(frozen=True)
class Template:
    id: int | None  # None: a built-in not stored yet
    builtin: str  # "promo" | "launch" | "review" | "" (the owner's own)
    name: str
    description: str
    steps: tuple[Step, ...]

    @property
    def key(self) -> str:
        """What the dialog and ``ApplySop`` name it by: ``builtin:promo`` or ``id:7``."""
        return f"id:{self.id}" if self.id is not None else f"builtin:{self.builtin}"


def _builtin_steps(key: str) -> tuple[Step, ...]:
    if key == "promo":
        return (
            Step(t("Stock up (备货)"), -30, 7, "仓储"),
            Step(t("Sign up and list the offer (报名/上新)"), -14, 3, "运营", (0,)),
            Step(t("Banners and detail pages"), -12, 4, "美工", (1,)),
            Step(t("Customer service scripts"), -10, 3, "客服", (1,)),
            Step(t("Warm-up (预热)"), -7, 7, "运营", (1, 2)),
            Step(t("Launch day: watch prices, stock and sales"), 0, 1, "店长", (3, 4)),
            Step(t("Review (复盘): targets, ROI, lessons"), 3, 2, "店长", (5,)),
        )
    if key == "launch":
        return (
            Step(t("Confirm samples and shoot photos"), -14, 4, "美工"),
            Step(t("Detail page and main images"), -10, 4, "美工", (0,)),
            Step(t("List the product and set up SKUs"), -5, 2, "运营", (1,)),
            Step(t("Announce to members"), -3, 3, "客服", (2,)),
            Step(t("Launch-day promotion"), 0, 1, "运营", (2,)),
            Step(t("First-week review"), 7, 1, "店长", (4,)),
        )
    if key == "review":
        return (
            Step(t("Export the month's orders and traffic"), -2, 1, "运营"),
            Step(t("Count stock and list slow movers"), -2, 2, "仓储"),
            Step(t("Collect customer questions and complaints"), -1, 1, "客服"),
            Step(t("Monthly review meeting"), 0, 1, "店长", (0, 1, 2)),
            Step(t("Next month's targets and who does what"), 1, 1, "店长", (3,)),
        )
    raise KeyError(key)


BUILTIN_KEYS = ("promo", "launch", "review")


def builtin(key: str) -> Template:
    names = {"promo": (t("Big promotion (618 / 双11)"), t("From stocking up 30 days before to the review 3 days after")),
             "launch": (t("New product launch (上新)"), t("From the photo shoot to the first week's review")),
             "review": (t("Monthly review (月度复盘)"), t("Numbers, stock and questions gathered, then the meeting"))}
    name, description = names[key]
    return Template(None, key, name, description, _builtin_steps(key))


def steps_from_json(raw: Sequence[dict] | None) -> tuple[Step, ...]:
    out = []
    for s in raw or ():
        out.append(Step(str(s.get("title", "")), int(s.get("offset_days", 0)), int(s.get("duration_days") or 1),
                        str(s.get("role", "") or ""), tuple(int(a) for a in s.get("after", ()) or ())))
    return tuple(out)


def templates(session: Session) -> list[Template]:
    """The built-ins (or the owner's version of each), then the owner's own templates by name."""
    from sqlalchemy import select

    from core.models import TaskTemplate

    stored = list(session.scalars(select(TaskTemplate).order_by(TaskTemplate.name, TaskTemplate.id)))
    by_builtin = {r.builtin: r for r in stored if r.builtin}
    out = []
    for key in BUILTIN_KEYS:
        row = by_builtin.get(key)
        out.append(builtin(key) if row is None else
                   Template(row.id, key, row.name, row.description, steps_from_json(row.steps)))
    out += [Template(r.id, "", r.name, r.description, steps_from_json(r.steps)) for r in stored if not r.builtin]
    return out


def check_steps(steps: Sequence[Step]) -> tuple[Step, ...]:
    """Steps that can be applied (titles and roles trimmed); ``StepError`` naming the step otherwise."""
    if not steps:
        raise StepError(t("A template needs at least one step."))
    if len(steps) > MAX_STEPS:
        raise StepError(t("A template has at most {n} steps; this one has {m}.", n=MAX_STEPS, m=len(steps)))
    for i, s in enumerate(steps):
        n = i + 1
        if not s.title.strip():
            raise StepError(t("Step {n} has no title.", n=n), row=i)
        if len(s.title) > 200:
            raise StepError(t("Step {n}'s title is {m} characters long; at most 200 fit.", n=n, m=len(s.title)),
                            row=i)
        if abs(s.offset_days) > MAX_OFFSET:
            raise StepError(t("Step {n} starts {d} day(s) from the event; at most 366 days before or after fit.",
                              n=n, d=s.offset_days), row=i)
        if not 1 <= s.duration_days <= MAX_OFFSET:
            raise StepError(t("Step {n} must last 1 to 366 days; {d} was given.", n=n, d=s.duration_days), row=i)
        for a in s.after:
            if not 0 <= a < i:
                raise StepError(t("Step {n} can only wait for steps above it (1 to {m}); {a} is not one.",
                                  n=n, m=i, a=a + 1) if i else
                                t("Step 1 cannot wait for another step: it is the first."), row=i)
    return tuple(Step(s.title.strip(), s.offset_days, s.duration_days, s.role.strip(), tuple(sorted(set(s.after))))
                 for s in steps)


def owner_for(role: str, staff: Sequence[tuple[int, str, str]]) -> int | None:
    """The first active person (``(id, name, role)``, in team order) whose role is ``role``, else
    whose role contains it (“仓管/美工” for 美工); None when nobody has that role."""
    role = role.strip()
    if not role:
        return None
    for sid, _name, r in staff:
        if r.strip() == role:
            return sid
    for sid, _name, r in staff:
        if role in r:
            return sid
    return None


@dataclass(frozen=True)
class PlannedTask:
    step: int
    title: str
    start: dt.date
    due: dt.date
    owner_id: int | None
    role: str
    after: tuple[int, ...]


def plan(template: Template, event: dt.date, staff: Sequence[tuple[int, str, str]], prefix: str = "") -> list[PlannedTask]:
    """The tasks ``template`` gives for an event on ``event`` (pure)."""
    out = []
    for i, s in enumerate(template.steps):
        start = event + dt.timedelta(days=s.offset_days)
        out.append(PlannedTask(i, f"{prefix}{s.title}", start, start + dt.timedelta(days=s.duration_days - 1),
                               owner_for(s.role, staff), s.role, s.after))
    return out


def open_sop_tasks(session: Session, promotion_id: int) -> list[int]:
    """The promotion's open tasks that came from an SOP (they move with it when asked)."""
    from sqlalchemy import select

    from core.models import Task

    return list(session.scalars(select(Task.id).where(
        Task.promotion_id == promotion_id, Task.template_id.is_not(None),
        Task.status.in_(("todo", "doing"))).order_by(Task.id)))
