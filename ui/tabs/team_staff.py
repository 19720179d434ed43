"""The Team tab's list of the team: who is on it, their role and contact, how many tasks each has
open and overdue; edit a person, or mark them as having left (their tasks keep their name)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.tabs.team_forms import open_staff_form
from ui.widgets.export_button import ExportButton
from ui.widgets.record_table import RecordTable
from ui.widgets.table_model import Column

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from core.team_views import TeamMember

LEFT = "#888888"


class StaffView(QWidget):
    def __init__(self, ctx, tab, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("team.staff")
        self.ctx, self.tab = ctx, tab
        self.table = RecordTable(
            [
                Column(self.tr("Name"), field="name", colour=lambda _v, r: None if r.active else LEFT),
                Column(self.tr("Role"), field="role"),
                Column(self.tr("Contact"), field="contact"),
                Column(self.tr("On the team"), field="active", fmt=lambda v: self.tr("yes") if v else self.tr("left")),
                Column(self.tr("Open tasks"), "int", field="open_tasks"),
                Column(self.tr("Overdue tasks"), "int", field="overdue_tasks",
                       colour=lambda v, _r: "#c62828" if v else None),
            ],
            self, key=lambda r: r.id, name="team.staff.list",
        )
        self.table.sig_activated.connect(self.edit)
        self.table.toolbar.addWidget(ExportButton(ctx, "staff", tab, parent=self, name="export_staff"))  # the rows of `export staff FILE`
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setObjectName("team.staff.edit")
        self.edit_button.clicked.connect(lambda: self.edit(self.current()))
        self.active_button = QPushButton(self.tr("Mark as left"), self)
        self.active_button.setObjectName("team.staff.active")
        self.active_button.setToolTip(self.tr("Someone who has left is no longer offered as an owner; "
                                              "their tasks keep their name. Mark them back the same way."))
        self.active_button.clicked.connect(self.toggle_active)
        self.table.view.selectionModel().selectionChanged.connect(self._selected)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Double-click a person to edit them."), self))
        bar.addStretch(1)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.active_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self._selected()

    @staticmethod
    def load(session: Session, params: Any) -> list[TeamMember]:
        from core.team_views import team_members

        return team_members(session, params)

    def show_members(self, members: list[TeamMember]) -> None:
        self.table.set_rows(members)
        self._selected()

    def current(self) -> TeamMember | None:
        rows = self.table.selected_records()
        return rows[0] if rows else None

    def _selected(self, *_args) -> None:
        person = self.current()
        self.edit_button.setEnabled(person is not None)
        self.active_button.setEnabled(person is not None)
        self.active_button.setText(self.tr("Mark as back") if person is not None and not person.active
                                   else self.tr("Mark as left"))

    def edit(self, person: TeamMember | None):
        if person is None:
            return None
        return open_staff_form(self.ctx, self.tab, person)

    def toggle_active(self) -> None:
        from core.edits.team import SetStaffFields

        person = self.current()
        if person is None:
            return
        self.tab.banner.clear_message()
        self.ctx.edits.run(SetStaffFields.of(person.id, active=not person.active), parent=self,
                           on_error=lambda exc: self.tab.banner.show_message(exc.message, "error"))
