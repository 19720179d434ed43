"""Team edits without Qt: tasks, staff, status, moves with dependants, cycle refusal, exact undo."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from core.edits import FieldError, History, apply_edit
from core.edits.team import AddStaff, AddTask, DeleteTasks, MoveTask, SetStaffFields, SetTaskFields
from core.models import Promotion, Staff, Task, TaskDependency
from core.tasks import task_rows

D = dt.date


@pytest.fixture
def team(db):
    with db.transaction() as s:
        s.add_all([Staff(id=1, name="林晓", role="店长"), Staff(id=2, name="陈默", role="运营")])
        s.add(Promotion(id=1, name="双11", kind="festival", start=D(2026, 11, 1), end=D(2026, 11, 11)))
        s.add_all([
            Task(id=1, title="选品", owner_id=2, start=D(2026, 10, 1), due=D(2026, 10, 5), promotion_id=1),
            Task(id=2, title="报名", owner_id=2, start=D(2026, 10, 6), due=D(2026, 10, 8), promotion_id=1),
            Task(id=3, title="备货", owner_id=1, start=D(2026, 10, 9), due=D(2026, 10, 20), promotion_id=1),
            Task(id=4, title="发票", owner_id=1, due=D(2026, 10, 30)),
        ])
        s.add_all([TaskDependency(task_id=2, depends_on_id=1), TaskDependency(task_id=3, depends_on_id=2)])
    return db


def snapshot(db):
    with db.session() as s:
        out = {}
        for model in (Task, TaskDependency, Staff):
            cols = [c.name for c in model.__table__.columns]
            out[model.__tablename__] = sorted(tuple(getattr(o, c) for c in cols) for o in s.scalars(select(model)))
        return out


def task(db, task_id):
    with db.session() as s:
        return s.get(Task, task_id)


def test_add_and_edit_a_task_then_undo_redo_restore_the_rows_exactly(team):
    before = snapshot(team)
    history = History()
    history.apply(team, AddTask.of(title=" 直播排班 ", owner_id=1, start=D(2026, 11, 2), due=D(2026, 11, 6),
                                   priority=1, promotion_id=1, checklist=[("排班表", False), ("", True)],
                                   depends_on=(3,)))
    added = snapshot(team)
    with team.session() as s:
        new = s.scalar(select(Task).where(Task.title == "直播排班"))
        assert (new.owner_id, new.priority, new.status, new.checklist) == (1, 1, "todo", [{"text": "排班表", "done": False}])
        new_id = new.id
    assert (new_id, 3) in {(r[0], r[1]) for r in added["task_dependencies"]}
    history.apply(team, SetTaskFields.of(new_id, status="cancelled", notes="改到12月", due=D(2026, 11, 9)))
    assert task(team, new_id).status == "cancelled" and task(team, new_id).notes == "改到12月"
    with team.session() as s:
        rows = {r.id: r for r in task_rows(s, D(2026, 11, 30))}
    assert rows[new_id].overdue is False and rows[new_id].depends_on == "备货"  # cancelled is never overdue
    edited = snapshot(team)
    history.undo(team)
    assert snapshot(team) == added
    history.undo(team)
    assert snapshot(team) == before
    history.redo(team)
    history.redo(team)
    assert snapshot(team) == edited


def test_done_records_when_and_leaving_done_forgets_it(team):
    change = apply_edit(team, SetTaskFields.of(4, status="done"))
    assert change.label == "Mark “发票” done"
    assert task(team, 4).done_at is not None
    apply_edit(team, SetTaskFields.of(4, status="doing"))
    assert task(team, 4).done_at is None


@pytest.mark.parametrize("values, field, words", [
    ({"title": "  "}, "title", "cannot be empty"),
    ({"title": "x" * 301}, "title", "at most 300"),
    ({"status": "later"}, "status", "to do, in progress, done or cancelled"),
    ({"priority": 5}, "priority", "high, normal or low"),
    ({"owner_id": 99}, "owner_id", "no longer exists"),
    ({"promotion_id": 99}, "promotion_id", "no longer exists"),
    ({"due": D(2026, 9, 1)}, "due", "before it starts"),
    ({"depends_on": (1,)}, "depends_on", "cannot depend on itself"),
    ({"checklist": [("x" * 301, False)]}, "checklist", "at most 300"),
])
def test_invalid_task_values_are_refused_naming_the_field_and_nothing_is_written(team, values, field, words):
    before = snapshot(team)
    with pytest.raises(FieldError) as err:
        apply_edit(team, SetTaskFields.of(1, notes="written?", **values))
    assert err.value.field == field and err.value.row == 1 and words in err.value.message
    assert snapshot(team) == before


def test_a_dependency_that_closes_a_circle_is_refused_and_explained(team):
    before = snapshot(team)
    with pytest.raises(FieldError) as err:
        apply_edit(team, SetTaskFields.of(1, depends_on=(3,)))  # 3 → 2 → 1 already
    assert err.value.field == "depends_on"
    assert "“选品” depends on “备货”, which depends on “报名”, which depends on “选品”" in err.value.message
    with pytest.raises(FieldError) as two:
        apply_edit(team, SetTaskFields.of(1, depends_on=(2,)))
    assert "“选品” depends on “报名”, which depends on “选品”" in two.value.message
    assert snapshot(team) == before
    apply_edit(team, SetTaskFields.of(3, depends_on=(1,)))  # replacing 3's link with another is fine
    with team.session() as s:
        assert set(s.execute(select(TaskDependency.task_id, TaskDependency.depends_on_id)).all()) == {(2, 1), (3, 1)}


def test_moving_a_task_moves_its_dependants_only_when_asked(team):
    history = History()
    before = snapshot(team)
    history.apply(team, MoveTask(1, 3))
    assert (task(team, 1).start, task(team, 1).due, task(team, 2).due) == (D(2026, 10, 4), D(2026, 10, 8), D(2026, 10, 8))
    history.undo(team)
    change = history.apply(team, MoveTask(1, 7, with_dependants=True))
    assert change.label == "Move “选品” and 2 dependent tasks by 7 days"
    assert [task(team, i).due for i in (1, 2, 3, 4)] == [D(2026, 10, 12), D(2026, 10, 15), D(2026, 10, 27), D(2026, 10, 30)]
    history.undo(team)
    assert snapshot(team) == before


def test_deleting_a_task_trashes_its_links_and_undo_brings_both_back(team):
    history = History()
    before = snapshot(team)
    history.apply(team, DeleteTasks((2,)))
    with team.session() as s:
        assert s.get(Task, 2) is None and s.scalars(select(TaskDependency)).all() == []
    history.undo(team)
    assert snapshot(team) == before


def test_staff_are_added_and_edited_with_their_names_kept_unique(team):
    history = History()
    before = snapshot(team)
    history.apply(team, AddStaff("周小雨", role="客服", contact="微信 zxy01"))
    with pytest.raises(FieldError) as err:
        apply_edit(team, AddStaff("林晓"))
    assert err.value.field == "name" and "on the team already" in err.value.message
    with pytest.raises(FieldError) as empty:
        apply_edit(team, SetStaffFields.of(1, name=" "))
    assert empty.value.field == "name" and empty.value.row == 1
    history.apply(team, SetStaffFields.of(2, role="美工", active=False, contact="138 0000 0000"))
    with team.session() as s:
        chen = s.get(Staff, 2)
        assert (chen.role, chen.active, chen.contact) == ("美工", False, "138 0000 0000")
    history.undo(team)
    history.undo(team)
    assert snapshot(team) == before
