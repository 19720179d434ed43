"""Order lines that carry no SKU code (a Taobao 订单报表 without its 宝贝报表, a trimmed export)
take the code of the one SKU whose title (and spec) they name, so inventory counts their sales;
the lines that stay without a code are counted for the import report (issue #18)."""
from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import Connection, select

from core.models import Sku

_SPACE = re.compile(r"\s+")


def _key(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def sku_index(conn: Connection) -> tuple[dict[tuple[str, str], str | None], dict[str, str | None]]:
    """(title, spec) → code and title → code; None where several SKUs share the key."""
    by_pair: dict[tuple[str, str], str | None] = {}
    by_title: dict[str, str | None] = {}
    for code, title, spec in conn.execute(select(Sku.code, Sku.title, Sku.spec)):
        title_key = _key(title or "")
        if not title_key:
            continue
        pair = (title_key, _key(spec or ""))
        by_pair[pair] = code if pair not in by_pair else None
        by_title[title_key] = code if title_key not in by_title else None
    return by_pair, by_title


class LineMatcher:
    """Fills ``sku_code`` of code-less lines where one SKU fits, part after part of a file;
    ``matched``, ``unmatched`` and ``has_skus`` (without any SKU, inventory is not in use)
    count them all. The SKUs are read once, at the first code-less line."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.by_pair: dict | None = None
        self.by_title: dict = {}
        self.matched = self.unmatched = 0

    @property
    def has_skus(self) -> bool:
        return bool(self.by_pair or self.by_title)

    def match(self, lines: Iterable[list[dict]]) -> None:
        found: dict[tuple[str, str], str | None] = {}  # (title, spec) → code: a file repeats a few titles
        for order_lines in lines:
            for ln in order_lines:
                if ln["sku_code"]:
                    continue
                if self.by_pair is None:
                    self.by_pair, self.by_title = sku_index(self.conn)
                if not self.has_skus:  # nothing to match (inventory not in use): only counted
                    self.unmatched += 1
                    continue
                raw = (ln["title"], ln["spec"])
                code = found.get(raw, "")
                if code == "":
                    title, spec = _key(raw[0]), _key(raw[1])
                    code = self.by_pair.get((title, spec)) if spec else None
                    if code is None and not spec:
                        code = self.by_title.get(title)
                    found[raw] = code
                if code:
                    ln["sku_code"] = code
                    self.matched += 1
                else:
                    self.unmatched += 1


def match_line_skus(conn: Connection, lines: Iterable[list[dict]]) -> tuple[int, int, bool]:
    """Fills ``sku_code`` of code-less lines where one SKU fits; returns (matched, unmatched,
    whether the shop has SKUs at all: without any, inventory is not in use)."""
    matcher = LineMatcher(conn)
    matcher.match(lines)
    return matcher.matched, matcher.unmatched, matcher.has_skus
