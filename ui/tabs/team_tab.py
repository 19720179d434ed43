"""团队任务 Team: who does what by when, overdue work first."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel

from ui.labels import priority_name, task_status_name
from ui.tabs.base import TabPage
from ui.widgets.export_button import ExportButton
from ui.widgets.filter_combo import FilterCombo
from ui.widgets.record_table import RecordTable
from ui.widgets.table_model import Column

if TYPE_CHECKING:  # core.tasks loads SQLAlchemy: only in load(), after the window is shown
    from sqlalchemy.orm import Session

    from core.tasks import TaskRow

DONE = "done"  # core.tasks.DONE, spelled out for the same reason (tests/ui/test_startup_imports.py checks it)

OVERDUE = "#c62828"


class TeamTab(TabPage):
    key = "team"
    topics = frozenset({"tasks", "staff", "promotions", "goals"})

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.summary = QLabel(self)
        self.owner_filter = FilterCombo(self.tr("Everyone"), self)
        self.owner_filter.setObjectName("team.owner_filter")
        self.show_done = QCheckBox(self.tr("Show done tasks"), self)
        self.show_done.setObjectName("team.show_done")
        self.table = RecordTable(
            [
                Column(self.tr("Task"), field="title"),
                Column(self.tr("Owner"), field="owner"),
                Column(self.tr("Due"), "date", field="due", colour=lambda _v, r: OVERDUE if r.overdue else None),
                Column(self.tr("Status"), field="status", fmt=task_status_name),
                Column(self.tr("Priority"), field="priority", fmt=priority_name),
                Column(self.tr("Checklist"), get=lambda r: f"{r.checklist_done}/{r.checklist_total}" if r.checklist_total else ""),
                Column(self.tr("Promotion"), field="promotion"),
                Column(self.tr("Repeats"), field="recurrence", fmt=lambda rule: self.tr("Weekly") if "WEEKLY" in rule else ""),
            ],
            self, key=lambda r: r.id, name="team.table",
        )
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show:"), self))
        bar.addWidget(self.owner_filter)
        bar.addWidget(self.show_done)
        bar.addStretch(1)
        self.body.addWidget(self.summary)
        self.body.addLayout(bar)
        self.body.addWidget(self.table, 1)
        self.export_button = ExportButton(ctx, "tasks", self)  # the same rows as `export tasks FILE`
        self.table.toolbar.addWidget(self.export_button)
        self.owner_filter.currentIndexChanged.connect(lambda: self.table.proxy.set_exact("owner", self.owner_filter.value()))
        self.show_done.toggled.connect(self._apply_done_filter)
        self._rows: list[TaskRow] = []

    def title(self) -> str:
        return self.tr("Team")

    def load(self, session: Session, today: dt.date) -> tuple[list[TaskRow], list[str]]:
        from core.tasks import staff_names, task_rows

        return task_rows(session, today), staff_names(session)

    def show_data(self, data: tuple[list[TaskRow], list[str]]) -> None:
        self._rows, staff = data
        if not self._rows:
            self.banner.show_message(self.tr("No tasks yet. Tasks for the team, promotion checklists and the weekly meeting appear here."))
        self.owner_filter.set_choices([(s, s) for s in staff])
        self._apply_done_filter()
        overdue = sum(1 for r in self._rows if r.overdue)
        open_ = sum(1 for r in self._rows if r.status != DONE)
        self.summary.setText(self.tr("%1 open tasks, %2 overdue.").replace("%1", str(open_)).replace("%2", str(overdue)))

    def _apply_done_filter(self) -> None:
        rows = self._rows if self.show_done.isChecked() else [r for r in self._rows if r.status != DONE]
        self.table.set_rows(rows)
