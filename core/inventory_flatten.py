"""Overlapping promotion windows as windows that do not overlap (``core.inventory.flatten_uplifts``)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.inventory import Uplift


def flatten_uplifts(uplifts: Sequence[Uplift]) -> list[Uplift]:
    """Overlapping windows (two promotions on the same days) as windows that do not overlap, each
    day taking the larger factor: demand is raised once, by the bigger of the two."""
    return list(_flatten(tuple(sorted(uplifts, key=lambda u: (u.start, u.end)))))


def _flatten(ordered: tuple[Uplift, ...]) -> tuple[Uplift, ...]:
    if all(b.start > a.end for a, b in zip(ordered, ordered[1:])):
        return ordered  # the usual case: no two promotions share a day
    from core.inventory import Uplift

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
