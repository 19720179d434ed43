"""Row versions: the changed-since-you-opened-it check for people editing one shop together.

Every edit, undo and redo stamps the rows it changed in ``row_versions`` with a new version
number (one per change, growing), who made it (``Author``: the database account on a server,
the computer's user on a file) and when. A tab remembers the newest version when it loaded
(``position``); an edit made from it carries that number as ``seen``, and the ``Recorder``
refuses to write a row that someone else stamped after it (``ChangedSinceRead``), naming who
and when. Nothing is written then; the owner reloads and tries again.

The version of a change is taken under the engine's change lock (``core.engines``:
``serialise_changes``; a transaction-scoped advisory lock on PostgreSQL, SQLite's one writer
on a file), so versions are handed out in commit order and a reader's ``position`` never
skips a change committed later with a smaller number.
"""
from __future__ import annotations

import datetime as dt
import getpass
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, func, insert, select, update
from sqlalchemy.orm import Session

from core.errors import UserFacingError
from core.i18n import t
from core.models import RowVersion

if TYPE_CHECKING:
    from core.db import Database

_TABLE: Table = RowVersion.__table__  # type: ignore[assignment]
_CHUNK = 500  # row keys per IN list: well under SQLite's and PostgreSQL's bound-parameter limits


class ChangedSinceRead(UserFacingError):
    """Someone else changed a row after the edit's view of it was read; nothing was saved."""


@dataclass(frozen=True)
class Author:
    """Who makes the changes of one open ``Database``: a name people recognise and an id that
    tells this window from every other one (two windows of one person are two authors)."""

    name: str
    session_id: str


def author_of(db: Database) -> Author:
    """The ``Author`` of this open database, made on first use."""
    found = getattr(db, "_row_author", None)
    if found is None:
        found = Author(_person(db), uuid.uuid4().hex)
        db._row_author = found  # type: ignore[attr-defined]
    return found


def _person(db: Database) -> str:
    if db.is_server:
        from sqlalchemy.engine import make_url

        name = make_url(db.url).username
        if name:
            return name
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name known to the system
        return t("another window")


def row_key(key: tuple) -> str:
    return json.dumps([v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v for v in key],
                      ensure_ascii=False, default=str)[:200]


def position(session_or_conn: Any) -> int:
    """The newest version in the shop: what a view read now has seen."""
    return int(session_or_conn.execute(select(func.coalesce(func.max(_TABLE.c.version), 0))).scalar() or 0)


def current_position(db: Database) -> int:
    with db.engine.connect() as conn:
        return position(conn)


def last_change(session: Session, table: str, key: tuple) -> RowVersion | None:
    row = session.execute(select(_TABLE).where(_TABLE.c.table_name == table, _TABLE.c.row_key == row_key(key))).first()
    return row  # type: ignore[return-value]


def check_unchanged(session: Session, table: str, key: tuple, title: str, *, seen: int, me: Author) -> None:
    """Refuse when someone other than ``me`` changed the row after version ``seen``, by an edit
    or an import (or undoing one)."""
    last = last_change(session, table, key)
    if last is not None and last.version > seen and last.session_id != me.session_id:
        raise ChangedSinceRead(t(
            "{who} changed {row} at {time}; your edit was not saved — reload and try again.",
            who=last.changed_by or t("someone"), row=title, time=when(last.changed_at)))
    imported = import_since(session, table, key, seen)
    if imported is not None and (last is None or last.version < imported.version):
        raise ChangedSinceRead(t(
            "{who} changed {row} at {time} ({label}); your edit was not saved — reload and try again.",
            who=imported.changed_by or t("someone"), row=title, time=when(imported.changed_at), label=imported.label))


# ---------------------------------------------------------------- imports
#
# An import writes thousands of rows in a few set-based statements; stamping each would slow it.
# Instead the import (and undoing it) stamps ONE row, ("import_batches", [batch id]), with the
# version of the whole change, and the rows it wrote are the ones its ``import_undo`` entries
# name (written anyway, in bulk, for undo). A row an import changed after version ``seen`` is
# then found from the few imports stamped since ``seen``: usually none, so the check costs one
# indexed lookup.

IMPORTS = "import_batches"


def stamp_import(conn: Any, batch_id: int, label: str) -> int:
    """Stamp an import (or the undoing of one, ``batch_id``) with a new version; returns it. The
    import is "someone else" to every window, its own included: forms read before it are stale."""
    name = _account(conn)
    return stamp(conn, [(IMPORTS, (batch_id,))], me=Author(name, f"import-{batch_id}-{uuid.uuid4().hex[:8]}"),
                 label=label)


def _account(conn: Any) -> str:
    url = conn.engine.url
    if url.get_backend_name() != "sqlite" and url.username:
        return str(url.username)
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name known to the system
        return t("another window")


def import_since(session: Any, table: str, key: tuple, seen: int) -> RowVersion | None:
    """The newest import (or import undo) stamped after ``seen`` that wrote the row, if any."""
    if len(key) != 1:
        return None
    info = session.info.setdefault("row_versions_imports", {})
    if seen not in info:
        info[seen] = session.execute(select(_TABLE).where(_TABLE.c.table_name == IMPORTS, _TABLE.c.version > seen)
                                     .order_by(_TABLE.c.version.desc())).all()
    batches = info[seen]
    if not batches:
        return None
    from core.models import ImportUndo

    undo: Table = ImportUndo.__table__  # type: ignore[assignment]
    rows = info.setdefault(("rows", seen, table), {})
    if not rows:
        ids = {int(json.loads(b.row_key)[0]): b for b in batches}
        for batch_id, row_key in session.execute(select(undo.c.batch_id, undo.c.row_key).where(
                undo.c.batch_id.in_(list(ids)), undo.c.table_name == table)):
            found = ids[batch_id]
            if row_key not in rows or rows[row_key].version < found.version:
                rows[row_key] = found
        rows.setdefault(None, None)  # read once, even when the imports wrote nothing of this table
    return rows.get(str(key[0]))


def newer_change_by_other(session: Session, table: str, key: tuple, *, after: int, me: Author) -> RowVersion | None:
    """Someone else's change of the row stamped after version ``after``, if any (for undo's refusal)."""
    last = last_change(session, table, key)
    if last is None or last.version <= after or last.session_id == me.session_id:
        return None
    return last


def when(moment: dt.datetime | None) -> str:
    if moment is None:
        return "?"
    return moment.strftime("%H:%M") if moment.date() == dt.date.today() else moment.strftime("%Y-%m-%d %H:%M")


def stamp(session: Session, rows: Iterable[tuple[str, tuple]], *, me: Author, label: str) -> int:
    """Give the changed ``rows`` (table name, key) a new version by ``me``; returns it (0: none)."""
    keys = list(dict.fromkeys((name, row_key(key)) for name, key in rows))
    if not keys:
        return 0
    from core.engines import for_dialect

    dialect = session.get_bind().dialect if hasattr(session, "get_bind") else session.dialect
    for_dialect(dialect.name).serialise_changes(session)
    version = position(session) + 1
    now = dt.datetime.now().replace(microsecond=0)
    values = {"version": version, "session_id": me.session_id, "changed_by": me.name[:100], "changed_at": now,
              "label": label[:300]}
    # Set-based, a few statements per 500 rows: a recompute that moves thousands of members
    # stamped them one UPDATE (and INSERT) each, which took longer than the change itself.
    by_table: dict[str, list[str]] = {}
    for name, key in keys:
        by_table.setdefault(name, []).append(key)
    for name, table_keys in by_table.items():
        for start in range(0, len(table_keys), _CHUNK):
            chunk = table_keys[start:start + _CHUNK]
            of_table = (_TABLE.c.table_name == name, _TABLE.c.row_key.in_(chunk))
            known = set(session.execute(select(_TABLE.c.row_key).where(*of_table)).scalars())
            if known:
                session.execute(update(_TABLE).where(*of_table).values(**values))
            new = [{"table_name": name, "row_key": key, **values} for key in chunk if key not in known]
            if new:
                session.execute(insert(_TABLE), new)
    return version
