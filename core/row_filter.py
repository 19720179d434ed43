"""Data rows of a table cut down to the columns an import maps, blank and repeated header rows left out.

Used in the app for text files and in the workbook reader's worker process
(core.workbook_process) for workbooks, so that only the mapped cells of each row cross the
process boundary (a Taobao 订单报表 has 41 columns; an import reads about a third of them).
Only the standard library is imported here: the worker must start fast.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from operator import itemgetter

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00a0\\s]+")


def norm(header: object) -> str:
    """The comparison key of a header: NFKC (full-width → half-width), no spaces/BOM/zero-width
    characters/newlines, 帐 → 账, English case-folded."""
    if header is None:
        return ""
    s = unicodedata.normalize("NFKC", str(header))
    s = _INVISIBLE.sub("", s).replace("帐", "账")
    return s.casefold()


@dataclass(frozen=True)
class RowSpec:
    """Which rows and cells an import takes from a table (picklable: it is sent to the worker).

    ``start``: the header row's index (rows up to it are skipped); ``needed``: the column
    indexes to keep, in the order of the tuples produced; ``header_keys``: the normalised
    headers, to recognise a repeated header row; ``enough``: how many of them make a row a
    header; ``probe``: the column looked at first (cheap test before the full one)."""

    start: int
    needed: tuple[int, ...]
    header_keys: frozenset[str]
    enough: int
    probe: int


def picked_rows(rows: Iterable[list], spec: RowSpec) -> Iterator[tuple[int, tuple]]:
    """``(row index, cells of spec.needed)`` for each data row below the header; blank rows and
    repeated header rows are skipped. Short rows are padded with None."""
    needed = spec.needed
    width = (max(needed) + 1) if needed else 0
    pick = itemgetter(*needed) if len(needed) > 1 else (lambda r: (r[needed[0]],)) if needed else (lambda r: ())
    pad: tuple = (None,) * width
    header_keys, enough, probe, start = spec.header_keys, spec.enough, spec.probe, spec.start
    ascii_keys = any(k.isascii() for k in header_keys)
    for i, row in enumerate(rows):
        if i <= start:
            continue
        n = len(row)
        if not any(c is not None and c != "" and (not isinstance(c, str) or c.strip()) for c in row):
            continue
        if probe < n:
            first = row[probe]
            if first.__class__ is str and not (first.isascii() and not ascii_keys) and norm(first) in header_keys:
                if repeats_header(row, header_keys, enough):
                    continue
        yield i, (pick(row) if n >= width else pick((*row, *pad[n:])))


def repeats_header(row: list, header_keys: frozenset[str] | set[str], enough: int) -> bool:
    cells = {norm(c) for c in row if isinstance(c, str) and c.strip()}
    return len(cells & header_keys) >= max(2, min(len(cells) // 2, enough))
