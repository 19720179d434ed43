"""促销日历 Promotions: platform festivals and own promotions, dates, budget and results."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QHBoxLayout, QLabel

from ui.labels import platform_name, promotion_kind_name, promotion_status_name
from ui.tabs.base import TabPage
from ui.widgets.export_button import ExportButton
from ui.widgets.filter_combo import FilterCombo
from ui.widgets.record_table import RecordTable
from ui.widgets.table_model import Column

if TYPE_CHECKING:  # core.promotions loads SQLAlchemy: only in load(), after the window is shown
    from sqlalchemy.orm import Session

    from core.promotions import PromotionRow


def _times(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}×"


class PromotionsTab(TabPage):
    key = "promotions"
    topics = frozenset({"promotions", "orders", "imports"})

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.next_label = QLabel(self)
        self.next_label.setWordWrap(True)
        self.kind_filter = FilterCombo(self.tr("All kinds"), self)
        self.kind_filter.setObjectName("promotions.kind_filter")
        self.kind_filter.set_choices([(promotion_kind_name(k), k) for k in ("festival", "platform", "own")])
        self.status_filter = FilterCombo(self.tr("Any status"), self)
        self.status_filter.setObjectName("promotions.status_filter")
        self.status_filter.set_choices([(promotion_status_name(k), k) for k in ("planned", "running", "done", "cancelled")])
        self.table = RecordTable(
            [
                Column(self.tr("Promotion"), field="name"),
                Column(self.tr("Kind"), field="kind", fmt=promotion_kind_name),
                Column(self.tr("Channels"), field="platforms", fmt=self._channels),
                Column(self.tr("Start"), "date", field="start"),
                Column(self.tr("End"), "date", field="end"),
                Column(self.tr("Days"), "int", get=lambda r: (r.end - r.start).days + 1),
                Column(self.tr("Budget"), "money", field="budget_fen"),
                Column(self.tr("GMV"), "money", field="gmv_fen", tooltip=self.tr(
                    "Paid GMV of the promotion's channels between its start and end. Promotions that "
                    "overlap share the same days' sales.")),
                Column(self.tr("Baseline"), "money", field="baseline_fen", tooltip=self.tr("What the shop would have sold in those days without the promotion")),
                Column(self.tr("Cost"), "money", field="cost_fen", tooltip=self.tr("Measured cost; the budget while no result is recorded yet")),
                Column(self.tr("ROAS"), "float", field="roas", fmt=_times, tooltip=self.tr("GMV ÷ cost")),
                Column(self.tr("Incremental ROI"), "float", field="incremental_roi", fmt=_times, tooltip=self.tr("(GMV − baseline) ÷ cost: what the money really bought")),
                Column(self.tr("Status"), field="status", fmt=promotion_status_name),
            ],
            self, key=lambda r: r.id, name="promotions.table",
        )
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show:"), self))
        bar.addWidget(self.kind_filter)
        bar.addWidget(self.status_filter)
        bar.addStretch(1)
        self.body.addWidget(self.next_label)
        self.body.addLayout(bar)
        self.body.addWidget(self.table, 1)
        self.export_button = ExportButton(ctx, "promotions", self)  # the same rows as `export promotions FILE`
        self.table.toolbar.addWidget(self.export_button)
        self.kind_filter.currentIndexChanged.connect(lambda: self.table.proxy.set_exact("kind", self.kind_filter.value()))
        self.status_filter.currentIndexChanged.connect(
            lambda: self.table.proxy.set_exact("status", self.status_filter.value()))

    def _channels(self, platforms: tuple[str, ...]) -> str:
        return QLocale().createSeparatedList([platform_name(p) for p in platforms]) or self.tr("All channels")

    def title(self) -> str:
        return self.tr("Promotions")

    def load(self, session: Session, today: dt.date) -> list[PromotionRow]:
        from core.promotions import promotion_rows

        return promotion_rows(session, today)

    def show_data(self, rows: list[PromotionRow]) -> None:
        if not rows:
            self.banner.show_message(self.tr("No promotions yet. Platform festivals and your own promotions appear here with their dates, budget and results."))
        today = self.ctx.today()
        self.table.set_rows(rows, sort_column=3)
        upcoming = [r for r in rows if r.start > today]
        running = [r for r in rows if r.start <= today <= r.end]
        parts = []
        if running:
            parts.append(self.tr("Running now: %1.").replace("%1", QLocale().createSeparatedList([r.name for r in running])))
        if upcoming:
            nxt = min(upcoming, key=lambda r: r.start)
            parts.append(self.tr("Next: %1 starts %2 (in %n day(s)).", "", (nxt.start - today).days)
                         .replace("%1", nxt.name).replace("%2", nxt.start.isoformat()))
        self.next_label.setText(" ".join(parts))
