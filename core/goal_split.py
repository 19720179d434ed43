"""Splitting a year's (or half-year's) target into months, channels and categories, exact to the fen.

A plan starts with one amount and ends as the months of its period, each optionally broken
down by channel and by category. The shares come from last year's paid orders of the same
months (GMV by payment date, spec/kpi.md), an even split, or percentages the owner types (they
must total exactly 100 %). Every split is a largest-remainder split: each part gets the whole
fen of its exact share, and the fen left over go one each to the parts with the largest
dropped fractions, the earlier part first on a tie, so parts always add up to their parent.

Last year's months that the imported orders do not cover are said by name in ``Plan.notes``:
a month covered for part of its days (a week at least) is scaled to the whole month; a month
with less coverage gets the average of the months that have some (an even share when none has).
So does a month inside the imported span without a single order (an import gap: that month's
export was never imported), named as such so the owner can check it. A channel in another
currency without a rate for some of last year's months cannot be counted in yuan: it is left out
of last year's figures and named with what to do (Settings → Channels).

``load_history`` reads the orders (SQL that also runs on PostgreSQL); everything else is pure.
"""
from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import TYPE_CHECKING

from core.errors import UserFacingError
from core.i18n import t

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

MONTH_METHODS = ("seasonal", "even", "custom")
BREAKDOWN_METHODS = ("seasonal", "even", "custom", "none")
DAY = dt.timedelta(days=1)
MIN_SCALED_DAYS = 7  # fewer covered days than this: too few to scale up to a month (counts as missing)


class SplitError(UserFacingError):
    """A split that cannot be made (custom shares that do not total 100 %), naming the field."""

    def __init__(self, message: str, *, field: str) -> None:
        super().__init__(message)
        self.field = field
        self.row = None


# ---------------------------------------------------------------- the exact split


def split_exact(total: int, weights: Sequence[int | Fraction | Decimal]) -> list[int]:
    """``total`` fen in parts proportional to ``weights`` that add up to ``total`` exactly.

    Largest remainder: each part gets the floor of its exact share; the fen left over go, one
    each, to the parts with the largest dropped fractions, the earliest part first on a tie.
    All-zero weights split evenly (the earliest parts get the odd fen)."""
    if not weights:
        if total:
            raise ValueError("nothing to split into")
        return []
    if total < 0:
        raise ValueError("a target cannot be negative")
    ws = [Fraction(w) for w in weights]
    if any(w < 0 for w in ws):
        raise ValueError("weights cannot be negative")
    whole = sum(ws)
    if whole == 0:
        ws, whole = [Fraction(1)] * len(ws), Fraction(len(ws))
    quotas = [total * w / whole for w in ws]
    parts = [q.numerator // q.denominator for q in quotas]
    left = total - sum(parts)
    order = sorted(range(len(ws)), key=lambda i: (-(quotas[i] - parts[i]), i))
    for i in order[:left]:
        parts[i] += 1
    return parts


def percentages(values: Sequence[Decimal | str | int | float], *, field: str) -> list[Fraction]:
    """Typed percentages as exact fractions; ``SplitError`` unless they total exactly 100."""
    out: list[Fraction] = []
    for v in values:
        try:
            d = Decimal(str(v).strip().rstrip("%").strip() or "0")
        except InvalidOperation:
            raise SplitError(t("“{value}” is not a percentage.", value=v), field=field) from None
        if d < 0 or not d.is_finite():
            raise SplitError(t("A share cannot be below 0 %."), field=field)
        out.append(Fraction(d))
    total = sum(out, Fraction(0))
    if total != 100:
        raise SplitError(t("The shares total {total} %; they must total exactly 100 %.",
                           total=_pct_text(total)), field=field)
    return out


def _pct_text(value: Fraction) -> str:
    return f"{float(value):.2f}".rstrip("0").rstrip(".")


def grow(base_fen: int, growth_pct: Decimal | str | int | float) -> int:
    """``base_fen`` × (1 + growth %), to the nearest fen (halves up): ¥1,000 at +35 % = ¥1,350."""
    g = Fraction(Decimal(str(growth_pct)))
    value = base_fen * (1 + g / 100)
    if value < 0:
        raise SplitError(t("A growth below −100 % leaves no target."), field="growth")
    return int(value + Fraction(1, 2))


# ---------------------------------------------------------------- periods


def plan_months(kind: str, start: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The months of the year or half-year that starts on ``start``."""
    n = {"year": 12, "half": 6}.get(kind)
    if n is None:
        raise SplitError(t("Plan a year or a half-year."), field="period_kind")
    if start.day != 1 or (start.month - 1) % n:
        raise SplitError(t("A plan starts on 1 January (a year or the first half) or 1 July (the second half)."),
                         field="period_start")
    return [month_range(start.year, start.month + i) for i in range(n)]


def month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def month_text(day: dt.date) -> str:
    return f"{day:%Y-%m}"


# ---------------------------------------------------------------- last year's facts


@dataclass(frozen=True)
class MonthHistory:
    """Last year's facts for one month of the plan (``month`` is last year's month start)."""

    month: dt.date
    days: int
    covered_days: int  # days of the month the imported orders cover (finished days only)
    gmv: int = 0  # fen paid on the covered days
    channels: tuple[tuple[str, int], ...] = ()
    categories: tuple[tuple[str, int], ...] = ()  # named categories only
    orders: int | None = None  # paid orders on the covered days (any currency); None: not counted
    to_come: bool = False  # the month is not over yet (planning next year before this one ends)

    @property
    def gap(self) -> bool:
        """Inside the imported span, yet not one paid order: the month's export is missing."""
        return self.covered_days > 0 and self.orders == 0


@dataclass(frozen=True)
class Unconverted:
    """A channel in another currency left out of last year's figures: no rate for ``months``."""

    platform: str
    currency: str
    months: tuple[str, ...]


@dataclass(frozen=True)
class History:
    """Last year's months, aligned with the plan's months, plus what the shop sells on."""

    months: tuple[MonthHistory, ...]
    platforms: tuple[str, ...] = ()  # channels with any paid order, largest first
    categories: tuple[str, ...] = ()  # categories of the catalogue or sold, largest first
    uncategorised_fen: int = 0  # last year's sales of SKUs without a category
    unconverted: tuple[Unconverted, ...] = ()  # channels left out for a missing exchange rate

    @property
    def actual(self) -> int:
        """Last year's paid GMV over the covered days of the plan's months."""
        return sum(m.gmv for m in self.months)

    @property
    def complete(self) -> bool:
        return all(m.covered_days == m.days for m in self.months)

    @property
    def estimate(self) -> int:
        """Last year's GMV for the whole period, by the rules of the seasonal split: a month covered
        for a week or more scaled up to all its days, a month with less at the average of the others.
        Growth is applied to this: growing the days imported so far would plan too little (+35 % on
        eleven months and six days is +26 % on the year)."""
        weights = [_month_weight(m) for m in self.months]
        known = [w for w in weights if w is not None]
        if not known:
            return 0
        average = sum(known, Fraction(0)) / len(known)
        total = sum((average if w is None else w for w in weights), Fraction(0))
        return int(total + Fraction(1, 2))


def _month_weight(m: MonthHistory) -> Fraction | None:
    """A month's GMV as a whole month: as imported, scaled up from a week or more, or unknown."""
    if m.gap:
        return None
    if m.covered_days == m.days:
        return Fraction(m.gmv)
    if m.covered_days >= MIN_SCALED_DAYS:
        return Fraction(m.gmv * m.days, m.covered_days)
    return None


def last_year(day: dt.date) -> dt.date:
    """The same day a year earlier (29 February → 28 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def load_history(session: Session, months: Sequence[tuple[dt.date, dt.date]], today: dt.date) -> History:
    """Last year's GMV per month of ``months`` (shifted a year back), per channel and per
    category, over the days the imported orders cover up to yesterday (today is not over)."""
    from sqlalchemy import func, select

    from core.currency import Currencies, daily_paid
    from core.kpi.periods import DateRange
    from core.kpi.series import category_sales
    from core.models import Order, Sku

    paid = Order.is_paid.is_(True)
    first, last = session.execute(select(func.min(Order.pay_date), func.max(Order.pay_date)).where(paid)).one()
    foreign = Currencies.load(session).foreign
    out = []
    channel_totals: dict[str, int] = {}
    category_totals: dict[str, int] = {}
    uncategorised = 0
    unconverted: dict[str, set[str]] = {}
    for start, end in months:
        a, b = last_year(start), last_year(end)
        if b.month == 2:
            b = month_range(b.year, 2)[1]
        days = (b - a).days + 1
        lo, hi = (max(a, first), min(b, last, today - DAY)) if first is not None else (a, a - DAY)
        if hi < lo:
            out.append(MonthHistory(a, days, 0, to_come=b >= today))
            continue
        by_channel, count = {}, 0
        for p, v, n in session.execute(select(Order.platform, func.sum(Order.paid_fen), func.count())
                                       .where(paid, Order.pay_date.between(lo, hi)).group_by(Order.platform)):
            by_channel[p], count = int(v or 0), count + int(n)
        for p in [p for p in by_channel if p in foreign]:  # another currency: in yuan, or left out without a rate
            converted = daily_paid(session, lo, hi, p)
            if converted.excluded:
                unconverted.setdefault(p, set()).update(converted.excluded[p].missing_months)
                del by_channel[p]
            else:
                by_channel[p] = converted.total
        cats = category_sales(session, DateRange(lo, hi))
        uncategorised += cats.pop("", 0)
        for p, v in by_channel.items():
            channel_totals[p] = channel_totals.get(p, 0) + v
        for c, v in cats.items():
            category_totals[c] = category_totals.get(c, 0) + v
        out.append(MonthHistory(a, days, (hi - lo).days + 1, sum(by_channel.values()),
                                _ranked(by_channel), _ranked(cats), count, b >= today))
    platforms = dict(channel_totals)
    for (p,) in session.execute(select(Order.platform).where(paid).distinct()):
        platforms.setdefault(p, 0)
    categories = dict(category_totals)
    for (c,) in session.execute(select(Sku.category).where(Sku.category != "").distinct()):
        categories.setdefault(c, 0)
    return History(tuple(out), tuple(p for p, _v in _ranked(platforms)), tuple(c for c, _v in _ranked(categories)),
                   uncategorised, tuple(Unconverted(p, foreign[p], tuple(sorted(m))) for p, m in sorted(unconverted.items())))


def _ranked(values: Mapping[str, int]) -> tuple[tuple[str, int], ...]:
    """Largest first, then by name: the order remainders are handed out in."""
    return tuple(sorted(((k, int(v)) for k, v in values.items() if k), key=lambda kv: (-kv[1], kv[0])))


# ---------------------------------------------------------------- the plan


@dataclass(frozen=True)
class PlanRequest:
    """What the owner chose in the wizard."""

    kind: str  # year | half
    start: dt.date
    target_fen: int
    month_method: str = "seasonal"
    month_custom: tuple[Decimal | str, ...] = ()  # percentages, one per month
    channel_method: str = "seasonal"
    channel_custom: tuple[tuple[str, Decimal | str], ...] = ()  # (platform, percentage)
    category_method: str = "none"
    category_custom: tuple[tuple[str, Decimal | str], ...] = ()


@dataclass(frozen=True)
class PlanMonth:
    start: dt.date
    end: dt.date
    target: int
    basis: str  # history | scaled | average | even | custom
    channels: tuple[tuple[str, int], ...] = ()
    categories: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class Plan:
    kind: str
    start: dt.date
    end: dt.date
    target: int
    month_method: str
    channel_method: str
    category_method: str
    months: tuple[PlanMonth, ...]
    notes: tuple[str, ...] = field(default=())


def make_plan(request: PlanRequest, history: History) -> Plan:
    """The months (and their channels and categories) of ``request``, exact to the fen."""
    months = plan_months(request.kind, request.start)
    if len(history.months) != len(months):
        raise ValueError("history does not match the plan's months")
    if not isinstance(request.target_fen, int) or request.target_fen <= 0:
        raise SplitError(t("Enter a target above ¥0."), field="target")
    if request.month_method not in MONTH_METHODS:
        raise ValueError(f"unknown month split: {request.month_method}")
    notes = unconverted_notes(history, request.channel_method)
    weights, bases = _month_weights(request, history, notes)
    targets = split_exact(request.target_fen, weights)
    channel_parts = _breakdown(request.channel_method, request.channel_custom, targets, history,
                               "channels", notes)
    category_parts = _breakdown(request.category_method, request.category_custom, targets, history,
                                "categories", notes)
    out = tuple(PlanMonth(a, b, target, basis, ch, cat) for (a, b), target, basis, ch, cat
                in zip(months, targets, bases, channel_parts, category_parts, strict=True))
    return Plan(request.kind, months[0][0], months[-1][1], request.target_fen, request.month_method,
                request.channel_method, request.category_method, out, tuple(notes))


def unconverted_notes(history: History, channel_method: str = "none") -> list[str]:
    """What a channel left out for a missing exchange rate does to the plan, naming it and the fix."""
    from core.kpi.output import channel_label

    out = []
    for u in history.unconverted:
        values = {"channel": channel_label(u.platform), "currency": u.currency, "months": _and_list(list(u.months))}
        if channel_method == "seasonal":
            out.append(t("{channel}'s sales are in {currency}, and there is no {currency} rate for {months}: they are "
                         "not in last year's figures, so the months' shares leave {channel} out and the split by "
                         "channel gives it ¥0. Set the rates in Settings → Channels, then plan again.", **values))
        else:
            out.append(t("{channel}'s sales are in {currency}, and there is no {currency} rate for {months}: they are "
                         "not in last year's figures, so the months' shares leave {channel} out. Set the rates in "
                         "Settings → Channels, then plan again.", **values))
    return out


def _and_list(items: Sequence[str]) -> str:
    """“2025-03 and 2025-04”, “2025-01, 2025-03 and 2025-04” (和 in Chinese)."""
    if len(items) < 2:
        return "".join(items)
    return t("{items} and {last}", items=", ".join(items[:-1]), last=items[-1])


def _month_weights(request: PlanRequest, history: History, notes: list[str]) -> tuple[list[Fraction], list[str]]:
    n = len(history.months)
    if request.month_method == "even":
        return [Fraction(1)] * n, ["even"] * n
    if request.month_method == "custom":
        if len(request.month_custom) != n:
            raise SplitError(t("Give a share for each of the {n} months.", n=n), field="month_custom")
        return percentages(request.month_custom, field="month_custom"), ["custom"] * n
    weights: list[Fraction | None] = []
    bases: list[str] = []
    scaled, missing, none, to_come = [], [], [], []
    for m in history.months:
        weights.append(_month_weight(m))
        if m.to_come and _month_weight(m) is None:
            bases.append("average")
            to_come.append(m)
        elif m.gap or m.covered_days == 0:
            bases.append("average")
            none.append(m)
        elif m.covered_days == m.days:
            bases.append("history")
        elif m.covered_days >= MIN_SCALED_DAYS:
            bases.append("scaled")
            scaled.append(m)
        else:
            bases.append("average")
            missing.append(m)
    known = [w for w in weights if w is not None]
    if not known:
        notes.append(t("There are no orders from last year's months ({first} to {last}): the months are split evenly.",
                       first=month_text(history.months[0].month), last=month_text(history.months[-1].month)))
        return [Fraction(1)] * n, ["even"] * n
    if none:
        notes.append(t("No orders were imported for last year's {months}: each of those months gets the average "
                       "share of the {n} months with orders. Check the preview, or import those months' orders first "
                       "(File → Import…) and plan again.", months=_and_list([month_text(m.month) for m in none]),
                       n=len(known)) if len(none) > 1 else
                     t("No orders were imported for last year's {months}: that month gets the average share of the "
                       "{n} months with orders. Check the preview, or import that month's orders first "
                       "(File → Import…) and plan again.", months=month_text(none[0].month), n=len(known)))
    if to_come:
        notes.append(t("Last year's {months} are not over yet: each gets the average share of the {n} months with "
                       "orders.", months=_and_list([month_text(m.month) for m in to_come]), n=len(known))
                     if len(to_come) > 1 else
                     t("Last year's {months} is not over yet: it gets the average share of the {n} months with "
                       "orders.", months=month_text(to_come[0].month), n=len(known)))
    for m in scaled:
        notes.append(t("Last year's {month} has orders for {covered} of its {days} days only: "
                       "its share is scaled up to the whole month.",
                       month=month_text(m.month), covered=m.covered_days, days=m.days))
    if missing:
        notes.append(t("Last year's {months} have orders for less than a week: each of those months gets the average "
                       "share of the {n} months with orders.", months=_and_list([month_text(m.month) for m in missing]),
                       n=len(known)) if len(missing) > 1 else
                     t("Last year's {months} has orders for less than a week: that month gets the average share of "
                       "the {n} months with orders.", months=month_text(missing[0].month), n=len(known)))
    average = sum(known, Fraction(0)) / len(known)
    return [average if w is None else w for w in weights], bases


def _breakdown(method: str, custom: Sequence[tuple[str, Decimal | str]], targets: Sequence[int],
               history: History, what: str, notes: list[str]) -> list[tuple[tuple[str, int], ...]]:
    """Each month's target split over the channels (or categories)."""
    n = len(targets)
    if method not in BREAKDOWN_METHODS:
        raise ValueError(f"unknown breakdown: {method}")
    if method == "none":
        return [()] * n
    field_name = "channel_custom" if what == "channels" else "category_custom"
    if method == "custom":
        names = [name for name, _p in custom]
        if not names:
            raise SplitError(t("Give the share of at least one channel or category."), field=field_name)
        if len(set(names)) != len(names) or any(not name for name in names):
            raise SplitError(t("Each channel or category can have one share only."), field=field_name)
        shares = percentages([p for _n, p in custom], field=field_name)
        return [tuple(zip(names, split_exact(tgt, shares), strict=True)) for tgt in targets]
    names = list(history.platforms if what == "channels" else history.categories)
    if not names:
        notes.append(t("No channels are known yet (import orders first): the months are not split by channel.")
                     if what == "channels" else
                     t("No categories are known yet (set them on the SKUs): the months are not split by category."))
        return [()] * n
    if method == "even":
        return [tuple(zip(names, split_exact(tgt, [1] * len(names)), strict=True)) for tgt in targets]
    # seasonal: each month by last year's same month; months without sales by the whole period's shares.
    def of(m: MonthHistory) -> dict[str, int]:
        return dict(m.channels if what == "channels" else m.categories)

    overall: dict[str, int] = {}
    for m in history.months:
        for k, v in of(m).items():
            overall[k] = overall.get(k, 0) + v
    out, fallback = [], []
    for m, tgt in zip(history.months, targets, strict=True):
        shares = of(m)
        if not any(shares.values()):
            shares = overall
            fallback.append(m)
        out.append(tuple(zip(names, split_exact(tgt, [shares.get(k, 0) for k in names]), strict=True)))
    named = [m for m in fallback if _month_weight(m) is not None]  # an average month's note says it already
    if named and any(overall.values()):
        months = _and_list([month_text(m.month) for m in named])
        notes.append(t("Last year's {months}: no sales by channel, so those months use the channel shares of the "
                       "months with sales.", months=months) if what == "channels" else
                     t("Last year's {months}: no sales by category, so those months use the category shares of the "
                       "months with sales.", months=months))
    elif fallback and not any(overall.values()):
        notes.append(t("Last year has no sales by channel: each month is split evenly over the channels.")
                     if what == "channels" else
                     t("Last year has no sales by category: each month is split evenly over the categories."))
    if what == "categories" and history.uncategorised_fen:
        notes.append(t("Last year's sales of SKUs without a category ({amount}) are left out of the category shares.",
                       amount=_yuan(history.uncategorised_fen)))
    return out


def _yuan(fen: int) -> str:
    from core.money import format_fen

    return format_fen(fen, decimals=0)
