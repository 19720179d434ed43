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
whole-number comparison as the walk, each side × the same positive number, so the same day; found
by one binary search over every set's rising sums. Sums that could leave int64 (checked) fall back to
the exact walk. numpy is imported inside the function, when the alerts are computed (start-up stays
without it, tests/ui/test_startup_imports.py).
"""
from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_right
from itertools import chain
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from core.inventory_windows import DayFactors, day_factors, named_sources

if TYPE_CHECKING:
    from core.inventory import InventoryParams, InventoryRow, _Windows
    from core.inventory_sales import Sales

SCALE = 10_000  # a factor's 4 decimals: factor × SCALE is a whole number
_INT64_SAFE = 2 ** 62


def array_rows(skus: Sequence[Any], sales: dict[str, Sales], last_sale: dict[str, dt.date], abc: dict[str, str],
               z: float, today: dt.date, params: InventoryParams, windows: Sequence[_Windows],
               low_by: dt.date, statuses: Sequence[str], new_row: Callable[[tuple], InventoryRow],
               walk: Callable[..., dt.date | None], sets: UpliftSets | None = None) -> list[InventoryRow]:
    """``_row`` of each SKU (``skus`` as ``inventory_rows`` reads them, ``windows`` each SKU's), with
    core.inventory's ``STATUS_ORDER``, ``_new_row`` and ``_stockout`` (given: this module is below it).
    With ``sets`` (each SKU's set of uplift windows, not prepared: ``windows`` may be None) the sets'
    days come from one matrix (core.inventory_windows), else from the prepared windows."""
    ok = statuses[-1]
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
    days_of = _day_factors(sets, units, leads, today, review, params.horizon_days) if sets is not None else None
    if days_of is None and windows is None:
        windows = [sets.prepare(r) for r in sets.set_of]  # type: ignore[union-attr]
    if days_of is not None:
        walks: list[Any] = [r if u and days_of.live[r] else None for u, r in zip(units, sets.set_of)]  # type: ignore[union-attr]
        extra, stockout = _walks_days(days_of.factor, walks, units, have, leads, today_n, days, review,
                                      params.horizon_days)
    else:
        # Which SKUs walk promotion windows: those that sold and have some (``_row``: uplifts = flat if units).
        walks = [w if u and w.spans else None for u, w in zip(units, windows)]  # type: ignore[arg-type]
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
            if days_of is not None:
                w = sets.prepare(w)  # type: ignore[union-attr]
            found = walk(h, u, days, today, horizon, w.spans, w.common)
            stockout[i] = found.toordinal() if found is not None else None
    order_by = [s - lead if s is not None else None for s, lead in zip(stockout, leads)]
    low_n = low_by.toordinal()
    dead_days, slow_days, over = params.dead_no_sale_days, params.slow_no_sale_days, params.overstock_cover_days
    xyz_x, xyz_y = params.xyz_x, params.xyz_y
    fromordinal = dt.date.fromordinal
    if days_of is not None:
        sources = [""] * len(walks)
        named = [i for i, r in enumerate(walks) if r is not None]
        reach = [max(stockout[i] - today_n if stockout[i] else 0, leads[i] + review) for i in named]
        for i, text in zip(named, named_sources(days_of, [walks[i] for i in named], reach)):
            sources[i] = text
    else:
        sources = _sources(walks, stockout, leads, today_n, review)
    # Column by column (comprehensions over zipped columns, then one row per SKU at the end).
    since = [today_n - last.toordinal() if last is not None else None for last in lasts]
    dead = [oh > 0 and (n is None or n > dead_days) for oh, n in zip(on_hand, since)]
    avg = [u / days for u in units]
    cover = [h / a if u else None for h, a, u in zip(have, avg, units)]
    bits = [(oh <= 0 and (u > 0 or last is not None))
            | (0 < oh < sf) << 1
            | (u > 0 and sg > 0 and (h <= rp or (ob is not None and ob <= today_n))) << 2
            | (ob is not None and ob <= low_n) << 3
            | (c is not None and c > over) << 4
            | d << 5
            | (oh > 0 and not d and n is not None and n > slow_days) << 6
            for oh, u, last, sf, sg, h, rp, ob, c, d, n
            in zip(on_hand, units, lasts, safety, suggested, have, reorder, order_by, cover, dead, since)]
    flag_sets: dict[int, tuple[tuple[str, ...], str]] = {}
    for b in set(bits):
        found = tuple(s for k, s in enumerate(statuses[:7]) if b >> k & 1)
        flag_sets[b] = (found, found[0] if found else ok)
    flags = [flag_sets[b] for b in bits]
    cogs = [u * c for u, c in zip(units, costs)]
    value = [oh * c for oh, c in zip(on_hand, costs)]
    turnover = [g / v if v > 0 and c > 0 else None for g, v, c in zip(cogs, value, costs)]
    rows = list(map(new_row, zip(
        codes, titles, specs, categories, suppliers, on_hand, in_transit, avg, sigmas, cover, leads,
        [int(x) for x in safety], reorder, suggested, [fromordinal(x) if x is not None else None for x in stockout],
        [fromordinal(x) if x is not None else None for x in order_by], [abc.get(code, "C") for code in codes],
        ["Z" if cv is None or cv > xyz_y else "Y" if cv > xyz_x else "X" for cv in cvs], lasts,
        [f[0] for f in flags], [f[1] for f in flags], value, cogs, turnover,
        [days / t if t else None for t in turnover], costs, multiples, minimums, overrides, sources, order_qtys,
        arrivals)))
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

    width = _width(who, leads, review, horizon)
    order: list[_Windows] = [None] * len(sets)  # type: ignore[list-item]
    for i in who:
        order[sets[id(walks[i])]] = walks[i]  # type: ignore[call-overload]
    # Every set's spans in one array (first day, last day, numerator, denominator), from tomorrow on,
    # none overlapping within a set; the row of each is its set's.
    counts = [len(w.spans) for w in order]
    try:
        flat = np.fromiter(chain.from_iterable(chain.from_iterable(w.spans for w in order)), dtype=np.int64,
                           count=4 * sum(counts)).reshape(-1, 4)
    except OverflowError:  # a factor beyond int64: every SKU walked exactly
        for i in who:
            stockout[i] = False
        return extra, stockout
    rows = np.repeat(np.arange(len(order), dtype=np.intp), counts)
    firsts = flat[:, 0] - today_n
    lasts = np.minimum(flat[:, 1] - today_n, width)
    steps = flat[:, 2] * (SCALE // flat[:, 3]) - SCALE
    keep = lasts >= firsts
    rows, firsts, lasts, steps = rows[keep], firsts[keep], lasts[keep] + 1, steps[keep]
    top = int(np.abs(steps).max(initial=0)) + SCALE
    if top * (width + 1) >= _INT64_SAFE or int(flat[:, 2].max(initial=0)) >= _INT64_SAFE // SCALE:
        for i in who:  # the sums could leave int64: every SKU walked exactly
            stockout[i] = False
        return extra, stockout
    if int(steps.min(initial=0)) < -SCALE:  # a factor below 0: the demand would fall, walked exactly
        for i in who:
            stockout[i] = False
        return extra, stockout
    diff = np.zeros((len(order), width + 2), dtype=np.int64)
    np.add.at(diff, (rows, firsts), steps)
    np.add.at(diff, (rows, lasts), -steps)
    factor = np.cumsum(diff[:, :width + 1], axis=1)
    factor += SCALE  # column k: day k from today's
    factor[:, 0] = 0
    return _walk_matrix(factor, who, [sets[id(walks[i])] for i in who], units, have, leads, today_n, days, review,
                        horizon, extra, stockout)


def _width(who: Sequence[int], leads: Sequence[int], review: int, horizon: int) -> int:
    """The days from today the walks look at: the horizon, or further for a lead time + review period beyond it."""
    return max(horizon, max(leads[i] for i in who) + review)


def _walks_days(factor: Any, walks: list[int | None], units: Sequence[int], have: list[int], leads: list[int],
                today_n: int, days: int, review: int, horizon: int) -> tuple[list[int], list[Any]]:
    """``_walks`` with each SKU's set as its row of ``factor`` (core.inventory_windows.day_factors)."""
    n = len(walks)
    who = [i for i, r in enumerate(walks) if r is not None]
    if not who:
        return [0] * n, [None] * n
    return _walk_matrix(factor, who, [walks[i] for i in who], units, have, leads, today_n, days, review, horizon,
                        [0] * n, [None] * n)


def _walk_matrix(factor: Any, who: list[int], row_of: list[Any], units: Sequence[int], have: list[int],
                 leads: list[int], today_n: int, days: int, review: int, horizon: int, extra: list[int],
                 stockout: list[Any]) -> tuple[list[int], list[Any]]:
    """The walks of the SKUs ``who`` (each on its row ``row_of`` of ``factor``: sets × days from today,
    each day's factor × ``SCALE``, column 0 = 0), filling in ``extra`` and ``stockout`` (``_walks``)."""
    import numpy as np

    n_rows = factor.shape[0]
    reach = [leads[i] + review for i in who]
    extra_by_day = np.cumsum(np.maximum(factor[:, :max(reach) + 1] - SCALE, 0), axis=1, dtype=np.int64)
    for i, e in zip(who, extra_by_day[row_of, reach].tolist()):
        extra[i] = e
    # Stock-out: the first day k whose demand units × demand[k] is more than stock × days × SCALE,
    # that is demand[k] > stock × days × SCALE // units (whole numbers, units > 0). Each set's demand
    # rises day by day: all of them as one sorted array (set r's days + r × ``span``), one binary search each.
    demand = np.cumsum(factor[:, :horizon + 1], axis=1, dtype=np.int64)
    span = int(demand[:, -1].max(initial=0)) + 1
    walked: list[int] = []
    walked_rows: list[int] = []
    limits: list[int] = []
    for i, row in zip(who, row_of):
        h = have[i]
        if h <= 0:
            stockout[i] = today_n
        else:  # a limit beyond every demand stays beyond it
            walked.append(i)
            walked_rows.append(row)
            limits.append(min(h * days * SCALE // units[i], span - 1))
    if walked:
        if span * n_rows >= _INT64_SAFE:
            for i in walked:
                stockout[i] = False
            return extra, stockout
        offsets = np.arange(n_rows, dtype=np.int64) * span
        at = np.array(walked_rows, dtype=np.intp)
        found = np.searchsorted((demand + offsets[:, None]).ravel(),
                                np.array(limits, dtype=np.int64) + offsets[at], side="right") - at * (horizon + 1)
        for i, k in zip(walked, found.tolist()):
            stockout[i] = today_n + k if k <= horizon else None
    return extra, stockout


class UpliftSets(NamedTuple):
    """The SKUs' uplift windows not prepared yet: the distinct sets, each SKU's set, ``prepare(set index)``
    (core.inventory._prepare, for the sweep) and ``kept``, where the sets' day factors are kept by
    today and width (the tab's reload after a stock edit computes them again only when those change)."""

    sets: Sequence[Sequence[Any]]
    set_of: list[int]
    prepare: Callable[[int], Any]
    kept: dict


def uplift_sets(codes: Sequence[str], uplifts: Any, prepare: Callable[[Any], Any], kept: dict) -> UpliftSets:
    """``UpliftSets`` of the SKUs ``codes``: their windows in ``uplifts`` (by SKU code; SKUs raised by
    the same promotions share one list), each distinct set once; ``prepare(set)``: core.inventory._prepare."""
    index: dict[int, int] = {}
    sets: list[Any] = []
    set_of = []
    for code in codes:
        ups = uplifts.get(code) or ()
        r = index.get(id(ups))
        if r is None:
            r = index[id(ups)] = len(sets)
            sets.append(ups)
        set_of.append(r)
    return UpliftSets(sets, set_of, lambda r: prepare(sets[r]), kept)


def _day_factors(sets: UpliftSets, units: Sequence[int], leads: list[int], today: dt.date, review: int,
                 horizon: int) -> DayFactors | None:
    who = [i for i, (u, r) in enumerate(zip(units, sets.set_of)) if u and sets.sets[r]]
    if not who:
        return None
    width = _width(who, leads, review, horizon)
    key = (today, width, tuple(map(id, sets.sets)))
    if key not in sets.kept:
        sets.kept.clear()  # one matrix kept (a few MB), the latest
        sets.kept[key] = day_factors(sets.sets, today, width)
    return sets.kept[key]


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
