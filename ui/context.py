"""What every tab and dialog needs: the open database, the settings, the change signal and the
one editing path (``edits``)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from core.db import Database
from core.settings import Settings

ALL = "*"  # core.edits.ALL, spelled out: building the window imports no SQLAlchemy


class AppContext(QObject):
    # Emitted after anything changes the shop's data (an edit, an import, an undo, a restore) with
    # the frozenset of topics that changed ("goals", "stock" … see core.edits.TOPICS; "*" = all),
    # so that only the tabs that show those topics reload.
    sig_data_changed = Signal(object)

    def __init__(self, db: Database, settings: Settings, parent: QObject | None = None,
                 *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self._today = today  # fixed "today" for tests; None follows the calendar
        from ui.edits import EditRunner

        self.edits = EditRunner(self)

    def today(self) -> dt.date:
        """The day the shop's numbers are "as of"."""
        return self._today or dt.date.today()

    def notify_changed(self, what: str | Iterable[str] = ALL) -> None:
        topics = frozenset({what}) if isinstance(what, str) else frozenset(what)
        self.sig_data_changed.emit(topics or frozenset({ALL}))
