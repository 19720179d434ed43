"""The one place that knows about threads: runs core work off the GUI thread.

``run_task(parent, fn, ...)`` calls ``fn(ctx)`` in the global thread pool. ``ctx`` gives the
work ``progress(done, total)`` and ``cancelled()`` (the shape core functions take) and
nothing Qt. The result, an error or a cancellation come back to the GUI thread through
queued signals. A progress dialog appears only when the work takes longer than ~600 ms, so
quick refreshes never flash a dialog (Anki's pattern). Each task opens its own database
session inside ``fn`` (DESIGN.md: one session per operation, in the worker).
"""
from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

from core.errors import Cancelled, UserFacingError

log = logging.getLogger(__name__)
MIN_THREADS = 4  # worker threads at least (see run_task)


@dataclass
class TaskContext:
    """Passed to the work function; safe to use from the worker thread."""

    _cancel: threading.Event = field(default_factory=threading.Event)
    _emit_progress: Callable[[int, int], None] = lambda done, total: None

    def progress(self, done: int, total: int) -> None:
        self._emit_progress(done, total)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object, str)  # exception, formatted traceback
    cancelled = Signal()
    progress = Signal(int, int)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[TaskContext], Any], ctx: TaskContext, signals: _Signals) -> None:
        super().__init__()
        self.fn, self.ctx, self.signals = fn, ctx, signals
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn(self.ctx)
        except Cancelled:
            self.signals.cancelled.emit()
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the GUI thread
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.done.emit(result)


class Task(QObject):
    """A running piece of work. Keep a reference or let ``run_task`` keep it alive."""

    sig_finished = Signal()

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        self.ctx = TaskContext()
        self.signals = _Signals()
        self._dialog: QProgressDialog | None = None
        self._timer: QTimer | None = None
        self.running = True

    def cancel(self) -> None:
        self.ctx._cancel.set()

    def _finish(self) -> None:
        self.running = False
        if self._timer:
            self._timer.stop()
        if self._dialog is not None and isValid(self._dialog):  # gone if its parent was closed
            self._dialog.reset()
            self._dialog.deleteLater()
        self._dialog = None
        _live.discard(self)
        self.sig_finished.emit()


_live: set[Task] = set()
_writer: QThreadPool | None = None


def writer_pool() -> QThreadPool:
    """The single thread every write runs on (``run_task(..., writer=True)``)."""
    global _writer
    if _writer is None:
        _writer = QThreadPool()
        _writer.setMaxThreadCount(1)
    return _writer


def run_task(
    parent: QWidget | None,
    fn: Callable[[TaskContext], Any],
    *,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException, str], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    progress_label: str | None = None,
    cancellable: bool = False,
    delay_ms: int = 600,
    writer: bool = False,
    always_call: bool = False,
) -> Task:
    """Run ``fn(ctx)`` off the GUI thread; callbacks run on the GUI thread.

    Reads run side by side on the global pool. ``writer=True`` queues the work on the one
    writer thread instead, so that writes commit in the order they were asked for (two quick
    edits of one cell must not land the wrong way round) and never contend with each other
    for SQLite's write lock. Errors without ``on_error`` go to the application's error
    handler (ui.errors). ``always_call``: the callbacks run even when ``parent`` (then only the
    progress dialog's owner) was closed meanwhile; they must check what they touch.
    """
    # The task has no Qt parent: it lives until the work ends (``_live``), even if the widget
    # that started it is closed meanwhile; then its callbacks are skipped instead of touching
    # a deleted widget.
    task = Task(None)
    _live.add(task)
    parent_alive = [True]
    if parent is not None and not always_call:
        parent.destroyed.connect(lambda *_: parent_alive.__setitem__(0, False))
    ctx, signals = task.ctx, task.signals
    ctx._emit_progress = signals.progress.emit

    if progress_label is not None and parent is not None:
        def show_dialog() -> None:
            if not task.running:
                return
            dlg = QProgressDialog(progress_label, QCoreApplication.translate("tasks", "Cancel") if cancellable else "", 0, 0, parent)
            if not cancellable:
                dlg.setCancelButton(None)
            dlg.setWindowTitle(progress_label)
            dlg.setMinimumDuration(0)
            dlg.canceled.connect(task.cancel)
            dlg.setAutoClose(False)
            dlg.setAutoReset(False)
            task._dialog = dlg
            dlg.show()

        task._timer = QTimer(task)
        task._timer.setSingleShot(True)
        task._timer.timeout.connect(show_dialog)
        task._timer.start(delay_ms)

        @Slot(int, int)
        def on_progress(done: int, total: int) -> None:
            if task._dialog is not None:
                task._dialog.setMaximum(max(total, 0))
                task._dialog.setValue(min(done, total) if total else 0)

        signals.progress.connect(on_progress)

    def done(result: Any) -> None:
        task._finish()
        if on_done and parent_alive[0]:
            on_done(result)

    def failed(exc: BaseException, tb: str) -> None:
        task._finish()
        if isinstance(exc, UserFacingError):
            # Expected (a bad file, a locked database): no traceback to bury real bugs under.
            log.info("task stopped: %s", exc)
        else:
            log.error("task failed: %s", tb)
        if not parent_alive[0]:
            return
        if on_error:
            on_error(exc, tb)
        else:
            from ui.errors import report_exception

            report_exception(exc, tb, parent)

    def cancelled() -> None:
        task._finish()
        if on_cancelled and parent_alive[0]:
            on_cancelled()

    signals.done.connect(done)
    signals.failed.connect(failed)
    signals.cancelled.connect(cancelled)
    if writer:
        writer_pool().start(_Runnable(fn, ctx, signals))
        return task
    pool = QThreadPool.globalInstance()
    # Tasks mostly wait on SQLite or the disk (which release the GIL), and the dashboard starts
    # three at once: on a dual-core PC Qt's default of one thread per core would queue one.
    if pool.maxThreadCount() < MIN_THREADS:
        pool.setMaxThreadCount(MIN_THREADS)
    pool.start(_Runnable(fn, ctx, signals))
    return task
