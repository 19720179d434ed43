"""Recurring tasks: dates across month and year ends, occurrences each a task of their own."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from core.edits import FieldError, History, apply_edit
from core.edits.team import AddTask, MoveTask, ScheduleAhead, SetTaskFields
from core.models import Staff, Task
from core.recurrence import MONTHLY_REVIEW, WEEKLY_MEETING, occurrences, time_of

D = dt.date


def test_the_monday_meeting_falls_on_mondays_across_a_month_and_year_end():
    days = occurrences(WEEKLY_MEETING, D(2026, 12, 14), D(2027, 1, 18))
    assert days == [D(2026, 12, 14), D(2026, 12, 21), D(2026, 12, 28), D(2027, 1, 4), D(2027, 1, 11), D(2027, 1, 18)]
    assert time_of(WEEKLY_MEETING) == "10:00"
    # a first date that is no Monday starts with the next one
    assert occurrences(WEEKLY_MEETING, D(2026, 11, 20), D(2026, 12, 1)) == [D(2026, 11, 23), D(2026, 11, 30)]


def test_the_monthly_review_is_the_last_day_of_each_month_including_february():
    assert occurrences(MONTHLY_REVIEW, D(2027, 12, 1), D(2028, 4, 30)) == [
        D(2027, 12, 31), D(2028, 1, 31), D(2028, 2, 29), D(2028, 3, 31), D(2028, 4, 30)]
    assert occurrences("FREQ=MONTHLY;BYMONTHDAY=31", D(2026, 1, 31), D(2026, 5, 31)) == [
        D(2026, 1, 31), D(2026, 3, 31), D(2026, 5, 31)]  # RFC 5545: months without a 31st are skipped


@pytest.fixture
def meeting(db):
    with db.transaction() as s:
        s.add(Staff(id=1, name="林晓", role="店长"))
        s.add(Task(id=1, title="周例会", owner_id=1, start=D(2026, 11, 23), due=D(2026, 11, 23),
                   recurrence=WEEKLY_MEETING, checklist=[{"text": "上周GMV", "done": True}]))
    return db


def series(db):
    with db.session() as s:
        return [(t.id, t.start, t.status, t.occurrence) for t in
                s.scalars(select(Task).where((Task.series_id == 1) | (Task.id == 1)).order_by(Task.start))]


def test_eight_weeks_ahead_are_written_once_and_each_is_moved_or_finished_on_its_own(meeting):
    apply_edit(meeting, ScheduleAhead(D(2026, 11, 20) + dt.timedelta(weeks=8)))
    rows = series(meeting)
    assert [r[1] for r in rows] == [D(2026, 11, 23) + dt.timedelta(weeks=i) for i in range(8)]
    with meeting.session() as s:
        second = s.scalar(select(Task).where(Task.series_id == 1).order_by(Task.start))
        assert second.checklist == [{"text": "上周GMV", "done": False}] and second.owner_id == 1
        second_id = second.id
    apply_edit(meeting, MoveTask(second_id, 1))  # this week's meeting on Tuesday
    apply_edit(meeting, SetTaskFields.of(1, status="done"))
    again = apply_edit(meeting, ScheduleAhead(D(2026, 11, 20) + dt.timedelta(weeks=8)))
    assert again.empty  # the moved one is not made again
    rows = series(meeting)
    assert rows[0][2] == "done" and all(r[2] == "todo" for r in rows[1:])
    assert rows[1][1] == D(2026, 12, 1) and rows[1][3] == D(2026, 11, 30)


def test_planning_ahead_is_one_undoable_change(meeting):
    history = History()
    before = series(meeting)
    history.apply(meeting, ScheduleAhead(D(2027, 1, 31)))
    assert len(series(meeting)) == 10  # Mondays 2026-11-23 … 2027-01-25
    history.undo(meeting)
    assert series(meeting) == before


def test_an_unreadable_rule_is_refused_on_the_recurrence_field(meeting):
    with pytest.raises(FieldError) as err:
        apply_edit(meeting, AddTask.of(title="月度复盘", recurrence="every month"))
    assert err.value.field == "recurrence"
    apply_edit(meeting, AddTask.of(title="月度复盘", start=D(2026, 11, 30), due=D(2026, 11, 30), recurrence=MONTHLY_REVIEW))
    change = apply_edit(meeting, ScheduleAhead(D(2027, 3, 1)))
    with meeting.session() as s:
        assert sorted(t.start for t in s.scalars(select(Task).where(Task.title == "月度复盘"))) == [
            D(2026, 11, 30), D(2026, 12, 31), D(2027, 1, 31), D(2027, 2, 28)]
    assert change.label == "Plan 17 repeating tasks until 2027-03-01"  # 14 more meetings, 3 reviews
