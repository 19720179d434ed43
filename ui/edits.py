"""The one UI path for writes: run an edit on the writer thread, record it, tell the tabs.

    ctx.edits.run(SetSkuFields.of("TEA-001", on_hand=40), parent=self, on_error=mark_cell)
    ctx.edits.undo(window) / ctx.edits.redo(window)        # Edit → Undo "…" / Redo "…"
    ctx.edits.run_job(fn, parent=..., label=...)           # imports, restores: not on the stack

Every write queues on one writer thread (``run_task(writer=True)``), so two quick edits land
in the order they were made while reads stay parallel. A change goes onto the session's undo
stack (``core.edits.History``) and ``AppContext.notify_changed`` names its topics, so only the
tabs that show them reload. Expected problems (a value that cannot be saved, an undo that
a newer change blocks) go to the caller's ``on_error`` or the nearest tab's banner, never to
the crash dialog; bugs go to ``ui.errors`` as everywhere.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget
from shiboken6 import isValid

from core.errors import UserFacingError
from ui.tasks import run_task

if TYPE_CHECKING:
    from core.edits import Change, Edit, History
    from ui.context import AppContext

log = logging.getLogger(__name__)

LABEL_WIDTH = 420  # px: a change's name in the Edit menu and the status bar (a 300-character title is cut)


def short_label(label: str) -> str:
    """``label`` cut with "…" to LABEL_WIDTH in the interface font: a change named after a long task
    title or product name made the Edit menu wider than the screen and ran under the status bar's
    database name."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QApplication

    return QFontMetrics(QApplication.font()).elidedText(label, Qt.TextElideMode.ElideRight, LABEL_WIDTH)


class EditRunner(QObject):
    sig_history_changed = Signal()  # the Undo/Redo labels may have changed
    sig_message = Signal(str)  # a line for the status bar ("Undone: Edit 2026-11 goal")
    sig_applied = Signal(object)  # a core.edits.Change that was just written

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self._history: History | None = None
        self.pending = 0  # writes queued or running

    @property
    def history(self) -> History:
        # core.edits loads SQLAlchemy: only when the first edit (or undo) is asked for.
        if self._history is None:
            from core.edits import History

            self._history = History()
        return self._history

    def undo_label(self) -> str | None:
        return self._history.undo_label() if self._history is not None else None

    def redo_label(self) -> str | None:
        return self._history.redo_label() if self._history is not None else None

    # ------------------------------------------------------------------ edits

    def run(self, edit: Edit, *, parent: QWidget | None,
            on_done: Callable[[Change], None] | None = None,
            on_error: Callable[[UserFacingError], None] | None = None, seen: int | None = None) -> None:
        """Validate and write ``edit``; on success it is undoable and its topics reload.

        ``seen``: the row version the values came from (default: that of the tab or form
        ``parent`` belongs to, ``seen_near``); a row someone else changed since is refused."""
        db, history = self.ctx.db, self.history
        if seen is None:
            seen = seen_near(parent)

        def done(change: Change) -> None:
            self._finished()
            if not change.empty:
                self.ctx.notify_changed(change.topics)
                self.sig_applied.emit(change)
                self.sig_message.emit(QCoreApplication.translate("Edits", "%1 — Ctrl+Z undoes it").replace("%1", short_label(change.label)))
            self.sig_history_changed.emit()
            if on_done is not None:
                on_done(change)

        def refused(exc: UserFacingError) -> None:
            def report() -> None:
                (on_error or (lambda e: show_user_error(e, parent)))(exc)

            from core.edits import ChangedSinceRead

            tab = _tab_of(parent) if isinstance(exc, ChangedSinceRead) else None
            if tab is None:
                report()
                return
            # Someone else saved this row since the tab was read: reload it so that the owner
            # sees their value, then say so (a reload clears the tab's previous messages).
            self.ctx.notify_changed(edit.topics)
            if not tab.loading:
                report()
                return

            def loaded() -> None:
                tab.sig_loaded.disconnect(loaded)
                if isValid(tab) and (parent is None or isValid(parent)):
                    report()

            tab.sig_loaded.connect(loaded)

        self._start(parent, lambda _t: history.apply(db, edit, seen=seen), done, refused)

    def undo(self, parent: QWidget | None) -> None:
        self._step(parent, undo=True)

    def redo(self, parent: QWidget | None) -> None:
        self._step(parent, undo=False)

    def _step(self, parent: QWidget | None, *, undo: bool) -> None:
        db, history = self.ctx.db, self.history

        def done(change: Change | None) -> None:
            self._finished()
            self.sig_history_changed.emit()
            if change is None:
                self.sig_message.emit(QCoreApplication.translate("Edits", "Nothing to undo.") if undo else QCoreApplication.translate("Edits", "Nothing to redo."))
                return
            self.ctx.notify_changed(change.topics)
            self.sig_message.emit((QCoreApplication.translate("Edits", "Undone: %1") if undo else QCoreApplication.translate("Edits", "Redone: %1")).replace("%1", short_label(change.label)))

        def refused(exc: UserFacingError) -> None:
            self.sig_history_changed.emit()  # a delete gone for good left the stack (core.edits.DeletedForGood)
            self.sig_message.emit(exc.message)
            show_user_error(exc, parent)

        self._start(parent, lambda _t: history.undo(db) if undo else history.redo(db), done, refused)

    # ------------------------------------------------------------------ other writes

    def run_job(self, fn: Callable[[Any], Any], *, parent: QWidget | None, topics: str = "*",
                clears_redo: bool = True, clears_history: bool = False, on_done: Callable[[Any], None] | None = None,
                on_error: Callable[[UserFacingError], None] | None = None,
                progress_label: str | None = None, cancellable: bool = False,
                on_cancelled: Callable[[], None] | None = None) -> None:
        """A write that is not an edit (an import, undoing one, a restore from the trash or a
        backup): on the same writer thread, then the tabs reload. It clears the redo side,
        whose rows it may have changed; undoing it has its own place (import history, trash).
        ``clears_history``: the whole undo stack goes (a backup restored over the database)."""
        history, db = self.history, self.ctx.db

        def work(task_ctx: Any) -> Any:
            result = fn(task_ctx)
            if db.is_server:  # the other windows on the server reload too
                from core.live import announce

                announce(db, topics)
            if clears_history:
                history.clear()
            elif clears_redo:
                history.clear_redo()
            return result

        def done(result: Any) -> None:
            self._finished()
            self.ctx.notify_changed(topics)
            self.sig_history_changed.emit()
            if on_done is not None:
                on_done(result)

        def cancelled() -> None:
            self._finished()
            if on_cancelled is not None:
                on_cancelled()

        self._start(parent, work, done, on_error, progress_label=progress_label, cancellable=cancellable,
                    on_cancelled=cancelled)

    # ------------------------------------------------------------------ machinery

    def _start(self, parent, work, done, on_error, **task_options: Any) -> None:
        # The task itself has no parent: a write finishes (and tells the tabs, and counts down
        # ``pending``) even when the dialog that asked for it was closed meanwhile; only the
        # caller's own callbacks are skipped then.
        def alive() -> bool:
            return parent is None or isValid(parent)

        def finished(result: Any) -> None:
            done(result) if alive() else self._settle(result)

        def failed(exc: BaseException, tb: str) -> None:
            self._finished()
            if isinstance(exc, UserFacingError):
                if alive():
                    (on_error or (lambda e: show_user_error(e, parent)))(exc)
                else:
                    self.sig_message.emit(exc.message)
            else:
                from ui.errors import report_exception

                report_exception(exc, tb, parent if alive() else None)

        self.pending += 1
        run_task(parent, work, on_done=finished, on_error=failed, writer=True, always_call=True, **task_options)

    def _settle(self, result: Any) -> None:
        """What a finished write owes the window when its caller is gone."""
        self._finished()
        topics = getattr(result, "topics", None)
        self.ctx.notify_changed(topics if topics else "*")
        self.sig_history_changed.emit()

    def _finished(self) -> None:
        self.pending = max(self.pending - 1, 0)


def seen_near(widget: QWidget | None) -> int | None:
    """The row version the data under ``widget`` was read at: its form's (taken when the form
    opened) or its tab's (its last load); None when there is none to go by."""
    while widget is not None:
        seen = getattr(widget, "seen_version", None)
        if seen is not None:
            return seen
        widget = widget.parentWidget() if isValid(widget) else None
    return None


def _tab_of(widget: QWidget | None):
    """The tab page ``widget`` is on (it reloads and has ``sig_loaded``), or None."""
    while widget is not None and isValid(widget):
        if hasattr(widget, "sig_loaded") and hasattr(widget, "refresh"):
            return widget
        widget = widget.parentWidget()
    return None


def show_user_error(exc: UserFacingError, widget: QWidget | None) -> None:
    """An expected problem: in the banner of the tab it is about (the current tab when it comes
    from the window), else in a plain message box."""
    banner = _banner_near(widget)
    if banner is not None:
        banner.show_message(exc.message, "error")
    else:
        QMessageBox.warning(widget, QCoreApplication.translate("Edits", "ShopDesk"), exc.message)


def _banner_near(widget: QWidget | None):
    seen: set[int] = set()
    while widget is not None and id(widget) not in seen:
        seen.add(id(widget))
        tabs = getattr(widget, "tabs", None)
        if tabs is not None and hasattr(tabs, "currentWidget") and tabs.currentWidget() is not None:
            widget = tabs.currentWidget()
            continue
        banner = getattr(widget, "banner", None)
        if banner is not None and hasattr(banner, "show_message"):
            return banner
        widget = widget.parentWidget()
    return None


def _open_trash(window) -> None:
    from ui.dialogs.trash_dialog import open_trash

    open_trash(window)


def install_edit_menu(window) -> None:
    """Edit → Undo "…" (Ctrl+Z), Redo "…" (Ctrl+Y / Ctrl+Shift+Z), Trash… on the main window; the
    status bar says what was saved, undone or refused."""
    from PySide6.QtGui import QAction, QKeySequence

    runner: EditRunner = window.ctx.edits
    menu = window.menuBar().addMenu(QCoreApplication.translate("Edits", "&Edit"))
    actions = window.menuBar().actions()
    if len(actions) >= 2:  # Edit comes right after File, as on every platform
        window.menuBar().insertAction(actions[1], menu.menuAction())
    undo = QAction(window)
    undo.setObjectName("edit.undo")
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    undo.triggered.connect(lambda: runner.undo(window))
    redo = QAction(window)
    redo.setObjectName("edit.redo")
    redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    redo.triggered.connect(lambda: runner.redo(window))
    trash = QAction(QCoreApplication.translate("Edits", "&Trash…"), window)
    trash.setObjectName("edit.trash")
    trash.triggered.connect(lambda: _open_trash(window))
    menu.addAction(undo)
    menu.addAction(redo)
    menu.addSeparator()
    menu.addAction(trash)

    def update() -> None:
        # The runner can outlive this window (it belongs to the app's context): a change that lands
        # after the window closed must not touch its deleted actions.
        if not isValid(undo) or not isValid(redo):
            return
        undo_label, redo_label = runner.undo_label(), runner.redo_label()
        # cut to a menu's width; a "&" in a name is a "&", not the next letter's shortcut
        undo_text = short_label(undo_label).replace("&", "&&") if undo_label else ""
        redo_text = short_label(redo_label).replace("&", "&&") if redo_label else ""
        undo.setText(QCoreApplication.translate("Edits", "&Undo “%1”").replace("%1", undo_text) if undo_label else QCoreApplication.translate("Edits", "&Undo"))
        redo.setText(QCoreApplication.translate("Edits", "&Redo “%1”").replace("%1", redo_text) if redo_label else QCoreApplication.translate("Edits", "&Redo"))
        undo.setEnabled(undo_label is not None)
        redo.setEnabled(redo_label is not None)

    runner.sig_history_changed.connect(update)
    runner.sig_message.connect(lambda text: window.statusBar().showMessage(text, 10_000) if isValid(window) else None)
    update()
    window.edit_menu, window.action_undo, window.action_redo, window.action_trash = menu, undo, redo, trash
