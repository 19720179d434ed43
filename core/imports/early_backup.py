"""The safety copy an import makes before it writes (core.backups), taken while the file is read."""
from __future__ import annotations

import threading
from pathlib import Path


_last_lock = threading.Lock()
_last: threading.Thread | None = None  # the newest copy's thread (one import after another: the CLI's files)


class EarlyBackup:
    """The safety copy an import makes before it writes (core.backups), taken on a thread while the
    file is read: the app mostly waits for the workbook reader's parse then, and SQLite copies the
    pages without holding Python's lock. ``keep()`` (before writing) waits for it, raises what it
    raised (a full disk: nothing written) and rotates the backups; ``done()`` (always) removes a copy
    that was not kept (a refused or cancelled file), at once or, while it is still being written,
    when it is complete, so that Cancel does not wait for it. The thread is not a daemon: a process
    ending meanwhile lets it finish and clean up, never leaving a partial file."""

    def __init__(self, db) -> None:
        self.db = db
        self.path: Path | None = None
        self.error: BaseException | None = None
        self.kept = self.dropped = False
        self.lock = threading.Lock()
        try:
            from core.backups import import_copy
        except ImportError:  # without core.backups an import makes no copy
            self.thread = None
            return
        global _last
        with _last_lock:
            previous, self.thread = _last, threading.Thread(target=self._copy, args=(import_copy,), name="import-backup")
            _last = self.thread
        self._previous = previous
        self.thread.start()

    def _copy(self, import_copy) -> None:
        # The copy of a refused or cancelled file may still be running when the next import starts
        # (`import a.csv locked.csv c.csv`): both picked the same free name in the same second and
        # wrote one file, and the first one's removal failed the second ("attempt to write a readonly
        # database"). One copy at a time.
        if self._previous is not None:
            self._previous.join()
            self._previous = None
        try:
            path = import_copy(self.db)
        except BaseException as exc:  # noqa: BLE001 - raised again by keep()
            self.error = exc
            return
        with self.lock:
            self.path = path
            dropped = self.dropped
        if dropped and path is not None:
            path.unlink(missing_ok=True)

    def keep(self) -> None:
        if self.thread is None:
            return
        self.thread.join()
        if self.error is not None:
            raise self.error
        self.kept = True
        if self.path is not None:
            from core.backups import rotate_imports

            rotate_imports(self.db)

    def done(self) -> None:
        if self.thread is None or self.kept:
            return
        with self.lock:
            self.dropped = True
            path = self.path
        if path is not None:
            path.unlink(missing_ok=True)
