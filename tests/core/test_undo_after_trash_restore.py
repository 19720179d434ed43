"""Ctrl+Z after putting a deleted task back with Edit → Trash… (newuser4): the undo of the delete was
refused with "This item is no longer in the trash" and stayed on top of the stack, so no older change
could be undone until the window was closed."""
from __future__ import annotations

import datetime as dt

from core import trash
from core.edits import History
from core.errors import UserFacingError
from core.edits.team import AddTask, DeleteTasks, SetTaskFields
from core.models import Task

D = dt.date


def _titles(db) -> list[str]:
    with db.session() as s:
        return sorted(t.title for t in s.query(Task))


def test_undo_of_a_delete_already_restored_from_the_trash_goes_on_to_the_change_before(db):
    history = History()
    added = history.apply(db, AddTask.of(title="备货", start=D(2026, 11, 1), due=D(2026, 11, 5)))
    task_id = added.rows[0].key[0]
    history.apply(db, SetTaskFields.of(task_id, title="备货下单"))
    history.apply(db, DeleteTasks((task_id,)))
    assert _titles(db) == []
    entry = trash.list_trash(db)[0]
    trash.restore(db, entry.id)  # Edit → Trash… → Restore
    assert _titles(db) == ["备货下单"]

    undone = history.undo(db)  # the delete: nothing left to undo, not refused
    assert undone is not None and _titles(db) == ["备货下单"]
    assert history.undo_label() == "Edit “备货”"
    history.undo(db)  # the change before it is undone as usual
    assert _titles(db) == ["备货"]
    history.redo(db)
    history.redo(db)  # the delete again: to the trash
    assert _titles(db) == []
    assert [e.title for e in trash.list_trash(db)][0].strip("“”") == "备货下单"


def test_undo_of_a_delete_gone_for_good_says_so_once_and_goes_on_to_the_change_before(db):
    """Edit → Trash… → Delete for good, then Ctrl+Z: before, refused with the reason every time, for ever."""
    with db.transaction() as s:
        s.add(Task(id=7, title="上新", start=D(2026, 11, 2), due=D(2026, 11, 6)))
    history = History()
    history.apply(db, AddTask.of(title="备货", start=D(2026, 11, 1), due=D(2026, 11, 5)))
    history.apply(db, DeleteTasks((7,)))
    trash.purge(db, trash.list_trash(db)[0].id)  # Delete for good
    try:
        history.undo(db)
        raise AssertionError("the undo of a delete gone for good went through")
    except UserFacingError as exc:
        assert exc.message.startswith("Cannot put back “上新”: no longer in the trash")
    assert history.undo_label() == "Add task “备货”"
    history.undo(db)  # the change before it undoes as usual
    assert _titles(db) == []
