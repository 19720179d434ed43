"""Step 3: the first rows of each file as ShopDesk will import them, problems highlighted.

One tab per file. Rows with an error (they will be skipped) are red, rows with a warning amber;
hovering a row shows the messages. The row numbers are the ones the owner sees in Excel.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QTabWidget, QVBoxLayout, QWidget

from core.money import format_fen
from ui.dialogs.import_wizard.entries import (
    ERROR_BG, ERROR_FG, WARNING_BG, FileEntry, detected_text, elide_middle, kind_name,
)
from ui.dialogs.import_wizard.page import WizardPage, heading, hint
from ui.labels import file_platform_name

_Index = QModelIndex | QPersistentModelIndex
ROW_KEY = "row"  # the Excel row number core puts in each preview row
SKIPPED_KEY = "_skipped"
RAW_ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the Excel row number of a preview row  # a row added here for an error row core left out of the preview


def _field_labels(kind: str | None) -> dict[str, str]:
    from core.imports import fields_for

    labels: dict[str, str] = {}
    for k in ("orders", "lines", "refunds", "traffic", "products", "members"):
        try:
            labels.update({f.key: f.label for f in fields_for(k)})
        except ValueError:
            continue
    if kind:
        try:
            labels.update({f.key: f.label for f in fields_for(kind)})
        except ValueError:
            pass  # a kind core has no field list for: its headers stay as the file wrote them
    return labels


def preview_columns(rows: Sequence[dict]) -> list[str]:
    """Keys of the normalized rows in first-seen order; the bookkeeping ones (``_…``) left out."""
    seen: dict[str, None] = {}
    for row in rows:
        for key in row:
            if not key.startswith("_") and key != ROW_KEY:
                seen.setdefault(key, None)
    return list(seen)


def display_value(key: str, value: Any) -> str:
    if value is None or value == "":
        return ""
    if key == "status" and isinstance(value, str):
        return order_status_name(value)
    if key.endswith("_fen") and isinstance(value, int):
        return format_fen(value)
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M") if value.second == 0 else value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, (list, tuple)):
        return f"{len(value)}"
    return str(value)


class PreviewModel(QAbstractTableModel):
    """Normalized preview rows with the file's problems attached to their Excel row numbers."""

    def __init__(self, rows: Sequence[dict], problems: Sequence[Any], labels: dict[str, str], parent=None) -> None:
        super().__init__(parent)
        self._problems: dict[int, list[Any]] = defaultdict(list)
        for p in problems:
            if p.row:
                self._problems[p.row].append(p)
        self._rows = _with_skipped_rows(list(rows), self._problems)
        self._keys = preview_columns(self._rows)
        self._labels = labels
        self._show_row = any(ROW_KEY in r for r in self._rows)
        self.measuring = False  # while the view sizes its columns, skipped rows' messages don't count

    def is_skipped(self, row: int) -> bool:
        return bool(self._rows[row].get(SKIPPED_KEY))

    def skipped_rows(self) -> list[int]:
        return [i for i, r in enumerate(self._rows) if r.get(SKIPPED_KEY)]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._keys) + (1 if self._show_row else 0)

    def _key(self, column: int) -> str:
        if self._show_row:
            return ROW_KEY if column == 0 else self._keys[column - 1]
        return self._keys[column]

    def row_problems(self, row: int) -> list[Any]:
        excel_row = self._rows[row].get(ROW_KEY)
        return self._problems.get(excel_row, []) if excel_row is not None else []

    def severity(self, row: int) -> str | None:
        found = self.row_problems(row)
        if not found:
            return None
        return "error" if any(p.severity == "error" for p in found) else "warning"

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        key = self._key(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if row.get(SKIPPED_KEY) and key != ROW_KEY:
                if self.measuring or index.column() != 1:
                    return ""
                return "  ".join(f"{p.column}: {p.message}" if p.column else p.message for p in self.row_problems(index.row()))
            return display_value(key, row.get(key))
        if role == RAW_ROW_ROLE:
            return row.get(ROW_KEY)
        if role == Qt.ItemDataRole.BackgroundRole:
            level = self.severity(index.row())
            if level:
                return QBrush(QColor(ERROR_BG if level == "error" else WARNING_BG))
        if role == Qt.ItemDataRole.ForegroundRole and self.severity(index.row()) == "error":
            return QBrush(QColor(ERROR_FG))
        if role == Qt.ItemDataRole.ToolTipRole:
            found = self.row_problems(index.row())
            if found:
                return "\n".join(f"{p.column}: {p.message}" if p.column else p.message for p in found)
        if role == Qt.ItemDataRole.TextAlignmentRole and (key.endswith("_fen") or key == ROW_KEY):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        key = self._key(section)
        if key == ROW_KEY:
            return _row_header()
        return self._labels.get(key) or self._labels.get(key.removesuffix("_fen")) or _extra_label(key)


def _with_skipped_rows(rows: list[dict], problems: dict[int, list[Any]]) -> list[dict]:
    """Put the error rows core left out of the preview back in their place, so they show red.

    Only rows within the previewed stretch of the file: past it, the preview would not show
    their neighbours either.
    """
    shown = {r.get(ROW_KEY) for r in rows}
    last = max((n for n in shown if isinstance(n, int)), default=0)
    full = len(rows) >= 100
    extra = [
        {ROW_KEY: n, SKIPPED_KEY: True}
        for n, found in problems.items()
        if n not in shown and any(p.severity == "error" for p in found) and (not full or n <= last)
    ]
    if not extra or not all(isinstance(r.get(ROW_KEY), int) for r in rows):
        return rows
    return sorted(rows + extra, key=lambda r: r[ROW_KEY])


def order_status_name(code: str) -> str:
    names = {
        "pending_payment": QCoreApplication.translate("PreviewPage", "Awaiting payment"),
        "paid": QCoreApplication.translate("PreviewPage", "Paid, not shipped"),
        "shipped": QCoreApplication.translate("PreviewPage", "Shipped"),
        "completed": QCoreApplication.translate("PreviewPage", "Completed"),
        "closed": QCoreApplication.translate("PreviewPage", "Closed"),
        "refunded": QCoreApplication.translate("PreviewPage", "Refunded"),
    }
    return names.get(code, code)


def _row_header() -> str:
    return QCoreApplication.translate("PreviewPage", "Excel row")


def _extra_label(key: str) -> str:
    names = {
        "buyer_key": QCoreApplication.translate("PreviewPage", "Buyer"),
        "buyer_name": QCoreApplication.translate("PreviewPage", "Buyer name"),
        "status_text": QCoreApplication.translate("PreviewPage", "Status as written"),
        "goods_fen": QCoreApplication.translate("PreviewPage", "Goods amount"),
        "shipping_fen": QCoreApplication.translate("PreviewPage", "Shipping fee"),
        "discount_fen": QCoreApplication.translate("PreviewPage", "Discount"),
        "paid_fen": QCoreApplication.translate("PreviewPage", "Paid"),
        "refund_fen": QCoreApplication.translate("PreviewPage", "Refunded"),
        "lines": QCoreApplication.translate("PreviewPage", "Lines"),
        "is_paid": QCoreApplication.translate("PreviewPage", "Paid?"),
        "pay_date": QCoreApplication.translate("PreviewPage", "Pay date"),
        "platform": QCoreApplication.translate("PreviewPage", "Platform"),
    }
    return names.get(key, key)


class FilePreview(QWidget):
    """The preview of one file: a one-line summary and the table."""

    def __init__(self, entry: FileEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        insp = entry.inspection
        rows = list(getattr(insp, "preview", None) or [])
        problems = list(getattr(insp, "problems", None) or [])
        self.model = PreviewModel(rows, problems, _field_labels(entry.chosen_kind), self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.model.measuring = True
        self.view.resizeColumnsToContents()
        self.model.measuring = False
        for col in range(self.model.columnCount()):
            self.view.setColumnWidth(col, min(self.view.columnWidth(col) + 8, 280))
        for row in self.model.skipped_rows():
            # The message of a skipped row reads across the columns it has no values for.
            self.view.setSpan(row, 1, 1, max(self.model.columnCount() - 1, 1))

        errors = len({p.row for p in problems if p.row and p.severity == "error"})
        warnings = len({p.row for p in problems if p.row and p.severity != "error"})
        whole_file = [p for p in problems if not p.row]
        total = getattr(insp, "rows_read", 0) or 0
        rows = [r for r in rows if not r.get(SKIPPED_KEY)]
        if entry.chosen_platform or entry.chosen_kind not in ("products", "traffic"):
            parts = [self.tr("%1 from %2").replace("%1", kind_name(entry.chosen_kind)).replace(
                "%2", file_platform_name(entry.chosen_platform or "other", entry.chosen_kind))]
        else:  # the stock or traffic template: no one platform's file
            parts = [kind_name(entry.chosen_kind), file_platform_name("", entry.chosen_kind)]
        if total:
            parts.append(self.tr("%n row(s) in the file", "", total))
        if len(rows) >= 100:
            parts.append(self.tr("showing the first %1").replace("%1", f"{len(rows):,}"))
        if errors:
            parts.append(self.tr("%n row(s) with errors will be skipped", "", errors))
            shown = {self.model.index(r, 0).data(RAW_ROW_ROLE) for r in range(self.model.rowCount())}
            further = sorted({p.row for p in problems if p.row and p.severity == "error"} - shown)
            if further:
                listed = [str(n) for n in further[:5]]
                if len(further) > 5:
                    listed.append(self.tr("%n more", "", len(further) - 5))
                parts.append(self.tr("not shown here: rows %1").replace("%1", QLocale().createSeparatedList(listed)))
        if warnings:
            parts.append(self.tr("%n row(s) with warnings", "", warnings))
        self.summary = QLabel(" · ".join(parts), self)
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.summary)
        for p in whole_file:
            note = QLabel(p.message, self)
            note.setWordWrap(True)
            note.setStyleSheet(f"color:{ERROR_FG if p.severity == 'error' else '#6b4a00'};")
            layout.addWidget(note)
        layout.addWidget(self.view, 1)


class PreviewPage(WizardPage):
    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setElideMode(Qt.TextElideMode.ElideMiddle)
        self.tabs.setUsesScrollButtons(True)
        legend = QLabel(
            self.tr("<span style='background:%1'>&nbsp;red&nbsp;</span> rows have errors and are skipped · "
                    "<span style='background:%2'>&nbsp;amber&nbsp;</span> rows are imported with a warning · "
                    "hover a row for the message").replace("%1", ERROR_BG).replace("%2", WARNING_BG),
            self,
        )
        legend.setStyleSheet("color:#5b6570;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(self.tr("Check what will be imported"), self))
        layout.addWidget(hint(self.tr(
            "The first rows of each file as ShopDesk reads them. Nothing is written until you click Import."
        ), self))
        layout.addWidget(legend)
        layout.addWidget(self.tabs, 1)

    def enter(self) -> None:
        self.tabs.clear()
        for entry in self.wizard.importable():
            page = FilePreview(entry, self.tabs)
            insp = entry.inspection
            index = self.tabs.addTab(page, elide_middle(entry.name, 40))
            self.tabs.setTabToolTip(index, f"{entry.path}\n{detected_text(entry.chosen_platform, entry.chosen_kind, insp.confidence)}")

    def preview(self, index: int) -> FilePreview:
        return self.tabs.widget(index)

    def next_text(self) -> str:
        return self.tr("Import %n file(s)", "", len(self.wizard.importable()))
