"""Part of the Inventory tab (not a tab of its own): "Order today", the purchase list.

The SKUs whose order-by date is today or past, with the suggested quantity, its cost and the
order-by date, grouped by supplier (sortable by any column), and below them the totals per
supplier. The rows are ``core.inventory_lists.purchase_list`` / ``supplier_totals``, the same
rows ``export purchase-list FILE`` writes.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget
from PySide6.QtCore import Qt

from core.money import format_fen
from ui.labels import stock_status_name
from ui.widgets.record_table import RecordTable
from ui.widgets.table_model import Column


class PurchaseListView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inventory.purchase_page")
        self.today = dt.date.today()
        self.intro = QLabel(self)
        self.intro.setObjectName("inventory.purchase_summary")
        self.intro.setWordWrap(True)
        no_supplier = self.tr("(no supplier)")
        overdue = lambda v, _r: "#c62828" if v is not None and v < self.today else None  # noqa: E731
        self.lines = RecordTable(
            [
                Column(self.tr("Supplier"), field="supplier", fmt=lambda v: v or no_supplier),
                Column(self.tr("SKU code"), field="sku_code"),
                Column(self.tr("Product"), field="title"),
                Column(self.tr("Spec"), field="spec"),
                Column(self.tr("Order by"), "date", field="order_by", colour=overdue,
                       tooltip=self.tr("Red: the day has passed; the stock runs out before a new delivery can arrive")),
                Column(self.tr("Runs out"), "date", field="stockout_date"),
                Column(self.tr("Status"), field="status", fmt=stock_status_name),
                Column(self.tr("On hand"), "int", field="on_hand"),
                Column(self.tr("In transit"), "int", field="in_transit"),
                Column(self.tr("Quantity"), "int", field="qty",
                       tooltip=self.tr("The suggested order: at least the supplier's minimum, in its order multiple")),
                Column(self.tr("Unit cost"), "money", field="unit_cost_fen"),
                Column(self.tr("Cost"), "money", field="cost_fen"),
            ],
            self, key=lambda p: p.sku_code, name="inventory.purchase_list",
        )
        self.totals = RecordTable(
            [
                Column(self.tr("Supplier"), field="supplier", fmt=lambda v: v or no_supplier),
                Column(self.tr("SKUs"), "int", field="skus"),
                Column(self.tr("Units"), "int", field="units"),
                Column(self.tr("Cost"), "money", field="cost_fen"),
                Column(self.tr("Earliest order-by"), "date", field="earliest_order_by", colour=overdue),
            ],
            self, search=False, key=lambda t: t.supplier, name="inventory.supplier_totals",
        )
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.lines)
        split.addWidget(self.totals)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addWidget(split, 1)

    def show_lines(self, lines: Sequence[Any], totals: Sequence[Any], today: dt.date, *, skus: int = 1) -> None:
        self.today = today
        self.lines.set_rows(lines)
        self.totals.set_rows(totals)
        if not skus:
            self.intro.setText(self.tr("No products yet: the purchase list fills in once stock and orders are imported."))
            return
        if not lines:
            self.intro.setText(self.tr("Nothing has to be ordered today: every SKU's order-by date is still ahead."))
            return
        self.intro.setText(
            self.tr("%1 SKUs from %2 suppliers must be ordered by today: %3 units, %4 at cost.")
            .replace("%1", f"{len(lines):,}").replace("%2", f"{len(totals):,}")
            .replace("%3", f"{sum(t.units for t in totals):,}").replace("%4", format_fen(sum(t.cost_fen for t in totals))))
