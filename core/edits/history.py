"""The session's undo stack: every change the owner made since the window opened, in order.

Qt-free so that its rules are tested without a window. It is used from one writer thread at a
time (``ui.edits``), and read for menu labels from the GUI thread, hence the lock.
"""
from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from core.edits.base import Change, DeletedForGood, Edit, apply_edit, redo_change, undo_change

if TYPE_CHECKING:
    from core.db import Database

LIMIT = 500  # changes kept; the oldest fall off (each holds only the rows it touched)


class History:
    def __init__(self, limit: int = LIMIT) -> None:
        self._undo: list[Change] = []
        self._redo: list[Change] = []
        self._limit = limit
        self._lock = threading.Lock()

    # -- reading (any thread)
    def undo_label(self) -> str | None:
        with self._lock:
            return self._undo[-1].label if self._undo else None

    def redo_label(self) -> str | None:
        with self._lock:
            return self._redo[-1].label if self._redo else None

    def __len__(self) -> int:
        with self._lock:
            return len(self._undo)

    # -- changing (the writer thread)
    def push(self, change: Change) -> None:
        if change.empty:
            return  # typing the value a cell already had is not a change to undo
        with self._lock:
            self._undo.append(change)
            del self._undo[:-self._limit]
            self._redo.clear()

    def clear_redo(self) -> None:
        """An import or a restore changed the data beneath the redo side: it no longer applies."""
        with self._lock:
            self._redo.clear()

    def clear(self) -> None:
        """The database was replaced (a backup restored): no recorded row is known to be there."""
        with self._lock:
            self._undo.clear()
            self._redo.clear()

    def apply(self, db: Database, edit: Edit, *, seen: int | None = None) -> Change:
        change = apply_edit(db, edit, seen=seen)
        self.push(change)
        return change

    def undo(self, db: Database) -> Change | None:
        """Undo the newest change (None when there is none); ``UndoRefused`` leaves it in place."""
        with self._lock:
            if not self._undo:
                return None
            change = self._undo[-1]
        try:
            undone = undo_change(db, change)
        except DeletedForGood:
            with self._lock:
                if self._undo and self._undo[-1] is change:
                    self._undo.pop()  # it can never be undone: the changes before it can
            raise
        with self._lock:
            self._undo.pop()
            self._redo.append(undone)
        return undone

    def redo(self, db: Database) -> Change | None:
        with self._lock:
            if not self._redo:
                return None
            change = self._redo[-1]
        redone = redo_change(db, change)
        with self._lock:
            self._redo.pop()
            self._undo.append(redone)
        return redone
