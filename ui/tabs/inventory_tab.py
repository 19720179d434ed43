"""库存预警 Inventory: what runs out before the next delivery, what is dead stock, what to order."""
from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QPushButton, QSplitter, QStackedWidget, QVBoxLayout, QWidget,
)

from core.money import format_fen
from ui.labels import stock_status_name
from ui.tabs.base import TabPage
from ui.tabs.inventory_badge import urgent_count
from ui.tabs.inventory_deliveries import LATE_COLOUR, DeliveriesView
from ui.tabs.inventory_detail import CLEARABLE, SkuDetailPanel
from ui.tabs.inventory_purchase import PurchaseListView
from ui.widgets.counts import grouped
from ui.widgets.editors import CellEditor
from ui.widgets.export_button import ExportButton
from ui.widgets.filter_combo import FilterCombo
from ui.widgets.record_form import FormField, RecordForm
from ui.widgets.record_table import RecordTable
from ui.widgets.table_model import CellEdit, Column
from ui.widgets.view_buttons import ViewButtons

if TYPE_CHECKING:  # core.inventory loads SQLAlchemy: only in load(), after the window is shown
    from sqlalchemy.orm import Session

    from core.inventory import InventoryRow

# core.inventory's status codes, spelled out for the same reason
# (tests/ui/test_startup_imports.py checks they match).
OUT, BELOW_SAFETY, REORDER, LOW, OVERSTOCK, DEAD, SLOW, OK = (
    "out", "below_safety", "reorder", "low", "overstock", "dead", "slow", "ok")
STATUS_ORDER = (OUT, BELOW_SAFETY, REORDER, LOW, OVERSTOCK, DEAD, SLOW, OK)
_STATUS_COLOURS = {OUT: "#b71c1c", BELOW_SAFETY: "#b71c1c", REORDER: "#c62828", LOW: "#e65100",
                   OVERSTOCK: "#1565c0", DEAD: "#4a148c", SLOW: "#6a1b9a"}


def _cover_text(days: float | None) -> str:
    # Rounded down: 1.8 days of stock is not 2 days. One decimal where a day matters.
    if days is None:
        return "∞"
    return f"{math.floor(days * 10) / 10:.1f}" if days < 10 else f"{math.floor(days):,}"


def _turnover_text(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _days_text(value: float | None) -> str:
    return "—" if value is None else f"{math.floor(value):,}"


class InventoryTab(TabPage):
    key = "inventory"
    topics = frozenset({"skus", "stock", "orders", "promotions", "imports", "settings"})

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("inventory.summary")
        self.status_filter = FilterCombo(self.tr("All SKUs"), self)
        self.status_filter.setObjectName("inventory.status_filter")
        self.status_filter.setToolTip(self.tr("A SKU shows under every flag it has; its status is the most urgent one"))
        self.status_filter.set_choices([(stock_status_name(s), s) for s in STATUS_ORDER])
        self.category_filter = FilterCombo(self.tr("All categories"), self)
        self.category_filter.setObjectName("inventory.category_filter")
        self.supplier_filter = FilterCombo(self.tr("All suppliers"), self)
        self.supplier_filter.setObjectName("inventory.supplier_filter")
        self.abc_filter = FilterCombo(self.tr("A, B and C"), self)
        self.abc_filter.setObjectName("inventory.abc_filter")
        self.abc_filter.set_choices([(c, c) for c in "ABC"])
        count = CellEditor("int", placeholder="120")
        self.table = RecordTable(
            [
                Column(self.tr("Status"), field="status", fmt=stock_status_name,
                       colour=lambda v, _r: _STATUS_COLOURS.get(v),
                       tooltip=self.tr("The most urgent of the SKU's flags")),
                Column(self.tr("SKU code"), field="sku_code"),
                Column(self.tr("Product"), field="title"),
                Column(self.tr("Spec"), field="spec"),
                Column(self.tr("Category"), field="category"),
                Column(self.tr("On hand"), "int", field="on_hand", editor=count,
                       tooltip=self.tr("Units in the warehouse now; type a stock count here")),
                Column(self.tr("In transit"), "int", field="in_transit", editor=count,
                       colour=lambda _v, r: LATE_COLOUR if r.sku_code in self._late else None,
                       cell_tooltip=lambda _v, r: self._late.get(r.sku_code),
                       tooltip=self.tr("Units ordered from the supplier and not yet received (red: a delivery is "
                                       "late; Open deliveries lists each)")),
                Column(self.tr("Sold per day"), "float", field="avg_daily_sales", fmt=lambda v: f"{v:.2f}",
                       tooltip=self.tr("Average units sold per day over the sales window (Settings)")),
                Column(self.tr("Days of cover"), "float", field="days_of_cover", fmt=_cover_text,
                       tooltip=self.tr("(On hand + in transit) ÷ sold per day")),
                Column(self.tr("Runs out"), "date", field="stockout_date",
                       tooltip=self.tr("The first day the stock (on hand + in transit) cannot meet the forecast demand")),
                Column(self.tr("Order by"), "date", field="order_by",
                       colour=lambda v, r: "#c62828" if v is not None and v <= self._today else None,
                       tooltip=self.tr("Runs out − lead time: the last day to order so the goods arrive in time")),
                Column(self.tr("Lead time (days)"), "int", field="lead_time_days", editor=CellEditor("int", placeholder="7"),
                       tooltip=self.tr("Days from ordering to the goods being on the shelf")),
                Column(self.tr("Safety stock"), "int", field="safety_stock",
                       tooltip=self.tr("z × σ of daily sales × √lead time, or the number typed in Edit SKU…")),
                Column(self.tr("Reorder point"), "int", field="reorder_point"),
                Column(self.tr("Suggested order"), "int", field="suggested_qty",
                       tooltip=self.tr("At least the supplier's minimum, rounded up to the order multiple")),
                Column(self.tr("Order multiple"), "int", field="order_multiple", editor=CellEditor("int", placeholder="12"),
                       tooltip=self.tr("The supplier sells in packs of this many units")),
                Column(self.tr("Minimum order"), "int", field="min_order_qty", editor=CellEditor("int", placeholder="0"),
                       tooltip=self.tr("The supplier's minimum order quantity; 0 = none")),
                Column(self.tr("ABC·XYZ"), get=lambda r: f"{r.abc}{r.xyz}",
                       tooltip=self.tr("ABC: share of sales value (A = top 80 %). XYZ: how steady weekly sales are "
                                       "(X steady, Y variable, Z erratic or none)")),
                Column(self.tr("Last sale"), "date", field="last_sale"),
                Column(self.tr("Supplier"), field="supplier", editor=CellEditor("text", optional=True)),
                Column(self.tr("Unit cost"), "money", field="cost_fen", editor=CellEditor("money", placeholder="12.50")),
                Column(self.tr("Stock value"), "money", field="stock_value_fen"),
                Column(self.tr("Turnover"), "float", field="turnover", fmt=_turnover_text,
                       tooltip=self.tr("Cost of goods sold in the sales window ÷ stock value at cost")),
                Column(self.tr("Days of inventory"), "float", field="days_of_inventory", fmt=_days_text,
                       tooltip=self.tr("Sales window days ÷ turnover")),
                Column(self.tr("Promotion uplift"), field="uplift_source", cell_tooltip=lambda v, _r: v,
                       tooltip=self.tr("Promotions in the calendar that raise this SKU's forecast: the expected uplift "
                                       "typed in the promotion, else what the same festival sold last year")),
            ],
            self, key=lambda r: r.sku_code, name="inventory.table",
        )
        self._today = ctx.today()
        self._late: dict[str, str] = {}  # SKU → "Delivery of 200 due 2026-12-01 is late (3 days)."
        self.edit_button = QPushButton(self.tr("Edit SKU…"), self)
        self.edit_button.setObjectName("inventory.edit_sku")
        self.edit_button.setToolTip(self.tr("All of the selected SKU's stock and purchasing facts in one form"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.count_button = QPushButton(self.tr("Stock count…"), self)
        self.count_button.setObjectName("inventory.stock_count")
        self.count_button.setToolTip(self.tr("Type or paste the counted quantities of many SKUs; see the differences before saving"))
        self.count_button.clicked.connect(self.stock_count)
        self.hint = QLabel(self.tr("Tinted cells can be typed into, or pasted from Excel (Ctrl+V). Ctrl+Z undoes."), self)
        self.hint.setStyleSheet("color:#666;")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show:"), self))
        for combo in (self.status_filter, self.category_filter, self.supplier_filter, self.abc_filter):
            bar.addWidget(combo)
        bar.addStretch(1)
        bar.addWidget(self.count_button)
        bar.addWidget(self.edit_button)
        self.show_all = QPushButton(self.tr("All SKUs"), self)
        self.show_all.setObjectName("inventory.view_alerts")
        self.show_order = QPushButton(self.tr("Order today"), self)
        self.show_order.setObjectName("inventory.view_purchase_list")
        self.show_order.setToolTip(self.tr("The SKUs to reorder now (at or below the reorder point, or running out within the lead time) and those you added, by supplier"))
        self.show_deliveries = QPushButton(self.tr("Open deliveries"), self)
        self.show_deliveries.setObjectName("inventory.view_deliveries")
        self.show_deliveries.setToolTip(self.tr("What is on its way, one line per Mark as ordered, late ones first: "
                                                "receive all or part of each"))
        views = ViewButtons(self)  # each a Tab stop; arrows move along them
        for i, button in enumerate((self.show_all, self.show_order, self.show_deliveries)):
            views.addButton(button, i)
        self.show_all.setChecked(True)
        self.add_button = QPushButton(self.tr("Add to purchase list"), self)
        self.add_button.setObjectName("inventory.add_to_purchase")
        self.add_button.setToolTip(self.tr("Put the selected SKUs on the purchase list with their suggested quantity, "
                                           "also when they are not due yet"))
        self.add_button.clicked.connect(self.add_to_purchase_list)
        self.received_button = QPushButton(self.tr("Received"), self)
        self.received_button.setObjectName("inventory.received")
        self.received_button.setToolTip(self.tr("The selected SKUs' delivery arrived: what is in transit moves to on hand"))
        self.received_button.clicked.connect(self.receive_selected)
        bar.addWidget(self.add_button)
        bar.addWidget(self.received_button)
        self.purchase = PurchaseListView(self, self)
        self.purchase_list = self.purchase.lines
        alerts = QWidget(self)
        alerts_box = QVBoxLayout(alerts)
        alerts_box.setContentsMargins(0, 0, 0, 0)
        alerts_box.addLayout(bar)
        self.detail = SkuDetailPanel(ctx, self)
        self.detail.sig_clearance.connect(lambda _row: self.create_clearance())
        split = QSplitter(Qt.Orientation.Vertical, alerts)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        alerts_box.addWidget(split, 1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(alerts)
        self.stack.addWidget(self.purchase)
        self.deliveries = DeliveriesView(self, self)
        self.stack.addWidget(self.deliveries)
        views.idClicked.connect(self.stack.setCurrentIndex)
        switch = QHBoxLayout()
        switch.addWidget(self.show_all)
        switch.addWidget(self.show_order)
        switch.addWidget(self.show_deliveries)
        switch.addStretch(1)
        switch.addWidget(self.hint)  # on the row with room, so the English window fits a 1366-pixel screen
        self.body.addWidget(self.summary)
        self.body.addLayout(switch)
        self.body.addWidget(self.stack, 1)
        # The same rows as `export inventory-alerts FILE` and `export purchase-list FILE`.
        self.export_button = ExportButton(ctx, "inventory-alerts", self)
        self.table.toolbar.addWidget(self.export_button)
        self.purchase_export_button = ExportButton(ctx, "purchase-list", self, name="export_purchase_list")
        self.purchase_list.toolbar.addWidget(self.purchase_export_button)
        # Tab goes as the eye does: the view buttons, the filters and actions, then the table's own.
        chain = (self.show_all, self.show_order, self.show_deliveries, self.status_filter, self.category_filter, self.supplier_filter,
                 self.abc_filter, self.count_button, self.edit_button, self.add_button, self.received_button,
                 self.table.search)
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        self.status_filter.currentIndexChanged.connect(self._filter_flags)
        self.category_filter.currentIndexChanged.connect(
            lambda: self.table.proxy.set_exact("category", self.category_filter.value()))
        self.supplier_filter.currentIndexChanged.connect(
            lambda: self.table.proxy.set_exact("supplier", self.supplier_filter.value()))
        self.abc_filter.currentIndexChanged.connect(
            lambda: self.table.proxy.set_exact("abc", self.abc_filter.value()))
        self.table.sig_edits.connect(self.save_cells)
        self.table.sig_problem.connect(lambda text: self.banner.show_message(text, "error"))
        self.table.sig_activated.connect(self.edit_sku)
        self.table.view.selectionModel().currentRowChanged.connect(lambda *_a: self._follow_selection())

    def title(self) -> str:
        return self.tr("Inventory")

    def view_params(self) -> tuple[dt.date, tuple[tuple[str, object], ...]]:
        # Plain values (core.inventory loads SQLAlchemy): today and every inventory choice in Settings.
        s = self.ctx.settings
        return self.ctx.today(), tuple((k, v) for k, v in vars(s).items() if k.startswith("inventory_"))

    def load(self, session: Session, params: tuple[dt.date, tuple[tuple[str, object], ...]]):
        from core.inventory import inventory_params, inventory_rows
        from core.inventory_lists import by_urgency, purchase_list, supplier_totals
        from core.inventory_uplift import promotion_uplifts
        from core.settings import Settings

        today, choices = params
        inv = inventory_params(Settings(**dict(choices)))
        # alert_rows, keeping the promotions' uplift windows for the detail panel's forecast
        uplifts = promotion_uplifts(session, today, inv)
        rows = by_urgency(inventory_rows(session, today, inv, uplifts))
        lines = purchase_list(rows, today)
        return rows, lines, supplier_totals(lines), inv, uplifts, self._deliveries(session, today, rows)

    @staticmethod
    def _deliveries(session: Session, today: dt.date, rows: list) -> tuple[list, dict[str, int], dict[str, str], str]:
        """The open deliveries (late first), the SKUs' unit costs, per SKU with a late one the sentence,
        and the shop's name for the purchase list's letterhead (as the monthly plan's title says it)."""
        from core.deliveries import delivery_rows, late_sentence, open_deliveries
        from core.report import shop_name

        found = delivery_rows(session, today)
        late_codes = {d.sku_code for d in found if d.status == "late"}
        late = {code: late_sentence(ds, today) for code, ds in open_deliveries(session, late_codes).items()} \
            if late_codes else {}
        return found, {r.sku_code: r.cost_fen for r in rows}, late, shop_name(session)

    def _filter_flags(self) -> None:
        flag = self.status_filter.value()
        # "OK" is the absence of flags; every other choice keeps the SKUs that have that flag.
        self.table.proxy.set_exact("status", OK if flag == OK else None)
        self.table.proxy.set_contains("flags", None if flag in (None, OK) else flag)

    def show_data(self, data: tuple[list[InventoryRow], list, list, object, dict, tuple]) -> None:
        rows, lines, totals, inv, uplifts, (deliveries, costs, late, shop) = data
        self.purchase.shop = shop
        self._today = self._params[0] if self._params else self.ctx.today()
        self.detail.set_context(self._today, inv, uplifts)
        if not rows:
            self.banner.show_message(self.tr("No products yet. Import a stock list (File → Import…) to see what runs out and what to reorder."))
        self.purchase.show_lines(lines, totals, self._today, skus=len(rows))
        self.show_order.setText(self.tr("Order today (%1)").replace("%1", str(len(lines))))
        self._late = late
        self.deliveries.show_rows(deliveries, self._today, costs)
        n_late = sum(1 for d in deliveries if d.status == "late")
        self.show_deliveries.setText(self.tr("Open deliveries (%1)").replace("%1", str(len(deliveries))) if not n_late
                                     else self.tr("Open deliveries (%1, %2 late)").replace("%1", str(len(deliveries)))
                                     .replace("%2", str(n_late)))
        counts = Counter(f for r in rows for f in r.flags)
        # The badge counts the SKUs that need buying: out, below safety, at the reorder point or
        # due to be ordered within the review period (not the overstock / slow / dead ones).
        urgent = urgent_count(rows)  # also counted before the page is built (inventory_badge)
        self.sig_title_changed.emit(f"{self.title()} ({urgent})" if urgent else self.title())
        counts[OK] = sum(1 for r in rows if not r.flags)
        self.status_filter.set_choices([(f"{stock_status_name(s)} ({counts[s]})", s) for s in STATUS_ORDER])
        self.category_filter.set_choices(sorted({(r.category, r.category) for r in rows if r.category}))
        self.supplier_filter.set_choices(sorted({(r.supplier, r.supplier) for r in rows if r.supplier}))
        self.table.set_rows(rows)
        self._follow_selection()
        self.edit_button.setEnabled(bool(rows))
        self.count_button.setEnabled(bool(rows))
        value = sum(r.stock_value_fen for r in rows)
        self.summary.setVisible(bool(rows))
        self.summary.setText(
            self.tr("%1: %2 out of stock, %3 below safety stock, %4 to reorder now, %5 to order within the "
                    "review period, %6 overstocked, %7 dead stock, %8 slow-moving. Stock value at cost: %9.")
            .replace("%1", grouped(self.tr("%n SKU(s)", "", len(rows)), len(rows))).replace("%2", str(counts[OUT])).replace("%3", str(counts[BELOW_SAFETY]))
            .replace("%4", str(counts[REORDER])).replace("%5", str(counts[LOW])).replace("%6", str(counts[OVERSTOCK]))
            .replace("%7", str(counts[DEAD])).replace("%8", str(counts[SLOW])).replace("%9", format_fen(value))
        )

    # -- editing
    def save_cells(self, cells: list[CellEdit]) -> None:
        """Typed or pasted cells → one SetSkuFields per SKU, saved as one change."""
        from core.edits import Batch
        from core.edits.stock import SetSkuFields

        by_code: dict[str, list[tuple[str, object]]] = {}
        for cell in cells:
            by_code.setdefault(cell.key, []).append((cell.field, cell.value))
        edits = tuple(SetSkuFields(code, tuple(values)) for code, values in by_code.items())
        self.run_cell_edits(self.table, cells, edits[0] if len(edits) == 1 and len(cells) == 1 else Batch(edits, cells=len(cells)))

    def add_to_purchase_list(self) -> None:
        """The selected SKUs on the purchase list, with their suggested quantity (at least one pack)."""
        from core.edits.stock import SetOrderQty

        rows = self._chosen()
        if rows:
            qty = tuple((r.sku_code, r.suggested_qty or max(r.min_order_qty, r.order_multiple, 1)) for r in rows)
            self.banner.clear_message()
            self.ctx.edits.run(SetOrderQty(qty), parent=self,
                               on_error=lambda exc: self.banner.show_message(exc.message, "error"))

    def receive_selected(self) -> None:
        """Received: the selected SKUs' stock in transit moves to on hand (one undoable change)."""
        from core.edits.deliveries import ReceiveStock

        rows = self._chosen()
        if rows:
            self.banner.clear_message()
            self.ctx.edits.run(ReceiveStock(tuple(r.sku_code for r in rows), self.ctx.today()), parent=self,
                               on_error=lambda exc: self.banner.show_message(exc.message, "error"))

    def _follow_selection(self) -> None:
        current = self.table.view.currentIndex()
        self.detail.show_row(self.table.raw_row(current.row()) if current.isValid() else None)

    def create_clearance(self):
        """A 清仓 promotion for the selected slow-moving, dead or overstocked SKUs (a confirm dialog)."""
        from ui.dialogs.clearance_dialog import ClearanceDialog

        rows = [r for r in self._chosen() if any(f in CLEARABLE for f in r.flags)]
        if not rows:
            self.banner.show_message(self.tr("Select slow-moving, dead or overstocked SKUs first."), "info")
            return None
        dialog = ClearanceDialog(self.ctx, rows, self)
        dialog.open()
        return dialog

    def _chosen(self) -> list[InventoryRow]:
        records = self.table.selected_records()
        if not records:
            current = self.table.view.currentIndex()
            if not current.isValid():
                self.banner.show_message(self.tr("Select a SKU in the table first."), "info")
                return []
            records = [self.table.raw_row(current.row())]
        return records

    def stock_count(self):
        """Inventory → Stock count…: counts of many SKUs, saved as one change."""
        from ui.dialogs.stock_count_dialog import StockCountDialog

        dialog = StockCountDialog(self.ctx, [self.table.model.row(i) for i in range(self.table.model.rowCount())], self)
        dialog.open()
        return dialog

    def edit_selected(self) -> None:
        records = self._chosen()
        if records:
            self.edit_sku(records[0])

    def edit_sku(self, row: InventoryRow) -> RecordForm:
        """The SKU's stock and purchasing facts in one form (also a double click on a row)."""
        from core.edits.stock import SetSkuFields

        count = CellEditor("int")
        fields = [
            FormField("on_hand", self.tr("On hand"), count, row.on_hand),
            FormField("in_transit", self.tr("In transit"), count, row.in_transit),
            FormField("cost_fen", self.tr("Unit cost (yuan)"), CellEditor("money"), row.cost_fen),
            FormField("supplier", self.tr("Supplier"), CellEditor("text", optional=True), row.supplier),
            FormField("lead_time_days", self.tr("Lead time (days)"), count, row.lead_time_days,
                      hint=self.tr("Days from ordering to the goods being on the shelf")),
            FormField("order_multiple", self.tr("Order multiple"), count, row.order_multiple,
                      hint=self.tr("The supplier sells in packs of this many units")),
            FormField("min_order_qty", self.tr("Minimum order"), count, row.min_order_qty,
                      hint=self.tr("The supplier's minimum order quantity; 0 = none")),
            FormField("safety_stock_override", self.tr("Safety stock (empty: computed)"),
                      CellEditor("int", optional=True), row.safety_stock_override,
                      hint=self.tr("Leave empty to let ShopDesk compute it from how much sales vary")),
        ]
        form = RecordForm(self.ctx, "inventory.sku_form", self.tr("Edit %1").replace("%1", f"{row.sku_code} {row.title}"),
                          fields, lambda values: SetSkuFields(row.sku_code, tuple(values.items())), self)
        form.open()
        return form
