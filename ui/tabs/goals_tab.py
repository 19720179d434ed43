"""目标 Goals: targets by period, channel and category, with progress so far."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from core.money import format_fen, format_fen_whole
from ui.labels import period_kind_name, platform_name
from ui.tabs.base import Part, TabPage
from ui.tabs.goals_chart import GoalsChart, period_range
from ui.tabs.goals_funnel import GoalsFunnel
from ui.tabs.goals_grid import GoalsGrid
from ui.widgets.export_button import ExportButton
from ui.widgets.filter_combo import FilterCombo
from ui.widgets.editors import CellEditor
from ui.widgets.record_form import FormField, RecordForm
from ui.widgets.record_table import RecordTable
from ui.widgets.table_model import CellEdit, Column

if TYPE_CHECKING:  # core.goals loads SQLAlchemy: only in load(), after the window is shown
    from sqlalchemy.orm import Session

    from core.goals import GoalRow

PERIOD_KINDS = ("year", "half", "quarter", "month")  # core.edits.goals.PERIOD_KINDS (no SQLAlchemy here)
BEHIND = "#c62828"
AHEAD = "#2e7d32"


def _progress_colour(value, row: GoalRow) -> str | None:
    expected = row.expected_progress
    if value is None or expected is None:
        return None
    return BEHIND if value < expected - 0.05 else AHEAD if value >= expected else None


def _pace_colour(value, _row) -> str | None:
    if value is None:
        return None
    return BEHIND if value < 0.95 else AHEAD if value >= 1 else None


STATUS_COLOURS = {"on_track": AHEAD, "achieved": AHEAD, "at_risk": "#b26a00", "behind": BEHIND, "missed": BEHIND}


def _status_colour(value, _row) -> str | None:
    return STATUS_COLOURS.get(value)


def _breakdown_colour(value, _row) -> str | None:
    return BEHIND if value else None


def period_label(kind: str, start: dt.date, end: dt.date) -> str:
    """``2026``, ``2026 H1``, ``2026 Q3``, ``2026-11``: sorts years first, then halves,
    quarters and months, and reads the way owners write their plans."""
    if kind == "year" and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return f"{start.year}"
    if kind == "half" and start.day == 1 and start.month in (1, 7):
        return f"{start.year} H{1 if start.month == 1 else 2}"
    if kind == "quarter" and start.day == 1 and start.month in (1, 4, 7, 10):
        return f"{start.year} Q{(start.month - 1) // 3 + 1}"
    if kind == "month" and start.day == 1:
        return f"{start:%Y-%m}"
    return f"{start} – {end}"  # a fiscal year or a custom period


@dataclass(frozen=True)
class GoalsParams:
    today: dt.date
    year: int  # the grid's, the funnel's and the chart's year
    breakdown: str  # the grid's columns (core.goal_grid.BREAKDOWNS)
    period: str = "Y"  # the chart's: Y, H1, Q3, 11 … (ui.tabs.goals_chart.PERIODS)


class GoalsTab(TabPage):
    key = "goals"
    topics = frozenset({"goals", "orders", "imports"})

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("goals.summary")
        self.kind_filter = FilterCombo(self.tr("All periods"), self)
        self.kind_filter.setObjectName("goals.kind_filter")
        self.kind_filter.set_choices([(period_kind_name(k), k) for k in PERIOD_KINDS])
        self.channel_filter = FilterCombo(self.tr("All channels"), self)
        self.channel_filter.setObjectName("goals.channel_filter")
        self.table = RecordTable(
            [
                Column(self.tr("Period"), get=lambda r: period_label(r.period_kind, r.period_start, r.period_end)),
                Column(self.tr("Kind"), field="period_kind", fmt=period_kind_name),
                Column(self.tr("Channel"), field="platform", fmt=platform_name),
                Column(self.tr("Category"), field="category", fmt=lambda c: c or self.tr("All categories")),
                Column(self.tr("Target GMV"), "money", field="target_gmv_fen", editor=CellEditor("money", placeholder="1.2万"),
                       tooltip=self.tr("Type the target in yuan (1299.90, ¥1,299.9 or 1.2万); Ctrl+Z undoes")),
                Column(self.tr("Actual GMV"), "money", field="actual_gmv_fen",
                       tooltip=self.tr("Paid GMV so far in the period, today included (spec: 支付金额)")),
                Column(self.tr("Achievement"), "rate", field="progress", colour=_progress_colour,
                       tooltip=self.tr("达成率: actual ÷ the whole period's target; red when behind the share of the "
                                       "period's finished days")),
                Column(self.tr("Gap"), "money", field="gap_fen",
                       tooltip=self.tr("Target − actual; negative when the target is passed")),
                Column(self.tr("Needed per day"), "money", field="needed_per_day_fen",
                       tooltip=self.tr("剩余日均需达成: the gap ÷ the days left, today included")),
                Column(self.tr("Forecast (run rate)"), "money", field="forecast_run_rate_fen",
                       tooltip=self.tr("The finished days' sales ÷ finished days × the period's days")),
                Column(self.tr("Forecast (last year's shape)"), "money", field="forecast_seasonal_fen",
                       tooltip=self.tr("The finished days' sales ÷ the share of last year's same period sold by the "
                                       "same date; — without last year's orders")),
                Column(self.tr("Status"), field="status", fmt=self._status_name, colour=_status_colour,
                       cell_tooltip=lambda _v, r: r.reason,
                       tooltip=self.tr("By last year's shape when there is one, else the run rate: on track at 100 % "
                                       "of the target, at risk from 90 %, behind below")),
                Column(self.tr("Pace"), "rate", field="pace", colour=_pace_colour,
                       tooltip=self.tr("Actual on the finished days ÷ the target for those days; today is not over, "
                                       "so it does not count yet")),
                Column(self.tr("Breakdown check"), get=self._breakdown_text, colour=_breakdown_colour,
                       tooltip=self.tr("Months, channels or categories whose goals do not add up to this goal")),
            ],
            self, key=lambda r: r.id, name="goals.table",
        )
        self.plan_button = QPushButton(self.tr("Plan a year…"), self)
        self.plan_button.setObjectName("goals.plan")
        self.plan_button.setToolTip(self.tr("Set a year's or half-year's target and split it into months, channels "
                                            "and categories by last year's orders"))
        self.plan_button.clicked.connect(self.plan_year)
        self.new_button = QPushButton(self.tr("New goal…"), self)
        self.new_button.setObjectName("goals.new")
        self.new_button.clicked.connect(self.new_goal)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setObjectName("goals.delete")
        self.delete_button.setToolTip(self.tr("Move the selected goals to the trash (Ctrl+Z or Edit → Trash… brings them back)"))
        self.delete_button.clicked.connect(self.delete_selected)
        delete_key = QShortcut(QKeySequence.StandardKey.Delete, self.table.view)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_selected)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show:"), self))
        bar.addWidget(self.kind_filter)
        bar.addWidget(self.channel_filter)
        bar.addStretch(1)
        bar.addWidget(self.plan_button)
        bar.addWidget(self.new_button)
        bar.addWidget(self.delete_button)
        self.year = QComboBox(self)
        self.year.setObjectName("goals.year")
        self.year.setToolTip(self.tr("The year the grid, the funnel and the chart show"))
        this_year = ctx.today().year
        for y in range(this_year - 2, this_year + 3):
            self.year.addItem(str(y), y)
        self.year.setCurrentIndex(self.year.findData(this_year))
        self.grid = GoalsGrid(self, self)
        self.year.currentIndexChanged.connect(self.refresh)
        self.grid.breakdown.currentIndexChanged.connect(self.refresh)
        tracking = QWidget(self)
        tracking_box = QVBoxLayout(tracking)
        tracking_box.setContentsMargins(0, 0, 0, 0)
        tracking_box.addLayout(bar)
        tracking_box.addWidget(self.table, 1)
        self.views = QTabWidget(self)
        self.views.setObjectName("goals.views")
        self.views.addTab(tracking, self.tr("Tracking"))
        self.views.addTab(self.grid, self.tr("Grid"))
        self.funnel = GoalsFunnel(self)
        self.views.addTab(self.funnel, self.tr("Funnel"))
        self.chart = GoalsChart(self)
        self.views.addTab(self.chart, self.tr("Chart"))
        self.chart.period.currentIndexChanged.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(QLabel(self.tr("Year:"), self))
        top.addWidget(self.year)
        self.body.addLayout(top)
        self.body.addWidget(self.views, 1)
        self.export_button = ExportButton(ctx, "goals", self)  # the same rows as `export goals FILE`
        self.table.toolbar.addWidget(self.export_button)
        self.kind_filter.currentIndexChanged.connect(lambda: self.table.proxy.set_exact("period_kind", self.kind_filter.value()))
        self.channel_filter.currentIndexChanged.connect(lambda: self.table.proxy.set_exact("platform", self.channel_filter.value()))
        self.table.sig_edits.connect(self.save_cells)
        self.table.sig_problem.connect(lambda text: self.banner.show_message(text, "error"))
        self._scrolled = False

    def _scroll_to_current_month(self) -> None:
        # Periods sort oldest first; the owner's question is about now, so start there.
        current = f"{self.ctx.today():%Y-%m}"
        for row in range(self.table.proxy.rowCount()):
            if self.table.proxy.index(row, 0).data() == current:
                self.table.view.scrollTo(self.table.proxy.index(row, 0), self.table.view.ScrollHint.PositionAtTop)
                return

    def title(self) -> str:
        return self.tr("Goals")

    def _status_name(self, code) -> str:
        return {"not_started": self.tr("not started"), "on_track": self.tr("on track"), "at_risk": self.tr("at risk"),
                "behind": self.tr("behind"), "achieved": self.tr("achieved"), "missed": self.tr("missed")}.get(code, "—")

    def _breakdown_text(self, row) -> str:
        names = {"months": self.tr("Months"), "channels": self.tr("Channels"), "categories": self.tr("Categories")}
        return "; ".join(self.tr("%1 total %2 (%3)").replace("%1", names[kind]).replace("%2", format_fen_whole(total))
                         .replace("%3", ("+" if diff > 0 else "") + format_fen_whole(diff))
                         for kind, total, diff in row.breakdowns_off)

    def _breakdown_sentence(self, kind: str, total: int, diff: int) -> str:
        """The year's months (channels, categories) that do not add up to its target, in words."""
        whose = {"months": self.tr("Its months' goals"), "channels": self.tr("Its channels' goals"),
                 "categories": self.tr("Its categories' goals")}[kind]
        text = (self.tr("%1 add up to %2, %3 over the year's target.") if diff > 0 else
                self.tr("%1 add up to %2, %3 under the year's target."))
        return text.replace("%1", whose).replace("%2", format_fen(total)).replace("%3", format_fen(abs(diff)))

    def view_params(self) -> GoalsParams:
        return GoalsParams(self.ctx.today(), self.year.currentData(), self.grid.breakdown.currentData(),
                           self.chart.period.currentData())

    def parts(self) -> list[Part]:
        return [Part("main", self.load, self.show_data), Part("grid", self.load_grid, self.grid.show_grid),
                Part("funnel", self.load_funnel, self.funnel.show_basis),
                Part("chart", self.load_chart, self.chart.show_progress)]

    def load(self, session: Session, params: GoalsParams) -> list[GoalRow]:
        from core.goals import goal_rows

        return goal_rows(session, params.today)

    @staticmethod
    def load_grid(session: Session, params: GoalsParams):
        from core.goal_grid import load_grid

        return load_grid(session, params.year, params.breakdown)

    @staticmethod
    def load_funnel(session: Session, params: GoalsParams):
        from core.goal_funnel import load_funnel_basis

        return load_funnel_basis(session, params.year)

    @staticmethod
    def load_chart(session: Session, params: GoalsParams):
        from core.goal_progress import load_progress

        start, end = period_range(params.year, params.period)
        return load_progress(session, start, end, params.today)

    def show_data(self, rows: list[GoalRow]) -> None:
        if not rows:
            self.banner.show_message(self.tr("No goals yet. Goals set for the year, month, channel or category appear here with their progress."))
        self.channel_filter.set_choices(sorted({(platform_name(r.platform), r.platform) for r in rows if r.platform}))
        self.table.set_rows(rows, sort_column=0)
        # After the view has laid out the new rows (the scroll range is updated by a posted
        # layout pass after the model reset; scrolling before it would be undone).
        if not self._scrolled:  # once: a reload after an edit keeps the owner's place
            self._scrolled = True
            QTimer.singleShot(50, self._scroll_to_current_month)
        year = next((r for r in rows if r.period_kind == "year" and not r.platform and not r.category
                     and r.period_start <= self.ctx.today() <= r.period_end), None)
        if year and year.actual_gmv_fen is not None:
            self.summary.setText(
                self.tr("This year: %1 of %2 (%3), with %4 of the year gone.")
                .replace("%1", format_fen(year.actual_gmv_fen))
                .replace("%2", format_fen(year.target_gmv_fen))
                .replace("%3", f"{(year.progress or 0) * 100:.1f}%")
                .replace("%4", f"{(year.expected_progress or 0) * 100:.0f}%")
                + "".join(" " + self._breakdown_sentence(kind, total, diff) for kind, total, diff in year.breakdowns_off)
            )
        else:
            self.summary.setText("")

    # -- editing
    def save_cells(self, cells: list[CellEdit]) -> None:
        from core.edits import Batch
        from core.edits.goals import SetGoalFields

        edits = tuple(SetGoalFields.of(c.key, **{c.field: c.value}) for c in cells)
        self.run_cell_edits(self.table, cells, edits[0] if len(edits) == 1 else Batch(edits, cells=len(cells)))

    def delete_selected(self) -> None:
        from core.edits.goals import DeleteGoals

        records = self.table.selected_records()
        if not records:
            self.banner.show_message(self.tr("Select the goals to delete first."), "info")
            return
        self.banner.clear_message()
        self.ctx.edits.run(DeleteGoals(tuple(r.id for r in records)), parent=self)  # core names them

    def plan_year(self):
        from ui.dialogs.goal_plan_wizard import PlanWizard

        wizard = PlanWizard(self.ctx, self)
        wizard.open()
        return wizard

    def new_goal(self) -> RecordForm:
        from core.edits.goals import AddGoal, period_end
        from core.orders import PLATFORMS

        today = self.ctx.today()
        fields = [
            FormField("period_kind", self.tr("Period"), CellEditor(
                "choice", choices=lambda: [(period_kind_name(k), k) for k in PERIOD_KINDS]), "month"),
            FormField("period_start", self.tr("Starts on"), CellEditor("date"), today.replace(day=1),
                      hint=self.tr("The first day of the year, half-year, quarter or month")),
            FormField("platform", self.tr("Channel"), CellEditor(
                "choice", optional=True, none_label=self.tr("All channels"),
                choices=lambda: [(platform_name(p), p) for p in PLATFORMS])),
            FormField("category", self.tr("Category (empty: all)"), CellEditor("text", optional=True, max_length=80)),
            FormField("target_gmv_fen", self.tr("Target GMV (yuan)"), CellEditor("money", placeholder="12万")),
        ]

        def make(values: dict) -> AddGoal:
            start = values["period_start"]
            return AddGoal(values["period_kind"], start, period_end(values["period_kind"], start),
                           values["target_gmv_fen"], values["platform"] or "", values["category"] or "")

        form = RecordForm(self.ctx, "goals.new_form", self.tr("New goal"), fields, make, self)
        form.open()
        return form
