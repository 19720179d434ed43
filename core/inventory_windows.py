"""Every set of promotion windows at once, day by day (the column-by-column rows, core.inventory_arrays).

``core.inventory._prepare`` flattens one set of uplift windows (a SKU's; SKUs raised by the same
promotions share one) in Python: its windows' overlaps swept, each stretch the larger factor. A shop
of 5,000 SKUs has thousands of sets (3,161 on the benchmark: own ratios and channel shares make
most of them differ). ``day_factors`` does all of them in a few numpy operations instead: a matrix
of sets × days from today, each day the factor × ``SCALE`` of the window on top (the larger factor;
of two equal ones the first by start, end and place in the set, as the sweep takes it), and which
window is on top, for the sources the rows name. The same numbers and the same texts as the sweep
(tests/core/test_inventory_arrays.py compares both); a set the matrix cannot hold exactly returns
None and the caller takes the sweep.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from fractions import Fraction
from itertools import chain
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from core.inventory import Uplift

SCALE = 10_000  # a factor's 4 decimals (core.inventory._exact): factor × SCALE is a whole number
_INT64_SAFE = 2 ** 62


class DayFactors(NamedTuple):
    factor: Any  # int32 or int64 matrix: sets × (width + 1); column k is day today + k (column 0: 0)
    live: list[bool]  # per set: a window not ended by today (else the set raises nothing)
    events: tuple[Any, Any, Any]  # (set, day, source index) where a source first names a day, in that order
    sources: list[str]  # the source texts by index


def day_factors(sets: Sequence[Sequence[Uplift]], today: dt.date, width: int) -> DayFactors | None:
    """For each of ``sets``: its days' factors from today to ``width`` days on, the larger where
    windows overlap, 1 (× ``SCALE``) where none runs; and the first day each source text is on top
    of a day (a factor other than 1, a text not empty: ``_row``'s sources). None when the sweep must
    do it: a window not ended by today started by today (named from before tomorrow), a factor not
    finite or below 0, or sums that could leave int64."""
    import numpy as np

    n_sets = len(sets)
    counts = list(map(len, sets))
    flat: list[Uplift] = list(chain.from_iterable(sets))
    today_n = today.toordinal()
    # Each distinct window once (the sets share their windows' objects): its days, factor and source.
    ids = np.fromiter(map(id, flat), dtype=np.int64, count=len(flat))
    distinct, first_at, which = np.unique(ids, return_index=True, return_inverse=True)
    windows = [flat[i] for i in first_at.tolist()]
    starts = np.array([u.start.toordinal() - today_n for u in windows], dtype=np.int64)
    ends = np.array([u.end.toordinal() - today_n for u in windows], dtype=np.int64)
    floats = [u.factor for u in windows]
    factors = np.array(floats, dtype=np.float64)
    if len(windows) and not np.isfinite(factors).all():
        return None
    alive = ends > 0
    if bool((starts[alive] <= 0).any()):
        return None
    made: dict[float, int] = {}
    scaled_list = []
    for f in floats:
        found = made.get(f)
        if found is None:
            found = made[f] = _scaled(f)
            if found < 0 or found >= _INT64_SAFE // SCALE:
                return None
        scaled_list.append(found)
    scaled = np.array(scaled_list, dtype=np.int64)
    if int(scaled.max(initial=0)) * (width + 1) >= _INT64_SAFE:
        return None
    source_index: dict[str, int] = {}
    # -1: not named (a factor of exactly 1, or no text), as _row leaves them out.
    named = np.array([source_index.setdefault(u.source, len(source_index)) if u.source and f != 1 else -1
                      for u, f in zip(windows, floats)], dtype=np.int64)
    # The (set, window) pairs of windows not ended, with the day each begins and ends inside the matrix.
    row = np.repeat(np.arange(n_sets, dtype=np.int64), counts)
    w = which.astype(np.int64)
    keep = alive[w]
    row, w = row[keep], w[keep]
    place = np.arange(len(flat), dtype=np.int64)[keep]  # the window's place in its set (ties: the first wins)
    live = np.zeros(n_sets, dtype=bool)
    live[row] = True
    cols = width + 1
    first, last = starts[w], np.minimum(ends[w], width)
    # On top of a day: the larger factor (as floats, as the sweep compares), then the earlier
    # (start, end, place). A rank per pair; each day keeps the largest rank of the pairs running.
    by_days = np.lexsort((place, ends[w], starts[w], row))
    position = np.empty(len(row), dtype=np.int64)
    position[by_days] = np.arange(len(row), dtype=np.int64)
    by_rank = np.lexsort((-position, factors[w]))
    inside = last >= first
    lengths = np.where(inside, last - first + 1, 0)
    total = int(lengths.sum())
    # Half the memory when the factors allow (a fresh 10 MB matrix costs its pages): the walks sum in int64.
    small = int(scaled.max(initial=0)) < 2 ** 31 - 1
    factor = np.full(n_sets * cols, SCALE, dtype=np.int32 if small else np.int64)
    factor[::cols] = 0  # today
    if not total:  # no window runs inside the matrix: normal days only
        none = np.zeros(0, dtype=np.int64)
        return DayFactors(factor.reshape(n_sets, cols), live.tolist(), (none, none, none), list(source_index))
    rank = np.empty(len(row), dtype=np.int64)
    rank[by_rank] = np.arange(len(row), dtype=np.int64)
    begin = row * cols + first
    offsets = np.cumsum(lengths) - lengths
    cells = np.repeat(begin - offsets, lengths) + np.arange(total, dtype=np.int64)
    top = np.full(n_sets * cols, -1, dtype=np.int32)  # fewer pairs than 2³¹
    np.maximum.at(top, cells, np.repeat(rank.astype(np.int32), lengths))
    # Only the days some window runs on (in order: set by set, day by day; never today).
    days_on = np.flatnonzero(top >= 0)
    pair = by_rank[top[days_on]]  # the pair on top of each of those days
    factor[days_on] = scaled[w][pair]
    # Sources: the first day each text is on top, per set, in the order of days.
    text = named[w][pair]
    before = np.full(len(days_on), -1, dtype=np.int64)  # the day before's text (-1: none runs then)
    follows = days_on[1:] == days_on[:-1] + 1
    before[1:][follows] = text[:-1][follows]
    at = np.flatnonzero((text != before) & (text >= 0))
    cells_at, texts_at = days_on[at], text[at]
    sets_at, days_at = cells_at // cols, cells_at % cols
    n_texts = max(len(source_index), 1)
    _, firsts = np.unique(sets_at * n_texts + texts_at, return_index=True)
    firsts.sort()
    return DayFactors(factor.reshape(n_sets, cols), live.tolist(), (sets_at[firsts], days_at[firsts], texts_at[firsts]),
                      list(source_index))


def _scaled(factor: float) -> int:
    """``core.inventory._exact(factor)`` × ``SCALE``, a whole number: read from the 4 decimals' text
    itself (making 2,000 Fractions took a third of the matrix's time)."""
    text = str(round(factor, 4))
    whole, dot, decimals = text.partition(".")
    if "e" in text or "n" in text or len(decimals) > 4:  # 1e+16, inf, nan: as the Fraction says (_exact's)
        exact = Fraction(text)
        return exact.numerator * (SCALE // exact.denominator)
    return int(whole + decimals) * 10 ** (4 - len(decimals)) if dot else int(whole) * SCALE


def named_sources(days: DayFactors, set_of: Sequence[int], reach: Sequence[int]) -> list[str]:
    """Per SKU (its set, the last day from today its promotions are named to): its sources' texts,
    in the order they first name a day, each once, joined by "; " (``_row``'s ``uplift_source``)."""
    import numpy as np

    ev_sets, ev_days, ev_texts = days.events
    if not len(set_of):
        return []
    cols = days.factor.shape[1] + 1
    keys = ev_sets * cols + ev_days
    at = np.asarray(set_of, dtype=np.int64)
    begin = np.searchsorted(keys, at * cols, side="left").tolist()
    end = np.searchsorted(keys, at * cols + np.asarray(reach, dtype=np.int64), side="right").tolist()
    names = days.sources
    texts = ev_texts.tolist()
    made: dict[tuple[int, int], str] = {}
    out = []
    for b, e in zip(begin, end):
        found = made.get((b, e))
        if found is None:
            found = made[(b, e)] = "; ".join([names[k] for k in texts[b:e]])  # each text once already
        out.append(found)
    return out
