"""Writing an order export's orders and lines, a part at a time (core.imports.write's rules).

``OrderWriter`` takes the file's orders in parts (``add``), in file order, and writes each
part's new orders and their lines at once; what changes orders already stored (updates, line
changes) is gathered and written by ``finish``. The pipeline (and
``core.imports.write.write_orders``) gives it the whole file as one part, once the file is
normalised.

Rows, ids and undo entries are the same however the file is cut into parts: parts come in
file order, ids are the database's, and changes to stored orders are written last either way.
"""
from __future__ import annotations

from operator import itemgetter

from sqlalchemy import Connection, select

from core.imports.write import (
    CHUNK, LINE_COMPARE, LINE_TOTALS, LINES, ORDER_COMPARE, ORDER_DEFAULTS, ORDERS, UndoLog, _chunks, _derive,
    _raw_lines, _raw_orders, bulk_update, insert_rows, max_id, refund_totals,
)
from core.orders import line_facts, line_totals

# Above this many orders in a file, the platform's stored orders are read in one scan rather
# than looked up by id (core.imports.write._raw_orders, _raw_lines).
MANY = 4 * CHUNK
ORDER_COLUMNS = [c.name for c in ORDERS.c]  # "id" first


class OrderWriter:
    """One file's orders written into one open transaction; see the module docstring.

    ``expected`` is how many orders the file holds (or at least will hold, when it is not known
    yet): above ``MANY``, stored orders are read in one scan instead of by id.
    ``touched`` collects the buyer keys of every order added or changed (old and new key), so
    that only those customers are rebuilt (core.customers)."""

    def __init__(self, conn: Connection, batch_id: int, platform: str, kind: str, provided: set[str],
                 undo: UndoLog, expected: int) -> None:
        self.conn, self.batch_id, self.platform, self.undo = conn, batch_id, platform, undo
        self.lines_only = kind == "lines"
        self.provided = provided
        self.provided_cols = cols = sorted(provided)
        self.from_file = itemgetter(*cols) if len(cols) > 1 else (lambda r: (r[cols[0]],)) if cols else (lambda r: ())
        self.many = expected > MANY
        self.existing: dict | None = None
        self.order_dict = None
        self.refunds: dict[str, int] = {}
        self.ex_lines: dict | None = None
        self.line_dict = None
        self.updates: list[dict] = []
        self.line_inserts_existing: list[dict] = []
        self.line_updates: list[dict] = []
        self.line_deletes: list[int] = []
        self.touched: set[str] = set()
        self.counts = {"added": 0, "updated": 0, "unchanged": 0, "lines_added": 0}

    def start(self, order_nos: list[str] | None = None) -> None:
        """Read what the database holds for the file: its orders (all of the platform's when
        ``order_nos`` is None or long) and the successful refunds already imported."""
        wanted = None if self.many or order_nos is None else order_nos
        self.existing, self.order_dict = _raw_orders(self.conn, self.platform, wanted)
        self.refunds = refund_totals(self.conn, self.platform)

    def add(self, orders: dict[str, dict], lines: dict[str, list[dict]], real_lines: set[str]) -> None:
        """One part of the file: its new orders and their lines are written now."""
        if self.existing is None:
            self.start(list(orders))
        existing, refunds, provided, undo = self.existing, self.refunds, self.provided, self.undo
        assert existing is not None
        compared = itemgetter(*ORDER_COMPARE)
        totals = itemgetter(*LINE_TOTALS)
        line_compared = itemgetter(*LINE_COMPARE)
        provided_cols, from_file, lines_only = self.provided_cols, self.from_file, self.lines_only
        if not self.many or self.ex_lines is None:
            id_at = [c.name for c in ORDERS.c].index("id")
            in_part = [existing[no][id_at] for no in orders if no in existing]
            if in_part:  # the stored lines: all of the platform's at once (many), else this part's orders'
                self.ex_lines, self.line_dict = _raw_lines(self.conn, self.platform, in_part, many=self.many)
        ex_lines, line_dict = self.ex_lines or {}, self.line_dict
        new_orders: list[dict] = []
        counts, touched = self.counts, self.touched
        # A new order's row is the file's record itself (nothing reads it after the write), with
        # the defaults of the columns the file does not determine: no dict copied per order.
        fill = {c: v for c, v in ORDER_DEFAULTS.items() if c not in provided and not (lines_only and c == "paid_fen")}
        refunds_known = "refund_fen" not in provided and bool(refunds)
        platform, batch_id, lines_added = self.platform, self.batch_id, 0
        for order_no, rec in orders.items():
            stored = existing.pop(order_no, None)  # popped: the tuples go as the loop goes (peak memory)
            file_lines = lines.get(order_no, [])
            if stored is None:
                row = rec
                if fill:
                    row.update(fill)
                if refunds_known and order_no in refunds:
                    row["refund_fen"] = refunds[order_no]
                _derive(row)
                row.update(line_totals(file_lines))
                row["platform"], row["order_no"], row["batch_id"] = platform, order_no, batch_id
                new_orders.append(row)
                touched.add(row["buyer_key"])
                lines_added += len(file_lines)
                continue
            old = self.order_dict(stored)  # type: ignore[misc]
            row = dict(zip(ORDER_COMPARE, compared(old)))
            if not lines_only:
                row.update(zip(provided_cols, from_file(rec)))
                if "refund_fen" not in provided and order_no in refunds:
                    row["refund_fen"] = refunds[order_no]
                _derive(row)
            order_changed = compared(row) != compared(old)
            current = [line_dict(ln) for ln in ex_lines.pop(old["id"], ())]  # type: ignore[misc]
            if order_no in real_lines or not any(ln["line_no"] != "0" for ln in current):
                wanted = file_lines
            else:
                wanted = None  # a summary line never replaces real item lines
            lines_changed = False
            if wanted is not None:
                have = {ln["line_no"]: ln for ln in current}
                keep = set()
                for ln in wanted:
                    prev = have.get(ln["line_no"])
                    if prev is None:
                        self.line_inserts_existing.append({**ln, "order_id": old["id"]})
                        counts["lines_added"] += 1
                        lines_changed = True
                    else:
                        keep.add(ln["line_no"])
                        if line_compared(prev) != line_compared(ln):
                            undo.change("order_lines", f"{old['id']}/{prev['id']}", prev)
                            self.line_updates.append({**{k: ln[k] for k in LINE_COMPARE}, "_key": prev["id"]})
                            lines_changed = True
                for line_no, prev in have.items():
                    if line_no not in keep:
                        undo.change("order_lines", f"{old['id']}/{prev['id']}", prev)
                        self.line_deletes.append(prev["id"])
                        lines_changed = True
            row.update(line_totals(wanted if wanted is not None else current))
            order_changed = order_changed or totals(row) != totals(old)
            if order_changed or lines_changed:
                counts["updated"] += 1
                undo.change("orders", old["id"], old)
                touched.update((old["buyer_key"], row["buyer_key"]))
                row["batch_id"] = self.batch_id
                row["_key"] = old["id"]
                self.updates.append(row)
            else:
                counts["unchanged"] += 1
        counts["added"] += len(new_orders)
        counts["lines_added"] += lines_added
        if new_orders:
            self._insert_new(new_orders, lines)

    def _insert_new(self, new_orders: list[dict], lines: dict[str, list[dict]]) -> None:
        conn, platform = self.conn, self.platform
        before = max_id(conn, ORDERS)
        if conn.dialect.name == "sqlite":
            # The ids SQLite would give (the largest + 1 on, in file order: the table has no
            # AUTOINCREMENT), set here: no read-back of 100,000 (order_no, id) pairs.
            for oid, row in enumerate(new_orders, before + 1):
                row["id"] = oid
            insert_rows(conn, ORDERS, new_orders, ORDER_COLUMNS)
            self.undo.add_ids("orders", range(before + 1, before + 1 + len(new_orders)))
        else:
            insert_rows(conn, ORDERS, new_orders, ORDER_COLUMNS[1:])
            ids = dict(conn.execute(select(ORDERS.c.order_no, ORDERS.c.id)
                                    .where(ORDERS.c.id > before, ORDERS.c.platform == platform)).all())
            for row in new_orders:
                row["id"] = ids[row["order_no"]]
                self.undo.add("orders", row["id"])
        new_lines = []
        for row in new_orders:
            oid = row["id"]
            for ln in lines.get(row["order_no"], ()):
                ln["order_id"] = oid  # the file's line dicts are written once: no copy needed
                ln.update(line_facts(row, ln))  # set here, so the insert trigger has nothing to do
                new_lines.append(ln)
        del new_orders[:]  # peak memory: the order dicts are in the database now
        insert_rows(conn, LINES, new_lines)

    def finish(self) -> dict[str, int]:
        """Write the changes to stored orders and their lines; the file's counts."""
        conn = self.conn
        bulk_update(conn, ORDERS, "id", self.updates, list(ORDER_COMPARE) + list(LINE_TOTALS) + ["batch_id"])
        if self.line_deletes:
            for part in _chunks(self.line_deletes):
                conn.execute(LINES.delete().where(LINES.c.id.in_(part)))
        bulk_update(conn, LINES, "id", self.line_updates, LINE_COMPARE)
        if self.line_inserts_existing:
            before = max_id(conn, LINES)
            insert_rows(conn, LINES, self.line_inserts_existing)
            for lid, oid in conn.execute(select(LINES.c.id, LINES.c.order_id).where(LINES.c.id > before)).all():
                self.undo.add("order_lines", f"{oid}/{lid}")
        self.updates, self.line_updates, self.line_deletes, self.line_inserts_existing = [], [], [], []
        self.existing = None
        self.touched.discard(None)  # type: ignore[arg-type]
        return dict(self.counts)
