"""Undo of one import batch, and the import history.

Undo puts back every row the batch changed (from ``import_undo.before``) and deletes every
row it added, in one transaction. It refuses while a later batch that has not been undone
touched the same rows (or lines of an order this batch added): that batch must be undone
first, or its changes would be lost or left pointing at nothing.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import Boolean, Date, DateTime, Integer, Table, select, update

from core import data_revisions
from core.errors import UserFacingError
from core.i18n import t
from core.imports.results import BatchSummary
from core.models import Base, ImportBatch, ImportUndo
from core.write_lock import exclusive_writes

BATCHES: Table = ImportBatch.__table__  # type: ignore[assignment]
UNDO: Table = ImportUndo.__table__  # type: ignore[assignment]
# Children before parents when deleting added rows; parents first when restoring.
_DELETE_ORDER = ("order_lines", "refunds", "stock_levels", "tier_changes", "points_ledger", "customers", "traffic_daily", "orders", "skus", "products", "channels")
CHUNK = 500


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _pk(table: Table) -> str:
    return list(table.primary_key.columns)[0].name


def _pk_value(table_name: str, row_key: str) -> object:
    table = _table(table_name)
    if table_name == "order_lines":
        row_key = row_key.split("/", 1)[1]
    return int(row_key) if isinstance(table.c[_pk(table)].type, Integer) else row_key


def _restore_values(table: Table, before: dict) -> dict:
    out = {}
    for key, value in before.items():
        if key not in table.c:
            continue
        col_type = table.c[key].type
        if value is not None and isinstance(col_type, DateTime):
            value = dt.datetime.fromisoformat(value)
        elif value is not None and isinstance(col_type, Date):
            value = dt.date.fromisoformat(value)
        elif value is not None and isinstance(col_type, Boolean):
            value = bool(value)
        out[key] = value
    return out


def _order_of(table_name: str, row_key: str) -> str | None:
    if table_name == "orders":
        return row_key
    if table_name == "order_lines":
        return row_key.split("/", 1)[0]
    return None


def undo_batch(db, batch_id: int) -> None:
    """Restore the database exactly as it was before ``batch_id``, or explain why not."""
    with exclusive_writes(db), db.engine.begin() as conn:
        batch = conn.execute(select(BATCHES).where(BATCHES.c.id == batch_id)).mappings().first()
        if batch is None:
            raise UserFacingError(t("There is no import #{id}.", id=batch_id))
        if batch["undone_at"] is not None:
            raise UserFacingError(
                t("Import #{id} ({file}) was already undone on {when}.", id=batch_id, file=batch["file_name"],
                  when=batch["undone_at"].strftime("%Y-%m-%d %H:%M"))
            )
        entries = conn.execute(
            select(UNDO.c.table_name, UNDO.c.row_key, UNDO.c.before).where(UNDO.c.batch_id == batch_id).order_by(UNDO.c.id)
        ).all()
        keys = {(e.table_name, e.row_key) for e in entries}
        orders = {e.row_key for e in entries if e.table_name == "orders"}
        later = conn.execute(
            select(UNDO.c.batch_id, UNDO.c.table_name, UNDO.c.row_key)
            .join(BATCHES, BATCHES.c.id == UNDO.c.batch_id)
            .where(UNDO.c.batch_id > batch_id, BATCHES.c.undone_at.is_(None))
        ).all()
        blocking = sorted({
            r.batch_id for r in later
            if (r.table_name, r.row_key) in keys or _order_of(r.table_name, r.row_key) in orders
        })
        if blocking:
            names = conn.execute(select(BATCHES.c.id, BATCHES.c.file_name).where(BATCHES.c.id.in_(blocking))).all()
            listed = ", ".join(f"#{i} {name}" for i, name in names)
            raise UserFacingError(
                t("Import #{id} cannot be undone: later imports changed the same orders or rows ({later}). "
                  "Undo those first (newest first), then undo this one.", id=batch_id, later=listed)
            )
        added: dict[str, list] = defaultdict(list)
        changed: dict[str, dict] = defaultdict(dict)
        for e in entries:
            if e.before is None:
                added[e.table_name].append(_pk_value(e.table_name, e.row_key))
            else:
                # The first entry for a column holds its state before this batch (a row can be touched
                # twice, e.g. a customer's tier and then its points, each entry naming its own columns).
                row = changed[e.table_name].setdefault(e.row_key, {})
                for column, value in e.before.items():
                    row.setdefault(column, value)
        for name in _DELETE_ORDER:
            if added.get(name):
                table = _table(name)
                col = table.c[_pk(table)]
                for i in range(0, len(added[name]), CHUNK):
                    conn.execute(table.delete().where(col.in_(added[name][i:i + CHUNK])))
        for name in reversed(_DELETE_ORDER):
            if changed.get(name):
                _restore(conn, _table(name), list(changed[name].values()))
        if batch["kind"] in ("orders", "lines", "refunds", "members") and batch["platform"]:
            from core.customers import rebuild_customers

            # Customers built from orders hold no undo entries: they are rebuilt from the orders
            # as they are again now (core.customers), so a later import's orders still count.
            rebuild_customers(conn, batch["platform"])
        elif batch["kind"] == "products":  # lines it matched to its SKUs: their buyers' favourite categories
            from core.customers import rebuild_customers
            from core.imports.sku_match import buyers_of

            matched = {int(e.row_key.split("/", 1)[0]) for e in entries if e.table_name == "order_lines"}
            for platform, keys in buyers_of(conn, matched).items():
                rebuild_customers(conn, platform, keys=keys)
        conn.execute(update(BATCHES).where(BATCHES.c.id == batch_id).values(undone_at=dt.datetime.now().replace(microsecond=0)))
        from core.row_versions import stamp_import

        stamp_import(conn, batch_id, t("undoing the import of {file}", file=batch["file_name"]))
        data_revisions.bump(conn)  # the orders changed: results kept from them are stale
    db.refresh_statistics()


def _restore(conn, table: Table, befores: list[dict]) -> None:
    pk = _pk(table)
    rows = [_restore_values(table, b) for b in befores]
    keys = [r[pk] for r in rows]
    present = set()
    for i in range(0, len(keys), CHUNK):
        present.update(v for (v,) in conn.execute(select(table.c[pk]).where(table.c[pk].in_(keys[i:i + CHUNK]))))
    to_update = [r for r in rows if r[pk] in present]
    # A partial entry (a customer's tier and its validity start, core.tiers) only updates a row;
    # a row that is gone (added by the same batch, deleted above) stays gone.
    to_insert = [r for r in rows if r[pk] not in present and len(r) == len(table.c)]
    if to_insert:
        conn.execute(table.insert(), to_insert)
    if to_update:
        from core.imports.write import bulk_update

        by_cols: dict[tuple, list[dict]] = defaultdict(list)
        for r in to_update:
            by_cols[tuple(c for c in r if c != pk)].append({**r, "_key": r[pk]})
        for cols, group in by_cols.items():
            bulk_update(conn, table, pk, group, cols)


def import_history(db) -> list[BatchSummary]:
    """Every import, newest first, with its counts and whether it was undone."""
    with db.engine.connect() as conn:
        rows = conn.execute(select(BATCHES).order_by(BATCHES.c.id.desc())).mappings().all()
        # undone batches stay listed (greyed in the window) so the history is complete
    return [
        BatchSummary(
            batch_id=r["id"], file_name=r["file_name"], created_at=r["created_at"], platform=r["platform"],
            kind=r["kind"], rows_read=r["rows_read"], added=r["added"], updated=r["updated"],
            unchanged=r["unchanged"], skipped=r["skipped"], errors=len(r["errors"] or []),
            warnings=len(r["warnings"] or []), undone_at=r["undone_at"],
        )
        for r in rows
    ]
