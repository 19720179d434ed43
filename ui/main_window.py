"""The main window: six tabs, menus and the status bar. Wiring only; the work is elsewhere."""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QWidget

from core.errors import UserFacingError
from ui.context import AppContext
from ui.dialogs.about_dialog import show_about
from ui.edits import install_edit_menu
from ui.live import install_live_updates
from ui.report import install_print_action
from ui.settings.sign_in import install_person_label, request_reopen
from ui.dialogs.import_wizard import install_import_actions
from ui.lazy_tabs import install_lazy_tabs
from ui.widgets.screen_fit import resize_within_screen

if TYPE_CHECKING:
    from ui.tabs.base import TabPage

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("ShopDesk 店长台"))
        resize_within_screen(self, 1280, 800)  # a first start on a small laptop: the window fits it

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setObjectName("main.tabs")
        # Every tab's title at once; a tab's page is built when first shown (ui/lazy_tabs.py).
        self.lazy_tabs = install_lazy_tabs(self)
        self.setCentralWidget(self.tabs)

        self._build_menus()
        install_import_actions(self)  # File → Import…, Import history…, files dropped on the window
        install_edit_menu(self)  # Edit → Undo, Redo, Trash…: the one editing path (ui/edits.py)
        install_print_action(self)  # File → Print monthly plan… (ui/report)
        self.db_label = QLabel(self.tr("Database: %1").replace("%1", ctx.db.display_name), self)
        self.statusBar().addPermanentWidget(self.db_label)
        install_person_label(self)  # a server shop: who is signed in, and their role
        install_live_updates(self)  # a server shop: others' changes reload the tabs; a lost connection shows
        self._restore_geometry()
        self.lazy_tabs.build_current()  # the tab the window opens on, before its first paint

    # -- menus
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.file_menu = file_menu
        self.action_backup = self._action(self.tr("&Backup…"), self.backup, file_menu)
        self.action_restore = self._action(self.tr("&Restore…"), self.restore, file_menu)
        file_menu.addSeparator()
        self.action_settings = self._action(self.tr("&Settings…"), self.open_settings, file_menu, QKeySequence.StandardKey.Preferences)
        file_menu.addSeparator()
        self._action(self.tr("&Quit"), self.close, file_menu, QKeySequence.StandardKey.Quit)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(self.tr("&About ShopDesk"), lambda: show_about(self, self.ctx.db.display_name), help_menu)

    def _action(self, text: str, slot, menu, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    @property
    def pages(self) -> list[TabPage]:
        """Every tab's page, in tab order (building those not shown yet)."""
        return self.lazy_tabs.pages()

    def page(self, key: str) -> TabPage:
        """The tab's page (built now if it was not yet)."""
        return self.lazy_tabs.page(key)

    # -- actions
    def backup(self) -> None:
        self.open_backups()

    def restore(self) -> None:
        self.open_backups()

    def open_backups(self) -> None:
        from ui.dialogs.backups_dialog import BackupsDialog

        BackupsDialog(self.ctx, self).exec()

    def open_settings(self, page: str = "") -> None:
        from ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx.settings, self, ctx=self.ctx, page=page)
        accepted = dialog.exec()
        if dialog.reopen_on is not None:
            request_reopen(self, dialog.reopen_on)
            return
        if accepted:
            try:
                dialog.apply()
                self.ctx.notify_changed("settings")  # e.g. the inventory's sales window
            except OSError as exc:
                raise UserFacingError(self.tr("The settings could not be saved: %1").replace("%1", str(exc))) from exc

    # -- geometry
    def _restore_geometry(self) -> None:
        qs = QSettings()
        geometry = qs.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.tabs.setCurrentIndex(int(qs.value("main_window/tab", 0) or 0))

    def closeEvent(self, event) -> None:  # noqa: N802
        qs = QSettings()
        qs.setValue("main_window/geometry", self.saveGeometry())
        qs.setValue("main_window/tab", self.tabs.currentIndex())
        super().closeEvent(event)
