"""SOP templates: built-ins, applying one to a promotion (dates, owners, dependencies), moving the
promotion with its tasks, and the owner's own templates."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from core.edits import FieldError, History, apply_edit
from core.edits.promotions import MovePromotion
from core.edits.sop import ApplySop, DeleteSopTemplate, MovePromotionWithTasks, SaveSopTemplate
from core.edits.team import MoveTask
from core.models import Promotion, Staff, Task, TaskDependency, TaskTemplate
from core.sop import Step, builtin, open_sop_tasks, templates

D = dt.date
T = D(2026, 11, 11)


@pytest.fixture
def shop(db):
    with db.transaction() as s:
        s.add_all([Staff(id=1, name="林晓", role="店长", kpi={}), Staff(id=2, name="陈默", role="运营", kpi={}),
                   Staff(id=3, name="周小雨", role="客服", kpi={}), Staff(id=4, name="王强", role="仓管/美工", kpi={}),
                   Staff(id=5, name="老李", role="运营", kpi={}, active=False)])
        s.add(Promotion(id=1, name="双11", kind="festival", start=T, end=D(2026, 11, 13)))
    return db


def tasks(db) -> dict[str, tuple]:
    with db.session() as s:
        titles = {x.id: x.title for x in s.scalars(select(Task))}
        deps: dict[int, list[str]] = {}
        for tid, dep in s.execute(select(TaskDependency.task_id, TaskDependency.depends_on_id)):
            deps.setdefault(tid, []).append(titles[dep])
        return {x.title: (x.start, x.due, x.owner_id, tuple(sorted(deps.get(x.id, ()))), x.promotion_id)
                for x in s.scalars(select(Task))}


def test_the_big_promotion_sop_is_dated_from_the_start_with_owners_and_dependencies(shop):
    history = History()
    history.apply(shop, ApplySop("builtin:promo", 1))
    got = tasks(shop)
    assert len(got) == 7
    stock = got["双11：Stock up (备货)"]
    assert stock == (D(2026, 10, 12), D(2026, 10, 18), None, (), 1)  # T-30 for 7 days; nobody is 仓储 here
    signup = got["双11：Sign up and list the offer (报名/上新)"]
    assert signup == (D(2026, 10, 28), D(2026, 10, 30), 2, ("双11：Stock up (备货)",), 1)  # 运营: the active one
    launch = got["双11：Launch day: watch prices, stock and sales"]
    assert launch[:3] == (T, T, 1) and len(launch[3]) == 2
    review = got["双11：Review (复盘): targets, ROI, lessons"]
    assert review[:2] == (D(2026, 11, 14), D(2026, 11, 15))
    with shop.session() as s:
        tpl = s.scalars(select(TaskTemplate)).one()
        assert tpl.builtin == "promo" and {x.template_id for x in s.scalars(select(Task))} == {tpl.id}
    history.undo(shop)
    assert tasks(shop) == {}
    with shop.session() as s:
        assert s.scalars(select(TaskTemplate)).all() == []  # the built-in was stored by the same change


def test_owner_by_role_prefers_an_exact_role_then_one_containing_it(shop):
    from core.sop import owner_for

    staff = [(4, "王强", "仓管/美工"), (6, "小美", "美工")]
    assert owner_for("美工", staff) == 6
    assert owner_for("美工", staff[:1]) == 4
    assert owner_for("财务", staff) is None and owner_for("", staff) is None


def test_applying_the_same_template_twice_is_refused(shop):
    apply_edit(shop, ApplySop("builtin:review", 1))
    with pytest.raises(FieldError, match="already has the tasks"):
        apply_edit(shop, ApplySop("builtin:review", 1))
    assert len(tasks(shop)) == 5


def test_moving_a_task_moves_its_sop_dependants(shop):
    apply_edit(shop, ApplySop("builtin:launch", 1))
    with shop.session() as s:
        first = s.scalar(select(Task.id).where(Task.title.like("%Confirm samples%")))
    apply_edit(shop, MoveTask(first, 3, with_dependants=True))
    got = tasks(shop)
    assert got["双11：Confirm samples and shoot photos"][:2] == (D(2026, 10, 31), D(2026, 11, 3))
    assert got["双11：First-week review"][:2] == (D(2026, 11, 21), D(2026, 11, 21))  # T+7, then +3


def test_moving_the_promotion_with_its_tasks_is_one_undoable_change(shop):
    apply_edit(shop, ApplySop("builtin:promo", 1))
    with shop.transaction() as s:  # a finished step stays where it was done
        done = s.scalar(select(Task).where(Task.title.like("%Stock up%")))
        done.status, done.done_at = "done", dt.datetime(2026, 10, 18, 18)
    before = tasks(shop)
    history = History()
    change = history.apply(shop, MovePromotionWithTasks(1, 7))
    assert "with 6 tasks" in change.label
    after = tasks(shop)
    week = dt.timedelta(days=7)
    for title, (start, due, *_rest) in before.items():
        moved = 0 if "Stock up" in title else 1
        assert after[title][:2] == (start + week * moved, due + week * moved)
    with shop.session() as s:
        p = s.get(Promotion, 1)
        assert (p.start, p.end) == (D(2026, 11, 18), D(2026, 11, 20))
    history.undo(shop)
    assert tasks(shop) == before
    with shop.session() as s:
        assert s.get(Promotion, 1).start == T
    # declining moves the promotion only; a resize of its end moves no task
    apply_edit(shop, MovePromotion(1, 7))
    assert tasks(shop) == before
    apply_edit(shop, MovePromotionWithTasks(1, 2, "end"))
    assert tasks(shop) == before


def test_open_sop_tasks_are_only_the_promotions_open_template_tasks(shop):
    apply_edit(shop, ApplySop("builtin:review", 1))
    with shop.transaction() as s:
        s.add(Task(title="hand-made", promotion_id=1))
    with shop.session() as s:
        assert len(open_sop_tasks(s, 1)) == 5


def test_own_templates_are_checked_saved_and_listed_after_the_built_ins(shop):
    steps = (Step("拍摄", -5, 2, "美工"), Step("上架", -1, 1, "运营", (0,)))
    apply_edit(shop, SaveSopTemplate(None, " 直播专场 ", "每周五", steps))
    with shop.session() as s:
        names = [x.name for x in templates(s)]
        assert names == [builtin("promo").name, builtin("launch").name, builtin("review").name, "直播专场"]
        own = templates(s)[-1]
    assert own.steps == steps
    for bad, needle in [((Step("", 0),), "no title"), ((Step("a", 0, 0),), "1 to 366"),
                        ((Step("a", 0), Step("b", 0, 1, "", (1,))), "steps above it"), ((), "at least one"),
                        ((Step("a", 400),), "366 days")]:
        with pytest.raises(FieldError, match=needle) as err:
            apply_edit(shop, SaveSopTemplate(own.id, "直播专场", "", bad))
        assert err.value.field == "steps"
    with pytest.raises(FieldError, match="already"):
        apply_edit(shop, SaveSopTemplate(None, "直播专场", "", steps))
    apply_edit(shop, ApplySop(own.key, 1))
    assert tasks(shop)["双11：上架"] == (D(2026, 11, 10), D(2026, 11, 10), 2, ("双11：拍摄",), 1)
    # a changed built-in replaces ShopDesk's own in the list
    promo = builtin("promo")
    apply_edit(shop, SaveSopTemplate(None, "我的大促", "", promo.steps[:2], builtin="promo"))
    with shop.session() as s:
        listed = templates(s)
        assert listed[0].name == "我的大促" and len(listed[0].steps) == 2 and len(listed) == 4
    change = apply_edit(shop, DeleteSopTemplate(own.id))
    with shop.session() as s:
        assert [x.name for x in templates(s)][-1] == builtin("review").name
        assert s.scalar(select(Task).where(Task.title == "双11：上架")).template_id is None
    from core.edits import undo_change

    undo_change(shop, change)
    with shop.session() as s:
        assert s.scalar(select(Task).where(Task.title == "双11：上架")).template_id == own.id
