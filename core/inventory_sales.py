"""The inventory alerts' sales figures, read from the orders alone (kept by core.past_orders).

Per SKU: the sales window's units each day with their σ and weekly coefficient of variation, the
window's sales value and ABC class, and the last sale. ``past_order_reads`` reads what is not kept
yet, the sales window here and the rest on a second connection at the same time. None of it depends on stock or on the
SKUs' settings, so ``core.inventory.inventory_rows`` keeps it until the orders change.
"""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Hashable, Mapping
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import String, func, select, type_coerce

from core.models import OrderLine, Sku

if TYPE_CHECKING:
    from core.inventory import InventoryParams
    from core.past_orders import PastOrders


class Sales(NamedTuple):
    """A SKU's sales in the window: units each day, their total, σ of the days and the weekly CV."""

    per_day: list[int]
    units: int
    sigma: float
    cv: float | None


def window_sales(conn: Any, start: dt.date, today: dt.date, window_days: int
                 ) -> tuple[dict[str, Sales], dict[str, int]]:
    """Per SKU that sold, its ``Sales`` from ``start`` to ``today``, and its sales value in fen
    (paid, else unit price × quantity): one pass over the window's lines for both."""
    # Lines carry their order's payment date (NULL unless paid, core.orders.line_facts), so
    # these read the lines alone through ix_order_lines_sales (which holds the amounts too).
    # Each day of the window by its date and by the text SQLite stores it as: the day comes back
    # as stored (type_coerce, no CAST), since turning 25,000 texts into dates took longer than the query.
    position: dict[Any, int] = {}
    for i in range(window_days):
        day = start + dt.timedelta(days=i)
        position[day] = position[day.isoformat()] = i
    daily: dict[str, list[int]] = {}  # per SKU, units sold each day of the window
    value: dict[str, int] = {}
    stored_day = type_coerce(OrderLine.pay_date, String)
    q = (
        select(OrderLine.sku_code, stored_day, func.sum(OrderLine.qty),
               func.sum(func.coalesce(OrderLine.paid_fen, OrderLine.unit_price_fen * OrderLine.qty)))
        .where(OrderLine.pay_date.between(start, today))
        .group_by(OrderLine.sku_code, OrderLine.pay_date)
    )
    for code, day, qty, fen in conn.execute(q).all():
        per_day = daily.get(code)
        if per_day is None:
            per_day = daily[code] = [0] * window_days
            value[code] = 0
        i = position.get(day)
        if i is None:  # stored some other way ("2026-11-20 00:00:00"): as the date it is
            i = position[dt.date.fromisoformat(str(day)[:10])]
        per_day[i] = int(qty or 0)  # lines of unknown quantity count no units
        if fen:
            value[code] += int(fen)
    out = {}
    for code, per_day in daily.items():
        units = sum(per_day)
        out[code] = Sales(per_day, units, pstdev(per_day) if units else 0.0, weekly_cv(per_day) if units else None)
    return out, value


def last_sales(conn: Any, today: dt.date) -> tuple[frozenset[str], dict[str, dt.date]]:
    """The last sale of each active SKU: one index seek per SKU (ix_order_lines_sales starts with
    sku_code, pay_date) rather than MAX over every line of two years. Also the active SKUs it
    looked at: one added since asks again."""
    latest = (select(func.max(OrderLine.pay_date))
              .where(OrderLine.sku_code == Sku.code, OrderLine.pay_date <= today).scalar_subquery())
    rows = conn.execute(select(Sku.code, latest).where(Sku.active.is_(True))).all()
    return frozenset(code for code, _day in rows), {code: day for code, day in rows if day is not None}


def past_order_reads(conn: Any, past: PastOrders, today: dt.date, params: InventoryParams,
                     others: Mapping[Hashable, Callable[[Any], Any]] | None = None) -> None:
    """Read what the alerts need from past orders and is not kept yet (``past``): the sales window
    here, while a second connection reads the last sales and ``others`` (key: read) at the same
    time (core.parallel_reads); each is kept under its key for the computation that asks for it."""
    if past.revision is None:
        return  # nothing is kept: each result is read where it is asked for
    from core.data_revisions import current
    from core.parallel_reads import ParallelReads

    start = today - dt.timedelta(days=params.window_days - 1)
    side = {key: read for key, read in (others or {}).items() if not past.has(key)}
    last_key = ("inventory.last_sale", today)
    if not past.has(last_key):
        side[last_key] = partial(last_sales, today=today)
    with ParallelReads(conn, side, current, past.revision) as reads:
        past.get(("inventory.sales", start, today), lambda: window_sales(conn, start, today, params.window_days))
        for key in side:
            past.get(key, partial(reads.result, key))


def pstdev(values: list[int]) -> float:
    """Population standard deviation of whole numbers, from exact integer sums (statistics.pstdev
    is exact too, but goes through Fractions and was a third of the tab's time on 5,000 SKUs)."""
    n = len(values)
    s1 = sum(values)
    s2 = sum(v * v for v in values)
    return math.sqrt(n * s2 - s1 * s1) / n


def weekly_cv(per_day: list[int]) -> float:
    """Coefficient of variation of the window's sales by week (7-day blocks counted back from
    today), by day when the window is shorter than two weeks. Daily sales of a small shop's SKU
    are mostly 0s and 1s, whose daily CV would call every SKU erratic."""
    if len(per_day) >= 14:
        tail = per_day[len(per_day) % 7:]
        buckets = [sum(tail[i:i + 7]) for i in range(0, len(tail), 7)]
    else:
        buckets = per_day
    mean = sum(buckets) / len(buckets)
    return pstdev(buckets) / mean if mean else math.inf


def abc_classes(sales_value: dict[str, int], params: InventoryParams) -> dict[str, str]:
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
