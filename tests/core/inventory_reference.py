"""The inventory alerts as computed before the speed work of issue #13 (commit f8e2632), kept
verbatim as the reference the faster code must match field by field (tests/core/
test_inventory_speed_reference.py). Not used by the app."""
# ruff: noqa
from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from statistics import NormalDist
from typing import Any, NamedTuple

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from core.errors import UserFacingError
from core.festivals import PROMOTION, Festival, festivals, festivals_between
from core.i18n import language, t
from core.inventory import (BELOW_SAFETY, DEAD, LOW, OK, OUT, OVERSTOCK, REORDER, SLOW, STATUS_ORDER,
                            InventoryParams, InventoryRow, Uplift)
from core.models import OrderLine, Promotion, Sku, StockLevel


def inventory_rows(session: Session, today: dt.date, params: InventoryParams = InventoryParams(),
                   uplifts: dict[str, Sequence[Uplift]] | None = None) -> list[InventoryRow]:
    """One row per active SKU. ``uplifts`` (per SKU code) raise the forecast demand inside
    their windows, which moves the stock-out and order-by dates earlier."""
    start = today - dt.timedelta(days=params.window_days - 1)
    # Lines carry their order's payment date (NULL unless paid, core.orders.line_facts), so
    # these read the lines alone through ix_order_lines_sales.
    paid_in_window = OrderLine.pay_date.between(start, today)
    daily: dict[str, dict[dt.date, int]] = defaultdict(dict)
    q = (
        select(OrderLine.sku_code, OrderLine.pay_date, func.sum(OrderLine.qty))
        .where(paid_in_window)
        .group_by(OrderLine.sku_code, OrderLine.pay_date)
    )
    for code, day, qty in session.execute(q):
        daily[code][day] = int(qty or 0)  # lines of unknown quantity count no units
    value_q = (
        select(OrderLine.sku_code, func.sum(func.coalesce(OrderLine.paid_fen, OrderLine.unit_price_fen * OrderLine.qty)))
        .where(paid_in_window)
        .group_by(OrderLine.sku_code)
    )
    sales_value = {code: int(v or 0) for code, v in session.execute(value_q)}
    # The last sale of each SKU: one index seek per SKU (ix_order_lines_sales starts with sku_code,
    # pay_date) rather than MAX over every line of two years, a fifth of the plain alerts' time.
    latest = (select(func.max(OrderLine.pay_date))
              .where(OrderLine.sku_code == Sku.code, OrderLine.pay_date <= today).scalar_subquery())
    last_sale = {code: day for code, day in session.execute(select(Sku.code, latest).where(Sku.active.is_(True)))
                 if day is not None}
    abc = _abc_classes(sales_value, params)
    z = NormalDist().inv_cdf(params.service_level)
    uplifts = uplifts or {}

    # Plain rows, not ORM objects: building 10,000 instances was a fifth of the tab's time.
    skus = session.execute(
        select(Sku.code, Sku.title, Sku.spec, Sku.category, Sku.supplier, Sku.cost_fen, Sku.lead_time_days,
               Sku.order_multiple, Sku.min_order_qty, Sku.safety_stock_override, Sku.order_qty,
               StockLevel.on_hand, StockLevel.in_transit, StockLevel.arrival_date)
        .outerjoin(StockLevel, StockLevel.sku_code == Sku.code).where(Sku.active.is_(True))
    ).all()
    days = [start + dt.timedelta(days=i) for i in range(params.window_days)]
    no_sales = [0] * params.window_days
    # Most SKUs share the same few promotions (core.inventory_uplift hands out one list per set):
    # each set is flattened once, not once per SKU.
    prepared: dict[int, _Windows] = {}
    rows = []
    for sku in skus:
        sold = daily.get(sku.code)
        per_day = [sold.get(d, 0) for d in days] if sold else no_sales
        ups = uplifts.get(sku.code) or ()
        windows = prepared.get(id(ups))
        if windows is None:
            windows = prepared[id(ups)] = _prepare(ups, today)
        rows.append(_row(sku, per_day, last_sale.get(sku.code), abc.get(sku.code, "C"), z, today, params, windows))
    return rows


class _Windows(NamedTuple):
    """A SKU's promotion windows ready for the walks: flattened (none overlap, the larger factor
    wins), from tomorrow on, as day numbers and the factors' numerators and denominators."""

    flat: list[Uplift]
    spans: tuple[tuple[int, int, int, int], ...]  # (first day, last day, numerator, denominator)
    common: int  # the factors' common denominator



def _prepare(uplifts: Sequence[Uplift], today: dt.date) -> _Windows:
    flat = flatten_uplifts([u for u in uplifts if u.end > today]) if uplifts else []
    tomorrow = today.toordinal() + 1
    spans = []
    common = 1
    for u in flat:
        f = _exact(u.factor)
        spans.append((max(u.start.toordinal(), tomorrow), u.end.toordinal(), f.numerator, f.denominator))
        common = math.lcm(common, f.denominator)
    return _Windows(flat, tuple(spans), common)


def _row(sku: Any, per_day: list[int], last: dt.date | None, abc: str, z: float,
         today: dt.date, params: InventoryParams, windows: _Windows) -> InventoryRow:
    """One SKU's numbers; ``windows`` are its promotions' (``_prepare``)."""
    on_hand = sku.on_hand or 0
    in_transit = sku.in_transit or 0
    have = on_hand + in_transit
    units = sum(per_day)
    days = params.window_days
    # The rate is units ÷ window days, kept exact as whole numbers over ``days`` (and over the
    # factors' common denominator), so rounding up never adds a unit by accident.
    avg = units / days
    sigma = _pstdev(per_day) if units else 0.0
    lead = max(sku.lead_time_days, 0)
    # A SKU that did not sell has no rate to raise. (Windows after the stock-out or beyond the
    # lead time and review period change nothing: the walks below stop before them.)
    uplifts = windows.flat if units else []
    safety = sku.safety_stock_override if sku.safety_stock_override is not None else math.ceil(z * sigma * math.sqrt(lead))
    reorder_point = -(-(units * lead + safety * days) // days)  # ⌈rate × lead + safety⌉
    # need = reorder point + rate × review days − stock + what a promotion inside the lead time
    # and review period adds, in 1 / (days × common) units.
    common = windows.common
    scale = days * common
    extra = _extra_units(windows.spans, today.toordinal(), lead + params.review_days, common) if uplifts else 0
    need = (reorder_point - have) * scale + units * params.review_days * common + units * extra
    multiple = max(sku.order_multiple, 1)
    minimum = max(sku.min_order_qty or 0, 0)
    suggested = 0 if need <= 0 else -(-max(need, minimum * scale) // (scale * multiple)) * multiple
    cover = have / avg if units else None
    stockout = _stockout(have, units, days, today, params.horizon_days, windows.spans if uplifts else (), common)
    order_by = stockout - dt.timedelta(days=lead) if stockout is not None else None
    since_sale = (today - last).days if last is not None else None
    dead = on_hand > 0 and (since_sale is None or since_sale > params.dead_no_sale_days)
    on = {
        # Out of stock counts even without recent sales: a SKU that sold before and has
        # nothing left may show no sales precisely because it ran out.
        OUT: on_hand <= 0 and (units > 0 or last is not None),
        BELOW_SAFETY: 0 < on_hand < safety,
        # (The one rule changed since: the reorder flag and the purchase list agree, see core.inventory.)
        REORDER: units > 0 and suggested > 0 and (have <= reorder_point or (order_by is not None and order_by <= today)),
        LOW: order_by is not None and order_by <= today + dt.timedelta(days=params.review_days),
        OVERSTOCK: cover is not None and cover > params.overstock_cover_days,
        DEAD: dead,
        SLOW: on_hand > 0 and not dead and since_sale is not None and since_sale > params.slow_no_sale_days,
    }
    flags = tuple(f for f in STATUS_ORDER if on.get(f))
    cogs = units * sku.cost_fen
    value = on_hand * sku.cost_fen
    turnover = cogs / value if value > 0 and sku.cost_fen > 0 else None
    cv = _weekly_cv(per_day) if units else None
    xyz = "Z" if cv is None or cv > params.xyz_y else "Y" if cv > params.xyz_x else "X"
    # Name only the promotions that move a number: those starting before the stock-out or inside
    # the lead time and review period that the suggested order covers.
    reach = max(stockout or today, today + dt.timedelta(days=lead + params.review_days))
    active = [u for u in uplifts if u.end > today and u.start <= reach and u.factor != 1]
    return InventoryRow(
        sku_code=sku.code, title=sku.title, spec=sku.spec, category=sku.category, supplier=sku.supplier,
        on_hand=on_hand, in_transit=in_transit, avg_daily_sales=avg, sigma=sigma, days_of_cover=cover,
        lead_time_days=lead, safety_stock=int(safety), reorder_point=reorder_point, suggested_qty=suggested,
        stockout_date=stockout, order_by=order_by, abc=abc, xyz=xyz, last_sale=last, flags=flags,
        status=flags[0] if flags else OK, stock_value_fen=value, cogs_fen=cogs, turnover=turnover,
        days_of_inventory=params.window_days / turnover if turnover else None,
        cost_fen=sku.cost_fen, order_multiple=multiple, min_order_qty=minimum,
        safety_stock_override=sku.safety_stock_override,
        uplift_source="; ".join(dict.fromkeys(u.source for u in active if u.source)),
        order_qty=sku.order_qty, arrival_date=sku.arrival_date,
    )


def flatten_uplifts(uplifts: Sequence[Uplift]) -> list[Uplift]:
    """Overlapping windows (two promotions on the same days) as windows that do not overlap, each
    day taking the larger factor: demand is raised once, by the bigger of the two."""
    return list(_flatten(tuple(sorted(uplifts, key=lambda u: (u.start, u.end)))))


def _flatten(ordered: tuple[Uplift, ...]) -> tuple[Uplift, ...]:
    if all(b.start > a.end for a, b in zip(ordered, ordered[1:])):
        return ordered  # the usual case: no two promotions share a day
    one = dt.timedelta(days=1)
    out: list[Uplift] = []
    for lo, end, running in _sweep_plan(tuple((u.start, u.end) for u in ordered)):
        top = max((ordered[i] for i in running), key=lambda u: u.factor)
        prev = out[-1] if out else None
        if prev is not None and prev.end == lo - one and (prev.factor, prev.source) == (top.factor, top.source):
            out[-1] = Uplift(prev.start, end, top.factor, top.source)
        else:
            out.append(Uplift(lo, end, top.factor, top.source))
    return tuple(out)


@lru_cache(maxsize=256)  # SKUs raised by different factors share their promotions' dates: plan each once
def _sweep_plan(spans: tuple[tuple[dt.date, dt.date], ...]) -> tuple[tuple[dt.date, dt.date, tuple[int, ...]], ...]:
    """Sweep the boundaries, not the days: between two consecutive starts/ends the same windows
    run (their indexes), and the larger factor of those wins."""
    one = dt.timedelta(days=1)
    points = sorted({s for s, _e in spans} | {e + one for _s, e in spans})
    plan = []
    for lo, hi in zip(points, points[1:]):
        running = tuple(i for i, (s, e) in enumerate(spans) if s <= lo <= e)
        if running:
            plan.append((lo, hi - one, running))
    return tuple(plan)


def _extra_units(spans: Sequence[tuple[int, int, int, int]], today: int, days: int, common: int) -> int:
    """Σ (factor − 1) × days of the windows inside the next ``days`` days, × ``common``: the extra
    demand the promotions add, in days of normal sales."""
    last = today + days
    total = 0
    for first, end, num, den in spans:
        first, end = max(first, today + 1), min(end, last)
        if end >= first and num > den:
            total += (num - den) * (common // den) * (end - first + 1)
    return total


def stockout_date(stock: int, rate: Fraction, today: dt.date, horizon_days: int,
                  uplifts: Sequence[Uplift] = ()) -> dt.date | None:
    """The first day from tomorrow whose demand (``rate`` a day, × an uplift's factor inside its
    window; the larger where two overlap) ``stock`` cannot fully meet; today when nothing is left;
    None when it does not sell or lasts beyond the horizon. Exact arithmetic: 10 units at 2 a day
    last 5 days, run out on day 6."""
    windows = _prepare(uplifts, today)
    return _stockout(stock, rate.numerator, rate.denominator, today, horizon_days, windows.spans, windows.common)


def _stockout(stock: int, num: int, den: int, today: dt.date, horizon_days: int,
              spans: Sequence[tuple[int, int, int, int]], common: int) -> dt.date | None:
    """``stockout_date`` for a rate of ``num`` / ``den`` a day and prepared windows (sorted, not
    overlapping): whole numbers throughout, in units of 1 / (den × common), walking stretches of
    normal days and promotion windows, not days."""
    if num <= 0:
        return None
    if stock <= 0:
        return today
    start = today.toordinal()
    last = start + horizon_days
    remaining = stock * den * common
    normal = num * common  # one normal day's demand, scaled
    day = start + 1
    for first, end, f_num, f_den in (*spans, (last + 1, last + 1, 1, 1)):
        for seg_first, seg_end, per_day in ((day, min(first - 1, last), normal),
                                            (max(first, day), min(end, last), num * f_num * (common // f_den))):
            if seg_end < seg_first:
                continue
            n = remaining // per_day + 1 if per_day > 0 else seg_end - seg_first + 2  # the first day short
            if n <= seg_end - seg_first + 1:
                return dt.date.fromordinal(seg_first + n - 1)
            remaining -= per_day * (seg_end - seg_first + 1)
            day = seg_end + 1
        if day > last:
            return None
    return None


@lru_cache(maxsize=1024)
def _exact(factor: float) -> Fraction:
    """A factor as the exact fraction of its 4 decimals (1.4 is 7/5, not 1.39999…)."""
    return Fraction(str(round(factor, 4)))


def _pstdev(values: list[int]) -> float:
    """Population standard deviation of whole numbers, from exact integer sums (statistics.pstdev
    is exact too, but goes through Fractions and was a third of the tab's time on 5,000 SKUs)."""
    n = len(values)
    s1 = sum(values)
    s2 = sum(v * v for v in values)
    return math.sqrt(n * s2 - s1 * s1) / n


def _weekly_cv(per_day: list[int]) -> float:
    """Coefficient of variation of the window's sales by week (7-day blocks counted back from
    today), by day when the window is shorter than two weeks. Daily sales of a small shop's SKU
    are mostly 0s and 1s, whose daily CV would call every SKU erratic."""
    if len(per_day) >= 14:
        tail = per_day[len(per_day) % 7:]
        buckets = [sum(tail[i:i + 7]) for i in range(0, len(tail), 7)]
    else:
        buckets = per_day
    mean = sum(buckets) / len(buckets)
    return _pstdev(buckets) / mean if mean else math.inf


def _abc_classes(sales_value: dict[str, int], params: InventoryParams) -> dict[str, str]:
    total = sum(sales_value.values())
    classes: dict[str, str] = {}
    cumulative = 0
    for code, value in sorted(sales_value.items(), key=lambda kv: (-kv[1], kv[0])):
        # A SKU's class is decided by the cumulative share *before* it, so the SKU that
        # crosses 80 % is still an A item (the usual Pareto convention).
        share_before = cumulative / total if total else 1.0
        classes[code] = "A" if share_before < params.abc_a else "B" if share_before < params.abc_b else "C"
        cumulative += value
    return classes


BASELINE_DAYS = 28
MIN_UNITS = 5  # fewer units than this in either window: the SKU's own ratio is noise
MAX_FACTOR = 10.0  # a launch from almost nothing is not a forecast


@dataclass(frozen=True)
class _Measure:
    window: tuple[dt.date, dt.date]
    baseline: tuple[dt.date, dt.date]


def promotion_uplifts(session: Session, today: dt.date, params: InventoryParams = InventoryParams()
                      ) -> dict[str, list[Uplift]]:
    """Per SKU code, the uplift windows of the promotions still to come or running."""
    horizon = today + dt.timedelta(days=params.horizon_days)
    promos = session.scalars(
        select(Promotion).where(Promotion.status != "cancelled", Promotion.end > today, Promotion.start <= horizon)
        .order_by(Promotion.start, Promotion.id)
    ).all()
    if not promos:
        return {}
    categories = dict(session.execute(select(Sku.code, Sku.category).where(Sku.active.is_(True))).all())
    shares = _channel_units(session, today - dt.timedelta(days=params.window_days - 1), today)
    out: dict[str, list[Uplift]] = defaultdict(list)
    windows: dict[tuple, Uplift] = {}  # one object per distinct window, shared by the SKUs it raises
    for p in promos:
        codes = _in_scope(p, categories)
        if not codes:
            continue
        start = max(p.start, today + dt.timedelta(days=1))
        if p.expected_uplift is not None:
            if p.expected_uplift <= 0:
                continue
            factor = 1 + p.expected_uplift
            source = t("{name}: expected {factor}× normal sales (promotion calendar)", name=p.name,
                       factor=_times(factor))
            per_sku = {c: (factor, source) for c in codes}
        else:
            per_sku = _measured(session, p, codes, categories)
        for code, (factor, source) in per_sku.items():
            share = _share(shares.get(code, {}), p.platforms)
            effective = 1 + (factor - 1) * share
            if effective > 1:
                key = (start, p.end, round(effective, 4), source)
                made = windows.get(key)
                if made is None:
                    made = windows[key] = Uplift(*key)
                out[code].append(made)
    # SKUs raised by the same promotions get the same list object: core.inventory flattens each
    # set once (5,000 SKUs share a few dozen sets).
    shared: dict[tuple[Uplift, ...], list[Uplift]] = {}
    return {code: shared.setdefault(tuple(ups), ups) for code, ups in out.items()}


def _in_scope(p: Promotion, categories: dict[str, str]) -> list[str]:
    scope = p.scope or {}
    skus, cats = set(scope.get("skus") or ()), set(scope.get("categories") or ())
    if not skus and not cats:
        return list(categories)
    return [c for c, cat in categories.items() if c in skus or cat in cats]


def _channel_units(session: Session, start: dt.date, end: dt.date) -> dict[str, dict[str, int]]:
    q = (select(OrderLine.sku_code, OrderLine.platform, func.sum(OrderLine.qty))
         .where(OrderLine.pay_date.between(start, end)).group_by(OrderLine.sku_code, OrderLine.platform))
    units: dict[str, dict[str, int]] = defaultdict(dict)
    for code, platform, qty in session.execute(q):
        units[code][platform or ""] = int(qty or 0)
    return units


def _share(by_platform: dict[str, int], platforms: list[str] | None) -> float:
    if not platforms:
        return 1.0
    total = sum(by_platform.values())
    if not total:
        return 1.0  # no recent sales: the rate is 0 anyway, the factor changes nothing
    return sum(v for k, v in by_platform.items() if k in platforms) / total


def festival_of(p: Promotion) -> Festival | None:
    """The festival preset a platform promotion runs for: the platform event whose dates overlap
    the promotion's the most (ties: the one whose name it carries)."""
    if p.kind not in ("festival", "platform"):
        return None
    best, best_key = None, (0, False)
    for f in festivals_between(p.start, p.end):
        if f.kind != PROMOTION:
            continue
        overlap = (min(f.end, p.end) - max(f.start, p.start)).days + 1
        key = (overlap, f.name_zh in p.name or f.name_en.lower() in p.name.lower())
        if key > best_key:
            best, best_key = f, key
    return best


def _last_year(f: Festival) -> Festival | None:
    for year in (f.start.year - 1, f.end.year - 1):
        try:
            found = [g for g in festivals(year) if g.key == f.key]
        except UserFacingError:  # a year the lunar calendar does not cover
            return None
        for g in found:
            if g.start < f.start:
                return g
    return None


def _measured(session: Session, p: Promotion, codes: list[str], categories: dict[str, str]
              ) -> dict[str, tuple[float, str]]:
    fest = festival_of(p)
    last = _last_year(fest) if fest else None
    if last is None:
        return {}
    m = _Measure((last.start, last.end), (last.start - dt.timedelta(days=BASELINE_DAYS), last.start - dt.timedelta(days=1)))
    window, baseline = _units_before_and_in(session, m.baseline[0], m.window[0], m.window[1])
    days_w = (m.window[1] - m.window[0]).days + 1
    name = last.name_zh if language() == "zh_CN" else last.name_en
    cat_w: dict[str, int] = defaultdict(int)
    cat_b: dict[str, int] = defaultdict(int)
    for code, cat in categories.items():
        cat_w[cat] += window.get(code, 0)
        cat_b[cat] += baseline.get(code, 0)
    out = {}
    this_sku = t("this SKU")
    festival = f"{name} {last.start.year}"
    texts: dict[tuple[str, str], str] = {}  # a few distinct sentences, not one per SKU
    for code in codes:
        w, b = window.get(code, 0), baseline.get(code, 0)
        if w >= MIN_UNITS and b >= MIN_UNITS:
            ratio, whose = _ratio(w, b, days_w), this_sku
        else:
            cat = categories.get(code, "")
            if cat_w[cat] >= MIN_UNITS and cat_b[cat] >= MIN_UNITS:
                ratio, whose = _ratio(cat_w[cat], cat_b[cat], days_w), t("its category {category}", category=cat or "—")
            else:
                continue
        if ratio <= 1:
            continue
        key = (_times(ratio), whose)
        text = texts.get(key)
        if text is None:
            text = texts[key] = t("{name}: {factor}× normal sales ({whose}, last year's {festival})", name=p.name,
                                  factor=key[0], whose=whose, festival=festival)
        out[code] = (ratio, text)
    return out


def _units_before_and_in(session: Session, start: dt.date, window_start: dt.date, end: dt.date
                         ) -> tuple[dict[str, int], dict[str, int]]:
    """Units per SKU from ``window_start`` to ``end``, and in the baseline days before it (from
    ``start``): one pass over the lines instead of two."""
    inside = OrderLine.pay_date >= window_start
    q = (select(OrderLine.sku_code, func.sum(case((inside, OrderLine.qty), else_=0)),
                func.sum(case((inside, 0), else_=OrderLine.qty)))
         .where(OrderLine.pay_date.between(start, end)).group_by(OrderLine.sku_code))
    window: dict[str, int] = {}
    baseline: dict[str, int] = {}
    for code, w, b in session.execute(q):
        if w:
            window[code] = int(w)
        if b:
            baseline[code] = int(b)
    return window, baseline


def _ratio(window_units: int, baseline_units: int, window_days: int) -> float:
    return min((window_units / window_days) / (baseline_units / BASELINE_DAYS), MAX_FACTOR)


def _times(factor: float) -> str:
    return f"{factor:.1f}"
