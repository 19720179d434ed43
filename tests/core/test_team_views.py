"""`export staff` and `export task-gantt`: the team list and the Gantt's bars, as the tab shows them."""
from __future__ import annotations

import datetime as dt
import json

from core.cli import build_parser, run_command
from core.edits import apply_edit
from core.edits.team import SetStaffFields
from core.team_views import team_members
from core.views import ViewParams, view_rows
from tests.conftest import DEMO_END


def test_the_team_list_counts_open_and_overdue_tasks_and_puts_people_who_left_last(demo_db):
    with demo_db.session() as s:
        people = team_members(s, DEMO_END)
    assert [p.name for p in people][:4] and all(p.active for p in people)
    rows = view_rows(demo_db, "task-gantt", ViewParams(DEMO_END, dt.date(2000, 1, 1), dt.date(2100, 1, 1)))
    tasks = view_rows(demo_db, "tasks", ViewParams(DEMO_END))
    for p in people:
        mine = [t for t in tasks if t["owner"] == p.name and t["status"] in ("todo", "doing")]
        assert p.open_tasks == len(mine) and p.overdue_tasks == sum(1 for t in mine if t["overdue"])
    assert sum(p.overdue_tasks for p in people) > 0
    first = people[0]
    apply_edit(demo_db, SetStaffFields.of(first.id, active=False))
    with demo_db.session() as s:
        after = team_members(s, DEMO_END)
    assert after[-1].name == first.name and not after[-1].active
    assert len(rows) == sum(1 for t in tasks if t["status"] != "cancelled" and (t["start"] or t["due"]))


def test_export_task_gantt_takes_a_range_and_defaults_to_this_month(demo_db, tmp_path):
    november = view_rows(demo_db, "task-gantt", ViewParams(DEMO_END))
    assert november and all(r["start"] <= dt.date(2026, 11, 30) and r["due"] >= dt.date(2026, 11, 1) for r in november)
    assert all(r["days"] == (r["due"] - r["start"]).days + 1 for r in november)
    assert any(r["milestone"] for r in november) and any(r["depends_on"] for r in november)
    out = tmp_path / "g.json"
    args = build_parser().parse_args(["--db", str(demo_db.path), "export", "task-gantt", str(out), "--from",
                                      "2026-12-01", "--to", "2026-12-31", "--as-of", DEMO_END.isoformat()])
    assert run_command(args) == 0
    records = json.loads(out.read_text(encoding="utf-8"))
    assert list(records[0]) == ["title", "owner", "promotion", "start", "due", "days", "status", "overdue",
                                "milestone", "depends_on"]
    assert all(r["due"] >= "2026-12-01" and r["start"] <= "2026-12-31" for r in records)
    assert any(r["title"] == "2026 双12年终盛典：活动复盘" for r in records)
