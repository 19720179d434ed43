"""库存预警 Inventory: what runs out before the next delivery, what is dead stock, what to order."""
from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel

from core.money import format_fen
from ui.labels import stock_status_name
from ui.tabs.base import TabPage
from ui.widgets.filter_combo import FilterCombo
from ui.widgets.record_table import RecordTable
from ui.widgets.table_model import Column

if TYPE_CHECKING:  # core.inventory loads SQLAlchemy: only in load(), after the window is shown
    from sqlalchemy.orm import Session

    from core.inventory import InventoryRow

# core.inventory's OUT, REORDER, LOW, SLOW, OK, spelled out for the same reason
# (tests/ui/test_startup_imports.py checks they match).
OUT, REORDER, LOW, SLOW, OK = "out", "reorder", "low", "slow", "ok"
_STATUS_COLOURS = {OUT: "#b71c1c", REORDER: "#c62828", LOW: "#e65100", SLOW: "#6a1b9a"}
_STATUS_ORDER = (OUT, REORDER, LOW, SLOW, OK)


def _cover_text(days: float | None) -> str:
    # Rounded down: 1.8 days of stock is not 2 days. One decimal where a day matters.
    if days is None:
        return "∞"
    return f"{math.floor(days * 10) / 10:.1f}" if days < 10 else f"{math.floor(days):,}"


class InventoryTab(TabPage):
    key = "inventory"

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.status_filter = FilterCombo(self.tr("All SKUs"), self)
        self.status_filter.set_choices([(stock_status_name(s), s) for s in _STATUS_ORDER])
        self.category_filter = FilterCombo(self.tr("All categories"), self)
        self.table = RecordTable(
            [
                Column(self.tr("Status"), colour=lambda v, row: _STATUS_COLOURS.get(row[-1])),
                Column(self.tr("SKU code")),
                Column(self.tr("Product")),
                Column(self.tr("Spec")),
                Column(self.tr("Category")),
                Column(self.tr("On hand"), "int"),
                Column(self.tr("In transit"), "int"),
                Column(self.tr("Sold per day"), "float", fmt=lambda v: f"{v:.2f}",
                       tooltip=self.tr("Average units sold per day over the last 28 days")),
                Column(self.tr("Days of cover"), "float", fmt=_cover_text,
                       tooltip=self.tr("(On hand + in transit) ÷ sold per day")),
                Column(self.tr("Lead time (days)"), "int"),
                Column(self.tr("Reorder point"), "int"),
                Column(self.tr("Suggested order"), "int"),
                Column(self.tr("ABC")),
                Column(self.tr("Last sale"), "date"),
                Column(self.tr("Supplier")),
                Column(self.tr("Stock value"), "money"),
            ],
            self,
        )
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show:"), self))
        bar.addWidget(self.status_filter)
        bar.addWidget(self.category_filter)
        bar.addStretch(1)
        self.body.addWidget(self.summary)
        self.body.addLayout(bar)
        self.body.addWidget(self.table, 1)
        # The raw status code sits in a hidden trailing field of each row (see show_data).
        self.status_filter.currentIndexChanged.connect(
            lambda: self.table.proxy.set_exact(0, stock_status_name(self.status_filter.value()) if self.status_filter.value() else None)
        )
        self.category_filter.currentIndexChanged.connect(
            lambda: self.table.proxy.set_exact(4, self.category_filter.value())
        )

    def title(self) -> str:
        return self.tr("Inventory")

    def load(self, session: Session, today: dt.date) -> list[InventoryRow]:
        from core.inventory import inventory_rows

        return inventory_rows(session, today)

    def show_data(self, rows: list[InventoryRow]) -> None:
        if not rows:
            self.banner.show_message(self.tr("No products yet. Import a stock list (File → Import…) to see what runs out and what to reorder."))
        rank = {s: i for i, s in enumerate(_STATUS_ORDER)}
        rows = sorted(rows, key=lambda r: (rank[r.status], r.days_of_cover if r.days_of_cover is not None else 1e9))
        self.category_filter.set_choices(sorted({(r.category, r.category) for r in rows if r.category}))
        self.table.set_rows(
            [
                (
                    stock_status_name(r.status), r.sku_code, r.title, r.spec, r.category, r.on_hand, r.in_transit,
                    r.avg_daily_sales, r.days_of_cover, r.lead_time_days, r.reorder_point, r.suggested_qty, r.abc,
                    r.last_sale, r.supplier, r.stock_value_fen, r.status,
                )
                for r in rows
            ]
        )
        counts = Counter(r.status for r in rows)
        value = sum(r.stock_value_fen for r in rows)
        self.summary.setText(
            self.tr("%1 SKUs: %2 out of stock, %3 to reorder now, %4 running low, %5 slow-moving. Stock value at cost: %6.")
            .replace("%1", str(len(rows)))
            .replace("%2", str(counts[OUT]))
            .replace("%3", str(counts[REORDER]))
            .replace("%4", str(counts[LOW]))
            .replace("%5", str(counts[SLOW]))
            .replace("%6", format_fen(value))
        )
