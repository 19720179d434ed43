"""The base every tab builds on: load its parts off the GUI thread, reload when its topics change.

A tab declares the ``topics`` it shows (``{"goals", "orders"}``; core.edits.TOPICS) and its
``parts``: each a pure load function of a frozen copy of the view's parameters
(``view_params()``, by default just today's date) and a show function. A simple tab has one
part, made of its ``load(session, params)`` and ``show_data(data)``; a board with a Gantt, a
calendar with a detail pane or the dashboard declare several, which load side by side and
each show as soon as they are in. A result whose parameters are no longer the view's (the
owner changed the range meanwhile) is dropped; a reload follows.

Tabs load lazily the first time they are shown and again after ``AppContext.sig_data_changed``
names one of their topics; hidden tabs only remember that they are stale, so an edit of a
goal reloads the Goals tab and the dashboard, not six tabs.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from core.errors import UserFacingError
from ui.context import ALL, AppContext
from ui.tasks import run_task
from ui.widgets.banner import Banner

if TYPE_CHECKING:  # SQLAlchemy loads after the window is shown, with the first query
    from sqlalchemy.orm import Session

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Part:
    """One independently loaded piece of a tab.

    ``load(session, params)`` runs in a worker with its own session (or, with
    ``session=False``, gets the ``Database`` to spread its queries over pooled connections);
    ``show(data)`` runs on the GUI thread."""

    name: str
    load: Callable[[Any, Any], Any]
    show: Callable[[Any], None]
    session: bool = True


class TabPage(QWidget):
    sig_loaded = Signal()
    sig_title_changed = Signal(str)  # the tab's title now reads so ("团队任务 (3)"); the window shows it
    key = "tab"  # stable id (settings, smoke test, tests, objectName "<key>.page")
    topics: frozenset[str] = frozenset({ALL})  # what this tab shows; ALL = reload on any change

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{self.key}.page")
        self.ctx = ctx
        self._stale = True
        self._loading = False
        self._reload_again = False
        self._pending: set[str] = set()
        self._params: Any = None
        self._error: tuple[BaseException, str] | None = None
        self._fresh = False
        self.loads = 0  # completed loads, for tests and the smoke test
        # The row version the shown data was read at (core.row_versions): edits made from this
        # tab are refused for rows someone else changed after it. None until the first load.
        self.seen_version: int | None = None
        self._load_seen: int | None = None
        self.banner = Banner(self)
        self.banner.setObjectName(f"{self.key}.banner")
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

    def view_params(self) -> Any:
        """A frozen (hashable, comparable) copy of what the view shows: range, filters, today."""
        return self.ctx.today()

    def parts(self) -> list[Part]:
        return [Part("main", self.load, self.show_data)]

    def load(self, session: Session, params: Any) -> Any:
        """Query the database (worker thread). Return plain data, never ORM objects."""
        raise NotImplementedError

    def show_data(self, data: Any) -> None:
        raise NotImplementedError

    # -- writing (the one editing path, ui/edits.py)
    def run_cell_edits(self, table, cells: list, edit: Any) -> None:
        """Run the core ``edit`` made from ``cells`` (``CellEdit``s of ``table``). A refusal marks
        the cell it names (or all of them) red with core's message, also in the banner; the
        cells' pending values go, the table shows what is saved."""
        def refused(exc: UserFacingError) -> None:
            table.model.clear_pending()
            field, row = getattr(exc, "field", None), getattr(exc, "row", None)
            named = [c for c in cells if c.field == field and (row is None or c.key == row)]
            for cell in named or cells:
                table.mark_error(cell.key, cell.field, exc.message)
            self.banner.show_message(exc.message, "error")

        self.banner.clear_message()
        self.ctx.edits.run(edit, parent=self, on_error=refused)

    # -- machinery
    @property
    def loading(self) -> bool:
        return self._loading

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def shows(self, topics: frozenset[str]) -> bool:
        return ALL in topics or ALL in self.topics or bool(topics & self.topics)

    def _on_data_changed(self, topics: frozenset[str]) -> None:
        if not self.shows(topics):
            return
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        if self._loading:
            self._reload_again = True
            return
        self._loading = True
        self._stale = False
        self._error = None
        self._fresh = True
        self._banner_serial = self.banner.serial
        params = self._params = self.view_params()
        db = self.ctx.db
        parts = self.parts()
        self._pending = {p.name for p in parts}
        self._load_seen = None
        self._busy_timer.start(250)
        for part in parts:
            def work(_task_ctx, part=part) -> Any:
                seen = _position(db)  # before reading: a change landing meanwhile counts as unseen
                if not part.session:
                    return seen, part.load(db, params)
                with db.session() as session:
                    return seen, part.load(session, params)

            run_task(self, work, on_done=lambda data, part=part: self._part_in(part, params, data),
                     on_error=lambda exc, tb, part=part: self._part_failed(part, exc, tb))

    def _part_in(self, part: Part, params: Any, loaded: tuple[int, Any]) -> None:
        seen, data = loaded
        self._load_seen = seen if self._load_seen is None else min(self._load_seen, seen)
        try:
            if params == self.view_params():  # else the view moved on and a reload follows
                if self._fresh:  # the first part in clears the previous load's message
                    self._fresh = False
                    self.banner.clear_older_than(self._banner_serial)
                part.show(data)
            else:
                self._reload_again = True
        except Exception as exc:  # noqa: BLE001 - reported like a failed load; the other parts go on
            import traceback

            self._record_failure(part, exc, traceback.format_exc())
        finally:
            self._part_done(part)

    def _part_failed(self, part: Part, exc: BaseException, tb: str) -> None:
        self._record_failure(part, exc, tb)
        self._part_done(part)

    def _record_failure(self, part: Part, exc: BaseException, tb: str) -> None:
        if self._error is None:  # one report per load, for the first failure
            self._error = (exc, tb)
        self.part_failed(part.name)

    def part_failed(self, name: str) -> None:
        """A part could not be loaded or shown: e.g. replace its stale picture (optional)."""

    def _part_done(self, part: Part) -> None:
        self._pending.discard(part.name)
        if self._pending:
            return
        self._loading = False
        if self._load_seen is not None:
            self.seen_version = self._load_seen
        error, self._error = self._error, None
        if error is not None:
            exc, tb = error
            if isinstance(exc, UserFacingError):
                self.banner.show_message(exc.message, "error")
            else:
                from ui.errors import report_exception

                report_exception(exc, tb, self)
        self._busy_timer.stop()
        self.busy.hide()
        self.loads += 1
        self.sig_loaded.emit()
        if self._reload_again:
            self._reload_again = False
            self.refresh()


def _position(db) -> int:
    from core.row_versions import current_position

    return current_position(db)
