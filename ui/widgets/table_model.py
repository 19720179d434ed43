"""One generic table model for every list in the app, and its sort/filter proxy.

Rows are plain tuples from core (no ORM objects, no pandas needed at start-up). Each
``Column`` says how to show a raw value; sorting uses the raw value (``SORT_ROLE``), so money
sorts as a number and "—" (unknown) sorts last.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from core.money import format_fen, format_rate

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RAW_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


@dataclass
class Column:
    header: str
    kind: str = "text"  # text|int|money|rate|date|datetime|float
    tooltip: str = ""
    # Optional (value, row) -> colour name, e.g. "#c62828" for an alert.
    colour: Callable[[Any, Sequence[Any]], str | None] | None = None
    fmt: Callable[[Any], str] | None = None

    def display(self, value: Any) -> str:
        if self.fmt is not None:
            return self.fmt(value)
        if value is None:
            return "—"
        if self.kind == "money":
            return format_fen(value)
        if self.kind == "rate":
            return format_rate(value)
        if self.kind == "int":
            return f"{value:,}"
        if self.kind == "float":
            return f"{value:,.1f}"
        if self.kind == "date" and isinstance(value, dt.date):
            return value.isoformat()
        if self.kind == "datetime" and isinstance(value, dt.datetime):
            return value.strftime("%Y-%m-%d %H:%M")
        return str(value)


class RecordTableModel(QAbstractTableModel):
    def __init__(self, columns: list[Column], rows: Sequence[Sequence[Any]] = (), parent=None) -> None:
        super().__init__(parent)
        self._columns = columns
        self._rows: list[Sequence[Any]] = list(rows)

    # -- data in
    def set_rows(self, rows: Sequence[Sequence[Any]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> Sequence[Any]:
        return self._rows[index]

    @property
    def columns(self) -> list[Column]:
        return self._columns

    # -- Qt model API
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        col = self._columns[index.column()]
        value = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.display(value)
        if role == SORT_ROLE:
            return _sort_key(value)
        if role == RAW_ROLE:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col.kind in ("int", "money", "rate", "float"):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col.colour is not None:
            colour = col.colour(value, self._rows[index.row()])
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole:
            text = col.display(value)
            return text if len(text) > 30 else (col.tooltip or None)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._columns[section].header
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._columns[section].tooltip or None
        elif role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None


def _sort_key(value: Any) -> Any:
    # Unknown values sort after every known one in ascending order; numbers and dates keep
    # their own order; everything else sorts as text.
    if value is None:
        return (1, "")
    if isinstance(value, bool):
        return (0, int(value))
    if isinstance(value, (int, float)):
        return (0, value)
    if isinstance(value, dt.datetime):
        return (0, value.timestamp())
    if isinstance(value, dt.date):
        return (0, value.toordinal())
    return (0, str(value))


class RecordFilterProxy(QSortFilterProxyModel):
    """Case-insensitive text filter over every column plus optional per-column exact filters."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._text = ""
        self._exact: dict[int, Any] = {}
        self.setSortRole(SORT_ROLE)

    def set_text(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_text", text.strip().casefold()))

    def set_exact(self, column: int, value: Any | None) -> None:
        """Keep only rows whose raw value in ``column`` equals ``value`` (None clears it)."""
        if value is None:
            self._refilter(lambda: self._exact.pop(column, None))
        else:
            self._refilter(lambda: self._exact.__setitem__(column, value))

    def _refilter(self, change) -> None:
        # Qt 6.10 replaced invalidateFilter() with begin/endFilterChange().
        self.beginFilterChange()
        change()
        self.endFilterChange()

    def lessThan(self, left: _Index, right: _Index) -> bool:  # noqa: N802
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        for col, wanted in self._exact.items():
            if model.index(source_row, col, source_parent).data(RAW_ROLE) != wanted:
                return False
        if not self._text:
            return True
        for col in range(model.columnCount()):
            shown = model.index(source_row, col, source_parent).data(Qt.ItemDataRole.DisplayRole)
            if shown and self._text in str(shown).casefold():
                return True
        return False
