"""The year timeline's rows (one per month) and where promotion bars go on them."""
from __future__ import annotations

import datetime as dt

from core.calendar_layout import Span, lay_out_year, month_rows

D = dt.date


def test_twelve_rows_one_per_month_with_their_own_lengths():
    rows = month_rows(2028)
    assert len(rows) == 12 and rows[0] == (D(2028, 1, 1), D(2028, 1, 31))
    assert rows[1] == (D(2028, 2, 1), D(2028, 2, 29))  # a leap year
    assert month_rows(2027)[1][1] == D(2027, 2, 28) and rows[11] == (D(2028, 12, 1), D(2028, 12, 31))


def test_a_span_over_the_new_year_and_three_months_is_cut_per_month_and_overlaps_stack():
    spans = [Span("nianhuo", D(2026, 12, 20), D(2027, 2, 10)), Span("member", D(2027, 1, 18), D(2027, 1, 18)),
             Span("d618", D(2027, 5, 20), D(2027, 6, 18)), Span("a", D(2027, 6, 1), D(2027, 6, 3)),
             Span("b", D(2027, 6, 3), D(2027, 6, 5)), Span("next", D(2027, 12, 28), D(2028, 1, 5))]
    segs = [(s.key, s.week, s.first, s.last, s.lane, s.starts_here, s.ends_here) for s in lay_out_year(spans, 2027)]
    assert [s for s in segs if s[0] == "nianhuo"] == [
        ("nianhuo", 0, D(2027, 1, 1), D(2027, 1, 31), 0, False, False),
        ("nianhuo", 1, D(2027, 2, 1), D(2027, 2, 10), 0, False, True)]
    assert [s for s in segs if s[0] == "member"] == [("member", 0, D(2027, 1, 18), D(2027, 1, 18), 1, True, True)]
    # June: 618 keeps lane 0, a under it, b overlaps a on the 3rd so it goes one lower
    assert [(k, lane) for k, week, *_x, lane, _s, _e in segs if week == 5] == [("d618", 0), ("a", 1), ("b", 2)]
    assert [s for s in segs if s[0] == "next"] == [("next", 11, D(2027, 12, 28), D(2027, 12, 31), 0, True, False)]
