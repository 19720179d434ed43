"""Inventory alerts (库存预警): per SKU cover, safety stock, reorder point, what to order and by when.

Formulas are spec/kpi.md "Inventory"; sales are units of paid orders by payment date over the
trailing sales window. What the spec leaves open, decided here (also in README "Inventory"):

* **Stock-out date** = the first day whose forecast demand the stock (on hand + in transit)
  cannot fully meet, counting demand from tomorrow; today when nothing is left. None when the
  SKU did not sell in the window or the stock lasts beyond ``horizon_days``.
* **Order-by date** = stock-out date − lead time (issue #13).
* **Suggested order** = the spec's quantity, raised to the supplier's minimum, then rounded up
  to the order multiple (a minimum of 50 in packs of 12 orders 60).
* **XYZ** by the coefficient of variation (σ ÷ mean) of the window's sales by week (by day in a
  window under two weeks): X ≤ 0.5, Y ≤ 1.0, Z above; a SKU without sales in the window is C and Z.
* **Flags** are kept apart (spec's single 滞销 split in three): *overstock* = selling, but cover
  above ``overstock_cover_days``; *slow* = stock on hand and no sale in ``slow_no_sale_days``;
  *dead* = stock on hand and no sale in ``dead_no_sale_days`` (or never). A SKU is slow or
  dead, never both. The row's ``status`` is its most urgent flag (``STATUS_ORDER``).
* **Turnover** over the window = cost of goods sold in the window (units × unit cost) ÷ stock
  value at cost now (only the current stock is stored, as in the dashboard's turnover chart);
  days of inventory = window days ÷ turnover. Unknown without a cost or without stock.
"""
from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from statistics import NormalDist
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.models import OrderLine, Sku, StockLevel

if TYPE_CHECKING:
    from core.settings import Settings

OUT, BELOW_SAFETY, REORDER, LOW, OVERSTOCK, DEAD, SLOW, OK = (
    "out", "below_safety", "reorder", "low", "overstock", "dead", "slow", "ok")
# Most urgent first: the status column shows the first flag a SKU has in this order.
STATUS_ORDER = (OUT, BELOW_SAFETY, REORDER, LOW, OVERSTOCK, DEAD, SLOW, OK)


@dataclass(frozen=True)
class InventoryParams:
    window_days: int = 28
    service_level: float = 0.95
    review_days: int = 7  # also: "order by within N days" raises the low flag
    slow_no_sale_days: int = 30
    dead_no_sale_days: int = 90
    overstock_cover_days: float = 90.0
    abc_a: float = 0.80
    abc_b: float = 0.95
    xyz_x: float = 0.5
    xyz_y: float = 1.0
    horizon_days: int = 365  # a stock-out further away is "not within a year"


def inventory_params(settings: Settings | None = None) -> InventoryParams:
    """The owner's choices (Settings → Inventory) over the defaults; the file's when None."""
    if settings is None:
        from core import settings as settings_mod

        settings = settings_mod.load()
    return InventoryParams(window_days=settings.inventory_window_days,
                           service_level=settings.inventory_service_level)


@dataclass(frozen=True)
class Uplift:
    """Demand multiplied by ``factor`` from ``start`` to ``end`` inclusive (a promotion)."""

    start: dt.date
    end: dt.date
    factor: float
    source: str = ""  # what the factor comes from, for the owner ("618: last year's 618")


@dataclass(frozen=True)
class InventoryRow:
    sku_code: str
    title: str
    spec: str
    category: str
    supplier: str
    on_hand: int
    in_transit: int
    avg_daily_sales: float
    sigma: float
    days_of_cover: float | None  # None = infinite (no sales in the window)
    lead_time_days: int
    safety_stock: int
    reorder_point: int
    suggested_qty: int
    stockout_date: dt.date | None
    order_by: dt.date | None
    abc: str
    xyz: str
    last_sale: dt.date | None
    flags: tuple[str, ...]  # every flag that applies, most urgent first; () = ok
    status: str  # the most urgent flag, or "ok"
    stock_value_fen: int
    cogs_fen: int  # units sold in the window × unit cost
    turnover: float | None
    days_of_inventory: float | None
    cost_fen: int = 0
    order_multiple: int = 1
    min_order_qty: int = 0
    safety_stock_override: int | None = None
    uplift_source: str = ""


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
    last_sale = dict(
        session.execute(
            select(OrderLine.sku_code, func.max(OrderLine.pay_date))
            .where(OrderLine.pay_date <= today)
            .group_by(OrderLine.sku_code)
        ).all()
    )
    abc = _abc_classes(sales_value, params)
    z = NormalDist().inv_cdf(params.service_level)
    uplifts = uplifts or {}

    rows = []
    skus = session.execute(
        select(Sku, StockLevel).outerjoin(StockLevel, StockLevel.sku_code == Sku.code).where(Sku.active.is_(True))
    ).all()
    for sku, stock in skus:
        rows.append(_row(sku, stock, daily.get(sku.code, {}), last_sale.get(sku.code), abc.get(sku.code, "C"),
                         z, today, start, params, uplifts.get(sku.code, ())))
    return rows


def _row(sku: Sku, stock: StockLevel | None, daily: dict[dt.date, int], last: dt.date | None, abc: str, z: float,
         today: dt.date, start: dt.date, params: InventoryParams, uplifts: Sequence[Uplift]) -> InventoryRow:
    on_hand = stock.on_hand if stock else 0
    in_transit = stock.in_transit if stock else 0
    have = on_hand + in_transit
    per_day = [daily.get(start + dt.timedelta(days=i), 0) for i in range(params.window_days)]
    units = sum(per_day)
    rate = Fraction(units, params.window_days)  # exact, so rounding up never adds a unit by accident
    avg = float(rate)
    sigma = _pstdev(per_day) if units else 0.0
    lead = max(sku.lead_time_days, 0)
    # Only promotions that start before the stock-out without them, or inside the lead time and
    # review period the order covers, can move a number (an uplift only brings the date nearer);
    # a SKU that did not sell has no rate to raise.
    if units and uplifts:
        base = stockout_date(have, rate, today, params.horizon_days)
        horizon = max(base or today + dt.timedelta(days=params.horizon_days),
                      today + dt.timedelta(days=lead + params.review_days))
        uplifts = flatten_uplifts(tuple(u for u in uplifts if u.start <= horizon and u.end > today))
    else:
        uplifts = ()
    safety = sku.safety_stock_override if sku.safety_stock_override is not None else math.ceil(z * sigma * math.sqrt(lead))
    reorder_point = math.ceil(rate * lead + safety)
    # A promotion inside the lead time and review period adds its extra demand to what to order.
    need = reorder_point + rate * params.review_days - have + _extra_demand(rate, today, lead + params.review_days, uplifts)
    multiple = max(sku.order_multiple, 1)
    minimum = max(sku.min_order_qty or 0, 0)
    suggested = 0 if need <= 0 else math.ceil(max(need, minimum) / multiple) * multiple
    cover = have / avg if units else None
    stockout = stockout_date(have, rate, today, params.horizon_days, uplifts)
    order_by = stockout - dt.timedelta(days=lead) if stockout is not None else None
    since_sale = (today - last).days if last is not None else None
    dead = on_hand > 0 and (since_sale is None or since_sale > params.dead_no_sale_days)
    on = {
        # Out of stock counts even without recent sales: a SKU that sold before and has
        # nothing left may show no sales precisely because it ran out.
        OUT: on_hand <= 0 and (units > 0 or last is not None),
        BELOW_SAFETY: 0 < on_hand < safety,
        REORDER: units > 0 and have <= reorder_point,
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
    )


def flatten_uplifts(uplifts: Sequence[Uplift]) -> list[Uplift]:
    """Overlapping windows (two promotions on the same days) as windows that do not overlap, each
    day taking the larger factor: demand is raised once, by the bigger of the two."""
    return list(_flatten(tuple(sorted(uplifts, key=lambda u: (u.start, u.end)))))


@lru_cache(maxsize=256)  # most SKUs share the same few promotions: flatten each set once
def _flatten(ordered: tuple[Uplift, ...]) -> tuple[Uplift, ...]:
    if all(b.start > a.end for a, b in zip(ordered, ordered[1:])):
        return ordered  # the usual case: no two promotions share a day
    # Sweep the boundaries, not the days: between two consecutive starts/ends the same
    # promotions run, and the larger factor wins.
    one = dt.timedelta(days=1)
    points = sorted({u.start for u in ordered} | {u.end + one for u in ordered})
    out: list[Uplift] = []
    for lo, hi in zip(points, points[1:]):
        running = [u for u in ordered if u.start <= lo and u.end >= lo]
        if not running:
            continue
        top = max(running, key=lambda u: u.factor)
        prev = out[-1] if out else None
        if prev is not None and prev.end == lo - one and (prev.factor, prev.source) == (top.factor, top.source):
            out[-1] = Uplift(prev.start, hi - one, top.factor, top.source)
        else:
            out.append(Uplift(lo, hi - one, top.factor, top.source))
    return tuple(out)


def _extra_demand(rate: Fraction, today: dt.date, days: int, uplifts: Sequence[Uplift]) -> Fraction:
    """Units above the normal rate that the uplift windows add over the next ``days`` days."""
    extra = Fraction(0)
    last = today + dt.timedelta(days=days)
    for u in uplifts:
        first, end = max(u.start, today + dt.timedelta(days=1)), min(u.end, last)
        if end >= first and u.factor > 1:
            extra += rate * (_exact(u.factor) - 1) * ((end - first).days + 1)
    return extra


def stockout_date(stock: int, rate: Fraction, today: dt.date, horizon_days: int,
                  uplifts: Sequence[Uplift] = ()) -> dt.date | None:
    """The first day from tomorrow whose demand (``rate`` a day, × an uplift's factor inside its
    window) ``stock`` cannot fully meet; today when nothing is left; None when it does not sell
    or lasts beyond the horizon. Exact arithmetic: 10 units at 2 a day last 5 days, run out on day 6."""
    if rate <= 0:
        return None
    if stock <= 0:
        return today
    last = today + dt.timedelta(days=horizon_days)
    windows = sorted((max(u.start, today + dt.timedelta(days=1)), u.end, _exact(u.factor)) for u in uplifts
                     if u.end > today)
    # Whole numbers throughout, in units of 1 / (rate's denominator × the factors' common
    # denominator): the same answer as Fractions, several times faster over thousands of SKUs.
    common = 1
    for w in windows:
        common = math.lcm(common, w[2].denominator)
    remaining = stock * rate.denominator * common
    normal = rate.numerator * common  # one normal day's demand, scaled
    day = today + dt.timedelta(days=1)
    while day <= last:
        inside = next((w for w in windows if w[0] <= day <= w[1]), None)
        if inside is not None:
            f = inside[2]
            per_day = rate.numerator * f.numerator * (common // f.denominator)
            seg_end = min(inside[1], last)
        else:
            per_day = normal
            nxt = min((w[0] for w in windows if w[0] > day), default=None)
            seg_end = min(nxt - dt.timedelta(days=1), last) if nxt is not None else last
        days = (seg_end - day).days + 1
        if per_day > 0:
            n = remaining // per_day + 1  # the first day of this stretch that falls short
            if n <= days:
                return day + dt.timedelta(days=n - 1)
            remaining -= per_day * days
        day = seg_end + dt.timedelta(days=1)
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
