"""促销日历 Promotions: a month calendar of platform festivals and the shop's own promotions (the
default view), and the list with dates, budget and results.

On the calendar a click on a day opens the new-promotion form starting that day, a double click
on a bar edits it, dragging a bar moves it and dragging one of its ends changes that date; the
right-click menu edits, copies to next year or deletes. Every change is a core edit
(``core.edits.promotions``) on the one editing path, so Ctrl+Z takes it back.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.labels import platform_name, promotion_kind_name, promotion_status_name
from ui.tabs.base import Part, TabPage
from ui.tabs.promotions_actions import PromotionActions
from ui.tabs.promotions_effect import PromotionEffectActions, percent, signed_rate, times
from ui.tabs.promotions_exports import CalendarXlsxButton, IcsExportButton
from ui.tabs.promotions_form import KINDS, STATUSES, PlanData
from ui.tabs.promotions_texts import bar_details, bar_tooltip, budget_text, cost_text
from ui.widgets.calendar_bars import KIND_COLOURS, CalendarItem, DayMark
from ui.widgets.export_button import ExportButton
from ui.widgets.filter_combo import FilterCombo
from ui.widgets.month_calendar import MonthCalendar
from ui.widgets.record_table import RecordTable
from ui.widgets.table_model import Column
from ui.widgets.week_calendar import WeekCalendar
from ui.widgets.year_timeline import YearTimeline
from ui.widgets.view_buttons import ViewButtons

if TYPE_CHECKING:  # core.promotions loads SQLAlchemy: only in load(), after the window is shown
    from sqlalchemy.orm import Session

    from core.promotions import PromotionRow

MONTH, LIST, YEAR, WEEK = 0, 1, 2, 3  # the pages of PromotionsTab.views, in the order they came
LETTERS = {"taobao": "T", "jd": "J", "pdd": "P", "douyin": "D", "kuaishou": "K", "youzan": "Y", "shopify": "S",
           "wechat": "W", "xiaohongshu": "X", "offline": "O", "other": "?"}


def _times(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}×"


def _scrolling(view: QWidget) -> QScrollArea:
    """The calendar in a frameless scroll area: it keeps the height its rows need, and a small window
    (1024 × 640) scrolls it instead of being forced taller by it (issue #13)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(view)
    return area


def channel_letters(platforms: tuple[str, ...]) -> str:
    return "·".join(LETTERS.get(p, p[:1].upper()) for p in platforms)


class PromotionsTab(PromotionActions, PromotionEffectActions, TabPage):
    key = "promotions"
    topics = frozenset({"promotions", "orders", "imports"})

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self._rows: list[PromotionRow] = []
        self.plan = PlanData()
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
        self.show_week = QToolButton(self)
        self.show_week.setText(self.tr("Week view"))
        self.show_week.setObjectName("promotions.show_week")
        self.show_year = QToolButton(self)
        self.show_year.setText(self.tr("Year view"))
        self.show_year.setObjectName("promotions.show_year")
        self.show_list = QToolButton(self)
        self.show_list.setText(self.tr("List view"))
        self.show_list.setObjectName("promotions.show_list")
        group = ViewButtons(self)  # each a Tab stop; arrows move along them
        for i, button in ((MONTH, self.show_month), (WEEK, self.show_week), (YEAR, self.show_year),
                          (LIST, self.show_list)):
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
        self.festivals_button = QPushButton(self.tr("Festivals…"), self)
        self.festivals_button.setObjectName("promotions.festivals_button")
        self.festivals_button.setToolTip(self.tr("Choose the festivals shown for each platform and add your own"))
        self.festivals_button.clicked.connect(lambda: self.edit_festivals())

        self.calendar = MonthCalendar(self, name="promotions.calendar")
        self.calendar.setToolTip("")
        self.timeline = YearTimeline(self, name="promotions.year")
        self.week = WeekCalendar(self, name="promotions.week")
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
                Column(self.tr("Budget"), "money", field="budget_fen", cell_tooltip=lambda _v, r: budget_text(r)),
                Column(self.tr("Target GMV"), "money", field="target_gmv_fen"),
                Column(self.tr("% of target"), "rate", field="target_progress", fmt=percent),
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
                    "running promotion)"), cell_tooltip=lambda _v, r: cost_text(r, long=True)),
                Column(self.tr("Cost basis"), get=cost_text, tooltip=self.tr(
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
        month_box.addWidget(_scrolling(self.calendar), 1)
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
        year_box.addWidget(_scrolling(self.timeline), 1)
        self.year_legend = QLabel(self)
        self.year_legend.setObjectName("promotions.year_legend")
        self.year_legend.setWordWrap(True)
        self.year_legend.setText(self._year_legend())
        year_box.addWidget(self.year_legend)
        self.views.addWidget(month_page)  # MONTH
        self.views.addWidget(list_page)  # LIST
        self.views.addWidget(year_page)  # YEAR
        week_page = QWidget(self)
        week_page.setObjectName("promotions.week_view")
        week_box = QVBoxLayout(week_page)
        week_box.setContentsMargins(0, 0, 0, 0)
        week_box.addWidget(_scrolling(self.week), 1)
        self.week_legend = QLabel(self)
        self.week_legend.setObjectName("promotions.week_legend")
        self.week_legend.setWordWrap(True)
        self.week_legend.setText(self._legend())
        week_box.addWidget(self.week_legend)
        self.views.addWidget(week_page)  # WEEK
        group.idClicked.connect(self._show_view)

        bar = QHBoxLayout()
        bar.addWidget(self.show_month)
        bar.addWidget(self.show_week)
        bar.addWidget(self.show_year)
        bar.addWidget(self.show_list)
        bar.addSpacing(12)
        bar.addWidget(self.prev_button)
        bar.addWidget(self.today_button)
        bar.addWidget(self.next_button)
        bar.addWidget(self.month_label)
        bar.addStretch(1)
        # Two rows, so that the English window fits a 1024-pixel screen: what is running, the filters,
        # comparing and adding above, the views, navigation and exports below.
        top = QHBoxLayout()
        top.addWidget(self.next_label, 1)
        top.addWidget(QLabel(self.tr("Show:"), self))
        top.addWidget(self.kind_filter)
        top.addWidget(self.status_filter)
        top.addWidget(self.festivals_button)
        top.addWidget(self.new_button)
        self.body.addLayout(top)
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
        self.export_calendar_button = CalendarXlsxButton(ctx, "promotion-calendar", self, name="export_calendar",
                                                         suggested=self._xlsx_name, date_range=self.ics_range)
        bar.addWidget(self.export_calendar_button)

        self.kind_filter.currentIndexChanged.connect(self._filters_changed)
        self.status_filter.currentIndexChanged.connect(self._filters_changed)
        self.prev_button.clicked.connect(lambda: self._go(-1))
        self.next_button.clicked.connect(lambda: self._go(1))
        self.today_button.clicked.connect(self._go_today)
        self.timeline.sig_year_changed.connect(lambda *_: self._year_changed())
        self.timeline.sig_item_activated.connect(self.edit_promotion)
        self.timeline.sig_day_clicked.connect(self.new_promotion)
        self.timeline.sig_item_menu.connect(self._calendar_menu)
        self.timeline.sig_move.connect(lambda key, days: self._run_move(key, days, "both"))
        self.timeline.sig_resize.connect(lambda key, edge, days: self._run_move(key, days, edge))
        self.timeline.sig_delete.connect(lambda key: self.delete_promotions([key]))
        self.calendar.sig_month_changed.connect(lambda *_: self._month_changed())
        self.calendar.sig_day_clicked.connect(self.new_promotion)
        self.calendar.sig_item_activated.connect(self.edit_promotion)
        self.calendar.sig_item_menu.connect(self._calendar_menu)
        self.calendar.sig_move.connect(lambda key, days: self._run_move(key, days, "both"))
        self.calendar.sig_resize.connect(lambda key, edge, days: self._run_move(key, days, edge))
        self.calendar.sig_delete.connect(lambda key: self.delete_promotions([key]))
        self.week.sig_week_changed.connect(lambda *_: self._week_changed())
        self.week.sig_day_clicked.connect(self.new_promotion)
        self.week.sig_item_activated.connect(self.edit_promotion)
        self.week.sig_item_menu.connect(self._calendar_menu)
        self.week.sig_move.connect(lambda key, days: self._run_move(key, days, "both"))
        self.week.sig_resize.connect(lambda key, edge, days: self._run_move(key, days, edge))
        self.week.sig_delete.connect(lambda key: self.delete_promotions([key]))
        self.table.sig_activated.connect(lambda r: self.edit_promotion(r.id))
        self.add_effect_actions(top)  # Compare… beside Festivals…, Effect… on the list's right-click (promotions_effect)
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
                "today is outlined in blue. Click a bar to edit it, an empty day to plan a promotion there; drag a "
                "bar to move it (a row down is a month later) or its end to change that date; Ctrl+Z undoes; "
                "‹ › change the year."))

    def _show_view(self, index: int) -> None:
        now = self.views.currentIndex()
        if now == WEEK and index != WEEK:  # the month of the week the owner was looking at
            middle = self.week.monday + dt.timedelta(days=3)
            self.calendar.set_month(middle.year, middle.month)
            now = MONTH
        if index == YEAR and now == MONTH:
            self.timeline.set_year(self.calendar.year)  # the year of the month the owner was looking at
        elif index == MONTH and now == YEAR and self.timeline.year != self.calendar.year:
            today = self.ctx.today()
            self.calendar.set_month(self.timeline.year, today.month if self.timeline.year == today.year else 1)
        elif index == WEEK and now != WEEK:
            if now == YEAR and self.timeline.year != self.calendar.year:
                today = self.ctx.today()
                self.calendar.set_month(self.timeline.year, today.month if self.timeline.year == today.year else 1)
            today = self.ctx.today()
            c = self.calendar  # this week when it is in the month shown, else the month's first week
            self.week.set_week(today if (today.year, today.month) == (c.year, c.month) else dt.date(c.year, c.month, 1))
        self.views.setCurrentIndex(index)
        for w in (self.prev_button, self.next_button, self.today_button, self.month_label):
            w.setVisible(index != LIST)
        year = index == YEAR
        week = index == WEEK
        self.prev_button.setToolTip(self.tr("Previous year (Page Up)") if year else self.tr("Previous week (Page Up)")
                                    if week else self.tr("Previous month (Page Up)"))
        self.next_button.setToolTip(self.tr("Next year (Page Down)") if year else self.tr("Next week (Page Down)")
                                    if week else self.tr("Next month (Page Down)"))
        self._update_month_label()

    def show_view(self, index: int) -> None:
        """Switch to MONTH, WEEK, YEAR or LIST as the toggle buttons do."""
        {MONTH: self.show_month, WEEK: self.show_week, YEAR: self.show_year, LIST: self.show_list}[index].click()

    def _go(self, by: int) -> None:
        {YEAR: self.timeline, WEEK: self.week}.get(self.views.currentIndex(), self.calendar).go(by)

    def _go_today(self) -> None:
        {YEAR: self.timeline, WEEK: self.week}.get(self.views.currentIndex(), self.calendar).go_today()

    def _week_changed(self) -> None:
        self._update_month_label()
        self.week.set_marks(self._marks(self.week.first_day(), self.week.last_day()))

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
        if self.views.currentIndex() == WEEK:
            a, b = self.week.first_day(), self.week.last_day()
            fmt = self.tr("MMM d")
            self.month_label.setText(self.tr("%1 – %2, %3")
                                     .replace("%1", QLocale().toString(QDate(a.year, a.month, a.day), fmt))
                                     .replace("%2", QLocale().toString(QDate(b.year, b.month, b.day), fmt))
                                     .replace("%3", str(b.year)))
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
        if self.views.currentIndex() == WEEK:
            return self.week.first_day(), self.week.last_day()
        if self.views.currentIndex() == MONTH:
            from core.calendar_layout import shift_month

            y, m = shift_month(c.year, c.month, 1)
            return dt.date(c.year, c.month, 1), dt.date(y, m, 1) - dt.timedelta(days=1)
        year = self.timeline.year if self.views.currentIndex() == YEAR else c.year
        return dt.date(year, 1, 1), dt.date(year, 12, 31)

    def _ics_name(self) -> str:
        start, end = self.ics_range()
        if self.views.currentIndex() == WEEK:
            return f"promotions-{start:%Y-%m-%d}.ics"
        return f"promotions-{start:%Y-%m}.ics" if start.month == end.month else f"promotions-{start:%Y}.ics"

    def _xlsx_name(self) -> str:
        return self._ics_name().removesuffix(".ics").replace("promotions-", "promotion-calendar-") + ".xlsx"

    # ------------------------------------------------------------------ data

    def load(self, session: Session, today: dt.date) -> tuple[list[PromotionRow], frozenset[str], PlanData]:
        from core.festival_choices import load_choices
        from core.festivals import festivals  # warms the lunar calendar off the GUI thread
        from core.promotion_scope import promotion_scopes
        from core.promotion_warnings import load, warnings_by_id
        from core.promotions import promotion_rows, shop_channels

        for year in (today.year - 1, today.year, today.year + 1):
            festivals(year)
        planned, skus = load(session)
        warnings = warnings_by_id(planned, skus)
        plan = PlanData(planned, skus, promotion_scopes(session), warnings, load_choices(session))
        return promotion_rows(session, today), shop_channels(session), plan

    def parts(self) -> list[Part]:
        # The calendar needs only the promotions; the list's figures (core.promotion_effect: a few
        # queries per promotion) come in beside it, so a big shop's calendar is not kept waiting.
        return [Part("main", self.load, self.show_data), Part("effects", self.load_effects, self.show_effects)]

    def _marks(self, first: dt.date | None = None, last: dt.date | None = None) -> list[DayMark]:
        from core.festivals import festivals_between
        from core.i18n import language

        zh = language() == "zh_CN"
        c = self.calendar
        try:
            found = festivals_between(first or c.first_day(), last or c.last_day(), self.plan.festival_choices)
        except Exception:  # noqa: BLE001 - a year without a festival calendar shows no festivals
            return []
        # Only the festivals of the shop's own channels (all of them before its first import):
        # Black Friday is noise to a Taobao shop, as 双11 is to a Shopify one.
        return [DayMark(f.name_zh if zh else f.name_en, f.kind, f.start, f.end) for f in found
                if not self._channels_sold or set(f.platforms) & self._channels_sold]

    def _tooltip(self, r: PromotionRow) -> str:
        return bar_tooltip(r, self._channels(r.platforms), self.plan.scopes.get(r.id))

    def _details(self, r: PromotionRow) -> str:
        return bar_details(r, self._channels(r.platforms))

    def _fill_calendar(self) -> None:
        kind, status = self.kind_filter.value(), self.status_filter.value()
        items = [CalendarItem(r.id, r.name, r.kind, r.start, r.end, channel_letters(r.platforms), r.phases,
                              r.status == "cancelled", self._tooltip(r), tuple(self.plan.warnings.get(r.id, ())),
                              self._details(r))
                 for r in self._rows if (kind is None or r.kind == kind) and (status is None or r.status == status)]
        self.calendar.set_items(items, self._marks())
        self.timeline.set_items(items, self._marks(self.timeline.first_day(), self.timeline.last_day()))
        self.week.set_items(items, self._marks(self.week.first_day(), self.week.last_day()))

    def show_data(self, data: tuple[list[PromotionRow], frozenset[str], PlanData]) -> None:
        rows, self._channels_sold, self.plan = data
        self._rows = rows
        today = self.ctx.today()
        if not self._shown_once:  # the owner's month stays put across reloads
            self._shown_once = True
            self.calendar.set_today(today)
            self.calendar.go_today()
            self.timeline.set_today(today)
            self.timeline.go_today()
            self.week.set_today(today)
            self.week.go_today()
            self._update_month_label()
        else:
            self.calendar.set_today(today)
            self.timeline.set_today(today)
            self.week.set_today(today)
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

    def _row(self, key: int) -> PromotionRow | None:
        return next((r for r in self._rows if r.id == key), None)

