"""Where bars go on a month calendar: the 6×7 grid of days (weeks start on Monday) and, for
things that run over several days, one segment per week row in the lowest free lane.

Pure date arithmetic, no Qt: the month view paints what this returns, and tests check it
without a window.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

WEEKS = 6
ONE = dt.timedelta(days=1)


@dataclass(frozen=True)
class Span:
    key: Hashable
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class Segment:
    """The part of a span in one week row: columns ``first``…``last`` (0 = Monday), in ``lane``."""

    key: Hashable
    week: int
    first: dt.date
    last: dt.date
    lane: int
    starts_here: bool  # the span begins in this row (else it continues from the row above)
    ends_here: bool

    @property
    def columns(self) -> tuple[int, int]:
        return self.first.weekday(), self.last.weekday()


def grid_start(year: int, month: int) -> dt.date:
    """The Monday on or before the first of the month: the grid's top-left day."""
    first = dt.date(year, month, 1)
    return first - dt.timedelta(days=first.weekday())


def grid_days(year: int, month: int) -> list[dt.date]:
    start = grid_start(year, month)
    return [start + dt.timedelta(days=i) for i in range(WEEKS * 7)]


def shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    y, m = divmod(month - 1 + by, 12)
    return year + y, m + 1


def lay_out(spans: Sequence[Span], start: dt.date, weeks: int = WEEKS) -> list[Segment]:
    """Segments of ``spans`` on the grid starting at ``start``, lanes per week row: earlier and
    then longer spans take the upper lanes, so a long festival keeps its lane row after row."""
    return lay_out_rows(spans, [(start + dt.timedelta(days=7 * w), start + dt.timedelta(days=7 * w + 6))
                                for w in range(weeks)])


def month_rows(year: int) -> list[tuple[dt.date, dt.date]]:
    """The year timeline's rows: each month's first and last day."""
    return [(dt.date(year, m, 1), dt.date(*shift_month(year, m, 1), 1) - ONE) for m in range(1, 13)]


def lay_out_year(spans: Sequence[Span], year: int) -> list[Segment]:
    """Segments of ``spans`` on the year timeline: one row per month (``Segment.week`` is the month
    index 0–11, a segment's columns are its days of the month − 1), lanes per month as above."""
    return lay_out_rows(spans, month_rows(year))


def lay_out_rows(spans: Sequence[Span], rows: Sequence[tuple[dt.date, dt.date]]) -> list[Segment]:
    """Segments of ``spans`` cut at the edges of ``rows`` (consecutive runs of days), each in the
    lowest lane of its row that is free over its days."""
    order = sorted(range(len(spans)), key=lambda i: (spans[i].start, -(spans[i].end - spans[i].start).days, i))
    out: list[Segment] = []
    for row, (r_first, r_last) in enumerate(rows):
        lanes: list[list[tuple[dt.date, dt.date]]] = []
        for i in order:
            span = spans[i]
            if span.end < r_first or span.start > r_last or span.end < span.start:
                continue
            first, last = max(span.start, r_first), min(span.end, r_last)
            lane = next((n for n, used in enumerate(lanes) if all(last < a or first > b for a, b in used)), len(lanes))
            if lane == len(lanes):
                lanes.append([])
            lanes[lane].append((first, last))
            out.append(Segment(span.key, row, first, last, lane, span.start >= r_first, span.end <= r_last))
    return out
