"""团队任务 Team: who does what by when — a kanban board by status and a filterable list.

Dropping a card on another column, the task form and the list all write through core edits
(``core.edits.team``), so every change is one Ctrl+Z. The tab's title counts the overdue tasks.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QStackedWidget, QWidget

from ui.labels import priority_name, task_status_name
from ui.tabs.base import Part, TabPage
from ui.tabs.team_badge import overdue_count
from ui.tabs.team_gantt import GanttView
from ui.tabs.team_print import print_week
from ui.tabs.team_staff import StaffView
from ui.tabs.team_forms import open_staff_form, open_task_form
from ui.tabs.team_kpi import KpiPanel
from ui.widgets.export_button import ExportButton
from ui.widgets.filter_combo import FilterCombo
from ui.widgets.kanban import Card, KanbanBoard
from ui.widgets.record_table import RecordTable
from ui.widgets.table_model import Column
from ui.widgets.view_buttons import ViewButtons

if TYPE_CHECKING:  # core.tasks loads SQLAlchemy: only in load(), after the window is shown
    from sqlalchemy.orm import Session

    from core.tasks import StaffRow, TaskRow

# core.tasks' codes, spelled out for the same reason (tests/ui/test_startup_imports.py checks it)
TODO, DOING, DONE, CANCELLED = "todo", "doing", "done", "cancelled"
CLOSED = (DONE, CANCELLED)
BOARD_DAYS_CLOSED = 30  # the Done/Cancelled columns show the last month's, not the shop's history

OVERDUE = "#c62828"


class TeamTab(TabPage):
    key = "team"
    topics = frozenset({"tasks", "staff", "promotions", "goals"})

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.summary = QLabel(self)
        self.summary.setObjectName("team.summary")
        self.owner_filter = FilterCombo(self.tr("Everyone"), self)
        self.owner_filter.setObjectName("team.owner_filter")
        self.when_filter = FilterCombo(self.tr("Any date"), self)
        self.when_filter.setObjectName("team.when_filter")
        self.when_filter.set_choices([(self.tr("Overdue"), "overdue"), (self.tr("Due this week"), "week")])
        self.promotion_filter = FilterCombo(self.tr("All promotions"), self)
        self.promotion_filter.setObjectName("team.promotion_filter")
        self.show_done = QCheckBox(self.tr("Show done and cancelled tasks"), self)
        self.show_done.setObjectName("team.show_done")
        self.board_button = QPushButton(self.tr("Board"), self)
        self.board_button.setObjectName("team.show_board")
        self.list_button = QPushButton(self.tr("List"), self)
        self.list_button.setObjectName("team.show_list")
        self.gantt_button = QPushButton(self.tr("Gantt"), self)
        self.gantt_button.setObjectName("team.show_gantt")
        self.people_button = QPushButton(self.tr("Team members"), self)
        self.people_button.setObjectName("team.show_staff")
        self.kpi_button = QPushButton(self.tr("KPI and bonus"), self)
        self.kpi_button.setObjectName("team.show_kpi")
        self.view_buttons = ViewButtons(self)  # each a Tab stop; arrows move along them
        for button in (self.board_button, self.list_button, self.gantt_button, self.people_button, self.kpi_button):
            self.view_buttons.addButton(button)
        self.board_button.setChecked(True)
        self.new_button = QPushButton(self.tr("New task…"), self)
        self.new_button.setObjectName("team.new_task")
        self.new_button.clicked.connect(self.new_task)
        self.staff_button = QPushButton(self.tr("Add team member…"), self)
        self.staff_button.setObjectName("team.new_staff")
        self.staff_button.clicked.connect(lambda: open_staff_form(self.ctx, self))
        self.schedule_button = QPushButton(self.tr("Plan repeats"), self)
        self.schedule_button.setObjectName("team.schedule_ahead")
        self.schedule_button.setToolTip(self.tr("Write the weekly meeting and other repeating tasks for the next 8 weeks, "
                                                "each a task of its own"))
        self.schedule_button.clicked.connect(self.schedule_ahead)
        self.print_button = QPushButton(self.tr("Print week…"), self)
        self.print_button.setObjectName("team.print_week")
        self.print_button.setToolTip(self.tr("Each person's tasks of a week on a page of their own: print preview, "
                                             "printer or PDF"))
        self.print_button.clicked.connect(lambda: print_week(self.ctx, self))
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setObjectName("team.delete")
        self.delete_button.setToolTip(self.tr("Move the selected task to the trash (Ctrl+Z or Edit → Trash… brings it back)"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.sop_button = QPushButton(self.tr("SOPs…"), self)
        self.sop_button.setObjectName("team.sop_button")
        self.sop_button.setToolTip(self.tr("Task templates such as 大促 (T-30 备货 … T+3 复盘): edit them, or create a "
                                           "promotion's tasks from one"))
        self.sop_button.clicked.connect(self.open_sops)

        self.board = KanbanBoard([(s, task_status_name(s)) for s in (TODO, DOING, DONE, CANCELLED)], self, name="team.board")
        self.board.sig_moved.connect(self.set_status)
        self.board.sig_opened.connect(self.open_task)
        self.table = RecordTable(
            [
                Column(self.tr("Task"), field="title"),
                Column(self.tr("Owner"), field="owner"),
                Column(self.tr("Start"), "date", field="start"),
                Column(self.tr("Due"), "date", field="due", colour=lambda _v, r: OVERDUE if r.overdue else None),
                Column(self.tr("Status"), field="status", fmt=task_status_name),
                Column(self.tr("Priority"), field="priority", fmt=priority_name),
                Column(self.tr("Checklist"), get=lambda r: f"{r.checklist_done}/{r.checklist_total}" if r.checklist_total else ""),
                Column(self.tr("Promotion"), field="promotion"),
                Column(self.tr("Starts after"), field="depends_on"),
                Column(self.tr("Repeats"), get=lambda r: self._repeats(r.recurrence, r.time)),
            ],
            self, key=lambda r: r.id, name="team.list",
        )
        self.table.sig_activated.connect(lambda r: self.open_task(r.id))
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.board)
        self.stack.addWidget(self.table)
        self.gantt = GanttView(ctx, self, self)
        self.stack.addWidget(self.gantt)
        self.staff_view = StaffView(ctx, self, self)
        self.stack.addWidget(self.staff_view)
        self.kpi = KpiPanel(self, self)
        self.kpi.sig_month_changed.connect(self.refresh)
        self.stack.addWidget(self.kpi)
        for button in (self.board_button, self.list_button, self.gantt_button, self.people_button, self.kpi_button):
            button.toggled.connect(self._sync_view)
        delete_key = QShortcut(QKeySequence.StandardKey.Delete, self)
        delete_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        delete_key.activated.connect(self.delete_selected)

        bar = QHBoxLayout()
        bar.addWidget(self.board_button)
        bar.addWidget(self.list_button)
        bar.addWidget(self.gantt_button)
        bar.addWidget(self.people_button)
        bar.addWidget(self.kpi_button)
        bar.addStretch(1)
        filters = QHBoxLayout()  # a row of their own, so the window fits a 1024-pixel screen in English too
        self.show_label = QLabel(self.tr("Show:"), self)
        filters.addWidget(self.show_label)
        for w in (self.owner_filter, self.when_filter, self.promotion_filter, self.show_done):
            filters.addWidget(w)
        filters.addStretch(1)
        actions = QHBoxLayout()  # on the summary's line, so the window still fits a 1366-pixel screen
        actions.addWidget(self.summary)
        actions.addStretch(1)
        for w in (self.new_button, self.schedule_button, self.sop_button, self.staff_button, self.print_button,
                  self.delete_button):
            actions.addWidget(w)
        self.body.addLayout(actions)
        self.body.addLayout(bar)
        self.body.addLayout(filters)
        self.body.addWidget(self.stack, 1)
        self.export_button = ExportButton(ctx, "tasks", self)  # the same rows as `export tasks FILE`
        self.table.toolbar.addWidget(self.export_button)
        # Tab goes as the eye does: the actions, the view buttons, the filters, then the view shown.
        chain = (self.new_button, self.schedule_button, self.sop_button, self.staff_button, self.print_button,
                 self.delete_button, *self.view_buttons.buttons(), self.owner_filter, self.when_filter,
                 self.promotion_filter, self.show_done)
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        for combo in (self.owner_filter, self.when_filter, self.promotion_filter):
            combo.currentIndexChanged.connect(self._show_filtered)
        self.show_done.toggled.connect(self._show_filtered)
        self._rows: list[TaskRow] = []
        self._staff: list[StaffRow] = []
        self._promotions: list[tuple[int, str]] = []

    def title(self) -> str:
        return self.tr("Team")

    def _sync_view(self, *_args) -> None:
        views = ((self.board_button, self.board), (self.list_button, self.table), (self.gantt_button, self.gantt),
                 (self.people_button, self.staff_view), (self.kpi_button, self.kpi))
        shown = next((view for button, view in views if button.isChecked()), self.board)
        self.stack.setCurrentWidget(shown)
        tasks = shown not in (self.kpi, self.staff_view)  # the task filters do not apply to the team or KPI tables
        for w in (self.show_label, self.owner_filter, self.when_filter, self.promotion_filter, self.show_done):
            w.setVisible(tasks)

    def parts(self) -> list[Part]:
        return [*super().parts(), self.kpi.part(),  # the KPI table of the month shown (team_kpi)
                Part("gantt", self.gantt.load, self.gantt.show_spans),
                Part("staff", self.staff_view.load, self.staff_view.show_members)]

    def open_sops(self):
        from ui.dialogs.sop_dialog import open_sop_dialog

        return open_sop_dialog(self.ctx, self)

    def _repeats(self, rule: str, time: str) -> str:
        word = self.tr("Weekly") if "WEEKLY" in rule else self.tr("Monthly") if "MONTHLY" in rule else ""
        return f"{word} {time}" if word and time else word

    # -- loading
    def load(self, session: Session, today: dt.date) -> tuple[list[TaskRow], list[StaffRow], list[tuple[int, str]]]:
        from core.tasks import promotion_names, staff_rows, task_rows

        return task_rows(session, today), staff_rows(session), promotion_names(session)

    def show_data(self, data: tuple[list[TaskRow], list[StaffRow], list[tuple[int, str]]]) -> None:
        self._rows, self._staff, self._promotions = data
        if not self._rows:
            self.banner.show_message(self.tr("No tasks yet. Tasks for the team, promotion checklists and the weekly meeting "
                                             "appear here. Add one with “New task…”."))
        self.owner_filter.set_choices([(s.name, s.id) for s in self._staff if s.active])
        used = {r.promotion_id for r in self._rows}
        self.promotion_filter.set_choices([(n, i) for i, n in self._promotions if i in used])
        self._show_filtered()
        overdue = overdue_count(self._rows)  # also counted before the page is built (team_badge)
        open_ = sum(1 for r in self._rows if r.status not in CLOSED)
        self.summary.setText(self.tr("%n open task(s), %1 overdue.", "", open_).replace("%1", str(overdue)))
        self.sig_title_changed.emit(f"{self.title()} ({overdue})" if overdue else self.title())

    def filtered_rows(self) -> list[TaskRow]:
        """The tasks the filters let through (owner, overdue / this week, promotion)."""
        today = self.ctx.today()
        monday = today - dt.timedelta(days=today.weekday())
        owner, when, promotion = self.owner_filter.value(), self.when_filter.value(), self.promotion_filter.value()
        rows = []
        for r in self._rows:
            if owner is not None and r.owner_id != owner:
                continue
            if promotion is not None and r.promotion_id != promotion:
                continue
            if when == "overdue" and not r.overdue:
                continue
            if when == "week" and not (r.due is not None and monday <= r.due <= monday + dt.timedelta(days=6)):
                continue
            rows.append(r)
        return rows

    def _show_filtered(self) -> None:
        rows = self.filtered_rows()
        show_closed = self.show_done.isChecked()
        self.table.set_rows(rows if show_closed else [r for r in rows if r.status not in CLOSED])
        self.gantt.set_rows(rows)
        since = self.ctx.today() - dt.timedelta(days=BOARD_DAYS_CLOSED)
        self.board.set_cards([self._card(r) for r in rows
                              if show_closed or r.status not in CLOSED or (r.due is not None and r.due >= since)])

    def _card(self, r: TaskRow) -> Card:
        first = " · ".join(x for x in (r.owner or self.tr("No owner"),
                                       self.tr("due %1").replace("%1", " ".join(x for x in (r.due.isoformat(), r.time) if x))
                                       if r.due else "",
                                       priority_name(r.priority)) if x)
        second = " · ".join(x for x in (f"☑ {r.checklist_done}/{r.checklist_total}" if r.checklist_total else "",
                                        r.promotion) if x)
        title = f"⚠ {r.title}" if r.overdue else r.title
        tip = "\n".join(x for x in (r.title, r.notes, self.tr("Overdue") if r.overdue else "",
                                   self.tr("Starts after: %1").replace("%1", r.depends_on) if r.depends_on else "") if x)
        return Card(r.id, r.status, title, tuple(x for x in (first, second) if x), alert=r.overdue, tooltip=tip)

    # -- editing
    def _row(self, task_id: int) -> TaskRow | None:
        return next((r for r in self._rows if r.id == task_id), None)

    def set_status(self, task_id: int, status: str) -> None:
        """A card dropped on another column: one undoable edit."""
        from core.edits.team import SetTaskFields

        self.banner.clear_message()
        self.ctx.edits.run(SetTaskFields.of(task_id, status=status), parent=self,
                           on_error=lambda exc: self.banner.show_message(exc.message, "error"))

    def schedule_ahead(self) -> None:
        from core.edits.team import ScheduleAhead
        from core.recurrence import AHEAD_WEEKS

        self.banner.clear_message()
        self.ctx.edits.run(ScheduleAhead(self.ctx.today() + dt.timedelta(weeks=AHEAD_WEEKS)), parent=self)

    def open_task(self, task_id: int):
        row = self._row(task_id)
        if row is None:
            return None
        return open_task_form(self.ctx, self, row=row, tasks=self._rows, staff=self._staff, promotions=self._promotions)

    def new_task(self):
        return open_task_form(self.ctx, self, row=None, tasks=self._rows, staff=self._staff, promotions=self._promotions)

    def selected_ids(self) -> list[int]:
        if self.stack.currentWidget() is self.board:
            key = self.board.current_key()
            return [] if key is None else [key]
        if self.stack.currentWidget() in (self.gantt, self.staff_view, self.kpi):
            return []
        return [r.id for r in self.table.selected_records()]

    def delete_selected(self) -> None:
        from core.edits.team import DeleteTasks

        ids = self.selected_ids()
        if not ids:
            self.banner.show_message(self.tr("Select the task to delete first."), "info")
            return
        self.banner.clear_message()
        self.ctx.edits.run(DeleteTasks(tuple(ids)), parent=self)
