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
        return t("Delete {n} goal(s)", n=len(self.goal_ids))

    def apply(self, session: Session, rec: Recorder) -> str | None:
        if not self.goal_ids:
            raise FieldError(t("Select the goals to delete first."), field="id")
        name = self.title or (_title_of(session, self.goal_ids[0]) if len(self.goal_ids) == 1
                              else t("{n} goal(s)", n=len(self.goal_ids)))
        rec.delete(Goal, self.goal_ids, kind="goal", title=name)
        return t("Delete {goal}", goal=name) if len(self.goal_ids) == 1 else None


def period_end(kind: str, start: dt.date) -> dt.date:
    """The last day of the year, half, quarter or month that starts on ``start``; ``FieldError``
    when ``start`` is not the first day of one."""
    months = {"year": 12, "half": 6, "quarter": 3, "month": 1}.get(kind)
    if months is None:
        raise FieldError(t("Choose a year, half-year, quarter or month."), field="period_kind")
    if start.day != 1 or (start.month - 1) % months:
        first = dt.date(start.year, (start.month - 1) // months * months + 1, 1)  # of the period holding the day
        raise FieldError(t("A {kind} starts on its first day, such as {first}; {day} is not one.",
                           kind=_kind_name(kind), first=first.isoformat(), day=start.isoformat()), field="period_start")
    month = start.month - 1 + months
    return dt.date(start.year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def _kind_name(kind: str) -> str:
    return {"year": t("year"), "half": t("half-year"), "quarter": t("quarter"), "month": t("month")}[kind]


def plan_period_goals(session: Session, start: dt.date, end: dt.date) -> list[int]:
    """The goals a plan of ``start``–``end`` replaces: every goal whose period lies within it
    (the same period, its halves, quarters and months, and their channel and category splits).
    Goals of longer periods (the year, when planning a half) stay."""
    return list(session.scalars(select(Goal.id).where(Goal.period_start >= start, Goal.period_end <= end)
                                .order_by(Goal.id)))


@dataclass(frozen=True)
class PlanGoals:
    """A whole plan saved at once: the year (or half-year) goal, its months, and each month's
    channel and category goals, linked by ``parent_id``. With ``replace``, the goals already set
    within the period go to the trash in the same change, so one undo takes the new plan back
    and brings the old goals back. Without it, a period that has goals is refused (the wizard
    asks first)."""

    plan: Any  # core.goal_split.Plan: the amounts the owner saw in the preview
    replace: bool = False
    topics: ClassVar[frozenset[str]] = frozenset({"goals"})

    @property
    def label(self) -> str:
        return t("Plan {period}", period=period_name(self.plan.kind, self.plan.start, self.plan.end))

    def apply(self, session: Session, rec: Recorder) -> None:
        plan = self.plan
        self._check(plan)
        period = period_name(plan.kind, plan.start, plan.end)
        existing = plan_period_goals(session, plan.start, plan.end)
        if existing and not self.replace:
            raise FieldError(t("{period} has {n} goal(s) already; replace them to save this plan.",
                               period=period, n=len(existing)), field="replace")
        # New rows first, then the old ones to the trash: the new goals then never take an id an
        # old goal had, so undo (old goals back) and redo (new goals again) cannot collide.
        (root,) = rec.insert(Goal, self._row(plan.kind, plan.start, plan.end, "", "", plan.target, "", None),
                             title=goal_title(plan.kind, plan.start, plan.end, "", ""))
        for m in plan.months:
            (month_id,) = rec.insert(Goal, self._row("month", m.start, m.end, "", "", m.target, plan.month_method, root),
                                     title=goal_title("month", m.start, m.end, "", ""))
            for platform, fen in m.channels:
                rec.insert(Goal, self._row("month", m.start, m.end, platform, "", fen,
                                           f"by_channel:{plan.channel_method}", month_id),
                           title=goal_title("month", m.start, m.end, platform, ""))
            for category, fen in m.categories:
                rec.insert(Goal, self._row("month", m.start, m.end, "", category, fen,
                                           f"by_category:{plan.category_method}", month_id),
                           title=goal_title("month", m.start, m.end, "", category))
        if existing:
            # Only the roots: their sub-goals go with them (ON DELETE CASCADE, kept in the trash too).
            parents = dict(session.execute(select(Goal.id, Goal.parent_id).where(Goal.id.in_(existing))).all())
            roots = tuple(i for i in existing if parents.get(i) not in parents)
            rec.delete(Goal, roots, kind="goal", title=t("{period}: the goals the new plan replaced", period=period))

    @staticmethod
    def _row(kind: str, start: dt.date, end: dt.date, platform: str, category: str, fen: int, split: str,
             parent: int | None) -> dict:
        return {"period_kind": kind, "period_start": start, "period_end": end, "platform": platform,
                "category": category, "target_gmv_fen": fen, "split_method": split, "parent_id": parent}

    @staticmethod
    def _check(plan: Any) -> None:
        """What the preview showed must still be a whole, exact plan (a bug otherwise, except
        for an amount out of range, which is the owner's)."""
        if plan.kind not in ("year", "half") or period_end(plan.kind, plan.start) != plan.end:
            raise FieldError(t("Plan a year or a half-year."), field="period_kind")
        _money("target_gmv_fen", plan.target, optional=False)
        if not plan.target:
            raise FieldError(t("Enter a target above ¥0."), field="target")
        day = plan.start
        for m in plan.months:
            if m.start != day or m.end != period_end("month", m.start):
                raise ValueError("the plan's months do not follow each other")
            day = m.end + dt.timedelta(days=1)
            for parts in (m.channels, m.categories):
                if parts and sum(v for _k, v in parts) != m.target:
                    raise ValueError("a month's breakdown does not add up to the month")
                if any(v < 0 for _k, v in parts) or len({k for k, _v in parts}) != len(parts):
                    raise ValueError("a breakdown with a negative or repeated part")
        if day != plan.end + dt.timedelta(days=1) or sum(m.target for m in plan.months) != plan.target:
            raise ValueError("the plan's months do not add up to its target")


# ---------------------------------------------------------------- the grid


@dataclass(frozen=True)
class SetGoalGrid:
    """Month targets typed or pasted into the Goals grid (``core.goal_grid``), as one change.

    ``cells``: (month 1–12, platform, category, fen). With ``mode`` ``rebalance`` each column's
    other unlocked months share what keeps the column's year (all or nothing: one column that
    cannot hold refuses the whole change); with ``keep`` the other months stay. Cells typed by
    hand are locked unless ``lock`` is False (a workbook imported back sets amounts only)."""

    year: int
    breakdown: str
    cells: tuple[tuple[int, str, str, int], ...]
    mode: str = "rebalance"
    lock: bool = True
    source: str = ""  # "paste" / "import": how the label reads
    topics: ClassVar[frozenset[str]] = frozenset({"goals"})

    @property
    def label(self) -> str:
        if len(self.cells) == 1:
            m, platform, category, _fen = self.cells[0]
            start = dt.date(self.year, m, 1)
            return t("Edit {goal}", goal=goal_title("month", start, period_end("month", start), platform, category))
        if self.source == "import":
            return t("Import {n} targets of {year}", n=len(self.cells), year=self.year)
        return t("Paste {n} targets into {year}", n=len(self.cells), year=self.year)

    def apply(self, session: Session, rec: Recorder) -> None:
        from core.goal_grid import MODES, SplitError, column_name, column_shape, load_grid, rebalance

        if self.mode not in MODES:
            raise ValueError(f"unknown grid mode: {self.mode}")
        grid = load_grid(session, self.year, self.breakdown)
        typed: dict[int, dict[int, int]] = {}
        for m, platform, category, fen in self.cells:
            if not 1 <= m <= 12 or not column_shape(self.breakdown, platform, category):
                raise ValueError(f"not a cell of the {self.breakdown} grid: {(m, platform, category)}")
            if (platform, category) not in grid.columns:
                raise FieldError(t("{column} has no goals in {year}; plan the year first.",
                                   column=column_name(platform, category), year=self.year), field="target_gmv_fen")
            _money("target_gmv_fen", fen, optional=False)
            typed.setdefault(grid.columns.index((platform, category)), {})[m - 1] = fen
        for col, months in typed.items():
            current = grid.column_values(col)
            if self.mode == "keep":
                new = list(current)
                for m, fen in months.items():
                    new[m] = fen
            else:
                try:
                    new = rebalance(current, [c[col].locked for c in grid.cells], months, grid.held_total(col),
                                    name=column_name(*grid.columns[col]))
                except SplitError as exc:
                    raise FieldError(exc.message, field="target_gmv_fen") from None
            self._write(rec, grid, col, current, new, months)
            if self.mode == "rebalance" and len(months) == 12 and grid.columns[col] == ("", "") \
                    and grid.year_goal_id is not None:  # a whole year typed: it is the new year
                rec.update(Goal, grid.year_goal_id, {"target_gmv_fen": sum(v or 0 for v in new)},
                           title=goal_title("year", dt.date(self.year, 1, 1), dt.date(self.year, 12, 31), "", ""))

    def _write(self, rec: Recorder, grid: Any, col: int, current: list, new: list, typed: dict[int, int]) -> None:
        platform, category = grid.columns[col]
        for m in range(12):
            if new[m] == current[m] and m not in typed:
                continue
            start = dt.date(self.year, m + 1, 1)
            end = period_end("month", start)
            title = goal_title("month", start, end, platform, category)
            values: dict[str, Any] = {"target_gmv_fen": new[m] or 0}
            if m in typed and self.lock:
                values["locked"] = True
            cell = grid.cells[m][col]
            if cell.goal_id is not None:
                rec.update(Goal, cell.goal_id, values, title=title)
            elif new[m]:
                parent = grid.month_goal_ids[m] if (platform, category) != ("", "") else grid.year_goal_id
                rec.insert(Goal, {**self._new_row(start, end, platform, category), **values, "parent_id": parent},
                           title=title)

    @staticmethod
    def _new_row(start: dt.date, end: dt.date, platform: str, category: str) -> dict[str, Any]:
        return {"period_kind": "month", "period_start": start, "period_end": end, "platform": platform,
                "category": category, "split_method": "manual"}


@dataclass(frozen=True)
class SetGoalLocks:
    """Lock or unlock grid cells: a locked month stays when its year is re-balanced."""

    goal_ids: tuple[int, ...]
    locked: bool
    topics: ClassVar[frozenset[str]] = frozenset({"goals"})

    @property
    def label(self) -> str:
        if self.locked:
            return t("Lock targets ({n})", n=len(self.goal_ids))
        return t("Unlock targets ({n})", n=len(self.goal_ids))

    def apply(self, session: Session, rec: Recorder) -> None:
        if not self.goal_ids:
            raise FieldError(t("Select month cells that have a target first."), field="locked")
        for goal_id in self.goal_ids:
            rec.update(Goal, goal_id, {"locked": self.locked}, title=_title_of(session, goal_id))


@dataclass(frozen=True)
class ImportGoalWorkbook:
    """Targets read back from a workbook the grid exported (``core.goal_workbook``): checked
    whole before anything is written, then every changed month of every sheet as one change.
    Imported amounts replace what was there; locks stay as they were."""

    path: str
    topics: ClassVar[frozenset[str]] = frozenset({"goals"})

    @property
    def label(self) -> str:
        from pathlib import Path

        return t("Import goals from {file}", file=Path(self.path).name)

    def apply(self, session: Session, rec: Recorder) -> str:
        from pathlib import Path

        from core.errors import UserFacingError
        from core.goal_grid import load_grid
        from core.goal_workbook import read_goals_workbook

        name = Path(self.path).name
        try:
            year, sheets = read_goals_workbook(self.path)
        except UserFacingError as exc:
            raise FieldError(exc.message, field="file") from None
        edits = []
        for sheet in sheets:
            grid = load_grid(session, year, sheet.breakdown)
            changed = []
            for m, platform, category, fen in sheet.cells:
                col = grid.columns.index((platform, category)) if (platform, category) in grid.columns else None
                if col is None or grid.cells[m - 1][col].fen != fen:
                    changed.append((m, platform, category, fen))
            if changed:
                edits.append(SetGoalGrid(year, sheet.breakdown, tuple(changed), "keep", lock=False, source="import"))
        if not edits:
            raise FieldError(t("{file} has the same targets as ShopDesk for {year}; nothing changed.", file=name,
                               year=year), field="file")
        for edit in edits:
            edit.apply(session, rec)
        return t("Import {year} targets from {file} ({n} changed)", n=sum(len(e.cells) for e in edits), year=year, file=name)
