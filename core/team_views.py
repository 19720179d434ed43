"""The Team tab's other views as rows: the team list (``export staff``) and the Gantt's bars
(``export task-gantt --from --to``), so the tab and the command show the same things."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from core.tasks import CLOSED, staff_rows, task_rows


@dataclass(frozen=True)
class TeamMember:
    id: int
    name: str
    role: str
    contact: str
    active: bool
    open_tasks: int
    overdue_tasks: int


def team_members(session: Session, today: dt.date) -> list[TeamMember]:
    """Everyone on the team, active first, each with their open and overdue tasks."""
    tasks = task_rows(session, today)
    people = []
    for s in staff_rows(session):
        mine = [r for r in tasks if r.owner_id == s.id and r.status not in CLOSED]
        people.append(TeamMember(s.id, s.name, s.role, s.contact, s.active, len(mine), sum(1 for r in mine if r.overdue)))
    return sorted(people, key=lambda p: (not p.active, p.id))


@dataclass(frozen=True)
class GanttLine:
    title: str
    owner: str
    promotion: str
    start: dt.date
    due: dt.date
    days: int
    status: str
    overdue: bool
    milestone: bool
    depends_on: str


def gantt_lines(session: Session, today: dt.date, first: dt.date, last: dt.date) -> list[GanttLine]:
    """The bars the Gantt draws for ``first``…``last`` (whole, not cut at the edges), by owner and start."""
    from core.gantt_layout import GanttTask, span

    lines = []
    for r in task_rows(session, today):
        days = span(GanttTask(r.id, r.title, r.owner, r.promotion, r.start, r.due, r.status, r.overdue))
        if days is None or r.status == "cancelled" or days[1] < first or days[0] > last:
            continue
        lines.append(GanttLine(r.title, r.owner, r.promotion, days[0], days[1], (days[1] - days[0]).days + 1,
                               r.status, r.overdue, days[0] == days[1], r.depends_on))
    return sorted(lines, key=lambda g: (g.owner == "", g.owner, g.start, g.due, g.title))
