"""Editors for table cells and form fields, one per kind of value the owner types.

A ``CellEditor`` says how a value is typed and read back: money in yuan (``1,299.9``,
``¥1299.90``, ``1.2万``) stored as fen, percentages, whole numbers, dates (with a calendar
popup), choices (platform, category, staff, status), several choices at once (``multi``: a checkable
list, one label a line) and text. Parsing is core's
(``core.typed_values``), so a typed cell, a pasted block and a form field accept the same
things and refuse them with the same message. ``EditDelegate`` puts them into a table.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtWidgets import (QComboBox, QDateEdit, QLineEdit, QListWidget, QListWidgetItem, QStyledItemDelegate,
                               QWidget)

from core import typed_values as tv
from ui.widgets.roles import RAW_ROLE
from ui.widgets.date_range import plannable

KINDS = ("money", "percent", "int", "date", "choice", "multi", "text")


@dataclass(frozen=True)
class CellEditor:
    kind: str  # one of KINDS
    # (label, value) pairs for a choice; called each time an editor opens, so it follows the data.
    choices: Callable[[], Sequence[tuple[str, Any]]] | None = None
    optional: bool = False  # an empty entry means "none" (None) instead of being refused
    max_length: int = 200
    placeholder: str = ""
    none_label: str = ""  # an optional choice's empty entry as shown ("All channels"), read back as none

    def parse(self, text: str) -> Any:
        """The value for ``text``; ``ValueError`` (translated message) when it cannot be read."""
        text = "" if text is None else str(text)
        if self.kind == "text":
            return tv.parse_text(text, max_length=self.max_length)
        if self.kind == "choice":
            return self._choice(text)
        if self.kind == "multi":  # one label a line; each once, in the order given
            values: list[Any] = []
            for line in text.splitlines():
                if line.strip() and (value := tv.parse_choice(line, list(self._choices()))) not in values:
                    values.append(value)
            return tuple(values)
        parse = {"money": tv.parse_money, "percent": tv.parse_percent, "int": tv.parse_int,
                 "date": tv.parse_date}[self.kind]
        value = parse(text)
        return value if self.optional else tv.require(value)

    def text(self, value: Any) -> str:
        """``value`` as the owner would type it (the editor's starting text, copied cells)."""
        if value is None:
            return ""
        if self.kind == "money":
            return tv.money_text(value)
        if self.kind == "percent":
            return tv.percent_text(value)
        if self.kind == "date" and isinstance(value, dt.date):
            return value.isoformat()
        if self.kind == "choice":
            return next((label for label, v in self._choices() if v == value), str(value))
        if self.kind == "multi":
            labels = dict((v, label) for label, v in self._choices())
            return "\n".join(labels.get(v, str(v)) for v in value)
        return str(value)

    def _choices(self) -> Sequence[tuple[str, Any]]:
        return list(self.choices()) if self.choices else []

    def _choice(self, text: str) -> Any:
        if not text.strip() and self.optional:
            return None
        return tv.parse_choice(text, list(self._choices()))

    # -- widgets (tables and forms share them)
    def create_widget(self, parent: QWidget | None) -> QWidget:
        if self.kind == "date":
            edit = plannable(QDateEdit(parent))
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            return edit
        if self.kind == "choice":
            combo = QComboBox(parent)
            if self.optional:
                combo.addItem(self.none_label, None)
            for label, value in self._choices():
                combo.addItem(label, value)
            return combo
        if self.kind == "multi":
            box = QListWidget(parent)
            for label, value in self._choices():
                item = QListWidgetItem(label, box)
                item.setData(Qt.ItemDataRole.UserRole, value)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
            box.setMaximumHeight(150)
            return box
        line = QLineEdit(parent)
        if self.placeholder:
            line.setPlaceholderText(self.placeholder)
        if self.kind in ("money", "percent", "int"):
            line.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return line

    def set_widget_value(self, widget: QWidget, value: Any) -> None:
        if isinstance(widget, QDateEdit):
            day = value if isinstance(value, dt.date) else dt.date.today()
            widget.setDate(QDate(day.year, day.month, day.day))
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(widget.findData(value), 0))
        elif isinstance(widget, QLineEdit):
            widget.setText(self.text(value))
            widget.selectAll()
        elif isinstance(widget, QListWidget):
            wanted = set(value or ())
            for i in range(widget.count()):
                item = widget.item(i)
                checked = item.data(Qt.ItemDataRole.UserRole) in wanted
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def widget_text(self, widget: QWidget) -> str:
        if isinstance(widget, QDateEdit):
            return widget.date().toPython().isoformat()
        if isinstance(widget, QComboBox):
            return "" if self.optional and widget.currentIndex() == 0 else widget.currentText()
        if isinstance(widget, QListWidget):
            return "\n".join(widget.item(i).text() for i in range(widget.count())
                             if widget.item(i).checkState() == Qt.CheckState.Checked)
        return widget.text() if isinstance(widget, QLineEdit) else ""


class EditDelegate(QStyledItemDelegate):
    """Opens a column's ``CellEditor`` widget and hands what was typed to the model as text,
    which parses it (``RecordTableModel.setData``): a refused value is marked there, in red."""

    def __init__(self, columns: Sequence[Any], parent=None) -> None:
        super().__init__(parent)
        self._columns = columns

    def _editor(self, index: QModelIndex) -> CellEditor | None:
        return self._columns[index.column()].editor

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:  # noqa: N802
        editor = self._editor(index)
        if editor is None:
            return super().createEditor(parent, option, index)
        widget = editor.create_widget(parent)
        widget.setObjectName("cell.editor")
        return widget

    def setEditorData(self, widget: QWidget, index: QModelIndex) -> None:  # noqa: N802
        editor = self._editor(index)
        if editor is None:
            super().setEditorData(widget, index)
            return
        editor.set_widget_value(widget, index.data(RAW_ROLE))

    def setModelData(self, widget: QWidget, model, index: QModelIndex) -> None:  # noqa: N802
        editor = self._editor(index)
        if editor is None:
            super().setModelData(widget, model, index)
            return
        model.setData(index, editor.widget_text(widget), Qt.ItemDataRole.EditRole)
