"""The monthly plan's team page: each person's tasks and, apart, the weekly meetings and other
repeating tasks of the month, whether "Plan repeats" has written them yet or not."""
from __future__ import annotations

import datetime as dt

from core.edits import apply_edit
from core.edits.team import MoveTask, ScheduleAhead, SetTaskFields
from core.models import Task
from core.report import Month, build_plan
from tests.conftest import DEMO_END

MEETING = "周例会：上周数据复盘与本周计划"


def test_the_months_meetings_are_listed_planned_or_not(demo_db):
    plan = build_plan(demo_db, Month(2026, 12), DEMO_END)
    mondays = [dt.date(2026, 12, d) for d in (7, 14, 21, 28)]
    assert [(m.title, m.day, m.status, m.owner) for m in plan.meetings] == [(MEETING, d, "", "林晓") for d in mondays]
    nov = build_plan(demo_db, Month(2026, 11), DEMO_END)
    assert [(m.day, m.status) for m in nov.meetings] == [(dt.date(2026, 11, 23), "todo"), (dt.date(2026, 11, 30), "")]
    # each person's tables leave the meeting out (it is listed once, with the meetings)
    assert all(x.title != MEETING for _owner, tasks in nov.tasks_by_owner() for x in tasks)
    assert any(x.title == MEETING for x in nov.tasks)  # the calendar still shows it on its day


def test_planned_moved_and_finished_occurrences_show_as_they_are(demo_db):
    apply_edit(demo_db, ScheduleAhead(dt.date(2026, 12, 31)))
    with demo_db.session() as s:
        ids = {t.start: t.id for t in s.query(Task).filter(Task.title == MEETING)}
    apply_edit(demo_db, MoveTask(ids[dt.date(2026, 12, 14)], 1))  # that week on Tuesday
    apply_edit(demo_db, SetTaskFields.of(ids[dt.date(2026, 12, 7)], status="done"))
    plan = build_plan(demo_db, Month(2026, 12), DEMO_END)
    assert [(m.day, m.status) for m in plan.meetings] == [
        (dt.date(2026, 12, 7), "done"), (dt.date(2026, 12, 15), "todo"), (dt.date(2026, 12, 21), "todo"),
        (dt.date(2026, 12, 28), "todo")]  # the moved one is not listed again on its old Monday


def test_a_shop_without_repeating_tasks_has_no_meetings(db):
    assert build_plan(db, Month(2026, 11), DEMO_END).meetings == ()
