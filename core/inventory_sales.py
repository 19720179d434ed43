"""The inventory alerts' sales figures, read from the orders alone (kept by core.past_orders).

Per SKU: the sales window's units each day with their σ and weekly coefficient of variation, the
window's sales value and ABC class, and the last sale. ``past_order_reads`` reads what is not kept
yet, the sales window here and the rest on a second connection at the same time. None of it depends on stock or on the
SKUs' settings, so ``core.inventory.inventory_rows`` keeps it until the orders change.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterator, Mapping
from contextlib import contextmanager
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import String, case, func, select, type_coerce

from core.models import OrderLine, Sku
from core.parallel_reads import rows_at_once

if TYPE_CHECKING:
    from core.inventory import InventoryParams
    from core.past_orders import PastOrders


HERE_SHARE = 3  # past_order_reads: 1 in this many of the others' reads runs on the caller's connection


class Sales(NamedTuple):
    """A SKU's sales in the window: units, σ of the days' units and the weekly CV (None without units)."""

    units: int
    sigma: float
    cv: float | None


MAX_WEEKS = 8  # window_sales: up to this many weeks summed by the database, a longer window day by day


def window_sales(conn: Any, start: dt.date, today: dt.date, window_days: int
                 ) -> tuple[dict[str, Sales], dict[str, int]]:
    """Per SKU that sold, its ``Sales`` from ``start`` to ``today``, and its sales value in fen
    (paid, else unit price × quantity): one pass over the window's lines for both. The database
    sums each SKU's days and weeks (one row per SKU: 5,000 rows, not 25,000 of SKU and day), up to
    ``MAX_WEEKS`` weeks; the same whole numbers, so the same σ and CV (``day_statistics``)."""
    if window_days < 14 or window_days // 7 <= MAX_WEEKS:
        return _window_sums(conn, start, today, window_days)
    return _window_days(conn, start, today, window_days)


def _window_sums(conn: Any, start: dt.date, today: dt.date, window_days: int
                 ) -> tuple[dict[str, Sales], dict[str, int]]:
    """``window_sales`` from per-SKU sums: units, the days' squares, value, and (a window of two weeks
    or more) each week's units, the weeks counted back from today as ``day_statistics`` counts them."""
    line_value = func.coalesce(OrderLine.paid_fen, OrderLine.unit_price_fen * OrderLine.qty)
    daily = (select(OrderLine.sku_code.label("sku"), OrderLine.pay_date.label("day"),
                    func.sum(OrderLine.qty).label("q"), func.sum(line_value).label("v"))
             .where(OrderLine.pay_date.between(start, today))
             .group_by(OrderLine.sku_code, OrderLine.pay_date).subquery())
    weeks = []
    if window_days >= 14:
        first = start + dt.timedelta(days=window_days % 7)
        bounds = [first + dt.timedelta(days=7 * k) for k in range(window_days // 7 + 1)]
        # A day from its week's first day, before the next one's (>=, <: SQLite's text of a date and time too).
        weeks = [func.sum(case(((daily.c.day >= a) & (daily.c.day < b), daily.c.q), else_=0))
                 for a, b in zip(bounds, bounds[1:])]
    rows = plain_rows(conn, select(daily.c.sku, func.sum(daily.c.q), func.sum(daily.c.q * daily.c.q),
                                   func.sum(daily.c.v), *weeks).group_by(daily.c.sku))
    if not rows:
        return {}, {}
    import numpy as np

    codes, *sums = zip(*rows)
    # Whole numbers (PostgreSQL's sums of bigint are Decimals; a SKU without known quantities: None).
    total, squares, value, *by_week = [column if None not in column and set(map(type, column)) == {int} else
                                       tuple(0 if v is None else int(v) for v in column) for column in sums]
    units = np.array(total, dtype=np.int64)
    n = window_days
    sigma = np.sqrt((n * np.array(squares, dtype=np.int64) - units * units).astype(np.float64)) / n
    with np.errstate(divide="ignore", invalid="ignore"):
        if by_week:
            week_units = np.array(by_week, dtype=np.int64).T
            week_total = week_units.sum(axis=1)
            mean = week_total / week_units.shape[1]
            cv = np.where(mean != 0, _pstdev(week_units, week_total) / mean, np.inf)
        else:  # by day: the days' σ
            mean = units / n
            cv = np.where(mean != 0, sigma / mean, np.inf)
    sold = units != 0
    cvs: list[float | None] = cv.tolist()
    stats = zip(units.tolist(), np.where(sold, sigma, 0.0).tolist(),
                [c if s else None for c, s in zip(cvs, sold.tolist())])
    return dict(zip(codes, map(Sales._make, stats))), dict(zip(codes, value))


def _window_days(conn: Any, start: dt.date, today: dt.date, window_days: int
                 ) -> tuple[dict[str, Sales], dict[str, int]]:
    """``window_sales`` from the window's (SKU, day) rows: a window of more than ``MAX_WEEKS`` weeks."""
    # Lines carry their order's payment date (NULL unless paid, core.orders.line_facts), so
    # these read the lines alone through ix_order_lines_sales (which holds the amounts too).
    # Each day of the window by its date and by the text SQLite stores it as: the day comes back
    # as stored (type_coerce, no CAST), since turning 25,000 texts into dates took longer than the query.
    position: dict[Any, int] = {}
    for i in range(window_days):
        day = start + dt.timedelta(days=i)
        position[day] = position[day.isoformat()] = i
    stored_day = type_coerce(OrderLine.pay_date, String)
    q = (
        select(OrderLine.sku_code, stored_day, func.sum(OrderLine.qty),
               func.sum(func.coalesce(OrderLine.paid_fen, OrderLine.unit_price_fen * OrderLine.qty)))
        .where(OrderLine.pay_date.between(start, today))
        .group_by(OrderLine.sku_code, OrderLine.pay_date)
    )
    rows = plain_rows(conn, q)
    if not rows:
        return {}, {}
    codes, days, qtys, fens = zip(*rows)
    index = dict.fromkeys(codes)  # each SKU once, in the order first met
    for i, code in enumerate(index):
        index[code] = i
    sku = list(map(index.__getitem__, codes))
    at = list(map(position.get, days))
    if None in at:  # stored some other way ("2026-11-20 00:00:00"): as the date it is
        at = [position[dt.date.fromisoformat(str(day)[:10])] if i is None else i for i, day in zip(at, days)]
    # Lines of unknown quantity count no units.
    units = list(qtys) if None not in qtys and set(map(type, qtys)) == {int} else \
        [0 if qty is None else int(qty) for qty in qtys]
    stats = day_statistics(sku, at, units, len(index), window_days)
    return dict(zip(index, map(Sales._make, stats))), _sales_value(index, sku, fens)


def _sales_value(index: dict[str, int], sku: list[int], fens: tuple) -> dict[str, int]:
    """Per SKU of ``index``, the sum of its ``fens`` (None counts 0), as whole numbers: summed in int64
    when the driver gave ints small enough (checked), else one by one."""
    if set(map(type, fens)) == {int} and max(map(abs, fens)) * len(fens) < 2 ** 62:
        import numpy as np

        sums = np.zeros(len(index), dtype=np.int64)
        np.add.at(sums, np.array(sku, dtype=np.intp), np.array(fens, dtype=np.int64))
        return dict(zip(index, sums.tolist()))
    codes = list(index)
    value = dict.fromkeys(index, 0)
    for i, fen in zip(sku, fens):
        if fen:
            value[codes[i]] += int(fen)
    return value


def plain_rows(conn: Any, query: Any) -> list[tuple]:
    """``query``'s rows as the driver gives them: ints, texts (and dates on PostgreSQL) need none
    of SQLAlchemy's result processing, which took longer than the query itself on 25,000 rows."""
    result = conn.execute(query)
    try:
        return result.cursor.fetchall()
    finally:
        result.close()


def day_statistics(sku: list[int], day: list[int], units: list[int], n_skus: int, window_days: int
                   ) -> list[tuple[int, float, float | None]]:
    """Per SKU (0 … n_skus − 1), from its units sold on days of the window (``sku[i]`` sold
    ``units[i]`` on day ``day[i]``; each pair once): its units, the population standard deviation of
    the days and the coefficient of variation of the window's sales by week (7-day blocks counted
    back from today; by day when the window is shorter than two weeks: daily sales of a small shop's
    SKU are mostly 0s and 1s, whose daily CV would call every SKU erratic); σ 0 and no CV without units.

    One matrix of SKUs × days (numpy), the sums in whole numbers: σ = √(n·Σx² − (Σx)²) ÷ n exactly as
    the float of the exact integer, as before."""
    import numpy as np

    daily = np.zeros((n_skus, window_days), dtype=np.int64)
    daily[np.array(sku, dtype=np.intp), np.array(day, dtype=np.intp)] = units
    total = daily.sum(axis=1)
    sigma = _pstdev(daily, total)
    if window_days >= 14:
        weeks = daily[:, window_days % 7:].reshape(n_skus, -1, 7).sum(axis=2)
        week_total = weeks.sum(axis=1)
    else:
        weeks, week_total = daily, total
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = week_total / weeks.shape[1]
        cv = np.where(mean != 0, _pstdev(weeks, week_total) / mean, np.inf)
    sold = total != 0
    sigma = np.where(sold, sigma, 0.0)
    cvs: list[float | None] = cv.tolist()
    return list(zip(total.tolist(), sigma.tolist(),
                    [c if s else None for c, s in zip(cvs, sold.tolist())]))


def _pstdev(matrix: Any, total: Any) -> Any:
    """Per row, the population standard deviation of its whole numbers (its sum given)."""
    import numpy as np

    n = matrix.shape[1]
    spread = n * (matrix * matrix).sum(axis=1) - total * total  # exact: whole numbers
    return np.sqrt(spread.astype(np.float64)) / n


def last_sales(conn: Any, today: dt.date) -> tuple[frozenset[str], dict[str, dt.date]]:
    """The last sale of each active SKU: one index seek per SKU (ix_order_lines_sales starts with
    sku_code, pay_date) rather than MAX over every line of two years. Also the active SKUs it
    looked at: one added since asks again."""
    latest = (select(func.max(OrderLine.pay_date))
              .where(OrderLine.sku_code == Sku.code, OrderLine.pay_date <= today).scalar_subquery())
    # Read on a worker thread: the rows at once (core.parallel_reads).
    rows = rows_at_once(conn, select(Sku.code, latest).where(Sku.active.is_(True)), (str, _day))
    return frozenset(code for code, _day in rows), {code: day for code, day in rows if day is not None}


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text[:10])


@contextmanager
def past_order_reads(conn: Any, past: PastOrders, today: dt.date, params: InventoryParams,
                     others: Mapping[Hashable, Callable[[Any], Any]] | None = None) -> Iterator[None]:
    """Read what the alerts need from past orders and is not kept yet (``past``): the sales window
    (and the last of more than three ``others``) here, while a second connection reads ``others``
    (key: read, in the order they will be asked for), then the last sales, at the same time
    (core.parallel_reads). Inside the block ``past.get``
    of one of those waits for that read only; each is kept under its key."""
    if past.revision is None:
        yield  # nothing is kept: each result is read where it is asked for
        return
    from core.data_revisions import current
    from core.parallel_reads import ParallelReads

    start = today - dt.timedelta(days=params.window_days - 1)
    side = {key: read for key, read in (others or {}).items() if not past.has(key)}
    last_key = ("inventory.last_sale", today)
    here: dict[Hashable, Callable[[Any], Any]] = {}
    # The last of many here (the window costs about two of them, measured): a third of them, so that the
    # worker's reads end about when the caller, done with its own, needs them (more than three of them).
    for key in list(side)[len(side) - min(len(side) // HERE_SHARE, max(len(side) - 3, 0)):]:
        here[key] = side.pop(key)
    if not past.has(last_key):  # asked for last, after the promotions' uplifts
        side[last_key] = partial(last_sales, today=today)
    with ParallelReads(conn, side, current, past.revision) as reads:
        past.waiting = {key: partial(reads.result, key) for key in side}
        try:
            past.get(("inventory.sales", start, today), lambda: window_sales(conn, start, today, params.window_days))
            for key, read in here.items():
                past.get(key, partial(read, conn))
            yield
            for key in side:  # those not asked for inside the block
                past.get(key, partial(reads.result, key))
        finally:
            past.waiting = {}


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
