"""The column-matching step: ShopDesk's fields against the headers of a file it did not recognise.

One row per field (required ones marked), a combo of the file's headers, and sample values from
the file so the owner sees what each column holds. Confirming saves the mapping under the file's
header signature (``core.imports.save_mapping``), so the next export with the same layout is
recognised without asking again.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFormLayout, QHBoxLayout, QHeaderView, QTableWidget, QTableWidgetItem,
    QVBoxLayout,
)

from core.errors import UserFacingError
from ui.dialogs.import_wizard.entries import KINDS, MUTED_FG, PLATFORMS, FileEntry, elide_middle, kind_name
from ui.dialogs.import_wizard.page import WizardPage, heading, hint
from ui.labels import platform_name
from ui.tasks import run_task
from ui.widgets.banner import Banner

log = logging.getLogger(__name__)

COL_FIELD, COL_HEADER, COL_SAMPLE = range(3)
SAMPLES = 3


def header_samples(inspection: Any) -> dict[str, list[str]]:
    """The first few non-empty values of each header of the file, as text."""
    samples = getattr(inspection, "samples", None)
    if isinstance(samples, dict):
        return {h: [str(v) for v in values if v not in (None, "")][:SAMPLES] for h, values in samples.items()}
    out: dict[str, list[str]] = {h: [] for h in getattr(inspection, "headers", None) or []}
    for row in getattr(inspection, "raw_preview", None) or getattr(inspection, "preview", None) or []:
        if not isinstance(row, dict):
            continue
        for h, values in out.items():
            value = row.get(h)
            if value not in (None, "") and len(values) < SAMPLES:
                values.append(str(value))
    return out


class ColumnMappingPage(WizardPage):
    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.entry: FileEntry | None = None
        self.saving = False
        self.title = heading("", self)
        self.kind_combo = QComboBox(self)
        for kind in KINDS:
            self.kind_combo.addItem(kind_name(kind), kind)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._fill_fields())
        self.platform_combo = QComboBox(self)
        for code in PLATFORMS:
            self.platform_combo.addItem(platform_name(code), code)
        form = QFormLayout()
        form.addRow(self.tr("The file holds:"), self.kind_combo)
        form.addRow(self.tr("From the platform:"), self.platform_combo)
        top = QHBoxLayout()
        top.addLayout(form)
        top.addStretch(1)

        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("ShopDesk field"), self.tr("Column in the file"), self.tr("Sample values")])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(32)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_FIELD, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_HEADER, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COL_SAMPLE, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(COL_HEADER, 230)
        self.banner = Banner(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(hint(self.tr(
            "ShopDesk does not know this layout yet. Tell it which column holds what; fields marked * are required. "
            "The choice is remembered for files with the same columns."
        ), self))
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.banner)
        self._combos: dict[str, QComboBox] = {}
        self._samples: dict[str, list[str]] = {}

    # -- wizard protocol
    def can_go_next(self) -> bool:
        return self.entry is not None and not self.saving

    def next_text(self) -> str:
        return self.tr("Use these columns >")

    def set_entry(self, entry: FileEntry) -> None:
        self.entry = entry
        insp = entry.inspection
        self.banner.clear_message()
        self.title.setText(self.tr("Match the columns of %1").replace("%1", elide_middle(entry.name, 70)))
        self.title.setToolTip(str(entry.path))
        self._samples = header_samples(insp)
        kind = entry.chosen_kind if entry.chosen_kind in KINDS else "orders"
        self.kind_combo.blockSignals(True)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
        self.kind_combo.blockSignals(False)
        self.platform_combo.setCurrentIndex(max(self.platform_combo.findData(entry.chosen_platform or "other"), 0))
        self._fill_fields()

    # -- the field table
    def _fill_fields(self) -> None:
        from core.imports import fields_for

        insp = self.entry.inspection if self.entry else None
        headers = [h for h in (getattr(insp, "headers", None) or []) if str(h).strip()]
        guessed = dict(getattr(insp, "mapping", None) or {})
        fields = fields_for(self.kind_combo.currentData())
        self.table.setRowCount(len(fields))
        self._combos = {}
        bold = QFont(self.font())
        bold.setBold(True)
        for row, spec in enumerate(fields):
            label = QTableWidgetItem(f"{spec.label} *" if spec.required else spec.label)
            if spec.required:
                label.setFont(bold)
                label.setToolTip(self.tr("Required"))
            self.table.setItem(row, COL_FIELD, label)
            combo = QComboBox(self.table)
            combo.addItem(self.tr("— not in this file —"), None)
            for h in headers:
                combo.addItem(str(h), h)
            combo.setCurrentIndex(max(combo.findData(guessed.get(spec.key)), 0) if spec.key in guessed else 0)
            combo.currentIndexChanged.connect(lambda _i, r=row, c=combo: self._show_sample(r, c))
            self.table.setCellWidget(row, COL_HEADER, combo)
            self._combos[spec.key] = combo
            self._show_sample(row, combo)

    def _show_sample(self, row: int, combo: QComboBox) -> None:
        header = combo.currentData()
        values = self._samples.get(header, []) if header else []
        item = QTableWidgetItem("  ·  ".join(values) if values else ("" if header is None else self.tr("(empty)")))
        item.setForeground(QBrush(QColor(MUTED_FG)))
        item.setToolTip("\n".join(values))
        self.table.setItem(row, COL_SAMPLE, item)

    def mapping(self) -> dict[str, str]:
        return {key: combo.currentData() for key, combo in self._combos.items() if combo.currentData()}

    def set_choice(self, key: str, header: str) -> None:
        """Pick ``header`` for field ``key`` (what a click in the combo does)."""
        combo = self._combos[key]
        combo.setCurrentIndex(combo.findData(header))

    # -- confirming
    def confirm(self, on_done: Callable[[], None]) -> None:
        from core.imports import fields_for

        entry = self.entry
        kind, platform = self.kind_combo.currentData(), self.platform_combo.currentData()
        mapping = self.mapping()
        missing = [s.label for s in fields_for(kind) if s.required and s.key not in mapping]
        if missing:
            self.banner.show_message(
                self.tr("Choose the column for each required field: %1").replace("%1", "、".join(missing)), "error"
            )
            return
        used: dict[str, str] = {}
        for key, header in mapping.items():
            if header in used:
                labels = {s.key: s.label for s in fields_for(kind)}
                self.banner.show_message(
                    self.tr("The column %1 is chosen for both %2 and %3. Each column can hold only one field.")
                    .replace("%1", header).replace("%2", labels[used[header]]).replace("%3", labels[key]), "error"
                )
                return
            used[header] = key
        db, path, signature = self.wizard.ctx.db, entry.path, getattr(entry.inspection, "signature", "")
        self.saving = True
        self.sig_changed.emit()

        def work(_task):
            from core.imports import inspect_file, save_mapping

            save_mapping(db, signature, platform, kind, mapping)
            return inspect_file(path, db=db, platform=platform)

        def done(inspection) -> None:
            self.saving = False
            entry.inspection, entry.mapping, entry.kind, entry.platform = inspection, mapping, kind, platform
            self.sig_changed.emit()
            on_done()

        def failed(exc: BaseException, tb: str) -> None:
            self.saving = False
            if not isinstance(exc, UserFacingError):
                log.error("saving the column mapping failed: %s", tb)
            self.banner.show_message(getattr(exc, "message", None) or str(exc), "error")
            self.sig_changed.emit()

        run_task(self, work, on_done=done, on_error=failed)
