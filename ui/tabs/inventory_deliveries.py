"""Part of the Inventory tab (not a tab of its own): "Open deliveries", what is on its way.

One line per open delivery (``core.deliveries.delivery_rows``, the rows ``export deliveries`` writes):
late ones first in red, then by expected date; a supplier filter. The expected date is typed into
its cell (``SetDeliveryDate``); **Receive…** asks how many arrived (default: all still to come; less
is a partial receipt, the rest stays open or is closed as short-delivered: ``ReceiveDelivery``);
**Close as short-delivered** closes the selected ones (``CloseDelivery``). Each is one Ctrl+Z.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from core.money import format_fen
from ui.widgets.counts import grouped
from ui.widgets.editors import CellEditor
from ui.widgets.export_button import ExportButton
from ui.widgets.filter_combo import FilterCombo
from ui.widgets.record_form import FormField, RecordForm
from ui.widgets.record_table import RecordTable
from ui.widgets.table_model import CellEdit, Column

LATE_COLOUR = "#c62828"


class DeliveriesView(QWidget):
    def __init__(self, tab: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tab = tab  # the Inventory tab: ctx, banner and the one editing path
        self.setObjectName("inventory.deliveries_page")
        self.today = dt.date.today()
        self.rows: list[Any] = []
        self.intro = QLabel(self)
        self.intro.setObjectName("inventory.deliveries_summary")
        self.intro.setWordWrap(True)
        self.supplier_filter = FilterCombo(self.tr("All suppliers"), self)
        self.supplier_filter.setObjectName("inventory.deliveries_supplier")
        no_supplier = self.tr("(no supplier)")
        late = lambda _v, r: LATE_COLOUR if r.status == "late" else None  # noqa: E731
        self.table = RecordTable(
            [
                Column(self.tr("Status"), field="status", fmt=self._status, colour=late,
                       tooltip=self.tr("Late: the expected date has passed and it has not all arrived")),
                Column(self.tr("Days late"), "int", field="days_late", fmt=lambda v: f"{v:,}" if v else "", colour=late),
                Column(self.tr("Supplier"), field="supplier", fmt=lambda v: v or no_supplier),
                Column(self.tr("SKU code"), field="sku_code"),
                Column(self.tr("Product"), field="title"),
                Column(self.tr("Spec"), field="spec"),
                Column(self.tr("Ordered on"), "date", field="ordered_on",
                       tooltip=self.tr("Empty: it was in transit before ShopDesk kept deliveries, or typed into In transit")),
                Column(self.tr("Expected on"), "date", field="expected_on", colour=late,
                       editor=CellEditor("date", placeholder=dt.date.today().isoformat()),
                       tooltip=self.tr("When it should arrive: type the supplier's date (Mark as ordered puts "
                                       "today + the lead time)")),
                Column(self.tr("Ordered"), "int", field="qty"),
                Column(self.tr("Received"), "int", field="received"),
                Column(self.tr("Still to come"), "int", field="open_qty"),
            ],
            self, key=lambda r: (r.sku_code, r.id), name="inventory.deliveries",
        )
        self.receive_button = QPushButton(self.tr("Receive…"), self)
        self.receive_button.setObjectName("inventory.receive_delivery")
        self.receive_button.setToolTip(self.tr("How many of the selected delivery arrived: all of it, or part"))
        self.receive_button.clicked.connect(self.receive_selected)
        self.close_button = QPushButton(self.tr("Close as short-delivered"), self)
        self.close_button.setObjectName("inventory.close_delivery")
        self.close_button.setToolTip(self.tr("The rest of the selected deliveries will not come: it leaves in transit"))
        self.close_button.clicked.connect(self.close_selected)
        self.export_button = ExportButton(tab.ctx, "deliveries", tab, parent=self, name="export_deliveries")
        for button in (self.receive_button, self.close_button, self.export_button):
            self.table.toolbar.addWidget(button)
        top = QHBoxLayout()
        top.addWidget(self.intro, 1)
        top.addWidget(QLabel(self.tr("Supplier:"), self))
        top.addWidget(self.supplier_filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.supplier_filter.currentIndexChanged.connect(
            lambda: self.table.proxy.set_exact("supplier", self.supplier_filter.value()))
        self.table.sig_edits.connect(self.save_dates)
        self.table.sig_problem.connect(lambda text: self.tab.banner.show_message(text, "error"))
        self.table.sig_activated.connect(self.receive)

    def _status(self, status: str) -> str:
        return self.tr("Late") if status == "late" else self.tr("Open")

    def show_rows(self, rows: Sequence[Any], today: dt.date, costs: dict[str, int] | None = None) -> None:
        self.today, self.rows = today, list(rows)
        self.table.set_rows(self.rows)
        self.supplier_filter.set_choices([(s or self.tr("(no supplier)"), s)
                                          for s in sorted({r.supplier for r in rows}, key=lambda s: (s == "", s))])
        for button in (self.receive_button, self.close_button):
            button.setEnabled(bool(rows))
        if not rows:
            self.intro.setText(self.tr("Nothing is on its way. Mark as ordered in Order today adds a delivery "
                                       "expected after the SKU's lead time."))
            return
        late = [r for r in rows if r.status == "late"]
        units = sum(r.open_qty for r in rows)
        cost = sum(r.open_qty * (costs or {}).get(r.sku_code, 0) for r in rows)
        text = (self.tr("%1 on their way: %2, %3 at cost.")
                .replace("%1", grouped(self.tr("%n (delivery|deliveries)", "", len(rows)), len(rows)))
                .replace("%2", grouped(self.tr("%n unit(s)", "", units), units)).replace("%3", format_fen(cost)))
        if late:
            text += " " + self.tr("%1 late (red, listed first).").replace(
                "%1", grouped(self.tr("%n (delivery|deliveries)", "", len(late)), len(late)))
        self.intro.setText(text + " " + self.tr("Double-click one to receive it; type a new expected date into its cell."))

    # -- editing
    def save_dates(self, cells: list[CellEdit]) -> None:
        from core.edits import Batch
        from core.edits.deliveries import SetDeliveryDate

        edits = tuple(SetDeliveryDate(c.key[0], c.key[1], c.value, self.tab.ctx.today()) for c in cells)
        self.tab.run_cell_edits(self.table, cells, edits[0] if len(edits) == 1 else Batch(edits, cells=len(cells)))

    def _chosen(self) -> list[Any]:
        records = self.table.selected_records()
        if not records:
            current = self.table.view.currentIndex()
            if not current.isValid():
                self.tab.banner.show_message(self.tr("Select a delivery in the list first."), "info")
                return []
            records = [self.table.raw_row(current.row())]
        return records

    def receive_selected(self):
        chosen = self._chosen()
        return self.receive(chosen[0]) if chosen else None

    def receive(self, row: Any) -> RecordForm:
        """How many of ``row``'s delivery arrived (default: all still to come)."""
        from core.edits.deliveries import ReceiveDelivery

        keep, close = "keep", "close"
        rest = CellEditor("choice", choices=lambda: [(self.tr("stays open (a later delivery brings it)"), keep),
                                                     (self.tr("will not come: close as short-delivered"), close)])
        ordered = row.ordered_on.isoformat() if row.ordered_on else "—"
        expected = row.expected_on.isoformat() if row.expected_on else "—"
        intro = (self.tr("%1 %2 from %3: %4 ordered on %5, %6 received so far, %7 still to come (expected %8).")
                 .replace("%1", row.sku_code).replace("%2", row.title).replace("%3", row.supplier or self.tr("(no supplier)"))
                 .replace("%4", f"{row.qty:,}").replace("%5", ordered).replace("%6", f"{row.received:,}")
                 .replace("%7", f"{row.open_qty:,}").replace("%8", expected))
        fields = [
            FormField("received", self.tr("Quantity received"), CellEditor("int", placeholder=str(row.open_qty)),
                      row.open_qty, hint=self.tr("Less than still to come is a partial receipt")),
            FormField("rest", self.tr("If less arrived, the rest"), rest, keep),
        ]
        today = self.tab.ctx.today()
        form = RecordForm(
            self.tab.ctx, "inventory.receive_dialog", self.tr("Receive %1").replace("%1", row.sku_code), fields,
            lambda v: ReceiveDelivery(row.sku_code, row.id, v["received"], today, close_short=v["rest"] == close),
            self.tab, intro=intro)
        # Room for the sentence above and a message under the quantity without scrolling the second field away.
        form.resize(max(form.width(), 620), max(form.height(), 270))
        form.open()
        return form

    def close_selected(self) -> None:
        from core.edits import Batch
        from core.edits.deliveries import CloseDelivery

        chosen = self._chosen()
        if not chosen:
            return
        today = self.tab.ctx.today()
        edits = tuple(CloseDelivery(r.sku_code, r.id, today) for r in chosen)
        self.tab.banner.clear_message()
        batch = Batch(edits, batch_label=self.tr("Close %n (delivery|deliveries) as short-delivered", "", len(edits)))
        self.tab.ctx.edits.run(edits[0] if len(edits) == 1 else batch, parent=self.tab,
                               on_error=lambda exc: self.tab.banner.show_message(exc.message, "error"))
