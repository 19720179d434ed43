"""“Export…” on a tab: the tab's view written to .xlsx, .csv or .json by core.views, the same
rows as ``export NAME FILE`` writes headless. Reading only, so it runs on the read pool."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from ui.tasks import run_task

FILTERS = "Excel (*.xlsx);;CSV (*.csv);;JSON (*.json)"


class ExportButton(QPushButton):
    def __init__(self, ctx, view_name: str, page, *, suggested: Callable[[], str] | None = None,
                 date_range: Callable[[], tuple[dt.date, dt.date] | None] | None = None,
                 parent: QWidget | None = None, name: str = "export") -> None:
        super().__init__(self.tr("Export…"), parent or page)
        self.setObjectName(f"{page.key}.{name}")  # a tab with two lists names the second one's
        self.setToolTip(self.tr("Write this list to an Excel workbook (or .csv / .json)"))
        self.ctx, self.view_name, self.page = ctx, view_name, page
        self._suggested = suggested or (lambda: f"{view_name}-{ctx.today().isoformat()}.xlsx")
        self._date_range = date_range
        self.clicked.connect(lambda _checked=False: self.export())
        self.last_written: str | None = None

    def export(self, path: str | None = None) -> None:
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export"), self._suggested(), FILTERS)
            if not path:
                return
        db, name = self.ctx.db, self.view_name
        span = self._date_range() if self._date_range else None
        today = self.ctx.today()

        def work(task_ctx):
            from core.views import ViewParams, export_view

            params = ViewParams(today, *(span or (None, None)))
            return export_view(db, name, path, params, progress=task_ctx.progress, cancelled=task_ctx.cancelled)

        def done(result) -> None:
            written, count = result
            self.last_written = str(written)
            self.page.banner.show_message(
                self.tr("%n row(s) exported to %1", "", count).replace("%1", str(written)), "info")

        def failed(exc: BaseException, tb: str) -> None:
            from core.errors import UserFacingError

            if isinstance(exc, UserFacingError):
                self.page.banner.show_message(exc.message, "error")
            else:
                from ui.errors import report_exception

                report_exception(exc, tb, self)

        run_task(self, work, on_done=done, on_error=failed, progress_label=self.tr("Exporting…"), cancellable=True)
