"""The tasks a task form offers to start after (core.tasks.predecessor_order)."""
from __future__ import annotations

import datetime as dt

from core.tasks import TaskRow, predecessor_order


def test_a_task_form_offers_open_tasks_soonest_first_then_finished_ones_newest_first():
    def task(id_: int, due: str | None, status: str = "todo") -> TaskRow:
        day = dt.date.fromisoformat(due) if due else None
        return TaskRow(id_, f"t{id_}", "", day, day, status, 2, "", 0, 0, "", False)

    tasks = [task(1, "2026-01-05", "done"), task(2, "2026-03-01", "done"), task(3, "2026-12-20"),
             task(4, None), task(5, "2026-12-08", "doing"), task(6, "2026-02-01", "cancelled"), task(7, "2026-11-30")]
    assert [t.id for t in predecessor_order(tasks, set())] == [7, 5, 3, 4, 2, 6, 1]
    assert [t.id for t in predecessor_order(tasks, {1, 3})] == [3, 1, 7, 5, 4, 2, 6]
