"""Team mode in the window: other people's changes reload the open tabs; a lost connection shows.

``install_live_updates(window)`` starts, for a server shop only, a ``core.live.ChangeListener``
on a connection of its own (a thread of its own; its callbacks come back to the GUI thread
through Qt's queued signals). A change another person saved names its topics, and only the
tabs showing those reload, as after one's own edit, with a line in the status bar. While the
server cannot be reached the status bar says "Connection to the server lost — retrying…"; once
it is back, every tab reloads (changes made meanwhile were not announced to this window).
On a SQLite file nothing here runs.
"""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel
from shiboken6 import isValid

if TYPE_CHECKING:
    from ui.context import AppContext

log = logging.getLogger(__name__)


class LiveUpdates(QObject):
    sig_notice = Signal(object)  # a core.live.Notice from another window (from the listener's thread)
    sig_connected = Signal(bool)  # False: connection lost; True: back (from the listener's thread)
    sig_message = Signal(str)  # a line for the status bar
    sig_status = Signal(bool)  # the connection note's visibility follows this (False: shown)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from core.live import ChangeListener

        self.ctx = ctx
        self.online = True
        self.sig_notice.connect(self._changed)
        self.sig_connected.connect(self._state)
        self.listener = ChangeListener(ctx.db, self.sig_notice.emit, self.sig_connected.emit)

    def start(self) -> LiveUpdates:
        self.listener.start()
        listener = self.listener
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(lambda: listener.stop())
        return self

    def stop(self) -> None:
        self.listener.stop()

    def _changed(self, notice) -> None:
        self.ctx.notify_changed(notice.topics)
        self.sig_message.emit(QCoreApplication.translate("Live", "%1 saved a change; the tabs showing it were updated.")
                              .replace("%1", notice.who or QCoreApplication.translate("Live", "Someone")))

    def _state(self, connected: bool) -> None:
        self.online = connected
        self.sig_status.emit(connected)
        if connected:
            self.ctx.notify_changed("*")  # what others saved meanwhile was not announced here
            self.sig_message.emit(QCoreApplication.translate("Live", "Connected to the server again; "
                                                             "everything shown was reloaded."))


def install_live_updates(window) -> LiveUpdates | None:
    """For a server shop: listen for other people's changes and show the connection's state in
    ``window``'s status bar (``window.live``, ``window.connection_label``). None on a file."""
    ctx = window.ctx
    if not ctx.db.is_server:
        window.live = None
        return None
    note = QLabel(QCoreApplication.translate("Live", "Connection to the server lost — retrying…"), window)
    note.setObjectName("main.connection")
    note.setStyleSheet("color:#b00020; font-weight:bold;")
    note.hide()
    window.statusBar().addPermanentWidget(note)
    live = LiveUpdates(ctx, window)

    def status(connected: bool) -> None:
        if isValid(note):
            note.setVisible(not connected)

    def message(text: str) -> None:
        if isValid(window):
            window.statusBar().showMessage(text, 10_000)

    live.sig_status.connect(status)
    live.sig_message.connect(message)
    listener = live.listener
    window.destroyed.connect(lambda *_: listener.stop(timeout=0))
    window.live, window.connection_label = live, note
    return live.start()
