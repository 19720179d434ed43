"""Editing a repeating task: this occurrence only, or this one and all future ones (across a
month end), each one undoable change."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from core.edits import FieldError, History, apply_edit
from core.edits.team import ScheduleAhead
from core.edits.team_series import EditSeries, ending_before, follow_weekday
from core.models import Staff, Task
from core.recurrence import MONTHLY_REVIEW, WEEKLY_MEETING, occurrences

D = dt.date
WEEK = dt.timedelta(weeks=1)


@pytest.fixture
def meeting(db):
    """周例会 every Monday from 2026-11-02, planned through 2026-12-28 (9 meetings)."""
    with db.transaction() as s:
        s.add(Staff(id=1, name="林晓", role="店长"))
        s.add(Staff(id=2, name="王强", role="运营"))
        s.add(Task(id=1, title="周例会", owner_id=1, start=D(2026, 11, 2), due=D(2026, 11, 2),
                   recurrence=WEEKLY_MEETING, checklist=[{"text": "上周GMV", "done": True}]))
    apply_edit(db, ScheduleAhead(D(2026, 12, 28)))
    return db


def tasks(db):
    with db.session() as s:
        return [(t.id, t.title, t.start, t.owner_id, t.series_id, t.status) for t in
                s.scalars(select(Task).order_by(Task.start, Task.id))]


def by_day(db, day):
    with db.session() as s:
        return s.scalar(select(Task).where(Task.start == day)).id


def test_this_one_changes_only_that_occurrence(meeting):
    before = tasks(meeting)
    nov30 = by_day(meeting, D(2026, 11, 30))
    apply_edit(meeting, EditSeries.of(nov30, False, title="周例会（月末）", start=D(2026, 12, 1), due=D(2026, 12, 1),
                                      recurrence="FREQ=DAILY"))
    after = tasks(meeting)
    assert [r for r in after if r[0] != nov30] == [r for r in before if r[0] != nov30]
    assert [(r[1], r[2]) for r in after if r[0] == nov30] == [("周例会（月末）", D(2026, 12, 1))]
    assert len([r for r in after if r[1] == "周例会"]) == 8 and len(after) == 9
    with meeting.session() as s:
        assert s.get(Task, 1).recurrence == WEEKLY_MEETING  # the rule is untouched


def test_all_future_from_an_occurrence_across_the_month_end_splits_the_series(meeting):
    history = History()
    before = tasks(meeting)
    nov23 = by_day(meeting, D(2026, 11, 23))
    history.apply(meeting, EditSeries.of(nov23, True, title="周例会（新）", owner_id=2, start=D(2026, 11, 24),
                                         due=D(2026, 11, 24)))
    after = tasks(meeting)
    old = [r for r in after if r[1] == "周例会"]
    new = [r for r in after if r[1] == "周例会（新）"]
    assert [r[2] for r in old] == [D(2026, 11, 2), D(2026, 11, 9), D(2026, 11, 16)]  # earlier ones untouched
    # Tuesdays now, over the month end, through the same horizon: Nov 24 … Dec 29 (six)
    assert [r[2] for r in new] == [D(2026, 11, 24) + i * WEEK for i in range(6)]
    assert {r[3] for r in new} == {2} and new[0][0] == nov23 and all(r[4] == nov23 for r in new[1:])
    with meeting.session() as s:
        first = s.get(Task, 1)
        assert occurrences(first.recurrence, D(2026, 11, 2), D(2027, 3, 1))[-1] == D(2026, 11, 16)  # the old rule ends
        assert s.get(Task, nov23).recurrence == WEEKLY_MEETING.replace("BYDAY=MO", "BYDAY=TU")
        assert s.get(Task, nov23).series_id is None
    # planning ahead continues each series on its own rule, with nothing doubled
    history.apply(meeting, ScheduleAhead(D(2027, 1, 12)))
    days = [r[2] for r in tasks(meeting)]
    assert len(days) == len(set(days)) and D(2027, 1, 5) in days and D(2027, 1, 12) in days
    assert not any(d.weekday() == 0 and d > D(2026, 11, 16) for d in days)
    history.undo(meeting)  # the planning
    history.undo(meeting)  # the series edit: all of it at once
    assert tasks(meeting) == before


def test_all_future_with_a_new_rule_redates_reuses_and_trashes_open_occurrences_only(meeting):
    history = History()
    nov16 = by_day(meeting, D(2026, 11, 16))
    dec7 = by_day(meeting, D(2026, 12, 7))
    apply_edit(meeting, EditSeries.of(dec7, False, status="done"))  # finished: stays as it was
    before = tasks(meeting)
    history.apply(meeting, EditSeries.of(nov16, True, recurrence=MONTHLY_REVIEW, start=D(2026, 11, 30),
                                         due=D(2026, 11, 30), checklist=[("复盘", True)]))
    after = tasks(meeting)
    assert [r[2] for r in after] == [D(2026, 11, 2), D(2026, 11, 9), D(2026, 11, 30), D(2026, 12, 7), D(2026, 12, 31)]
    with meeting.session() as s:
        assert s.get(Task, nov16).recurrence == MONTHLY_REVIEW
        assert s.get(Task, dec7).status == "done"
        dec31 = s.scalar(select(Task).where(Task.start == D(2026, 12, 31)))
        assert dec31.series_id == nov16 and dec31.checklist == [{"text": "复盘", "done": False}]
    history.undo(meeting)
    assert tasks(meeting) == before


def test_all_future_from_the_first_task_keeps_one_series_and_stopping_the_rule_ends_it(meeting):
    history = History()
    before = tasks(meeting)
    history.apply(meeting, EditSeries.of(1, True, priority=1, notes="全员参加"))
    with meeting.session() as s:
        rows = list(s.scalars(select(Task)))
        assert len(rows) == 9 and all(t.priority == 1 and t.notes == "全员参加" for t in rows)
        assert sorted(t.start for t in rows) == [D(2026, 11, 2) + i * WEEK for i in range(9)]
    history.undo(meeting)
    assert tasks(meeting) == before
    dec14 = by_day(meeting, D(2026, 12, 14))
    history.apply(meeting, EditSeries.of(dec14, True, recurrence=""))  # no longer repeats from Dec 14
    assert [r[2] for r in tasks(meeting)][-1] == D(2026, 12, 14)
    with meeting.session() as s:
        assert s.get(Task, dec14).recurrence == "" and s.get(Task, dec14).series_id is None
    history.undo(meeting)
    assert tasks(meeting) == before


def test_a_task_that_does_not_repeat_is_refused_and_rule_helpers():
    assert follow_weekday(WEEKLY_MEETING, D(2026, 11, 23), D(2026, 11, 25)) == WEEKLY_MEETING.replace("MO", "WE")
    assert follow_weekday(MONTHLY_REVIEW, D(2026, 11, 30), D(2026, 12, 1)) == MONTHLY_REVIEW
    assert follow_weekday("FREQ=WEEKLY;BYDAY=MO,TH", D(2026, 11, 23), D(2026, 11, 24)) == "FREQ=WEEKLY;BYDAY=MO,TH"
    assert ending_before("FREQ=WEEKLY;BYDAY=MO;COUNT=5", D(2026, 12, 1)) == "FREQ=WEEKLY;BYDAY=MO;UNTIL=20261130T235959"


def test_editing_a_plain_task_as_a_series_is_refused(db):
    with db.transaction() as s:
        s.add(Task(id=5, title="盘点", start=D(2026, 11, 2), due=D(2026, 11, 3)))
    with pytest.raises(FieldError) as err:
        apply_edit(db, EditSeries.of(5, True, title="x"))
    assert err.value.field == "recurrence" and "盘点" in err.value.message
