"""File → Print monthly plan…: choose the month, then Qt's print preview (page setup, printer,
Save as PDF), painting the same document as the ``report`` command (ui/report/render.py)."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QMainWindow, QWidget

from core.i18n import t

if TYPE_CHECKING:
    from core.report import Month

# core.report (SQLAlchemy) and the renderer load on first use: the main window installs this
# menu entry before its first paint, and start-up must not pull in the data libraries.


class MonthDialog(QDialog):
    """The month chooser shown before the preview."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("Print monthly plan"))
        self.month = QDateEdit(QDate(today.year, today.month, 1), self)
        self.month.setObjectName("report.month")
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setCalendarPopup(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(t("Preview…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(t("Month:"), self.month)
        form.addRow(buttons)

    def chosen(self) -> Month:
        from core.report import Month

        d = self.month.date()
        return Month(d.year(), d.month())


def preview_dialog(window: QMainWindow, month: Month) -> QPrintPreviewDialog:
    """The preview of ``month``'s plan (built once, repainted on every page-setup change)."""
    from core.report import build_plan
    from ui.report.render import page_layout, render

    ctx = window.ctx
    plan = build_plan(ctx.db, month, ctx.today())
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout())
    printer.setDocName(f"{plan.shop_name} {month}")
    dlg = QPrintPreviewDialog(printer, window)
    dlg.printer_ = printer  # the dialog does not own its printer: keep it alive as long as the dialog
    dlg.setObjectName("report.preview")
    dlg.setWindowTitle(t("Monthly plan {month}", month=str(month)))
    dlg.paintRequested.connect(lambda p: render(plan, p))
    return dlg


def print_monthly_plan(window: QMainWindow) -> None:
    chooser = MonthDialog(window.ctx.today(), window)
    if chooser.exec() != QDialog.DialogCode.Accepted:
        return
    dlg = preview_dialog(window, chooser.chosen())
    dlg.exec()


def install_print_action(window: QMainWindow) -> None:
    """File → Print monthly plan… (Ctrl+P), above Backup…."""
    menu = window.file_menu
    action = QAction(QCoreApplication.translate("MainWindow", "Print monthly plan…"), window)
    action.setObjectName("report.print_plan")
    action.setShortcut("Ctrl+P")
    action.triggered.connect(lambda: print_monthly_plan(window))
    window.action_print_plan = action
    before = getattr(window, "action_backup", None)
    menu.insertAction(before, action)
    menu.insertSeparator(before)
