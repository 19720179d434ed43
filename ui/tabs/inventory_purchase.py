"""Part of the Inventory tab (not a tab of its own): "Order today", the purchase list.

Every SKU flagged "reorder now" (at its reorder point, or running out within its lead time) and
every SKU the owner added from the alert list, with the quantity to order (typed into the list: ``SetOrderQty``, undoable), its
cost and the order-by date, grouped by supplier (sortable by any column), and below them the
totals per supplier. Excel writes one sheet per supplier, Print shows Qt's print preview, "Mark
as ordered" puts the quantities in transit (``MarkOrdered``). The rows are
``core.inventory_lists.purchase_list`` / ``supplier_totals``, the rows ``export purchase-list`` writes.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from core.money import format_fen
from ui.labels import stock_status_name
from ui.widgets.counts import grouped
from ui.widgets.editors import CellEditor
from ui.widgets.record_table import RecordTable
from ui.widgets.table_model import CellEdit, Column


class PurchaseListView(QWidget):
    def __init__(self, tab: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tab = tab  # the Inventory tab: ctx, banner and the one editing path
        self.setObjectName("inventory.purchase_page")
        self.today = dt.date.today()
        self.shop = ""  # the shop's name, the letterhead's first line (set by the tab's load)
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
                Column(self.tr("Suggested"), "int", field="suggested_qty",
                       tooltip=self.tr("The suggested order: at least the supplier's minimum, in its order multiple")),
                Column(self.tr("Quantity"), "int", field="qty", editor=CellEditor("int", placeholder="60"),
                       colour=lambda _v, r: "#1565c0" if r.edited else None,
                       tooltip=self.tr("What you will order: type a number (blue: typed by you; 0 leaves the SKU out)")),
                Column(self.tr("Unit cost"), "money", field="unit_cost_fen"),
                Column(self.tr("Cost"), "money", field="cost_fen"),
                Column(self.tr("Expected arrival"), "date", field="arrival_date",
                       tooltip=self.tr("Ordered today: today + the SKU's lead time")),
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
        self.ordered_button = QPushButton(self.tr("Mark as ordered"), self)
        self.ordered_button.setObjectName("inventory.mark_ordered")
        self.ordered_button.setToolTip(self.tr("The selected lines (or all of them when none is selected) go in "
                                               "transit, expected after each SKU's lead time"))
        self.ordered_button.clicked.connect(self.mark_ordered)
        self.excel_button = QPushButton(self.tr("Excel for suppliers…"), self)
        self.excel_button.setObjectName("inventory.purchase_excel")
        self.excel_button.setToolTip(self.tr("One sheet per supplier with its lines and total, ready to send"))
        self.excel_button.clicked.connect(self._choose_workbook)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setObjectName("inventory.purchase_print")
        self.print_button.setToolTip(self.tr("Print preview: print it, or save it as a PDF"))
        self.print_button.clicked.connect(self.print_preview)
        for button in (self.ordered_button, self.excel_button, self.print_button):
            self.lines.toolbar.addWidget(button)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.lines)
        split.addWidget(self.totals)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.intro, 1)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.lines.sig_edits.connect(self.save_quantities)
        self.lines.sig_problem.connect(lambda text: self.tab.banner.show_message(text, "error"))

    def all_lines(self) -> list[Any]:
        return [self.lines.model.row(i) for i in range(self.lines.model.rowCount())]

    def show_lines(self, lines: Sequence[Any], totals: Sequence[Any], today: dt.date, *, skus: int = 1) -> None:
        self.today = today
        self.lines.set_rows(lines)
        self.totals.set_rows(totals)
        for button in (self.ordered_button, self.excel_button, self.print_button):
            button.setEnabled(bool(lines))
        if not skus:
            self.intro.setText(self.tr("No products yet: the purchase list fills in once stock and orders are imported."))
            return
        if not lines:
            self.intro.setText(self.tr("Nothing has to be ordered today: every SKU's order-by date is still ahead. "
                                       "Select SKUs in the alert list and press Add to purchase list to order early."))
            return
        units = sum(t.units for t in totals)
        self.intro.setText(
            self.tr("%1 from %2 to order: %3, %4 at cost. Type a quantity to change it; "
                    "Mark as ordered puts them in transit.")
            .replace("%1", grouped(self.tr("%n SKU(s)", "", len(lines)), len(lines)))
            .replace("%2", grouped(self.tr("%n supplier(s)", "", len(totals)), len(totals)))
            .replace("%3", grouped(self.tr("%n unit(s)", "", units), units)).replace("%4", format_fen(sum(t.cost_fen for t in totals))))

    # -- editing
    def save_quantities(self, cells: list[CellEdit]) -> None:
        from core.edits.stock import SetOrderQty

        self.tab.run_cell_edits(self.lines, cells, SetOrderQty(tuple((c.key, c.value) for c in cells)))

    def mark_ordered(self) -> None:
        from core.edits.deliveries import MarkOrdered

        chosen = self.lines.selected_records() or self.all_lines()
        lines = tuple((p.sku_code, p.qty) for p in chosen)
        self.tab.banner.clear_message()
        self.tab.ctx.edits.run(MarkOrdered(lines, self.tab.ctx.today()), parent=self.tab,
                               on_error=lambda exc: self.tab.banner.show_message(exc.message, "error"))

    # -- sending
    def _title(self) -> str:
        return self.tr("Purchase list %1").replace("%1", self.today.isoformat())

    def export_workbook(self, path: str) -> None:
        from core.purchase_orders import write_purchase_workbook

        write_purchase_workbook(path, self.all_lines(), self.today, self.shop, self._letterhead())

    def _letterhead(self) -> list[str]:
        """The contact and address lines typed in Settings (General → Purchase order letterhead)."""
        from core.purchase_orders import letterhead_lines

        return letterhead_lines(self.tab.ctx.settings.letterhead)

    def _choose_workbook(self) -> None:
        from core.errors import UserFacingError

        path, _ = QFileDialog.getSaveFileName(self, self.tr("Excel for suppliers"), f"{self._title()}.xlsx",
                                              self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        try:
            self.export_workbook(path if path.lower().endswith(".xlsx") else path + ".xlsx")
        except UserFacingError as exc:
            self.tab.banner.show_message(exc.message, "error")
            return
        self.tab.banner.show_message(self.tr("Saved %1: one sheet per supplier.").replace("%1", path), "info")

    def html(self) -> str:
        from core.purchase_orders import purchase_html

        return purchase_html(self.all_lines(), self.today, self.shop, self._letterhead())

    def print_preview(self):
        from ui.tabs.inventory_print import preview

        dlg = preview(self, self.html(), self._title())
        dlg.open()
        return dlg
