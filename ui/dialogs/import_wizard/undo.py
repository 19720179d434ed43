"""Undo one import batch: confirm, run ``core.imports.undo_batch`` on the writer thread, tell the tabs.

Shared by the wizard's report and the import history, so both ask the same question and show
core's refusal ("a later import changed these orders…") the same way.
"""
from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.context import AppContext

log = logging.getLogger(__name__)


def confirm_undo(parent: QWidget, file_name: str) -> bool:
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("ImportUndo", "Undo import"),
        QCoreApplication.translate("ImportUndo", "Undo the import of %1? The orders it added are removed and the ones it changed are put back.")
        .replace("%1", file_name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def undo_import(
    parent: QWidget,
    ctx: AppContext,
    batch_id: int,
    *,
    on_done: Callable[[], None],
    on_refused: Callable[[str], None],
) -> None:
    """Undo ``batch_id`` on the writer thread (``ctx.edits.run_job``: then the tabs reload and the
    redo side of Edit → Undo/Redo is cleared); ``on_refused`` gets core's explanation when it
    cannot, a bug goes to the crash dialog."""
    db = ctx.db

    def work(_task):
        from core.trash import undo_import  # undo_batch, recorded in the trash so it can be re-done

        return undo_import(db, batch_id)

    ctx.edits.run_job(work, parent=parent, on_done=lambda _entry: on_done(),
                      on_error=lambda exc: on_refused(exc.message),
                      progress_label=QCoreApplication.translate("ImportUndo", "Undoing the import…"))
