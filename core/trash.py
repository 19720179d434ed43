"""Delete with undo: the one mechanism every delete in ShopDesk goes through.

``delete`` writes a snapshot of the rows into the ``trash`` table and removes them, in the
caller's transaction, so a delete and its snapshot are committed together or not at all.
The snapshot covers what the database would take or change along with them, found from the
schema itself (so a new table is covered without code here): rows that reference them with
``ON DELETE CASCADE`` (an order's lines, a promotion's results, a goal's sub-goals) are
deleted and kept; rows that reference them with ``ON DELETE SET NULL`` (the tasks of a
promotion or of a person) keep living, and the link is remembered and put back on restore.

``restore`` puts everything back with the same primary keys. If a new row took one of those
keys meanwhile (SQLite reuses the highest free id), the restored row gets a new id and every
reference inside the snapshot follows it; nothing the owner made since is overwritten.

Undoing an import is also recorded here (kind ``import_batch``): the rows the batch wrote
are kept so that "restore" re-applies the import exactly. Items expire after 30 days.
"""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, Date, DateTime, Table, null, and_, delete as sql_delete, insert, select, tuple_, update
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.errors import UserFacingError
from core.i18n import t
from core.models import Base, TrashItem

if TYPE_CHECKING:
    from core.db import Database

log = logging.getLogger(__name__)

KEEP_DAYS = 30
FORMAT = 1  # payload layout version, for restoring items written by older versions


@dataclass(frozen=True)
class TrashEntry:
    """One deleted thing, as the Trash dialog and Edit → Undo show it."""

    id: int
    kind: str
    title: str
    deleted_at: dt.datetime
    rows: int
    expires_at: dt.datetime


def kind_label(kind: str) -> str:
    """The owner's word for a kind of deleted thing."""
    labels = {
        "import_batch": t("Import"),
        "goal": t("Goal"),
        "promotion": t("Promotion"),
        "task": t("Task"),
        "staff": t("Team member"),
        "task_template": t("SOP template"),  # as the SOP dialog names them
        "order": t("Order"),
        "sku": t("Product"),
        "customer": t("Member"),
        "tier": t("Member tier"),
    }
    return labels.get(kind, kind)


# ---------------------------------------------------------------- schema helpers


def _table(name: str) -> Table:
    try:
        return Base.metadata.tables[name]
    except KeyError:
        raise UserFacingError(
            t("This item was deleted by another version of ShopDesk and cannot be restored here.")
        ) from None


def _pk_cols(table: Table) -> list:
    return list(table.primary_key.columns)


def _referencing(table: Table) -> list[tuple[Table, Any]]:
    """(child table, foreign key) for every foreign key in the schema that points at ``table``."""
    found = []
    for child in Base.metadata.sorted_tables:
        for fk in child.foreign_keys:
            if fk.column.table is table:
                found.append((child, fk))
    return found


def _encode(value: Any) -> Any:
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return value


def _decode(table: Table, row: dict) -> dict:
    out = {}
    for name, value in row.items():
        col = table.columns.get(name)
        if col is None:  # a column dropped since the delete: nothing to put it in
            continue
        if value is None and isinstance(col.type, JSON):
            value = null()  # SQL NULL, as the row had; plain None would be stored as JSON 'null'
        elif value is not None and isinstance(col.type, DateTime):
            value = dt.datetime.fromisoformat(value)
        elif value is not None and isinstance(col.type, Date):
            value = dt.date.fromisoformat(value)
        out[name] = value
    return out


def _pk_of(table: Table, row: dict) -> list:
    return [row[c.name] for c in _pk_cols(table)]


def _where_pk(table: Table, keys: list[list]):
    cols = _pk_cols(table)
    if len(cols) == 1:
        return cols[0].in_([k[0] for k in keys])
    return tuple_(*cols).in_([tuple(k) for k in keys])


# ---------------------------------------------------------------- snapshots


class Snapshot:
    """Rows in parent-before-child order, plus SET NULL links to put back."""

    def __init__(self) -> None:
        self.rows: list[dict] = []  # {"table", "row"}
        self.links: list[dict] = []  # {"table", "pk", "column", "value"}
        self._seen: set[tuple] = set()

    def add(self, session: Session, table: Table, where) -> None:
        fetched = [dict(r._mapping) for r in session.execute(select(table).where(where))]
        fresh = []
        for row in fetched:
            key = (table.name, *map(str, _pk_of(table, row)))
            if key not in self._seen:
                self._seen.add(key)
                fresh.append(row)
                self.rows.append({"table": table.name, "row": {k: _encode(v) for k, v in row.items()}})
        if not fresh:
            return
        for child, fk in _referencing(table):
            values = list({row[fk.column.name] for row in fresh if row[fk.column.name] is not None})
            if not values:
                continue
            for chunk in _chunks(values):
                ondelete = (fk.ondelete or "").upper()
                if ondelete == "CASCADE":
                    self.add(session, child, fk.parent.in_(chunk))
                elif ondelete == "SET NULL":
                    for r in session.execute(select(*_pk_cols(child), fk.parent).where(fk.parent.in_(chunk))):
                        m = dict(r._mapping)
                        self.links.append({
                            "table": child.name,
                            "pk": [_encode(m[c.name]) for c in _pk_cols(child)],
                            "column": fk.parent.name,
                            "value": _encode(m[fk.parent.name]),
                        })

    def payload(self, mode: str, extra: dict | None = None) -> dict:
        return {"format": FORMAT, "mode": mode, "rows": self.rows, "links": self.links, **(extra or {})}


def _chunks(values: list, size: int = 500) -> Iterable[list]:
    # SQLite limits the number of bound parameters in one statement.
    for i in range(0, len(values), size):
        yield values[i:i + size]


def _remove(session: Session, rows: list[dict]) -> None:
    """Delete snapshot rows children first, so the result does not depend on PRAGMA foreign_keys."""
    by_table: dict[str, list[list]] = {}
    order: list[str] = []
    for item in rows:
        table = _table(item["table"])
        if table.name not in by_table:
            by_table[table.name] = []
            order.append(table.name)
        by_table[table.name].append(_pk_of(table, _decode(table, item["row"])))
    for name in reversed(order):
        table = _table(name)
        # Self-referencing rows (sub-goals) are removed deepest first, as they were found last.
        keys = list(reversed(by_table[name]))
        for chunk in _chunks(keys):
            if session.execute(sql_delete(table).where(_where_pk(table, chunk))).rowcount < len(chunk):
                left = session.execute(select(table).where(_where_pk(table, chunk))).first()
                if left is not None:  # still there: the server's row-level security kept it
                    raise kept_by_server(_title_of(table, dict(left._mapping)))


def kept_by_server(title: str) -> UserFacingError:
    """A delete the server silently declined (row-level security: staff delete only tasks they added)."""
    return UserFacingError(t("The server kept {row}: your role may delete only tasks you added yourself; ask the "
                             "owner or a manager. Nothing was changed.", row=title))


def _title_of(table: Table, row: dict) -> str:
    for name in ("title", "name", "code"):
        if row.get(name):
            return str(row[name])
    return table.name


# ---------------------------------------------------------------- public API


def delete(session: Session, obj_or_rows: Any, kind: str, title: str) -> TrashItem:
    """Move ORM object(s) and what depends on them to the trash; returns the (flushed) item.

    Runs in the caller's session; the caller commits (``with db.transaction() as s``).
    """
    objs = [obj_or_rows] if hasattr(obj_or_rows, "__table__") else list(obj_or_rows)
    if not objs:
        raise ValueError("nothing to delete")
    session.flush()
    snap = Snapshot()
    for obj in objs:
        table = obj.__table__
        state = sa_inspect(obj)
        keys = list(state.identity or [getattr(obj, c.key) for c in _pk_cols(table)])
        cols = _pk_cols(table)
        snap.add(session, table, and_(*(c == v for c, v in zip(cols, keys))))
    for obj in objs:
        if sa_inspect(obj).session is session:
            session.expunge(obj)
    _remove(session, snap.rows)
    item = TrashItem(kind=kind, title=title[:300], payload=snap.payload("insert"), deleted_at=_now())
    session.add(item)
    session.flush()
    log.info("moved %s %r to the trash (%d rows)", kind, title, len(snap.rows))
    return item


def delete_rows(session: Session, model: type[Base], keys: Iterable[Any], kind: str, title: str) -> TrashItem:
    """Like ``delete`` for rows given by primary key (single-column keys)."""
    table = model.__table__
    col = _pk_cols(table)[0]
    snap = Snapshot()
    for chunk in _chunks(list(keys)):
        snap.add(session, table, col.in_(chunk))
    if not snap.rows:
        raise UserFacingError(t("There is nothing to delete; it may have been deleted already."))
    _remove(session, snap.rows)
    item = TrashItem(kind=kind, title=title[:300], payload=snap.payload("insert"), deleted_at=_now())
    session.add(item)
    session.flush()
    return item


def record_undo(
    session: Session,
    kind: str,
    title: str,
    capture: Callable[[Session, Snapshot], None],
    apply: Callable[[Session], None],
    extra: dict | None = None,
) -> TrashItem:
    """Record a destructive operation that is not a plain delete (undoing an import).

    ``capture`` adds the rows the operation will delete or change to the snapshot; ``apply``
    then does the operation. Restoring writes the captured rows back over whatever the
    operation left (same primary keys), which re-does what was undone.
    """
    session.flush()
    snap = Snapshot()
    capture(session, snap)
    apply(session)
    item = TrashItem(kind=kind, title=title[:300], payload=snap.payload("replace", extra), deleted_at=_now())
    session.add(item)
    session.flush()
    return item


def undo_import(db: Database, batch_id: int) -> TrashEntry:
    """Undo an import (``core.imports.undo_batch``) so that it shows in the trash and can be re-done.

    The rows the batch wrote are kept first, in their imported state; restoring the item
    writes them back. The trash item is committed before the undo runs: a crash between the
    two leaves an item whose restore changes nothing, never an undo that cannot be re-done.
    """
    from core.imports import undo_batch
    from core.imports.undo import _pk_value  # how import_undo names a row; one rule for both

    from core.models import ImportBatch, ImportUndo

    with db.transaction() as s:
        batch = s.get(ImportBatch, batch_id)
        if batch is None or batch.undone_at is not None:
            undo_batch(db, batch_id)  # raises core's message for a missing or already undone batch
        snap = Snapshot()
        snap.add(s, ImportBatch.__table__, ImportBatch.id == batch_id)
        for table in Base.metadata.sorted_tables:
            col = table.columns.get("batch_id")
            if col is not None and any(fk.column.table.name == "import_batches" for fk in col.foreign_keys) \
                    and table.name != "import_undo":
                snap.add(s, table, col == batch_id)
        entries = s.execute(select(ImportUndo.table_name, ImportUndo.row_key).where(ImportUndo.batch_id == batch_id)).all()
        by_table: dict[str, list] = {}
        for name, key in entries:
            by_table.setdefault(name, []).append(_pk_value(name, key))
        for table in Base.metadata.sorted_tables:  # parents before children
            if table.name in by_table:
                pk = _pk_cols(table)[0]
                for chunk in _chunks(by_table[table.name]):
                    snap.add(s, table, pk.in_(chunk))
        extra = {"batch_id": batch_id, "keys": [[n, k] for n, k in entries]}
        item = TrashItem(kind="import_batch", title=batch.file_name[:300], payload=snap.payload("replace", extra),
                         deleted_at=_now())
        s.add(item)
        s.flush()
        entry = _entry(item)
    try:
        undo_batch(db, batch_id)
    except BaseException:
        purge(db, entry.id)  # refused (a later import depends on it) or failed: nothing was undone
        raise
    return entry


def _check_import_redo(session: Session, payload: dict, title: str) -> None:
    """Refuse to re-apply an import over rows a later import has changed since."""
    from core.models import ImportBatch, ImportUndo

    keys = {tuple(k) for k in payload.get("keys", [])}
    later = session.execute(
        select(ImportBatch.file_name, ImportUndo.table_name, ImportUndo.row_key)
        .join(ImportBatch, ImportBatch.id == ImportUndo.batch_id)
        .where(ImportUndo.batch_id > payload.get("batch_id", 0), ImportBatch.undone_at.is_(None))
    ).all()
    clashing = sorted({name for name, table, key in later if (table, key) in keys})
    if clashing:
        raise UserFacingError(
            t("“{title}” cannot be imported again from the trash: later imports changed the same rows ({later}). "
              "Undo those first, or import the file again.", title=title, later=", ".join(clashing))
        )


def _rebuild_customers(session: Session, batch_id: int | None) -> None:
    """An import put back from the trash brings its orders back: customers follow them, as
    after the import itself (core.customers)."""
    from core.customers import rebuild_customers
    from core.models import ImportBatch

    batch = session.get(ImportBatch, batch_id) if batch_id is not None else None
    if batch is not None and batch.platform and batch.kind in ("orders", "lines", "refunds", "members"):
        session.flush()
        rebuild_customers(session.connection(), batch.platform)


def _stamp_import_back(session: Session, batch_id: int | None, title: str) -> None:
    """The import's rows changed again: stamp it, as importing and undoing it do (core.row_versions),
    so a form another window read before is refused rather than saved over them unseen."""
    from core.row_versions import stamp_import

    if batch_id is not None:
        session.flush()
        stamp_import(session.connection(), batch_id, t("putting back the import of {file} from the trash", file=title))


def restore(db: Database, trash_id: int) -> TrashEntry:
    """Put a deleted item back exactly; the trash entry is removed. Raises when it cannot."""
    with db.transaction() as s:
        return restore_in(s, trash_id)


def restore_in(session: Session, trash_id: int) -> TrashEntry:
    """``restore`` inside the caller's transaction (the editing path undoes a delete together
    with the rest of its change). A clash is raised before anything is left half-written: the
    caller's transaction rolls back."""
    s = session
    item = s.get(TrashItem, trash_id)
    if item is None:
        raise UserFacingError(t("This item is no longer in the trash (restored or expired)."))
    entry = _entry(item)
    payload = item.payload or {}
    try:
        if item.kind == "import_batch":
            _check_import_redo(s, payload, item.title)
        if payload.get("mode") == "replace":
            _remove(s, payload.get("rows", []))
        mapping = _insert_rows(s, payload.get("rows", []), remap=payload.get("mode") != "replace")
        _restore_links(s, payload.get("links", []), mapping)
        if item.kind == "import_batch":
            _rebuild_customers(s, payload.get("batch_id"))
            _stamp_import_back(s, payload.get("batch_id"), item.title)
        s.delete(item)
        s.flush()
    except IntegrityError as exc:
        raise UserFacingError(
            t(
                "“{title}” cannot be restored: something with the same name or number exists "
                "now. Rename or delete that first, then restore again.",
                title=entry.title,
            ),
            detail=str(exc.orig),
        ) from exc
    log.info("restored %s %r from the trash", entry.kind, entry.title)
    return entry


def undo_last(db: Database) -> TrashEntry | None:
    """Edit → Undo: restore the most recently deleted item, if any."""
    with db.session() as s:
        last = s.scalar(select(TrashItem.id).order_by(TrashItem.deleted_at.desc(), TrashItem.id.desc()).limit(1))
    return restore(db, last) if last is not None else None


def list_trash(db: Database) -> list[TrashEntry]:
    """Everything in the trash, most recently deleted first."""
    with db.session() as s:
        items = s.scalars(select(TrashItem).order_by(TrashItem.deleted_at.desc(), TrashItem.id.desc())).all()
        return [_entry(i) for i in items]


def purge_expired(db: Database, days: int = KEEP_DAYS, *, now: dt.datetime | None = None) -> int:
    """Forget items deleted more than ``days`` ago; returns how many."""
    cutoff = (now or _now()) - dt.timedelta(days=days)
    with db.transaction() as s:
        result = s.execute(sql_delete(TrashItem).where(TrashItem.deleted_at < cutoff))
        return result.rowcount or 0


def purge(db: Database, trash_id: int) -> None:
    """Delete one item from the trash for good (the owner asked)."""
    with db.transaction() as s:
        s.execute(sql_delete(TrashItem).where(TrashItem.id == trash_id))


# ---------------------------------------------------------------- restoring


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def _plain(title: str) -> str:
    """The name as the owner typed it: items deleted by earlier builds kept a task's name in quotes
    (“选品与定价”), which the trash showed as they were."""
    if len(title) > 2 and title[0] == "“" and title[-1] == "”" and "“" not in title[1:-1]:
        return title[1:-1]
    return title


def _entry(item: TrashItem) -> TrashEntry:
    payload = item.payload or {}
    return TrashEntry(
        id=item.id,
        kind=item.kind,
        title=_plain(item.title),
        deleted_at=item.deleted_at,
        rows=len(payload.get("rows", [])),
        expires_at=item.deleted_at + dt.timedelta(days=KEEP_DAYS),
    )


def _exists(session: Session, table: Table, pk: list) -> bool:
    cols = _pk_cols(table)
    return session.execute(select(1).where(and_(*(c == v for c, v in zip(cols, pk))))).first() is not None


def _insert_rows(session: Session, rows: list[dict], *, remap: bool) -> dict[tuple[str, Any], Any]:
    """Insert snapshot rows parent-first; returns {(table, old id): new id} for moved rows."""
    mapping: dict[tuple[str, Any], Any] = {}
    for item in rows:
        table = _table(item["table"])
        row = _decode(table, item["row"])
        for fk in table.foreign_keys:
            ref = (fk.column.table.name, row.get(fk.parent.name))
            if ref in mapping:
                row[fk.parent.name] = mapping[ref]
        cols = _pk_cols(table)
        pk = _pk_of(table, row)
        if remap and table.autoincrement_column is not None and _exists(session, table, pk):
            # The id went to something new; give the restored row a fresh one.
            del row[cols[0].name]
            new_id = session.execute(insert(table).values(**row)).inserted_primary_key[0]
            mapping[(table.name, pk[0])] = new_id
            continue
        session.execute(insert(table).values(**row))
    return mapping


def _restore_links(session: Session, links: list[dict], mapping: dict) -> None:
    for link in links:
        table = _table(link["table"])
        col = table.columns.get(link["column"])
        if col is None:
            continue
        fk = next(iter(col.foreign_keys), None)
        value = link["value"]
        if fk is not None:
            value = mapping.get((fk.column.table.name, value), value)
        cols = _pk_cols(table)
        pk = _decode(table, dict(zip((c.name for c in cols), link["pk"])))
        cond = and_(*(c == pk[c.name] for c in cols), col.is_(None))  # never undo a newer choice
        session.execute(update(table).where(cond).values({col.name: value}))
