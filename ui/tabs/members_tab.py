"""会员 Members: customers by tier, with orders, spend and how long since they last bought."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING
from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel

from ui.labels import platform_name
from ui.tabs.base import TabPage
from ui.widgets.export_button import ExportButton
from ui.widgets.filter_combo import FilterCombo
from ui.widgets.record_table import RecordTable
from ui.widgets.table_model import Column

if TYPE_CHECKING:  # core.members loads SQLAlchemy: only in load(), after the window is shown
    from sqlalchemy.orm import Session

    from core.members import MemberRow

SLEEPING_DAYS = 180


class MembersTab(TabPage):
    key = "members"
    topics = frozenset({"customers", "tiers", "points", "orders", "imports"})

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.tier_filter = FilterCombo(self.tr("All tiers"), self)
        self.tier_filter.setObjectName("members.tier_filter")
        self.platform_filter = FilterCombo(self.tr("All channels"), self)
        self.platform_filter.setObjectName("members.channel_filter")
        self.table = RecordTable(
            [
                Column(self.tr("Buyer"), get=lambda r: r.name or r.buyer_key),
                Column(self.tr("Channel"), field="platform", fmt=platform_name),
                Column(self.tr("Tier"), field="tier"),
                Column(self.tr("Orders"), "int", field="orders"),
                Column(self.tr("Spend"), "money", field="spend_fen"),
                Column(self.tr("First order"), "datetime", field="first_order"),
                Column(self.tr("Last order"), "datetime", field="last_order"),
                Column(self.tr("Days since last order"), "int", field="days_since_last",
                       colour=lambda v, _r: "#c62828" if v is not None and v > SLEEPING_DAYS else None),
                Column(self.tr("Points"), "int", field="points"),
            ],
            self, key=lambda r: r.id, name="members.table",
        )
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show:"), self))
        bar.addWidget(self.tier_filter)
        bar.addWidget(self.platform_filter)
        bar.addStretch(1)
        self.body.addWidget(self.summary)
        self.body.addLayout(bar)
        self.body.addWidget(self.table, 1)
        self.export_button = ExportButton(ctx, "members", self)  # the same rows as `export members FILE`
        self.table.toolbar.addWidget(self.export_button)
        self.tier_filter.currentIndexChanged.connect(lambda: self.table.proxy.set_exact("tier", self.tier_filter.value()))
        self.platform_filter.currentIndexChanged.connect(
            lambda: self.table.proxy.set_exact("platform", self.platform_filter.value()))

    def title(self) -> str:
        return self.tr("Members")

    def load(self, session: Session, today: dt.date) -> tuple[list[MemberRow], list[str]]:
        from core.members import member_rows, tier_names

        return member_rows(session, today), tier_names(session)

    def show_data(self, data: tuple[list[MemberRow], list[str]]) -> None:
        rows, tiers = data
        if not rows:
            self.banner.show_message(self.tr("No members yet. Customers appear here once orders with a buyer account (or a member export) are imported."))
        self.tier_filter.set_choices([(t, t) for t in tiers])
        self.platform_filter.set_choices(sorted({(platform_name(r.platform), r.platform) for r in rows}))
        self.table.set_rows(
            rows,
            sort_column=4,
            order=Qt.SortOrder.DescendingOrder,
        )
        # No customers: the banner says what to import; a "0 customers ()" line would say nothing.
        self.summary.setVisible(bool(rows))
        if not rows:
            self.summary.clear()
            return
        by_tier = Counter(r.tier for r in rows)
        repeat = sum(1 for r in rows if r.orders >= 2)
        sleeping = sum(1 for r in rows if r.days_since_last is not None and r.days_since_last > SLEEPING_DAYS)
        tier_text = "，".join(f"{t} {by_tier[t]:,}" for t in tiers if by_tier[t])
        if tier_text:
            text = self.tr("%1 customers (%2). %3 bought more than once; %4 have not bought for over %5 days.")
        else:  # no customer is in a tier yet: no empty brackets
            text = self.tr("%1 customers. %3 bought more than once; %4 have not bought for over %5 days.")
        self.summary.setText(
            text.replace("%1", f"{len(rows):,}")
            .replace("%2", tier_text)
            .replace("%3", f"{repeat:,}")
            .replace("%4", f"{sleeping:,}")
            .replace("%5", str(SLEEPING_DAYS))
        )
