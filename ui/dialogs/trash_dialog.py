"""Edit → Undo delete and Edit → Trash…: everything deleted in the last 30 days, restorable.

Every delete in ShopDesk goes through ``core.trash``; this is its only window. Restores run
off the GUI thread and tell the tabs to reload.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.errors import UserFacingError
from ui.tasks import run_task

if TYPE_CHECKING:
    from core import trash


class TrashDialog(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entries: list[trash.TrashEntry] = []
        self.setWindowTitle(self.tr("Trash"))
        self.resize(680, 400)
        intro = QLabel(self.tr("Deleted items and undone imports are kept here for 30 days. Restore puts them back exactly."), self)
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Deleted at"), self.tr("What"), self.tr("Name"), self.tr("Kept until")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for col in (0, 1, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.empty_label = QLabel(self.tr("The trash is empty."), self)
        self.button_restore = QPushButton(self.tr("Restore"), self)
        self.button_forget = QPushButton(self.tr("Delete for good"), self)
        self.button_restore.clicked.connect(self.restore_selected)
        self.button_forget.clicked.connect(self.forget_selected)
        row = QHBoxLayout()
        row.addWidget(self.button_restore)
        row.addWidget(self.button_forget)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(row)
        layout.addWidget(close)
        self.reload()

    def reload(self) -> None:
        # core.trash brings SQLAlchemy and the models: imported when the trash is used, not
        # when the main window installs the Edit menu before it is first shown.
        from core import trash

        self.entries = trash.list_trash(self.ctx.db)
        self.table.setRowCount(len(self.entries))
        for r, e in enumerate(self.entries):
            cells = [e.deleted_at.strftime("%Y-%m-%d %H:%M"), trash.kind_label(e.kind), e.title, e.expires_at.strftime("%Y-%m-%d")]
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.empty_label.setVisible(not self.entries)
        if self.entries:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> trash.TrashEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self.button_restore.setEnabled(has)
        self.button_forget.setEnabled(has)

    def restore_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        db = self.ctx.db
        from core import trash

        def done(_r) -> None:
            self.ctx.notify_changed("*")
            self.reload()

        run_task(self, lambda _t: trash.restore(db, entry.id), on_done=done, on_error=self._refused,
                 progress_label=self.tr("Restoring…"))

    def forget_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete for good?"),
            self.tr("Delete “%1” for good? It cannot be restored afterwards.").replace("%1", entry.title),
        )
        if answer == QMessageBox.StandardButton.Yes:
            from core import trash

            trash.purge(self.ctx.db, entry.id)
            self.reload()

    def _refused(self, exc: BaseException, tb: str) -> None:
        if isinstance(exc, UserFacingError):
            QMessageBox.warning(self, self.tr("Cannot restore"), exc.message)
            self.reload()
            return
        from ui.errors import report_exception

        report_exception(exc, tb, self)


def undo_last_delete(window) -> None:
    """Edit → Undo delete: restore the most recent item in the trash."""
    ctx = window.ctx

    def done(entry) -> None:
        if entry is None:
            window.statusBar().showMessage(QCoreApplication.translate("TrashDialog", "Nothing to undo."), 5000)
            return
        ctx.notify_changed("*")
        window.statusBar().showMessage(QCoreApplication.translate("TrashDialog", "Restored: %1").replace("%1", entry.title), 8000)

    def failed(exc: BaseException, tb: str) -> None:
        if isinstance(exc, UserFacingError):
            QMessageBox.warning(window, QCoreApplication.translate("TrashDialog", "Cannot restore"), exc.message)
            return
        from ui.errors import report_exception

        report_exception(exc, tb, window)

    from core import trash

    run_task(window, lambda _t: trash.undo_last(ctx.db), on_done=done, on_error=failed)


def install_trash_actions(window) -> None:
    """Edit → Undo delete (Ctrl+Z) and Edit → Trash… on the main window."""
    menu = window.menuBar().addMenu(QCoreApplication.translate("TrashDialog", "&Edit"))
    # Edit comes right after File, as on every platform.
    actions = window.menuBar().actions()
    if len(actions) >= 2:
        window.menuBar().insertAction(actions[1], menu.menuAction())
    window.action_undo = QAction(QCoreApplication.translate("TrashDialog", "&Undo delete"), window)
    window.action_undo.setShortcut(QKeySequence.StandardKey.Undo)
    window.action_undo.triggered.connect(lambda: undo_last_delete(window))
    window.action_trash = QAction(QCoreApplication.translate("TrashDialog", "&Trash…"), window)
    window.action_trash.triggered.connect(lambda: TrashDialog(window.ctx, window).exec())
    menu.addAction(window.action_undo)
    menu.addAction(window.action_trash)
    window.edit_menu = menu
