"""Staff KPI and bonus (绩效与阶梯奖金): each person's month, measured and paid by bands.

Per person and month (``staff_targets``) the owner sets:

- a **share of the month's goal GMV** (the Goals tab's month goal for all channels and
  categories) in fen, typed as an amount or split from percentages exactly to the fen
  (``core.goal_split.split_exact``);
- a **bonus base** in fen;
- **custom measures**, each a name, a target and the actual the owner types (higher is better).

How the actual is attributed: a person's GMV actual is the shop's paid GMV of the month
(spec/kpi.md: by payment date, today included) × their share (their target ÷ the month
goal), to the nearest fen. Their GMV achievement is therefore the shop's achievement: a
small team wins or misses the month together, in proportion to the share each carries.

**Tasks on time**: of the person's tasks due in the month (cancelled ones left out), those
counted are the ones already due (due ≤ today) or already done; on time = done on or before
the due day. Rate = on time ÷ counted; no counted task: not measured.

**Achievement** = the plain average of the measures the person has that month (GMV share,
tasks on time, each custom measure: actual ÷ target), computed exactly (fractions, not
rounded). **Bands**: each band starts at ``from`` % inclusive and runs to the next band's
start exclusive; the first starts at 0 %, the last has no end. With the default bands
(< 80 % → 0, 80 %–<100 % → 5 %, 100 %–<120 % → 8 %, ≥ 120 % → 12 %) 79.99 % earns 0, 80 %
exactly earns 5 %, 100 % exactly 8 % and 120 % exactly 12 %. **Bonus** = base × band %,
rounded half up to the fen. Bands belong to the person (``staff.kpi["bonus_bands"]``, in
basis points: 8000 = 80 %), the defaults when none are set.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from core.errors import UserFacingError
from core.i18n import t

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

BP = 10_000  # basis points in 100 %


class KpiInputError(UserFacingError):
    """Bands or measures that cannot be used; ``field`` names what is wrong (as FieldError does)."""

    def __init__(self, message: str, *, field: str, row: Any = None) -> None:
        super().__init__(message)
        self.field = field
        self.row = row


@dataclass(frozen=True)
class Band:
    from_bp: int  # achievement from which this band applies (inclusive), basis points
    bonus_bp: int  # bonus as basis points of the base

    def as_json(self) -> dict[str, int]:
        return {"from_bp": self.from_bp, "bonus_bp": self.bonus_bp}


DEFAULT_BANDS = (Band(0, 0), Band(8000, 500), Band(10000, 800), Band(12000, 1200))
MAX_BANDS = 10


def _pct(bp: int) -> str:
    return f"{Decimal(bp) / 100:f}".rstrip("0").rstrip(".") if bp % 100 else str(bp // 100)


def check_bands(bands: Sequence[Band]) -> tuple[Band, ...]:
    """Bands that start at 0 %, rise strictly, and pay 0–100 %; else ``KpiInputError``."""
    if not bands:
        raise KpiInputError(t("Give at least one band, e.g. “0: 0; 80: 5; 100: 8; 120: 12”."), field="bonus_bands")
    if len(bands) > MAX_BANDS:
        raise KpiInputError(t("At most {n} bands fit; this has {m}.", n=MAX_BANDS, m=len(bands)), field="bonus_bands")
    if bands[0].from_bp != 0:
        raise KpiInputError(t("The first band must start at 0 % (what anyone below the next band earns); it starts "
                              "at {pct} %.", pct=_pct(bands[0].from_bp)), field="bonus_bands")
    for prev, band in zip(bands, bands[1:]):
        if band.from_bp <= prev.from_bp:
            raise KpiInputError(t("Bands must rise: {b} % comes after {a} %. Write them from the lowest achievement "
                                  "to the highest.", a=_pct(prev.from_bp), b=_pct(band.from_bp)), field="bonus_bands")
    for band in bands:
        if not 0 <= band.bonus_bp <= BP:
            raise KpiInputError(t("A bonus must be between 0 % and 100 % of the base; {pct} % was given.",
                                  pct=_pct(band.bonus_bp)), field="bonus_bands")
        if band.from_bp > 100 * BP:
            raise KpiInputError(t("An achievement band above 10,000 % is not a target; check {pct} %.",
                                  pct=_pct(band.from_bp)), field="bonus_bands")
    return tuple(bands)


def _bp(text: str) -> int:
    d = Decimal(text.strip().replace("％", "%").rstrip("%").strip())
    if not d.is_finite() or d != d.quantize(Decimal("0.01")):
        raise InvalidOperation
    return int(d * 100)


_ITEM = re.compile(r"[;；,，\n]+")
_PAIR = re.compile(r"\s*(?:→|->|=>|:|：|=)\s*")


def parse_bands(text: str) -> tuple[Band, ...]:
    """``0: 0; 80: 5; 100: 8; 120: 12`` (achievement from % → bonus %) → checked bands."""
    bands = []
    for item in (i.strip() for i in _ITEM.split(text or "")):
        if not item:
            continue
        parts = _PAIR.split(item)
        try:
            if len(parts) != 2:
                raise InvalidOperation
            bands.append(Band(_bp(parts[0].lstrip("≥>").strip()), _bp(parts[1])))
        except (InvalidOperation, ValueError):
            raise KpiInputError(t("“{item}” is not a band. Write “from %: bonus %” pairs separated by “;”, e.g. "
                                  "“0: 0; 80: 5; 100: 8; 120: 12”.", item=item), field="bonus_bands") from None
    return check_bands(bands)


def bands_text(bands: Sequence[Band]) -> str:
    """As the owner types them: ``0: 0; 80: 5; 100: 8; 120: 12``."""
    return "; ".join(f"{_pct(b.from_bp)}: {_pct(b.bonus_bp)}" for b in bands)


def band_range_text(bands: Sequence[Band], i: int) -> str:
    """``80–100 %`` (the upper edge belongs to the next band), ``< 80 %``, ``≥ 120 %``."""
    lo = bands[i].from_bp
    if i + 1 < len(bands):
        hi = bands[i + 1].from_bp
        return f"< {_pct(hi)} %" if lo == 0 else f"{_pct(lo)}–{_pct(hi)} %"
    return f"≥ {_pct(lo)} %"


def bands_summary(bands: Sequence[Band]) -> str:
    """``< 80 % → 0 %, 80–100 % → 5 %, …`` for tooltips and the printed plan."""
    return ", ".join(f"{band_range_text(bands, i)} → {_pct(b.bonus_bp)} %" for i, b in enumerate(bands))


def bands_from_json(raw: Any) -> tuple[Band, ...]:
    """A person's stored bands, or the defaults when none (or unusable ones) are stored."""
    try:
        bands = tuple(Band(int(b["from_bp"]), int(b["bonus_bp"])) for b in raw or ())
        return check_bands(bands) if bands else DEFAULT_BANDS
    except (KeyError, TypeError, ValueError, KpiInputError):
        return DEFAULT_BANDS


def band_index(achievement: Fraction, bands: Sequence[Band]) -> int:
    """The band ``achievement`` (a fraction, 1 = 100 %) lands in: the last whose start it reaches."""
    found = 0
    for i, band in enumerate(bands):
        if achievement * BP >= band.from_bp:
            found = i
    return found


def round_half_up(value: Fraction) -> int:
    return int(value + Fraction(1, 2)) if value >= 0 else -int(-value + Fraction(1, 2))


def bonus_fen(base_fen: int, bonus_bp: int) -> int:
    return round_half_up(Fraction(base_fen * bonus_bp, BP))


# ---------------------------------------------------------------- custom measures


@dataclass(frozen=True)
class Measure:
    name: str
    target: Decimal
    actual: Decimal | None

    @property
    def achievement(self) -> Fraction | None:
        return None if self.actual is None else Fraction(self.actual) / Fraction(self.target)

    def as_json(self) -> dict[str, str | None]:
        return {"name": self.name, "target": _num(self.target), "actual": None if self.actual is None else _num(self.actual)}


def _num(d: Decimal) -> str:
    text = f"{d:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


_MEASURE = re.compile(r"^(?P<name>.+?)\s*[:：]\s*(?P<actual>[^/]*?)\s*/\s*(?P<target>[^/]+?)\s*$")


def parse_measures(text: str) -> tuple[Measure, ...]:
    """``好评率: 98 / 95; 上新款数: 12 / 10`` (name: actual / target; an unknown actual as ``-``)."""
    out: list[Measure] = []
    for item in (i.strip() for i in re.split(r"[;；\n]+", text or "")):
        if not item:
            continue
        m = _MEASURE.match(item)
        try:
            if m is None:
                raise InvalidOperation
            name = m["name"].strip()
            target = Decimal(m["target"].replace(",", "").rstrip("%"))
            actual_text = m["actual"].replace(",", "").rstrip("%").strip()
            actual = None if actual_text in ("", "-", "—", "?") else Decimal(actual_text)
        except (InvalidOperation, ValueError):
            raise KpiInputError(t("“{item}” is not a measure. Write “name: actual / target”, e.g. “好评率: 98 / 95”; "
                                  "separate measures with “;”.", item=item), field="measures") from None
        if not target.is_finite() or target <= 0:
            raise KpiInputError(t("The target of {name} must be above 0 (achievement is actual ÷ target).", name=name),
                                field="measures")
        if actual is not None and (not actual.is_finite() or actual < 0):
            raise KpiInputError(t("The actual of {name} cannot be below 0.", name=name), field="measures")
        if len(name) > 40:
            raise KpiInputError(t("A measure's name has at most 40 characters; “{name}” has {n}.", name=name,
                                  n=len(name)), field="measures")
        if any(x.name == name for x in out):
            raise KpiInputError(t("{name} is listed twice; give each measure once.", name=name), field="measures")
        out.append(Measure(name, target, actual))
    if len(out) > 10:
        raise KpiInputError(t("At most 10 measures per person and month; {n} were given.", n=len(out)), field="measures")
    return tuple(out)


def measures_from_json(raw: Iterable[dict] | None) -> tuple[Measure, ...]:
    out = []
    for m in raw or ():
        actual = m.get("actual")
        out.append(Measure(str(m["name"]), Decimal(str(m["target"])), None if actual is None else Decimal(str(actual))))
    return tuple(out)


def measures_text(measures: Sequence[Measure]) -> str:
    return "; ".join(f"{m.name}: {'-' if m.actual is None else _num(m.actual)} / {_num(m.target)}" for m in measures)


# ---------------------------------------------------------------- the month's rows


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def month_end(day: dt.date) -> dt.date:
    nxt = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return nxt - dt.timedelta(days=1)


def parse_month(text: str) -> dt.date:
    """``2026-11`` → 2026-11-01; ``BadInputError`` naming the format otherwise."""
    from core.errors import BadInputError

    try:
        year, month = (int(x) for x in text.strip().split("-"))
        return dt.date(year, month, 1)
    except (ValueError, TypeError):
        raise BadInputError(t("{value!r} is not a month; write it as YYYY-MM, e.g. 2026-11.", value=text)) from None


@dataclass(frozen=True)
class StaffKpiRow:
    staff_id: int
    name: str
    role: str
    month: dt.date
    goal_fen: int | None  # the shop's month goal (all channels and categories)
    target_fen: int | None  # this person's share of it
    share: float | None  # target ÷ goal
    actual_fen: int | None  # the shop's actual × share
    gmv_achievement: float | None
    tasks_counted: int
    tasks_on_time: int
    on_time_rate: float | None
    measures: tuple[Measure, ...]
    measures_text: str
    achievement: float | None  # the average of the measured parts
    band: int | None  # index into bands
    band_text: str  # "80–100 %"
    bonus_pct: float | None  # fraction of the base
    base_fen: int
    bonus_fen: int | None
    bands: tuple[Band, ...]
    bands_text: str  # "< 80 % → 0 %, …"


def month_goal(session: Session, month: dt.date) -> int | None:
    from sqlalchemy import select

    from core.models import Goal

    return session.scalar(select(Goal.target_gmv_fen).where(
        Goal.period_kind == "month", Goal.period_start == month_start(month), Goal.platform == "",
        Goal.category == "").order_by(Goal.id).limit(1))


def shop_actual(session: Session, start: dt.date, end: dt.date) -> int:
    """The shop's GMV in fen, foreign channels converted (core.currency)."""
    from core.currency import daily_paid

    return daily_paid(session, start, end).total


def _on_time(session: Session, start: dt.date, end: dt.date, today: dt.date) -> dict[int, tuple[int, int]]:
    from sqlalchemy import select

    from core.models import Task

    out: dict[int, tuple[int, int]] = {}
    q = select(Task.owner_id, Task.due, Task.status, Task.done_at).where(
        Task.owner_id.is_not(None), Task.due.between(start, end), Task.status != "cancelled")
    for owner, due, status, done_at in session.execute(q):
        done = status == "done"
        if not done and due > today:
            continue  # not due yet and not done: not counted yet
        on_time = done and done_at is not None and done_at.date() <= due
        counted, ok = out.get(owner, (0, 0))
        out[owner] = (counted + 1, ok + int(on_time))
    return out


def kpi_rows(session: Session, month: dt.date, today: dt.date) -> list[StaffKpiRow]:
    """Every active team member (and anyone with a target that month), by name."""
    from sqlalchemy import select

    from core.models import Staff, StaffTarget

    start, end = month_start(month), month_end(month)
    targets = {r.staff_id: r for r in session.scalars(select(StaffTarget).where(StaffTarget.month == start))}
    goal = month_goal(session, start)
    actual = shop_actual(session, start, min(end, today)) if start <= today else None
    tasks = _on_time(session, start, end, today)
    rows = []
    for person in session.scalars(select(Staff).order_by(Staff.name, Staff.id)):
        if not person.active and person.id not in targets:
            continue
        target = targets.get(person.id)
        bands = bands_from_json((person.kpi or {}).get("bonus_bands"))
        rows.append(kpi_row(person.id, person.name, person.role, start, goal, actual, target.target_fen if target else None,
                            target.base_fen if target else 0,
                            measures_from_json(target.measures if target else ()), tasks.get(person.id, (0, 0)), bands))
    return rows


def kpi_row(staff_id: int, name: str, role: str, month: dt.date, goal: int | None, shop_actual_fen: int | None,
            target: int | None, base: int, measures: tuple[Measure, ...], tasks: tuple[int, int],
            bands: tuple[Band, ...]) -> StaffKpiRow:
    """The maths of one person's month (pure: the tests check band edges here)."""
    parts: list[Fraction] = []
    share = actual = gmv = None
    if target is not None and goal:
        share = Fraction(target, goal)
        if shop_actual_fen is not None:
            actual = round_half_up(shop_actual_fen * share)
            if target > 0:
                gmv = Fraction(shop_actual_fen, goal)
                parts.append(gmv)
    counted, on_time = tasks
    rate = Fraction(on_time, counted) if counted else None
    if rate is not None:
        parts.append(rate)
    for m in measures:
        if m.achievement is not None:
            parts.append(m.achievement)
    achievement = sum(parts, Fraction(0)) / len(parts) if parts else None
    band = band_index(achievement, bands) if achievement is not None else None
    bonus_bp = bands[band].bonus_bp if band is not None else None
    return StaffKpiRow(
        staff_id, name, role, month, goal, target, None if share is None else float(share), actual,
        None if gmv is None else float(gmv), counted, on_time, None if rate is None else float(rate), measures,
        measures_text(measures), None if achievement is None else float(achievement), band,
        band_range_text(bands, band) if band is not None else "", None if bonus_bp is None else bonus_bp / BP, base,
        None if bonus_bp is None else bonus_fen(base, bonus_bp), bands, bands_summary(bands))
