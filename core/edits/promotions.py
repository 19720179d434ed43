"""Edits of promotions: a new one, its fields, moved or resized on the calendar, copied to next
year, moved to the trash.

Every edit validates the whole promotion as it would be after the change (dates in order,
phases inside the promotion's dates and in order, known channels, a discount cost, ad spend and
target GMV of ¥0 or more, tiers as core.promotion_tiers checks them), so a
form, a drag on the calendar and a copy refuse the same things with the same message, naming
the field. Phases are stored as ``[{"name", "start", "end"}]`` with ISO dates, as the demo and
the festival presets write them.

The budget is discount cost + ad spend and ``budget_fen`` their sum; a target GMV beside it
(core.promotion_budget checks and totals them).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from sqlalchemy.orm import Session

from core import promotion_scope
from core.edits.base import FieldError, Recorder, read_row
from core.promotion_budget import ad_budget, discount_budget, target_gmv, with_total
from core.i18n import t
from core.models import Promotion
from core.orders import PLATFORMS
from core.promotion_tiers import EDITABLE as EDITABLE_RULES
from core.promotion_tiers import validate_tiers
from core.typed_values import MAX_FEN

KINDS = ("festival", "platform", "own")
STATUSES = ("planned", "running", "done", "cancelled")
FIELDS = ("name", "kind", "platforms", "start", "end", "phases", "rules", "budget_fen", "discount_budget_fen",
          "ad_budget_fen", "target_gmv_fen", "expected_uplift", "status", "note", "scope")
MAX_DAYS = 366  # a promotion longer than a year is a typo in a date
ONE = dt.timedelta(days=1)

Phase = tuple[str, dt.date, dt.date]


def field_name(name: str) -> str:
    """The owner's word for a field, for labels and messages."""
    return {
        "name": t("Name"), "kind": t("Kind"), "platforms": t("Channels"), "start": t("Start"), "end": t("End"),
        "phases": t("Phases"), "rules": t("Tiers"), "budget_fen": t("Budget"),
        "discount_budget_fen": t("Discount cost"), "ad_budget_fen": t("Ad spend"), "target_gmv_fen": t("Target GMV"),
        "expected_uplift": t("Expected uplift"),
        "status": t("Status"), "note": t("Note"), "scope": t("Scope"),
    }.get(name, name)


# ---------------------------------------------------------------- single fields


def _name(value: Any) -> str:
    text = str(value or "").strip()
    if not text:
        raise FieldError(t("Give the promotion a name, e.g. 双11 or 会员日."), field="name")
    if len(text) > 200:
        raise FieldError(t("The name is {n} characters long; at most 200 fit.", n=len(text)), field="name")
    return text


def _kind(value: Any) -> str:
    if value not in KINDS:
        raise FieldError(t("Choose a platform festival, a platform event or an own promotion."), field="kind")
    return str(value)


def _status(value: Any) -> str:
    if value not in STATUSES:
        raise FieldError(t("Choose planned, running, done or cancelled."), field="status")
    return str(value)


def _platforms(value: Any) -> list[str]:
    items = [value] if isinstance(value, str) else list(value or ())
    out: list[str] = []
    for p in items:
        code = str(p).strip()
        if code not in PLATFORMS:
            from core.kpi.output import channel_label  # the names the owner reads, not the ids

            raise FieldError(t("“{channel}” is not a channel ShopDesk knows ({known}).", channel=code,
                               known=", ".join(channel_label(p) for p in PLATFORMS)), field="platforms")
        if code not in out:
            out.append(code)
    return out


def _date(name: str, value: Any) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise FieldError(t("{field} must be a date such as 2026-11-01.", field=field_name(name)), field=name)
    return value


def _budget(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise FieldError(t("The budget must be an amount in yuan."), field="budget_fen")
    if value < 0 or value >= MAX_FEN:
        raise FieldError(t("The budget cannot be below ¥0; type 0 when there is none."), field="budget_fen")
    return value


def _uplift(value: Any) -> float | None:
    if value is None:
        return None
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not -1 <= value <= 100:
        raise FieldError(t("The expected uplift must be between −100 % and 10,000 %."), field="expected_uplift")
    return float(value)


def _note(value: Any) -> str:
    text = str(value or "").strip()
    if len(text) > 2000:
        raise FieldError(t("The note is {n} characters long; at most 2,000 fit.", n=len(text)), field="note")
    return text


def _phases(value: Any) -> list[Phase]:
    out: list[Phase] = []
    for item in value or ():
        if isinstance(item, dict):
            name, start, end = item.get("name", ""), item.get("start"), item.get("end")
        else:
            name, start, end = item
        start = dt.date.fromisoformat(start) if isinstance(start, str) else start
        end = dt.date.fromisoformat(end) if isinstance(end, str) else end
        name = str(name or "").strip()
        if not name:
            raise FieldError(t("Every phase needs a name, e.g. 预热, 正式 or 返场."), field="phases")
        if not isinstance(start, dt.date) or not isinstance(end, dt.date):
            raise FieldError(t("Phase {phase} needs a start and an end date.", phase=name), field="phases")
        out.append((name[:40], start, end))
    return out


_CHECKS: dict[str, Callable[[Any], Any]] = {
    "name": _name, "kind": _kind, "platforms": _platforms, "start": lambda v: _date("start", v),
    "end": lambda v: _date("end", v), "phases": _phases, "rules": validate_tiers, "budget_fen": _budget,
    "discount_budget_fen": discount_budget, "ad_budget_fen": ad_budget, "target_gmv_fen": target_gmv, "expected_uplift": _uplift,
    "status": _status, "note": _note, "scope": lambda v: promotion_scope.stored(promotion_scope.normalise(v)),
}


# ---------------------------------------------------------------- the whole promotion


def _check_dates(start: dt.date, end: dt.date, phases: Sequence[Phase]) -> None:
    if end < start:
        raise FieldError(t("The promotion ends ({end}) before it starts ({start}).", start=start.isoformat(),
                           end=end.isoformat()), field="end")
    if (end - start).days + 1 > MAX_DAYS:
        raise FieldError(t("The promotion runs {n} day(s); at most 366 fit. Check the year of its dates.",
                           n=(end - start).days + 1), field="end")
    previous_end: dt.date | None = None
    for name, p_start, p_end in phases:
        if p_end < p_start:
            raise FieldError(t("Phase {phase} ends before it starts.", phase=name), field="phases")
        if p_start < start or p_end > end:
            raise FieldError(t("Phase {phase} ({start} – {end}) is outside the promotion's dates ({p_start} – {p_end}).",
                               phase=name, start=p_start.isoformat(), end=p_end.isoformat(),
                               p_start=start.isoformat(), p_end=end.isoformat()), field="phases")
        if previous_end is not None and p_start <= previous_end:
            raise FieldError(t("Phase {phase} starts before the phase before it has ended; phases follow each other.",
                               phase=name), field="phases")
        previous_end = p_end


def _phases_json(phases: Sequence[Phase]) -> list[dict]:
    return [{"name": n, "start": s.isoformat(), "end": e.isoformat()} for n, s, e in phases]


def _validated(values: dict[str, Any]) -> dict[str, Any]:
    """Check every field and then the dates together; returns the values as stored."""
    checked = {}
    for name, value in values.items():
        if name not in _CHECKS:
            raise ValueError(f"not an editable promotion field: {name}")  # a bug, not the owner's input
        checked[name] = _CHECKS[name](value)
    return checked


def _stored(session: Session, promotion_id: int) -> dict:
    row = read_row(session, Promotion.__table__, (promotion_id,))
    if row is None:
        raise FieldError(t("This promotion no longer exists; it may have been deleted."), field="id", row=promotion_id)
    return row


def _current(row: dict) -> dict[str, Any]:
    return {**{k: row[k] for k in FIELDS if k not in ("phases", "rules", "scope")}, "phases": _phases(row["phases"]),
            "rules": list(row["rules"] or []), "scope": dict(row["scope"] or {})}


def _write(rec: Recorder, promotion_id: int, row: dict, changed: dict[str, Any], title: str) -> None:
    changed = with_total(changed, row)
    merged = {**_current(row), **changed}
    if changed.keys() & {"start", "end", "phases"}:  # old data with odd phases can still get a new budget
        _check_dates(merged["start"], merged["end"], merged["phases"])
    values = {k: (_phases_json(v) if k == "phases" else v) for k, v in changed.items()}
    values = {k: v for k, v in values.items() if k in ("phases", "rules", "scope") or v != row.get(k)}
    if "rules" in values:  # rules the form does not edit (拼团 …) stay as they were
        values["rules"] = values["rules"] + [r for r in row["rules"] or [] if r.get("type") not in EDITABLE_RULES]
        if values["rules"] == list(row["rules"] or []):
            del values["rules"]
    if "scope" in values and values["scope"] == dict(row["scope"] or {}):
        del values["scope"]
    rec.update(Promotion, promotion_id, values, title=title)


def parse_phases(text: str, *, year: int, start: dt.date | None = None, end: dt.date | None = None) -> list[Phase]:
    """Phases as typed in the form: ``预热 11-01~11-03; 正式 2026-11-04~2026-11-11`` (one per line
    or separated by ``;``; a date without its year is in ``year``). Given the promotion's ``start`` and
    ``end``, a date without its year that would fall before the start is taken in the later year of a
    promotion across New Year: ``正式 12-30~01-19`` of 2027-12-27 – 2028-01-19 ends on 2028-01-19."""
    from core import typed_values as tv

    def day(typed: str) -> dt.date | None:
        found = tv.parse_date(typed, today=dt.date(year, 1, 1))
        if found is None or start is None or end is None or found >= start or re.search(r"\d{4}", typed):
            return found
        for later in range(found.year + 1, end.year + 1):
            try:
                moved = found.replace(year=later)
            except ValueError:  # 02-29 in a year without one
                continue
            if start <= moved <= end:
                return moved
        return found

    phases: list[Phase] = []
    for part in re.split(r"[;；\n]+", text or ""):
        part = part.strip()
        if not part:
            continue
        m = re.match(r"^(.+?)\s*[:：]?\s+(\S+)\s*(?:~|～|–|—|至|\.\.)\s*(\S+)$", part)
        if not m:
            raise FieldError(t("Type each phase as a name and two dates, e.g. 预热 11-01~11-03; “{text}” is not one.",
                               text=part), field="phases")
        try:
            first, last = day(m.group(2)), day(m.group(3))
        except ValueError as exc:
            raise FieldError(str(exc), field="phases") from None
        phases.append((m.group(1).strip(), first, last))  # type: ignore[arg-type]
    return phases


def phases_text(phases: Sequence[Phase]) -> str:
    """Phases as the form shows them (``parse_phases`` reads it back)."""
    return "; ".join(f"{n} {s.isoformat()}~{e.isoformat()}" for n, s, e in phases)


# ---------------------------------------------------------------- edits


@dataclass(frozen=True)
class AddPromotion:
    """A new promotion (from the form, or a click on a calendar day)."""

    name: str
    start: dt.date
    end: dt.date
    kind: str = "own"
    platforms: tuple[str, ...] = ()
    phases: tuple[Phase, ...] = ()
    budget_fen: int = 0  # the whole budget: taken as ad spend when neither part is given
    expected_uplift: float | None = None
    status: str = "planned"
    note: str = ""
    rules: tuple[dict, ...] = ()  # tiers (core.promotion_tiers)
    discount_budget_fen: int = 0
    ad_budget_fen: int = 0
    target_gmv_fen: int | None = None
    scope: Any = None  # core.promotion_scope: {"categories": [...], "skus": [...]}; None/{}: the whole shop
    topics: ClassVar[frozenset[str]] = frozenset({"promotions"})

    @property
    def label(self) -> str:
        return t("Add promotion {name}", name=str(self.name).strip() or "?")

    def apply(self, session: Session, rec: Recorder) -> str:
        values = _validated({k: getattr(self, k) for k in FIELDS})
        if not values["discount_budget_fen"] and not values["ad_budget_fen"]:
            values["ad_budget_fen"] = values["budget_fen"]
        values = with_total(values, {})
        _check_dates(values["start"], values["end"], values["phases"])
        promotion_scope.check_known(session, promotion_scope.normalise(values["scope"]))
        values["phases"] = _phases_json(values["phases"])
        rec.insert(Promotion, values, title=values["name"])
        return t("Add promotion {name}", name=values["name"])


@dataclass(frozen=True)
class SetPromotionFields:
    """Set some of a promotion's fields (the edit form sends all of them; unchanged ones are no change)."""

    promotion_id: int
    values: tuple[tuple[str, Any], ...]
    topics: ClassVar[frozenset[str]] = frozenset({"promotions"})

    @classmethod
    def of(cls, promotion_id: int, **values: Any) -> SetPromotionFields:
        frozen = {k: tuple(v) if isinstance(v, list) else v for k, v in values.items()}
        return cls(promotion_id, tuple(frozen.items()))

    @property
    def label(self) -> str:
        return t("Edit promotion")

    def apply(self, session: Session, rec: Recorder) -> str:
        row = _stored(session, self.promotion_id)
        try:
            changed = _validated(dict(self.values))
            if "scope" in changed:
                promotion_scope.check_known(session, promotion_scope.normalise(changed["scope"]))
            title = changed.get("name", row["name"])
            _write(rec, self.promotion_id, row, changed, title)
        except FieldError as exc:
            exc.row = self.promotion_id
            raise
        return t("Edit {name}", name=title)


@dataclass(frozen=True)
class MovePromotion:
    """Move a promotion by ``days`` (``edge="both"``: start, end and phases), or move one of its
    ends (``"start"``/``"end"``: a resize). On a resize the phase at that end follows it; phases
    left outside the shorter promotion are cut to it, or dropped when nothing of them is left."""

    promotion_id: int
    days: int
    edge: str = "both"
    topics: ClassVar[frozenset[str]] = frozenset({"promotions"})

    @property
    def label(self) -> str:
        return t("Move promotion") if self.edge == "both" else t("Change the dates of a promotion")

    def apply(self, session: Session, rec: Recorder) -> str:
        if self.edge not in ("both", "start", "end"):
            raise ValueError(f"not an edge: {self.edge}")
        row = _stored(session, self.promotion_id)
        cur = _current(row)
        shift = dt.timedelta(days=self.days)
        start, end, phases = cur["start"], cur["end"], cur["phases"]
        if self.edge == "both":
            new = {"start": start + shift, "end": end + shift,
                   "phases": [(n, s + shift, e + shift) for n, s, e in phases]}
        else:
            new_start = start + shift if self.edge == "start" else start
            new_end = end + shift if self.edge == "end" else end
            if new_end < new_start:
                raise FieldError(t("{name} would end before it starts; it keeps at least one day.", name=row["name"]),
                                 field=self.edge, row=self.promotion_id)
            kept: list[Phase] = []
            for i, (n, s, e) in enumerate(phases):
                if self.edge == "start" and i == 0 and s == start:
                    s = new_start
                if self.edge == "end" and i == len(phases) - 1 and e == end:
                    e = new_end
                s, e = max(s, new_start), min(e, new_end)
                if s <= e:
                    kept.append((n, s, e))
            new = {"start": new_start, "end": new_end, "phases": kept}
        try:
            _write(rec, self.promotion_id, row, new, row["name"])
        except FieldError as exc:
            exc.row = self.promotion_id
            raise
        if self.edge == "both":
            return t("Move {name} to {start} – {end}", name=row["name"], start=new["start"].isoformat(),
                     end=new["end"].isoformat())
        return t("Change {name} to {start} – {end}", name=row["name"], start=new["start"].isoformat(),
                 end=new["end"].isoformat())


def _next_year(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def next_year_dates(start: dt.date, end: dt.date, phases: Sequence[Phase],
                    name: str = "") -> tuple[dt.date, dt.date, list[Phase]]:
    """Where a promotion lands a year on. One that runs exactly on a festival preset's dates
    (年货节, 618, 双11 …) takes next year's dates of that festival, so a lunar festival follows
    the lunar calendar; its phases take the preset's phases when they matched them, else move
    with its start. One that belongs to a festival otherwise (it names it, or shares half the days of
    both: ``core.promotion_effect.festival_of``) moves with that festival, days and phases alike: a
    年货节 of 2026-01-18 – 02-09 lands on 2027-01-07 – 01-29, before 春节 (2027-02-06), not on 2027-01-18 –
    02-09 after it. Any other promotion keeps its days of the month."""
    from core.festivals import festivals_between
    from core.promotion_effect import festival_of

    for f in festivals_between(start, end):
        if (f.start, f.end) != (start, end):
            continue
        nxt = next((g for g in festivals_between(_next_year(start), _next_year(end)) if g.key == f.key
                    and g.start > f.end), None)
        if nxt is None:
            break
        own = [(s, e) for _n, s, e in phases]
        if own == [(p.start, p.end) for p in f.phases] and len(nxt.phases) == len(phases):
            moved = [(n, p.start, p.end) for (n, _s, _e), p in zip(phases, nxt.phases, strict=True)]
        else:
            shift = nxt.start - f.start
            moved = [(n, min(max(s + shift, nxt.start), nxt.end), min(max(e + shift, nxt.start), nxt.end))
                     for n, s, e in phases]
        return nxt.start, nxt.end, moved
    f = festival_of(name, start, end)
    nxt = None if f is None else next((g for g in festivals_between(_next_year(f.start), _next_year(f.end))
                                        if g.key == f.key and g.start > f.end), None)
    if f is not None and nxt is not None:
        shift = nxt.start - f.start
        return start + shift, end + shift, [(n, s + shift, e + shift) for n, s, e in phases]
    return _next_year(start), _next_year(end), [(n, _next_year(s), _next_year(e)) for n, s, e in phases]


def next_year_name(name: str, year: int) -> str:
    """``2026 双11`` → ``2027 双11``; a name without its year stays as it is."""
    return re.sub(rf"(?<!\d){year}(?!\d)", str(year + 1), name, count=1)


@dataclass(frozen=True)
class DuplicatePromotionToNextYear:
    """A planned copy of a promotion (its rules, scope, budget, channels) a year later."""

    promotion_id: int
    topics: ClassVar[frozenset[str]] = frozenset({"promotions"})

    @property
    def label(self) -> str:
        return t("Copy promotion to next year")

    def apply(self, session: Session, rec: Recorder) -> str:
        row = _stored(session, self.promotion_id)
        cur = _current(row)
        start, end, phases = next_year_dates(cur["start"], cur["end"], cur["phases"], row["name"])
        name = next_year_name(row["name"], cur["start"].year)
        _check_dates(start, end, phases)
        rec.insert(Promotion, {
            "name": name, "kind": row["kind"], "platforms": list(row["platforms"] or []), "start": start, "end": end,
            "phases": _phases_json(phases), "rules": row["rules"] or [], "scope": row["scope"] or {},
            "budget_fen": row["budget_fen"], "discount_budget_fen": row["discount_budget_fen"] or 0,
            "ad_budget_fen": row["ad_budget_fen"] or 0, "target_gmv_fen": row["target_gmv_fen"], "expected_uplift": row["expected_uplift"], "status": "planned",
            "note": row["note"] or "",
        }, title=name)
        return t("Copy {name} to {year}", name=row["name"], year=start.year)


@dataclass(frozen=True)
class DeletePromotions:
    """Move promotions (with their results; tasks keep living, unlinked) to the trash."""

    promotion_ids: tuple[int, ...]
    topics: ClassVar[frozenset[str]] = frozenset({"promotions", "tasks"})

    @property
    def label(self) -> str:
        return t("Delete {n} promotion(s)", n=len(self.promotion_ids))

    def apply(self, session: Session, rec: Recorder) -> str:
        if not self.promotion_ids:
            raise FieldError(t("Select the promotions to delete first."), field="id")
        names = [_stored(session, pid)["name"] for pid in self.promotion_ids]
        title = names[0] if len(names) == 1 else t("{n} promotion(s)", n=len(names))
        rec.delete(Promotion, self.promotion_ids, kind="promotion", title=title)
        return t("Delete {name}", name=title) if len(names) == 1 else t("Delete {n} promotion(s)", n=len(names))

