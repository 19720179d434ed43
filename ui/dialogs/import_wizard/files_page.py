"""Step 1: the chosen files, what each was recognised as, a platform override, and templates.

Each file is read (``core.imports.inspect_file``) in a worker as soon as it is added, and again
when the owner picks another platform. Files that cannot be read stay in the list with their
message and are left out of the import.
"""
from __future__ import annotations

import html
import logging
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QLocale, QStandardPaths, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QMenu, QPushButton,
    QStackedLayout, QTableWidget, QTableWidgetItem, QToolButton, QVBoxLayout,
)

from core.errors import UserFacingError
from core.i18n import t
from ui.dialogs.import_wizard.entries import (
    ERROR_FG, MUTED_FG, OK_FG, PLATFORMS, WARNING_FG, FileEntry, detected_text, elide_middle,
)
from ui.dialogs.import_wizard.page import WizardPage, heading, hint
from ui.labels import platform_name
from ui.tasks import run_task
from ui.widgets.banner import Banner

log = logging.getLogger(__name__)

FILE_FILTER = "*.xlsx *.xls *.xlsm *.csv *.txt *.htm *.html *.ods"
COL_FILE, COL_DETECTED, COL_PLATFORM, COL_STATUS = range(4)


class FilesPage(WizardPage):
    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.add_button = QPushButton(self.tr("Add files…"), self)
        self.add_button.clicked.connect(self.choose_files)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self.remove_selected)
        self.template_button = QToolButton(self)
        self.template_button.setText(self.tr("Get an empty template") + "  ▾")
        self.template_button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0; }")
        self.template_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.template_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.template_menu = QMenu(self)
        self.template_menu.aboutToShow.connect(self._fill_template_menu)
        self.template_button.setMenu(self.template_menu)
        tools = QHBoxLayout()
        tools.addWidget(self.add_button)
        tools.addWidget(self.remove_button)
        tools.addStretch(1)
        tools.addWidget(self.template_button)

        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Recognised as"), self.tr("Platform"), self.tr("Status")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(34)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_FILE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_DETECTED, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_PLATFORM, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COL_STATUS, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(COL_PLATFORM, 150)
        self.table.setColumnWidth(COL_STATUS, 240)
        self.table.itemSelectionChanged.connect(lambda: self.remove_button.setEnabled(bool(self._selected_rows())))

        self.empty = QLabel(
            self.tr("Drop the exports you downloaded from your seller back-end here,\nor click “Add files…”."), self
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color:#7b8490; font-size:14px; border:2px dashed #c9d1db; border-radius:8px;")
        self.table_area = QStackedLayout()
        self.table_area.addWidget(self.empty)
        self.table_area.addWidget(self.table)

        self.banner = Banner(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(self.tr("Choose the files to import"), self))
        layout.addWidget(hint(self.tr(
            "Orders, refunds, products and stock, traffic or members, from any platform. ShopDesk recognises the "
            "platform and the kind of data from the column headers; correct the platform if it guessed wrong."
        ), self))
        layout.addSpacing(4)
        layout.addLayout(tools)
        layout.addLayout(self.table_area, 1)
        layout.addWidget(self.banner)

    # -- wizard protocol
    def can_go_next(self) -> bool:
        entries = self.wizard.entries
        return bool(self.wizard.importable()) and not any(e.busy for e in entries)

    def next_text(self) -> str:
        if any(e.needs_mapping for e in self.wizard.importable()):
            return self.tr("Match columns >")
        return self.tr("Preview >")

    # -- adding and removing files
    def choose_files(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation)
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Choose platform exports"), folder,
            self.tr("Exports and spreadsheets (%1)").replace("%1", FILE_FILTER) + ";;" + self.tr("All files (*)"),
        )
        if paths:
            self.add_files(paths)

    def add_files(self, paths: Iterable[str | Path]) -> None:
        known = {e.path.resolve() for e in self.wizard.entries}
        for raw in paths:
            path = Path(raw)
            if path.resolve() in known or path.is_dir():
                continue
            known.add(path.resolve())
            entry = FileEntry(path)
            self.wizard.entries.append(entry)
            self.inspect(entry)
        self.refresh()

    def remove_selected(self) -> None:
        rows = set(self._selected_rows())
        self.wizard.entries[:] = [e for i, e in enumerate(self.wizard.entries) if i not in rows]
        self.refresh()

    def _selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.table.selectionModel().selectedRows()})

    # -- reading files
    def inspect(self, entry: FileEntry) -> None:
        entry.busy = True
        entry.error = None
        entry.generation += 1
        generation = entry.generation
        db, path, platform = self.wizard.ctx.db, entry.path, entry.platform

        def work(_task):
            from core.imports import inspect_file

            return inspect_file(path, db=db, platform=platform)

        def done(inspection) -> None:
            if entry.generation != generation:
                return
            entry.busy, entry.inspection, entry.mapping, entry.kind = False, inspection, None, None
            self.refresh()

        def failed(exc: BaseException, tb: str) -> None:
            if entry.generation != generation:
                return
            entry.busy, entry.inspection = False, None
            if isinstance(exc, UserFacingError):
                entry.error = exc.message
            else:
                log.error("reading %s failed: %s", path, tb)
                entry.error = self.tr(
                    "ShopDesk could not read this file (%1). Check that it is an export from the seller back-end; "
                    "the details are in the log file."
                ).replace("%1", f"{type(exc).__name__}: {exc}")
            self.refresh()

        run_task(self, work, on_done=done, on_error=failed)

    def _platform_chosen(self, entry: FileEntry, combo: QComboBox) -> None:
        code = combo.currentData()
        if code and code != entry.chosen_platform:
            entry.platform = code
            self.inspect(entry)
            self.refresh()

    # -- showing the list
    def refresh(self) -> None:
        entries = self.wizard.entries
        self.table_area.setCurrentWidget(self.table if entries else self.empty)
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            self._fill_row(row, entry)
        self.table.resizeColumnToContents(COL_DETECTED)
        self._show_problems()
        self.sig_changed.emit()

    def _fill_row(self, row: int, entry: FileEntry) -> None:
        insp = entry.inspection
        name = QTableWidgetItem(entry.name)
        details = [str(entry.path)]
        if insp is not None:
            extra = [getattr(insp, "file_type", "") or "", getattr(insp, "encoding", "") or ""]
            sheets = getattr(insp, "sheets", None) or []
            if len(sheets) > 1:
                extra.append(self.tr("sheets: %1").replace("%1", QLocale().createSeparatedList(sheets)))
            details.append(" · ".join(x for x in extra if x))
        name.setToolTip("\n".join(d for d in details if d))
        self.table.setItem(row, COL_FILE, name)

        if entry.busy:
            detected, status, colour = "", self.tr("Reading…"), MUTED_FG
        elif entry.error is not None:
            detected, status, colour = "—", self.tr("Cannot be imported"), ERROR_FG
        else:
            if entry.chosen_platform:
                detected = detected_text(entry.chosen_platform, insp.kind, insp.confidence)
            elif not getattr(insp, "needs_mapping", True) and getattr(insp, "layout_name", ""):
                # ShopDesk's own templates belong to no platform: name the template instead.
                detected = " · ".join([t(insp.layout_name), f"{round(insp.confidence * 100)}%"])
            elif getattr(insp, "kind", "") == "orders" and "order_no" in (getattr(insp, "missing_required", None) or []) \
                    and getattr(insp, "layout_name", ""):
                # a trimmed order report without 订单编号 (TB2018.xls): its orders can be identified by a rule
                detected = self.tr("Orders without an order number")
            else:
                detected = self.tr("Layout not recognised")
            status, colour = self._status(entry)
        detected_item = QTableWidgetItem(detected)
        self.table.setItem(row, COL_DETECTED, detected_item)
        status_item = QTableWidgetItem(status)
        status_item.setForeground(QBrush(QColor(colour)))
        status_item.setToolTip(entry.error or status)
        self.table.setItem(row, COL_STATUS, status_item)
        if entry.error is not None:
            for col in (COL_FILE, COL_DETECTED):
                self.table.item(row, col).setForeground(QBrush(QColor(MUTED_FG)))

        combo = QComboBox(self.table)
        if entry.chosen_platform is None:
            combo.addItem(self.tr("Choose…"), None)
        for code in PLATFORMS:
            combo.addItem(platform_name(code), code)
        index = combo.findData(entry.chosen_platform)
        combo.setCurrentIndex(max(index, 0))
        combo.setEnabled(entry.usable)
        combo.setToolTip(self.tr("The platform the file comes from; change it if ShopDesk guessed wrong."))
        combo.currentIndexChanged.connect(lambda _i, e=entry, c=combo: self._platform_chosen(e, c))
        self.table.setCellWidget(row, COL_PLATFORM, combo)

    def _status(self, entry: FileEntry) -> tuple[str, str]:
        if entry.needs_mapping:
            return self.tr("Columns to match"), WARNING_FG
        problems = getattr(entry.inspection, "problems", None) or []
        errors = sum(1 for p in problems if getattr(p, "severity", "error") == "error")
        warnings = len(problems) - errors
        matched = self.tr("Columns matched") if entry.mapping is not None else self.tr("Ready")
        if errors:
            return self.tr("%1 · %n row(s) with errors", "", errors).replace("%1", matched), WARNING_FG
        if warnings:
            return self.tr("%1 · %n warning(s)", "", warnings).replace("%1", matched), OK_FG
        return matched, OK_FG

    def _show_problems(self) -> None:
        bad = [e for e in self.wizard.entries if e.error is not None]
        if not bad:
            self.banner.clear_message()
            return
        lines = [_named_message(e.name, e.error) for e in bad]
        intro = self.tr("%n file(s) cannot be imported and will be left out:", "", len(bad))
        self.banner.show_message(html.escape(intro) + "<br>" + "<br>".join(lines), "error")

    # -- templates
    def _fill_template_menu(self) -> None:
        from core.imports import TEMPLATES

        # core.imports.TEMPLATES names them in English only: the menu shows them in the UI's language.
        names = {"stock": self.tr("Products and stock (商品库存模板)"), "traffic": self.tr("Daily traffic (每日流量模板)")}
        self.template_menu.clear()
        for kind, english in TEMPLATES.items():
            label = names.get(kind, english)
            action = self.template_menu.addAction(label)
            action.triggered.connect(lambda _c=False, k=kind, n=label: self.save_template(k, n))

    def save_template(self, kind: str, label: str) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        default = str(Path(folder) / self.tr("ShopDesk template - %1.xlsx").replace("%1", label))
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the empty template"), default, self.tr("Excel workbook (*.xlsx)")
        )
        if not path:
            return

        def work(_task):
            from core.imports import write_template

            write_template(kind, Path(path))
            return Path(path)

        def done(dest: Path) -> None:
            self.banner.show_message(
                self.tr("Template saved as %1. Fill it in, save it, then add it here.").replace("%1", str(dest)), "info"
            )

        def failed(exc: BaseException, tb: str) -> None:
            if not isinstance(exc, UserFacingError):
                log.error("writing template failed: %s", tb)
            self.banner.show_message(getattr(exc, "message", str(exc)), "error")

        run_task(self, work, on_done=done, on_error=failed)


def _named_message(name: str, message: str) -> str:
    """"<b>file</b>: message" as rich text; core's messages often start with the name already."""
    shown = elide_middle(name, 60)
    if message.startswith(name):
        return f"<b>{html.escape(shown)}</b>{html.escape(message[len(name):])}"
    return f"<b>{html.escape(shown)}</b>: {html.escape(message)}"
