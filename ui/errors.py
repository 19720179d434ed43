"""One path for failures: expected problems get a plain message, bugs get one error dialog.

``install_excepthook`` routes uncaught exceptions (GUI thread and Python threads) here; worker
failures from ui.tasks arrive here too. The same bug reported twice in a row shows once.
"""
from __future__ import annotations

import logging
import sys
import threading
import traceback

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from core.errors import UserFacingError
from core.logsetup import log_file_path

log = logging.getLogger(__name__)




class _Bridge(QObject):
    # Exceptions from other threads cross to the GUI thread through this queued signal.
    sig_exception = Signal(object, str)


_bridge: _Bridge | None = None
_last_shown: str | None = None
# In the smoke test nobody can click a dialog away: failures are collected instead.
_collected: list[str] | None = None


def collect_instead_of_showing(target: list[str] | None) -> None:
    global _collected
    _collected = target


def report_exception(exc: BaseException, tb: str, parent: QWidget | None = None) -> None:
    global _last_shown
    if _collected is not None:
        log.error("error during a non-interactive run: %s", tb or exc)
        _collected.append(f"{type(exc).__name__}: {exc}")
        print(tb or exc, file=sys.stderr)
        return
    if isinstance(exc, UserFacingError):
        QMessageBox.warning(parent, QCoreApplication.translate("errors", "ShopDesk"), exc.message)
        return
    log.error("unexpected error: %s", tb)
    signature = f"{type(exc).__name__}: {exc}"
    if signature == _last_shown:
        return
    _last_shown = signature
    box = QMessageBox(parent or QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("errors", "ShopDesk: something went wrong"))
    box.setText(QCoreApplication.translate("errors", "ShopDesk hit an unexpected problem. Your data is safe: every change is saved in a transaction."))
    box.setInformativeText(
        QCoreApplication.translate(
            "errors", "Details were written to the log file:\n%1\nPlease send it along when you report the problem.").replace(
            "%1", str(log_file_path())
        )
    )
    box.setDetailedText(tb)
    box.exec()


def install_excepthook() -> None:
    global _bridge
    _bridge = _Bridge()
    _bridge.sig_exception.connect(lambda exc, tb: report_exception(exc, tb))

    def hook(exc_type, exc, tb_obj) -> None:
        tb = "".join(traceback.format_exception(exc_type, exc, tb_obj))
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb_obj)
            return
        _bridge.sig_exception.emit(exc, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook
