"""A row of buttons that switch a tab's views (Board / List / Gantt …), reachable with Tab.

Qt's ``QButtonGroup`` (and auto-exclusive buttons) make a row of checkable buttons a single Tab
stop, its first button, whichever view is shown: a keyboard-only owner could not reach "List" or
"Gantt" with Tab, and Space on the one stop switched back to the first view. ``ViewButtons`` keeps
one button checked as the group did and the same ``idClicked`` signal, but each button is a Tab stop
of its own (Space shows its view); the arrow keys still move along the row and show the view.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QAbstractButton

_NEXT = {Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1}


class ViewButtons(QObject):
    """One of its buttons checked at a time; ``idClicked(id)`` when the owner picks one."""

    idClicked = Signal(int)  # noqa: N815  (QButtonGroup's name, so tabs connect to it unchanged)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._buttons: list[tuple[QAbstractButton, int]] = []

    def addButton(self, button: QAbstractButton, id: int = -1) -> None:  # noqa: N802, A002  (as QButtonGroup)
        button.setCheckable(True)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._buttons.append((button, id if id != -1 else len(self._buttons)))
        button.toggled.connect(lambda on, b=button: self._toggled(b, on))
        button.clicked.connect(lambda _checked=False, b=button: self.idClicked.emit(self.id(b)))
        button.installEventFilter(self)

    def buttons(self) -> list[QAbstractButton]:
        return [b for b, _ in self._buttons]

    def id(self, button: QAbstractButton) -> int:
        return next(i for b, i in self._buttons if b is button)

    def checkedButton(self) -> QAbstractButton | None:  # noqa: N802
        return next((b for b, _ in self._buttons if b.isChecked()), None)

    def _toggled(self, button: QAbstractButton, on: bool) -> None:
        if on:
            for other in self.buttons():
                if other is not button and other.isChecked():
                    other.setChecked(False)
        elif self.checkedButton() is None:
            button.setChecked(True)  # clicking the shown view again keeps it shown

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and watched in self.buttons():
            step = _NEXT.get(Qt.Key(event.key()))
            if step is not None and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                shown = [b for b in self.buttons() if b.isVisible() and b.isEnabled()]
                if watched in shown:
                    target = shown[(shown.index(watched) + step) % len(shown)]
                    target.setFocus(Qt.FocusReason.TabFocusReason)
                    target.click()
                    return True
        return super().eventFilter(watched, event)
