"""The import wizard and how the main window reaches it: File → Import…, Import history…, drops.

``install_import_actions(window)`` is the one line the main window calls. The wizard's modules
(and core.imports with its readers) are imported only when the owner first imports, so the
window still opens fast.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow


def open_import_wizard(window: QMainWindow, files: Iterable[str | Path] = ()):
    """Show the wizard (non-modal, so the tabs stay readable behind it); returns it."""
    from ui.dialogs.import_wizard.wizard import ImportWizard

    previous = getattr(window, "import_wizard", None)
    if previous is not None and not previous.isVisible() and not previous.busy():
        previous.deleteLater()  # not on close: its workers may still answer to it then
    wizard = ImportWizard(window.ctx, window, files)
    window.import_wizard = wizard
    wizard.show()
    if not files:
        wizard.files_page.choose_files()
    return wizard


def open_history(window: QMainWindow):
    from ui.dialogs.import_history import open_import_history

    window.import_history = open_import_history(window.ctx, window, getattr(window, "import_history", None))
    return window.import_history


class _DropFilter(QObject):
    """Files dropped anywhere on the window open the wizard with them."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if _local_files(event.mimeData()):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            files = _local_files(event.mimeData())
            if files:
                event.acceptProposedAction()
                wizard = getattr(self.window, "import_wizard", None)
                if _alive(wizard) and wizard.current() == 0:
                    wizard.files_page.add_files(files)
                    wizard.raise_()
                    wizard.activateWindow()
                else:
                    open_import_wizard(self.window, files)
                return True
        return False


def _local_files(mime) -> list[str]:
    if mime is None or not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and Path(url.toLocalFile()).is_file()]


def _alive(widget) -> bool:
    return widget is not None and widget.isVisible()


def install_import_actions(window: QMainWindow) -> None:
    """Put Import… (Ctrl+I) and Import history… at the top of the File menu; accept file drops."""
    menu = window.file_menu
    first = menu.actions()[0] if menu.actions() else None
    window.action_import = QAction(QCoreApplication.translate("MainWindow", "&Import…"), window)
    window.action_import.setShortcut(QKeySequence("Ctrl+I"))
    window.action_import.triggered.connect(lambda: open_import_wizard(window))
    window.action_import_history = QAction(QCoreApplication.translate("MainWindow", "Import &history…"), window)
    window.action_import_history.triggered.connect(lambda: open_history(window))
    menu.insertActions(first, [window.action_import, window.action_import_history])
    menu.insertSeparator(first)
    window.setAcceptDrops(True)
    window._import_drop_filter = _DropFilter(window)
    window.installEventFilter(window._import_drop_filter)
