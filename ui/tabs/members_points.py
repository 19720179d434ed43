"""The Members tab's points panel: the selected customer's ledger, a manual adjustment, and the
check that every balance equals its ledger (core.points)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from core.i18n import list_text

from ui.tasks import run_task
from ui.widgets.counts import grouped
from ui.widgets.editors import CellEditor
from ui.widgets.record_form import FormField, RecordForm
from ui.widgets.record_table import RecordTable
from ui.widgets.table_model import Column


class PointsPanel(QWidget):
    def __init__(self, page, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.ctx = page.ctx
        self.customer: Any = None  # the MemberRow shown
        self.heading = QLabel(self.tr("Select a customer above to see their points ledger."), self)
        self.heading.setObjectName("members.points_for")
        self.check = QLabel(self)
        self.check.setObjectName("members.points_check")
        self.check.setWordWrap(True)
        self.adjust_button = QPushButton(self.tr("Adjust points…"), self)
        self.adjust_button.setObjectName("members.adjust_points")
        self.adjust_button.setToolTip(self.tr("Add or take points with a reason (a redemption, a goodwill gesture); "
                                              "Ctrl+Z undoes"))
        self.adjust_button.setEnabled(False)
        self.adjust_button.clicked.connect(self.adjust)
        self.ledger = RecordTable(
            [
                Column(self.tr("When"), "datetime", field="at"),
                Column(self.tr("Change"), "int", field="delta",
                       colour=lambda v, _r: "#c62828" if v is not None and v < 0 else "#2e7d32"),
                Column(self.tr("Kind"), field="kind_label"),
                Column(self.tr("Reason"), field="reason"),
                Column(self.tr("Order"), field="order_no"),
                Column(self.tr("Expires"), "datetime", field="expires_at"),
                Column(self.tr("Balance"), "int", field="balance"),
            ],
            self, key=lambda r: r.id, name="members.ledger",
        )
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.adjust_button)
        from ui.widgets.export_button import ExportButton

        self.export_button = ExportButton(self.ctx, "points-ledger", page, parent=self, name="export_ledger")
        self.export_button.setText(self.tr("Export ledger…"))
        self.export_button.setToolTip(self.tr("Every customer's points ledger with the running balance "
                                              "(`export points-ledger FILE`)"))
        top.addWidget(self.export_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.check)
        box.addLayout(top)
        box.addWidget(self.ledger, 1)
        self._asked = 0

    def show_check(self, result: tuple[int, list]) -> None:
        count, rows = result
        if not count:
            self.check.setText(self.tr("✓ Every customer's points equal the sum of their ledger."))
            self.check.setStyleSheet("color:#2e7d32;")
            return
        names = list_text(f"{m.name} ({m.points:,} ≠ {m.ledger:,})" for m in rows[:5])
        self.check.setText(grouped(self.tr("✗ %n (customer's|customers') points differ from the ledger: "
                                           "%1. Recompute tiers and points sets each balance to its ledger.", "",
                                           count), count).replace("%1", names))
        self.check.setStyleSheet("color:#c62828;")

    def show_customer(self, row: Any) -> None:
        """Load ``row``'s ledger off the GUI thread (None: nothing selected)."""
        self.customer = row
        self.adjust_button.setEnabled(row is not None)
        self._asked += 1
        if row is None:
            self.heading.setText(self.tr("Select a customer above to see their points ledger."))
            self.ledger.set_rows([])
            return
        asked, db, cid = self._asked, self.ctx.db, row.id

        def work(_task_ctx):
            from core.points import ledger_rows

            with db.session() as s:
                return ledger_rows(s.connection(), cid)

        def done(rows) -> None:
            if asked == self._asked:  # else another customer was selected meanwhile
                self._show(row, rows)

        run_task(self, work, on_done=done)

    def show_loaded(self, row: Any, rows: list) -> None:
        """A ledger the tab's load brought along (no extra query)."""
        self._asked += 1
        self.customer = row
        self.adjust_button.setEnabled(row is not None)
        if row is None:
            self.heading.setText(self.tr("Select a customer above to see their points ledger."))
            self.ledger.set_rows([])
            return
        self._show(row, rows)

    def _show(self, row: Any, rows: list) -> None:
        self.heading.setText(grouped(self.tr("Points of %1: %2 (%n ledger line(s))", "", len(rows)), len(rows))
                             .replace("%1", row.name or row.buyer_key).replace("%2", f"{row.points:,}"))
        self.ledger.set_rows(rows, sort_column=0, order=Qt.SortOrder.DescendingOrder)

    def adjust(self) -> RecordForm | None:
        from core.edits.members import AdjustPoints

        row = self.customer
        if row is None:
            return None
        fields = [
            FormField("delta", self.tr("Points to add (or take, with a minus sign)"), CellEditor("int"), None,
                      hint=self.tr("A deduction takes the oldest points first")),
            FormField("reason", self.tr("Reason"), CellEditor("text", max_length=200), "",
                      hint=self.tr("e.g. 积分兑换：10元券, 客服补偿")),
        ]
        today = self.ctx.today()
        form = RecordForm(self.ctx, "members.points_form",
                          self.tr("Adjust points of %1").replace("%1", row.name or row.buyer_key), fields,
                          lambda v: AdjustPoints(row.id, v["delta"], v["reason"] or "", today), self)
        form.setMinimumWidth(520)  # the refusal under the field fits on two lines
        form.open()
        return form
