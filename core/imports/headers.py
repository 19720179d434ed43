"""Header text normalisation and header-row finding (§0.5, §0.6).

``norm("收货地址 ")``, ``norm("商家实收金额（元）")`` and ``norm("动帐流水号")`` give the
same keys as the clean spellings, so alias tables hold each name once.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable

from core.row_filter import norm  # noqa: F401 - the header key is defined beside the row filter (the worker uses both)


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def header_signature(headers: Iterable[str]) -> str:
    """A stable hash of a layout (normalised non-empty headers in order) to remember mappings by."""
    keys = [norm(h) for h in headers if norm(h)]
    return hashlib.sha256("\x1f".join(keys).encode("utf-8")).hexdigest()


def find_header_row(head: list[list], known: set[str]) -> tuple[int, int]:
    """``(row index, matches)``: the row among ``head`` naming the most ``known`` headers.

    The earliest row wins a tie. With no known header at all, the first row holding the most
    non-empty text cells is taken (a layout to map by hand).
    """
    best, best_hits = -1, 0
    for i, row in enumerate(head):
        hits = len({norm(c) for c in row if isinstance(c, str)} & known)
        if hits > best_hits:
            best, best_hits = i, hits
    if best >= 0 and best_hits >= 2:
        return best, best_hits
    widest, width = 0, 0
    for i, row in enumerate(head):
        n = sum(1 for c in row if isinstance(c, str) and c.strip())
        if n > width:
            widest, width = i, n
    return widest, 0
