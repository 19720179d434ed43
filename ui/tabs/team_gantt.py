"""The Team tab's Gantt view: a month's or a promotion's tasks as bars, with dependency arrows.

Laid out by ``core.gantt_layout`` and painted by ``ui.widgets.gantt``. Dragging a bar moves its
task (``MoveTask``), dragging its end changes the due date (``SetTaskFields``): one undoable
edit each. A task that others wait for asks first whether they move with it.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QComboBox, QDateEdit, QHBoxLayout, QLabel, QMessageBox, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from ui.widgets.date_range import plannable
from ui.widgets.export_button import ExportButton
from ui.widgets.gantt import GanttChart

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from core.tasks import TaskRow

MONTH, PROMOTION = "month", "promotion"


class GanttView(QWidget):
    def __init__(self, ctx, tab, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("team.gantt")
        self.ctx, self.tab = ctx, tab
        self.which = QComboBox(self)
        self.which.setObjectName("team.gantt.which")
        self.which.addItem(self.tr("Month"), MONTH)
        self.month = plannable(QDateEdit(self))
        self.month.setObjectName("team.gantt.month")
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setCalendarPopup(True)
        today = ctx.today()
        self.month.setDate(QDate(today.year, today.month, 1))
        self.previous = QPushButton("◀", self)
        self.previous.setToolTip(self.tr("Previous month"))
        self.next = QPushButton("▶", self)
        self.next.setToolTip(self.tr("Next month"))
        for button in (self.previous, self.next):
            button.setFixedWidth(32)
        self.previous.clicked.connect(lambda: self.month.setDate(self.month.date().addMonths(-1)))
        self.next.clicked.connect(lambda: self.month.setDate(self.month.date().addMonths(1)))
        self.group = QComboBox(self)
        self.group.setObjectName("team.gantt.group")
        self.group.addItem(self.tr("By person"), "owner")
        self.group.addItem(self.tr("By promotion"), "promotion")
        self.hint = QLabel(self.tr("Drag a bar to move a task, its right end to change the due date; "
                                   "double-click to open it."), self)
        self.hint.setStyleSheet("color:#666;")
        self.hint.setWordWrap(True)  # under the bar, wrapping: the window fits a 1024-pixel screen
        self.chart = GanttChart(self, name="team.gantt.chart")
        self.chart.month_label = lambda day: self.tr("%1-%2").replace("%1", str(day.year)).replace("%2", f"{day.month:02d}")
        self.chart.sig_moved.connect(self.move_task)
        self.chart.sig_resized.connect(self.resize_task)
        self.chart.sig_opened.connect(lambda task_id: self.tab.open_task(task_id))
        scroll = QScrollArea(self)
        scroll.setWidget(self.chart)
        scroll.setWidgetResizable(False)
        self.scroll = scroll
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Chart of:"), self))
        bar.addWidget(self.which)
        bar.addWidget(self.previous)
        bar.addWidget(self.month)
        bar.addWidget(self.next)
        bar.addWidget(self.group)
        bar.addStretch(1)
        self.export_button = ExportButton(ctx, "task-gantt", tab, parent=self, name="export_gantt",
                                          date_range=self.window)  # `export task-gantt FILE --from --to`
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.hint)
        layout.addWidget(scroll, 1)
        self._rows: Sequence[TaskRow] = []
        self._spans: dict[int, tuple[str, dt.date, dt.date]] = {}
        self.which.currentIndexChanged.connect(self._which_changed)
        self.month.dateChanged.connect(self.refresh)
        self.group.currentIndexChanged.connect(self.refresh)

    # -- data
    @staticmethod
    def load(session: Session, _params: Any) -> dict[int, tuple[str, dt.date, dt.date]]:
        from core.tasks import promotion_spans

        return promotion_spans(session)

    def show_spans(self, spans: dict[int, tuple[str, dt.date, dt.date]]) -> None:
        self._spans = spans
        current = self.which.currentData()
        self.which.blockSignals(True)
        while self.which.count() > 1:
            self.which.removeItem(1)
        used = {r.promotion_id for r in self._rows} if self._rows else set(spans)
        for pid, (name, _start, _end) in sorted(spans.items(), key=lambda kv: (kv[1][1], kv[0])):
            if pid in used:
                self.which.addItem(name, (PROMOTION, pid))
        self.which.setCurrentIndex(max(self.which.findData(current), 0))
        self.which.blockSignals(False)
        self._which_changed()

    def set_rows(self, rows: Sequence[TaskRow]) -> None:
        self._rows = rows
        if self._spans:
            self.show_spans(self._spans)
        else:
            self.refresh()

    def _which_changed(self) -> None:
        by_month = self.which.currentData() == MONTH
        for w in (self.month, self.previous, self.next):
            w.setEnabled(by_month)
        self.refresh()

    def window(self) -> tuple[dt.date, dt.date] | None:
        from core.gantt_layout import month_window, promotion_window

        choice = self.which.currentData()
        if choice == MONTH:
            d = self.month.date()
            return month_window(d.year(), d.month())
        _kind, pid = choice
        _name, start, end = self._spans.get(pid, ("", None, None))
        return promotion_window(self.tasks(), start, end)

    def tasks(self):
        from core.gantt_layout import GanttTask

        choice = self.which.currentData()
        rows = self._rows if choice == MONTH else [r for r in self._rows if r.promotion_id == choice[1]]
        def title(r: TaskRow) -> str:  # a promotion's chart need not repeat its name on every row
            short = r.title.removeprefix(f"{r.promotion}：").removeprefix(f"{r.promotion}:").strip()
            name = short if choice != MONTH and r.promotion and short else r.title
            return f"{name} {r.time}" if r.time else name  # the weekly meeting's hour

        return [GanttTask(r.id, title(r), r.owner, r.promotion, r.start, r.due, r.status, r.overdue, r.depends_on_ids)
                for r in rows]

    def refresh(self) -> None:
        from core.gantt_layout import gantt_layout

        window = self.window()
        layout = None
        if window is not None:
            layout = gantt_layout(self.tasks(), *window, today=self.ctx.today(), group_by=self.group.currentData(),
                                  none_label=self.tr("No owner") if self.group.currentData() == "owner"
                                  else self.tr("No promotion"))
        empty = self.tr("No tasks with dates in these days. Choose another month or promotion, or add a task "
                        "with “New task…”.")
        self.chart.set_layout(layout if layout is not None and layout.rows else layout, empty)

    # -- editing
    def dependants(self, task_id: int) -> list[int]:
        """The tasks that wait for ``task_id``, directly or through others (core.edits.team.dependants)."""
        waiting: dict[int, set[int]] = {}
        for r in self._rows:
            for dep in r.depends_on_ids:
                waiting.setdefault(dep, set()).add(r.id)
        found: list[int] = []
        queue = [task_id]
        while queue:
            for nxt in sorted(waiting.get(queue.pop(0), ())):
                if nxt not in found and nxt != task_id:
                    found.append(nxt)
                    queue.append(nxt)
        return found

    def ask_with_dependants(self, title: str, count: int) -> bool | None:
        """Move the tasks that wait for it too? True, False, or None to leave everything as it was."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Move the tasks that wait for it?"),
                          self.tr("%n task(s) (waits|wait) for “%1”. Move (it|them) by the same number of days?", "",
                                  count).replace("%1", title), parent=self)
        both = box.addButton(self.tr("Move them too"), QMessageBox.ButtonRole.YesRole)
        alone = box.addButton(self.tr("Only this task"), QMessageBox.ButtonRole.NoRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(both)
        box.exec()
        return True if box.clickedButton() is both else False if box.clickedButton() is alone else None

    def move_task(self, task_id: int, days: int) -> None:
        from core.edits.team import MoveTask

        row = next((r for r in self._rows if r.id == task_id), None)
        if row is None:
            return
        waiting = self.dependants(task_id)
        with_them = False
        if waiting:
            answer = self.ask_with_dependants(row.title, len(waiting))
            if answer is None:
                self.chart.update()
                return
            with_them = answer
        self._run(MoveTask(task_id, days, with_dependants=with_them))

    def resize_task(self, task_id: int, due: dt.date) -> None:
        from core.edits.team import SetTaskFields

        row = next((r for r in self._rows if r.id == task_id), None)
        if row is None:
            return
        values = {"due": due} if row.start is not None else {"start": row.due, "due": due}
        self._run(SetTaskFields.of(task_id, **values))

    def _run(self, edit) -> None:
        self.tab.banner.clear_message()
        self.ctx.edits.run(edit, parent=self, on_error=lambda exc: self.tab.banner.show_message(exc.message, "error"))
