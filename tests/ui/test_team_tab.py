"""The Team tab on the demo shop: drag a card to change its status (and Ctrl+Z it back), the
list's filters, the task form and the overdue count in the tab's title."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from core.models import Task
from tests.conftest import DEMO_END
from tests.ui.helpers import open_tab, wait_saved


def status_of(db, task_id):
    with db.session() as s:
        return s.get(Task, task_id).status


def drop(column, key):
    """What Qt delivers when a card from another column is released over ``column``."""
    data = QMimeData()
    data.setData("application/x-shopdesk-card", repr(key).encode())
    data.setProperty("card_key", key)
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.MoveAction, data, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    column.dropEvent(event)


def test_dropping_a_card_on_done_saves_it_and_undo_puts_it_back(qtbot, window, demo_db):
    team = open_tab(qtbot, window, "team")
    board = window.findChild(QWidget, "team.board")
    assert board is team.board
    todo = board.cards_in("todo")
    assert todo
    key = todo[0]
    drop(board.columns["done"], key)
    wait_saved(qtbot, window)
    assert status_of(demo_db, key) == "done"
    assert key in board.cards_in("done") and key not in board.cards_in("todo")
    window.action_undo.trigger()
    wait_saved(qtbot, window)
    assert status_of(demo_db, key) == "todo"
    assert key in board.cards_in("todo")


def test_overdue_cards_stand_out_and_the_tab_title_counts_them(qtbot, window, demo_db):
    team = open_tab(qtbot, window, "team")
    with demo_db.session() as s:
        overdue = [t.id for t in s.scalars(select(Task)) if t.status in ("todo", "doing") and t.due and t.due < DEMO_END]
    assert overdue
    index = window.tabs.indexOf(team)
    assert window.tabs.tabText(index) == f"Team ({len(overdue)})"
    card = team.board.card(overdue[0])
    assert card.alert and card.title.startswith("⚠")
    # finishing one overdue task takes it off the count
    team.set_status(overdue[0], "done")
    wait_saved(qtbot, window)
    assert window.tabs.tabText(index) == f"Team ({len(overdue) - 1})"


def test_the_list_filters_by_person_overdue_this_week_and_promotion(qtbot, window):
    team = open_tab(qtbot, window, "team")
    team.list_button.click()
    assert team.stack.currentWidget() is team.table
    everyone = team.table.visible_rows()
    person = next(s for s in team._staff if s.name == "林晓")
    team.owner_filter.setCurrentIndex(team.owner_filter.findData(person.id))
    mine = team.table.visible_rows()
    assert mine and len(mine) < len(everyone) and {r.owner for r in mine} == {"林晓"}
    team.owner_filter.setCurrentIndex(0)

    team.when_filter.setCurrentIndex(team.when_filter.findData("overdue"))
    assert team.table.visible_rows() and all(r.overdue for r in team.table.visible_rows())
    team.when_filter.setCurrentIndex(team.when_filter.findData("week"))
    monday = DEMO_END - dt.timedelta(days=DEMO_END.weekday())
    week = team.table.visible_rows()
    assert week and all(monday <= r.due <= monday + dt.timedelta(days=6) for r in week)
    team.when_filter.setCurrentIndex(0)

    team.show_done.setChecked(True)  # the last festival's tasks are all done
    team.promotion_filter.setCurrentIndex(1)
    promo = team.promotion_filter.currentText()
    rows = team.table.visible_rows()
    assert rows and {r.promotion for r in rows} == {promo}
    assert all(c in {r.id for r in team._rows if r.promotion == promo}
               for s in ("todo", "doing", "done", "cancelled") for c in team.board.cards_in(s))


def test_new_task_form_adds_a_task_and_a_circle_is_refused_under_its_field(qtbot, window, demo_db):
    team = open_tab(qtbot, window, "team")
    form = team.new_task()
    assert form.objectName() == "team.task_form"
    form.widgets["title"].setText("直播间布置")
    form.widgets["checklist"].setText("灯光; ✓背景板")
    form.submit()
    qtbot.waitUntil(lambda: form.saved is not None, timeout=20_000)
    wait_saved(qtbot, window)
    with demo_db.session() as s:
        new = s.scalar(select(Task).where(Task.title == "直播间布置"))
        assert new.checklist == [{"text": "灯光", "done": False}, {"text": "背景板", "done": True}]
        new_id = new.id
    first = next(r for r in team._rows if r.id != new_id and r.status == "todo")
    from core.edits import apply_edit
    from core.edits.team import SetTaskFields

    apply_edit(demo_db, SetTaskFields.of(new_id, depends_on=(first.id,)))  # 直播间布置 waits for `first`
    window.ctx.notify_changed(frozenset({"tasks"}))
    wait_saved(qtbot, window)
    edit = team.open_task(first.id)
    tick(edit.widgets["depends_on"], [new_id])
    edit.submit()
    qtbot.waitUntil(lambda: edit.errors["depends_on"].isVisible(), timeout=20_000)
    assert "circle" in edit.errors["depends_on"].text() and "直播间布置" in edit.errors["depends_on"].text()
    edit.reject()


def tick(box, ids):
    """Tick ``ids`` (and only those) in a task form's “Starts after” list."""
    for i in range(box.count()):
        item = box.item(i)
        item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in ids
                           else Qt.CheckState.Unchecked)


def test_a_task_can_start_after_several_tasks_and_a_circle_among_them_is_refused(qtbot, window, demo_db):
    team = open_tab(qtbot, window, "team")
    titles = ["更新冷泡茶主图（夏季款下架）", "盘点茶具仓库", "优化龙井标题关键词"]
    ids = {r.title: r.id for r in team._rows if r.title in titles}
    target = next(r for r in team._rows if r.title == "滞销款清仓方案")
    form = team.open_task(target.id)
    tick(form.widgets["depends_on"], [ids[t] for t in titles])
    form.submit()
    qtbot.waitUntil(lambda: form.saved is not None, timeout=20_000)
    wait_saved(qtbot, window)
    row = next(r for r in team._rows if r.id == target.id)
    assert sorted(row.depends_on_ids) == sorted(ids.values())
    assert set(row.depends_on.split("; ")) == set(titles)
    # the form shows all three ticked; un-ticking one keeps the other two
    again = team.open_task(target.id)
    box = again.widgets["depends_on"]
    ticked = [box.item(i).data(Qt.ItemDataRole.UserRole) for i in range(box.count())
              if box.item(i).checkState() == Qt.CheckState.Checked]
    assert sorted(ticked) == sorted(ids.values())
    tick(box, [ids[titles[0]], ids[titles[1]]])
    again.submit()
    qtbot.waitUntil(lambda: again.saved is not None, timeout=20_000)
    wait_saved(qtbot, window)
    assert sorted(next(r for r in team._rows if r.id == target.id).depends_on_ids) == sorted([ids[titles[0]], ids[titles[1]]])
    # 盘点茶具仓库 cannot start after 滞销款清仓方案, which waits for it: refused, the circle named, nothing saved
    back = team.open_task(ids["盘点茶具仓库"])
    tick(back.widgets["depends_on"], [ids["优化龙井标题关键词"], target.id])
    back.submit()
    qtbot.waitUntil(lambda: back.errors["depends_on"].isVisible(), timeout=20_000)
    message = back.errors["depends_on"].text()
    assert "circle" in message and "滞销款清仓方案" in message and "盘点茶具仓库" in message
    back.reject()
    with demo_db.session() as s:
        from core.models import TaskDependency

        assert not s.scalars(select(TaskDependency).where(TaskDependency.task_id == ids["盘点茶具仓库"])).all()


def test_plan_repeats_writes_eight_weekly_meetings_and_one_undo_takes_them_back(qtbot, window, demo_db):
    team = open_tab(qtbot, window, "team")
    def meetings():
        with demo_db.session() as s:
            return sorted(t.start for t in s.scalars(select(Task).where(Task.title.startswith("周例会"))))
    assert len(meetings()) == 1
    window.findChild(QWidget, "team.schedule_ahead").click()
    wait_saved(qtbot, window)
    days = meetings()
    assert len(days) == 8 and all(d.weekday() == 0 for d in days) and days[-1] <= DEMO_END + dt.timedelta(weeks=8)
    assert sum(1 for r in team._rows if r.title.startswith("周例会")) == 8
    window.action_undo.trigger()
    wait_saved(qtbot, window)
    assert len(meetings()) == 1


def test_the_team_list_edits_a_person_and_marks_them_as_left(qtbot, window, demo_db):
    from core.models import Staff

    team = open_tab(qtbot, window, "team")
    team.people_button.click()
    staff = window.findChild(QWidget, "team.staff")
    assert team.stack.currentWidget() is staff
    rows = staff.table.visible_rows()
    assert {r.name for r in rows} >= {"林晓", "王强"} and all(r.active for r in rows)
    lin = next(r for r in rows if r.name == "林晓")
    staff.table.select_key(lin.id)
    assert staff.active_button.text() == "Mark as left"
    form = staff.edit(staff.current())
    assert form.widgets["name"].text() == "林晓"
    form.widgets["role"].setText("店长兼运营")
    form.submit()
    qtbot.waitUntil(lambda: form.saved is not None, timeout=20_000)
    wait_saved(qtbot, window)
    with demo_db.session() as s:
        assert s.get(Staff, lin.id).role == "店长兼运营"
    # a name already on the team is refused under the field, nothing saved
    clash = staff.edit(next(r for r in staff.table.visible_rows() if r.name == "王强"))
    clash.widgets["name"].setText("林晓")
    clash.submit()
    qtbot.waitUntil(lambda: clash.errors["name"].isVisible(), timeout=20_000)
    assert "林晓" in clash.errors["name"].text()
    clash.reject()

    staff.table.select_key(lin.id)
    staff.active_button.click()
    wait_saved(qtbot, window)
    with demo_db.session() as s:
        assert s.get(Staff, lin.id).active is False
    assert team.owner_filter.findData(lin.id) == -1  # no longer offered as an owner
    assert next(r for r in staff.table.visible_rows() if r.id == lin.id).active is False
    window.action_undo.trigger()
    wait_saved(qtbot, window)
    with demo_db.session() as s:
        assert s.get(Staff, lin.id).active is True
    assert team.owner_filter.findData(lin.id) != -1


def test_editing_a_repeating_task_asks_this_one_or_all_future(qtbot, window, demo_db, monkeypatch):
    import ui.tabs.team_forms as forms

    team = open_tab(qtbot, window, "team")
    window.findChild(QWidget, "team.schedule_ahead").click()
    wait_saved(qtbot, window)

    def meetings():
        with demo_db.session() as s:
            return [(t.title, t.start) for t in s.scalars(select(Task).where(Task.title.startswith("周例会"))
                                                           .order_by(Task.start))]
    before = meetings()
    assert len(before) == 8
    third = next(r for r in team._rows if r.title.startswith("周例会") and r.start == before[2][1])
    asked = []
    monkeypatch.setattr(forms, "ask_series_scope", lambda _parent, title: asked.append(title) or True)
    form = team.open_task(third.id)
    assert form.widgets["recurrence"].currentData() == third.recurrence  # an occurrence shows its series' rule
    form.widgets["title"].setText("周例会（改到周二）")
    form.widgets["start"].setDate(form.widgets["start"].date().addDays(1))
    form.widgets["due"].setDate(form.widgets["due"].date().addDays(1))
    form.submit()
    qtbot.waitUntil(lambda: form.saved is not None, timeout=20_000)
    wait_saved(qtbot, window)
    assert asked == [third.title]
    after = meetings()
    assert after[:2] == before[:2]
    assert [t for t, _d in after[2:]] == ["周例会（改到周二）"] * 6
    assert [d for _t, d in after[2:]] == [d + dt.timedelta(days=1) for _t, d in before[2:]]  # Tuesdays now
    window.action_undo.trigger()  # one undo: the whole series as it was
    wait_saved(qtbot, window)
    assert meetings() == before

    monkeypatch.setattr(forms, "ask_series_scope", lambda _parent, _title: False)
    form = team.open_task(third.id)
    form.widgets["title"].setText("周例会（只这次）")
    form.submit()
    qtbot.waitUntil(lambda: form.saved is not None, timeout=20_000)
    wait_saved(qtbot, window)
    assert [t for t, _d in meetings()] == ["周例会：上周数据复盘与本周计划"] * 2 + ["周例会（只这次）"] + \
        ["周例会：上周数据复盘与本周计划"] * 5

    monkeypatch.setattr(forms, "ask_series_scope", lambda _parent, _title: None)  # back to the form: nothing saved
    form = team.open_task(third.id)
    form.widgets["title"].setText("不保存")
    form.submit()
    assert form.isVisible() and form.saved is None
    form.reject()


def test_the_weekly_meeting_shows_its_hour_on_the_board_in_the_list_and_on_the_gantt(qtbot, window, demo_db):
    """The demo's Monday meeting is at 10:00 (its rule's hour): each view of the Team tab says so."""
    team = open_tab(qtbot, window, "team")
    meeting = next(r for r in team._rows if r.recurrence)
    assert meeting.time == "10:00"
    card = team.board.card(meeting.id)
    assert f"due {meeting.due.isoformat()} 10:00" in card.lines[0]
    team.list_button.click()
    proxy = team.table.proxy
    header = [proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(proxy.columnCount())]
    rows = [[proxy.index(r, c).data() for c in range(proxy.columnCount())] for r in range(proxy.rowCount())]
    shown = next(r for r in rows if r[header.index("Task")] == meeting.title)
    assert shown[header.index("Repeats")] == "Weekly 10:00"
    team.gantt_button.click()
    qtbot.waitUntil(lambda: team.gantt.chart.layout_ is not None and bool(team.gantt.chart.layout_.bars), timeout=20_000)
    assert team.gantt.chart.layout_.bar(meeting.id).title == f"{meeting.title} 10:00"


def test_the_task_forms_empty_choices_say_what_they_mean(qtbot, window, demo_db):
    """A new task has no owner, promotion or repeat yet: the lists say so instead of starting blank."""
    team = open_tab(qtbot, window, "team")
    form = team.new_task()
    first = {name: form.widgets[name].itemText(0) for name in ("owner_id", "promotion_id", "recurrence")}
    assert first == {"owner_id": "No owner", "promotion_id": "No promotion", "recurrence": "Does not repeat"}
    assert all(form.widgets[name].currentIndex() == 0 for name in first)
    assert "" not in [form.widgets["owner_id"].itemText(i) for i in range(form.widgets["owner_id"].count())]
    form.widgets["title"].setText("盘点仓库")
    form.submit()
    qtbot.waitUntil(lambda: form.saved is not None, timeout=20_000)
    wait_saved(qtbot, window)
    with demo_db.session() as s:
        new = s.scalar(select(Task).where(Task.title == "盘点仓库"))
        assert (new.owner_id, new.promotion_id, new.recurrence) == (None, None, "")
