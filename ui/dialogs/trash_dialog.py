"""Edit → Trash…: everything deleted in the last 30 days, restorable.

Every delete in ShopDesk goes through ``core.trash``; this is its only window. A restore is a
write like any other: it runs on the one writer thread (``ctx.edits.run_job``), then the tabs
reload and the redo side of Edit → Undo/Redo is cleared. Ctrl+Z itself is the general undo of
``ui.edits`` (undoing a delete restores it from here).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.errors import UserFacingError
from ui.widgets.banner import Banner
from ui.widgets.record_table import RecordTable
from ui.widgets.table_model import Column

if TYPE_CHECKING:
    from core import trash


def _kind_label(kind: str) -> str:
    # core.trash brings SQLAlchemy and the models: imported when the trash is used, not when the
    # main window installs the Edit menu before it is first shown.
    from core.trash import kind_label

    return kind_label(kind)


class TrashDialog(QDialog):
    # A restore that failed with a bug (it goes to the crash dialog): emitted from the writer
    # thread, so that the buttons come back here on the GUI thread.
    _sig_crashed = Signal()

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entries: list[trash.TrashEntry] = []
        self.restoring = False
        self._sig_crashed.connect(self._crashed)
        self.setObjectName("trash.dialog")
        self.setWindowTitle(self.tr("Trash"))
        self.resize(680, 400)
        intro = QLabel(self.tr("Deleted items and undone imports are kept here for 30 days. Restore puts them back exactly."), self)
        intro.setWordWrap(True)
        self.banner = Banner(self)
        self.banner.setObjectName("trash.banner")
        self.table = RecordTable(
            [
                Column(self.tr("Deleted at"), "datetime", field="deleted_at"),
                Column(self.tr("What"), field="kind", fmt=_kind_label),
                Column(self.tr("Name"), field="title"),
                Column(self.tr("Kept until"), "date", field="expires_at", fmt=lambda d: d.strftime("%Y-%m-%d")),
            ],
            self,
            key=lambda entry: entry.id,
            name="trash.table",
        )
        self.table.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.view.setWordWrap(False)
        self.table.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.empty_label = QLabel(self.tr("The trash is empty."), self)
        self.empty_label.setObjectName("trash.empty")
        self.button_restore = QPushButton(self.tr("Restore"), self)
        self.button_restore.setObjectName("trash.restore")
        self.button_forget = QPushButton(self.tr("Delete for good"), self)
        self.button_forget.setObjectName("trash.forget")
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
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(row)
        layout.addWidget(close)
        self.reload()

    def reload(self) -> None:
        from core import trash

        self.entries = trash.list_trash(self.ctx.db)
        self.table.set_rows(self.entries)  # most recently deleted first, as core lists them
        self.empty_label.setVisible(not self.entries)
        if self.entries and self.selected() is None:
            self.table.view.selectRow(0)
        self._update_buttons()

    def selected(self) -> trash.TrashEntry | None:
        records = self.table.selected_records()
        return records[0] if records else None

    def _update_buttons(self, *_: object) -> None:
        has = self.selected() is not None
        self.button_restore.setEnabled(has and not self.restoring)
        self.button_forget.setEnabled(has and not self.restoring)

    def restore_selected(self) -> None:
        entry = self.selected()
        if entry is None or self.restoring:
            return
        db = self.ctx.db
        from core import trash

        def done(restored: trash.TrashEntry) -> None:
            self._idle()
            self.reload()
            self.banner.show_message(self.tr("Restored: %1").replace("%1", restored.title), "info")

        def work(_task):
            try:
                return trash.restore(db, entry.id)
            except UserFacingError:
                raise
            except BaseException:
                self._sig_crashed.emit()
                raise

        self.restoring = True
        self.banner.clear_message()
        self._update_buttons()
        self.ctx.edits.run_job(work, parent=self, on_done=done, on_error=self._refused,
                               progress_label=self.tr("Restoring…"))

    def forget_selected(self) -> None:
        entry = self.selected()
        if entry is None or self.restoring:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete for good?"),
            self.tr("Delete “%1” for good? It cannot be restored afterwards.").replace("%1", entry.title),
        )
        if answer == QMessageBox.StandardButton.Yes:
            from core import trash

            trash.purge(self.ctx.db, entry.id)
            self.banner.clear_message()
            self.reload()

    def _refused(self, exc: UserFacingError) -> None:
        """core's reason (a clash with something made since, an expired item), in the dialog."""
        self._idle()
        self.reload()
        self.banner.show_message(self.tr("Cannot restore: %1").replace("%1", exc.message), "error")

    def _crashed(self) -> None:
        self._idle()
        self.reload()

    def _idle(self) -> None:
        self.restoring = False
        self._update_buttons()


def open_trash(window) -> None:
    """Edit → Trash…"""
    dialog = TrashDialog(window.ctx, window)
    dialog.exec()
    # Closed while a restore still runs: the dialog is the restore's parent and must outlive it
    # so that its result still reaches the tabs; it then goes with the window.
    if not dialog.restoring:
        dialog.deleteLater()
