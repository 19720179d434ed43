"""The Team tab's forms: a task (new or existing) and a new team member, on the one editing path."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.labels import priority_name, task_status_name
from ui.widgets.editors import CellEditor
from ui.widgets.record_form import FormField, RecordForm

if TYPE_CHECKING:
    from core.tasks import StaffRow, TaskRow

STATUSES = ("todo", "doing", "done", "cancelled")  # core.tasks.STATUSES (no SQLAlchemy at start-up)
ROLES = ("店长", "运营", "客服", "美工", "仓储")  # core.edits.team.ROLES
WEEKLY_MEETING = "FREQ=WEEKLY;BYDAY=MO;BYHOUR=10;BYMINUTE=0"  # core.recurrence's rules
MONTHLY_REVIEW = "FREQ=MONTHLY;BYMONTHDAY=-1"
DONE_MARK = "✓"


def checklist_text(items: Sequence[tuple[str, bool]]) -> str:
    """``✓备货; 上架`` — one line the owner can edit: items split by ";", done ones ticked."""
    return "; ".join(f"{DONE_MARK}{text}" if done else text for text, done in items)


def parse_checklist(text: str) -> tuple[tuple[str, bool], ...]:
    items = []
    for part in (text or "").replace("；", ";").split(";"):
        part = part.strip()
        done = part.startswith((DONE_MARK, "[x]", "[X]"))
        part = part.lstrip(DONE_MARK).removeprefix("[x]").removeprefix("[X]").strip()
        if part:
            items.append((part, done))
    return tuple(items)


def task_label(row: TaskRow) -> str:
    return f"{row.title} · {row.due.isoformat()}" if row.due else row.title


def open_task_form(ctx, parent: QWidget, *, row: TaskRow | None, tasks: Sequence[TaskRow],
                   staff: Sequence[StaffRow], promotions: Sequence[tuple[int, str]]) -> RecordForm:
    """The form for ``row`` (None: a new task), saved as one edit."""
    today = ctx.today()
    from core.tasks import predecessor_order  # loaded with the tab's rows; not at start-up (SQLAlchemy)

    others = predecessor_order([t for t in tasks if row is None or t.id != row.id],
                               set(row.depends_on_ids) if row else set())
    labels = [task_label(t) for t in others]
    choices = [(f"{label} (#{t.id})" if labels.count(label) > 1 else label, t.id) for label, t in zip(labels, others)]
    people = [(s.name if s.active else QCoreApplication.translate("TeamForms", "%1 (left)").replace("%1", s.name), s.id) for s in staff]
    fields = [
        FormField("title", QCoreApplication.translate("TeamForms", "Title"), CellEditor("text", max_length=300), row.title if row else ""),
        FormField("notes", QCoreApplication.translate("TeamForms", "Description"), CellEditor("text", optional=True, max_length=5000), row.notes if row else ""),
        FormField("owner_id", QCoreApplication.translate("TeamForms", "Owner"), CellEditor("choice", optional=True, choices=lambda: people,
                                                                                      none_label=QCoreApplication.translate("TeamForms", "No owner")),
                  row.owner_id if row else None),
        FormField("start", QCoreApplication.translate("TeamForms", "Start"), CellEditor("date"), (row.start or row.due) if row else today),
        FormField("due", QCoreApplication.translate("TeamForms", "Due"), CellEditor("date"), (row.due or row.start) if row else today + dt.timedelta(days=7)),
        FormField("priority", QCoreApplication.translate("TeamForms", "Priority"), CellEditor("choice", choices=lambda: [(priority_name(p), p) for p in (1, 2, 3)]),
                  row.priority if row else 2),
        FormField("status", QCoreApplication.translate("TeamForms", "Status"), CellEditor("choice", choices=lambda: [(task_status_name(s), s) for s in STATUSES]),
                  row.status if row else "todo"),
        FormField("checklist", QCoreApplication.translate("TeamForms", "Checklist"), CellEditor("text", optional=True, max_length=20000),
                  checklist_text(row.checklist) if row else "",
                  hint=QCoreApplication.translate("TeamForms", "Items separated by “;”; a ✓ in front marks one done")),
        FormField("promotion_id", QCoreApplication.translate("TeamForms", "Promotion"), CellEditor("choice", optional=True, choices=lambda: [(n, i) for i, n in promotions],
                                                                                              none_label=QCoreApplication.translate("TeamForms", "No promotion")),
                  row.promotion_id if row else None),
        FormField("depends_on", QCoreApplication.translate("TeamForms", "Starts after"), CellEditor("multi", choices=lambda: choices),
                  row.depends_on_ids if row else (),
                  hint=QCoreApplication.translate("TeamForms", "Tick the tasks that must be finished first (finish-to-start)")),
    ]
    in_series = row is not None and (row.series_id is not None or any(t.series_id == row.id for t in tasks))
    if row is None or row.recurrence or row.series_id is None:  # an occurrence shows (and may change) its series' rule
        rules = [(QCoreApplication.translate("TeamForms", "Every Monday at 10:00"), WEEKLY_MEETING),
                 (QCoreApplication.translate("TeamForms", "The last day of every month"), MONTHLY_REVIEW)]
        current = row.recurrence if row else ""
        if current and current not in dict(map(reversed, rules)):
            from core.recurrence import describe

            rules.append((describe(current), current))  # a rule of the demo or an older version, in words
        fields.append(FormField("recurrence", QCoreApplication.translate("TeamForms", "Repeats"),
                                CellEditor("choice", optional=True, choices=lambda: rules,
                                           none_label=QCoreApplication.translate("TeamForms", "Does not repeat")), current or None,
                                hint=QCoreApplication.translate("TeamForms", "“Plan repeats” writes the next 8 weeks")))

    def make(values: dict[str, Any]):
        from core.edits.team import AddTask, SetTaskFields

        deps: tuple[int, ...] = tuple(values["depends_on"] or ())
        if "recurrence" in values:
            values = dict(values, recurrence=values["recurrence"] or "")
        fields = dict(values, notes=values["notes"] or "", checklist=parse_checklist(values["checklist"] or ""),
                      depends_on=deps)
        if row is None:
            return AddTask(tuple(fields.items()))
        if in_series:
            from core.edits.team_series import EditSeries

            future = ask_series_scope(parent_form(), row.title)
            if future is None:
                return None
            return EditSeries(row.id, tuple(fields.items()), future)
        return SetTaskFields(row.id, tuple(fields.items()))

    title = QCoreApplication.translate("TeamForms", "New task") if row is None else QCoreApplication.translate("TeamForms", "Task: %1").replace("%1", row.title)
    form = RecordForm(ctx, "team.task_form", title, fields, make, parent)

    def parent_form() -> QWidget:
        return form

    form.open()
    return form


def ask_series_scope(parent: QWidget, title: str) -> bool | None:
    """A repeating task's edit: False for this occurrence, True for it and all future ones, None to go back."""
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("TeamForms", "Edit a repeating task"),
                      QCoreApplication.translate("TeamForms", "“%1” repeats. Change only this occurrence, or this one "
                                                 "and all future ones (their dates follow the rule again)?")
                      .replace("%1", title), parent=parent)
    box.setObjectName("team.series_scope")
    one = box.addButton(QCoreApplication.translate("TeamForms", "Only this one"), QMessageBox.ButtonRole.YesRole)
    future = box.addButton(QCoreApplication.translate("TeamForms", "This and all future"), QMessageBox.ButtonRole.NoRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(one)
    box.exec()
    return False if box.clickedButton() is one else True if box.clickedButton() is future else None


def open_staff_form(ctx, parent: QWidget, row: Any = None) -> RecordForm:
    """A new team member, or ``row``'s name, role and contact (``core.team_views.TeamMember``)."""
    fields = [
        FormField("name", QCoreApplication.translate("TeamForms", "Name"), CellEditor("text", max_length=80),
                  row.name if row else None),
        FormField("role", QCoreApplication.translate("TeamForms", "Role"), CellEditor("text", optional=True, max_length=80),
                  row.role if row else "", hint=QCoreApplication.translate("TeamForms", "e.g. %1").replace("%1", "、".join(ROLES))),
        FormField("contact", QCoreApplication.translate("TeamForms", "Contact"), CellEditor("text", optional=True, max_length=200),
                  row.contact if row else "", hint=QCoreApplication.translate("TeamForms", "Phone, WeChat …")),
    ]

    def make(values: dict[str, Any]):
        from core.edits.team import AddStaff, SetStaffFields

        if row is not None:
            return SetStaffFields.of(row.id, name=values["name"], role=values["role"] or "",
                                     contact=values["contact"] or "")
        return AddStaff(values["name"], values["role"] or "", values["contact"] or "")

    title = (QCoreApplication.translate("TeamForms", "New team member") if row is None
             else QCoreApplication.translate("TeamForms", "Team member: %1").replace("%1", row.name))
    form = RecordForm(ctx, "team.staff_form", title, fields, make, parent)
    form.open()
    return form
