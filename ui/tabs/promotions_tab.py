"""促销日历 Promotions: a month calendar of platform festivals and the shop's own promotions (the
default view), and the list with dates, budget and results.

On the calendar a click on a day opens the new-promotion form starting that day, a double click
on a bar edits it, dragging a bar moves it and dragging one of its ends changes that date; the
right-click menu edits, copies to next year or deletes. Every change is a core edit
(``core.edits.promotions``) on the one editing path, so Ctrl+Z takes it back.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.money import format_fen
from ui.labels import platform_name, promotion_kind_name, promotion_status_name
from ui.tabs.base import Part, TabPage
from ui.tabs.promotions_effect import CompareDialog, EffectDialog, signed_rate, times
from ui.widgets.editors import CellEditor
from ui.widgets.export_button import ExportButton
from ui.widgets.filter_combo import FilterCombo
from ui.widgets.month_calendar import KIND_COLOURS, CalendarItem, DayMark, MonthCalendar
from ui.widgets.record_form import FormField, RecordForm
from ui.widgets.record_table import RecordTable
from ui.widgets.table_model import Column
from ui.widgets.year_timeline import YearTimeline

if TYPE_CHECKING:  # core.promotions loads SQLAlchemy: only in load(), after the window is shown
    from sqlalchemy.orm import Session

    from core.promotions import PromotionRow

class IcsExportButton(ExportButton):
    """Calendar (.ics)…: the promotions of the month or year on screen as a calendar file that phones
    and Outlook import (core.promotions_ics, the same as ``export promotions FILE.ics``)."""

    def export(self, path: str | None = None) -> None:
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export calendar"), self._suggested(),
                                                        self.tr("Calendar (*.ics)"))
            if not path:
                return
            if not path.lower().endswith(".ics"):
                path += ".ics"
        super().export(path)


MONTH, LIST, YEAR = 0, 1, 2  # the pages of PromotionsTab.views (the list was the second before the year came)
KINDS = ("festival", "platform", "own")  # core.edits.promotions.KINDS (no SQLAlchemy here)
STATUSES = ("planned", "running", "done", "cancelled")
PLATFORM_IDS = ("taobao", "jd", "pdd", "douyin", "kuaishou", "youzan", "shopify", "wechat", "xiaohongshu",
                "offline", "other")  # core.orders.PLATFORMS
LETTERS = {"taobao": "T", "jd": "J", "pdd": "P", "douyin": "D", "kuaishou": "K", "youzan": "Y", "shopify": "S",
           "wechat": "W", "xiaohongshu": "X", "offline": "O", "other": "?"}


def _times(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}×"


def channel_letters(platforms: tuple[str, ...]) -> str:
    return "·".join(LETTERS.get(p, p[:1].upper()) for p in platforms)


def parse_channels(text: str) -> list[str]:
    """Channels as typed in the form: names in the UI language or ids, separated by commas,
    ``、`` or spaces. An unknown one is passed on as it is, for core to refuse by name."""
    by_name = {platform_name(p).casefold(): p for p in PLATFORM_IDS}
    out = []
    for token in re.split(r"[,，、;；\s]+", text or ""):
        if token:
            out.append(by_name.get(token.casefold(), token.casefold() if token.casefold() in PLATFORM_IDS else token))
    return out


class PromotionsTab(TabPage):
    key = "promotions"
    topics = frozenset({"promotions", "orders", "imports"})

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self._rows: list[PromotionRow] = []
        self._channels_sold: frozenset[str] = frozenset()
        self._shown_once = False
        self.next_label = QLabel(self)
        self.next_label.setWordWrap(True)
        self.kind_filter = FilterCombo(self.tr("All kinds"), self)
        self.kind_filter.setObjectName("promotions.kind_filter")
        self.kind_filter.set_choices([(promotion_kind_name(k), k) for k in KINDS])
        self.status_filter = FilterCombo(self.tr("Any status"), self)
        self.status_filter.setObjectName("promotions.status_filter")
        self.status_filter.set_choices([(promotion_status_name(k), k) for k in STATUSES])

        # the three views: month (default), year timeline and list; ids are their pages in self.views
        self.show_month = QToolButton(self)
        self.show_month.setText(self.tr("Month view"))
        self.show_month.setObjectName("promotions.show_month")
        self.show_year = QToolButton(self)
        self.show_year.setText(self.tr("Year view"))
        self.show_year.setObjectName("promotions.show_year")
        self.show_list = QToolButton(self)
        self.show_list.setText(self.tr("List view"))
        self.show_list.setObjectName("promotions.show_list")
        group = QButtonGroup(self)
        for i, button in ((MONTH, self.show_month), (YEAR, self.show_year), (LIST, self.show_list)):
            button.setCheckable(True)
            group.addButton(button, i)
        self.show_month.setChecked(True)
        self.prev_button = QToolButton(self)
        self.prev_button.setText("‹")
        self.prev_button.setObjectName("promotions.prev")
        self.prev_button.setToolTip(self.tr("Previous month (Page Up)"))
        self.next_button = QToolButton(self)
        self.next_button.setText("›")
        self.next_button.setObjectName("promotions.next")
        self.next_button.setToolTip(self.tr("Next month (Page Down)"))
        self.today_button = QPushButton(self.tr("Today"), self)
        self.today_button.setObjectName("promotions.today")
        self.month_label = QLabel(self)
        self.month_label.setObjectName("promotions.month")
        font = self.month_label.font()
        font.setPointSizeF(font.pointSizeF() + 2)
        font.setBold(True)
        self.month_label.setFont(font)
        self.new_button = QPushButton(self.tr("New promotion…"), self)
        self.new_button.setObjectName("promotions.new")
        self.new_button.clicked.connect(lambda: self.new_promotion(None))

        self.calendar = MonthCalendar(self, name="promotions.calendar")
        self.calendar.setToolTip("")
        self.timeline = YearTimeline(self, name="promotions.year")
        self.legend = QLabel(self)
        self.legend.setObjectName("promotions.legend")
        self.legend.setWordWrap(True)
        self.legend.setText(self._legend())
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
                    "Paid GMV of the promotion's channels, and of its categories or SKUs when it names them, "
                    "between its start and end (to today while it runs). Promotions that overlap share the same "
                    "days' sales.")),
                Column(self.tr("Baseline"), "money", field="baseline_fen", tooltip=self.tr(
                    "GMV of the same number of days right before it, in the same channels and scope")),
                Column(self.tr("Last year"), "money", field="baseline_last_year_fen",
                       tooltip=self.tr("GMV of the same festival last year, in the same channels and scope")),
                Column(self.tr("Uplift"), "rate", field="uplift", fmt=signed_rate),
                Column(self.tr("Cost"), "money", field="cost_fen", tooltip=self.tr(
                    "Measured cost; while no result is recorded, the budget (prorated to the days run for a "
                    "running promotion)"), cell_tooltip=lambda _v, r: self._cost_text(r, long=True)),
                Column(self.tr("Cost basis"), get=self._cost_text, tooltip=self.tr(
                    "Where the cost comes from: a measured result, the budget prorated to the days a running "
                    "promotion has run (so ROAS compares like with like), or the whole budget")),
                Column(self.tr("ROAS"), "float", field="roas", fmt=_times, tooltip=self.tr("GMV ÷ cost")),
                Column(self.tr("Incremental ROI"), "float", field="incremental_roi", fmt=_times, tooltip=self.tr("(GMV − baseline) ÷ cost: what the money really bought")),
                Column(self.tr("ROI"), "float", field="roi", fmt=times, tooltip=self.tr(
                    "Incremental gross profit ÷ cost (right-click → Effect… for the details)"),
                       cell_tooltip=lambda v, r: self.tr("%n SKU(s) sold without a unit cost", "", r.skus_without_cost)
                       if v is None and r.skus_without_cost else None),
                Column(self.tr("Status"), field="status", fmt=promotion_status_name),
            ],
            self, key=lambda r: r.id, name="promotions.table",
        )
        month_page = QWidget(self)
        month_page.setObjectName("promotions.month_view")
        month_box = QVBoxLayout(month_page)
        month_box.setContentsMargins(0, 0, 0, 0)
        month_box.addWidget(self.calendar, 1)
        month_box.addWidget(self.legend)
        list_page = QWidget(self)
        list_page.setObjectName("promotions.list")
        list_box = QVBoxLayout(list_page)
        list_box.setContentsMargins(0, 0, 0, 0)
        list_box.addWidget(self.table)
        self.views = QStackedWidget(self)
        self.views.setObjectName("promotions.views")
        year_page = QWidget(self)
        year_page.setObjectName("promotions.year_view")
        year_box = QVBoxLayout(year_page)
        year_box.setContentsMargins(0, 0, 0, 0)
        year_box.addWidget(self.timeline, 1)
        self.year_legend = QLabel(self)
        self.year_legend.setObjectName("promotions.year_legend")
        self.year_legend.setWordWrap(True)
        self.year_legend.setText(self._year_legend())
        year_box.addWidget(self.year_legend)
        self.views.addWidget(month_page)  # MONTH
        self.views.addWidget(list_page)  # LIST
        self.views.addWidget(year_page)  # YEAR
        group.idClicked.connect(self._show_view)

        bar = QHBoxLayout()
        bar.addWidget(self.show_month)
        bar.addWidget(self.show_year)
        bar.addWidget(self.show_list)
        bar.addSpacing(12)
        bar.addWidget(self.prev_button)
        bar.addWidget(self.today_button)
        bar.addWidget(self.next_button)
        bar.addWidget(self.month_label)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("Show:"), self))
        bar.addWidget(self.kind_filter)
        bar.addWidget(self.status_filter)
        bar.addWidget(self.new_button)
        self.body.addWidget(self.next_label)
        self.body.addLayout(bar)
        self.body.addWidget(self.views, 1)
        # On the bar above both views: the same rows as `export promotions FILE`.
        self.export_button = ExportButton(ctx, "promotions", self)
        bar.addWidget(self.export_button)
        self.export_ics_button = IcsExportButton(ctx, "promotions", self, name="export_ics",
                                                 suggested=self._ics_name, date_range=self.ics_range)
        self.export_ics_button.setText(self.tr("Calendar (.ics)…"))
        self.export_ics_button.setToolTip(self.tr(
            "Write the promotions of the month on screen (in the year and list views: of the year) to an .ics "
            "file that phones, Outlook and Google Calendar import: one all-day event per promotion and phase"))
        bar.addWidget(self.export_ics_button)

        self.kind_filter.currentIndexChanged.connect(self._filters_changed)
        self.status_filter.currentIndexChanged.connect(self._filters_changed)
        self.prev_button.clicked.connect(lambda: self._go(-1))
        self.next_button.clicked.connect(lambda: self._go(1))
        self.today_button.clicked.connect(self._go_today)
        self.timeline.sig_year_changed.connect(lambda *_: self._year_changed())
        self.timeline.sig_item_activated.connect(self.edit_promotion)
        self.timeline.sig_day_clicked.connect(self.new_promotion)
        self.timeline.sig_item_menu.connect(self._calendar_menu)
        self.calendar.sig_month_changed.connect(lambda *_: self._month_changed())
        self.calendar.sig_day_clicked.connect(self.new_promotion)
        self.calendar.sig_item_activated.connect(self.edit_promotion)
        self.calendar.sig_item_menu.connect(self._calendar_menu)
        self.calendar.sig_move.connect(lambda key, days: self._run_move(key, days, "both"))
        self.calendar.sig_resize.connect(lambda key, edge, days: self._run_move(key, days, edge))
        self.calendar.sig_delete.connect(lambda key: self.delete_promotions([key]))
        self.table.sig_activated.connect(lambda r: self.edit_promotion(r.id))
        self.table.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.view.customContextMenuRequested.connect(self._list_menu)
        self.compare_button = QPushButton(self.tr("Compare…"), self)
        self.compare_button.setObjectName("promotions.compare_button")
        self.compare_button.setToolTip(self.tr("Every promotion of the year side by side: which kind pays back?"))
        self.compare_button.clicked.connect(lambda: self.compare_promotions())
        bar.insertWidget(bar.indexOf(self.export_button), self.compare_button)
        self._update_month_label()

    # ------------------------------------------------------------------ views

    def _legend(self) -> str:
        swatch = '<span style="color:{c}">■</span> {t}'
        kinds = "&nbsp;&nbsp;".join(swatch.format(c=KIND_COLOURS[k], t=promotion_kind_name(k)) for k in KINDS)
        letters = ", ".join(f"{LETTERS[p]} {platform_name(p)}" for p in ("taobao", "jd", "pdd", "douyin", "kuaishou", "shopify"))
        return (kinds + "&nbsp;&nbsp;·&nbsp;&nbsp;" + self.tr("Lighter: warm-up / pre-sale; darker: peak day") +
                "&nbsp;&nbsp;·&nbsp;&nbsp;" + letters + "<br>" +
                self.tr("Click a day to add a promotion; double-click a bar to edit it; drag it to move it, or drag its "
                        "end to change that date; right-click for more. Ctrl+Z undoes."))

    def _year_legend(self) -> str:
        swatch = '<span style="color:{c}">■</span> {t}'
        kinds = "&nbsp;&nbsp;".join(swatch.format(c=KIND_COLOURS[k], t=promotion_kind_name(k)) for k in KINDS)
        return (kinds + "&nbsp;&nbsp;·&nbsp;&nbsp;" + self.tr("Festivals are tinted and named above the bars; "
                "today is outlined in blue. Click a bar to edit it, an empty day to plan a promotion there; "
                "‹ › change the year."))

    def _show_view(self, index: int) -> None:
        if index == YEAR and self.views.currentIndex() == MONTH:
            self.timeline.set_year(self.calendar.year)  # the year of the month the owner was looking at
        elif index == MONTH and self.views.currentIndex() == YEAR and self.timeline.year != self.calendar.year:
            today = self.ctx.today()
            self.calendar.set_month(self.timeline.year, today.month if self.timeline.year == today.year else 1)
        self.views.setCurrentIndex(index)
        for w in (self.prev_button, self.next_button, self.today_button, self.month_label):
            w.setVisible(index != LIST)
        year = index == YEAR
        self.prev_button.setToolTip(self.tr("Previous year (Page Up)") if year else self.tr("Previous month (Page Up)"))
        self.next_button.setToolTip(self.tr("Next year (Page Down)") if year else self.tr("Next month (Page Down)"))
        self._update_month_label()

    def show_view(self, index: int) -> None:
        """Switch to MONTH, YEAR or LIST as the toggle buttons do."""
        {MONTH: self.show_month, YEAR: self.show_year, LIST: self.show_list}[index].click()

    def _go(self, by: int) -> None:
        if self.views.currentIndex() == YEAR:
            self.timeline.go(by)
        else:
            self.calendar.go(by)

    def _go_today(self) -> None:
        if self.views.currentIndex() == YEAR:
            self.timeline.go_today()
        else:
            self.calendar.go_today()

    def _year_changed(self) -> None:
        self._update_month_label()
        self.timeline.set_marks(self._marks(self.timeline.first_day(), self.timeline.last_day()))

    def _channels(self, platforms: tuple[str, ...]) -> str:
        return QLocale().createSeparatedList([platform_name(p) for p in platforms]) or self.tr("All channels")

    def _filters_changed(self) -> None:
        self.table.proxy.set_exact("kind", self.kind_filter.value())
        self.table.proxy.set_exact("status", self.status_filter.value())
        self._fill_calendar()

    def _update_month_label(self) -> None:
        c = self.calendar
        if self.views.currentIndex() == YEAR:
            self.month_label.setText(str(self.timeline.year))
            return
        self.month_label.setText(QLocale().toString(QDate(c.year, c.month, 1), self.tr("MMMM yyyy")))

    def _month_changed(self) -> None:
        self._update_month_label()
        self.calendar.set_marks(self._marks())

    def title(self) -> str:
        return self.tr("Promotions")

    def ics_range(self) -> tuple[dt.date, dt.date]:
        """The days the .ics export covers: the month on screen (its own days, not the grid's
        neighbours), or the whole year in the year view and the list."""
        c = self.calendar
        if self.views.currentIndex() == MONTH:
            from core.calendar_layout import shift_month

            y, m = shift_month(c.year, c.month, 1)
            return dt.date(c.year, c.month, 1), dt.date(y, m, 1) - dt.timedelta(days=1)
        year = self.timeline.year if self.views.currentIndex() == YEAR else c.year
        return dt.date(year, 1, 1), dt.date(year, 12, 31)

    def _ics_name(self) -> str:
        start, end = self.ics_range()
        return f"promotions-{start:%Y-%m}.ics" if start.month == end.month else f"promotions-{start:%Y}.ics"

    # ------------------------------------------------------------------ data

    def load(self, session: Session, today: dt.date) -> tuple[list[PromotionRow], frozenset[str]]:
        from core.festivals import festivals  # warms the lunar calendar off the GUI thread
        from core.promotions import promotion_rows, shop_channels

        for year in (today.year - 1, today.year, today.year + 1):
            festivals(year)
        return promotion_rows(session, today), shop_channels(session)

    def parts(self) -> list[Part]:
        # The calendar needs only the promotions; the list's figures (core.promotion_effect: a few
        # queries per promotion) come in beside it, so a big shop's calendar is not kept waiting.
        return [Part("main", self.load, self.show_data), Part("effects", self.load_effects, self.show_effects)]

    def load_effects(self, session: Session, today: dt.date) -> list[PromotionRow]:
        from core.promotion_effect import with_effects
        from core.promotions import promotion_rows

        return with_effects(session, promotion_rows(session, today), today)

    def show_effects(self, rows: list[PromotionRow]) -> None:
        self.table.set_rows(rows, sort_column=3)

    def _marks(self, first: dt.date | None = None, last: dt.date | None = None) -> list[DayMark]:
        from core.festivals import festivals_between
        from core.i18n import language

        zh = language() == "zh_CN"
        c = self.calendar
        try:
            found = festivals_between(first or c.first_day(), last or c.last_day())
        except Exception:  # noqa: BLE001 - a year without a festival calendar shows no festivals
            return []
        # Only the festivals of the shop's own channels (all of them before its first import):
        # Black Friday is noise to a Taobao shop, as 双11 is to a Shopify one.
        return [DayMark(f.name_zh if zh else f.name_en, f.kind, f.start, f.end) for f in found
                if not self._channels_sold or set(f.platforms) & self._channels_sold]

    def _tooltip(self, r: PromotionRow) -> str:
        lines = [f"<b>{r.name}</b>", f"{r.start.isoformat()} – {r.end.isoformat()} · {promotion_kind_name(r.kind)} · "
                 f"{promotion_status_name(r.status)}", self._channels(r.platforms)]
        lines += [f"{name}: {a:%m-%d} – {b:%m-%d}" for name, a, b in r.phases]
        if r.rules:
            from core.promotion_tiers import tier_text

            lines.append("; ".join(tier_text(rule) for rule in r.rules))
        if r.budget_fen:
            lines.append(self.tr("Budget %1").replace("%1", format_fen(r.budget_fen)))
        if r.note:
            lines.append(r.note)
        return "<br>".join(lines)

    def _fill_calendar(self) -> None:
        kind, status = self.kind_filter.value(), self.status_filter.value()
        items = [CalendarItem(r.id, r.name, r.kind, r.start, r.end, channel_letters(r.platforms), r.phases,
                              r.status == "cancelled", self._tooltip(r))
                 for r in self._rows if (kind is None or r.kind == kind) and (status is None or r.status == status)]
        self.calendar.set_items(items, self._marks())
        self.timeline.set_items(items, self._marks(self.timeline.first_day(), self.timeline.last_day()))

    def show_data(self, data: tuple[list[PromotionRow], frozenset[str]]) -> None:
        rows, self._channels_sold = data
        self._rows = rows
        today = self.ctx.today()
        if not self._shown_once:  # the owner's month stays put across reloads
            self._shown_once = True
            self.calendar.set_today(today)
            self.calendar.go_today()
            self.timeline.set_today(today)
            self.timeline.go_today()
            self._update_month_label()
        else:
            self.calendar.set_today(today)
            self.timeline.set_today(today)
        if not rows:
            self.banner.show_message(self.tr("No promotions yet. Click a day on the calendar (or New promotion…) to "
                                             "plan one; platform festivals are shaded on their days."))
        self._fill_calendar()
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

    def _cost_text(self, r: PromotionRow, long: bool = False) -> str:
        if r.cost_basis == "prorated" and r.days_run is not None:
            days = (r.end - r.start).days + 1
            if long:
                return (self.tr("Budget %1 prorated to the %2 of %3 days run so far")
                        .replace("%1", format_fen(r.budget_fen)).replace("%2", str(r.days_run)).replace("%3", str(days)))
            return self.tr("Budget × %1/%2 days").replace("%1", str(r.days_run)).replace("%2", str(days))
        if r.cost_basis == "measured":
            return self.tr("Measured")
        if r.cost_basis == "budget":
            return self.tr("Whole budget")
        return ""

    def _row(self, key: int) -> PromotionRow | None:
        return next((r for r in self._rows if r.id == key), None)

    # ------------------------------------------------------------------ editing

    def _fields(self, r: PromotionRow | None, day: dt.date) -> list[FormField]:
        from core.edits.promotions import phases_text
        from core.promotion_tiers import tiers_text

        return [
            FormField("name", self.tr("Name"), CellEditor("text", max_length=200, placeholder="会员日 / 店庆 / 双11"),
                      r.name if r else ""),
            FormField("kind", self.tr("Kind"), CellEditor("choice", choices=lambda: [(promotion_kind_name(k), k) for k in KINDS]),
                      r.kind if r else "own"),
            FormField("platforms", self.tr("Channels"), CellEditor("text", optional=True, max_length=300),
                      "、".join(platform_name(p) for p in r.platforms) if r else "",
                      hint=self.tr("Channel names separated by commas, e.g. Taobao/Tmall, Pinduoduo; empty: every channel")),
            FormField("start", self.tr("Start"), CellEditor("date"), r.start if r else day),
            FormField("end", self.tr("End"), CellEditor("date"), r.end if r else day),
            FormField("phases", self.tr("Phases"), CellEditor("text", optional=True, max_length=1000),
                      phases_text(r.phases) if r else "",
                      hint=self.tr("Optional: a name and two dates each, separated by ;  e.g. 预热 11-01~11-03; 正式 11-04~11-11")),
            FormField("rules", self.tr("Tiers"), CellEditor("text", optional=True, max_length=1000),
                      tiers_text(r.rules) if r else "",
                      hint=self.tr("Optional, separated by ;  e.g. 满300减30; 满500减60 — or 9折, 满500打8.5折, 15% off, "
                                   "满399送主人杯. Each tier asks for more and gives more than the one before.")),
            FormField("budget_fen", self.tr("Budget (yuan)"), CellEditor("money", placeholder="5000"),
                      r.budget_fen if r else 0),
            FormField("expected_uplift", self.tr("Expected uplift"), CellEditor("percent", optional=True, placeholder="30%"),
                      r.expected_uplift if r else None, hint=self.tr("How much more than usual you expect to sell, e.g. 30%")),
            FormField("status", self.tr("Status"), CellEditor(
                "choice", choices=lambda: [(promotion_status_name(k), k) for k in STATUSES]), r.status if r else "planned"),
            FormField("note", self.tr("Note"), CellEditor("text", optional=True, max_length=2000), r.note if r else ""),
        ]

    @staticmethod
    def _values(values: dict[str, Any]) -> dict[str, Any]:
        from core.edits.promotions import parse_phases
        from core.promotion_tiers import parse_tiers

        start = values["start"]
        return {
            "name": values["name"], "kind": values["kind"], "platforms": tuple(parse_channels(values["platforms"] or "")),
            "start": start, "end": values["end"], "phases": tuple(parse_phases(values["phases"] or "", year=start.year)),
            "rules": tuple(parse_tiers(values["rules"] or "")),
            "budget_fen": values["budget_fen"], "expected_uplift": values["expected_uplift"],
            "status": values["status"], "note": values["note"] or "",
        }

    def new_promotion(self, day: dt.date | None = None) -> RecordForm:
        from core.edits.promotions import AddPromotion

        day = day or self.ctx.today()
        form = RecordForm(self.ctx, "promotions.form", self.tr("New promotion"), self._fields(None, day),
                          lambda values: AddPromotion(**self._values(values)), self)
        form.setMinimumWidth(520)
        form.open()
        return form

    def edit_promotion(self, key: int) -> RecordForm | None:
        from core.edits.promotions import SetPromotionFields

        r = self._row(key)
        if r is None:
            return None
        form = RecordForm(self.ctx, "promotions.form", self.tr("Edit promotion"), self._fields(r, r.start),
                          lambda values: SetPromotionFields.of(key, **self._values(values)), self)
        form.setMinimumWidth(520)
        form.open()
        return form

    def _report(self, exc) -> None:
        self.banner.show_message(exc.message, "error")

    def _run_move(self, key: int, days: int, edge: str) -> None:
        from ui.dialogs.sop_move import run_promotion_move  # asks whether its SOP tasks move too

        self.banner.clear_message()
        run_promotion_move(self.ctx, self, key, days, edge, on_error=self._report)

    def create_sop_tasks(self, key: int):
        from ui.dialogs.sop_dialog import open_sop_dialog

        return open_sop_dialog(self.ctx, self, promotion_id=key)

    def duplicate_to_next_year(self, key: int) -> None:
        from core.edits.promotions import DuplicatePromotionToNextYear

        self.banner.clear_message()
        self.ctx.edits.run(DuplicatePromotionToNextYear(key), parent=self, on_error=self._report)

    def delete_promotions(self, keys: list[int]) -> None:
        from core.edits.promotions import DeletePromotions

        self.banner.clear_message()
        self.ctx.edits.run(DeletePromotions(tuple(keys)), parent=self, on_error=self._report)

    def _calendar_menu(self, key, day: dt.date, where) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("promotions.menu")
        if key is not None:
            menu.addAction(self.tr("Edit…"), lambda: self.edit_promotion(key))
            menu.addAction(self.tr("Effect…"), lambda: self.show_effect(key))
            menu.addAction(self.tr("Copy to next year"), lambda: self.duplicate_to_next_year(key))
            menu.addAction(self.tr("Create tasks from SOP…"), lambda: self.create_sop_tasks(key))
            menu.addSeparator()
            menu.addAction(self.tr("Delete"), lambda: self.delete_promotions([key]))
            menu.addSeparator()
        menu.addAction(self.tr("New promotion on %1…").replace("%1", day.isoformat()), lambda: self.new_promotion(day))
        menu.popup(where)
        return menu

    # ------------------------------------------------------------------ effect (promotions_effect)

    def _list_menu(self, pos) -> QMenu | None:
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
        if year is None:
            year = self.timeline.year if self.views.currentIndex() == YEAR else self.calendar.year
        dialog = CompareDialog(self.ctx, year, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog
