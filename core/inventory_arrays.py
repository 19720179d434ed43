"""The inventory alerts' per-SKU numbers for every SKU at once (``core.inventory.inventory_rows``).

The same numbers as ``core.inventory._row`` computes for one SKU, field by field, made column by
column: the whole-number arithmetic (reorder point, suggested order) and the floats (rate, cover,
turnover) as the same Python expressions over lists, and the promotion walks as one numpy matrix.

**The walks** (stock-out day, the extra units a promotion adds inside lead time + review period):
each set of prepared windows (``core.inventory._Windows``, one per set of promotions, 3,161 on the
benchmark) becomes one row of a matrix of its days from tomorrow: the day's factor × ``SCALE``
(a factor is exact to 4 decimals: ``core.inventory._exact``, so × 10,000 is a whole number), and
its cumulative sum. A SKU runs out on the first day whose cumulative demand, units × that sum (in
1 / (window days × ``SCALE``) units), is more than its stock × window days × ``SCALE``: the same
whole-number comparison as the walk, each side × the same positive number, so the same day. numpy
is imported here only, when the alerts are computed (start-up stays without it).
"""
from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from core.inventory import InventoryParams, InventoryRow, _Windows
    from core.inventory_sales import Sales

SCALE = 10_000  # a factor's 4 decimals: factor × SCALE is a whole number
_INT64_SAFE = 2 ** 62


def array_rows(skus: Sequence[Any], sales: dict[str, Sales], last_sale: dict[str, dt.date], abc: dict[str, str],
               z: float, today: dt.date, params: InventoryParams, windows: Sequence[_Windows],
               low_by: dt.date) -> list[InventoryRow]:
    """``_row`` of each SKU (``skus`` as ``inventory_rows`` reads them, ``windows`` each SKU's)."""
    from core.inventory import OK, STATUS_ORDER, _new_row, _stockout

    if not skus:
        return []
    (codes, titles, specs, categories, suppliers, costs, lead_times, multiples_in, minimums_in, overrides,
     order_qtys, on_hands, in_transits, arrivals) = zip(*skus)
    days = params.window_days
    review = params.review_days
    today_n = today.toordinal()
    no_sales = (0, 0.0, None)
    units, sigmas, cvs = zip(*[sales.get(code, no_sales) for code in codes])
    lasts = list(map(last_sale.get, codes))
    on_hand = [x or 0 for x in on_hands]
    in_transit = [x or 0 for x in in_transits]
    have = [a + b for a, b in zip(on_hand, in_transit)]
    leads = [x if x > 0 else 0 for x in lead_times]
    sqrt = math.sqrt
    ceil = math.ceil
    safety = [o if o is not None else ceil(z * s * sqrt(lead)) for o, s, lead in zip(overrides, sigmas, leads)]
    reorder = [-(-(u * lead + s * days) // days) for u, lead, s in zip(units, leads, safety)]
    # Which SKUs walk promotion windows: those that sold and have some (``_row``: uplifts = flat if units).
    walks = [w if u and w.spans else None for u, w in zip(units, windows)]
    extra, stockout = _walks(walks, units, have, leads, today_n, days, review, params.horizon_days)
    scale = days * SCALE
    base = review * SCALE
    multiples = [m if m > 1 else 1 for m in multiples_in]
    minimums = [m if m and m > 0 else 0 for m in minimums_in]
    suggested = []
    for u, rp, h, e, mult, mini in zip(units, reorder, have, extra, multiples, minimums):
        need = (rp - h) * scale + u * base + u * e
        suggested.append(0 if need <= 0 else -(-max(need, mini * scale) // (scale * mult)) * mult)
    horizon = params.horizon_days
    for i, (u, h, w) in enumerate(zip(units, have, walks)):
        if w is None and stockout[i] is None and u > 0:  # normal days only (or not walked in the matrix)
            if h <= 0:
                stockout[i] = today_n
            else:
                n = h * days // u + 1
                stockout[i] = today_n + n if n <= horizon else None
        elif w is not None and stockout[i] is False:  # too large for the matrix: the exact walk
            found = _stockout(h, u, days, today, horizon, w.spans, w.common)
            stockout[i] = found.toordinal() if found is not None else None
    order_by = [s - lead if s is not None else None for s, lead in zip(stockout, leads)]
    low_n = low_by.toordinal()
    dead_days, slow_days, over = params.dead_no_sale_days, params.slow_no_sale_days, params.overstock_cover_days
    xyz_x, xyz_y = params.xyz_x, params.xyz_y
    flag_sets: dict[int, tuple[tuple[str, ...], str]] = {}
    fromordinal = dt.date.fromordinal
    sources = _sources(walks, stockout, leads, today_n, review)
    rows = []
    for i, code in enumerate(codes):
        u = units[i]
        oh = on_hand[i]
        h = have[i]
        last = lasts[i]
        since = today_n - last.toordinal() if last is not None else None
        dead = oh > 0 and (since is None or since > dead_days)
        ob = order_by[i]
        avg = u / days
        cover = h / avg if u else None
        bits = ((oh <= 0 and (u > 0 or last is not None))
                | (0 < oh < safety[i]) << 1
                | (u > 0 and suggested[i] > 0 and (h <= reorder[i] or (ob is not None and ob <= today_n))) << 2
                | (ob is not None and ob <= low_n) << 3
                | (cover is not None and cover > over) << 4
                | dead << 5
                | (oh > 0 and not dead and since is not None and since > slow_days) << 6)
        flags = flag_sets.get(bits)
        if flags is None:
            found = tuple(s for k, s in enumerate(STATUS_ORDER[:7]) if bits >> k & 1)
            flags = flag_sets[bits] = (found, found[0] if found else OK)
        cost = costs[i]
        cogs = u * cost
        value = oh * cost
        turnover = cogs / value if value > 0 and cost > 0 else None
        cv = cvs[i]
        s = stockout[i]
        rows.append(_new_row((
            code, titles[i], specs[i], categories[i], suppliers[i], oh, in_transit[i], avg, sigmas[i], cover,
            leads[i], int(safety[i]), reorder[i], suggested[i], fromordinal(s) if s is not None else None,
            fromordinal(ob) if ob is not None else None, abc.get(code, "C"),
            "Z" if cv is None or cv > xyz_y else "Y" if cv > xyz_x else "X", last, flags[0], flags[1], value, cogs,
            turnover, days / turnover if turnover else None, cost, multiples[i], minimums[i], overrides[i],
            sources[i], order_qtys[i], arrivals[i])))
    return rows


def _walks(walks: list[_Windows | None], units: Sequence[int], have: list[int], leads: list[int], today_n: int,
           days: int, review: int, horizon: int) -> tuple[list[int], list[Any]]:
    """Per SKU, the extra demand its promotions add inside lead time + review period (in days of
    normal sales × ``SCALE``), and its stock-out day number for a SKU with windows (None: not within
    the horizon; False: its numbers too large for the matrix, to be walked exactly; None for a SKU
    without windows, filled in by the caller)."""
    n = len(walks)
    extra = [0] * n
    stockout: list[Any] = [None] * n
    sets: dict[int, int] = {}
    who: list[int] = []
    for i, w in enumerate(walks):
        if w is not None:
            who.append(i)
            sets.setdefault(id(w), len(sets))
    if not who:
        return extra, stockout
    import numpy as np

    width = max(horizon, max(leads[i] for i in who) + review)
    firsts: list[int] = []
    lasts: list[int] = []
    rows: list[int] = []
    steps: list[int] = []
    seen: set[int] = set()
    for i in who:
        w = walks[i]
        row = sets[id(w)]
        if row in seen:
            continue
        seen.add(row)
        for first, last, num, den in w.spans:  # from tomorrow on, none overlapping
            a, b = first - today_n, min(last - today_n, width)
            if b >= a:
                rows.append(row)
                firsts.append(a)
                lasts.append(b + 1)
                steps.append(num * (SCALE // den) - SCALE)
    top = max(map(abs, steps), default=0) + SCALE
    if top * (width + 1) >= _INT64_SAFE:  # the sums could leave int64: every SKU walked exactly
        for i in who:
            stockout[i] = False
        return extra, stockout
    diff = np.zeros((len(sets), width + 2), dtype=np.int64)
    if rows:
        r = np.array(rows, dtype=np.intp)
        s = np.array(steps, dtype=np.int64)
        np.add.at(diff, (r, np.array(firsts, dtype=np.intp)), s)
        np.add.at(diff, (r, np.array(lasts, dtype=np.intp)), -s)
    factor = np.cumsum(diff[:, :width + 1], axis=1) + SCALE  # column k: day k from today's
    factor[:, 0] = 0
    more = np.maximum(factor - SCALE, 0)
    extra_by_day = np.cumsum(more, axis=1)
    demand = np.cumsum(factor[:, :horizon + 1], axis=1)
    row_of = [sets[id(walks[i])] for i in who]
    reach = [leads[i] + review for i in who]
    for i, e in zip(who, extra_by_day[row_of, reach].tolist()):
        extra[i] = e
    # Stock-out: the first day k whose demand units × demand[k] is more than stock × days × SCALE,
    # that is demand[k] > stock × days × SCALE // units (whole numbers, units > 0).
    walked: list[int] = []
    walked_rows: list[int] = []
    limits: list[int] = []
    for i, row in zip(who, row_of):
        h = have[i]
        if h <= 0:
            stockout[i] = today_n
        elif h * days * SCALE >= _INT64_SAFE:
            stockout[i] = False
        else:
            walked.append(i)
            walked_rows.append(row)
            limits.append(h * days * SCALE // units[i])
    if walked:
        short = demand[walked_rows] > np.array(limits, dtype=np.int64)[:, None]
        for i, h, k in zip(walked, short.any(axis=1).tolist(), short.argmax(axis=1).tolist()):
            stockout[i] = today_n + k if h else None
    return extra, stockout


def _sources(walks: list[_Windows | None], stockout: list[Any], leads: list[int], today_n: int,
             review: int) -> list[str]:
    """``uplift_source`` per SKU: its promotions that move a number, those starting before the
    stock-out or inside the lead time and review period (``_row``); one text per set and count."""
    out = [""] * len(walks)
    firsts: dict[int, tuple[list[int], list[str]]] = {}
    made: dict[tuple[int, int], str] = {}
    for i, w in enumerate(walks):
        if w is None:
            continue
        key = id(w)
        found = firsts.get(key)
        if found is None:
            named = [(u[0], u[3]) for u in w.flat if u[2] != 1]  # flat windows sorted by their first day
            found = firsts[key] = ([d for d, _s in named], [s for _d, s in named])
        s = stockout[i]
        reach = max(s if s else today_n, today_n + leads[i] + review)
        k = bisect_right(found[0], reach)
        text = made.get((key, k))
        if text is None:
            text = made[(key, k)] = "; ".join(dict.fromkeys(s for s in found[1][:k] if s))
        out[i] = text
    return out
