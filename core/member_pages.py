"""The Members tab's rows a page at a time (the source of ui.widgets.lazy_table.LazyRecordModel).

``MemberPages`` holds a ``core.member_index.MemberIndex`` (every customer's figures as arrays)
and the shop's database. ``arrange`` picks the order and the filters (tier, channel, segment, a
recall list, the search text) over the arrays, or through the database for a plain customer
column; ``fetch`` reads only the shown rows' customers. Reads open their own short session, so
the GUI never holds a transaction.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from core.member_index import MemberIndex
from core.members import MemberRow

if TYPE_CHECKING:
    from core.db import Database

LIST_FLAGS = {"on_sleeping": "sleeping", "on_at_risk": "at_risk", "on_near_tier": "near_tier"}
FILTERS = ("tier", "platform", "segment")


class MemberPages:
    def __init__(self, db: Database | None, index: MemberIndex) -> None:
        self.db = db
        self.index = index
        self.shown = np.arange(index.count)
        self._row_of: dict[int, int] | None = None

    @property
    def count(self) -> int:
        return len(self.shown)

    @property
    def total(self) -> int:
        return self.index.count

    def _session(self):
        if self.db is None:
            raise RuntimeError("no database to read the rows from")
        return self.db.session()

    def arrange(self, sort: str | None, descending: bool, filters: dict[str, Any], text: str = "",
                conn=None) -> None:
        """Order by ``sort`` (a MemberRow field, or ``rfm``/``buyer``) and keep the rows the filters
        allow; ``conn``: a connection to use instead of a new session (the load's)."""
        needs_db = bool(text) or any(v for k, v in filters.items() if LIST_FLAGS.get(k) == "near_tier") or \
            sort in ("to_next_tier", "platform", "refund_fen", "first_order", "last_order", "categories", "tags",
                     "note", "points", "buyer")
        if needs_db and conn is None:
            with self._session() as s:
                self.arrange(sort, descending, filters, text, conn=s.connection())
            return
        kw = {k: v for k, v in filters.items() if k in FILTERS and v is not None}
        lists = [LIST_FLAGS[k] for k, v in filters.items() if k in LIST_FLAGS and v]
        keep = self.index.mask(conn, lists=lists, text=text, **kw)
        order = self.index.order(conn, sort, descending)
        self.shown = order[keep[order]]
        self._row_of = None

    def key_at(self, row: int) -> int:
        return int(self.index.ids[self.shown[row]])

    def row_of(self, key: Any) -> int | None:
        if self._row_of is None:
            self._row_of = {int(c): i for i, c in enumerate(self.index.ids[self.shown])}
        return self._row_of.get(key) if isinstance(key, int) else None

    def fetch(self, start: int, stop: int, conn=None) -> list[MemberRow]:
        positions = self.shown[start:stop]
        if conn is None:
            with self._session() as s:
                return self._complete(self.index.rows(s.connection(), positions), positions)
        return self._complete(self.index.rows(conn, positions), positions)

    def _complete(self, rows: list[MemberRow], positions) -> list[MemberRow]:
        if len(rows) == len(positions):
            return rows
        # A customer removed since the load: a placeholder keeps the rows in step until the reload.
        got = {r.id: r for r in rows}
        return [got.get(int(self.index.ids[p])) or _gone(int(self.index.ids[p])) for p in positions]


def _gone(customer_id: int) -> MemberRow:
    return MemberRow(customer_id, "", "", "", "", 0, 0, 0, None, None, None, 0, "", "", "", None, None, None, "", "",
                     "", None, "spend", frozenset())
