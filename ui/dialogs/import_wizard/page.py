"""What every step of the import wizard offers the wizard: enter, next/back state, a signal."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:
    from ui.dialogs.import_wizard.wizard import ImportWizard


class WizardPage(QWidget):
    sig_changed = Signal()  # the Next/Back state may have changed

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wizard = wizard

    def enter(self) -> None:
        """Called each time the page becomes the current step."""

    def can_go_next(self) -> bool:
        return True

    def can_go_back(self) -> bool:
        return True

    def next_text(self) -> str:
        return ""


def heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setStyleSheet("font-size:15px; font-weight:600; color:#1f2a37;")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def hint(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet("color:#5b6570;")
    return label
