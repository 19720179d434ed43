"""The Team tab's “Print week…”: choose a week, then Qt's print preview of the weekly task sheet
(one page per person; page setup, printer, Save as PDF), the same document as
``report --week YYYY-Www --pdf FILE`` (ui/report/task_sheet.py)."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from ui.widgets.date_range import plannable


class WeekDialog(QDialog):
    """Any day of the week to print; the ISO week it falls in is shown beside it."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print weekly task sheets"))
        self.day = plannable(QDateEdit(QDate(today.year, today.month, today.day), self))
        self.day.setObjectName("team.print_week.day")
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setCalendarPopup(True)
        self.week = QLabel(self)
        self.day.dateChanged.connect(self._show_week)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Preview…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("A day of the week:"), self.day)
        form.addRow(self.tr("Week:"), self.week)
        form.addRow(buttons)
        self._show_week()

    def chosen(self):
        from core.task_sheet import Week

        return Week.of(self.day.date().toPython())

    def _show_week(self) -> None:
        week = self.chosen()
        self.week.setText(f"{week}  ({week.start.isoformat()} – {week.end.isoformat()})")


def preview_dialog(ctx, parent: QWidget, week) -> QPrintPreviewDialog:
    """The preview of ``week``'s sheet (built once, repainted on every page-setup change)."""
    from core.task_sheet import build_sheet
    from ui.report.task_sheet import PORTRAIT, render, title_of
    from ui.report.render import page_layout

    sheet = build_sheet(ctx.db, week, ctx.today())
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(PORTRAIT))
    printer.setDocName(title_of(sheet))
    dlg = QPrintPreviewDialog(printer, parent)
    dlg.printer_ = printer  # the dialog does not own its printer: keep it alive as long as the dialog
    dlg.sheet = sheet
    dlg.setObjectName("team.week_preview")
    dlg.setWindowTitle(title_of(sheet))
    dlg.paintRequested.connect(lambda p: render(sheet, p))
    return dlg


def print_week(ctx, parent: QWidget) -> None:
    chooser = WeekDialog(ctx.today(), parent)
    if chooser.exec() != QDialog.DialogCode.Accepted:
        return
    preview_dialog(ctx, parent, chooser.chosen()).exec()
