"""A repeating task's hour (the demo's Monday meeting at 10:00) shows wherever the task does: the
tasks export, the weekly sheet, the monthly plan's meetings — for the occurrences "Plan repeats"
writes too, which carry no rule of their own."""
from __future__ import annotations

import csv
import datetime as dt
import json

from core.edits import apply_edit
from core.edits.team import ScheduleAhead
from core.report_meetings import meeting_lines
from core.task_sheet import Week, build_sheet
from core.views import ViewParams, export_view
from tests.conftest import DEMO_END

MEETING = "周例会：上周数据复盘与本周计划"


def test_the_demo_meeting_and_its_planned_occurrences_show_their_hour_everywhere(demo_db, tmp_path):
    apply_edit(demo_db, ScheduleAhead(DEMO_END + dt.timedelta(days=28)))
    export_view(demo_db, "tasks", tmp_path / "tasks.json", ViewParams(DEMO_END))
    meetings = [r for r in json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8")) if r["title"] == MEETING]
    assert len(meetings) >= 4
    assert {r["time"] for r in meetings} == {"10:00"}
    others = [r for r in json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8")) if r["title"] != MEETING]
    assert others and {r["time"] for r in others} == {""}

    export_view(demo_db, "tasks", tmp_path / "tasks.csv", ViewParams(DEMO_END))
    with open(tmp_path / "tasks.csv", encoding="utf-8-sig", newline="") as fh:
        assert {r["Time"] for r in csv.DictReader(fh) if r["Task"] == MEETING} == {"10:00"}

    monday = min(dt.date.fromisoformat(r["due"]) for r in meetings)
    sheet = build_sheet(demo_db, Week.of(monday), DEMO_END)
    on_sheet = [task for person in sheet.people for task in person.tasks if task.title == MEETING]
    assert [task.time for task in on_sheet] == ["10:00"]

    with demo_db.session() as s:
        lines = [x for x in meeting_lines(s, monday, monday + dt.timedelta(days=27)) if x.title == MEETING]
    assert len(lines) == 4 and {x.time for x in lines} == {"10:00"}
