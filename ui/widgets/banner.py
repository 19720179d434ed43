"""An inline message strip for expected problems and empty states (no pop-ups)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

_STYLES = {
    "info": "background:#e8f1fb; color:#0b3d6e; border:1px solid #b9d3ee;",
    "warning": "background:#fff6e0; color:#6b4a00; border:1px solid #f0d58a;",
    "error": "background:#fdecea; color:#8a1c12; border:1px solid #f2b8b1;",
}


class Banner(QLabel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()
        # Counts the messages shown, so that a reload started before a message can tell it
        # apart from the message the reload replaces (see ``clear_older_than``).
        self.serial = 0

    def show_message(self, text: str, level: str = "info") -> None:
        self.setStyleSheet(f"QLabel {{ {_STYLES[level]} padding:8px 12px; border-radius:4px; }}")
        self.setText(text)
        self.serial += 1
        self.show()

    def clear_message(self) -> None:
        self.clear()
        self.hide()

    def clear_older_than(self, serial: int) -> None:
        """Clear the message unless it was shown after ``serial`` was read: a refusal that
        arrives while a tab is loading must outlive that load's first rows."""
        if self.serial <= serial:
            self.clear_message()
