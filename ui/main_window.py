"""The main window: six tabs, menus and the status bar. Wiring only; the work is elsewhere."""
from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

from core.errors import UserFacingError
from ui.context import AppContext
from ui.dialogs.about_dialog import show_about
from ui.dialogs.import_wizard import install_import_actions
from ui.tabs import tab_classes
from ui.tabs.base import TabPage
from ui.tasks import run_task

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("ShopDesk 店长台"))
        self.resize(1280, 800)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.pages: list[TabPage] = []
        for cls in tab_classes():
            page = cls(ctx, self.tabs)
            self.pages.append(page)
            self.tabs.addTab(page, page.title())
        self.setCentralWidget(self.tabs)

        self._build_menus()
        install_import_actions(self)  # File → Import…, Import history…, files dropped on the window
        self.db_label = QLabel(self.tr("Database: %1").replace("%1", ctx.db.display_name), self)
        self.statusBar().addPermanentWidget(self.db_label)
        self._restore_geometry()

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

    def page(self, key: str) -> TabPage:
        return next(p for p in self.pages if p.key == key)

    # -- actions
    def backup(self) -> None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
        default = str(self.ctx.settings.backup_path() / f"{Path(self.ctx.db.display_name).stem}-{stamp}-manual.db")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Back up the database"), default, self.tr("ShopDesk database (*.db)"))
        if not path:
            return
        db = self.ctx.db
        run_task(
            self,
            lambda task: db.backup(path, progress=task.progress),
            on_done=lambda dest: self.statusBar().showMessage(self.tr("Backup written to %1").replace("%1", str(dest)), 8000),
            progress_label=self.tr("Backing up…"),
        )

    def restore(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Restore from a backup"), str(self.ctx.settings.backup_path()), self.tr("ShopDesk database (*.db)")
        )
        if not path:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Restore backup?"),
            self.tr("Replace the shop's current data with the backup %1?\n\nThe current data is kept as a backup file first.")
            .replace("%1", Path(path).name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, keep = self.ctx.db, self.ctx.settings.backup_path()

        def done(kept: Path) -> None:
            self.ctx.notify_changed("*")
            QMessageBox.information(
                self, self.tr("Restored"),
                self.tr("The backup was restored. The data it replaced is kept in:\n%1").replace("%1", str(kept)),
            )

        run_task(self, lambda _t: db.restore(path, keep_dir=keep), on_done=done, progress_label=self.tr("Restoring…"))

    def open_settings(self) -> None:
        from ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx.settings, self)
        if dialog.exec():
            try:
                dialog.apply()
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
