"""The import wizard: files → column matching (only when needed) → preview → import → report.

A ``QDialog`` with a step strip and a ``QStackedWidget`` rather than a ``QWizard``: the import
and report steps are not "pages to fill in", and the column-matching step repeats per file,
which is simpler to drive by hand than through ``nextId()``. Every page is a plain widget that
reads and writes the shared ``FileEntry`` list; this class only moves between them.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from ui.context import AppContext
from ui.dialogs.column_mapping import ColumnMappingPage
from ui.dialogs.import_wizard.entries import FileEntry
from ui.dialogs.import_wizard.files_page import FilesPage
from ui.dialogs.import_wizard.preview_page import PreviewPage
from ui.dialogs.import_wizard.report_page import ReportPage
from ui.dialogs.import_wizard.run_page import RunPage
from ui.widgets.screen_fit import resize_within_screen


class StepStrip(QWidget):
    """"1 Files › 2 Columns › 3 Preview › 4 Import › 5 Report" with the current step highlighted."""

    def __init__(self, titles: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StepStrip")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#StepStrip { background:#f4f6f9; border-bottom:1px solid #dde2ea; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(18, 10, 18, 10)
        layout.setSpacing(6)
        self.labels: list[QLabel] = []
        self.arrows: list[QLabel] = []
        for i, title in enumerate(titles):
            if i:
                arrow = QLabel("›", self)
                arrow.setStyleSheet("color:#9aa3ad; font-size:15px;")
                layout.addWidget(arrow)
                self.arrows.append(arrow)
            label = QLabel(title, self)
            layout.addWidget(label)
            self.labels.append(label)
        layout.addStretch(1)
        self._current = 0
        self._hidden: set[int] = set()

    def set_hidden(self, index: int, hidden: bool) -> None:
        (self._hidden.add if hidden else self._hidden.discard)(index)
        self.set_current(self._current)

    def set_current(self, index: int) -> None:
        self._current = index
        number = 0
        for i, label in enumerate(self.labels):
            visible = i not in self._hidden
            label.setVisible(visible)
            if i:
                self.arrows[i - 1].setVisible(visible)
            if not visible:
                continue
            number += 1
            text = label.text().split(" ", 1)[-1] if label.property("numbered") else label.text()
            label.setProperty("numbered", True)
            label.setText(f"{number} {text}")
            if i == index:
                style = "color:#ffffff; background:#2f6fb3; border-radius:10px; padding:2px 10px; font-weight:600;"
            elif i < index:
                style = "color:#2f6fb3; padding:2px 10px;"
            else:
                style = "color:#7b8490; padding:2px 10px;"
            label.setStyleSheet(style)


FILES, MAPPING, PREVIEW, RUN, REPORT = range(5)


class ImportWizard(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, files: Iterable[str | Path] = ()) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entries: list[FileEntry] = []
        self.setWindowTitle(self.tr("Import platform exports"))
        # No fixed minimum: 900 × 600 put Next and Cancel below a 1366 × 768 laptop's edge at 125 %; the pages' tables squeeze.
        resize_within_screen(self, 1040, 680)

        self.steps = StepStrip(
            [self.tr("Files"), self.tr("Columns"), self.tr("Preview"), self.tr("Import"), self.tr("Report")], self
        )
        self.files_page = FilesPage(self)
        self.mapping_page = ColumnMappingPage(self)
        self.preview_page = PreviewPage(self)
        self.run_page = RunPage(self)
        self.report_page = ReportPage(self)
        self.stack = QStackedWidget(self)
        for page in (self.files_page, self.mapping_page, self.preview_page, self.run_page, self.report_page):
            self.stack.addWidget(page)
            page.sig_changed.connect(self.update_buttons)

        self.back_button = QPushButton(self.tr("< Back"), self)
        self.next_button = QPushButton(self.tr("Next >"), self)
        self.next_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(18, 10, 18, 14)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.steps)
        body = QVBoxLayout()
        body.setContentsMargins(18, 14, 18, 0)
        body.addWidget(self.stack, 1)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)

        self.steps.set_hidden(MAPPING, True)
        self._show(FILES)
        if files:
            self.files_page.add_files(files)

    # -- navigation
    def current(self) -> int:
        return self.stack.currentIndex()

    def _show(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        self.steps.set_current(index)
        page = self.stack.currentWidget()
        page.enter()
        self.update_buttons()

    def update_buttons(self) -> None:
        index = self.current()
        page = self.stack.currentWidget()
        self.back_button.setVisible(index in (MAPPING, PREVIEW))
        self.back_button.setEnabled(page.can_go_back())
        self.next_button.setVisible(index != RUN)
        self.next_button.setEnabled(page.can_go_next())
        self.next_button.setText(page.next_text() or self.tr("Next >"))
        self.cancel_button.setVisible(index not in (RUN, REPORT))
        self.steps.set_hidden(MAPPING, not any(e.mapping is not None or e.needs_mapping for e in self.entries))

    def go_next(self) -> None:
        index = self.current()
        if index == FILES:
            self._after_files()
        elif index == MAPPING:
            self.mapping_page.confirm(on_done=self._after_files)
        elif index == PREVIEW:
            self._show(RUN)
            self.run_page.start(on_finished=lambda: self._show(REPORT))
        elif index == REPORT:
            self.accept()

    def go_back(self) -> None:
        self._show(FILES)

    def _after_files(self) -> None:
        pending = next((e for e in self.importable() if e.needs_mapping), None)
        if pending is not None:
            self.mapping_page.set_entry(pending)
            self._show(MAPPING)
        else:
            self._show(PREVIEW)

    def skip_file(self, entry: FileEntry) -> None:
        """Leave ``entry`` out of this import; go on with the next file to match, else the preview
        (or back to the files when none is left to import)."""
        if entry in self.entries:
            self.entries.remove(entry)
        self.files_page.refresh()
        if self.importable():
            self._after_files()
        else:
            self._show(FILES)

    # -- shared state
    def importable(self) -> list[FileEntry]:
        return [e for e in self.entries if e.usable]

    def busy(self) -> bool:
        """A worker is still reading, saving or importing for this wizard."""
        return self.run_page.running or self.mapping_page.saving or any(e.busy for e in self.entries)

    def reject(self) -> None:
        if self.current() == RUN:
            self.run_page.cancel()
            return
        super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.current() == RUN:
            # Closing mid-import would drop the result; cancel first (core writes nothing then).
            self.run_page.cancel()
            event.ignore()
            return
        super().closeEvent(event)
