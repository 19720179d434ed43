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
from collections.abc import Sequence
from dataclasses import dataclass, fields
from fractions import Fraction
from functools import lru_cache
from statistics import NormalDist
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.gc_paused import gc_paused
from core.models import Sku, StockLevel

if TYPE_CHECKING:
    from core.inventory_sales import Sales
    from core.settings import Settings

OUT, BELOW_SAFETY, REORDER, LOW, OVERSTOCK, DEAD, SLOW, OK = (
    "out", "below_safety", "reorder", "low", "overstock", "dead", "slow", "ok")
# The statuses that mean "buy" (out, below safety, reorder now, running low): the Inventory tab's
# title counts them ("库存预警 (12)", ui/tabs/inventory_badge.URGENT) and the monthly plan's
# "Order now" lists them (core.report).
NEEDS_BUYING = (OUT, BELOW_SAFETY, REORDER, LOW)
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
    return InventoryParams(
        window_days=settings.inventory_window_days, service_level=settings.inventory_service_level,
        review_days=settings.inventory_review_days, slow_no_sale_days=settings.inventory_slow_days,
        dead_no_sale_days=settings.inventory_dead_days,
        overstock_cover_days=float(settings.inventory_overstock_days), abc_a=settings.inventory_abc_a,
        abc_b=settings.inventory_abc_b, xyz_x=settings.inventory_xyz_x, xyz_y=settings.inventory_xyz_y)


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
    order_qty: int | None = None  # the owner's quantity for the purchase list; None = the suggested order
    arrival_date: dt.date | None = None  # when what is in transit is expected (Mark as ordered)


class UpliftsBySku(dict):
    """``promotion_uplifts``' answer (per SKU code, its uplift windows; SKUs raised by the same
    promotions share one list), with room for ``inventory_rows`` to keep each set's prepared
    windows: kept between computations (core.past_orders), it is flattened once, not per reload."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.prepared: dict[dt.date, tuple[dict[int, _Windows], dict[tuple, tuple]]] = {}
        self.days: dict[tuple, Any] = {}  # every set's days at once (core.inventory_arrays.UpliftSets.kept)


@gc_paused()  # a fifth of the first computation's time was the cycle collector's (core.gc_paused)
def inventory_rows(session: Session, today: dt.date, params: InventoryParams = InventoryParams(),
                   uplifts: dict[str, Sequence[Uplift]] | None = None) -> list[InventoryRow]:
    """One row per active SKU. ``uplifts`` (per SKU code) raise the forecast demand inside
    their windows, which moves the stock-out and order-by dates earlier."""
    from core.inventory_sales import Sales, abc_classes, last_sales, past_order_reads, plain_rows, window_sales
    from core.past_orders import PastOrders

    start = today - dt.timedelta(days=params.window_days - 1)
    # Plain rows through the connection, not the ORM's row processing (a tenth of the tab's time).
    conn = session.connection()
    # What depends on the orders alone is kept until they change (a stock edit's reload reads none of it);
    # what is not kept yet is read now, the last sales on a second connection beside the sales window.
    past = PastOrders(conn)
    with past_order_reads(conn, past, today, params):
        pass  # the reads are the block's entry and exit: the window here, the last sales beside it
    sales, value = past.get(("inventory.sales", start, today),
                            lambda: window_sales(conn, start, today, params.window_days))
    abc = past.get(("inventory.abc", start, today, params.abc_a, params.abc_b), lambda: abc_classes(value, params))
    z = NormalDist().inv_cdf(params.service_level)
    uplifts = uplifts or {}

    # Plain rows, not ORM objects: building 10,000 instances was a fifth of the tab's time; (in the order
    # _row unpacks them) as the driver gives them (core.inventory_sales.plain_rows: SQLAlchemy's row
    # processing took a tenth of the rows' time), the arrival date made a date where SQLite gives its text.
    skus = plain_rows(conn, select(
        Sku.code, Sku.title, Sku.spec, Sku.category, Sku.supplier, Sku.cost_fen, Sku.lead_time_days,
        Sku.order_multiple, Sku.min_order_qty, Sku.safety_stock_override, Sku.order_qty,
        StockLevel.on_hand, StockLevel.in_transit, StockLevel.arrival_date)
        .outerjoin(StockLevel, StockLevel.sku_code == Sku.code).where(Sku.active.is_(True)))
    if any(isinstance(sku[13], str) for sku in skus):
        skus = [(*sku[:13], _date(sku[13])) if isinstance(sku[13], str) else sku for sku in skus]
    covered, last_sale = past.get(("inventory.last_sale", today), lambda: last_sales(conn, today))
    if not covered.issuperset(sku[0] for sku in skus):  # a SKU added since: read them again
        covered, last_sale = last_sales(conn, today)
        past.put(("inventory.last_sale", today), (covered, last_sale))
    no_sales = Sales(0, 0.0, None)
    # Most SKUs share the same few promotions (core.inventory_uplift hands out one list per set):
    # each set is flattened once, not once per SKU — and once per day while the uplifts are kept.
    if isinstance(uplifts, UpliftsBySku):
        prepared, plans = uplifts.prepared.setdefault(today, ({}, {}))
    else:
        prepared, plans = {}, {}  # the windows' order and overlap sweep, by their dates (_prepare)
    low_by = today + dt.timedelta(days=params.review_days)
    if len(skus) < ARRAYS_FROM:
        windows = []
        for sku in skus:
            ups = uplifts.get(sku[0]) or ()
            found = prepared.get(id(ups))
            if found is None:
                found = prepared[id(ups)] = _prepare(ups, today, plans)
            windows.append(found)
        return [_row(sku, sales.get(sku[0], no_sales), last_sale.get(sku[0]), abc.get(sku[0], "C"), z, today, params,
                     found, low_by) for sku, found in zip(skus, windows)]
    # Many SKUs: column by column, the walks in one matrix (core.inventory_arrays), the same numbers; every
    # set's windows day by day in one matrix too (core.inventory_windows), swept one by one only when it cannot.
    from core.inventory_arrays import array_rows, uplift_sets

    def prepare(ups: Sequence[Uplift]) -> _Windows:
        found = prepared.get(id(ups))
        if found is None:
            found = prepared[id(ups)] = _prepare(ups, today, plans)
        return found

    kept = uplifts.days if isinstance(uplifts, UpliftsBySku) else {}
    return array_rows(skus, sales, last_sale, abc, z, today, params, None, low_by, STATUS_ORDER, _new_row, _stockout,
                      uplift_sets([sku[0] for sku in skus], uplifts, prepare, kept))


# From this many SKUs on, the rows are computed column by column (numpy's import and the matrix
# cost more than they save for a few hundred). Tests set it to 0 or a large number to compare both.
ARRAYS_FROM = 500


def _date(text: str) -> dt.date:
    """A date as SQLite stores it ("2026-11-20"), as SQLAlchemy's Date reads it."""
    return dt.date.fromisoformat(text[:10])


class _Windows(NamedTuple):
    """A SKU's promotion windows ready for the walks: flattened (none overlap, the larger factor
    wins), from tomorrow on, as day numbers and the factors' numerators and denominators."""

    flat: list[tuple[int, int, float, str]]  # (first day, last day, factor, source), not cut at tomorrow
    spans: tuple[tuple[int, int, int, int], ...]  # (first day, last day, numerator, denominator)
    common: int  # the factors' common denominator


_NO_WINDOWS = _Windows([], (), 1)


def _prepare(uplifts: Sequence[Uplift], today: dt.date, plans: dict | None = None) -> _Windows:
    """``flatten_uplifts`` of the windows not ended by ``today``, in whole day numbers (the same
    windows, each day the larger factor, neighbours of the same factor and source joined).
    ``plans`` keeps, per set of window dates, their segments (``_plan``): SKUs raised by the
    same promotions by different factors share them."""
    live = [u for u in uplifts if u.end > today]
    if not live:
        return _NO_WINDOWS
    dates = tuple([(u.start, u.end) for u in live])
    plan = plans.get(dates) if plans is not None else None
    if plan is None:
        plan = _plan(dates, today.toordinal() + 1)
        if plans is not None:
            plans[dates] = plan
    segments, join = plan
    flat: list[tuple[int, int, float, str]] = []
    spans: list[tuple[int, int, int, int]] = []
    common = 1
    prev: Uplift | None = None
    prev_hi = 0
    for lo, hi, span_lo, running in segments:
        top = live[running[0]]
        if len(running) > 1:  # overlapping windows: the first of the larger factor in (start, end) order
            for i in running[1:]:
                u = live[i]
                if u.factor > top.factor:
                    top = u
        if join and prev is not None and prev_hi == lo - 1 and prev.factor == top.factor and prev.source == top.source:
            flat[-1] = (flat[-1][0], hi, top.factor, top.source)
            spans[-1] = (spans[-1][0], hi, spans[-1][2], spans[-1][3])
        else:
            f = _exact(top.factor)
            flat.append((lo, hi, top.factor, top.source))
            spans.append((span_lo, hi, f.numerator, f.denominator))
            if common % f.denominator:
                common = math.lcm(common, f.denominator)
        prev, prev_hi = top, hi
    return _Windows(flat, tuple(spans), common)


def _plan(dates: tuple[tuple[dt.date, dt.date], ...], tomorrow: int
          ) -> tuple[tuple[tuple[int, int, int, tuple[int, ...]], ...], bool]:
    """The windows' segments in day numbers, in (start, end) order: (first day, last day, first day
    from ``tomorrow`` on, the indexes in ``dates`` of the windows running, in that order), and
    whether neighbours are joined (only where windows overlap: then the days are swept, and
    between two consecutive starts/ends the same windows run)."""
    order = sorted(((i, s.toordinal(), e.toordinal()) for i, (s, e) in enumerate(dates)), key=_by_days)
    if all(b[1] > a[2] for a, b in zip(order, order[1:])):  # the usual case: no two share a day
        return tuple((first, last, max(first, tomorrow), (i,)) for i, first, last in order), False
    sweep = _sweep_days(tuple(d for _i, first, last in order for d in (first, last)))
    return tuple((lo, hi, max(lo, tomorrow), tuple(order[j][0] for j in running)) for lo, hi, running in sweep), True


def _by_days(w: tuple[int, int, int]) -> tuple[int, int]:
    return w[1], w[2]


def _sweep_days(days: tuple[int, ...]) -> tuple[tuple[int, int, tuple[int, ...]], ...]:
    """``_sweep_plan`` on day numbers: ``days`` holds each window's first and last day in turn."""
    spans = list(zip(days[::2], days[1::2]))
    points = sorted({s for s, _e in spans} | {e + 1 for _s, e in spans})
    plan = []
    for lo, hi in zip(points, points[1:]):
        running = tuple(i for i, (s, e) in enumerate(spans) if s <= lo <= e)
        if running:
            plan.append((lo, hi - 1, running))
    return tuple(plan)


def _row(sku: Any, sales: Sales, last: dt.date | None, abc: str, z: float,
         today: dt.date, params: InventoryParams, windows: _Windows, low_by: dt.date | None = None) -> InventoryRow:
    """One SKU's numbers; ``sku`` is its row of ``inventory_rows``' query (unpacked: reading 14 fields
    by name took longer than the arithmetic); ``windows`` are its promotions' (``_prepare``);
    ``low_by`` = today + the review period (given by the caller: the same for every SKU)."""
    (code, title, spec, category, supplier, cost, lead_time_days, order_multiple, min_order_qty, override,
     order_qty, on_hand, in_transit, arrival_date) = sku
    on_hand = on_hand or 0
    in_transit = in_transit or 0
    have = on_hand + in_transit
    units, sigma, cv = sales
    days = params.window_days
    review = params.review_days
    # The rate is units ÷ window days, kept exact as whole numbers over ``days`` (and over the
    # factors' common denominator), so rounding up never adds a unit by accident.
    avg = units / days
    lead = max(lead_time_days, 0)
    # A SKU that did not sell has no rate to raise. (Windows after the stock-out or beyond the
    # lead time and review period change nothing: the walks below stop before them.)
    uplifts = windows.flat if units else None
    safety = override if override is not None else math.ceil(z * sigma * math.sqrt(lead))
    reorder_point = -(-(units * lead + safety * days) // days)  # ⌈rate × lead + safety⌉
    # need = reorder point + rate × review days − stock + what a promotion inside the lead time
    # and review period adds, in 1 / (days × common) units.
    common = windows.common
    scale = days * common
    need = (reorder_point - have) * scale + units * review * common
    if uplifts:
        need += units * _extra_units(windows.spans, today.toordinal(), lead + review, common)
    multiple = max(order_multiple, 1)
    minimum = max(min_order_qty or 0, 0)
    suggested = 0 if need <= 0 else -(-max(need, minimum * scale) // (scale * multiple)) * multiple
    cover = have / avg if units else None
    stockout = _stockout(have, units, days, today, params.horizon_days, windows.spans if uplifts else (), common)
    order_by = stockout - dt.timedelta(days=lead) if stockout is not None else None
    since_sale = (today - last).days if last is not None else None
    dead = on_hand > 0 and (since_sale is None or since_sale > params.dead_no_sale_days)
    # In STATUS_ORDER, most urgent first.
    flags: list[str] = []
    # Out of stock counts even without recent sales: a SKU that sold before and has
    # nothing left may show no sales precisely because it ran out.
    if on_hand <= 0 and (units > 0 or last is not None):
        flags.append(OUT)
    if 0 < on_hand < safety:
        flags.append(BELOW_SAFETY)
    # Reorder now = what the purchase list orders today (core.inventory_lists): at or below the
    # reorder point, or a promotion brings the stock-out inside the lead time (order-by date
    # today or past), and there is something to order.
    if units > 0 and suggested > 0 and (have <= reorder_point or (order_by is not None and order_by <= today)):
        flags.append(REORDER)
    if order_by is not None and order_by <= (low_by or today + dt.timedelta(days=review)):
        flags.append(LOW)
    if cover is not None and cover > params.overstock_cover_days:
        flags.append(OVERSTOCK)
    if dead:
        flags.append(DEAD)
    if on_hand > 0 and not dead and since_sale is not None and since_sale > params.slow_no_sale_days:
        flags.append(SLOW)
    cogs = units * cost
    value = on_hand * cost
    turnover = cogs / value if value > 0 and cost > 0 else None
    xyz = "Z" if cv is None or cv > params.xyz_y else "Y" if cv > params.xyz_x else "X"
    source = ""
    if uplifts:
        # Name only the promotions that move a number: those starting before the stock-out or inside
        # the lead time and review period that the suggested order covers.
        reach = max(stockout.toordinal() if stockout else today.toordinal(), today.toordinal() + lead + review)
        active = [u[3] for u in uplifts if u[0] <= reach and u[2] != 1]  # (flat windows end after today)
        source = "; ".join(dict.fromkeys(s for s in active if s))
    # In InventoryRow's field order (_new_row).
    return _new_row((
        code, title, spec, category, supplier, on_hand, in_transit, avg, sigma, cover,
        lead, int(safety), reorder_point, suggested, stockout, order_by, abc, xyz, last, tuple(flags),
        flags[0] if flags else OK, value, cogs, turnover, days / turnover if turnover else None,
        cost, multiple, minimum, override, source, order_qty, arrival_date))


_ROW_FIELDS = tuple(f.name for f in fields(InventoryRow))


def _new_row(values: tuple) -> InventoryRow:
    """An ``InventoryRow`` of ``values`` in its fields' order. The frozen dataclass's own __init__
    sets its 32 fields one by one through object.__setattr__: a tenth of the alerts' time for
    5,000 rows; the same instance, made at once."""
    row = object.__new__(InventoryRow)
    row.__dict__.update(zip(_ROW_FIELDS, values))
    return row


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
    if not spans:  # normal days only: the first day short is the (stock ÷ rate + 1)th
        n = stock * den // num + 1
        return today + dt.timedelta(days=n) if n <= horizon_days else None
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

