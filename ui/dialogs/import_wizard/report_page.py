"""Step 5: what each file added, updated, left unchanged or skipped; its problems; Undo.

The problem table lists the row numbers the owner sees in Excel. "Export these rows to
Excel…" writes them through core's export helper so they can be fixed and imported again.
"""
from __future__ import annotations

import html
import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from core.errors import UserFacingError
from ui.dialogs.import_wizard.entries import (
    ERROR_FG, MUTED_FG, WARNING_FG, FileEntry, detected_text, elide_middle,
)
from ui.dialogs.import_wizard.page import WizardPage, heading
from ui.dialogs.import_wizard.undo import confirm_undo, undo_import
from ui.tasks import run_task
from ui.widgets.banner import Banner
from ui.widgets.record_table import RecordTable
from ui.widgets.table_model import Column

log = logging.getLogger(__name__)
(COL_FILE, COL_WHAT, COL_ADDED, COL_UPDATED, COL_UNCHANGED, COL_SKIPPED, COL_PROBLEMS, COL_UNDO) = range(8)


class ReportPage(WizardPage):
    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.title = heading("", self)
        self.banner = Banner(self)
        self.files = QTableWidget(0, 8, self)
        self.files.setHorizontalHeaderLabels([
            self.tr("File"), self.tr("Platform · kind"), self.tr("Added"), self.tr("Updated"),
            self.tr("Unchanged"), self.tr("Skipped"), self.tr("Problems"), "",
        ])
        self.files.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.files.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.files.verticalHeader().setVisible(False)
        self.files.setWordWrap(False)
        self.files.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.files.verticalHeader().setDefaultSectionSize(34)
        header = self.files.horizontalHeader()
        header.setSectionResizeMode(COL_FILE, QHeaderView.ResizeMode.Stretch)
        for col in range(COL_WHAT, COL_UNDO + 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.files.itemSelectionChanged.connect(self._show_problems)

        self.problems_title = QLabel(self)
        self.problems_title.setStyleSheet("font-weight:600;")
        self.export_button = QPushButton(self.tr("Export these rows to Excel…"), self)
        self.export_button.clicked.connect(self.export_problems)
        self.problems = RecordTable([
            Column(self.tr("Excel row"), "int", fmt=lambda v: str(v) if v else self.tr("whole file")),
            Column(self.tr("Sheet")),
            Column(self.tr("Column")),
            Column(self.tr("Type"), colour=lambda v, _r: ERROR_FG if v == self.tr("Error") else WARNING_FG),
            Column(self.tr("Problem")),
        ], self)
        self.problems.view.horizontalHeader().setStretchLastSection(True)  # a sentence: it takes the free width
        problem_bar = QHBoxLayout()
        problem_bar.addWidget(self.problems_title, 1)
        problem_bar.addWidget(self.export_button)
        self.problems_box = QWidget(self)
        box = QVBoxLayout(self.problems_box)
        box.setContentsMargins(0, 6, 0, 0)
        box.addLayout(problem_bar)
        box.addWidget(self.problems, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.banner)
        layout.addWidget(self.files)
        layout.addWidget(self.problems_box, 1)
        self.rows: list[FileEntry] = []
        self.undo_buttons: dict[int, QPushButton] = {}

    def next_text(self) -> str:
        return self.tr("Close")

    def can_go_back(self) -> bool:
        return False

    # -- showing the outcome
    def enter(self) -> None:
        run = self.wizard.run_page
        self.rows = list(run.queue)
        imported = [e for e in self.rows if e.result is not None]
        failed = [e for e in self.rows if e.import_error]
        self.title.setText(self.tr("Import cancelled") if run.cancelled else self.tr("Import finished"))
        self._summarise(imported, failed, run.cancelled)
        self.files.setRowCount(len(self.rows))
        self.undo_buttons = {}
        for row, entry in enumerate(self.rows):
            self._fill_row(row, entry)
        # As tall as its rows (up to five), so the problems below get the room.
        shown = min(len(self.rows), 5)
        self.files.setFixedHeight(self.files.horizontalHeader().height() + 34 * shown + 2 * self.files.frameWidth())
        first = next((i for i, e in enumerate(self.rows) if self._problem_list(e)), 0)
        if self.rows:
            self.files.selectRow(first)
        self._show_problems()

    def _summarise(self, imported: list[FileEntry], failed: list[FileEntry], cancelled: bool) -> None:
        added = sum(e.result.orders_added for e in imported)
        updated = sum(e.result.orders_updated for e in imported)
        unchanged = sum(e.result.orders_unchanged for e in imported)
        skipped = sum(e.result.rows_skipped for e in imported)
        if cancelled and not imported:
            self.banner.show_message(self.tr("Cancelled; nothing was imported."), "warning")
            return
        text = self.tr("%n file(s) imported: ", "", len(imported)) + self.tr(
            "%1 added, %2 updated, %3 unchanged, %4."
        ).replace("%1", f"{added:,}").replace("%2", f"{updated:,}").replace("%3", f"{unchanged:,}").replace(
            "%4", self.tr("%n row(s) skipped", "", skipped))
        matched = sum(e.result.lines_matched_by_title for e in imported)
        if matched:  # e.g. the stock template after the orders: their sales now count for the SKUs
            text += " " + self.tr("Matched to a SKU by its title: %n order line(s) without a SKU code, whose sales now count for it.", "",
                                  matched)
        level = "info"
        if cancelled:
            text = self.tr("Cancelled. The files after the cancelled one were not imported.") + " " + text
            level = "warning"
        if failed:
            text += "<br>" + "<br>".join(
                f"<b>{html.escape(elide_middle(e.name, 60))}</b>: {html.escape(e.import_error)}" for e in failed
            )
            level = "error" if not imported else "warning"
        self.banner.show_message(text, level)

    def _fill_row(self, row: int, entry: FileEntry) -> None:
        name = QTableWidgetItem(entry.name)
        name.setToolTip(str(entry.path))
        self.files.setItem(row, COL_FILE, name)
        result = entry.result
        if result is None:
            what = QTableWidgetItem(entry.import_error or self.tr("Not imported"))
            what.setForeground(QBrush(QColor(ERROR_FG if entry.import_error else MUTED_FG)))
            what.setToolTip(entry.import_error or "")
            self.files.setItem(row, COL_WHAT, what)
            self.files.setSpan(row, COL_WHAT, 1, COL_UNDO - COL_WHAT + 1)
            return
        if self.files.columnSpan(row, COL_WHAT) > 1:
            self.files.setSpan(row, COL_WHAT, 1, 1)
        self.files.setItem(row, COL_WHAT, QTableWidgetItem(detected_text(result.platform, result.kind, None)))
        counts = (result.orders_added, result.orders_updated, result.orders_unchanged, result.rows_skipped,
                  len(result.errors) + len(result.warnings))
        for col, value in zip(range(COL_ADDED, COL_PROBLEMS + 1), counts):
            item = QTableWidgetItem(f"{value:,}")
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if col == COL_ADDED and result.lines_added:
                item.setToolTip(self.tr("%n order line(s) added", "", result.lines_added))
            if col in (COL_SKIPPED, COL_PROBLEMS) and value:
                item.setForeground(QBrush(QColor(ERROR_FG if result.errors else WARNING_FG)))
            self.files.setItem(row, col, item)
        if result.batch_id:
            button = QPushButton(self.tr("Undone") if entry.undone else self.tr("Undo"), self.files)
            button.setEnabled(not entry.undone)
            button.setToolTip(self.tr("Remove what this file added and put back what it changed"))
            button.clicked.connect(lambda _c=False, e=entry: self.undo(e))
            self.files.setCellWidget(row, COL_UNDO, button)
            self.undo_buttons[row] = button

    # -- problems of the selected file
    def _selected(self) -> FileEntry | None:
        rows = self.files.selectionModel().selectedRows()
        if rows:
            return self.rows[rows[0].row()]
        return self.rows[0] if self.rows else None

    @staticmethod
    def _problem_list(entry: FileEntry) -> list:
        if entry.result is None:
            return []
        return list(entry.result.errors) + list(entry.result.warnings)

    def _show_problems(self) -> None:
        entry = self._selected()
        problems = self._problem_list(entry) if entry else []
        self.problems_box.setVisible(bool(problems))
        if not problems:
            self.problems.set_rows([])
            return
        self.problems_title.setText(
            self.tr("Problems in %1").replace("%1", elide_middle(entry.name, 60))
        )
        error, warning = self.tr("Error"), self.tr("Warning")
        rows = [(p.row, getattr(p, "sheet", ""), p.column, error if p.severity == "error" else warning, p.message)
                for p in problems]
        self.problems.set_rows(rows, sort_column=0)
        has_sheets = any(r[1] for r in rows)
        self.problems.view.setColumnHidden(1, not has_sheets)
        self.export_button.setToolTip(
            self.tr("Write these rows with their problems to an Excel file, to fix the export and import it again")
        )

    def export_problems(self) -> None:
        entry = self._selected()
        if entry is None or entry.result is None:
            return
        default = str(entry.path.with_name(self.tr("%1 - rows to fix.xlsx").replace("%1", entry.path.stem)))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the rows to fix"), default, self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        result = entry.result

        def work(_task):
            from core.imports import export_problems

            export_problems(result, Path(path))
            return Path(path)

        def done(dest: Path) -> None:
            self.banner.show_message(self.tr("The rows to fix were written to %1.").replace("%1", str(dest)), "info")

        def failed(exc: BaseException, tb: str) -> None:
            if not isinstance(exc, UserFacingError):
                log.error("exporting problem rows failed: %s", tb)
            self.banner.show_message(getattr(exc, "message", None) or str(exc), "error")

        run_task(self, work, on_done=done, on_error=failed)

    # -- undo
    def undo(self, entry: FileEntry) -> None:
        if entry.undone or entry.result is None or not confirm_undo(self, entry.name, entry.result.kind):
            return
        row = self.rows.index(entry)

        def done() -> None:
            entry.undone = True
            self._fill_row(row, entry)
            self.banner.show_message(self.tr("The import of %1 was undone.").replace("%1", entry.name), "info")

        undo_import(self, self.wizard.ctx, entry.result.batch_id, on_done=done,
                    on_refused=lambda message: self.banner.show_message(message, "error"))
