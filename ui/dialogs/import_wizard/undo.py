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


def undo_question(file_name: str, kind: str | None) -> str:
    """The confirmation text, in the words of what the file brought (orders, SKUs, days …)."""
    # Literal translate() calls, so that lupdate finds every string.
    texts = {
        "orders": QCoreApplication.translate("ImportUndo", "Undo the import of %1? The orders it added are removed and the ones it changed are put back."),
        "lines": QCoreApplication.translate("ImportUndo", "Undo the import of %1? The order lines it added are removed and the orders it changed are put back."),
        "refunds": QCoreApplication.translate("ImportUndo", "Undo the import of %1? The refunds it added are removed and the ones it changed are put back, with their orders' refunded amounts."),
        "traffic": QCoreApplication.translate("ImportUndo", "Undo the import of %1? The traffic days it added are removed and the ones it changed are put back."),
        "products": QCoreApplication.translate("ImportUndo", "Undo the import of %1? The SKUs and stock levels it added are removed and the ones it changed are put back."),
        "members": QCoreApplication.translate("ImportUndo", "Undo the import of %1? The customers it added are removed and the ones it changed are put back."),
    }
    text = texts.get(kind or "") or QCoreApplication.translate("ImportUndo", "Undo the import of %1? What it added is removed and what it changed is put back.")
    return text.replace("%1", file_name)


def confirm_undo(parent: QWidget, file_name: str, kind: str | None = None) -> bool:
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("ImportUndo", "Undo import"),
        undo_question(file_name, kind),
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
