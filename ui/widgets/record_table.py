"""A filterable, sortable table: search box + view + "N of M rows" label.

Every tab's list uses this, so they all look and behave alike.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from ui.widgets.table_model import Column, RecordFilterProxy, RecordTableModel


class RecordTable(QWidget):
    sig_activated = Signal(object)  # the raw row tuple

    def __init__(self, columns: list[Column], parent: QWidget | None = None, *, search: bool = True) -> None:
        super().__init__(parent)
        self.model = RecordTableModel(columns, parent=self)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(26)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # A stretched last column makes short tables look empty; widths follow the content.
        header.setStretchLastSection(False)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self._user_sorted = False
        header.sectionClicked.connect(self._on_header_clicked)
        self.view.doubleClicked.connect(lambda idx: self.sig_activated.emit(self.raw_row(idx.row())))

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Filter…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)
        self.count_label = QLabel(self)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.toolbar = QHBoxLayout()
        self.toolbar.setContentsMargins(0, 0, 0, 0)
        if search:
            self.toolbar.addWidget(self.search, 1)
        else:
            self.search.hide()
            self.toolbar.addStretch(1)
        self.toolbar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.view, 1)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self._update_count()

    def set_rows(self, rows: Sequence[Sequence[Any]], *, sort_column: int | None = None,
                 order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Show ``rows``. Rows keep the order core gave them (e.g. most urgent first) unless
        ``sort_column`` is given — and once the owner has clicked a header, their choice wins
        on every refresh."""
        self.model.set_rows(rows)
        if not self._user_sorted:
            if sort_column is None:
                self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
                self.proxy.sort(-1)
            else:
                self.view.sortByColumn(sort_column, order)
        self.view.resizeColumnsToContents()
        for col in range(self.model.columnCount()):
            # Long titles must not push every other column off screen.
            if self.view.columnWidth(col) > 360:
                self.view.setColumnWidth(col, 360)
        self._update_count()

    def _on_header_clicked(self, _section: int) -> None:
        self._user_sorted = True

    def raw_row(self, proxy_row: int) -> Sequence[Any]:
        source = self.proxy.mapToSource(self.proxy.index(proxy_row, 0))
        return self.model.row(source.row())

    def visible_rows(self) -> list[Sequence[Any]]:
        return [self.raw_row(r) for r in range(self.proxy.rowCount())]

    def _on_search(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_count()

    def _update_count(self, *_: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            self.count_label.setText(self.tr("%n row(s)", "", total))
        else:
            self.count_label.setText(self.tr("%1 of %2 rows").replace("%1", f"{shown:,}").replace("%2", f"{total:,}"))
