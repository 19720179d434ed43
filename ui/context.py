"""What every tab and dialog needs: the open database, the settings, and a change signal."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Signal

from core.db import Database
from core.settings import Settings


class AppContext(QObject):
    # Emitted after anything changes the shop's data (import, undo, restore, edits), so tabs
    # reload. The argument names what changed ("orders", "stock", "*" …) for tabs that care.
    sig_data_changed = Signal(str)

    def __init__(self, db: Database, settings: Settings, parent: QObject | None = None,
                 *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self._today = today  # fixed "today" for tests; None follows the calendar

    def today(self) -> dt.date:
        """The day the shop's numbers are "as of"."""
        return self._today or dt.date.today()

    def notify_changed(self, what: str = "*") -> None:
        self.sig_data_changed.emit(what)
