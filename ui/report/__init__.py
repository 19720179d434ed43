"""The printed monthly plan: its renderer (render.py) and the print dialog (dialog.py).

``install_print_action`` is what the main window calls before its first paint: it imports neither
(the dialog's Qt classes alone cost start-up time); they load when the owner first prints.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow


def _print_monthly_plan(window: QMainWindow) -> None:
    from ui.report.dialog import print_monthly_plan

    print_monthly_plan(window)


def install_print_action(window: QMainWindow) -> None:
    """File → Print monthly plan… (Ctrl+P), above Backup…."""
    menu = window.file_menu
    action = QAction(QCoreApplication.translate("MainWindow", "Print monthly plan…"), window)
    action.setObjectName("report.print_plan")
    action.setShortcut("Ctrl+P")
    action.triggered.connect(lambda: _print_monthly_plan(window))
    window.action_print_plan = action
    before = getattr(window, "action_backup", None)
    menu.insertAction(before, action)
    menu.insertSeparator(before)
