"""One long write into a shop at a time, across processes: the window's import and a scripted
``import`` at the same moment, or two windows on two computers sharing a folder.

SQLite lets one writer in at a time and makes the others wait its busy timeout (5 s), after
which they fail with "database is locked"; an import of 100,000 orders writes for longer than
that. So the long writes (imports and their undo) first take this lock: the second one waits
its turn, says once that it is waiting, can be cancelled while it waits, and gives up with a
clear message only after ``WAIT_S``. Short edits keep SQLite's own wait.

For a file database the lock is a file beside it (``shop.db.write-lock``, by the filelock
library: fcntl/msvcrt locks that the system releases when a process dies, so a crash never
leaves a shop locked). A server database has no such file: there the lock is a PostgreSQL
advisory lock (core.engines.postgresql), held on a connection of its own for the import's
length and freed by the server if the computer holding it dies; the waiting, the note and
Cancel are the same.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from core.errors import Cancelled, DatabaseLockedError
from core.i18n import t

WAIT_S = 600.0  # an import of a very large export on a slow laptop
POLL_S = 0.25  # how soon a waiting import notices Cancel


@contextmanager
def exclusive_writes(db, *, waiting: Callable[[], None] | None = None,
                     cancelled: Callable[[], bool] | None = None) -> Iterator[None]:
    if db.path is None:
        with _server_lock(db, waiting, cancelled):
            yield
        return
    from filelock import FileLock, Timeout

    lock = FileLock(str(db.path) + ".write-lock")

    def take(first: bool) -> bool:
        try:
            lock.acquire(timeout=0 if first else POLL_S)
            return True
        except Timeout:
            return False

    _wait_for(take, db.path.name, waiting, cancelled, pause=0.0)  # acquire itself waits POLL_S
    try:
        yield
    finally:
        lock.release()


def _wait_for(take: Callable[[bool], bool], name: str, waiting: Callable[[], None] | None,
              cancelled: Callable[[], bool] | None, *, pause: float = POLL_S) -> None:
    """Call ``take(first)`` until it gets the lock: says once that it waits, honours Cancel, and
    gives up after ``WAIT_S`` with the owner's message."""
    deadline = time.monotonic() + WAIT_S
    told = False
    while not take(not told):
        if cancelled is not None and cancelled():
            raise Cancelled() from None
        if time.monotonic() >= deadline:
            raise DatabaseLockedError(t(
                "Another import into {name} has been running for over {minutes} minutes. Try again when it "
                "has finished; nothing was imported.", name=name, minutes=round(WAIT_S / 60),
            )) from None
        if not told:
            told = True
            if waiting is not None:
                waiting()
        elif pause:
            time.sleep(pause)


@contextmanager
def _server_lock(db, waiting: Callable[[], None] | None, cancelled: Callable[[], bool] | None) -> Iterator[None]:
    from core.engines import for_dialect

    engine = for_dialect(db.engine.dialect.name)
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        _wait_for(lambda _first: engine.try_import_lock(conn), db.stem, waiting, cancelled)
        try:
            yield
        finally:
            try:
                engine.release_import_lock(conn)
            except Exception:  # noqa: BLE001 - a lost connection has freed it already
                pass
