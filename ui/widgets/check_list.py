"""A searchable list of check boxes (pick categories, SKUs, festivals …) and a dialog of such lists.

``CheckList``: a search box that filters the rows as you type (any part of the label or the
tooltip, case-insensitive), the rows with their check boxes, "Check shown" / "Uncheck all" and a
count ("3 of 119 checked"). Filtering never unchecks what is hidden.
``CheckListDialog``: one or more of them side by side under headings, optionally with an
"everything" box above them that makes the lists moot (e.g. "Whole shop"), OK/Cancel.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class Choice:
    label: str
    value: Any
    tooltip: str = ""


class CheckList(QWidget):
    sig_changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, name: str = "", placeholder: str = "") -> None:
        super().__init__(parent)
        if name:
            self.setObjectName(name)
        self.search = QLineEdit(self)
        self.search.setObjectName(f"{name}.search" if name else "search")
        self.search.setPlaceholderText(placeholder or self.tr("Search…"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setObjectName(f"{name}.list" if name else "list")
        self.count = QLabel(self)
        self.count.setStyleSheet("color:#666;")
        self.check_shown = QPushButton(self.tr("Check shown"), self)
        self.uncheck_all = QPushButton(self.tr("Uncheck all"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_shown)
        buttons.addWidget(self.uncheck_all)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.search)
        box.addWidget(self.list, 1)
        box.addLayout(buttons)
        self.search.textChanged.connect(self._filter)
        self.list.itemChanged.connect(lambda _i: self._changed())
        self.check_shown.clicked.connect(lambda: self._set_all(True, shown_only=True))
        self.uncheck_all.clicked.connect(lambda: self._set_all(False, shown_only=False))

    def set_choices(self, choices: Iterable[Choice], checked: Iterable[Any] = ()) -> None:
        wanted = set(checked)
        self.list.blockSignals(True)
        self.list.clear()
        for c in choices:
            item = QListWidgetItem(c.label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, c.value)
            if c.tooltip:
                item.setToolTip(c.tooltip)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if c.value in wanted else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self._filter(self.search.text())
        self._changed()

    def rows(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def shown(self) -> list[str]:
        """The labels the search leaves visible."""
        return [i.text() for i in self.rows() if not i.isHidden()]

    def checked(self) -> list[Any]:
        return [i.data(Qt.ItemDataRole.UserRole) for i in self.rows() if i.checkState() == Qt.CheckState.Checked]

    def set_checked(self, values: Iterable[Any], checked: bool = True) -> None:
        wanted = set(values)
        for item in self.rows():
            if item.data(Qt.ItemDataRole.UserRole) in wanted:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _set_all(self, checked: bool, *, shown_only: bool) -> None:
        self.list.blockSignals(True)
        for item in self.rows():
            if not shown_only or not item.isHidden():
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self._changed()

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for item in self.rows():
            hay = f"{item.text()} {item.toolTip()}".casefold()
            item.setHidden(bool(needle) and needle not in hay)

    def _changed(self) -> None:
        self.count.setText(self.tr("%1 of %2 checked").replace("%1", str(len(self.checked())))
                           .replace("%2", str(self.list.count())))
        self.sig_changed.emit()


class CheckListDialog(QDialog):
    """Lists side by side (``lists``: name, heading, choices, checked), optionally under an
    "everything" box (``everything``: its label and whether it starts checked)."""

    def __init__(self, parent: QWidget | None, name: str, title: str,
                 lists: Sequence[tuple[str, str, Sequence[Choice], Iterable[Any]]], *,
                 everything: tuple[str, bool] | None = None, intro: str = "") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        if intro:
            label = QLabel(intro, self)
            label.setWordWrap(True)
            layout.addWidget(label)
        self.everything: QCheckBox | None = None
        if everything is not None:
            self.everything = QCheckBox(everything[0], self)
            self.everything.setObjectName(f"{name}.everything")
            self.everything.setChecked(everything[1])
            layout.addWidget(self.everything)
        row = QHBoxLayout()
        self.lists: dict[str, CheckList] = {}
        for list_name, heading, choices, checked in lists:
            column = QVBoxLayout()
            column.addWidget(QLabel(f"<b>{heading}</b>", self))
            check_list = CheckList(self, name=f"{name}.{list_name}")
            check_list.set_choices(choices, checked)
            column.addWidget(check_list, 1)
            row.addLayout(column, 1)
            self.lists[list_name] = check_list
            check_list.sig_changed.connect(self._list_changed)
        layout.addLayout(row, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if self.everything is not None:
            self.everything.toggled.connect(self._everything_toggled)
            self._everything_toggled(self.everything.isChecked())
        self.resize(720, 480)

    def _everything_toggled(self, on: bool) -> None:
        for check_list in self.lists.values():
            check_list.list.setEnabled(not on)

    def _list_changed(self) -> None:
        """Checking something in a list means "not everything" any more."""
        if self.everything is not None and any(c.checked() for c in self.lists.values()):
            self.everything.blockSignals(True)
            self.everything.setChecked(False)
            self.everything.blockSignals(False)
            self._everything_toggled(False)

    def result_values(self) -> dict[str, list[Any]]:
        """Each list's checked values (all empty when the "everything" box is checked)."""
        if self.everything is not None and self.everything.isChecked():
            return {n: [] for n in self.lists}
        return {n: c.checked() for n, c in self.lists.items()}
