"""A combo box of (label, value) choices whose first entry means "all"."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox


class FilterCombo(QComboBox):
    def __init__(self, all_label: str, parent=None) -> None:
        super().__init__(parent)
        self._all_label = all_label
        self.set_choices([])

    def set_choices(self, choices: list[tuple[str, Any]]) -> None:
        current = self.value()
        self.blockSignals(True)
        self.clear()
        self.addItem(self._all_label, None)
        for label, value in choices:
            self.addItem(label, value)
        idx = self.findData(current) if current is not None else 0
        self.setCurrentIndex(max(idx, 0))
        self.blockSignals(False)

    def value(self) -> Any:
        return self.currentData() if self.count() else None
