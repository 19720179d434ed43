"""Writing one file's rows in one transaction, with what it replaced kept for undo.

Bulk Core statements (executemany), never one ORM object per row. Existing rows are read
once into a dict and compared in Python, so a re-import of an unchanged export writes
nothing but its batch record. Every row a batch adds or changes gets an ``import_undo`` entry:
``before`` is the row's full previous content (JSON), or NULL for a row the batch added.
An order's lines are keyed ``"<order id>/<line id>"`` so that undo can see which order they
belong to; lines of an order the batch added need no entry (they go with their order).
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from operator import itemgetter

from sqlalchemy import (
    JSON, Boolean, Connection, Date, DateTime, Enum, Float, Integer, Numeric, String, Table, bindparam, cast, func, insert,
    literal, select,
)

from core.engines import raw_bulk
from core.imports.normalize import adjust_for_refund
from core.imports.sqlite_text import convert_column
from core.models import ImportUndo, Order, OrderLine, Refund
from core.orders import derive_payment

ORDERS: Table = Order.__table__  # type: ignore[assignment]
LINES: Table = OrderLine.__table__  # type: ignore[assignment]
REFUNDS: Table = Refund.__table__  # type: ignore[assignment]
UNDO: Table = ImportUndo.__table__  # type: ignore[assignment]

ORDER_COMPARE = (
    "shop", "buyer_key", "buyer_name", "province", "created_at", "paid_at", "shipped_at", "completed_at",
    "status", "status_text", "goods_fen", "shipping_fen", "discount_fen", "paid_fen", "refund_fen",
    "is_paid", "pay_date", "source",
)
# Derived from the order's lines (core.orders.line_totals): set whenever the lines may change.
LINE_TOTALS = ("units", "line_paid_fen", "open_weight_fen", "open_qty")
LINE_COMPARE = ("sku_code", "item_id", "title", "spec", "qty", "unit_price_fen", "paid_fen", "refund_fen")
ORDER_DEFAULTS = {
    "shop": "", "buyer_key": None, "buyer_name": "", "province": "", "created_at": None, "paid_at": None,
    "shipped_at": None, "completed_at": None, "status": "pending_payment", "status_text": "", "goods_fen": 0,
    "shipping_fen": 0, "discount_fen": 0, "paid_fen": 0, "refund_fen": 0, "source": "",
}
CHUNK = 500  # ids per IN (...) list


def snapshot(row: dict) -> dict:
    """A row as JSON-safe values (dates as ISO text); ``restore_values`` reverses it."""
    out = {}
    for key, value in row.items():
        if isinstance(value, (dt.datetime, dt.date)):
            value = value.isoformat()
        out[key] = value
    return out


class UndoLog:
    """``import_undo`` rows of one batch, written in two bulk statements."""

    def __init__(self, batch_id: int) -> None:
        self.batch_id = batch_id
        self.added: list[dict] = []
        self.changed: list[dict] = []
        self.added_ids: list[tuple[str, range]] = []  # rows added with consecutive integer keys

    def add(self, table: str, key: object) -> None:
        self.added.append({"batch_id": self.batch_id, "table_name": table, "row_key": str(key)})

    def add_ids(self, table: str, ids: range) -> None:
        """Rows ``ids`` of ``table`` (its integer ``id``) were added by a bulk insert (the new orders):
        the same entries as ``add`` for each, made by the database from the rows themselves."""
        self.added_ids.append((table, ids))

    def change(self, table: str, key: object, before: dict) -> None:
        self.changed.append({"batch_id": self.batch_id, "table_name": table, "row_key": str(key), "before": snapshot(before)})

    def flush(self, conn: Connection) -> None:
        for table, ids in self.added_ids:
            # One INSERT … SELECT over the rows just added (their ids as text, as ``add`` writes them):
            # a first import's 100,000 entries without a Python tuple each (0.25 s → 0.05 s).
            added = UNDO.metadata.tables[table]
            conn.execute(insert(UNDO).from_select(
                ["batch_id", "table_name", "row_key"],
                select(literal(self.batch_id), literal(table), cast(added.c.id, String))
                .where(added.c.id.between(ids.start, ids.stop - 1)).order_by(added.c.id)))
        if self.added:
            insert_rows(conn, UNDO, self.added)  # ``before`` left out: SQL NULL
        if self.changed:
            conn.execute(UNDO.insert(), self.changed)
        self.added, self.changed, self.added_ids = [], [], []


def _chunks(items: list, size: int = CHUNK) -> Iterable[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def insert_rows(conn: Connection, table: Table, rows: list[dict], cols: list[str] | None = None) -> None:
    """Bulk INSERT. On SQLite the rows go straight to the driver's executemany (values converted
    the way SQLAlchemy stores them): for 100,000 orders the per-row parameter processing of
    the generic path costs more than the insert itself. ``cols``: the columns written (the
    first row's keys when None; rows may hold other keys too, which are left out)."""
    if not rows:
        return
    if not raw_bulk(conn):
        if cols is not None:
            get = itemgetter(*cols)
            rows = [dict(zip(cols, get(r))) for r in rows] if len(cols) > 1 else [{cols[0]: r[cols[0]]} for r in rows]
        conn.execute(table.insert(), rows)
        return
    cols = list(rows[0]) if cols is None else cols
    sql = f'INSERT INTO {table.name} ({", ".join(cols)}) VALUES ({", ".join("?" * len(cols))})'
    # Only date, time, boolean and JSON columns need converting; the driver takes the rest as
    # they are (per-value conversion calls cost more than the insert for 100,000 orders).
    convert = [i for i, c in enumerate(cols) if c not in table.c or not _plain(table.c[c].type)]
    if convert:
        # Column by column (each taken out at C speed), common values converted inline.
        columns: list = [list(map(itemgetter(c), rows)) for c in cols]
        for i in convert:
            columns[i] = _convert_column(columns[i], table.c[cols[i]].type if cols[i] in table.c else None)
        params = list(zip(*columns))
        del columns
    else:
        get = itemgetter(*cols) if len(cols) > 1 else (lambda r: (r[cols[0]],))
        params = list(map(get, rows))
    conn.exec_driver_sql(sql, params)


def _convert_column(values: list, col_type=None) -> list:
    """Values as SQLAlchemy stores them in SQLite (core.imports.sqlite_text); the common ones of a
    DateTime, Date or Boolean column tested first."""
    return convert_column(values, sqlite_kind(col_type))


def sqlite_kind(col_type) -> str | None:
    """The kind of conversion ``core.imports.sqlite_text.convert_column`` makes for a column type."""
    if isinstance(col_type, DateTime):
        return "datetime"
    if isinstance(col_type, Date):
        return "date"
    if isinstance(col_type, Boolean):
        return "bool"
    return None


def _plain(col_type) -> bool:
    """Columns whose Python values (str, int, float, None) the sqlite3 driver stores as they are."""
    return isinstance(col_type, (String, Integer, Float, Numeric)) and not isinstance(col_type, (Boolean, Enum))


def select_rows(conn: Connection, table: Table, where: str = "", params: tuple = ()) -> list[dict]:
    """SELECT * as dicts with Python values; on SQLite read raw and converted here (faster
    than the generic result processing for the 100,000 rows a re-import compares)."""
    if not raw_bulk(conn):
        stmt = select(table)
        if where:
            from sqlalchemy import text as sql_text

            stmt = stmt.where(sql_text(where.replace("?", ":p0") if params else where)).params(
                **({"p0": params[0]} if params else {}))
        return [dict(r) for r in conn.execute(stmt).mappings()]
    cols = [c.name for c in table.c]
    sql = f"SELECT {', '.join(cols)} FROM {table.name}" + (f" WHERE {where}" if where else "")
    as_dict = row_converter(table)
    return [as_dict(raw) for raw in conn.exec_driver_sql(sql, params).fetchall()]


def row_converter(table: Table):
    """A function making one raw SQLite row (a tuple in ``table.c`` order) a dict of Python values."""
    cols = [c.name for c in table.c]
    conversions = []
    for i, c in enumerate(table.c):
        t = c.type
        fn = (dt.datetime.fromisoformat if isinstance(t, DateTime) else dt.date.fromisoformat if isinstance(t, Date)
              else bool if isinstance(t, Boolean) else json.loads if isinstance(t, JSON) else None)
        if fn is not None:
            conversions.append((i, fn))

    def as_dict(raw: tuple) -> dict:
        values = list(raw)
        for i, fn in conversions:
            v = values[i]
            if v is not None:
                values[i] = fn(v)
        return dict(zip(cols, values))

    return as_dict




def max_id(conn: Connection, table: Table) -> int:
    return conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()


def bulk_update(conn: Connection, table: Table, pk: str, rows: list[dict], cols: Iterable[str]) -> None:
    """UPDATE table SET cols WHERE pk = row["_key"], one executemany for all rows."""
    cols = list(cols)
    if not rows:
        return
    # Bind names must differ from column names in an UPDATE's SET clause.
    stmt = table.update().where(table.c[pk] == bindparam("k_")).values({c: bindparam("v_" + c) for c in cols})
    conn.execute(stmt, [{"k_": r["_key"], **{"v_" + c: r[c] for c in cols}} for r in rows])


# ---------------------------------------------------------------- orders


def _load_orders(conn: Connection, platform: str, order_nos: list[str] | None) -> dict[str, dict]:
    """The platform's stored orders among ``order_nos`` (all of them when None) as dicts."""
    cols = [c for c in ORDERS.c]
    rows: dict[str, dict] = {}
    if order_nos is None or len(order_nos) > 4 * CHUNK:
        rows = {r["order_no"]: r for r in select_rows(conn, ORDERS, "platform = ?", (platform,))}
    else:
        for part in _chunks(order_nos):
            result = conn.execute(select(*cols).where(ORDERS.c.platform == platform, ORDERS.c.order_no.in_(part)))
            rows.update({r["order_no"]: dict(r) for r in result.mappings()})
    return rows


def _raw_orders(conn: Connection, platform: str, order_nos: list[str] | None):
    """The platform's stored orders among ``order_nos`` as ``{order_no: row tuple}`` plus the
    function making a tuple a dict: a re-import of 100,000 orders holds tuples, not 100,000
    dicts (~100 MB less at the peak), and makes each dict only while comparing its order."""
    names = [c.name for c in ORDERS.c]
    if raw_bulk(conn) and (order_nos is None or len(order_nos) > 4 * CHUNK):
        at = names.index("order_no")
        sql = f"SELECT {', '.join(names)} FROM {ORDERS.name} WHERE platform = ?"
        return {r[at]: r for r in conn.exec_driver_sql(sql, (platform,)).fetchall()}, row_converter(ORDERS)
    rows = _load_orders(conn, platform, order_nos)
    return {no: tuple(r[n] for n in names) for no, r in rows.items()}, lambda raw: dict(zip(names, raw))


def _raw_lines(conn: Connection, platform: str, order_ids: list[int], many: bool):
    """Stored lines per order id as tuples, and the function making one a dict (see _raw_orders)."""
    names = [c.name for c in LINES.c]
    if many and raw_bulk(conn):
        at = names.index("order_id")
        sql = (f"SELECT {', '.join(names)} FROM {LINES.name} "
               "WHERE order_id IN (SELECT id FROM orders WHERE platform = ?)")
        out: dict[int, list[tuple]] = {}
        for r in conn.exec_driver_sql(sql, (platform,)).fetchall():
            out.setdefault(r[at], []).append(r)
        return out, row_converter(LINES)
    lines = _load_lines(conn, platform, order_ids, many)
    return ({oid: [tuple(ln[n] for n in names) for ln in lns] for oid, lns in lines.items()},
            lambda raw: dict(zip(names, raw)))


def _load_lines(conn: Connection, platform: str, order_ids: list[int], many: bool) -> dict[int, list[dict]]:
    out: dict[int, list[dict]] = {}
    cols = [c for c in LINES.c]
    if many:
        where = "order_id IN (SELECT id FROM orders WHERE platform = ?)"
        for r in select_rows(conn, LINES, where, (platform,)):
            out.setdefault(r["order_id"], []).append(r)
        return out
    for part in _chunks(order_ids):
        for r in conn.execute(select(*cols).where(LINES.c.order_id.in_(part))).mappings():
            out.setdefault(r["order_id"], []).append(dict(r))
    return out


def refund_totals(conn: Connection, platform: str) -> dict[str, int]:
    """Successful refunds per order already imported from refund exports."""
    stmt = (
        select(REFUNDS.c.order_no, func.sum(REFUNDS.c.amount_fen))
        .where(REFUNDS.c.platform == platform, REFUNDS.c.status == "success")
        .group_by(REFUNDS.c.order_no)
    )
    return {no: int(total or 0) for no, total in conn.execute(stmt)}


def _derive(row: dict) -> None:
    adjust_for_refund(row)
    row["is_paid"], row["pay_date"] = derive_payment(row["status"], row["paid_at"], row["created_at"])


def recompute_refunds(conn: Connection, platform: str, order_nos: Iterable[str], batch_id: int, undo: UndoLog) -> int:
    """After refunds were written: each order's refund_fen = its successful refunds, and a paid
    order refunded in full becomes ``refunded``. Returns how many orders changed."""
    totals = refund_totals(conn, platform)
    nos = sorted(set(order_nos))
    existing = _load_orders(conn, platform, nos)
    updates = []
    for no in nos:
        old = existing.get(no)
        if old is None:
            continue
        row = {k: old[k] for k in ORDER_COMPARE}
        row["refund_fen"] = totals.get(no, 0)
        _derive(row)
        if any(row[k] != old[k] for k in ORDER_COMPARE):
            undo.change("orders", old["id"], old)
            row["batch_id"] = batch_id
            row["_key"] = old["id"]
            updates.append(row)
    bulk_update(conn, ORDERS, "id", updates, list(ORDER_COMPARE) + ["batch_id"])
    return len(updates)


def upsert(
    conn: Connection,
    table: Table,
    key_cols: tuple[str, ...],
    rows: list[dict],
    compare: tuple[str, ...],
    batch_id: int,
    undo: UndoLog,
    *,
    defaults: dict | None = None,
    with_batch: bool = True,
) -> dict[str, int]:
    """Insert new rows, update changed ones, leave equal ones; keys are ``key_cols`` values.

    Each row holds its key columns plus the columns this file determines (a subset of
    ``compare``); columns it does not hold keep their stored value.
    """
    existing: dict[tuple, dict] = {}
    for r in conn.execute(select(*table.c)).mappings():
        existing[tuple(r[k] for k in key_cols)] = dict(r)
    pk = list(table.primary_key.columns)[0].name
    inserts, updates = [], []
    added = updated = unchanged = 0
    for row in rows:
        key = tuple(row[k] for k in key_cols)
        old = existing.get(key)
        if old is None:
            new = {**(defaults or {}), **row}
            if with_batch:
                new["batch_id"] = batch_id
            inserts.append(new)
            existing[key] = new  # a key twice in one file: the later row updates the first
            added += 1
            continue
        if pk not in old:  # inserted earlier in this same file
            old.update(row)
            continue
        merged = {c: row.get(c, old[c]) for c in compare}
        if any(merged[c] != old[c] for c in compare):
            undo.change(table.name, old[pk], old)
            if with_batch:
                merged["batch_id"] = batch_id
            merged["_key"] = old[pk]
            updates.append(merged)
            old.update(merged)
            updated += 1
        else:
            unchanged += 1
    if inserts:
        cols = sorted({c for r in inserts for c in r})
        inserts = [{c: r.get(c, (defaults or {}).get(c)) for c in cols} for r in inserts]
        before = max_id(conn, table) if pk == "id" else None
        conn.execute(table.insert(), inserts)
        if pk == "id":
            for (rid,) in conn.execute(select(table.c.id).where(table.c.id > before)).all():
                undo.add(table.name, rid)
        else:
            for r in inserts:
                undo.add(table.name, r[pk])
    if updates:
        by_cols: dict[tuple, list[dict]] = {}
        for u in updates:
            by_cols.setdefault(tuple(sorted(k for k in u if k != "_key")), []).append(u)
        for cols, group in by_cols.items():
            bulk_update(conn, table, pk, group, cols)
    return {"added": added, "updated": updated, "unchanged": unchanged}
