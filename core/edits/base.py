"""The one way ShopDesk changes the owner's data: typed edits, recorded so they can be undone.

An edit is a small frozen dataclass (``SetSkuFields``, ``SetGoalTargets`` …) with a translated
``label`` and the ``topics`` it changes. ``apply_edit(db, edit)`` validates and writes it in one
transaction through a ``Recorder``, which snapshots every row the edit touches before and
after (as ``core.trash`` snapshots deletes), and returns a ``Change``. ``undo_change`` writes
the "before" rows back and ``redo_change`` the "after" rows, each in one transaction and only
while the rows are still as that change left them: a row that something newer changed is
named in the refusal, and nothing is written. Deletes go through the trash: undo restores
the trash item, redo deletes again.

Nothing here knows Qt; the window runs these on its single writer thread (``ui.edits``), the
command line and tests call them directly.
"""
from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from sqlalchemy import Table, and_, delete, insert, select, update
from sqlalchemy.orm import Session

from core import row_versions
from core.errors import UserFacingError
from core.i18n import t
from core.models import Base
from core.row_versions import Author, ChangedSinceRead  # noqa: F401 - what a refused edit raises, imported from here by callers

if TYPE_CHECKING:
    from core.db import Database

log = logging.getLogger(__name__)

# What a change can touch; a tab reloads when one of the topics it shows changed. "*" = all.
TOPICS = frozenset({
    "goals", "promotions", "stock", "skus", "customers", "tiers", "points", "staff", "tasks", "settings",
    "orders", "traffic", "imports",
})
ALL = "*"


class FieldError(UserFacingError):
    """A value the owner entered that cannot be saved: names the field (and the row) it is about,
    so the window can mark that cell or form field rather than show a dialog."""

    def __init__(self, message: str, *, field: str, row: Any = None) -> None:
        super().__init__(message)
        self.field = field
        self.row = row


class UndoRefused(UserFacingError):
    """Undo or redo cannot run because something newer changed the same rows (named)."""


class Edit(Protocol):
    """What every edit provides. ``apply`` validates (raising ``FieldError``) and writes only
    through ``rec``; it must not commit. It may return a better label than ``label`` once it has
    read what it changes (a goal's period), else None."""

    topics: ClassVar[frozenset[str]]

    @property
    def label(self) -> str: ...

    def apply(self, session: Session, rec: Recorder) -> str | None: ...


@dataclass(frozen=True)
class RowChange:
    """One row as it was before and after a change; ``None`` = the row did not exist."""

    table: str
    key: tuple
    title: str
    before: dict | None
    after: dict | None


@dataclass(frozen=True)
class Deletion:
    """Rows a change moved to the trash (``trash_id``), and how to delete them again on redo."""

    table: str
    keys: tuple
    kind: str
    title: str
    trash_id: int


@dataclass(frozen=True)
class Change:
    """What one applied edit did: the label for Edit → Undo, the topics to reload, the rows."""

    label: str
    topics: frozenset[str]
    rows: tuple[RowChange, ...] = ()
    deletions: tuple[Deletion, ...] = ()
    version: int = 0  # the row version it stamped (core.row_versions); 0: it changed nothing

    def stamped_rows(self) -> list[tuple[str, tuple]]:
        """Every row it changed or moved to the trash, as (table, key)."""
        return ([(r.table, r.key) for r in self.rows]
                + [(d.table, key if isinstance(key, tuple) else (key,)) for d in self.deletions for key in d.keys])

    @property
    def empty(self) -> bool:
        return not self.rows and not self.deletions

    def touches(self, table: str, key: tuple) -> bool:
        return any(r.table == table and r.key == key for r in self.rows)


# ---------------------------------------------------------------- rows


def table_of(model_or_table: type[Base] | Table | str) -> Table:
    if isinstance(model_or_table, Table):
        return model_or_table
    if isinstance(model_or_table, str):
        return Base.metadata.tables[model_or_table]
    return model_or_table.__table__  # type: ignore[attr-defined]


def _where(table: Table, key: tuple):
    cols = list(table.primary_key.columns)
    return and_(*(c == v for c, v in zip(cols, key, strict=True)))


def read_row(session: Session, table: Table, key: tuple, *, lock: bool = False) -> dict | None:
    """The row at ``key`` as a dict; ``lock``: and keep others from changing it until commit
    (FOR UPDATE on a server; a file has one writer anyway)."""
    query = select(table).where(_where(table, key))
    row = session.execute(query.with_for_update() if lock else query).first()
    return dict(row._mapping) if row is not None else None


def read_rows(session: Session, table: Table, keys: Iterable[tuple], *, lock: bool = False) -> dict[tuple, dict]:
    """The rows at ``keys`` by key, a few hundred per query (absent keys are left out); the same
    rows ``read_row`` gives one by one, for edits that touch thousands (a tier recompute)."""
    keys = list(keys)
    cols = list(table.primary_key.columns)
    if len(cols) != 1:
        return {key: row for key in keys if (row := read_row(session, table, key, lock=lock)) is not None}
    found: dict[tuple, dict] = {}
    for start in range(0, len(keys), _READ_CHUNK):
        query = select(table).where(cols[0].in_([key[0] for key in keys[start:start + _READ_CHUNK]]))
        for row in session.execute(query.with_for_update() if lock else query):
            mapping = dict(row._mapping)
            found[(mapping[cols[0].name],)] = mapping
    # A key given as another type than the column's ("5" for 5) matches in SQL but not in the
    # dict: those (and rows really absent, few) are read one by one, exactly as read_row would.
    for key in keys:
        if key not in found and (row := read_row(session, table, key, lock=lock)) is not None:
            found[key] = row
    return found


_READ_CHUNK = 500  # keys per IN list: well under SQLite's and PostgreSQL's bound-parameter limits


def _write_row(session: Session, table: Table, key: tuple, row: dict | None, title: str = "") -> None:
    """Make the row at ``key`` be exactly ``row`` (None: absent)."""
    exists = session.execute(select(1).where(_where(table, key))).first() is not None
    if row is None:
        if exists and session.execute(delete(table).where(_where(table, key))).rowcount == 0:
            # Row-level security on a server hides a row it will not let this account delete.
            from core.trash import kept_by_server

            raise kept_by_server(title or f"{table.name} {', '.join(map(str, key))}")
    elif exists:
        session.execute(update(table).where(_where(table, key)).values(**row))
    else:
        session.execute(insert(table).values(**row))


class Recorder:
    """Writes for an edit and remembers each touched row's state before its first write."""

    def __init__(self, session: Session, *, seen: int | None = None, author: Author | None = None) -> None:
        """``seen``: the row version the owner's view was read at (core.row_versions); a row
        ``author``-else changed after it is refused. None: no such check (the command line)."""
        self.session = session
        self.seen = seen
        self.author = author
        self._before: dict[tuple[str, tuple], dict | None] = {}
        self._titles: dict[tuple[str, tuple], str] = {}
        self._deletions: list[Deletion] = []

    def _touch(self, table: Table, key: tuple, title: str) -> None:
        k = (table.name, key)
        if k not in self._before:
            self._titles[k] = title or f"{table.name} {', '.join(map(str, key))}"
            self._before[k] = read_row(self.session, table, key, lock=True)
            self._check_seen(table.name, key, self._titles[k])

    def prefetch(self, model: type[Base] | Table, keys: Iterable[Any], *, titles: Mapping[Any, str] | None = None) -> None:
        """Read the before-state of many rows at once (what ``update`` would read one by one)."""
        table = table_of(model)
        unread = [k for k in dict.fromkeys(_as_tuple(key) for key in keys) if (table.name, k) not in self._before]
        rows = read_rows(self.session, table, unread, lock=True)
        for key in unread:
            k = (table.name, key)
            title = (titles or {}).get(key[0] if len(key) == 1 else key, "")
            self._titles[k] = title or f"{table.name} {', '.join(map(str, key))}"
            self._before[k] = rows.get(key)
            self._check_seen(table.name, key, self._titles[k])

    def _check_seen(self, table: str, key: tuple, title: str) -> None:
        if self.seen is not None and self.author is not None:
            row_versions.check_unchanged(self.session, table, key, title, seen=self.seen, me=self.author)

    def update(self, model: type[Base] | Table, key: Any, values: Mapping[str, Any], *, title: str = "") -> None:
        """Set ``values`` on the existing row ``key`` (a scalar or a tuple for composite keys)."""
        table, key = table_of(model), _as_tuple(key)
        self._touch(table, key, title)
        if self._before[(table.name, key)] is None and read_row(self.session, table, key) is None:
            raise UserFacingError(t("{title} no longer exists; it may have been deleted. Reload and try again.",
                                    title=self._titles[(table.name, key)]))
        if values:
            self.session.execute(update(table).where(_where(table, key)).values(**values))

    def upsert(self, model: type[Base] | Table, key: Any, values: Mapping[str, Any], *, title: str = "") -> None:
        """Update the row ``key``, creating it (with ``values`` and its key) when missing."""
        table, key = table_of(model), _as_tuple(key)
        self._touch(table, key, title)
        if read_row(self.session, table, key) is None:
            pk = {c.name: v for c, v in zip(table.primary_key.columns, key, strict=True)}
            self.session.execute(insert(table).values(**pk, **values))
        elif values:
            self.session.execute(update(table).where(_where(table, key)).values(**values))

    def insert(self, model: type[Base] | Table, values: Mapping[str, Any], *, title: str = "") -> tuple:
        """Add a row; returns its primary key."""
        table = table_of(model)
        result = self.session.execute(insert(table).values(**values))
        key = tuple(result.inserted_primary_key)
        self._before.setdefault((table.name, key), None)
        self._titles.setdefault((table.name, key), title or f"{table.name} {', '.join(map(str, key))}")
        return key

    def remove(self, model: type[Base] | Table, key: Any, *, title: str = "") -> None:
        """Remove one link row outright (a task's dependency): undo writes it back. Things the
        owner would look for in the trash go through ``delete`` instead."""
        table, key = table_of(model), _as_tuple(key)
        self._touch(table, key, title)
        self.session.execute(delete(table).where(_where(table, key)))

    def delete(self, model: type[Base], keys: Iterable[Any], *, kind: str, title: str) -> None:
        """Move rows (and what depends on them) to the trash, as every delete in ShopDesk does."""
        from core import trash

        table, keys = table_of(model), tuple(keys)
        for key in keys:
            self._check_seen(table.name, _as_tuple(key), title)
        item = trash.delete_rows(self.session, model, keys, kind, title)
        self._deletions.append(Deletion(table.name, keys, kind, title, item.id))

    def change(self, label: str, topics: frozenset[str]) -> Change:
        self.session.flush()
        rows = []
        keys_of: dict[str, list[tuple]] = {}
        for name, key in self._before:
            keys_of.setdefault(name, []).append(key)
        afters = {name: read_rows(self.session, table_of(name), keys) for name, keys in keys_of.items()}
        for (name, key), before in self._before.items():
            after = afters[name].get(key)
            if after != before:
                rows.append(RowChange(name, key, self._titles[(name, key)], before, after))
        change = Change(label, frozenset(topics), tuple(rows), tuple(self._deletions))
        if self.author is None:
            return change
        return dataclasses.replace(change, version=_stamp(self.session, change, self.author))


def _as_tuple(key: Any) -> tuple:
    return tuple(key) if isinstance(key, (tuple, list)) else (key,)


# ---------------------------------------------------------------- apply, undo, redo


def _stamp(session: Session, change: Change, author: Author) -> int:
    """Stamp the change's rows with a new row version and, on a server, tell the other windows
    (delivered at commit). Returns the version (0: nothing changed)."""
    if change.empty:
        return 0
    version = row_versions.stamp(session, change.stamped_rows(), me=author, label=change.label)
    from core.engines import for_dialect
    from core.live import payload

    for_dialect(session.get_bind().dialect.name).announce(
        session, payload(change.topics, session_id=author.session_id, who=author.name, version=version))
    return version


@contextmanager
def _connection_kept(db: Database, label: str) -> Iterator[None]:
    """A write the server never confirmed is reported, naming it, not lost in silence."""
    from core.live import ConnectionLostError, write_lost

    try:
        yield
    except ConnectionLostError as exc:
        raise write_lost(label, exc) from exc


def apply_edit(db: Database, edit: Edit, *, seen: int | None = None) -> Change:
    """Validate and write ``edit`` in one transaction; returns what changed (maybe nothing).

    ``seen``: the row version the edit's view was read at (``core.row_versions.position``);
    a row someone else changed since is refused (``ChangedSinceRead``) and nothing is written."""
    with _connection_kept(db, edit.label), db.transaction() as s:
        rec = Recorder(s, seen=seen, author=row_versions.author_of(db))
        label = edit.apply(s, rec) or edit.label
        change = rec.change(label, edit.topics)
    log.info("edit %r: %d row(s) changed, %d deletion(s)", change.label, len(change.rows), len(change.deletions))
    return change


def _check(session: Session, change: Change, expected: str, me: Author | None = None) -> None:
    """Refuse when a row is no longer as ``change`` left it (``expected`` = "after" for an undo,
    "before" for a redo), naming the row and, when an import wrote it since, the file."""
    undoing = expected == "after"
    for row in change.rows:
        wanted = getattr(row, expected)
        current = read_row(session, table_of(row.table), row.key, lock=True)
        if current == wanted:
            continue
        other = me and row_versions.newer_change_by_other(session, row.table, row.key, after=change.version, me=me)
        if other:
            raise UndoRefused(
                t("“{label}” cannot be undone: {who} changed {row} at {time}, after it. Nothing was changed.",
                  label=change.label, who=other.changed_by, row=row.title, time=row_versions.when(other.changed_at))
                if undoing else
                t("“{label}” cannot be redone: {who} changed {row} at {time}, since. Nothing was changed.",
                  label=change.label, who=other.changed_by, row=row.title, time=row_versions.when(other.changed_at)))
        batch = (current or {}).get("batch_id")
        if batch is not None and batch != (wanted or {}).get("batch_id"):
            from core.models import ImportBatch

            name = session.scalar(select(ImportBatch.file_name).where(ImportBatch.id == batch)) or "?"
            raise UndoRefused(
                t("“{label}” cannot be undone: the import of {file} changed {row} after it. Nothing was changed.",
                  label=change.label, file=name, row=row.title) if undoing else
                t("“{label}” cannot be redone: the import of {file} changed {row} since. Nothing was changed.",
                  label=change.label, file=name, row=row.title))
        raise UndoRefused(
            t("“{label}” cannot be undone: {row} was changed after it (by an import, a restore or another window). "
              "Nothing was changed.", label=change.label, row=row.title) if undoing else
            t("“{label}” cannot be redone: {row} was changed since (by an import, a restore or another window). "
              "Nothing was changed.", label=change.label, row=row.title))


def undo_change(db: Database, change: Change) -> Change:
    """Put back the rows as they were before ``change``; returns the change to keep for redo."""
    me = row_versions.author_of(db)
    with _connection_kept(db, change.label), db.transaction() as s:
        _check(s, change, "after", me)
        for row in reversed(change.rows):
            _write_row(s, table_of(row.table), row.key, row.before, row.title)
        from core import trash

        for d in reversed(change.deletions):
            if _put_back_already(s, d):
                continue  # restored with Edit → Trash… meanwhile: this part is undone already
            if _gone_for_good(s, d):
                raise DeletedForGood(t("Cannot put back “{name}”: no longer in the trash (deleted for good there, or older "
                                       "than 30 days). Undo now goes on to the change before it.", name=d.title))
            trash.restore_in(s, d.trash_id)
        version = _stamp(s, change, me)
    return dataclasses.replace(change, version=version)


class DeletedForGood(UserFacingError):
    """The undo of a delete whose trash item is gone and whose rows are not back: it can never be undone,
    so ``History`` drops it (else it stayed on top of the stack and blocked every older undo)."""


def _gone_for_good(session: Session, d: Deletion) -> bool:
    from core.models import TrashItem

    return session.get(TrashItem, d.trash_id) is None and not _put_back_already(session, d)


def _put_back_already(session: Session, d: Deletion) -> bool:
    """The deletion's trash item is gone and its rows are back: the owner restored them from the trash.
    Undoing the delete then has nothing left to do (before, it was refused as "no longer in the trash"
    and stayed on top of the stack, so no older change could be undone either)."""
    from core.models import TrashItem

    if session.get(TrashItem, d.trash_id) is not None:
        return False
    model = _model_of(d.table)
    return bool(d.keys) and all(session.get(model, key) is not None for key in d.keys)


def redo_change(db: Database, change: Change) -> Change:
    """Apply ``change`` again after an undo; deletions get new trash items."""
    me = row_versions.author_of(db)
    with _connection_kept(db, change.label), db.transaction() as s:
        _check(s, change, "before", me)
        for row in change.rows:
            _write_row(s, table_of(row.table), row.key, row.after, row.title)
        from core import trash

        deletions = []
        for d in change.deletions:
            model = _model_of(d.table)
            item = trash.delete_rows(s, model, d.keys, d.kind, d.title)
            deletions.append(dataclasses.replace(d, trash_id=item.id))
        redone = dataclasses.replace(change, deletions=tuple(deletions))
        version = _stamp(s, redone, me)
    return dataclasses.replace(redone, version=version)


def _model_of(table_name: str) -> type[Base]:
    for mapper in Base.registry.mappers:
        if mapper.local_table.name == table_name:
            return mapper.class_
    raise KeyError(table_name)


@dataclass(frozen=True)
class Batch:
    """Several edits as one change (a pasted block): all validated and written together."""

    edits: tuple[Edit, ...]
    cells: int = 0  # how many cells the owner pasted, for the label
    batch_label: str = ""
    topics: frozenset[str] = field(default=frozenset())

    def __post_init__(self) -> None:
        if not self.topics:
            object.__setattr__(self, "topics", frozenset().union(*(e.topics for e in self.edits)))

    @property
    def label(self) -> str:
        if self.batch_label:
            return self.batch_label
        n = self.cells or len(self.edits)
        return self.edits[0].label if n == 1 else t("Paste {n} cell(s)", n=n)

    def apply(self, session: Session, rec: Recorder) -> str | None:
        labels = [edit.apply(session, rec) for edit in self.edits]
        return labels[0] if len(labels) == 1 and self.cells <= 1 and not self.batch_label else None
