"""What a promotion earned (``promotions.effect``) and every promotion of a year side by side
(``promotions.compare``): windows on core.promotion_effect / core.promotion_compare, read off the
GUI thread. Opened from the Promotions tab (list: Effect…, a double click in the comparison; the
calendar's right-click menu: Effect…)."""
from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.money import format_fen
from ui.labels import platform_name, promotion_kind_name, promotion_status_name
from ui.tasks import run_task
from ui.widgets.banner import Banner
from ui.widgets.chart_canvas import ChartCanvas
from ui.widgets.export_button import ExportButton
from ui.widgets.record_table import RecordTable
from ui.widgets.table_model import Column
from ui.widgets.screen_fit import resize_within_screen


SCOPE_SHOWN = 8  # categories / SKUs named in the heading; the rest are counted


def signed_rate(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:+.1f}%"


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def times(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}×"


def _span(start: dt.date, end: dt.date) -> str:
    return start.isoformat() if start == end else f"{start.isoformat()} – {end.isoformat()}"


class EffectDialog(QDialog):
    """One promotion's effect: its figures against the days before it and the same festival last
    year, cost and ROI, its best-selling SKUs and a daily chart against the baseline."""

    key = "promotions"  # for ExportButton-style helpers: the tab it belongs to

    def __init__(self, ctx, promotion_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promotions.effect")
        self.setWindowTitle(self.tr("Promotion effect"))
        self.ctx, self.promotion_id = ctx, promotion_id
        self.effect = None
        self.banner = Banner(self)
        self.currency_note = Banner(self)  # channels in other currencies: converted, or left out for a missing rate
        self.currency_note.setObjectName("promotions.effect.currency")
        self.currency_note.hide()
        self.heading = QLabel(self)
        self.heading.setObjectName("promotions.effect.heading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.figures = QTableWidget(5, 5, self)
        self.figures.setObjectName("promotions.effect.figures")
        self.figures.setHorizontalHeaderLabels([self.tr("This promotion"), self.tr("Days before"), self.tr("Uplift"),
                                                self.tr("Same festival last year"), self.tr("Uplift on last year")])
        self.figures.setVerticalHeaderLabels([self.tr("GMV"), self.tr("Orders"), self.tr("AOV"), self.tr("Units"),
                                              self.tr("Buyers")])
        self.figures.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.figures.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.baselines = QLabel(self)
        self.baselines.setObjectName("promotions.effect.baselines")
        self.baselines.setWordWrap(True)
        self.cost = QLabel(self)
        self.cost.setObjectName("promotions.effect.cost")
        self.cost.setWordWrap(True)
        self.target = QLabel(self)
        self.target.setObjectName("promotions.effect.target")
        self.target.setWordWrap(True)
        self.roi = QLabel(self)
        self.roi.setObjectName("promotions.effect.roi")
        self.roi.setWordWrap(True)
        font = self.roi.font()
        font.setBold(True)
        self.roi.setFont(font)
        self.top_skus = RecordTable(
            [Column(self.tr("SKU code"), field="sku_code"), Column(self.tr("Product"), field="title"),
             Column(self.tr("Units"), "int", field="units"), Column(self.tr("GMV"), "money", field="gmv_fen"),
             Column(self.tr("Unit cost"), "money", field="cost_fen")],
            self, search=False, key=lambda s: s.sku_code, name="promotions.effect.top_skus")
        self.chart = ChartCanvas(self, min_height=300, name="promotions.effect.chart")

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.currency_note)
        layout.addWidget(self.heading)
        upper = QHBoxLayout()  # the figures and what they are measured against | the daily chart
        left = QVBoxLayout()
        left.addWidget(self.figures)
        left.addWidget(self.baselines)
        left.addWidget(self.cost)
        left.addWidget(self.target)
        left.addWidget(self.roi)
        left.addStretch(1)
        upper.addLayout(left, 1)
        upper.addWidget(self.chart, 1)
        layout.addLayout(upper)
        layout.addWidget(QLabel(self.tr("Top SKUs in the promotion"), self))
        layout.addWidget(self.top_skus, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        resize_within_screen(self, 1100, 760)
        self.heading.setText(self.tr("Measuring…"))
        self.load()

    def load(self) -> None:
        db, today, pid = self.ctx.db, self.ctx.today(), self.promotion_id

        def work(_task) -> Any:
            from core.promotion_effect import promotion_effect

            with db.session() as s:
                return promotion_effect(s, pid, today)

        run_task(self, work, on_done=self.show_effect)

    # ------------------------------------------------------------------ showing

    def _channels(self, platforms: tuple[str, ...]) -> str:
        return QLocale().createSeparatedList([platform_name(p) for p in platforms]) or self.tr("All channels")

    def show_effect(self, e) -> None:
        self.effect = e
        if e is None:
            self.heading.setText(self.tr("This promotion no longer exists (deleted meanwhile)."))
            return
        scope = list(e.categories) + list(e.skus)
        shown = "、".join(scope[:SCOPE_SHOWN]) + (f" … (+{len(scope) - SCOPE_SHOWN})" if len(scope) > SCOPE_SHOWN else "")
        scope_text = self.tr("Scope: %1").replace("%1", shown) if scope else self.tr("Scope: the whole shop")
        days = self.tr("%n day(s)", "", e.days)
        self.heading.setText(
            f"<b>{_html(e.name)}</b> · {promotion_kind_name(e.kind)} · {promotion_status_name(e.status)}<br>"
            f"{_span(e.start, e.end)} ({days}) · {_html(self._channels(e.platforms))} · {_html(scope_text)}")
        w = e.window
        if w is None:
            why = (self.tr("Cancelled: not measured.") if e.status == "cancelled" else
                   self.tr("Starts %1: nothing to measure yet.").replace("%1", e.start.isoformat())
                   if e.start > self.ctx.today() else
                   self.tr("No orders imported for these days: import the orders of its days to measure it."))
            self.banner.show_message(why, "info")
        elif e.running:
            self.banner.show_message(
                self.tr("Running: day %1 of %2. Figures are for the days run so far, against as many days before it; "
                        "the cost is the budget prorated to those days.")
                .replace("%1", str(w.days)).replace("%2", str(e.days)), "info")
        else:
            self.banner.clear_message()
        self._fill_currency(e)
        self._fill_figures(e)
        self._fill_baselines(e)
        self._fill_cost(e)
        self.top_skus.set_rows(list(w.top) if w else [])
        from core.charts.promotion_charts import draw_effect_daily

        self.chart.draw(draw_effect_daily, e)

    def _fill_currency(self, e) -> None:
        from core.promotion_currency import converted_text, left_out_text

        if e.left_out:
            self.currency_note.show_message(" ".join(filter(None, [left_out_text(e.left_out),
                                                                     converted_text(e.converted, e.currencies)])), "warning")
        elif e.converted:
            self.currency_note.show_message(converted_text(e.converted, e.currencies), "info")
        else:
            self.currency_note.clear_message()

    def _fill_figures(self, e) -> None:
        def cells(f) -> list[str]:
            if f is None:
                return ["—"] * 5
            return [format_fen(f.gmv_fen), f"{f.orders:,}", format_fen(f.aov_fen), f"{f.units:,}", f"{f.buyers:,}"]

        def rise(a, b, attr) -> str:
            if a is None or b is None:
                return "—"
            x, y = getattr(a, attr), getattr(b, attr)
            return "—" if x is None or not y else signed_rate((x - y) / y)

        columns = [cells(e.window), cells(e.before), None, cells(e.last_year), None]
        attrs = ("gmv_fen", "orders", "aov_fen", "units", "buyers")
        for row, attr in enumerate(attrs):
            values = [columns[0][row], columns[1][row], rise(e.window, e.before, attr), columns[3][row],
                      rise(e.window, e.last_year, attr)]
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.figures.setItem(row, col, item)
        self.figures.resizeColumnsToContents()
        frame = 2 * self.figures.frameWidth()
        self.figures.setFixedHeight(self.figures.horizontalHeader().height() + frame +
                                    sum(self.figures.rowHeight(r) for r in range(5)))
        self.figures.setMinimumWidth(self.figures.verticalHeader().width() + frame +
                                     sum(self.figures.columnWidth(c) for c in range(5)))

    def _fill_baselines(self, e) -> None:
        lines = []
        if e.before is not None:
            lines.append(self.tr("Days before: %1, the same %n day(s) right before it, same channels and scope.", "",
                                 e.before.days).replace("%1", _span(e.before.start, e.before.end)))
        elif e.window is not None:
            lines.append(self.tr("Days before: unknown — the imported orders do not reach back that far."))
        if e.last_year is not None:
            source = (self.tr("last year's promotion") if e.last_year_source == "promotion"
                      else self.tr("the festival's dates last year"))
            lines.append(self.tr("Same festival last year: %1 (%2), %3.").replace("%1", e.last_year_name)
                         .replace("%2", source).replace("%3", _span(e.last_year.start, e.last_year.end)))
        elif e.last_year_name:
            lines.append(self.tr("Same festival last year: %1 — unknown, the imported orders do not reach back "
                                 "that far.").replace("%1", e.last_year_name))
        elif e.window is not None:
            lines.append(self.tr("Same festival last year: — (this promotion belongs to no platform festival)."))
        self.baselines.setText("\n".join(lines))

    def _fill_cost(self, e) -> None:
        if e.cost_fen is None:
            self.cost.setText(self.tr("Cost: — (no budget and no recorded result)") if e.window else "")
        else:
            basis = {"measured": self.tr("recorded result"),
                     "prorated": self.tr("budget %1 × %2/%3 days run").replace("%1", format_fen(e.budget_fen))
                     .replace("%2", str(e.days_run)).replace("%3", str(e.days)),
                     "budget": self.tr("whole budget")}.get(e.cost_basis or "", "")
            text = self.tr("Cost: %1 (%2)").replace("%1", format_fen(e.cost_fen)).replace("%2", basis)
            if e.discount_cost_fen is not None and e.ad_cost_fen is not None and (e.discount_budget_fen or e.ad_budget_fen):
                text += self.tr(" = discount cost %1 + ad spend %2").replace("%1", format_fen(e.discount_cost_fen)) \
                    .replace("%2", format_fen(e.ad_cost_fen))
            self.cost.setText(text)
        self._fill_target(e)
        if e.window is None:
            self.roi.setText("")
        elif e.roi is not None:
            self.roi.setText(self.tr("ROI %1 = incremental gross profit %2 ÷ cost %3 — %4")
                             .replace("%1", times(e.roi)).replace("%2", format_fen(e.incremental_gross_profit_fen))
                             .replace("%3", format_fen(e.cost_fen))
                             .replace("%4", self.tr("pays back") if e.roi >= 1 else self.tr("does not pay back")))
        elif e.skus_without_cost:
            self.roi.setText(self.tr("ROI unknown: %n SKU(s) sold without a unit cost. Enter their costs in Inventory "
                                     "(Edit SKU…) to measure it.", "", e.skus_without_cost))
        elif (e.window.orders_without_lines or (e.before and e.before.orders_without_lines)):
            self.roi.setText(self.tr("ROI unknown: some orders have no goods lines, so their gross profit is unknown."))
        elif e.before is None:
            self.roi.setText(self.tr("ROI unknown: no baseline to measure the increase against."))
        else:
            self.roi.setText(self.tr("ROI unknown: no cost to divide by."))


    def _fill_target(self, e) -> None:
        if not e.target_gmv_fen:
            self.target.setText(self.tr("Target GMV: none (set one in the promotion's form to follow it here)."))
        elif e.window is None:
            self.target.setText(self.tr("Target GMV: %1.").replace("%1", format_fen(e.target_gmv_fen)))
        else:
            text = (self.tr("Target GMV %1: %2 so far, %3 of the target.") if e.running else
                    self.tr("Target GMV %1: %2, %3 of the target."))
            self.target.setText(text.replace("%1", format_fen(e.target_gmv_fen))
                                .replace("%2", format_fen(e.window.gmv_fen)).replace("%3", percent(e.target_progress)))


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class CompareDialog(QDialog):
    """Every promotion of a year side by side, sortable, with a summary per kind: which kind pays back?"""

    key = "promotions"  # the Export button names itself promotions.export_effects

    def __init__(self, ctx, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promotions.compare")
        self.setWindowTitle(self.tr("Compare promotions"))
        self.ctx, self.year = ctx, year
        self.loaded_year: int | None = None
        self.banner = Banner(self)
        self.prev_button = QToolButton(self)
        self.prev_button.setText("‹")
        self.prev_button.setObjectName("promotions.compare.prev")
        self.next_button = QToolButton(self)
        self.next_button.setText("›")
        self.next_button.setObjectName("promotions.compare.next")
        self.year_label = QLabel(self)
        self.year_label.setObjectName("promotions.compare.year")
        font = self.year_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() + 2)
        self.year_label.setFont(font)
        self.export_button = ExportButton(ctx, "promotion-effects", self, name="export_effects",
                                          suggested=lambda: f"promotion-effects-{self.year}.xlsx",
                                          date_range=lambda: (dt.date(self.year, 1, 1), dt.date(self.year, 12, 31)))
        self.table = RecordTable(
            [Column(self.tr("Promotion"), field="name"),
             Column(self.tr("Kind"), field="kind", fmt=promotion_kind_name),
             Column(self.tr("Mechanics"), field="mechanics", fmt=lambda v: "、".join(v or ()) or "—"),
             Column(self.tr("Start"), "date", field="start"),
             Column(self.tr("Days"), "int", field="days"),
             Column(self.tr("GMV"), "money", field="gmv_fen"),
             Column(self.tr("Uplift"), "rate", field="uplift", fmt=signed_rate,
                    tooltip=self.tr("GMV against the same number of days right before it")),
             Column(self.tr("Uplift on last year"), "rate", field="uplift_last_year", fmt=signed_rate,
                    tooltip=self.tr("GMV against the same festival last year")),
             Column(self.tr("Target GMV"), "money", field="target_gmv_fen"),
             Column(self.tr("% of target"), "rate", field="target_progress", fmt=percent,
                    tooltip=self.tr("GMV ÷ target GMV (a running promotion: its days so far)")),
             Column(self.tr("Cost"), "money", field="cost_fen"),
             Column(self.tr("Discount cost"), "money", field="discount_cost_fen",
                    tooltip=self.tr("The cost's part for discounts (the budget's split; unknown for a recorded cost)")),
             Column(self.tr("Ad spend"), "money", field="ad_cost_fen",
                    tooltip=self.tr("The cost's part for ads, fees and samples")),
             Column(self.tr("Incremental gross profit"), "money", field="incremental_gross_profit_fen"),
             Column(self.tr("ROI"), "float", field="roi", fmt=times,
                    tooltip=self.tr("Incremental gross profit ÷ cost: 1.00× and more pays back"),
                    colour=lambda v, _r: None if v is None else ("#2e7d32" if v >= 1 else "#c62828"),
                    cell_tooltip=lambda v, r: self._roi_tip(r)),
             Column(self.tr("Status"), field="status", fmt=promotion_status_name)],
            self, key=lambda r: r["id"], name="promotions.compare.table")
        self.kinds = RecordTable(
            [Column(self.tr("Kind"), field="kind", fmt=promotion_kind_name),
             Column(self.tr("Count"), "int", field="promotions"),
             Column(self.tr("Measured"), "int", field="measured"),
             Column(self.tr("GMV"), "money", field="gmv_fen",
                    tooltip=self.tr("Promotions that overlap share the same days' sales: a day may count twice")),
             Column(self.tr("Average uplift"), "rate", field="average_uplift", fmt=signed_rate),
             Column(self.tr("Cost"), "money", field="cost_fen", tooltip=self.tr("Of those whose ROI is known")),
             Column(self.tr("Incremental gross profit"), "money", field="incremental_gross_profit_fen"),
             Column(self.tr("ROI"), "float", field="roi", fmt=times),
             Column(self.tr("Pay back"), get=lambda k: self.tr("%1 of %2").replace("%1", str(k.paid_back))
                    .replace("%2", str(k.with_roi)))],
            self, search=False, key=lambda k: k.kind, name="promotions.compare.kinds")
        self.kinds.setMaximumHeight(150)
        self.table.sig_activated.connect(lambda r: self.open_effect(r["id"]))

        bar = QHBoxLayout()
        bar.addWidget(self.prev_button)
        bar.addWidget(self.year_label)
        bar.addWidget(self.next_button)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(bar)
        hint = QLabel(self.tr("Every promotion ending in the year, measured in its channels and scope. Click a header "
                              "to sort; double-click a row for its effect. Per kind: which kind of promotion pays back?"),
                      self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.table, 3)
        layout.addWidget(QLabel(self.tr("By kind"), self))
        layout.addWidget(self.kinds, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.prev_button.clicked.connect(lambda: self.set_year(self.year - 1))
        self.next_button.clicked.connect(lambda: self.set_year(self.year + 1))
        resize_within_screen(self, 1200, 680)
        self.set_year(year)

    def _roi_tip(self, r: dict) -> str | None:
        if r.get("roi") is not None or r.get("gmv_fen") is None:
            return None
        if r.get("skus_without_cost"):
            return self.tr("%n SKU(s) sold without a unit cost", "", r["skus_without_cost"])
        if r.get("cost_fen") is None:
            return self.tr("No cost to divide by")
        return self.tr("No baseline before it")

    def set_year(self, year: int) -> None:
        self.year = year
        self.year_label.setText(str(year))
        db, today = self.ctx.db, self.ctx.today()

        def work(_task) -> tuple[int, list[dict], list]:
            from core.promotion_compare import compare_effects, effect_record, kind_summaries, year_range

            with db.session() as s:
                found = compare_effects(s, *year_range(year), today)
            return year, [effect_record(e) for e in found], kind_summaries(found)

        run_task(self, work, on_done=self._show)

    def _show(self, data: tuple[int, list[dict], list]) -> None:
        year, rows, kinds = data
        if year != self.year:
            return  # the owner moved on; that year's load follows
        self.loaded_year = year
        self.table.set_rows(rows, sort_column=3)
        self.kinds.set_rows(kinds)
        if not rows:
            self.banner.show_message(self.tr("No promotions end in %1.").replace("%1", str(year)), "info")
        else:
            self.banner.clear_message()

    def open_effect(self, promotion_id: int) -> EffectDialog:
        dialog = EffectDialog(self.ctx, promotion_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog


class PromotionEffectActions:
    """The Promotions tab's way into the effect panel and the comparison (mixed into PromotionsTab):
    Compare… beside Festivals…, Effect… in the right-click menu of its calendars and its list."""

    def add_effect_actions(self, bar) -> None:
        self.table.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.view.customContextMenuRequested.connect(self._list_menu)
        # the tab's context, as promotions_actions: self.tr() in a mixin would look in another one
        self.compare_button = QPushButton(QCoreApplication.translate("PromotionsTab", "Compare…"), self)
        self.compare_button.setObjectName("promotions.compare_button")
        self.compare_button.setToolTip(QCoreApplication.translate(
            "PromotionsTab", "Every promotion of the year side by side: which kind pays back?"))
        self.compare_button.clicked.connect(lambda: self.compare_promotions())
        bar.insertWidget(bar.indexOf(self.festivals_button), self.compare_button)

    def load_effects(self, session, today: dt.date) -> list:
        from core.promotion_effect import with_effects
        from core.promotions import promotion_rows

        return with_effects(session, promotion_rows(session, today), today)

    def show_effects(self, rows: list) -> None:
        self.table.set_rows(rows, sort_column=3)

    def _list_menu(self, pos):
        index = self.table.view.indexAt(pos)
        if not index.isValid():
            return None
        r = self.table.raw_row(index.row())
        return self._calendar_menu(r.id, r.start, self.table.view.viewport().mapToGlobal(pos))

    def show_effect(self, key: int) -> EffectDialog:
        dialog = EffectDialog(self.ctx, key, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def compare_promotions(self, year: int | None = None) -> CompareDialog:
        if year is None:  # the year on screen
            year = self.timeline.year if self.views.currentWidget() is self.timeline.parentWidget() else self.calendar.year
        dialog = CompareDialog(self.ctx, year, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

