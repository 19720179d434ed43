"""Seeing other people's changes live, and living through a lost connection (team mode).

After a change commits on a server, the writer's transaction has sent a notification naming
the change's topics (``payload``; ``core.engines.postgresql.announce``, delivered at commit).
Each open window runs one ``ChangeListener`` on its own connection: it LISTENs, hands every
other window's topics to ``on_change`` (the window reloads those tabs), and when the connection
is lost it says so (``on_state(False)``), retries with a growing pause and, once back, says so
and asks for a reload of everything, since notifications sent meanwhile were missed.

On a SQLite file nothing of this runs: there is no one else to hear from.
"""
from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from core.errors import DatabaseError
from core.i18n import t

if TYPE_CHECKING:
    from core.db import Database

log = logging.getLogger(__name__)

BACKOFF_S = (0.5, 1.0, 2.0, 4.0, 8.0, 15.0)  # pauses between reconnect attempts; the last repeats
WAIT_S = 1.0  # how long one listen waits before checking the connection and whether to stop


class ConnectionLostError(DatabaseError):
    """The server could not be reached for a read or a write; nothing of a failed write stays."""

    def __init__(self, message: str, *, server: str = "") -> None:
        super().__init__(message)
        self.server = server


def lost_connection(name: str) -> ConnectionLostError:
    return ConnectionLostError(t(
        "The connection to the server {name} was lost. ShopDesk reconnects on its own; try again in a moment.",
        name=name), server=name)


def write_lost(label: str, exc: ConnectionLostError) -> ConnectionLostError:
    """The owner's message for a change the server never confirmed: named, so it is not lost in silence."""
    return ConnectionLostError(t(
        "“{label}” was not saved: the connection to the server {name} was lost. ShopDesk reconnects on its own; "
        "check the value once the tab has reloaded and try again.", label=label, name=exc.server), server=exc.server)


def connection_lost(context: Any) -> bool:
    """Whether a failed statement (a SQLAlchemy ``handle_error`` context) failed because the server
    cannot be reached, rather than because of the statement."""
    if context.is_disconnect:
        return True
    orig = context.original_exception
    if type(orig).__name__ != "OperationalError" or context.connection is not None:
        return False
    text = str(orig).lower()  # connecting failed: refused, timed out, no route — not a refused password
    return not any(word in text for word in ("password", "role", "does not exist", "permission"))


@dataclass(frozen=True)
class Notice:
    """One change another window made: its topics, who, and its row version."""

    topics: frozenset[str]
    session_id: str
    who: str
    version: int


def payload(topics: frozenset[str] | set[str], *, session_id: str, who: str, version: int = 0) -> str:
    return json.dumps({"topics": sorted(topics), "session": session_id, "who": who, "version": version},
                      ensure_ascii=False)


def parse(text: str) -> Notice | None:
    try:
        data = json.loads(text)
        return Notice(frozenset(str(x) for x in data.get("topics") or ["*"]), str(data.get("session", "")),
                      str(data.get("who", "")), int(data.get("version") or 0))
    except (ValueError, TypeError, AttributeError):
        log.warning("ignored a change notification that is not ShopDesk's: %r", text[:200])
        return None


def announce(db: Database, topics: frozenset[str] | set[str] | str, *, version: int = 0) -> None:
    """Tell the other windows about a write made outside an edit (an import, undoing one)."""
    if not db.is_server:
        return
    from core.engines import for_dialect
    from core.row_versions import author_of

    me = author_of(db)
    topics = frozenset({topics}) if isinstance(topics, str) else frozenset(topics)
    with db.engine.begin() as conn:
        for_dialect(conn.dialect.name).announce(conn, payload(topics, session_id=me.session_id, who=me.name,
                                                              version=version))


class ChangeListener:
    """LISTEN on ``db``'s server in a thread of its own until ``stop()``.

    ``on_change(notice)`` gets other windows' changes (this window's own are skipped);
    ``on_state(connected)`` is told when the connection is lost (False) and back (True).
    Both are called from the listener's thread."""

    def __init__(self, db: Database, on_change: Callable[[Notice], None],
                 on_state: Callable[[bool], None] | None = None, *, backoff: tuple[float, ...] = BACKOFF_S) -> None:
        from core.row_versions import author_of

        self.db = db
        self.me = author_of(db)
        self.on_change = on_change
        self.on_state = on_state or (lambda _up: None)
        self.backoff = backoff
        self.connected = threading.Event()  # set while listening (tests wait on it)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> ChangeListener:
        self._thread = threading.Thread(target=self._run, name="shopdesk-listen", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        from core.engines import postgresql as engine

        attempt, lost = 0, False
        while not self._stop.is_set():
            conn: Any = None
            try:
                conn = engine.listen(self.db.engine)
                self.connected.set()
                if lost:
                    lost = False
                    log.info("connection to %s is back", self.db.display_name)
                    self.on_state(True)
                attempt = 0
                while not self._stop.is_set():
                    for text in engine.notifications(conn, WAIT_S):
                        notice = parse(text)
                        if notice is not None and notice.session_id != self.me.session_id:
                            self._tell(notice)
            except Exception as exc:  # noqa: BLE001 - any failure of the connection: retry
                self.connected.clear()
                if self._stop.is_set():
                    break
                if not lost:
                    lost = True
                    log.warning("lost the connection to %s: %s", self.db.display_name, exc)
                    self.on_state(False)
                self._stop.wait(self.backoff[min(attempt, len(self.backoff) - 1)])
                attempt += 1
            finally:
                if conn is not None:
                    try:
                        conn.close()
                    except Exception:  # noqa: BLE001 - it is gone either way
                        pass
        self.connected.clear()

    def _tell(self, notice: Notice) -> None:
        try:
            self.on_change(notice)
        except Exception:  # noqa: BLE001 - a receiver's bug must not stop the listening
            log.exception("a change notification could not be handled")
