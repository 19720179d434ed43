"""Writing an order export's orders and lines, a part at a time (core.imports.write's rules).

``OrderWriter`` takes the file's orders in parts (``add``), in file order, and writes each
part's new orders and their lines at once; what changes orders already stored (updates, line
changes) is gathered and written by ``finish``. The pipeline gives it the whole file as one
part, once the file is normalised.

Rows, ids and undo entries are the same however the file is cut into parts: parts come in
file order, ids are the database's, and changes to stored orders are written last either way.
"""
from __future__ import annotations

import datetime as dt
from operator import itemgetter

from sqlalchemy import Boolean, Connection, Date, DateTime, select

from core.engines import raw_bulk
from core.imports.write import (
    CHUNK, LINE_COMPARE, LINE_TOTALS, LINES, ORDER_COMPARE, ORDER_DEFAULTS, ORDERS, UndoLog, _chunks, _derive,
    _raw_lines, _raw_orders, bulk_update, insert_rows, max_id, refund_totals,
)
from core.imports.stored_prefetch import StoredPrefetch
from core.orders import line_facts, line_totals

# Above this many orders in a file, the platform's stored orders are read in one scan rather
# than looked up by id (core.imports.write._raw_orders, _raw_lines).
MANY = 4 * CHUNK
ORDER_COLUMNS = [c.name for c in ORDERS.c]  # "id" first
ID_AT = ORDER_COLUMNS.index("id")
LINE_COLUMNS = [c.name for c in LINES.c]


class _Ready:
    """The columns of the worker's ready tuples (core.imports.order_parts ``RowShape``), from the models."""

    def __init__(self) -> None:
        self.order_columns = tuple(c for c in ORDER_COLUMNS if c not in ("id", "batch_id"))
        self.line_columns = tuple(c for c in LINE_COLUMNS if c not in ("id", "order_id"))
        self.buyer_at = 1 + self.order_columns.index("buyer_key")  # in a tuple (its order's number first)
        self.order_no_at = 1 + self.order_columns.index("order_no")
        self.sku_at = 1 + self.line_columns.index("sku_code")
        self.title_at = 1 + self.line_columns.index("title")
        self.spec_at = 1 + self.line_columns.index("spec")

    def at(self, column: str) -> int:
        """Where ``column`` is in an order tuple."""
        return 1 + self.order_columns.index(column)

    def shape(self, sqlite: bool):
        from core.imports.order_parts import RowShape
        from core.imports.write import sqlite_kind

        def kinds(table, columns) -> dict[str, str]:
            return {c: k for c in columns if (k := sqlite_kind(table.c[c].type))}

        return RowShape(self.order_columns, self.line_columns, kinds(ORDERS, self.order_columns),
                        kinds(LINES, self.line_columns), sqlite)


READY = _Ready()
# What core.imports.write._derive reads of an order row, and what it may set.
DERIVE_READS = ("status", "paid_at", "created_at", "paid_fen", "refund_fen")
DERIVE_WRITES = ("status", "refund_fen", "is_paid", "pay_date")


class OrderWriter:
    """One file's orders written into one open transaction; see the module docstring.

    ``expected`` is how many orders the file holds (or at least will hold, when it is not known
    yet): above ``MANY``, stored orders are read in one scan instead of by id.
    ``touched`` collects the buyer keys of every order added or changed (old and new key), so
    that only those customers are rebuilt (core.customers)."""

    def __init__(self, conn: Connection, batch_id: int, platform: str, kind: str, provided: set[str],
                 undo: UndoLog, expected: int, prefetch: StoredPrefetch | None = None) -> None:
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
        self.first_id: int | None = None  # add_ready: the largest order id before the file
        self.prefetch = prefetch

    def start(self, order_nos: list[str] | None = None) -> None:
        """Read what the database holds for the file: its orders (all of the platform's when
        ``order_nos`` is None or long) and the successful refunds already imported."""
        wanted = None if self.many or order_nos is None else order_nos
        stored = self.prefetch.take(self.conn, self.platform) if wanted is None and self.prefetch else None
        if stored is not None:  # read while the workbook was parsed (core.imports.stored_prefetch)
            self.existing, self.order_dict, self.refunds = stored.orders, stored.order_dict, stored.refunds
            self.ex_lines, self.line_dict = stored.lines, stored.line_dict
            return
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
            in_part = [existing[no][ID_AT] for no in orders if no in existing]
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
        unchanged = None if lines_only else _Unchanged(provided, provided_cols, from_file, refunds, real_lines)
        for order_no, rec in orders.items():
            stored = existing.pop(order_no, None)  # popped: the tuples go as the loop goes (peak memory)
            file_lines = lines.get(order_no, [])
            if stored is not None and unchanged is not None:
                current_raw = ex_lines.get(stored[ID_AT], ())
                if unchanged.check(order_no, rec, stored, file_lines, current_raw):
                    ex_lines.pop(stored[ID_AT], None)
                    counts["unchanged"] += 1
                    continue
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
        if raw_bulk(conn):
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

    def add_ready(self, orders: list[tuple], lines: list[tuple]) -> None:
        """One part of a file whose orders are all new, as the workbook reader's worker made them
        ready (core.imports.order_parts ``_Tuples``): each order tuple is its number in the file
        and the ``ready`` columns' values, each line tuple its order's number and the line's.
        The ids are the ones ``add`` gives: on SQLite the largest id + the order's number (what
        SQLite itself would give, in file order), set by the INSERT itself."""
        if not orders:
            return
        conn, counts, ready = self.conn, self.counts, READY
        counts["added"] += len(orders)
        counts["lines_added"] += len(lines)
        self.touched.update(map(itemgetter(ready.buyer_at), orders))
        if self.first_id is None:
            self.first_id = max_id(conn, ORDERS)
        base, batch_id = int(self.first_id), int(self.batch_id)
        if raw_bulk(conn):
            # The ids and the batch are SQL here (integers of this import): no tuple rebuilt per row.
            conn.exec_driver_sql(f"INSERT INTO orders (id, batch_id, {', '.join(ready.order_columns)}) "
                                 f"VALUES (? + {base}, {batch_id}{', ?' * len(ready.order_columns)})", orders)
            if lines:
                conn.exec_driver_sql(f"INSERT INTO order_lines (order_id, {', '.join(ready.line_columns)}) "
                                     f"VALUES (? + {base}{', ?' * len(ready.line_columns)})", lines)
            self.undo.add_ids("orders", range(base + orders[0][0], base + orders[-1][0] + 1))
            return
        before = max_id(conn, ORDERS)
        cols = ready.order_columns
        conn.execute(ORDERS.insert(), [{**dict(zip(cols, r[1:])), "batch_id": batch_id} for r in orders])
        stored = dict(conn.execute(select(ORDERS.c.order_no, ORDERS.c.id)
                                   .where(ORDERS.c.id > before, ORDERS.c.platform == self.platform)).all())
        ids = {r[0]: stored[r[ready.order_no_at]] for r in orders}
        for r in orders:
            self.undo.add("orders", ids[r[0]])
        cols = ready.line_columns
        if lines:
            conn.execute(LINES.insert(), [{**dict(zip(cols, r[1:])), "order_id": ids[r[0]]} for r in lines])

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


class _Unchanged:
    """Whether a stored order (a row tuple, as read: SQLite's raw text for dates, or Python values)
    stays exactly as it is with the file's record and lines: the same decision the full comparison
    in ``OrderWriter.add`` takes, without a dict per stored order and line. A re-import of an
    unchanged export asks this 100,000 times; any order it cannot vouch for goes the full way."""

    def __init__(self, provided: set[str], provided_cols: list[str], from_file, refunds: dict[str, int],
                 real_lines: set[str]) -> None:
        self.provided_cols, self.from_file, self.real_lines = provided_cols, from_file, real_lines
        self.refunds = refunds if "refund_fen" not in provided else {}
        types = {c.name: c.type for c in ORDERS.c}
        # The stored values the file does not give that _derive reads (kept as they are). The other
        # columns the file does not give stay as stored whatever happens: nothing to compare there.
        self.kept = [(name, ORDER_COLUMNS.index(name), _to_python(types[name]))
                     for name in DERIVE_READS if name not in provided]
        compare = [n for n in ORDER_COMPARE if n in provided or n in DERIVE_WRITES]
        plain = [n for n in (*compare, *LINE_TOTALS) if _to_python(types[n]) is None]
        self.plain_new = itemgetter(*plain)
        self.plain_old = itemgetter(*(ORDER_COLUMNS.index(n) for n in plain))
        self.special = [(n, ORDER_COLUMNS.index(n), _to_python(types[n])) for n in compare
                        if _to_python(types[n]) is not None]
        self.line_no_at = LINE_COLUMNS.index("line_no")
        self.line_old = itemgetter(*(LINE_COLUMNS.index(n) for n in LINE_COMPARE))  # plain text and numbers
        self.line_new = itemgetter(*LINE_COMPARE)

    def check(self, order_no: str, rec: dict, stored: tuple, file_lines: list[dict], current: list | tuple) -> bool:
        row = {}
        for name, i, fn in self.kept:
            v = stored[i]
            row[name] = fn(v) if fn is not None and v is not None else v
        row.update(zip(self.provided_cols, self.from_file(rec)))
        refund = self.refunds.get(order_no)
        if refund is not None:
            row["refund_fen"] = refund
        _derive(row)
        at = self.line_no_at
        if order_no not in self.real_lines and any(r[at] != "0" for r in current):
            return False  # a summary line beside stored item lines: the full way decides
        if len(current) != len(file_lines):
            return False
        line_old, line_new = self.line_old, self.line_new
        if len(file_lines) == 1:
            r, ln = current[0], file_lines[0]
            if r[at] != ln["line_no"] or line_old(r) != line_new(ln):
                return False
        elif file_lines:
            have = {r[at]: r for r in current}
            for ln in file_lines:
                r = have.get(ln["line_no"])
                if r is None or line_old(r) != line_new(ln):
                    return False
        row.update(line_totals(file_lines))
        if self.plain_new(row) != self.plain_old(stored):
            return False
        for name, i, fn in self.special:
            v = stored[i]
            if (fn(v) if v is not None else None) != row[name]:
                return False
        return True


def _to_python(col_type):
    """How a stored value of this column type becomes the Python value the comparison uses (None:
    taken as it is). Values already converted (a server's rows) pass through unchanged."""
    if isinstance(col_type, DateTime):
        return lambda v: dt.datetime.fromisoformat(v) if v.__class__ is str else v
    if isinstance(col_type, Date):
        return lambda v: dt.date.fromisoformat(v) if v.__class__ is str else v
    if isinstance(col_type, Boolean):
        return bool
    return None
