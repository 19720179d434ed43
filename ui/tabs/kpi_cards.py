"""One KPI card of the dashboard: value, 环比, 同比 and goal progress; "—" explains itself."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QProgressBar, QVBoxLayout, QWidget

if TYPE_CHECKING:  # core.kpi loads SQLAlchemy: imported when the first numbers arrive
    from core.kpi import Card

# For these a rise is bad news, so an increase is shown in the "bad" colour.
LOWER_IS_BETTER = frozenset({"refund_amount", "refund_rate"})
GOOD, BAD, MUTED = "#1a7f37", "#c62828", "#777777"


def card_title(key: str) -> str:
    return {
        "gmv": QCoreApplication.translate("KpiCard", "GMV"),
        "orders": QCoreApplication.translate("KpiCard", "Paid orders"),
        "paying_buyers": QCoreApplication.translate("KpiCard", "Paying buyers"),
        "aov": QCoreApplication.translate("KpiCard", "Average order value"),
        "units": QCoreApplication.translate("KpiCard", "Units sold"),
        "conversion_rate": QCoreApplication.translate("KpiCard", "Conversion rate"),
        "refund_amount": QCoreApplication.translate("KpiCard", "Refund amount"),
        "refund_rate": QCoreApplication.translate("KpiCard", "Refund rate"),
        "net_sales": QCoreApplication.translate("KpiCard", "Net sales"),
        "repurchase_rate": QCoreApplication.translate("KpiCard", "Repurchase rate"),
    }[key]


def unknown_reason(key: str) -> str:
    """Which import would make an unknown KPI known (the card's tooltip)."""
    if key in ("conversion_rate", "visitors"):
        return QCoreApplication.translate("KpiCard", "Unknown: import a traffic report (生意参谋 or the platform's data centre export) "
                   "for this range to see visitors and conversion.")
    if key == "repurchase_rate":
        return QCoreApplication.translate("KpiCard", "Unknown: no buyer accounts in this range. Import order exports that include the "
                   "buyer (买家会员名 / 下单账号); PDD, Douyin and Kuaishou exports carry none.")
    if key == "units":
        return QCoreApplication.translate("KpiCard", "Unknown: some paid orders in this range have no quantities (their export has no "
                   "quantity column or no goods rows). Import the goods details (宝贝报表/商品明细) to count units.")
    return QCoreApplication.translate("KpiCard", "Unknown: no paid orders in this range. Import an order export (File → Import…).")


def shows_as_flat(change: float) -> bool:
    """A change that reads 0.0 at the one decimal shown is no change: no arrow, no colour."""
    return round(abs(change) * 100, 1) == 0


def change_text(label: str, change: float | None, in_points: bool = False) -> str:
    """A relative change (▲12.0%), or for rates the difference in percentage points (▼0.4 pp)."""
    if change is None:
        return f"{label} —"
    arrow = "■" if shows_as_flat(change) else "▲" if change > 0 else "▼"
    unit = " pp" if in_points else "%"
    return f"{label} {arrow} {abs(change) * 100:.1f}{unit}"


class KpiCard(QFrame):
    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"kpi_card_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("KpiCard { background: palette(base); border-radius: 6px; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(2)
        self.title = QLabel(card_title(key), self)
        self.title.setStyleSheet(f"color: {MUTED};")
        self.value = QLabel("—", self)
        self.value.setStyleSheet("font-size: 17pt; font-weight: 600;")
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.change_prev = QLabel(self)
        self.change_year = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setMaximumHeight(14)
        self.progress.setTextVisible(True)
        for w in (self.title, self.value, self.change_prev, self.change_year, self.progress):
            layout.addWidget(w)
        self.progress.hide()

    def show_card(self, card: Card) -> None:
        from core.kpi import format_kpi

        self.value.setText(format_kpi(card.key, card.value))
        self.value.setToolTip(unknown_reason(card.key) if card.value is None else self._basis(card))
        for label, widget, change, other, covered, which in (
            (QCoreApplication.translate("KpiCard", "vs previous period"), self.change_prev, card.change_prev, card.previous,
             card.prev_coverage, QCoreApplication.translate("KpiCard", "the previous period's")),
            (QCoreApplication.translate("KpiCard", "vs last year"), self.change_year, card.change_year, card.last_year,
             card.year_coverage, QCoreApplication.translate("KpiCard", "last year's")),
        ):
            widget.setText(change_text(label, change, card.in_points))
            widget.setStyleSheet(f"color: {self._colour(change)};")
            if covered and covered[0] < covered[1]:
                tip = QCoreApplication.translate(
                    "KpiCard", "Only {n} of {m} days of {which} data are in ShopDesk (its orders start later), "
                    "so there is no comparison.").format(n=covered[0], m=covered[1], which=which)
            elif other is not None:
                tip = QCoreApplication.translate("KpiCard", "Then: {value}").format(value=format_kpi(card.key, other))
            else:
                tip = QCoreApplication.translate("KpiCard", "No data for the comparison period.")
            widget.setToolTip(tip)
        if card.progress is None:
            self.progress.hide()
            self.setToolTip(QCoreApplication.translate("KpiCard", "No goal covers this range; set monthly goals in the Goals tab.")
                            if card.key in ("gmv", "orders", "aov", "conversion_rate") else "")
        else:
            self.progress.show()
            pct = card.progress * 100
            self.progress.setValue(max(0, min(100, round(pct))))
            if card.to_date:
                # Part way through the goal's period: the bar is the pace, not the whole goal.
                self.progress.setFormat(QCoreApplication.translate("KpiCard", "{pct}% of target to date").format(pct=f"{pct:.0f}"))
                self.progress.setToolTip(QCoreApplication.translate(
                    "KpiCard", "Target for the days so far: {target} (the whole period: {full}, {reached}% reached)").format(
                    target=format_kpi(card.key, card.target), full=format_kpi(card.key, card.target_full),
                    reached=f"{(card.progress_full or 0) * 100:.1f}"))
            else:
                self.progress.setFormat(QCoreApplication.translate("KpiCard", "{pct}% of target").format(pct=f"{pct:.0f}"))
                self.progress.setToolTip(QCoreApplication.translate("KpiCard", "Goal for this range: {target}").format(
                    target=format_kpi(card.key, card.target)))
            self.setToolTip("")

    @staticmethod
    def _basis(card: Card) -> str:
        """What a known buyer-based number counts, so it is not read as the Members tab's customers."""
        if card.key == "paying_buyers":
            return QCoreApplication.translate(
                "KpiCard", "Distinct buyer accounts per channel; orders without a buyer account (PDD, Douyin) count as "
                "one buyer each, so this is more than the Members tab's customers.")
        if card.key == "repurchase_rate":
            from ui.labels import platform_name

            return QCoreApplication.translate(
                "KpiCard", "Only channels whose exports carry a buyer account: {channels}.").format(
                channels=", ".join(platform_name(p) for p in card.channels))
        return ""

    def _colour(self, change: float | None) -> str:
        if change is None or shows_as_flat(change):
            return MUTED
        better = change < 0 if self.key in LOWER_IS_BETTER else change > 0
        return GOOD if better else BAD
