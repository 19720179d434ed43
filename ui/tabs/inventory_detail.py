"""Part of the Inventory tab: the SKU detail panel (``inventory.detail``) beside the table.

It follows the table's current row: 90 days of daily sales with the forecast going on, with
and without the promotions' uplift, the projected stock down to the stock-out date and the
next delivery (``core.charts.inventory_chart``), the SKU's numbers, and one sentence saying why
its alert fired (``core.inventory_detail``). The sales are read off the GUI thread on selection.
"""
from __future__ import annotations

import datetime as dt
import html
import math
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from core.money import format_fen
from ui.labels import stock_status_name
from ui.tasks import run_task
from ui.widgets.chart_canvas import ChartCanvas

CLEARABLE = ("dead", "slow", "overstock")


class SkuDetailPanel(QWidget):
    sig_clearance = Signal(object)  # the InventoryRow to clear (Create clearance promotion…)

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inventory.detail")
        self.ctx = ctx
        self.params: Any = None  # (today, InventoryParams, {sku: [Uplift]}) of the rows shown
        self.row: Any = None
        self.detail: Any = None
        self.loads = 0  # finished loads, for tests
        self.chart = ChartCanvas(self, min_height=240, name="inventory-sku")
        self.chart.setObjectName("inventory.detail.chart")
        self.reason = QLabel(self)
        self.reason.setObjectName("inventory.detail.reason")
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("font-weight:bold;")
        self.numbers = QLabel(self)
        self.numbers.setObjectName("inventory.detail.numbers")
        self.numbers.setTextFormat(Qt.TextFormat.RichText)
        self.numbers.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.clearance = QPushButton(self.tr("Create clearance promotion…"), self)
        self.clearance.setObjectName("inventory.create_clearance")
        self.clearance.setToolTip(self.tr("A 清仓 promotion for the selected slow, dead or overstocked SKUs, in the "
                                          "promotions calendar"))
        self.clearance.clicked.connect(lambda: self.sig_clearance.emit(self.row))
        self.clearance.hide()
        side = QVBoxLayout()
        side.addWidget(self.reason)
        side.addWidget(self.numbers, 1)
        side.addWidget(self.clearance)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.chart, 3)
        layout.addLayout(side, 2)
        self.show_row(None)

    def set_context(self, today: dt.date, params: Any, uplifts: dict) -> None:
        self.params = (today, params, uplifts)

    def show_row(self, row: Any) -> None:
        """Show ``row`` (an InventoryRow) or, with None, say what the panel is for."""
        self.row = row
        if row is None or self.params is None:
            self.reason.setText("")
            self.numbers.setText("")
            self.clearance.hide()
            self.chart.show_message(self.tr("Select a SKU to see its sales, forecast and projected stock."))
            return
        self.clearance.setVisible(row.status in CLEARABLE or any(f in CLEARABLE for f in row.flags))
        self.numbers.setText(self._numbers(row))
        today, params, uplifts = self.params
        db = self.ctx.db

        def work(_task):
            from core.inventory_detail import sku_detail

            with db.session() as session:
                return sku_detail(session, row, today, params, uplifts.get(row.sku_code, ()))

        run_task(self, work, on_done=lambda d, code=row.sku_code: self._loaded(code, d),
                 on_error=lambda exc, _tb: self.chart.show_message(str(exc)))

    def _loaded(self, code: str, detail: Any) -> None:
        if self.row is None or self.row.sku_code != code:
            return  # the selection moved on
        from core.charts.inventory_chart import draw_sku_detail

        self.detail = detail
        self.reason.setText(detail.reason)
        self.numbers.setText(self._numbers(detail.row, detail.deliveries))  # each delivery's date, once read
        self.chart.draw(draw_sku_detail, detail)
        self.loads += 1

    def _order_by(self, day: dt.date | None) -> str:
        """A past order-by date is overdue, not a deadline still to meet."""
        if day is None:
            return "—"
        if self.params is not None and day < self.params[0]:
            return self.tr("overdue since %1: order today").replace("%1", day.isoformat())
        return day.isoformat()

    def _numbers(self, r: Any, deliveries: Any = ()) -> str:
        e = html.escape
        arrival = ""
        if r.in_transit and len(deliveries) > 1:  # each delivery with its date: "150 (100 on 11-27, 50 on 12-01)"
            arrival = " (" + self.tr(", ").join(self.tr("%1 on %2").replace("%1", f"{q:,}").replace("%2", f"{d:%m-%d}")
                                                for d, q in deliveries) + ")"
        elif r.in_transit:
            arrival = " " + self.tr("(expected %1)").replace("%1", r.arrival_date.isoformat() if r.arrival_date else "—")
        date = lambda d: d.isoformat() if d else "—"  # noqa: E731
        cover = "∞" if r.days_of_cover is None else f"{math.floor(r.days_of_cover * 10) / 10:,.1f}"
        items = [
            (self.tr("Status"), stock_status_name(r.status)),
            (self.tr("On hand"), f"{r.on_hand:,}"), (self.tr("In transit"), f"{r.in_transit:,}{arrival}"),
            (self.tr("Sold per day"), f"{r.avg_daily_sales:.2f} (σ {r.sigma:.2f})"),
            (self.tr("Days of cover"), cover), (self.tr("Safety stock"), f"{r.safety_stock:,}"),
            (self.tr("Reorder point"), f"{r.reorder_point:,}"), (self.tr("Suggested order"), f"{r.suggested_qty:,}"),
            (self.tr("Runs out"), date(r.stockout_date)), (self.tr("Order by"), self._order_by(r.order_by)),
            (self.tr("Lead time (days)"), f"{r.lead_time_days:,}"), (self.tr("ABC·XYZ"), f"{r.abc}{r.xyz}"),
            (self.tr("Stock value"), format_fen(r.stock_value_fen)), (self.tr("Last sale"), date(r.last_sale)),
        ]
        cell = "<td style='color:#555;padding-right:6px'>{}</td><td style='padding-right:14px'>{}</td>"
        half = (len(items) + 1) // 2  # two columns of numbers, read down
        rows = "".join("<tr>" + "".join(cell.format(e(k), e(v)) for k, v in (items[i], *items[i + half:i + half + 1]))
                       + "</tr>" for i in range(half))
        return f"<table>{rows}</table>"
