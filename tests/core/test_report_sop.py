"""The monthly plan's SOP task schedules (core.report_sop): each promotion's applied-SOP tasks,
dated relative to its start, for the promotions of the month and those whose steps fall in it."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from core.edits import apply_edit
from core.edits.sop import ApplySop
from core.models import Promotion, Staff, Task
from core.report import Month, build_plan
from core.report_sop import day_label
from tests.conftest import DEMO_END


def test_november_prints_the_schedules_of_its_promotions_steps_relative_to_their_start(demo_db):
    plan = build_plan(demo_db, Month(2026, 11), DEMO_END)
    # 双11 runs in November; 双12 starts on 1 December, but its T-34 … T-4 steps are November's work.
    assert [s.promotion for s in plan.sop_schedules] == ["2026 双11全球狂欢节", "2026 双12年终盛典"]
    big = plan.sop_schedules[0]
    assert big.start == dt.date(2026, 10, 20) and big.templates == ("大促SOP",)
    first = big.steps[0]
    # The task "2026 双11全球狂欢节：选品与定价" is the step 选品与定价, 34 days before the start.
    assert (first.title, first.owner, first.start, first.start_day, first.due_day, first.status) == (
        "选品与定价", "陈默", dt.date(2026, 9, 16), -34, -30, "done")
    assert [day_label(x.start_day) for x in big.steps] == ["T-34", "T-23", "T-18", "T-10", "T-4", "T", "T+2"]
    assert [x.owner for x in big.steps] == ["陈默", "陈默", "王强", "王强", "周小雨", "林晓", "林晓"]
    assert [x.status for x in plan.sop_schedules[1].steps][:4] == ["done", "done", "doing", "todo"]


def test_a_promotion_is_in_the_months_plan_while_it_or_its_steps_touch_the_month(demo_db):
    dec = build_plan(demo_db, Month(2026, 12), DEMO_END)
    assert [s.promotion for s in dec.sop_schedules] == ["2026 双12年终盛典", "2027年货节"]
    assert not build_plan(demo_db, Month(2027, 3), DEMO_END).sop_schedules


def test_an_sop_applied_to_a_promotion_prints_as_its_schedule_without_cancelled_steps(db):
    with db.transaction() as s:
        s.add_all([Staff(id=1, name="林晓", role="店长", kpi={}), Staff(id=2, name="陈默", role="运营", kpi={})])
        s.add(Promotion(id=1, name="双12", kind="festival", start=dt.date(2026, 12, 12), end=dt.date(2026, 12, 13)))
    apply_edit(db, ApplySop("builtin:promo", 1))
    with db.transaction() as s:
        cancelled = s.scalars(select(Task).order_by(Task.start)).first()
        cancelled.status = "cancelled"
        steps = [x.title for x in s.scalars(select(Task).order_by(Task.start))][1:]
    (schedule,) = build_plan(db, Month(2026, 11), dt.date(2026, 11, 1)).sop_schedules
    assert schedule.promotion == "双12" and schedule.start == dt.date(2026, 12, 12)
    assert ["双12：" + x.title for x in schedule.steps] == steps  # the cancelled first step left out
    assert day_label(schedule.steps[0].start_day) == "T-14"  # 报名/上新 (T-30 备货 was cancelled)
    # The steps of roles nobody has (美工, 客服, 仓储) have no owner: printed as unassigned.
    assert {x.owner for x in schedule.steps} >= {"", "陈默"}
