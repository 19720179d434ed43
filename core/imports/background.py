"""A writer thread: the database work of an import runs beside its parsing.

Python parses and normalises on one core while SQLite writes the parts already normalised on
the other (the sqlite3 driver releases the interpreter lock while SQLite works). The thread is
the only user of the import's connection while it runs; work is handed to it in order through
a short queue, so at most ``depth`` parts wait in memory, and a failure in the thread is raised
in the importing thread at its next hand-over or at ``finish``. Cancel is noticed within a
fraction of a second while the importing thread waits for the writer.
"""
from __future__ import annotations

import queue
import threading
from collections.abc import Callable

from core.errors import Cancelled

POLL_S = 0.2


class _Stop(Exception):
    """The importing thread gave up (an error or Cancel): work not yet started is skipped."""


class BackgroundWriter:
    def __init__(self, *, depth: int = 2, cancelled: Callable[[], bool] | None = None) -> None:
        self._queue: queue.Queue[Callable[[], None] | None] = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._cancelled = cancelled
        self._thread = threading.Thread(target=self._run, name="import-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            work = self._queue.get()
            if work is None:
                return
            if self._error is not None:
                continue  # after a failure the rest is only taken off the queue
            try:
                work()
            except BaseException as exc:  # noqa: BLE001 - handed to the importing thread
                self._error = exc

    def submit(self, work: Callable[[], None]) -> None:
        """Queue ``work`` (waits while the queue is full); raises the writer's failure, if any."""
        self._check()
        while True:
            try:
                self._queue.put(work, timeout=POLL_S)
                return
            except queue.Full:
                self._check()

    def finish(self) -> None:
        """Wait until everything queued is written; raises the writer's failure, if any."""
        self._put_end()
        self._thread.join()
        if self._error is not None and not isinstance(self._error, _Stop):
            raise self._error

    def abandon(self) -> None:
        """Skip what is still queued and wait for the part being written (the caller rolls back)."""
        if self._error is None:
            self._error = _Stop()
        self._put_end()
        self._thread.join()

    def _put_end(self) -> None:
        while self._thread.is_alive():
            try:
                self._queue.put(None, timeout=POLL_S)
                return
            except queue.Full:
                continue

    def _check(self) -> None:
        if self._error is not None and not isinstance(self._error, _Stop):
            raise self._error
        if self._cancelled is not None and self._cancelled():
            raise Cancelled()
