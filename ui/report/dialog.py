"""File → Print monthly plan…: choose the month, gather its plan in a worker (ui.tasks), then Qt's
print preview (page setup, printer, Save as PDF), painting the same document as the ``report``
command (ui/report/render.py) on the GUI thread."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QMainWindow, QWidget
from shiboken6 import isValid

from core.i18n import t
from ui.widgets.date_range import plannable

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    from core.report import Month, MonthlyPlan
    from ui.tasks import Task

# This module loads when the owner first prints (ui/report/__init__.py installs the menu entry),
# and core.report (SQLAlchemy), the renderer and Qt's print support only when the preview is built.


class MonthDialog(QDialog):
    """The month chooser shown before the preview."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("Print monthly plan"))
        self.month = plannable(QDateEdit(QDate(today.year, today.month, 1), self))
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


def preview_dialog(window: QMainWindow, plan: MonthlyPlan) -> QPrintPreviewDialog:
    """The preview of a built plan (repainted on every page-setup change, on the GUI thread, as
    Qt's printing requires)."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from ui.report.render import page_layout, render

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout())
    printer.setDocName(f"{plan.shop_name} {plan.month}")
    dlg = QPrintPreviewDialog(printer, window)
    dlg.printer_ = printer  # the dialog does not own its printer: keep it alive as long as the dialog
    dlg.plan = plan
    dlg.setObjectName("report.preview")
    dlg.setWindowTitle(t("Monthly plan {month}", month=str(plan.month)))
    dlg.paintRequested.connect(lambda p: render(plan, p))
    return dlg


def start_preview(window: QMainWindow, month: Month) -> Task:
    """Gather ``month``'s plan off the GUI thread (a few seconds on a big shop: the window stays
    responsive, a busy dialog with Cancel appears after a moment), then open the preview."""
    from ui.tasks import run_task

    ctx = window.ctx
    today = ctx.today()
    action = getattr(window, "action_print_plan", None)
    if action is not None:
        action.setEnabled(False)  # one plan at a time
    QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)

    def finish() -> None:
        QApplication.restoreOverrideCursor()
        if action is not None and isValid(action):
            action.setEnabled(True)

    def work(task) -> MonthlyPlan:
        from core.report import build_plan

        task.check()
        plan = build_plan(ctx.db, month, today)
        task.check()  # cancelled meanwhile: no preview
        return plan

    def done(plan: MonthlyPlan) -> None:
        finish()
        if not isValid(window):  # closed while the plan was gathered
            return
        dlg = preview_dialog(window, plan)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.open()  # window-modal, without a nested event loop

    def failed(exc: BaseException, tb: str) -> None:
        from ui.errors import report_exception

        finish()
        report_exception(exc, tb, window if isValid(window) else None)

    return run_task(window, work, on_done=done, on_error=failed, on_cancelled=finish,
                    progress_label=t("Preparing the monthly plan {month}…", month=str(month)), cancellable=True,
                    always_call=True)  # the busy cursor goes back even if the window was closed meanwhile


def print_monthly_plan(window: QMainWindow) -> None:
    chooser = MonthDialog(window.ctx.today(), window)
    if chooser.exec() != QDialog.DialogCode.Accepted:
        return
    start_preview(window, chooser.chosen())
