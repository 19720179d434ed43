"""The column-matching step: ShopDesk's fields against the headers of a file it did not recognise.

One row per field (required ones marked), a combo of the file's headers, and sample values from
the file so the owner sees what each column holds. Columns whose names obviously mean a field
(单号, 实付金额, 下单时间 …; ``ui.dialogs.column_suggest``) are pre-filled and tinted until the
owner changes them. Confirming saves the mapping under the file's header signature
(``core.imports.save_mapping``), so the next export with the same layout is recognised without
asking again; "Skip this file" leaves the file out of the import instead.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFormLayout, QHBoxLayout, QHeaderView, QPushButton, QStyledItemDelegate,
    QStyleOptionViewItem, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from core.errors import UserFacingError
from ui.dialogs.import_wizard.entries import KINDS, MUTED_FG, PLATFORMS, FileEntry, elide_middle, kind_name
from ui.dialogs.column_suggest import label_names, suggest_columns
from ui.dialogs.order_key_panel import OrderKeyPanel
from ui.dialogs.import_wizard.page import WizardPage, heading, hint
from ui.labels import platform_name
from ui.tasks import run_task
from ui.widgets.banner import Banner

log = logging.getLogger(__name__)

COL_FIELD, COL_HEADER, COL_SAMPLE = range(3)
SAMPLES = 3
SAMPLE_ROLE = Qt.ItemDataRole.UserRole + 1  # a combo item's first values, shown in its popup
SUGGESTED_STYLE = "QComboBox { background-color: #d4e5fa; color: #123a66; }"


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


def likely_kind(inspection: Any) -> str:
    """The kind whose required fields the file's headers cover best by name.

    Core's own guess comes from the nearest partial layout match, which for a home-made order
    list can be some platform's refund export; it only decides among equally covered kinds.
    A kind counts as covered only when it also explains at least half of the columns any kind
    recognises: a member list needs just a buyer account, which an order report without its
    order number has too, beside its times and amounts.
    """
    from core.imports import fields_for

    headers = [h for h in (getattr(inspection, "headers", None) or []) if str(h).strip()]
    core_kind = getattr(inspection, "kind", None)
    found: dict[str, dict[str, str]] = {}
    for kind in KINDS:
        fields = fields_for(kind)
        found[kind] = suggest_columns([(f.key, label_names(f.label)) for f in fields], headers)
    recognised = {h for columns in found.values() for h in columns.values()}

    def coverage(kind: str) -> tuple[bool, int, int, bool, bool]:
        required = [f.key for f in fields_for(kind) if f.required]
        covered = sum(1 for k in required if k in found[kind])
        explains = 2 * len(set(found[kind].values())) >= len(recognised)
        return (covered == len(required) and explains, covered, len(found[kind]), kind == core_kind, kind == "orders")

    return max(KINDS, key=coverage)


class SampleDelegate(QStyledItemDelegate):
    """The combo's popup lists each header followed by its first values, greyed: "单号   X-1000 · X-1001"."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        sample = index.data(SAMPLE_ROLE)
        if sample:
            option.text = f"{option.text}    {sample}"


def sample_text(values: list[str]) -> str:
    return "  ·  ".join(values)


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
        self.skip_button = QPushButton(self.tr("Skip this file"), self)
        self.skip_button.setToolTip(self.tr("Leave this file out of the import and go on with the next one"))
        self.skip_button.clicked.connect(self.skip)
        top = QHBoxLayout()
        top.addLayout(form)
        top.addStretch(1)
        top.addWidget(self.skip_button, 0, Qt.AlignmentFlag.AlignBottom)

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
        self.order_key = OrderKeyPanel(self)  # a file without an order number: the rule that identifies orders

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(hint(self.tr(
            "ShopDesk does not know this layout yet. Tell it which column holds what; fields marked * are required. "
            "The choice is remembered for files with the same columns."
        ), self))
        layout.addLayout(top)
        self.suggested_note = hint("", self)
        layout.addWidget(self.suggested_note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.order_key)
        layout.addWidget(self.banner)
        self._combos: dict[str, QComboBox] = {}
        self._samples: dict[str, list[str]] = {}
        self.suggested: dict[str, str] = {}  # field key -> header ShopDesk pre-filled

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
        kind = entry.kind if entry.kind in KINDS else likely_kind(insp)
        self.kind_combo.blockSignals(True)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
        self.kind_combo.blockSignals(False)
        # Only the owner's own choice: a partial match with some platform's layout (a file with
        # 订单号 looks a bit like JD's) is no reason to call the file a JD export.
        self.platform_combo.setCurrentIndex(max(self.platform_combo.findData(entry.platform or "other"), 0))
        self.skip_button.setEnabled(True)
        self._fill_fields()

    # -- the field table
    def _fill_fields(self) -> None:
        from core.imports import fields_for

        insp = self.entry.inspection if self.entry else None
        headers = [h for h in (getattr(insp, "headers", None) or []) if str(h).strip()]
        fields = fields_for(self.kind_combo.currentData())
        self.suggested = suggest_columns(
            [(spec.key, label_names(spec.label)) for spec in fields], headers, getattr(insp, "mapping", None) or {}
        )
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
            combo = self._header_combo(headers)
            suggestion = self.suggested.get(spec.key)
            combo.setCurrentIndex(max(combo.findData(suggestion), 0) if suggestion else 0)
            combo.currentIndexChanged.connect(lambda _i, r=row, k=spec.key, c=combo: self._chosen(r, k, c))
            self.table.setCellWidget(row, COL_HEADER, combo)
            self._combos[spec.key] = combo
            self._chosen(row, spec.key, combo)
        self._show_suggested_note()

    def _header_combo(self, headers: list[str]) -> QComboBox:
        combo = QComboBox(self.table)
        combo.setItemDelegate(SampleDelegate(combo))
        combo.addItem(self.tr("— not in this file —"), None)
        for h in headers:
            values = self._samples.get(h, [])
            combo.addItem(str(h), h)
            i = combo.count() - 1
            preview = sample_text(values) if values else self.tr("(empty)")
            combo.setItemData(i, preview, SAMPLE_ROLE)
            combo.setItemData(i, "\n".join([str(h), *values]) if values else preview, Qt.ItemDataRole.ToolTipRole)
        # Wide enough for the first values after each header in the popup.
        combo.view().setMinimumWidth(max(combo.sizeHint().width(), 500))
        return combo

    def _chosen(self, row: int, key: str, combo: QComboBox) -> None:
        header = combo.currentData()
        values = self._samples.get(header, []) if header else []
        item = QTableWidgetItem(sample_text(values) if values else ("" if header is None else self.tr("(empty)")))
        item.setForeground(QBrush(QColor(MUTED_FG)))
        item.setToolTip("\n".join(values))
        self.table.setItem(row, COL_SAMPLE, item)
        suggested = header is not None and self.suggested.get(key) == header
        combo.setStyleSheet(SUGGESTED_STYLE if suggested else "")
        combo.setToolTip(
            self.tr("Suggested by ShopDesk from the column name; choose another column if it is wrong.")
            if suggested else ""
        )
        self._show_suggested_note()

    def is_suggested(self, key: str) -> bool:
        """The field still shows the column ShopDesk pre-filled (tinted, not yet changed by the owner)."""
        combo = self._combos.get(key)
        return combo is not None and combo.currentData() is not None and self.suggested.get(key) == combo.currentData()

    def _show_suggested_note(self) -> None:
        count = sum(1 for key in self._combos if self.is_suggested(key))
        self.suggested_note.setVisible(bool(count))
        self._update_order_key()
        self.suggested_note.setText(self.tr(
            "ShopDesk filled in %n column(s) from their names (tinted blue). Check them; each one can be changed.",
            "", count,
        ))

    def _update_order_key(self) -> None:
        insp = self.entry.inspection if self.entry else None
        samples = getattr(insp, "samples", None)
        chosen = {key: combo.currentData() for key, combo in self._combos.items() if combo.currentData()}
        self.order_key.update_for(self.kind_combo.currentData(), chosen, samples if isinstance(samples, dict) else {})
        if "order_no" in self._combos and self._combos["order_no"].currentData() is None:
            item = self.table.item(list(self._combos).index("order_no"), COL_SAMPLE)
            if item is not None:
                item.setText(self.tr("None in this file: the orders are identified by the rule below")
                             if self.order_key.rule() is not None else "")
        self._mark_required()

    def _mark_required(self) -> None:
        """A required field keeps its * while the mapping still needs it: the order number not when
        the rule above identifies the orders, the paid amount not when the amount after refunds is chosen."""
        from core.imports.fields import required_fields
        from core.imports.mapping import missing_fields

        kind, mapping = self.kind_combo.currentData(), self.mapping()
        for key in required_fields(kind):
            item = self.table.item(list(self._combos).index(key), COL_FIELD) if key in self._combos else None
            if item is None:
                continue
            try:
                needed = key in missing_fields(kind, {k: v for k, v in mapping.items() if k != key})
            except UserFacingError:
                needed = True
            base = item.text().removesuffix(" *")
            item.setText(f"{base} *" if needed else base)

    def mapping(self) -> dict[str, str]:
        """The chosen columns (field → header); a file without an order number adds its rule
        (``order_key``, core.imports.order_key)."""
        from core.imports.order_key import ORDER_KEY, encode

        chosen = {key: combo.currentData() for key, combo in self._combos.items() if combo.currentData()}
        rule = self.order_key.rule()
        return {**chosen, ORDER_KEY: encode(rule)} if rule else chosen

    def set_choice(self, key: str, header: str) -> None:
        """Pick ``header`` for field ``key`` (what a click in the combo does)."""
        combo = self._combos[key]
        combo.setCurrentIndex(combo.findData(header))

    # -- confirming
    def confirm(self, on_done: Callable[[], None]) -> None:
        from core.imports import fields_for
        from core.imports.mapping import missing_fields
        from core.imports.order_key import ORDER_KEY

        entry = self.entry
        kind, platform = self.kind_combo.currentData(), self.platform_combo.currentData()
        mapping = self.mapping()
        labels = {s.key: s.label for s in fields_for(kind)}
        missing = [labels[key] for key in missing_fields(kind, mapping)]
        if missing:
            self.banner.show_message(
                self.tr("Choose the column for each required field: %1").replace(
                    "%1", QLocale().createSeparatedList(missing)), "error"
            )
            return
        used: dict[str, str] = {}
        for key, header in mapping.items():
            if key == ORDER_KEY:
                continue
            if header in used:
                self.banner.show_message(
                    self.tr("The column %1 is chosen for both %2 and %3. Each column can hold only one field.")
                    .replace("%1", header).replace("%2", labels[used[header]]).replace("%3", labels[key]), "error"
                )
                return
            used[header] = key
        db, path, signature = self.wizard.ctx.db, entry.path, getattr(entry.inspection, "signature", "")
        self.saving = True
        self.skip_button.setEnabled(False)
        self.sig_changed.emit()

        def work(_task):
            from core.imports import inspect_file, save_mapping

            save_mapping(db, signature, platform, kind, mapping)
            return inspect_file(path, db=db, platform=platform)

        def done(inspection) -> None:
            self.saving = False
            self.skip_button.setEnabled(True)
            entry.inspection, entry.mapping, entry.kind, entry.platform = inspection, mapping, kind, platform
            self.sig_changed.emit()
            on_done()

        def failed(exc: BaseException, tb: str) -> None:
            self.saving = False
            self.skip_button.setEnabled(True)
            if not isinstance(exc, UserFacingError):
                log.error("saving the column mapping failed: %s", tb)
            self.banner.show_message(getattr(exc, "message", None) or str(exc), "error")
            self.sig_changed.emit()

        run_task(self, work, on_done=done, on_error=failed)

    # -- skipping
    def skip(self) -> None:
        """Leave the file out of the import and go on (next file to match, the preview, or the files)."""
        if self.entry is None or self.saving:
            return
        entry, self.entry = self.entry, None
        self.wizard.skip_file(entry)
