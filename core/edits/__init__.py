"""Every change the owner makes goes through here: typed edits, one transaction each, undoable.

    change = apply_edit(db, SetSkuFields.of("TEA-001", on_hand=40))   # validates, writes, records
    undo_change(db, change); redo_change(db, change)                   # exact, or UndoRefused
    History().apply(db, edit) / .undo(db) / .redo(db)                  # the session's undo stack

Edits per area live beside each other (``stock``, ``goals`` …); ``base`` holds the machinery.
"""
from __future__ import annotations

from core.edits.base import (
    ALL,
    TOPICS,
    Batch,
    Change,
    ChangedSinceRead,
    Edit,
    FieldError,
    Recorder,
    RowChange,
    UndoRefused,
    apply_edit,
    redo_change,
    undo_change,
)
from core.edits.history import History

__all__ = [
    "ALL", "TOPICS", "Batch", "Change", "ChangedSinceRead", "Edit", "FieldError", "History", "Recorder", "RowChange", "UndoRefused",
    "apply_edit", "redo_change", "undo_change",
]
