"""One generic table model for every list in the app, and its sort/filter proxy.

Rows are plain records from core (frozen dataclasses, or tuples for simple lists); no ORM
objects, no pandas at start-up. Each ``Column`` names the record ``field`` it shows and says
how to show it; sorting uses the raw value (``SORT_ROLE``), so money sorts as a number and "—"
(unknown) sorts last. Filters compare domain values (``"taobao"``, ``"out"``), never the
translated labels.

Given a ``key`` (a record's identity, e.g. its SKU code), ``set_rows`` updates the rows that
changed in place, removes and adds the others and keeps the order core gave, without a model
reset: the selection, the scroll position, the sort and an open editor survive a reload.

Columns with an ``editor`` are editable (opt-in). What is typed is parsed by the column's
``CellEditor``; a value that cannot be read is marked red with the reason as its tooltip and
goes nowhere; a good one is shown as pending (italic) and handed on as a ``CellEdit`` through
``sig_edits`` — the tab turns it into a core edit and runs it on the one editing path.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from core.money import format_fen, format_rate
from ui.widgets.editors import CellEditor
from ui.widgets.roles import RAW_ROLE, SORT_ROLE

ERROR_BG, ERROR_FG = "#fdecea", "#8a1c12"
EDITABLE_BG = "#fffbea"  # a light tint that says "you can type here"

_Index = QModelIndex | QPersistentModelIndex


@dataclass
class Column:
    header: str
    kind: str = "text"  # text|int|money|rate|date|datetime|float
    tooltip: str = ""
    # Optional (value, record) -> colour name, e.g. "#c62828" for an alert.
    colour: Callable[[Any, Any], str | None] | None = None
    fmt: Callable[[Any], str] | None = None
    field: str | None = None  # the record's attribute (or dict key); None: the position in a tuple
    editor: CellEditor | None = None  # editable when set
    editable: Callable[[Any], bool] | None = None  # per record, when only some rows may be edited
    get: Callable[[Any], Any] | None = None  # a value computed from the record (instead of ``field``)
    # Optional (value, record) -> the cell's own tooltip (a status's one-line reason).
    cell_tooltip: Callable[[Any, Any], str | None] | None = None
    # Optional (value, record) -> a QIcon shown before the value (a locked target's padlock).
    icon: Callable[[Any, Any], Any] | None = None
    bold: Callable[[Any], bool] | None = None  # per record: a subtotal row

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


@dataclass(frozen=True)
class CellEdit:
    """A value the owner typed or pasted into one cell, parsed, not yet saved."""

    key: Hashable  # the record's identity
    field: str
    value: Any
    record: Any


def field_value(record: Any, field: str | int) -> Any:
    if isinstance(field, int):
        return record[field]
    if isinstance(record, dict):
        return record.get(field)
    return getattr(record, field)


class RecordTableModel(QAbstractTableModel):
    sig_edits = Signal(list)  # [CellEdit]: one typed cell, or a pasted block as one change

    def __init__(self, columns: list[Column], rows: Sequence[Any] = (), parent=None, *,
                 key: Callable[[Any], Hashable] | None = None) -> None:
        super().__init__(parent)
        self._columns = columns
        self._key = key
        self._rows: list[Any] = []
        self._keys: list[Hashable] = []
        self._pending: dict[tuple[Hashable, str], Any] = {}
        self._errors: dict[tuple[Hashable, str], str] = {}
        self.set_rows(rows)

    # -- data in
    def set_rows(self, rows: Sequence[Any]) -> None:
        rows = list(rows)
        # The rows just read supersede what was typed and is now saved (or was refused).
        self._pending.clear()
        if self._key is None:
            self.beginResetModel()
            self._rows, self._keys = rows, list(range(len(rows)))
            self.endResetModel()
            return
        keys = [self._key(r) for r in rows]
        if len(set(keys)) != len(keys):  # no identity to keep: start over
            self.beginResetModel()
            self._rows, self._keys = rows, list(range(len(rows)))
            self.endResetModel()
            return
        wanted = dict(zip(keys, rows))
        self._remove_missing(set(keys))
        last = len(self._columns) - 1
        run_start = None  # one dataChanged per contiguous run of changed rows, not per row
        for i, k in enumerate(self._keys):
            if self._rows[i] != wanted[k]:
                self._rows[i] = wanted[k]
                if run_start is None:
                    run_start = i
            elif run_start is not None:
                self.dataChanged.emit(self.index(run_start, 0), self.index(i - 1, last))
                run_start = None
        if run_start is not None:
            self.dataChanged.emit(self.index(run_start, 0), self.index(len(self._keys) - 1, last))
        have = set(self._keys)
        added = [k for k in keys if k not in have]
        if added:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(added) - 1)
            self._keys.extend(added)
            self._rows.extend(wanted[k] for k in added)
            self.endInsertRows()
        if self._keys != keys:
            self._reorder(keys, rows)
        self._errors = {ek: msg for ek, msg in self._errors.items() if ek[0] in wanted}

    def _remove_missing(self, keep: set) -> None:
        i = len(self._keys) - 1
        while i >= 0:  # contiguous runs from the bottom, one signal per run
            if self._keys[i] in keep:
                i -= 1
                continue
            end = i
            while i >= 0 and self._keys[i] not in keep:
                i -= 1
            self.beginRemoveRows(QModelIndex(), i + 1, end)
            del self._keys[i + 1:end + 1]
            del self._rows[i + 1:end + 1]
            self.endRemoveRows()

    def _reorder(self, keys: list[Hashable], rows: list[Any]) -> None:
        self.layoutAboutToBeChanged.emit()
        old_keys = self._keys
        new_pos = {k: i for i, k in enumerate(keys)}
        persistent = self.persistentIndexList()
        moved = [self.index(new_pos[old_keys[p.row()]], p.column()) for p in persistent]
        self._keys, self._rows = list(keys), rows
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def row(self, index: int) -> Any:
        return self._rows[index]

    record = row

    def key_of(self, index: int) -> Hashable:
        return self._keys[index]

    def row_of(self, key: Hashable) -> int | None:
        try:
            return self._keys.index(key)
        except ValueError:
            return None

    @property
    def columns(self) -> list[Column]:
        return self._columns

    def column_of(self, field: str) -> int:
        return next(i for i, c in enumerate(self._columns) if c.field == field)

    def value(self, row: int, column: int) -> Any:
        col = self._columns[column]
        if col.get is not None:
            return col.get(self._rows[row])
        return field_value(self._rows[row], col.field if col.field is not None else column)

    # -- editing
    def is_editable(self, row: int, column: int) -> bool:
        col = self._columns[column]
        return col.editor is not None and col.field is not None and (col.editable is None or col.editable(self._rows[row]))

    def parse_cell(self, row: int, column: int, text: str) -> CellEdit:
        """What ``text`` typed into the cell means; ``ValueError`` with the reason."""
        col = self._columns[column]
        return CellEdit(self._keys[row], col.field, col.editor.parse(text), self._rows[row])

    def submit_edits(self, edits: list[CellEdit]) -> None:
        """Show ``edits`` as pending and hand them on (``sig_edits``) as one change."""
        edits = [e for e in edits if field_value(e.record, e.field) != e.value]
        for e in edits:
            self._pending[(e.key, e.field)] = e.value
            self._errors.pop((e.key, e.field), None)
            self._changed_cell(e.key, e.field)
        if edits:
            self.sig_edits.emit(edits)

    def mark_error(self, key: Hashable, field: str, message: str) -> None:
        self._errors[(key, field)] = message
        self._pending.pop((key, field), None)
        self._changed_cell(key, field)

    def clear_pending(self) -> None:
        for key, field in list(self._pending):
            self._pending.pop((key, field), None)
            self._changed_cell(key, field)

    def error_of(self, row: int, column: int) -> str | None:
        col = self._columns[column]
        return self._errors.get((self._keys[row], col.field)) if col.field else None

    def _changed_cell(self, key: Hashable, field: str) -> None:
        row = self.row_of(key)
        if row is not None:
            idx = self.index(row, self.column_of(field))
            self.dataChanged.emit(idx, idx)

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not self.is_editable(index.row(), index.column()):
            return False
        try:
            edit = self.parse_cell(index.row(), index.column(), value)
        except ValueError as exc:
            self.mark_error(self._keys[index.row()], self._columns[index.column()].field, str(exc))
            return False
        self.submit_edits([edit])
        return True

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.is_editable(index.row(), index.column()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # -- Qt model API
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        col = self._columns[c]
        cell = (self._keys[r], col.field)
        pending = col.field is not None and cell in self._pending
        value = self._pending[cell] if pending else self.value(r, c)
        if role == Qt.ItemDataRole.DisplayRole:
            return col.display(value)
        if role == Qt.ItemDataRole.EditRole:
            return col.editor.text(value) if col.editor else col.display(value)
        if role == SORT_ROLE:
            return _sort_key(value)
        if role == RAW_ROLE:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col.kind in ("int", "money", "rate", "float"):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        error = self._errors.get(cell) if col.field is not None else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if error:
                return QBrush(QColor(ERROR_FG))
            if col.colour is not None:
                colour = col.colour(value, self._rows[r])
                return QBrush(QColor(colour)) if colour else None
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if error:
                return QBrush(QColor(ERROR_BG))
            return QBrush(QColor(EDITABLE_BG)) if self.is_editable(r, c) else None
        if role == Qt.ItemDataRole.DecorationRole:
            return col.icon(value, self._rows[r]) if col.icon is not None else None
        if role == Qt.ItemDataRole.FontRole:
            bold = col.bold is not None and col.bold(self._rows[r])
            if not (pending or bold):
                return None
            font = QFont()
            font.setItalic(pending)  # typed, being saved
            font.setBold(bold)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if error:
                return error
            if col.cell_tooltip is not None:
                tip = col.cell_tooltip(value, self._rows[r])
                if tip:
                    return tip
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

    def copy_text(self, row: int, column: int) -> str:
        """A cell as Excel should receive it: numbers without symbols or separators."""
        col = self._columns[column]
        value = self.value(row, column)
        if value is None:
            return ""
        if col.editor is not None:
            return col.editor.text(value)
        if col.kind == "money":
            from core.typed_values import money_text

            return money_text(value)
        if col.kind == "rate":
            from core.typed_values import percent_text

            return percent_text(value)
        if col.kind in ("int", "float") and isinstance(value, (int, float)):
            return f"{value:.2f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
        return col.display(value)


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
    """Case-insensitive text filter over every column plus per-field filters on domain values."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._text = ""
        self._exact: dict[str | int, Any] = {}
        self._contains: dict[str, Any] = {}
        self.setSortRole(SORT_ROLE)

    def set_text(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_text", text.strip().casefold()))

    def set_exact(self, field: str | int, value: Any | None) -> None:
        """Keep only rows whose record has ``value`` in ``field`` (a record field name, which need
        not be a shown column, or a column position for tuple rows); None clears it."""
        if value is None:
            self._refilter(lambda: self._exact.pop(field, None))
        else:
            self._refilter(lambda: self._exact.__setitem__(field, value))

    def set_contains(self, field: str, value: Any | None) -> None:
        """Keep only rows whose record's ``field`` (a tuple or set, e.g. a SKU's flags) holds
        ``value``; None clears it."""
        if value is None:
            self._refilter(lambda: self._contains.pop(field, None))
        else:
            self._refilter(lambda: self._contains.__setitem__(field, value))

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
        if self._exact or self._contains:
            record = model.row(source_row)
            for field, wanted in self._exact.items():
                if field_value(record, field) != wanted:
                    return False
            for field, wanted in self._contains.items():
                if wanted not in (field_value(record, field) or ()):
                    return False
        if not self._text:
            return True
        for col in range(model.columnCount()):
            shown = model.index(source_row, col, source_parent).data(Qt.ItemDataRole.DisplayRole)
            if shown and self._text in str(shown).casefold():
                return True
        return False
