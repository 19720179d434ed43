"""The funnel of the year's targets (objectName ``goals.funnel``): visitors each month needs.

GMV = visitors × conversion × AOV; conversion and AOV come from last year's same month (or all
the imported traffic), and the what-if boxes raise them (core.goal_funnel). Recomputed as the
owner types: the numbers are pure arithmetic on what the tab loaded.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.widgets.record_table import RecordTable
from ui.widgets.table_model import Column

if TYPE_CHECKING:
    from core.goal_funnel import FunnelBasis


class GoalsFunnel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.basis: FunnelBasis | None = None
        self.conversion = self._percent_box("goals.funnel_conversion",
                                            self.tr("Raise (or lower) last year's conversion by this much"))
        self.aov = self._percent_box("goals.funnel_aov", self.tr("Raise (or lower) last year's AOV by this much"))
        self.hint = QLabel(self)
        self.hint.setObjectName("goals.funnel_hint")
        self.hint.setWordWrap(True)
        self.table = RecordTable([
            Column(self.tr("Month"), get=lambda m: f"{m.start:%Y-%m}"),
            Column(self.tr("Target GMV"), "money", field="target"),
            Column(self.tr("Based on"), field="basis", fmt=self._basis_name,
                   tooltip=self.tr("Where conversion and AOV come from: the same month last year, or all the "
                                   "imported traffic when last year's month has none")),
            Column(self.tr("Conversion"), "rate", get=lambda m: float(m.conversion) if m.conversion else None,
                   tooltip=self.tr("支付转化率: paying buyers ÷ visitors, after the what-if")),
            Column(self.tr("AOV"), "money", field="aov", tooltip=self.tr("客单价: GMV ÷ paying buyers, after the what-if")),
            Column(self.tr("Visitors needed"), "int", field="visitors",
                   tooltip=self.tr("The target ÷ (conversion × AOV), rounded up")),
            Column(self.tr("Ad spend"), "money", field="ad_spend",
                   tooltip=self.tr("The visitors needed at last year's ad spend per visitor; — when the traffic "
                                   "imports carry no ad spend")),
        ], self, search=False, name="goals.funnel")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("What if conversion changes by"), self))
        bar.addWidget(self.conversion)
        bar.addWidget(QLabel(self.tr("and AOV by"), self))
        bar.addWidget(self.aov)
        bar.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(bar)
        box.addWidget(self.hint)
        box.addWidget(self.table, 1)

    def _percent_box(self, name: str, tip: str) -> QDoubleSpinBox:
        box = QDoubleSpinBox(self)
        box.setObjectName(name)
        box.setRange(-90, 500)
        box.setDecimals(1)
        box.setSingleStep(5)
        box.setSuffix(" %")
        box.setPrefix("+")
        box.setToolTip(tip)
        box.valueChanged.connect(self._on_value)
        return box

    def _on_value(self, *_: object) -> None:
        for box in (self.conversion, self.aov):
            box.setPrefix("+" if box.value() >= 0 else "")
        self.recompute()

    def _basis_name(self, basis: str | None) -> str:
        return {"last_year": self.tr("last year's month"), "traffic": self.tr("all imported traffic")}.get(
            basis or "", self.tr("unknown"))

    def show_basis(self, basis: FunnelBasis) -> None:
        self.basis = basis
        self.recompute()

    def recompute(self) -> None:
        from core.goal_funnel import funnel

        if self.basis is None:
            return
        months = funnel(self.basis, self.conversion.value(), self.aov.value())
        self.table.set_rows(months)
        if self.basis.overall is None:
            self.hint.setText(self.tr("Visitors needed: unknown. Import 生意参谋 traffic (访客数, 支付买家数, ad spend) "
                                      "with File → Import… to see how many visitors each month's target needs."))
            self.hint.setStyleSheet("color:#b26a00;")
            return
        self.hint.setStyleSheet("")
        total = sum(m.visitors or 0 for m in months)
        spend = [m.ad_spend for m in months if m.ad_spend is not None]
        text = self.tr("%1 needs %2 visitors in all.").replace("%1", str(self.basis.year)).replace("%2", f"{total:,}")
        if spend:
            from core.money import format_fen

            text += " " + self.tr("At last year's cost per visitor that is %1 of ads.").replace(
                "%1", format_fen(sum(spend), decimals=0))
        self.hint.setText(text)
