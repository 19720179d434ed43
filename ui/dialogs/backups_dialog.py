"""File → Backup… / Restore…: the list of backups, Back up now, Restore (keeping what it replaces).

Also the start-up duties of data safety: the daily backup and emptying expired trash, run off
the GUI thread once the window is up, and the "restore the latest good backup?" offer when
the database will not open because it is damaged.
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from core import backups
from ui.tasks import run_task
from ui.widgets.record_table import RecordTable
from ui.widgets.table_model import Column

log = logging.getLogger(__name__)


def reason_label(reason: str) -> str:
    return {
        "daily": QCoreApplication.translate("BackupsDialog", "Daily (first start of the day)"),
        "import": QCoreApplication.translate("BackupsDialog", "Before an import"),
        "pre-migration": QCoreApplication.translate("BackupsDialog", "Before an update of ShopDesk"),
        "pre-restore": QCoreApplication.translate("BackupsDialog", "Data replaced by a restore"),
        "manual": QCoreApplication.translate("BackupsDialog", "Manual backup"),
        "damaged": QCoreApplication.translate("BackupsDialog", "Damaged file set aside"),
    }.get(reason, reason)


def size_label(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(size, 1024) // 1024} KB"


class BackupsDialog(QDialog):
    """Backups of the open database, newest first."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.db, self.settings = ctx.db, ctx.settings
        self.setObjectName("backups.dialog")
        self.setWindowTitle(self.tr("Backups"))
        self.resize(720, 440)
        self.folder = self.settings.backup_path()
        self.infos: list[backups.BackupInfo] = []

        intro = QLabel(self.tr(
            "ShopDesk backs up the shop at the first start of each day and before every import or update. "
            "Restoring keeps the data it replaces as a backup too."
        ), self)
        intro.setWordWrap(True)
        self.folder_label = QLabel(self.tr("Backup folder: %1").replace("%1", str(self.folder)), self)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.table = RecordTable(
            [
                Column(self.tr("Made at"), "datetime", field="time", fmt=lambda t: t.strftime("%Y-%m-%d %H:%M:%S")),
                Column(self.tr("Why"), field="reason", fmt=reason_label),
                Column(self.tr("Size"), "int", field="size", fmt=size_label),  # right-aligned, sorts by bytes
            ],
            self,
            key=lambda info: info.path,
            name="backups.table",
        )
        self.table.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.view.setWordWrap(False)
        self.table.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.sig_activated.connect(lambda _info: self.restore_selected())
        self.table.view.viewport().installEventFilter(self)  # each row's file as its tooltip

        self.button_backup = QPushButton(self.tr("Back up now"), self)
        self.button_restore = QPushButton(self.tr("Restore…"), self)
        self.button_file = QPushButton(self.tr("Restore from a file…"), self)
        self.button_delete = QPushButton(self.tr("Delete"), self)
        self.button_folder = QPushButton(self.tr("Open folder"), self)
        for button, name in ((self.button_backup, "backup"), (self.button_restore, "restore"),
                             (self.button_file, "restore_file"), (self.button_delete, "delete"),
                             (self.button_folder, "folder")):
            button.setObjectName(f"backups.{name}")
        self.button_backup.clicked.connect(self.backup_now)
        self.button_restore.clicked.connect(self.restore_selected)
        self.button_file.clicked.connect(self.restore_from_file)
        self.button_delete.clicked.connect(self.delete_selected)
        self.button_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder))))
        row = QHBoxLayout()
        for b in (self.button_backup, self.button_restore, self.button_file, self.button_delete):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.button_folder)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(close)
        self.reload()

    # -- list
    def reload(self) -> None:
        stem = self.db.stem
        self.infos = backups.list_backups(self.folder, stem)
        self.table.set_rows(self.infos)  # newest first, as core lists them
        if self.infos and self.selected() is None:
            self.table.view.selectRow(0)
        self._update_buttons()

    def selected(self) -> backups.BackupInfo | None:
        records = self.table.selected_records()
        return records[0] if records else None

    def _update_buttons(self, *_: object) -> None:
        has = self.selected() is not None
        self.button_restore.setEnabled(has)
        self.button_delete.setEnabled(has)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip and watched is self.table.view.viewport():
            index = self.table.view.indexAt(event.pos())
            if index.isValid():
                QToolTip.showText(event.globalPos(), str(self.table.raw_row(index.row()).path), self.table.view)
            else:
                QToolTip.hideText()
            return True
        return super().eventFilter(watched, event)

    # -- actions
    def backup_now(self) -> None:
        db, settings = self.db, self.settings

        def done(path) -> None:
            self.reload()
            QMessageBox.information(self, self.tr("Backup written"), self.tr("Backup written to %1").replace("%1", str(path)))

        run_task(self, lambda task: backups.auto_backup(db, "manual", settings=settings, progress=task.progress),
                 on_done=done, progress_label=self.tr("Backing up…"))

    def restore_selected(self) -> None:
        info = self.selected()
        if info is not None:
            self._restore(info.path, info.time.strftime("%Y-%m-%d %H:%M"))

    def restore_from_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Restore from a backup"), str(self.folder),
                                              self.tr("ShopDesk database (*.db)"))
        if path:
            self._restore(Path(path), Path(path).name)

    def _restore(self, path: Path, what: str) -> None:
        answer = QMessageBox.question(
            self, self.tr("Restore backup?"),
            self.tr("Replace the shop's current data with the backup from %1?\n\n"
                    "The current data is kept as a backup first, so this can be undone.").replace("%1", what),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, folder = self.db, self.folder

        def done(kept: Path) -> None:
            self.reload()
            QMessageBox.information(
                self, self.tr("Restored"),
                self.tr("The backup was restored. The data it replaced is kept as a backup:\n%1").replace("%1", str(kept)),
            )

        def refused(exc) -> None:  # a file that is not a sound ShopDesk backup: core says why
            from ui.errors import report_exception

            report_exception(exc, "", self)

        # A write like any other: on the writer thread, after the edits queued before it; then
        # every tab reloads and the redo side of Edit → Undo/Redo is cleared.
        self.ctx.edits.run_job(lambda _t: db.restore(path, keep_dir=folder), parent=self, clears_history=True, on_done=done,
                               on_error=refused, progress_label=self.tr("Restoring…"))

    def delete_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete backup?"),
            self.tr("Delete the backup from %1? This cannot be undone.").replace("%1", info.time.strftime("%Y-%m-%d %H:%M")),
        )
        if answer == QMessageBox.StandardButton.Yes:
            backups.delete_backup(info)
            self.reload()


# ---------------------------------------------------------------- start-up duties


def start_safety_duties(window) -> None:
    """After the window is shown: today's backup if due, and forget trash older than 30 days."""
    ctx = window.ctx

    def work(_task) -> None:
        from core.trash import purge_expired

        try:
            backups.daily_backup_if_due(ctx.db, ctx.settings)
        except Exception:  # noqa: BLE001 - a missed daily copy must never disturb the owner's work
            log.exception("daily backup failed")
        purge_expired(ctx.db)

    run_task(window, work, on_done=lambda _r: None, on_error=lambda exc, tb: log.error("start-up duties: %s\n%s", exc, tb))


def offer_restore_latest_good(exc, parent: QWidget | None = None) -> bool:
    """The database is damaged: offer the latest good backup. True when it was restored."""
    info = getattr(exc, "backup", None)
    if info is None:
        QMessageBox.critical(parent, "ShopDesk", exc.message)
        return False
    box = QMessageBox(QMessageBox.Icon.Warning, "ShopDesk", exc.message, parent=parent)
    box.setInformativeText(QCoreApplication.translate("BackupsDialog", "Restore the latest good backup (%1)?").replace("%1", info.time.strftime("%Y-%m-%d %H:%M")))
    restore = box.addButton(QCoreApplication.translate("BackupsDialog", "Restore the backup"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("BackupsDialog", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is not restore:
        return False
    try:
        result = backups.restore_latest_good(exc.path, exc.backup_dir)
    except Exception as err:  # noqa: BLE001 - shown to the owner, who decides what next
        QMessageBox.critical(parent, "ShopDesk", getattr(err, "message", str(err)))
        return False
    QMessageBox.information(
        parent, "ShopDesk",
        QCoreApplication.translate("BackupsDialog", "The backup from %1 was restored. The damaged file is kept as:\n%2")
        .replace("%1", result.backup.time.strftime("%Y-%m-%d %H:%M")).replace("%2", str(result.damaged_copy)),
    )
    return True
