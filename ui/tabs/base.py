"""The base every tab builds on: load data off the GUI thread when shown, reload on change.

A tab implements ``load(session, today)`` (runs in a worker, returns plain data) and
``show_data(data)`` (runs on the GUI thread). Tabs load lazily the first time they are
shown and again after ``AppContext.sig_data_changed`` — hidden tabs only remember that they
are stale, so an import does not recompute six tabs at once.
"""
from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from core.errors import UserFacingError
from ui.context import AppContext
from ui.tasks import run_task
from ui.widgets.banner import Banner

if TYPE_CHECKING:  # SQLAlchemy loads after the window is shown, with the first query
    from sqlalchemy.orm import Session

log = logging.getLogger(__name__)


class TabPage(QWidget):
    sig_loaded = Signal()
    key = "tab"  # stable id (settings, smoke test, tests)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True
        self._loading = False
        self._reload_again = False
        self.banner = Banner(self)
        # Shown only when a reload takes long enough to notice, so old numbers are never
        # mistaken for new ones.
        self.busy = QLabel(QCoreApplication.translate("TabPage", "Updating…"), self)
        self.busy.setStyleSheet("color:#1f6fb2;")
        self.busy.hide()
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.timeout.connect(self.busy.show)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(12, 12, 12, 12)
        self.body.addWidget(self.banner)
        self.body.addWidget(self.busy)
        ctx.sig_data_changed.connect(self._on_data_changed)

    # -- to implement
    def title(self) -> str:
        raise NotImplementedError

    def load(self, session: Session, today: dt.date) -> Any:
        """Query the database (worker thread). Return plain data, never ORM objects."""
        raise NotImplementedError

    def show_data(self, data: Any) -> None:
        raise NotImplementedError

    # -- machinery
    @property
    def loading(self) -> bool:
        return self._loading

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _on_data_changed(self, _what: str) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        if self._loading:
            self._reload_again = True
            return
        self._loading = True
        self._stale = False
        db, today = self.ctx.db, self.ctx.today()

        def work(_task_ctx) -> Any:
            with db.session() as session:
                return self.load(session, today)

        self._busy_timer.start(250)
        run_task(self, work, on_done=self._loaded, on_error=self._failed)

    def _loaded(self, data: Any) -> None:
        self._loading = False
        self.banner.clear_message()
        try:
            self.show_data(data)
        finally:
            self._after_load()

    def _failed(self, exc: BaseException, tb: str) -> None:
        self._loading = False
        if isinstance(exc, UserFacingError):
            self.banner.show_message(exc.message, "error")
        else:
            from ui.errors import report_exception

            report_exception(exc, tb, self)
        self._after_load()

    def _after_load(self) -> None:
        self._busy_timer.stop()
        self.busy.hide()
        self.sig_loaded.emit()
        if self._reload_again:
            self._reload_again = False
            self.refresh()
