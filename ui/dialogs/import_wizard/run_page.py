"""Step 4: import the files one after another in a worker, with a progress bar and Cancel.

Core writes each file in one transaction and writes nothing for a cancelled file, so Cancel
stops the file being imported (nothing of it is written) and skips the ones after it; files
already imported stay imported and are listed in the report, where they can be undone.

Each file is a write like any other (``ctx.edits.run_job``): it queues on the one writer thread
behind edits made before it, and once it is in the tabs reload and the redo side of
Edit → Undo/Redo is cleared.
"""
from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QProgressBar, QPushButton, QVBoxLayout

from core.errors import Cancelled, UserFacingError
from ui.dialogs.import_wizard.entries import ERROR_FG, MUTED_FG, OK_FG, FileEntry, elide_middle
from ui.dialogs.import_wizard.page import WizardPage, heading

log = logging.getLogger(__name__)
STEPS = 1000  # progress bar units per file


class _ImportCrashed(UserFacingError):
    """A bug while importing one file: reported in that file's line (nothing of it was written),
    not in the crash dialog, so that the other files still go in."""

    def __init__(self, exc: Exception, tb: str) -> None:
        super().__init__(f"{type(exc).__name__}: {exc}", detail=tb)


class RunPage(WizardPage):
    # (file index, done, total) from the writer thread; queued to the GUI thread.
    sig_progress = Signal(int, int, int)
    sig_waiting = Signal(int)  # another import into the shop is writing: this file waits its turn

    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.current_label = QLabel(self)
        self.current_label.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel import"), self)
        self.cancel_button.clicked.connect(self.cancel)
        self.list = QListWidget(self)
        self.list.setStyleSheet("QListWidget { border:none; background:transparent; } QListWidget::item { padding:4px; }")
        bar_row = QHBoxLayout()
        bar_row.addWidget(self.bar, 1)
        bar_row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(self.tr("Importing…"), self))
        layout.addSpacing(8)
        layout.addWidget(self.current_label)
        layout.addLayout(bar_row)
        layout.addSpacing(8)
        layout.addWidget(self.list, 1)
        self.queue: list[FileEntry] = []
        self.index = 0
        self._cancel: threading.Event | None = None  # the running file's Cancel
        self.sig_progress.connect(self._progress)
        self.sig_waiting.connect(lambda i: self._set_state(i, self.tr("Waiting for another import into this shop to finish…")))
        self._settled: list[bool] = []
        self.cancelled = False
        self.running = False
        self._on_finished: Callable[[], None] = lambda: None

    def can_go_next(self) -> bool:
        return False

    # -- running
    def start(self, on_finished: Callable[[], None]) -> None:
        self._on_finished = on_finished
        self.queue = self.wizard.importable()
        for entry in self.queue:
            entry.result, entry.import_error, entry.undone = None, None, False
        self.index = 0
        self.cancelled = False
        self.running = True
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Cancel import"))
        self.bar.setRange(0, STEPS * max(len(self.queue), 1))
        self.bar.setValue(0)
        self.list.clear()
        self._settled = [False] * len(self.queue)
        for entry in self.queue:
            item = QListWidgetItem(self._line(entry, self.tr("Waiting")))
            item.setToolTip(str(entry.path))
            self.list.addItem(item)
        self._next_file()

    def _line(self, entry: FileEntry, state: str) -> str:
        return f"{elide_middle(entry.name, 70)} — {state}"

    def _set_state(self, i: int, state: str, colour: str | None = None) -> None:
        self._settled[i] = state != self.tr("Importing…")
        item = self.list.item(i)
        item.setText(self._line(self.queue[i], state))
        if colour:
            item.setForeground(QBrush(QColor(colour)))

    def _next_file(self) -> None:
        if self.cancelled or self.index >= len(self.queue):
            self._finish()
            return
        i, entry = self.index, self.queue[self.index]
        self.current_label.setText(
            self.tr("File %1 of %2: %3").replace("%1", str(i + 1)).replace("%2", str(len(self.queue)))
            .replace("%3", elide_middle(entry.name, 80))
        )
        self._set_state(i, self.tr("Importing…"))
        self.bar.setValue(STEPS * i)
        ctx = self.wizard.ctx
        db, path, platform, mapping = ctx.db, entry.path, entry.chosen_platform, entry.mapping
        cancel = self._cancel = threading.Event()
        signal, note = self.sig_progress, self.sig_waiting

        def progress(done: int, total: int) -> None:
            try:
                signal.emit(i, done, total)
            except RuntimeError:  # the wizard was closed (and Cancel pressed) meanwhile
                pass

        def progress_note(index: int) -> None:
            try:
                note.emit(index)
            except RuntimeError:
                pass

        def work(task):
            from core.imports import import_file

            if cancel.is_set():  # cancelled while it waited for the writer thread
                raise Cancelled()
            try:
                return import_file(db, path, platform=platform, mapping=mapping,
                                   progress=progress, waiting=lambda: progress_note(i),
                                   cancelled=lambda: cancel.is_set() or task.cancelled())
            except (UserFacingError, Cancelled):
                raise
            except Exception as exc:  # noqa: BLE001 - shown in the file's line; the next file goes on
                raise _ImportCrashed(exc, traceback.format_exc()) from exc

        ctx.edits.run_job(work, parent=self, on_done=self._done, on_error=self._failed,
                          on_cancelled=self._was_cancelled)

    def _progress(self, index: int, done: int, total: int) -> None:
        if total > 0 and index == self.index and self.running:
            self.bar.setValue(STEPS * index + min(STEPS, STEPS * done // total))

    def _done(self, result) -> None:
        entry = self.queue[self.index]
        entry.result = result
        self._set_state(self.index, self.tr("Done"), OK_FG)
        self.index += 1
        self._next_file()

    def _failed(self, exc: UserFacingError) -> None:
        entry = self.queue[self.index]
        if isinstance(exc, _ImportCrashed):
            log.error("importing %s failed: %s", entry.path, exc.detail)
            entry.import_error = self.tr(
                "ShopDesk hit an unexpected problem (%1). Nothing was imported from this file; "
                "the details are in the log file."
            ).replace("%1", exc.message)
        else:
            entry.import_error = exc.message
        self._set_state(self.index, self.tr("Not imported"), ERROR_FG)
        self.index += 1
        self._next_file()

    def _was_cancelled(self) -> None:
        self._set_state(self.index, self.tr("Cancelled; nothing was imported from this file"), MUTED_FG)
        self.cancelled = True
        self._finish()

    def cancel(self) -> None:
        if not self.running or self._cancel is None:
            return
        self.cancelled = True
        self.cancel_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Cancelling…"))
        self._cancel.set()

    def _finish(self) -> None:
        self.running = False
        self._cancel = None
        if not self.cancelled:
            self.bar.setValue(self.bar.maximum())
        for i, settled in enumerate(self._settled):
            if not settled:
                self._set_state(i, self.tr("Not imported"), MUTED_FG)
        self._on_finished()  # the tabs were told after each file that went in (run_job)
