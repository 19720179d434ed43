"""The Promotions tab's calendar exports, beside its Export… (the list): the promotions of the month,
week or year on screen as an .ics file phones and Outlook import (core.promotions_ics), and as an
Excel calendar, one sheet per month drawn as a calendar plus the list
(core.promotion_calendar_xlsx; the same as ``export promotion-calendar FILE.xlsx``)."""
from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from ui.widgets.export_button import ExportButton


class IcsExportButton(ExportButton):
    """Calendar (.ics)…: the promotions of the month or year on screen as a calendar file that phones
    and Outlook import (core.promotions_ics, the same as ``export promotions FILE.ics``)."""

    def export(self, path: str | None = None) -> None:
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export calendar"), self._suggested(),
                                                        self.tr("Calendar (*.ics)"))
            if not path:
                return
            if not path.lower().endswith(".ics"):
                path += ".ics"
        super().export(path)


class CalendarXlsxButton(ExportButton):
    """Calendar (Excel)…: the months on screen, each a sheet drawn as a calendar, plus the list."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.setText(self.tr("Calendar (Excel)…"))
        self.setToolTip(self.tr(
            "Write the promotions of the month or week on screen (in the year and list views: of the year) to an Excel "
            "workbook: one sheet per month drawn as a calendar, the promotions and their phase in the day cells, "
            "plus a list"))

    def export(self, path: str | None = None) -> None:
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export calendar"), self._suggested(),
                                                        self.tr("Excel (*.xlsx)"))
            if not path:
                return
            if not path.lower().endswith(".xlsx"):
                path += ".xlsx"
        super().export(path)
