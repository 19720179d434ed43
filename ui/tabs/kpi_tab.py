"""数据看板 KPIs: the cards with 环比/同比 and goal progress, and the dashboard's charts.

Every number comes from ``core.kpi`` (the same functions as the `kpi` command); the work runs
off the GUI thread through ``TabPage``. The chosen range, channel and granularity are kept in
``Settings.kpi_view`` so the dashboard opens the way the owner left it.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QWidget,
)
from core import charts
from core.orders import PLATFORMS
from ui.labels import platform_name
from ui.widgets.date_range import plannable
from ui.tabs.base import Part, TabPage
from ui.tabs.kpi_cards import KpiCard
from ui.tasks import run_task
from ui.widgets.banner import Banner
from ui.widgets.chart_canvas import ChartCanvas

if TYPE_CHECKING:  # core.kpi loads SQLAlchemy: only after the window is shown
    from core.kpi import DateRange

log = logging.getLogger(__name__)
# core.kpi's CARD_KEYS and PRESETS, spelled out so that building the tab imports no SQLAlchemy
# (tests/ui/test_startup_imports.py checks that they match).
CARD_KEYS = ("gmv", "orders", "paying_buyers", "aov", "units", "conversion_rate", "refund_amount", "refund_rate",
             "net_sales", "repurchase_rate")
PRESETS = ("today", "yesterday", "last_7_days", "last_30_days", "this_month", "last_month", "this_quarter",
           "year_to_date", "custom")
GRANULARITIES = ("day", "week", "month")
DEFAULT_VIEW = {"preset": "last_30_days", "channel": "", "granularity": "day", "from": "", "to": ""}


@dataclasses.dataclass(frozen=True)
class View:
    preset: str
    channel: str
    granularity: str
    custom_from: dt.date | None
    custom_to: dt.date | None

    def period(self, today: dt.date) -> DateRange:
        from core.kpi import DateRange, preset_range

        if self.preset == "custom" and self.custom_from and self.custom_to:
            start, end = sorted((self.custom_from, self.custom_to))
            return DateRange(start, end)
        return preset_range(self.preset if self.preset != "custom" else "last_30_days", today)


def _load_numbers(db, params: tuple[View, dt.date]):
    from core.kpi import compute_dashboard  # SQLAlchemy: never before the window is shown
    from core.kpi.source import paid_days

    view, today = params
    dash = compute_dashboard(db, view.period(today), view.channel or None)
    # An empty range: when are the orders? (Only then: one more query.)
    empty = dash.current.orders == 0 and not any(ex.numbers.orders for ex in dash.current.excluded.values())
    span = paid_days(db, view.channel or None) if empty else None
    return dash, span


def _load_sku_charts(db, params: tuple[View, dt.date]):
    from core.kpi import compute_sku_charts

    view, today = params
    return compute_sku_charts(db, view.period(today), view.channel or None)


def _load_query_charts(db, params: tuple[View, dt.date]):
    from core.kpi import compute_query_charts

    view, today = params
    # ``today``: the trend marks the bucket that is still going on as "so far".
    return compute_query_charts(db, view.period(today), view.granularity, view.channel or None, today=today)


def _parse_day(text: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if isinstance(text, str) and text else None
    except ValueError:
        return None


def view_from_settings(raw: dict) -> View:
    """A remembered view, with anything unknown in the settings file replaced by defaults."""
    preset = raw.get("preset") if raw.get("preset") in PRESETS else DEFAULT_VIEW["preset"]
    channel = raw.get("channel") if raw.get("channel") in PLATFORMS else ""
    gran = raw.get("granularity") if raw.get("granularity") in GRANULARITIES else "day"
    return View(preset, channel, gran, _parse_day(raw.get("from")), _parse_day(raw.get("to")))


class KpiTab(TabPage):
    key = "kpi"
    topics = frozenset({"orders", "goals", "traffic", "stock", "skus", "promotions", "imports"})

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.view = view_from_settings(ctx.settings.kpi_view or {})
        self.dashboard = None
        self.chart_data = None
        self._dates_shown = False
        self._parts: dict[str, Any] = {}
        self._build_controls()
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        inner = QWidget(scroll)
        self.grid = QGridLayout(inner)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.cards: dict[str, KpiCard] = {}
        for i, key in enumerate(CARD_KEYS):
            card = KpiCard(key, inner)
            self.cards[key] = card
            self.grid.addWidget(card, i // 5, i % 5)
        self.charts: dict[str, ChartCanvas] = {}
        # (name, row, column, column span): the trend and refunds need the width.
        layout = [
            ("trend", 2, 0, 5), ("channel_share", 3, 0, 2), ("category_share", 3, 2, 3),
            ("top_skus", 4, 0, 2), ("funnel", 4, 2, 3), ("refunds", 5, 0, 5),
            ("repurchase", 6, 0, 2), ("turnover", 6, 2, 3), ("promotions", 7, 0, 2), ("channel_roi", 7, 2, 3),
        ]
        for name, row, col, span in layout:
            canvas = ChartCanvas(inner, min_height=300 if name == "trend" else 260, name=name)
            self.charts[name] = canvas
            self.grid.addWidget(canvas, row, col, 1, span)
        for column in range(5):  # equal card widths whatever the charts' spans
            self.grid.setColumnStretch(column, 1)
        scroll.setWidget(inner)
        # Which currency the figures are in, and any channel left out for a missing rate (core.currency).
        self.currency_note = Banner(self)
        self.currency_note.setObjectName("kpi.currency")
        self.body.addWidget(self.currency_note)
        # A range without paid orders while the shop has some elsewhere: say when, and offer them.
        self.range_note = Banner(self)
        self.range_note.setObjectName("kpi.range_note")
        self.range_note.setTextFormat(Qt.TextFormat.RichText)
        self.range_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.range_note.linkActivated.connect(self._show_orders_span)
        self._orders_span = None
        self.body.addWidget(self.range_note)
        self.body.addWidget(scroll, 1)

    # ------------------------------------------------------------------ controls

    def _build_controls(self) -> None:
        row = QHBoxLayout()
        self.preset_combo = QComboBox(self)
        for preset in PRESETS:
            self.preset_combo.addItem(self._preset_name(preset), preset)
        self.from_edit = QDateEdit(self)
        self.to_edit = QDateEdit(self)
        for edit in (self.from_edit, self.to_edit):
            plannable(edit)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.channel_combo = QComboBox(self)
        self.channel_combo.addItem(self.tr("All channels"), "")
        for platform in PLATFORMS:
            self.channel_combo.addItem(platform_name(platform), platform)
        self.gran_combo = QComboBox(self)
        for gran, label in zip(GRANULARITIES, (self.tr("By day"), self.tr("By week"), self.tr("By month"))):
            self.gran_combo.addItem(label, gran)
        self.export_button = QPushButton(self.tr("Export numbers to Excel…"), self)
        self.export_button.setEnabled(False)
        self.export_button.setObjectName("kpi.export")
        self.preset_combo.setObjectName("kpi.preset")
        self.channel_combo.setObjectName("kpi.channel")
        self.gran_combo.setObjectName("kpi.granularity")
        self.period_label = QLabel(self)
        self.period_label.setStyleSheet("color: #555;")
        for widget in (QLabel(self.tr("Range:"), self), self.preset_combo, self.from_edit, QLabel("–", self),
                       self.to_edit, QLabel(self.tr("Channel:"), self), self.channel_combo, self.gran_combo):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.export_button)
        self.body.addLayout(row)
        self.body.addWidget(self.period_label)
        self._show_view(self.view, dates=False)  # the dates follow on first show (see showEvent)
        self.preset_combo.currentIndexChanged.connect(self._on_controls)
        self.channel_combo.currentIndexChanged.connect(self._on_controls)
        self.gran_combo.currentIndexChanged.connect(self._on_controls)
        self.from_edit.dateChanged.connect(self._on_controls)
        self.to_edit.dateChanged.connect(self._on_controls)
        # ``clicked`` sends its ``checked`` flag: passed on, False would be taken for the path.
        self.export_button.clicked.connect(lambda _checked=False: self.export_numbers())

    def _preset_name(self, preset: str) -> str:
        return {
            "today": self.tr("Today"), "yesterday": self.tr("Yesterday"), "last_7_days": self.tr("Last 7 days"),
            "last_30_days": self.tr("Last 30 days"), "this_month": self.tr("This month"),
            "last_month": self.tr("Last month"), "this_quarter": self.tr("This quarter"),
            "year_to_date": self.tr("Year to date"), "custom": self.tr("Custom range"),
        }[preset]

    def showEvent(self, event) -> None:  # noqa: N802
        # A preset's dates come from core.kpi (and SQLAlchemy with it): computed when the tab is
        # first shown, not while the main window is being built.
        if not self._dates_shown:
            self._show_view(self.view)
        super().showEvent(event)

    def _show_view(self, view: View, dates: bool = True) -> None:
        widgets = (self.preset_combo, self.channel_combo, self.gran_combo, self.from_edit, self.to_edit)
        for w in widgets:
            w.blockSignals(True)
        self.preset_combo.setCurrentIndex(self.preset_combo.findData(view.preset))
        self.channel_combo.setCurrentIndex(self.channel_combo.findData(view.channel))
        self.gran_combo.setCurrentIndex(self.gran_combo.findData(view.granularity))
        if dates:
            period = view.period(self.ctx.today())
            self.from_edit.setDate(QDate(period.start.year, period.start.month, period.start.day))
            self.to_edit.setDate(QDate(period.end.year, period.end.month, period.end.day))
            self._dates_shown = True
        custom = view.preset == "custom"
        self.from_edit.setEnabled(custom)
        self.to_edit.setEnabled(custom)
        for w in widgets:
            w.blockSignals(False)

    def set_view(self, **changes: Any) -> None:
        """Change the range/channel/granularity, remember it, and reload (used by the controls)."""
        view = dataclasses.replace(self.view, **changes)
        if view.preset == "custom" and not (view.custom_from and view.custom_to):
            shown = self.view.period(self.ctx.today())
            view = dataclasses.replace(view, custom_from=shown.start, custom_to=shown.end)
        self.view = view
        self._show_view(view)
        self._remember(view)
        self.refresh()

    def _on_controls(self, *_args: Any) -> None:
        preset = self.preset_combo.currentData()
        changes: dict[str, Any] = {
            "preset": preset,
            "channel": self.channel_combo.currentData(),
            "granularity": self.gran_combo.currentData(),
        }
        if preset == "custom" and self.view.preset == "custom":
            changes["custom_from"] = self.from_edit.date().toPython()
            changes["custom_to"] = self.to_edit.date().toPython()
        self.set_view(**changes)

    def _remember(self, view: View) -> None:
        from core.settings import save

        self.ctx.settings.kpi_view = {
            "preset": view.preset, "channel": view.channel, "granularity": view.granularity,
            "from": view.custom_from.isoformat() if view.custom_from else "",
            "to": view.custom_to.isoformat() if view.custom_to else "",
        }
        try:
            save(self.ctx.settings)
        except OSError as exc:  # a read-only data folder must not break the dashboard
            log.warning("could not remember the dashboard view: %s", exc)

    # ------------------------------------------------------------------ data

    def title(self) -> str:
        return self.tr("KPIs")

    # The dashboard loads in three parts started together: the cards' numbers, the SKU charts
    # and the charts with queries of their own. Each group of charts is drawn as soon as its part
    # is in (the GUI thread draws while SQLite works on the others). They take the Database
    # rather than a session, so core.kpi aggregates side by side on pooled connections.
    # The charts each part draws (the KPI-derived ones come with the numbers):
    PART_CHARTS = {
        "numbers": ("channel_share", "funnel", "channel_roi"),
        "skus": ("category_share", "top_skus", "turnover"),
        "queries": ("trend", "refunds", "repurchase", "promotions"),
    }

    def view_params(self) -> tuple[View, dt.date]:
        # One snapshot of the view and of today for all three parts (a refresh across midnight
        # must not mix two days' ranges).
        return self.view, self.ctx.today()

    def parts(self) -> list[Part]:
        return [
            Part("numbers", _load_numbers, self._show_numbers, session=False),
            Part("skus", _load_sku_charts, self._show_sku_charts, session=False),
            Part("queries", _load_query_charts, self._show_query_charts, session=False),
        ]

    def refresh(self) -> None:
        if not self.loading:
            self._parts = {}
            self.chart_data = None  # until all three parts of this refresh are in
        super().refresh()

    def _show_numbers(self, loaded) -> None:
        from core.kpi import kpi_charts

        dash, span = loaded
        self.show_data(dash)
        self._show_range_note(dash, span)
        self._parts["kpi"] = kpi_charts(dash.current)
        self._draw_kpi_charts(self._parts["kpi"])
        queries = self._parts.get("queries")
        if queries is not None and not any(p.gmv or p.last_year for p in queries.trend):
            self._show_empty_trend()  # drawn before these numbers said why it is empty
        self._combine()

    def _show_sku_charts(self, data) -> None:
        self._parts["skus"] = data
        self._draw_sku_charts(data)
        self._combine()

    def _show_query_charts(self, data) -> None:
        self._parts["queries"] = data
        self._draw_query_charts(data)
        self._combine()

    def _combine(self) -> None:
        if {"kpi", "skus", "queries"} <= self._parts.keys():
            from core.kpi import ChartData

            self.chart_data = ChartData.combine(self._parts["kpi"], self._parts["skus"], self._parts["queries"])

    def show_data(self, dash) -> None:
        self.dashboard = dash
        for card in dash.cards:
            self.cards[card.key].show_card(card)
        p = dash.period
        prev, last = dash.previous, dash.last_year
        self.period_label.setText(
            self.tr("{start} – {end} ({days}) · compared with {pstart} – {pend} and {lstart} – {lend}").format(
                start=p.start, end=p.end, days=self.tr("%n day(s)", "", p.days), pstart=prev.date_from,
                pend=prev.date_to, lstart=last.date_from, lend=last.date_to)
        )
        self.export_button.setEnabled(True)
        self._show_currency(dash.current)

    def _show_range_note(self, dash, span) -> None:
        self._orders_span = span
        if span is None:
            self.range_note.clear_message()
            return
        period = dash.period
        self.range_note.show_message(self.tr(
            "No paid orders from {start} to {end}. The shop's paid orders run from {first} to {last}: "
            "<a href=\"span\">show those dates</a>.").format(
            start=period.start, end=period.end, first=span.first, last=span.last), "info")

    def _show_orders_span(self, _link: str = "") -> None:
        if self._orders_span is not None:
            self.set_view(preset="custom", custom_from=self._orders_span.first, custom_to=self._orders_span.last)

    def _show_currency(self, result) -> None:
        from core.currency import missing_rate_message

        names = self._names()
        converted = [p for p in result.by_channel if p in result.channel_currencies]
        lines = []
        if converted:
            lines.append(self.tr("Amounts in yuan (CNY); %1 converted at each month's rate from Settings → Channels.").replace(
                "%1", ", ".join(f"{names.get(p, p)} ({result.channel_currencies[p]})" for p in converted)))
        for p, ex in result.excluded.items():
            n = ex.numbers
            lines.append(self.tr("Not in the totals: %1 — GMV %2, %3 paid orders, net sales %4 (%5).")
                         .replace("%1", names.get(p, p))
                         .replace("%2", f"{ex.currency} {n.gmv / 100:,.2f}")
                         .replace("%3", f"{n.orders:,}")
                         .replace("%4", f"{ex.currency} {n.net_sales / 100:,.2f}")
                         .replace("%5", missing_rate_message(ex.currency, ex.missing_months)))
        if result.excluded:
            lines.append(self.tr("The totals above exclude %1.").replace("%1", ", ".join(names.get(p, p) for p in result.excluded)))
        if lines:
            self.currency_note.show_message("\n".join(lines), "warning" if result.excluded else "info")
        else:
            self.currency_note.clear_message()

    def part_failed(self, name: str) -> None:
        # Its charts would otherwise keep the previous range's picture beside the new cards.
        for chart in self.PART_CHARTS[name]:
            self.charts[chart].show_message(self.tr("This chart could not be drawn; the error message says why."))

    def _names(self) -> dict[str, str]:
        names = {p: platform_name(p) for p in PLATFORMS}
        names[""] = self.tr("Uncategorized")
        return names

    def _draw_kpi_charts(self, data) -> None:
        names = self._names()
        self.charts["channel_share"].draw(charts.draw_channel_share, data.channel_share, labels=names)
        self.charts["funnel"].draw(charts.draw_funnel, data.funnel)
        self.charts["channel_roi"].draw(charts.draw_channel_roi, data.channel_roi, labels=names)

    def _draw_query_charts(self, data) -> None:
        if not any(p.gmv or p.last_year for p in data.trend):
            self._show_empty_trend()
        else:
            self.charts["trend"].draw(charts.draw_gmv_trend, data.trend)
        self.charts["refunds"].draw(charts.draw_refunds, (data.refunds_by_sku, data.refunds_by_reason))
        self.charts["repurchase"].draw(charts.draw_repurchase, data.repurchase)
        self.charts["promotions"].draw(charts.draw_promotion_roi, data.promotions)

    def _show_empty_trend(self) -> None:
        """A trend without a yuan: the range has no paid orders, or only ones in a currency without a
        rate yet (the numbers part says which; it may come before or after the trend's part)."""

        excluded = self.dashboard.current.excluded if "kpi" in self._parts and self.dashboard is not None else {}
        if not excluded:
            self.charts["trend"].show_message(
                self.tr("No paid orders in this range. Import an order export (File → Import…) or pick another range."))
            return
        names = self._names()
        left_out = "; ".join(
            self.tr("%1 (%2 in %3 orders) is left out until %4 has a rate for %5")
            .replace("%1", names.get(p, p)).replace("%2", f"{ex.currency} {ex.numbers.gmv / 100:,.2f}")
            .replace("%3", f"{ex.numbers.orders:,}").replace("%4", ex.currency)
            .replace("%5", ", ".join(ex.missing_months))
            for p, ex in excluded.items())
        self.charts["trend"].show_message(
            self.tr("No paid orders in yuan in this range: %1 (Settings → Channels).").replace("%1", left_out))

    def _draw_sku_charts(self, data) -> None:
        names = self._names()
        self.charts["category_share"].draw(charts.draw_category_share, data.category_share, labels=names)
        self.charts["top_skus"].draw(charts.draw_top_skus, data.top_skus)
        turnover_labels = dict(names)
        if self.view.channel:  # core.kpi computes turnover for the whole shop: stock is not per channel
            turnover_labels["title"] = self.tr("Inventory turnover by category (whole shop: the channels share the stock)")
        self.charts["turnover"].draw(charts.draw_turnover, data.turnover, labels=turnover_labels)

    # ------------------------------------------------------------------ export

    def export_numbers(self, path: str | None = None) -> None:
        """Write the cards and the per-channel numbers to an .xlsx (asks where unless given)."""
        if self.dashboard is None:
            return
        if path is None:
            p = self.dashboard.period
            suggested = f"kpi-{p.start.isoformat()}-{p.end.isoformat()}.xlsx"
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export numbers"), suggested,
                                                  self.tr("Excel workbook (*.xlsx)"))
            if not path:
                return
        dash, names = self.dashboard, {p: platform_name(p) for p in PLATFORMS}

        def work(task_ctx):
            from core.exports import write_xlsx
            from core.kpi.output import dashboard_export_sheets

            return write_xlsx(path, dashboard_export_sheets(dash, names),
                              progress=task_ctx.progress, cancelled=task_ctx.cancelled)

        run_task(self, work, on_done=lambda written: self.banner.show_message(
            self.tr("Numbers exported to {path}").format(path=written), "info"))
