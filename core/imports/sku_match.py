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

    def _code(self, raw: tuple[str, str], found: dict[tuple[str, str], str | None]) -> str | None:
        """The one SKU a (title, spec) fits, or None; ``found`` remembers each pair's answer."""
        code = found.get(raw, "")
        if code == "":
            title, spec = _key(raw[0]), _key(raw[1])
            code = (self.by_pair or {}).get((title, spec)) if spec else None
            if code is None and not spec:
                code = self.by_title.get(title)
            found[raw] = code
        return code

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
                code = self._code((ln["title"], ln["spec"]), found)
                if code:
                    ln["sku_code"] = code
                    self.matched += 1
                else:
                    self.unmatched += 1

    def match_rows(self, rows: list[tuple], blank: int, sku_at: int, title_at: int, spec_at: int) -> None:
        """``match`` for a part of insert-ready line tuples (core.imports.order_parts), ``blank`` of
        them without a SKU code: a matched line's tuple is replaced by one with the code."""
        if not blank:
            return
        if self.by_pair is None:
            self.by_pair, self.by_title = sku_index(self.conn)
        if not self.has_skus:  # nothing to match (inventory not in use): only counted
            self.unmatched += blank
            return
        found: dict[tuple[str, str], str | None] = {}
        for i, row in enumerate(rows):
            if row[sku_at]:
                continue
            code = self._code((row[title_at], row[spec_at]), found)
            if code:
                rows[i] = (*row[:sku_at], code, *row[sku_at + 1:])
                self.matched += 1
            else:
                self.unmatched += 1


def match_line_skus(conn: Connection, lines: Iterable[list[dict]]) -> tuple[int, int, bool]:
    """Fills ``sku_code`` of code-less lines where one SKU fits; returns (matched, unmatched,
    whether the shop has SKUs at all: without any, inventory is not in use)."""
    matcher = LineMatcher(conn)
    matcher.match(lines)
    return matcher.matched, matcher.unmatched, matcher.has_skus


def match_stored_lines(conn: Connection, undo) -> tuple[int, dict[str, set[str]]]:
    """After a products import: the order lines already imported without a SKU code take the code
    of the one SKU with their title (and spec), as they would have had the SKUs come first — the
    owner who imports the orders, then the stock, sees their sales. Each line changed is in the
    import's undo log (``undo``, a ``core.imports.write.UndoLog``); returns how many changed and the
    buyers of their orders by platform (their favourite categories follow, ``core.customers``)."""
    from sqlalchemy import or_

    from core.imports.write import bulk_update
    from core.models import OrderLine

    matcher = LineMatcher(conn)
    lines = conn.execute(
        select(OrderLine.id, OrderLine.order_id, OrderLine.title, OrderLine.spec, OrderLine.sku_code)
        .where(or_(OrderLine.sku_code == "", OrderLine.sku_code.is_(None)), OrderLine.title != "")
    ).all()
    if not lines:
        return 0, {}
    drafts = [{"id": lid, "order_id": oid, "sku_code": "", "title": title or "", "spec": spec or "", "was": code}
              for lid, oid, title, spec, code in lines]
    matcher.match([drafts])
    updates = []
    for d in drafts:
        if d["sku_code"]:
            undo.change("order_lines", f"{d['order_id']}/{d['id']}", {"id": d["id"], "sku_code": d["was"]})
            updates.append({"_key": d["id"], "sku_code": d["sku_code"]})
    if not updates:
        return 0, {}
    bulk_update(conn, OrderLine.__table__, "id", updates, ("sku_code",))  # type: ignore[arg-type]
    return len(updates), buyers_of(conn, {d["order_id"] for d in drafts if d["sku_code"]})


def buyers_of(conn: Connection, order_ids: Iterable[int]) -> dict[str, set[str]]:
    """The buyer keys of ``order_ids``, by platform."""
    from core.models import Order

    ids = sorted(order_ids)
    buyers: dict[str, set[str]] = {}
    for i in range(0, len(ids), 500):
        for platform, key in conn.execute(select(Order.platform, Order.buyer_key).where(Order.id.in_(ids[i:i + 500]))):
            if key:
                buyers.setdefault(platform, set()).add(key)
    return buyers
