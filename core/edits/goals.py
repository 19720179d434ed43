"""Edits of goals: a target typed into the Goals table, a new goal, goals moved to the trash."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.edits.base import FieldError, Recorder, read_row
from core.goals import period_name
from core.i18n import t
from core.models import Goal
from core.typed_values import MAX_COUNT, MAX_FEN

PERIOD_KINDS = ("year", "half", "quarter", "month")


def field_name(name: str) -> str:
    return {
        "target_gmv_fen": t("Target GMV"), "target_orders": t("Target orders"), "target_aov_fen": t("Target AOV"),
        "target_conversion": t("Target conversion"), "note": t("Note"),
    }.get(name, name)


def _money(name: str, value: Any, *, optional: bool) -> int | None:
    if value is None and optional:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise FieldError(t("{field} must be an amount in yuan.", field=field_name(name)), field=name)
    if value < 0 or value >= MAX_FEN:
        raise FieldError(t("{field} must be between ¥0 and ¥10,000,000,000.", field=field_name(name)), field=name)
    return value


def _orders(name: str, value: Any) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < MAX_COUNT:
        raise FieldError(t("{field} must be a whole number of 0 or more.", field=field_name(name)), field=name)
    return value


def _conversion(name: str, value: Any) -> float | None:
    if value is None:
        return None
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 <= value <= 1:
        raise FieldError(t("{field} must be between 0 % and 100 %.", field=field_name(name)), field=name)
    return float(value)


def _note(name: str, value: Any) -> str:
    text = str(value or "").strip()
    if len(text) > 2000:
        raise FieldError(t("The note is {n} characters long; at most 2,000 fit.", n=len(text)), field=name)
    return text


_CHECKS: dict[str, Callable[[str, Any], Any]] = {
    "target_gmv_fen": lambda n, v: _money(n, v, optional=False),
    "target_aov_fen": lambda n, v: _money(n, v, optional=True),
    "target_orders": _orders,
    "target_conversion": _conversion,
    "note": _note,
}


def goal_title(kind: str, start: dt.date, end: dt.date, platform: str, category: str) -> str:
    """``2026-11 goal`` / ``2026年11月 目标`` (with the channel and category when it has them)."""
    from core.kpi.output import channel_label  # the platform as people read it, in the UI language

    scope = " · ".join(x for x in (channel_label(platform) if platform else "", category) if x)
    period = period_name(kind, start, end)
    return t("{period} goal ({scope})", period=period, scope=scope) if scope else t("{period} goal", period=period)


def _title_of(session: Session, goal_id: int) -> str:
    row = read_row(session, Goal.__table__, (goal_id,))
    if row is None:
        raise FieldError(t("This goal no longer exists; it may have been deleted."), field="id", row=goal_id)
    return goal_title(row["period_kind"], row["period_start"], row["period_end"], row["platform"], row["category"])


@dataclass(frozen=True)
class SetGoalFields:
    """Set a goal's targets or note."""

    goal_id: int
    values: tuple[tuple[str, Any], ...]
    title: str = ""  # for the label before it is applied; apply() names the goal from the database
    topics: ClassVar[frozenset[str]] = frozenset({"goals"})

    @classmethod
    def of(cls, goal_id: int, title: str = "", **values: Any) -> SetGoalFields:
        return cls(goal_id, tuple(values.items()), title)

    @property
    def label(self) -> str:
        return t("Edit {goal}", goal=self.title or t("goal"))

    def apply(self, session: Session, rec: Recorder) -> str:
        title = _title_of(session, self.goal_id)
        checked = {}
        for name, value in self.values:
            if name not in _CHECKS:
                raise ValueError(f"not an editable goal field: {name}")
            try:
                checked[name] = _CHECKS[name](name, value)
            except FieldError as exc:
                exc.row = self.goal_id
                raise
        rec.update(Goal, self.goal_id, checked, title=title)
        return t("Edit {goal}", goal=title)  # named from the database, whatever the caller knew


@dataclass(frozen=True)
class AddGoal:
    """A new goal for one period (and optionally one channel and category)."""

    period_kind: str
    period_start: dt.date
    period_end: dt.date
    target_gmv_fen: int
    platform: str = ""
    category: str = ""
    topics: ClassVar[frozenset[str]] = frozenset({"goals"})

    @property
    def label(self) -> str:
        return t("Add {goal}", goal=goal_title(self.period_kind, self.period_start, self.period_end,
                                               self.platform, self.category))

    def apply(self, session: Session, rec: Recorder) -> None:
        if self.period_kind not in PERIOD_KINDS:
            raise FieldError(t("Choose a year, half-year, quarter or month."), field="period_kind")
        if self.period_end < self.period_start:
            raise FieldError(t("The period ends before it starts."), field="period_end")
        _money("target_gmv_fen", self.target_gmv_fen, optional=False)
        clash = session.scalar(select(Goal.id).where(
            Goal.period_kind == self.period_kind, Goal.period_start == self.period_start,
            Goal.period_end == self.period_end, Goal.platform == self.platform, Goal.category == self.category))
        if clash is not None:
            raise FieldError(t("{goal} exists already. Change its target in the table instead.",
                               goal=goal_title(self.period_kind, self.period_start, self.period_end,
                                               self.platform, self.category)), field="period_start")
        rec.insert(Goal, {
            "period_kind": self.period_kind, "period_start": self.period_start, "period_end": self.period_end,
            "platform": self.platform, "category": self.category, "target_gmv_fen": self.target_gmv_fen,
            "split_method": "manual",
        }, title=self.label)


@dataclass(frozen=True)
class DeleteGoals:
    """Move goals (and their sub-goals) to the trash."""

    goal_ids: tuple[int, ...]
    topics: ClassVar[frozenset[str]] = frozenset({"goals"})
    title: str = ""

    @property
    def label(self) -> str:
        if len(self.goal_ids) == 1 and self.title:
            return t("Delete {goal}", goal=self.title)
        return t("Delete {n} goals", n=len(self.goal_ids))

    def apply(self, session: Session, rec: Recorder) -> str | None:
        if not self.goal_ids:
            raise FieldError(t("Select the goals to delete first."), field="id")
        name = self.title or (_title_of(session, self.goal_ids[0]) if len(self.goal_ids) == 1
                              else t("{n} goals", n=len(self.goal_ids)))
        rec.delete(Goal, self.goal_ids, kind="goal", title=name)
        return t("Delete {goal}", goal=name) if len(self.goal_ids) == 1 else None


def period_end(kind: str, start: dt.date) -> dt.date:
    """The last day of the year, half, quarter or month that starts on ``start``; ``FieldError``
    when ``start`` is not the first day of one."""
    months = {"year": 12, "half": 6, "quarter": 3, "month": 1}.get(kind)
    if months is None:
        raise FieldError(t("Choose a year, half-year, quarter or month."), field="period_kind")
    if start.day != 1 or (start.month - 1) % months:
        raise FieldError(t("A {kind} starts on the first day of its first month; {day} is not one.",
                           kind=_kind_name(kind), day=start.isoformat()), field="period_start")
    month = start.month - 1 + months
    return dt.date(start.year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def _kind_name(kind: str) -> str:
    return {"year": t("year"), "half": t("half-year"), "quarter": t("quarter"), "month": t("month")}[kind]
