"""Inventory → Create clearance promotion…: a small confirm dialog pre-filling a 清仓 promotion for
the selected slow-moving, dead or overstocked SKUs (``core.clearance``), saved as one undoable
``AddPromotion`` so it shows in the promotions calendar."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget,
)

from core.money import format_fen
from ui.widgets.counts import grouped


class ClearanceDialog(QDialog):
    def __init__(self, ctx: Any, rows: Sequence[Any], parent: QWidget | None = None) -> None:
        from core.clearance import DAYS, clearance_name

        super().__init__(parent)
        self.setObjectName("inventory.clearance_dialog")
        self.setWindowTitle(self.tr("Create clearance promotion"))
        self.setMinimumWidth(460)
        self.ctx, self.rows = ctx, list(rows)
        self.saved = None
        start = ctx.today() + dt.timedelta(days=1)
        self.name = QLineEdit(clearance_name(start), self)
        self.name.setObjectName("inventory.clearance.name")
        self.start = QDateEdit(QDate(start.year, start.month, start.day), self)
        self.start.setObjectName("inventory.clearance.start")
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.start.setCalendarPopup(True)
        self.days = QSpinBox(self)
        self.days.setObjectName("inventory.clearance.days")
        self.days.setRange(1, 90)
        self.days.setValue(DAYS)
        self.days.setSuffix(self.tr(" days"))
        shown = self.rows[:8]
        listing = "\n".join(f"{r.sku_code}  {r.title}  ×{r.on_hand:,}" for r in shown)
        if len(self.rows) > len(shown):
            listing += "\n" + self.tr("… and %1 more").replace("%1", str(len(self.rows) - len(shown)))
        self.skus = QLabel(listing, self)
        self.skus.setObjectName("inventory.clearance.skus")
        on_hand = sum(r.on_hand for r in self.rows)
        self.summary = QLabel(
            self.tr("%1, %2 on hand, %3 at cost. The promotion covers only these SKUs and appears in the "
                    "promotions calendar; Ctrl+Z removes it.")
            .replace("%1", grouped(self.tr("%n SKU(s)", "", len(self.rows)), len(self.rows)))
            .replace("%2", grouped(self.tr("%n unit(s)", "", on_hand), on_hand))
            .replace("%3", format_fen(sum(r.stock_value_fen for r in self.rows))), self)
        self.summary.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setObjectName("inventory.clearance.problem")
        self.problem.setStyleSheet("color:#b71c1c;")
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("inventory.clearance.save")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Starts:"), self.start)
        form.addRow(self.tr("Lasts:"), self.days)
        form.addRow(self.tr("SKUs:"), self.skus)
        form.addRow(self.summary)
        form.addRow(self.problem)
        form.addRow(buttons)

    def edit(self):
        from core.clearance import clearance_promotion

        d = self.start.date()
        return clearance_promotion(self.rows, self.ctx.today(), name=self.name.text(),
                                   start=dt.date(d.year(), d.month(), d.day()), days=self.days.value())

    def save(self) -> None:
        def done(change) -> None:
            self.saved = change
            self.accept()

        def refused(exc) -> None:
            self.problem.setText(exc.message)
            self.problem.show()

        self.problem.hide()
        self.ctx.edits.run(self.edit(), parent=self, on_done=done, on_error=refused)
