"""数据看板 KPIs: the last 30 days at a glance and GMV by month.

A first read-only dashboard; the full dashboard (every card with 环比/同比 and goal
progress, all charts, range presets) builds on core.kpi.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QGridLayout, QLabel
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.models import Order
from core.money import format_fen
from ui.tabs.base import TabPage
from ui.widgets.chart_canvas import ChartCanvas


def _draw_monthly_gmv(fig, months: list[str], gmv_yuan: list[float], title: str):
    ax = fig.add_subplot(111)
    bars = ax.bar(months, gmv_yuan, color="#1f6fb2")
    ax.set_title(title)
    ax.tick_params(axis="x", labelrotation=45)
    ax.yaxis.set_major_formatter(lambda v, _pos: f"{v:,.0f}")
    return [(bar, [f"{m}: ¥{v:,.2f}"]) for bar, m, v in zip(bars, months, gmv_yuan)]


class KpiTab(TabPage):
    key = "kpi"

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        grid = QGridLayout()
        self.cards: dict[str, QLabel] = {}
        names = [("gmv", self.tr("GMV, last 30 days")), ("orders", self.tr("Paid orders")),
                 ("buyers", self.tr("Paying buyers")), ("aov", self.tr("AOV"))]
        for i, (key, label) in enumerate(names):
            title = QLabel(label, self)
            title.setStyleSheet("color:#555;")
            value = QLabel("—", self)
            value.setStyleSheet("font-size:20pt; font-weight:600;")
            grid.addWidget(title, 0, i)
            grid.addWidget(value, 1, i)
            self.cards[key] = value
        self.body.addLayout(grid)
        self.chart = ChartCanvas(self, name="gmv-by-month")
        self.body.addWidget(self.chart, 1)

    def title(self) -> str:
        return self.tr("KPIs")

    def load(self, session: Session, today: dt.date):
        start = today - dt.timedelta(days=29)
        paid = (Order.is_paid.is_(True), Order.pay_date.between(start, today))
        gmv, orders = session.execute(select(func.coalesce(func.sum(Order.paid_fen), 0), func.count()).where(*paid)).one()
        keyed = session.scalar(select(func.count(func.distinct(Order.buyer_key))).where(*paid, Order.buyer_key.is_not(None)))
        unkeyed = session.scalar(select(func.count()).where(*paid, Order.buyer_key.is_(None)))
        month = func.strftime("%Y-%m", Order.pay_date)
        by_month = session.execute(
            select(month, func.sum(Order.paid_fen)).where(Order.is_paid.is_(True), Order.pay_date <= today)
            .group_by(month).order_by(month)
        ).all()
        return {"gmv": int(gmv), "orders": int(orders), "buyers": int(keyed + unkeyed), "by_month": by_month[-13:]}

    def show_data(self, data) -> None:
        buyers = data["buyers"]
        self.cards["gmv"].setText(format_fen(data["gmv"]))
        self.cards["orders"].setText(f"{data['orders']:,}")
        self.cards["buyers"].setText(f"{buyers:,}")
        self.cards["aov"].setText(format_fen(round(data["gmv"] / buyers)) if buyers else "—")
        if not data["by_month"]:
            self.chart.show_message(self.tr("No paid orders yet. Import an order export (File → Import…) to see your sales."))
            return
        months = [m for m, _ in data["by_month"]]
        values = [v / 100 for _, v in data["by_month"]]
        self.chart.draw(_draw_monthly_gmv, months, values, self.tr("GMV by month (¥)"))
