"""What a promotion earned (issue #14, "Effect"): its sales against what the shop sells without it.

For a running or finished promotion, the paid orders of its window (its start to its end, or to
today while it runs) and its channels — and, when its scope names categories or SKUs, only the
order lines of those SKUs — give GMV, orders, AOV (GMV ÷ buyers), units and buyers, by payment
date as every KPI (spec/kpi.md). They are set against two baselines, measured the same way on
the same channels and scope:

- **before**: the equal-length period right before it (a running promotion: as many days as it
  has run), unknown when the shop's orders do not reach back that far;
- **last year**: the same festival a year before — the dates of last year's promotion of that
  festival when the shop ran one, else the festival's preset dates (core.festivals) — as many
  days from its start as this one has; none ("—") for a promotion of no festival.

Uplift = (GMV − baseline GMV) ÷ baseline GMV. Cost: a recorded result's, else the budget,
prorated to the days run while it runs (core.promotions.promotion_cost). **ROI = incremental gross
profit ÷ cost**, gross profit = GMV − units × SKU cost, incremental against the period before;
unknown when a sold SKU has no cost (their number is given) or an order has no lines.
Money is in yuan: channels in another currency are converted per payment day at the month's rate,
and one lacking a rate is left out and named (core.promotion_currency).
All SQL is SQLAlchemy Core (portable); dates are computed in Python.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from core.currency import Currencies
from core.models import Order, OrderLine, Promotion, PromotionResult, Sku
from core.promotion_currency import LeftOut, as_date, convert_day_sums, foreign_among, missing_rates
from core.promotions import PromotionRow, cost_parts, latest_results, promotion_cost, target_progress

DAY = dt.timedelta(days=1)
TOP_SKUS = 10
FESTIVAL_KINDS = ("promotion", "season")  # presets a promotion can be "the same festival" as


@dataclass(frozen=True)
class SkuFigures:
    sku_code: str
    title: str
    units: int
    gmv_fen: int
    cost_fen: int | None  # unit cost; None when the catalogue has none


@dataclass(frozen=True)
class Figures:
    """Sales of one window, channels and scope."""

    start: dt.date
    end: dt.date
    gmv_fen: int
    orders: int
    units: int
    buyers: int
    gross_profit_fen: int | None  # None when a SKU has no cost or an order has no lines
    skus_without_cost: tuple[str, ...] = ()
    orders_without_lines: int = 0
    daily_gmv_fen: tuple[int, ...] = ()  # one per day from ``start``
    top: tuple[SkuFigures, ...] = ()  # the best sellers by GMV

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def aov_fen(self) -> int | None:
        return round(self.gmv_fen / self.buyers) if self.buyers else None


@dataclass(frozen=True)
class Effect:
    promotion_id: int
    name: str
    kind: str
    platforms: tuple[str, ...]
    categories: tuple[str, ...]
    skus: tuple[str, ...]
    start: dt.date
    end: dt.date
    status: str
    rule_types: tuple[str, ...]  # 满减, 折扣 … of its tiers
    budget_fen: int
    window: Figures | None  # None before it starts (or cancelled)
    before: Figures | None  # None when the shop's orders do not reach back that far
    last_year: Figures | None
    last_year_name: str  # the promotion or festival last year's figures come from ("" when none)
    last_year_source: str  # "promotion" | "preset" | ""
    cost_fen: int | None
    cost_basis: str | None  # measured | prorated | budget
    days_run: int | None
    discount_budget_fen: int = 0
    ad_budget_fen: int = 0
    target_gmv_fen: int | None = None  # None: no target
    discount_cost_fen: int | None = None  # the cost's parts (core.promotions.cost_parts)
    ad_cost_fen: int | None = None
    converted: tuple[str, ...] = ()  # channels in another currency, counted in yuan
    left_out: tuple[LeftOut, ...] = ()  # channels left out for a missing rate (core.promotion_currency)
    currencies: Currencies | None = None

    @property
    def target_progress(self) -> float | None:
        """GMV so far ÷ target GMV (a running promotion: its days so far against the whole target)."""
        return target_progress(self.window.gmv_fen if self.window is not None else None, self.target_gmv_fen)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def running(self) -> bool:
        return self.window is not None and self.window.end < self.end

    @property
    def uplift(self) -> float | None:
        return uplift(self.window, self.before)

    @property
    def uplift_last_year(self) -> float | None:
        return uplift(self.window, self.last_year)

    @property
    def skus_without_cost(self) -> int:
        return len({*(self.window.skus_without_cost if self.window else ()),
                    *(self.before.skus_without_cost if self.before else ())})

    @property
    def incremental_gross_profit_fen(self) -> int | None:
        w, b = self.window, self.before
        if w is None or b is None or w.gross_profit_fen is None or b.gross_profit_fen is None:
            return None
        return w.gross_profit_fen - b.gross_profit_fen

    @property
    def roi(self) -> float | None:
        gain = self.incremental_gross_profit_fen
        return gain / self.cost_fen if gain is not None and self.cost_fen else None

    @property
    def roas(self) -> float | None:
        return self.window.gmv_fen / self.cost_fen if self.window is not None and self.cost_fen else None


def uplift(window: Figures | None, baseline: Figures | None) -> float | None:
    if window is None or baseline is None or not baseline.gmv_fen:
        return None
    return (window.gmv_fen - baseline.gmv_fen) / baseline.gmv_fen


# ---------------------------------------------------------------- measuring one window


def _scope_filter(categories: Sequence[str], skus: Sequence[str]) -> ColumnElement[bool] | None:
    """The order lines a scope covers: its SKUs and the SKUs of its categories; None: the whole shop."""
    if not categories and not skus:
        return None
    parts = []
    if skus:
        parts.append(OrderLine.sku_code.in_(list(skus)))
    if categories:
        parts.append(OrderLine.sku_code.in_(select(Sku.code).where(Sku.category.in_(list(categories)))))
    return or_(*parts)


Catalogue = dict[str, tuple[str, int]]  # SKU code -> (title, unit cost fen)


def catalogue(session: Session, codes: Iterable[str] | None = None) -> Catalogue:
    """Titles and unit costs of ``codes`` (all SKUs when None), read in bounded IN lists."""
    stmt = select(Sku.code, Sku.title, Sku.cost_fen)
    if codes is None:
        return {code: (title or "", cost or 0) for code, title, cost in session.execute(stmt)}
    wanted, out = sorted(set(codes)), {}
    for i in range(0, len(wanted), 500):
        out.update({code: (title or "", cost or 0)
                    for code, title, cost in session.execute(stmt.where(Sku.code.in_(wanted[i:i + 500])))})
    return out


def measure(session: Session, start: dt.date, end: dt.date, platforms: Sequence[str] = (),
            categories: Sequence[str] = (), skus: Sequence[str] = (), *, detail: bool = False,
            costs: Catalogue | None = None, currencies: Currencies | None = None,
            exclude: Sequence[str] = ()) -> Figures:
    """GMV, orders, units, buyers and gross profit of the paid orders of ``[start, end]`` (payment
    date) on ``platforms`` (empty: all), within the scope when it names categories or SKUs (then
    only those lines count: their share of the order's paid amount, core.orders.line_facts).
    ``detail`` adds the daily GMV and the top SKUs; ``costs`` (``catalogue``) saves reading the SKUs
    again when many windows are measured. ``currencies``: amounts of channels in another currency
    are converted per day (each must have its rates); ``exclude``: channels left out."""
    scope = _scope_filter(categories, skus)
    line_where = [OrderLine.pay_date.between(start, end)]
    if platforms:
        line_where.append(OrderLine.platform.in_(list(platforms)))
    if scope is not None:
        line_where.append(scope)
    order_where = [Order.is_paid.is_(True), Order.pay_date.between(start, end)]
    if platforms:
        order_where.append(Order.platform.in_(list(platforms)))
    if exclude:
        line_where.append(OrderLine.platform.not_in(list(exclude)))
        order_where.append(Order.platform.not_in(list(exclude)))
    foreign = foreign_among(currencies, platforms, exclude)

    # per day: GMV and units (the whole shop from the orders, a scope from its lines)
    daily: dict[dt.date, int | float] = {}
    units = 0
    without_lines = 0
    if scope is None:
        day_rows = session.execute(
            select(Order.pay_date, func.sum(Order.paid_fen), func.sum(func.coalesce(Order.units, 0)),
                   func.count(Order.id) - func.count(Order.units))  # orders without lines: units unknown
            .where(*order_where, *([Order.platform.not_in(foreign)] if foreign else [])).group_by(Order.pay_date))
        for day, gmv, n_units, no_lines in day_rows:
            daily[day] = int(gmv or 0)
            units += int(n_units or 0)
            without_lines += int(no_lines or 0)
        if foreign:  # per channel and day in its currency, each day's sum converted (core.currency)
            for day, platform, gmv, n_units, no_lines in session.execute(
                    select(Order.pay_date, Order.platform, func.sum(Order.paid_fen), func.sum(func.coalesce(Order.units, 0)),
                           func.count(Order.id) - func.count(Order.units))
                    .where(*order_where, Order.platform.in_(foreign)).group_by(Order.pay_date, Order.platform)):
                daily[day] = daily.get(day, 0) + convert_day_sums(currencies, platform, as_date(day), int(gmv or 0))  # type: ignore[arg-type]
                units += int(n_units or 0)
                without_lines += int(no_lines or 0)
        chosen = list(order_where)
    else:
        for day, sales, qty in session.execute(
                select(OrderLine.pay_date, func.sum(OrderLine.sales_fen), func.sum(OrderLine.qty))
                .where(*line_where, *([OrderLine.platform.not_in(foreign)] if foreign else [])).group_by(OrderLine.pay_date)):
            daily[day] = float(sales or 0)
            units += int(qty or 0)
        if foreign:
            for day, platform, sales, qty in session.execute(
                    select(OrderLine.pay_date, OrderLine.platform, func.sum(OrderLine.sales_fen), func.sum(OrderLine.qty))
                    .where(*line_where, OrderLine.platform.in_(foreign)).group_by(OrderLine.pay_date, OrderLine.platform)):
                daily[day] = daily.get(day, 0) + convert_day_sums(currencies, platform, as_date(day), round(sales or 0))  # type: ignore[arg-type]
                units += int(qty or 0)
        chosen = [Order.id.in_(select(OrderLine.order_id).where(*line_where))]
    # buyers: distinct buyer keys per channel; an order without a key is a buyer of its own
    keyed = select(Order.platform, Order.buyer_key).where(*chosen, Order.buyer_key > "").distinct().subquery()
    orders, unkeyed = session.execute(
        select(func.count(Order.id), func.count(Order.id) - func.count(func.nullif(Order.buyer_key, "")))
        .where(*chosen)).one()
    orders, buyers = int(orders or 0), int(unkeyed or 0) + int(session.scalar(select(func.count()).select_from(keyed)) or 0)

    # per SKU: units and sales, for gross profit and the best sellers
    # (the columns of ix_order_lines_sales only: a covering-index scan, as core.kpi.series.sku_sales)
    per_sku = list(session.execute(
        select(OrderLine.sku_code, func.sum(OrderLine.qty), func.sum(OrderLine.sales_fen))
        .where(*line_where, *([OrderLine.platform.not_in(foreign)] if foreign else [])).group_by(OrderLine.sku_code)))
    if foreign:
        per_sku = _with_foreign_skus(session, per_sku, line_where, foreign, currencies)  # type: ignore[arg-type]
    if costs is None:
        costs = catalogue(session, (c for c, *_ in per_sku if c))
    cogs = 0
    missing: list[str] = []
    no_cost = ("", 0)
    for code, qty, _sales in per_sku:
        cost = costs.get(code, no_cost)[1]
        if cost > 0:
            cogs += (qty or 0) * cost
        elif qty:
            missing.append(code or "")
    top: list[SkuFigures] = []
    if detail:
        for code, qty, sales in per_sku:
            title, cost = costs.get(code or "", no_cost)
            top.append(SkuFigures(code or "", title, int(qty or 0), round(sales or 0), cost if cost > 0 else None))
    gmv = int(sum(daily.values())) if scope is None else round(sum(daily.values()))
    profit = gmv - cogs if not missing and not without_lines else None
    series: tuple[int, ...] = ()
    if detail:
        series = tuple(round(daily.get(start + i * DAY, 0)) for i in range((end - start).days + 1))
    top.sort(key=lambda s: (-s.gmv_fen, -s.units, s.sku_code))
    top = top[:TOP_SKUS]
    untitled = [s.sku_code for s in top if not s.title]
    if untitled:  # SKUs the catalogue does not know: their title as the order lines have it
        titles = dict(session.execute(select(OrderLine.sku_code, func.max(OrderLine.title))
                                      .where(OrderLine.sku_code.in_(untitled)).group_by(OrderLine.sku_code)).all())
        top = [dataclasses.replace(s, title=titles.get(s.sku_code) or "") if not s.title else s for s in top]
    return Figures(start, end, gmv, orders, units, buyers, profit, tuple(sorted(missing)), without_lines,
                   series, tuple(top))


def _with_foreign_skus(session: Session, per_sku: list, line_where: list, foreign: list[str],
                       currencies: Currencies) -> list:
    """``per_sku`` (code, units, sales fen) plus the foreign channels' lines, each SKU's sales per
    channel and day converted (as core.kpi.series.sku_sales)."""
    totals: dict = {code: [int(qty or 0), float(sales or 0)] for code, qty, sales in per_sku}
    for code, platform, day, qty, sales in session.execute(
            select(OrderLine.sku_code, OrderLine.platform, OrderLine.pay_date, func.sum(OrderLine.qty),
                   func.sum(OrderLine.sales_fen))
            .where(*line_where, OrderLine.platform.in_(foreign))
            .group_by(OrderLine.sku_code, OrderLine.platform, OrderLine.pay_date)):
        got = totals.setdefault(code, [0, 0.0])
        got[0] += int(qty or 0)
        got[1] += convert_day_sums(currencies, platform, as_date(day), round(sales or 0))
    return [(code, qty, sales) for code, (qty, sales) in totals.items()]


def first_paid_day(session: Session) -> dt.date | None:
    """The first payment date of the shop's orders: before it, sales are unknown, not 0."""
    return session.scalar(select(func.min(Order.pay_date)).where(Order.is_paid.is_(True)))


# ---------------------------------------------------------------- the same festival last year


def festival_of(name: str, start: dt.date, end: dt.date):
    """The festival preset (core.festivals) a promotion belongs to: one running on exactly its
    dates, else one named in its name (``2026 双11全球狂欢节`` → 双11) overlapping it, else one
    sharing at least half of the days of both; None for an own promotion of no festival."""
    from core.festivals import festivals_between

    try:
        found = [f for f in festivals_between(start, end) if f.kind in FESTIVAL_KINDS]
    except Exception:  # noqa: BLE001 - a year without a festival calendar has no festival
        return None
    for f in found:
        if (f.start, f.end) == (start, end):
            return f
    folded = name.casefold()
    named = [f for f in found if f.name_zh.casefold() in folded or f.name_en.casefold() in folded]
    if named:
        return max(named, key=lambda f: len(f.name_zh))
    days = (end - start).days + 1

    def overlap(f) -> int:
        return (min(end, f.end) - max(start, f.start)).days + 1

    shared = [f for f in found if 2 * overlap(f) >= days and 2 * overlap(f) >= (f.end - f.start).days + 1]
    return max(shared, key=overlap) if shared else None


def last_year_window(session: Session, p: Promotion, days: int) -> tuple[dt.date, dt.date, str, str] | None:
    """(start, end, name, source) of the same festival a year before promotion ``p``: last year's
    promotion of that festival when the shop ran one (its own dates), else the festival's preset
    dates; cut to ``days`` days from its start (a running promotion's days run). None when ``p``
    belongs to no festival."""
    from core.festivals import festivals_between
    from core.i18n import language

    festival = festival_of(p.name, p.start, p.end)
    if festival is None:
        return None
    earlier = [f for f in festivals_between(festival.start - 500 * DAY, festival.start - DAY)
               if f.key == festival.key and f.end < festival.start]
    if not earlier:
        return None
    last = max(earlier, key=lambda f: f.start)
    window = (last.start - 60 * DAY, last.end + 60 * DAY)
    candidates = session.scalars(select(Promotion).where(
        Promotion.id != p.id, Promotion.status != "cancelled", Promotion.start <= window[1], Promotion.end >= window[0]))
    theirs = [q for q in candidates if (f := festival_of(q.name, q.start, q.end)) is not None
              and f.key == festival.key and f.start == last.start]
    if theirs:
        q = min(theirs, key=lambda q: (abs((q.start - last.start).days), q.id))
        start, end, label, source = q.start, q.end, q.name, "promotion"
    else:
        label = last.name_zh if language() == "zh_CN" else last.name_en
        start, end, source = last.start, last.end, "preset"
        label = f"{label} {last.end.year}"
    return start, min(end, start + (days - 1) * DAY), label, source


# ---------------------------------------------------------------- the effect of a promotion


def _scope(p: Promotion) -> tuple[tuple[str, ...], tuple[str, ...]]:
    scope = p.scope or {}
    return tuple(str(c) for c in scope.get("categories") or ()), tuple(str(s) for s in scope.get("skus") or ())


def effect_of(session: Session, p: Promotion, today: dt.date, *, result: PromotionResult | None = None,
              first_day: dt.date | None = None, detail: bool = False, costs: Catalogue | None = None,
              currencies: Currencies | None = None) -> Effect:
    """The effect of promotion ``p`` as of ``today`` (see the module's doc)."""
    categories, skus = _scope(p)
    platforms = tuple(p.platforms or ())
    cost, basis, days_run = promotion_cost(p, result, today)
    window = before = last_year = None
    ly_name = ly_source = ""
    converted: tuple[str, ...] = ()
    left: tuple[LeftOut, ...] = ()
    if currencies is None:
        currencies = Currencies.load(session.connection())
    if p.start <= today and p.status != "cancelled":
        if first_day is None:
            first_day = first_paid_day(session)
        end = min(p.end, today)
        n = (end - p.start).days + 1
        if first_day is not None and p.start >= first_day:  # days before the first order: unknown, not ¥0
            before_days = (p.start - n * DAY, p.start - DAY) if p.start - n * DAY >= first_day else None
            found = last_year_window(session, p, n)
            windows = [(p.start, end), *([before_days] if before_days else []),
                       *([found[:2]] if found is not None and found[0] >= first_day else [])]
            # a channel without a rate for any of these days is left out of all of them (the same
            # channels on both sides of the uplift), and shown apart in its own currency
            missing = missing_rates(session, currencies, platforms, windows) if currencies.foreign else {}
            exclude = sorted(missing)
            kw = {"detail": detail, "costs": costs, "currencies": currencies, "exclude": exclude}
            window = measure(session, p.start, end, platforms, categories, skus, **kw)  # type: ignore[arg-type]
            if before_days is not None:
                before = measure(session, *before_days, platforms, categories, skus, **kw)  # type: ignore[arg-type]
            if found is not None:
                ly_start, ly_end, ly_name, ly_source = found
                if ly_start >= first_day:
                    last_year = measure(session, ly_start, ly_end, platforms, categories, skus, **kw)  # type: ignore[arg-type]
            converted = tuple(foreign_among(currencies, platforms, exclude))
            if exclude:
                own = [measure(session, p.start, end, (x,), categories, skus, costs=costs) for x in exclude]
                left = tuple(LeftOut(x, currencies.currency_of(x), f.gmv_fen, f.orders, missing[x])
                             for x, f in zip(exclude, own))
    discount_cost, ad_cost = cost_parts(p, cost, basis)
    rule_types = tuple(dict.fromkeys(str(r.get("type", "")) for r in (p.rules or ()) if isinstance(r, dict)))
    return Effect(p.id, p.name, p.kind, platforms, categories, skus, p.start, p.end, p.status, rule_types,
                  p.budget_fen or 0, window, before, last_year, ly_name, ly_source, cost, basis, days_run,
                  p.discount_budget_fen or 0, p.ad_budget_fen or 0, p.target_gmv_fen, discount_cost, ad_cost,
                  converted, left, currencies)


def promotion_effect(session: Session, promotion_id: int, today: dt.date) -> Effect | None:
    """The effect of one promotion with its daily series and top SKUs (the effect panel)."""
    p = session.get(Promotion, promotion_id)
    if p is None:
        return None
    return effect_of(session, p, today, result=latest_results(session).get(p.id), detail=True)


def effects(session: Session, today: dt.date, promotions: Iterable[Promotion] | None = None) -> dict[int, Effect]:
    """The effect of every promotion (or of ``promotions``), by id, without daily series."""
    if promotions is None:
        promotions = session.scalars(select(Promotion).order_by(Promotion.start, Promotion.name))
    results = latest_results(session)
    first_day = first_paid_day(session)
    costs = catalogue(session)  # once for every window measured
    currencies = Currencies.load(session.connection())
    return {p.id: effect_of(session, p, today, result=results.get(p.id), first_day=first_day, costs=costs,
                            currencies=currencies) for p in promotions}


def with_effects(session: Session, rows: list[PromotionRow], today: dt.date) -> list[PromotionRow]:
    """The list's rows (core.promotions) with the figures of their effect: GMV in their channels and
    scope, the baselines, uplift, cost, ROAS, incremental ROI and ROI — the list view and
    ``export promotions`` show these. A promotion whose days the orders do not cover keeps its
    recorded result's GMV and baseline."""
    found = effects(session, today)
    out = []
    for r in rows:
        e = found.get(r.id)
        if e is None:
            out.append(r)
            continue
        gmv = e.window.gmv_fen if e.window is not None else r.gmv_fen
        baseline = e.before.gmv_fen if e.before is not None else (r.baseline_fen if e.window is None else None)
        cost = e.cost_fen
        out.append(dataclasses.replace(
            r, gmv_fen=gmv, baseline_fen=baseline, cost_fen=cost, cost_basis=e.cost_basis, days_run=e.days_run,
            discount_cost_fen=e.discount_cost_fen, ad_cost_fen=e.ad_cost_fen,
            roas=gmv / cost if gmv is not None and cost else None,
            incremental_roi=(gmv - baseline) / cost if gmv is not None and baseline is not None and cost else None,
            baseline_last_year_fen=e.last_year.gmv_fen if e.last_year is not None else None,
            uplift=(gmv - baseline) / baseline if gmv is not None and baseline else None,
            roi=e.roi, skus_without_cost=e.skus_without_cost if e.window is not None else None,
        ))
    return out
