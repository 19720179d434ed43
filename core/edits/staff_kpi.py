"""Edits of the team's KPI (core.staff_kpi): a person's month (share of the goal, bonus base,
measures), the month's goal split among people by percentages, and a person's bonus bands."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from sqlalchemy.orm import Session

from core.edits.base import FieldError, Recorder, read_row
from core.i18n import list_text, t
from core.models import Staff, StaffTarget
from core.staff_kpi import (
    Band,
    KpiInputError,
    check_bands,
    measures_text,
    month_goal,
    month_start,
    parse_bands,
    parse_measures,
)
from core.typed_values import MAX_FEN

KPI_FIELDS = ("target_fen", "base_fen", "measures")


def field_name(name: str) -> str:
    return {"target_fen": t("GMV target"), "base_fen": t("Bonus base"), "measures": t("Own measures"),
            "bonus_bands": t("Bonus bands"), "shares": t("Shares")}.get(name, name)


def _person(session: Session, staff_id: int) -> dict:
    row = read_row(session, Staff.__table__, (staff_id,))
    if row is None:
        raise FieldError(t("This team member no longer exists; it may have been deleted."), field="staff_id",
                         row=staff_id)
    return row


def _month_text(month: dt.date) -> str:
    return month.strftime("%Y-%m")


def _money(name: str, value: Any, *, optional: bool) -> int | None:
    if value is None and optional:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise FieldError(t("{field} must be an amount in yuan.", field=field_name(name)), field=name)
    if value < 0 or value >= MAX_FEN:
        raise FieldError(t("{field} cannot be below ¥0; type 0 (or leave it empty) for none.", field=field_name(name)),
                         field=name)
    return value


def _measures(value: Any) -> list[dict]:
    if isinstance(value, str):
        return [m.as_json() for m in parse_measures(value)]
    return [m.as_json() for m in parse_measures(measures_text(value or ()))]


@dataclass(frozen=True)
class SetStaffKpi:
    """Set some of one person's month: ``target_fen`` (their share of the goal GMV; None = none),
    ``base_fen`` (the bonus base) and ``measures`` (text ``name: actual / target; …``)."""

    staff_id: int
    month: dt.date
    values: tuple[tuple[str, Any], ...]
    topics: ClassVar[frozenset[str]] = frozenset({"staff"})

    @classmethod
    def of(cls, staff_id: int, month: dt.date, **values: Any) -> SetStaffKpi:
        return cls(staff_id, month, tuple(values.items()))

    @property
    def label(self) -> str:
        return t("Edit KPI of {month}", month=_month_text(self.month))

    def apply(self, session: Session, rec: Recorder) -> str:
        person = _person(session, self.staff_id)
        checked: dict[str, Any] = {}
        for name, value in self.values:
            try:
                if name == "target_fen":
                    checked[name] = _money(name, value, optional=True)
                elif name == "base_fen":
                    checked[name] = _money(name, 0 if value is None else value, optional=False)
                elif name == "measures":
                    checked[name] = _measures(value)
                else:
                    raise ValueError(f"not an editable KPI field: {name}")  # a bug, not the owner's input
            except (FieldError, KpiInputError) as exc:
                raise FieldError(exc.message, field=name, row=self.staff_id) from None
        month = month_start(self.month)
        key = (self.staff_id, month)
        if read_row(session, StaffTarget.__table__, key) is None:
            checked = {"target_fen": None, "base_fen": 0, "measures": [], **checked}
        rec.upsert(StaffTarget, key, checked,
                   title=t("KPI of {name}, {month}", name=person["name"], month=_month_text(month)))
        names = [n for n, _v in self.values]
        if len(names) == 1:
            return t("Edit {field} of {name}, {month}", field=field_name(names[0]), name=person["name"],
                     month=_month_text(month))
        return t("Edit KPI of {name}, {month}", name=person["name"], month=_month_text(month))


@dataclass(frozen=True)
class SplitStaffTargets:
    """Split the month's goal GMV among people by percentages that total exactly 100 %: each gets
    the whole fen of their share, the odd fen go by largest remainder (core.goal_split)."""

    month: dt.date
    shares: tuple[tuple[int, str], ...]  # (staff id, percentage as typed)
    topics: ClassVar[frozenset[str]] = frozenset({"staff"})

    @property
    def label(self) -> str:
        return t("Split the goal of {month} among the team", month=_month_text(self.month))

    def apply(self, session: Session, rec: Recorder) -> None:
        from core.goal_split import SplitError, percentages, split_exact

        if not self.shares:
            raise FieldError(t("Give each person's share, e.g. “林晓 40, 陈默 60”."), field="shares")
        month = month_start(self.month)
        goal = month_goal(session, month)
        if not goal:
            raise FieldError(t("{month} has no goal yet. Set the month's goal in the Goals tab first, then split it.",
                               month=_month_text(month)), field="shares")
        ids = [sid for sid, _p in self.shares]
        if len(set(ids)) != len(ids):
            raise FieldError(t("A person is listed twice; give each person one share."), field="shares")
        people = [_person(session, sid) for sid in ids]
        try:
            weights = percentages([p for _sid, p in self.shares], field="shares")
        except SplitError as exc:
            raise FieldError(exc.message, field="shares") from None
        for person, fen in zip(people, split_exact(goal, weights), strict=True):
            key = (person["id"], month)
            values: dict[str, Any] = {"target_fen": fen}
            if read_row(session, StaffTarget.__table__, key) is None:
                values.update(base_fen=0, measures=[])
            rec.upsert(StaffTarget, key, values, title=t("KPI of {name}, {month}", name=person["name"],
                                                         month=_month_text(month)))


def parse_shares(text: str, people: Sequence[tuple[int, str]]) -> tuple[tuple[int, str], ...]:
    """``林晓 40, 陈默 35%, 周小雨 25`` → ((id, "40"), …); names as on the team (``FieldError``)."""
    import re

    by_name = {name: sid for sid, name in people}
    out = []
    for item in (i.strip() for i in re.split(r"[;；,，\n]+", text or "")):
        if not item:
            continue
        m = re.match(r"^(?P<name>.+?)\s*[:：=]?\s*(?P<pct>-?[\d.]+)\s*[%％]?$", item)
        if m is None:
            raise FieldError(t("“{item}” is not a share. Write a name and a percentage, e.g. “林晓 40”.", item=item),
                             field="shares")
        name = m["name"].strip()
        if name not in by_name:
            raise FieldError(t("{name} is not on the team. Known: {names}.", name=name,
                               names=list_text(n for _i, n in people)), field="shares")
        out.append((by_name[name], m["pct"]))
    return tuple(out)


@dataclass(frozen=True)
class SetBonusBands:
    """The bonus bands of some people (``bands`` as typed, ``0: 0; 80: 5; 100: 8; 120: 12``, or Bands)."""

    staff_ids: tuple[int, ...]
    bands: str | tuple[Band, ...]
    topics: ClassVar[frozenset[str]] = frozenset({"staff"})

    @property
    def label(self) -> str:
        return t("Set bonus bands")

    def apply(self, session: Session, rec: Recorder) -> str:
        if not self.staff_ids:
            raise FieldError(t("Choose the people these bands are for."), field="staff_ids")
        try:
            bands = parse_bands(self.bands) if isinstance(self.bands, str) else check_bands(self.bands)
        except KpiInputError as exc:
            raise FieldError(exc.message, field="bonus_bands") from None
        names = []
        for sid in self.staff_ids:
            person = _person(session, sid)
            kpi = dict(person["kpi"] or {})
            kpi["bonus_bands"] = [b.as_json() for b in bands]
            rec.update(Staff, sid, {"kpi": kpi}, title=person["name"])
            names.append(person["name"])
        if len(names) == 1:
            return t("Set the bonus bands of {name}", name=names[0])
        return t("Set the bonus bands of {n} (person|people)", n=len(names))
