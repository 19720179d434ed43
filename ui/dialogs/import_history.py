"""File → Import history…: every imported file, and Undo for one of them.

The list is read in a worker (``core.imports.import_history``), newest first (to the second;
imports within one second by their order), with each file's count of errors and warnings.
Undoing asks first and shows core's explanation inline when a batch cannot be undone (for
example when a later import changed the same orders).
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from core.errors import UserFacingError
from ui.context import AppContext
from ui.dialogs.import_wizard.entries import ERROR_FG, MUTED_FG, WARNING_FG, kind_name
from ui.dialogs.import_wizard.undo import confirm_undo, undo_import
from ui.labels import file_platform_name
from ui.tasks import run_task
from ui.widgets.banner import Banner
from ui.widgets.record_table import RecordTable
from ui.widgets.table_model import Column
from ui.widgets.screen_fit import resize_within_screen

log = logging.getLogger(__name__)

# Columns of the table; the last raw value of each row is the batch id (hidden).
(COL_FILE, COL_TIME, COL_STATE, COL_PLATFORM, COL_KIND, COL_ROWS, COL_ADDED, COL_UPDATED, COL_UNCHANGED, COL_SKIPPED,
 COL_PROBLEMS, COL_ID) = range(12)
SECONDS = "%Y-%m-%d %H:%M:%S"


class ProblemCount(int):
    """Errors + warnings of one import: sorts as the total, shows "2 errors, 1 warning"."""

    errors: int
    warnings: int

    def __new__(cls, errors: int, warnings: int) -> ProblemCount:
        value = super().__new__(cls, errors + warnings)
        value.errors, value.warnings = errors, warnings
        return value


class ImportHistoryDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Import history"))
        resize_within_screen(self, 1120, 540)
        self.banner = Banner(self)
        self.table = RecordTable([
            Column(self.tr("File")),
            Column(self.tr("Imported at"), "datetime", fmt=lambda v: v.strftime(SECONDS) if v else "—"),
            Column(self.tr("State"), fmt=self._state_text,
                   colour=lambda v, _r: MUTED_FG if v is not None else None),
            Column(self.tr("Platform"), fmt=lambda v: file_platform_name(*v)),  # (platform, kind)
            Column(self.tr("Kind"), fmt=kind_name),
            Column(self.tr("Rows read"), "int"),
            Column(self.tr("Added"), "int"),
            Column(self.tr("Updated"), "int"),
            Column(self.tr("Unchanged"), "int"),
            Column(self.tr("Skipped"), "int"),
            Column(self.tr("Problems"), "int", fmt=self._problems_text,
                   tooltip=self.tr("Errors (rows skipped) and warnings (rows imported with a remark) in the file"),
                   colour=lambda v, _r: (ERROR_FG if v.errors else WARNING_FG) if v else MUTED_FG),
            Column("id"),
        ], self)
        self.table.view.setColumnHidden(COL_ID, True)
        self.table.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.proxy.modelReset.connect(self._update_buttons)
        self.undo_button = QPushButton(self.tr("Undo import…"), self)
        self.undo_button.clicked.connect(self.undo_selected)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.undo_button)
        bottom.addWidget(self.refresh_button)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.loaded = False
        self._update_buttons()
        self.refresh()

    def _state_text(self, undone_at) -> str:
        if undone_at is None:
            return self.tr("Imported")
        return self.tr("Undone %1").replace("%1", undone_at.strftime(SECONDS))

    def _problems_text(self, count: ProblemCount) -> str:
        if not count:
            return self.tr("none")
        parts = []
        if count.errors:
            parts.append(self.tr("%n error(s)", "", count.errors))
        if count.warnings:
            parts.append(self.tr("%n warning(s)", "", count.warnings))
        return QLocale().createSeparatedList(parts)

    # -- loading
    def refresh(self) -> None:
        db = self.ctx.db
        self.loaded = False

        def work(_task):
            from core.imports import import_history

            return import_history(db)

        def failed(exc: BaseException, tb: str) -> None:
            self.loaded = True
            if not isinstance(exc, UserFacingError):
                log.error("reading the import history failed: %s", tb)
            self.banner.show_message(getattr(exc, "message", None) or str(exc), "error")

        run_task(self, work, on_done=self._show, on_error=failed)

    def _show(self, batches) -> None:
        # Newest first; several imports within one second keep their order (the proxy's sort is
        # stable), so the later one is still on top.
        newest_first = sorted(batches, key=lambda b: (b.created_at, b.batch_id), reverse=True)
        rows = [
            (b.file_name, b.created_at, b.undone_at, (b.platform, b.kind), b.kind, b.rows_read, b.added, b.updated,
             b.unchanged, b.skipped, ProblemCount(b.errors, b.warnings), b.batch_id)
            for b in newest_first
        ]
        self.table.set_rows(rows, sort_column=COL_TIME, order=Qt.SortOrder.DescendingOrder)
        self.table.view.setColumnHidden(COL_ID, True)
        if self.table.view.columnWidth(COL_FILE) > 320:
            self.table.view.setColumnWidth(COL_FILE, 320)
        empty_note = self.tr("Nothing has been imported yet. Use File → Import… to add your platform exports.")
        if not rows:
            self.banner.show_message(empty_note, "info")
        elif self.banner.text() == empty_note:
            self.banner.clear_message()
        self.loaded = True
        self._update_buttons()

    # -- undo
    def selected(self):
        rows = self.table.view.selectionModel().selectedRows() if self.table.view.selectionModel() else []
        return self.table.raw_row(rows[0].row()) if rows else None

    def _update_buttons(self, *_args) -> None:
        row = self.selected()
        self.undo_button.setEnabled(row is not None and row[COL_STATE] is None)

    def undo_selected(self) -> None:
        row = self.selected()
        if row is None or row[COL_STATE] is not None or not confirm_undo(self, row[COL_FILE], row[COL_KIND]):
            return
        name = row[COL_FILE]

        def done() -> None:
            self.banner.show_message(self.tr("The import of %1 was undone.").replace("%1", name), "info")
            self.refresh()

        undo_import(self, self.ctx, row[COL_ID], on_done=done,
                    on_refused=lambda message: self.banner.show_message(message, "error"))


def open_import_history(ctx: AppContext, parent: QWidget | None = None,
                        existing: ImportHistoryDialog | None = None) -> ImportHistoryDialog:
    """Show the history, reusing ``existing`` (kept, not deleted on close: a worker may still
    answer to it)."""
    if existing is not None:
        if not existing.isVisible():
            existing.refresh()
        existing.show()
        existing.raise_()
        existing.activateWindow()
        return existing
    dialog = ImportHistoryDialog(ctx, parent)
    dialog.show()
    return dialog
