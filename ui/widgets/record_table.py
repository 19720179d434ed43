"""A filterable, sortable table: search box + view + "N of M rows" label.

Every list in the app uses this, so they all look and behave alike. A table with editable
columns behaves like Excel, which is what owners know: type over a cell (or F2, or a double
click), Tab and Enter move on, Ctrl+C copies the selected cells as Excel pastes them, and
Ctrl+V pastes a block copied from Excel into the selected cells — parsed and checked all or
nothing, then handed on as one change (``sig_edits``), so one Ctrl+Z takes it back.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Callable, Hashable, Sequence
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.counts import grouped
from ui.widgets.editors import EditDelegate
from ui.widgets.sort_arrows import install_sort_arrows
from ui.widgets.table_model import CellEdit, Column, RecordFilterProxy, RecordTableModel

MAX_COLUMN_WIDTH = 360  # long titles must not push every other column off screen


class RecordTableView(QTableView):
    """The view: Excel's keys for copy, paste and moving on after Enter. Tab leaves the table for
    the next control (arrows move between cells; in a cell being edited Tab still moves right), so
    keyboard users are not kept in it cell by cell."""

    sig_copy = Signal()
    sig_paste = Signal()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.setTabKeyNavigation(False)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Copy):
            self.sig_copy.emit()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.sig_paste.emit()
            return
        super().keyPressEvent(event)

    def closeEditor(self, editor, hint) -> None:  # noqa: N802
        # Enter commits and moves down a row, as in Excel (Qt stays on the cell).
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            current = self.currentIndex()
            below = current.sibling(current.row() + 1, current.column())
            if below.isValid():
                self.setCurrentIndex(below)


class RecordTable(QWidget):
    sig_activated = Signal(object)  # the record of the double-clicked row (read-only tables)
    sig_edits = Signal(list)  # [CellEdit]: one typed cell or one pasted block
    sig_problem = Signal(str)  # what went wrong with a paste, for the tab's banner

    def __init__(self, columns: list[Column], parent: QWidget | None = None, *, search: bool = True,
                 key: Callable[[Any], Hashable] | None = None, name: str = "",
                 model: RecordTableModel | None = None, proxy: Any | None = None) -> None:
        """``model``/``proxy``: another model of the same columns and its proxy (a long list read a
        page at a time: ui.widgets.lazy_table)."""
        super().__init__(parent)
        self.model = model if model is not None else RecordTableModel(columns, parent=self, key=key)
        self.proxy = proxy if proxy is not None else RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.editable = any(c.editor is not None for c in columns)

        self.view = RecordTableView(self)
        self.view.setModel(self.proxy)
        if name:
            self.setObjectName(name)
            self.view.setObjectName(f"{name}.view")
        self.view.setSortingEnabled(True)
        self.view.setAlternatingRowColors(True)
        if self.editable:
            # Cells, not rows: a block is selected, copied and pasted as in Excel.
            self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
            self.view.setEditTriggers(
                QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                | QAbstractItemView.EditTrigger.AnyKeyPressed)
            self.view.setItemDelegate(EditDelegate(columns, self.view))
        else:
            self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(26)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # A stretched last column makes short tables look empty; widths follow the content.
        header.setStretchLastSection(False)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        install_sort_arrows(header)  # ▲ ascending, ▼ descending, in every style
        self._user_sorted = False
        self._sized = False
        self._fitting = False
        self._owner_sized = False  # the owner dragged a column's edge: widths are theirs from then on
        header.sectionClicked.connect(self._on_header_clicked)
        header.sectionResized.connect(self._on_section_resized)
        self.view.doubleClicked.connect(self._on_double_click)
        self.view.sig_copy.connect(self.copy_selection)
        self.view.sig_paste.connect(self.paste)
        self.model.sig_edits.connect(self.sig_edits)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Filter…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)
        if name:
            self.search.setObjectName(f"{name}.search")
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
        self._tab_ordered = False

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._tab_ordered:  # once, when the tab has added its buttons to the toolbar
            self._tab_ordered = True
            self.order_tabs()

    def order_tabs(self) -> None:
        """Tab reaches the toolbar's controls left to right (filter, export …), then the table below
        them, as they are seen (in creation order the table came first)."""
        items = (self.toolbar.itemAt(i).widget() for i in range(self.toolbar.count()))
        chain = [w for w in items if w is not None and w.focusPolicy() & Qt.FocusPolicy.TabFocus] + [self.view]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    # ------------------------------------------------------------------ rows

    def set_rows(self, rows: Sequence[Any], *, sort_column: int | None = None,
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
        self._fit_columns()
        self._update_count()

    def _fit_columns(self) -> None:
        """Widths follow the rows shown: until rows come (an empty shop) each column is as wide as
        its header; then as its content, and later a longer value widens its column (a supplier added
        to the purchase list), never narrows it — until the owner sets a width: theirs stays."""
        header = self.view.horizontalHeader()
        self._fitting = True
        try:
            if not self._sized:
                self._sized = bool(self.model.rowCount())
                if self._sized:
                    self.view.resizeColumnsToContents()
                    self._owner_sized = False  # widths set before the first rows were not the owner's
                else:
                    for col in range(self.model.columnCount()):
                        self.view.setColumnWidth(col, max(header.sectionSizeHint(col), header.defaultSectionSize()))
            elif self.model.rowCount() and not self._owner_sized:
                for col in range(self.model.columnCount()):
                    need = min(max(self.view.sizeHintForColumn(col), header.sectionSizeHint(col)), MAX_COLUMN_WIDTH)
                    if need > self.view.columnWidth(col):
                        self.view.setColumnWidth(col, need)
            for col in range(self.model.columnCount()):
                if self.view.columnWidth(col) > MAX_COLUMN_WIDTH:
                    self.view.setColumnWidth(col, MAX_COLUMN_WIDTH)
        finally:
            self._fitting = False

    def _on_section_resized(self, _section: int, old: int, new: int) -> None:
        if not self._fitting and old and new:  # not a column hidden or shown again
            self._owner_sized = True

    def _on_header_clicked(self, _section: int) -> None:
        self._user_sorted = True

    def _on_double_click(self, idx: QModelIndex) -> None:
        source = self.proxy.mapToSource(idx)
        if not self.model.is_editable(source.row(), source.column()):
            self.sig_activated.emit(self.model.row(source.row()))

    def raw_row(self, proxy_row: int) -> Any:
        source = self.proxy.mapToSource(self.proxy.index(proxy_row, 0))
        return self.model.row(source.row())

    def visible_rows(self) -> list[Any]:
        return [self.raw_row(r) for r in range(self.proxy.rowCount())]

    def selected_records(self) -> list[Any]:
        rows = sorted({self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedIndexes()})
        return [self.model.row(r) for r in rows]

    def select_key(self, key: Hashable, field: str | None = None) -> None:
        row = self.model.row_of(key)
        if row is None:
            return
        col = self.model.column_of(field) if field else 0
        idx = self.proxy.mapFromSource(self.model.index(row, col))
        self.view.setCurrentIndex(idx)
        self.view.scrollTo(idx)

    def mark_error(self, key: Hashable, field: str, message: str) -> None:
        self.model.mark_error(key, field, message)

    # ------------------------------------------------------------------ copy and paste

    def _selected_cells(self) -> list[tuple[int, int]]:
        """(proxy row, column) of the selected visible cells, in reading order."""
        cells = {(i.row(), i.column()) for i in self.view.selectionModel().selectedIndexes()
                 if not self.view.isColumnHidden(i.column())}
        return sorted(cells)

    def copy_selection(self) -> str:
        cells = self._selected_cells()
        if not cells:
            return ""
        rows = sorted({r for r, _c in cells})
        cols = sorted({c for _r, c in cells}, key=self.view.horizontalHeader().visualIndex)
        chosen = set(cells)
        lines = []
        for r in rows:
            source_row = self.proxy.mapToSource(self.proxy.index(r, 0)).row()
            lines.append("\t".join(self.model.copy_text(source_row, c) if (r, c) in chosen else "" for c in cols))
        text = "\n".join(lines)
        QGuiApplication.clipboard().setText(text)
        return text

    def paste(self, text: str | None = None) -> bool:
        """Fill the selected cells from tab-separated text (Excel's clipboard). True if handed on."""
        if not self.editable:
            return False
        text = QGuiApplication.clipboard().text() if text is None else text
        block = parse_block(text)
        if not block:
            return False
        cells = self._selected_cells()
        current = self.view.currentIndex()
        if not cells and current.isValid():
            cells = [(current.row(), current.column())]
        if not cells:
            self.sig_problem.emit(self.tr("Select the cell where the pasted block should start, then paste again."))
            return False
        visible = [c for c in range(self.proxy.columnCount()) if not self.view.isColumnHidden(c)]
        visible.sort(key=self.view.horizontalHeader().visualIndex)
        if len(block) == 1 and len(block[0]) == 1:
            targets = [(r, c, block[0][0]) for r, c in cells]  # one value fills the selection
        else:
            top, left = min(r for r, _c in cells), min((c for _r, c in cells), key=visible.index)
            first = visible.index(left)
            if top + len(block) > self.proxy.rowCount():
                self.sig_problem.emit(self.tr("The pasted block has %1 rows, but only %n row(s) (is|are) shown from the "
                                              "selected cell down. Nothing was changed.", "", self.proxy.rowCount() - top)
                                      .replace("%1", str(len(block))))
                return False
            width = max(len(line) for line in block)
            if first + width > len(visible):
                self.sig_problem.emit(self.tr("The pasted block has %1 columns, but only %n column(s) (is|are) shown from "
                                              "the selected cell to the right. Nothing was changed.", "", len(visible) - first)
                                      .replace("%1", str(width)))
                return False
            targets = [(top + i, visible[first + j], value)
                       for i, line in enumerate(block) for j, value in enumerate(line)]
        edits: list[CellEdit] = []
        problems: list[str] = []
        for r, c, value in targets:
            source = self.proxy.mapToSource(self.proxy.index(r, c))
            header = self.model.columns[c].header
            if not self.model.is_editable(source.row(), c):
                problems.append(self.tr("row %1, %2: this column cannot be edited").replace("%1", str(r + 1))
                                .replace("%2", header))
                continue
            try:
                edits.append(self.model.parse_cell(source.row(), c, value))
            except ValueError as exc:
                self.model.mark_error(self.model.key_of(source.row()), self.model.columns[c].field, str(exc))
                problems.append(self.tr("row %1, %2: %3").replace("%1", str(r + 1)).replace("%2", header)
                                .replace("%3", str(exc)))
        if problems:
            shown = "; ".join(problems[:3]) + (" …" if len(problems) > 3 else "")
            self.sig_problem.emit(self.tr("Nothing was pasted: %n cell(s) could not be used (%1).", "", len(problems))
                                  .replace("%1", shown))
            return False
        self.model.submit_edits(edits)
        self._select_targets([(r, c) for r, c, _v in targets])
        return True

    def _select_targets(self, cells: list[tuple[int, int]]) -> None:
        selection = self.view.selectionModel()
        selection.clearSelection()
        for r, c in cells:
            selection.select(self.proxy.index(r, c), QItemSelectionModel.SelectionFlag.Select)

    # ------------------------------------------------------------------ filter and count

    def _on_search(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_count()

    def _update_count(self, *_: object) -> None:
        shown, total = self.proxy.rowCount(), getattr(self.model, "total_rows", self.model.rowCount())
        if shown == total:
            self.count_label.setText(grouped(self.tr("%n row(s)", "", total), total))
        else:
            self.count_label.setText(grouped(self.tr("%1 of %n row(s)", "", total), total).replace("%1", f"{shown:,}"))


def parse_block(text: str) -> list[list[str]]:
    """Excel's clipboard text → rows of cells. Excel ends the block with a newline and quotes a
    cell holding a tab, a newline or a quote, which the csv module undoes."""
    if not text:
        return []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    return [row for row in csv.reader(io.StringIO(text), delimiter="\t", quotechar='"')] or []
