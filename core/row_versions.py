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
    """Refuse when someone other than ``me`` changed the row after version ``seen``."""
    last = last_change(session, table, key)
    if last is None or last.version <= seen or last.session_id == me.session_id:
        return
    raise ChangedSinceRead(t(
        "{who} changed {row} at {time}; your edit was not saved — reload and try again.",
        who=last.changed_by or t("someone"), row=title, time=when(last.changed_at)))


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

    for_dialect(session.get_bind().dialect.name).serialise_changes(session)
    version = position(session) + 1
    now = dt.datetime.now().replace(microsecond=0)
    values = {"version": version, "session_id": me.session_id, "changed_by": me.name[:100], "changed_at": now,
              "label": label[:300]}
    for name, key in keys:
        where = (_TABLE.c.table_name == name, _TABLE.c.row_key == key)
        if session.execute(update(_TABLE).where(*where).values(**values)).rowcount == 0:
            session.execute(insert(_TABLE).values(table_name=name, row_key=key, **values))
    return version
