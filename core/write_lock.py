"""One long write into a shop at a time, across processes: the window's import and a scripted
``import`` at the same moment, or two windows on two computers sharing a folder.

SQLite lets one writer in at a time and makes the others wait its busy timeout (5 s), after
which they fail with "database is locked"; an import of 100,000 orders writes for longer than
that. So the long writes (imports and their undo) first take this lock: the second one waits
its turn, says once that it is waiting, can be cancelled while it waits, and gives up with a
clear message only after ``WAIT_S``. Short edits keep SQLite's own wait.

For a file database the lock is a file beside it (``shop.db.write-lock``, by the filelock
library: fcntl/msvcrt locks that the system releases when a process dies, so a crash never
leaves a shop locked). A server database has no such file; it relies on the server's locks.
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
        yield
        return
    from filelock import FileLock, Timeout

    lock = FileLock(str(db.path) + ".write-lock")
    deadline = time.monotonic() + WAIT_S
    told = False
    while True:
        try:
            lock.acquire(timeout=0 if not told else POLL_S)
            break
        except Timeout:
            if cancelled is not None and cancelled():
                raise Cancelled() from None
            if time.monotonic() >= deadline:
                raise DatabaseLockedError(t(
                    "Another import into {name} has been running for over {minutes} minutes. Try again when it "
                    "has finished; nothing was imported.", name=db.path.name, minutes=round(WAIT_S / 60),
                )) from None
            if not told:
                told = True
                if waiting is not None:
                    waiting()
    try:
        yield
    finally:
        lock.release()
