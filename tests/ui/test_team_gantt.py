"""The Team tab's Gantt on the demo shop: dragging a bar moves its task (one undo puts it back),
a task others wait for asks whether they move too, dragging a bar's end changes the due date."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from core.models import Task
from tests.conftest import DEMO_END
from tests.ui.helpers import wait_saved

DAY = dt.timedelta(days=1)


def open_gantt(qtbot, window):
    page = window.page("team")
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: not page.loading and not page._stale and page.loads > 0, timeout=30_000)
    page.gantt_button.click()
    gantt = window.findChild(QWidget, "team.gantt")
    assert page.stack.currentWidget() is gantt
    qtbot.waitUntil(lambda: gantt.chart.layout_ is not None and bool(gantt.chart.layout_.bars), timeout=20_000)
    return page, gantt


def task_id(db, title):
    with db.session() as s:
        return s.scalar(select(Task.id).where(Task.title == title))


def dates(db, tid):
    with db.session() as s:
        t = s.get(Task, tid)
        return t.start, t.due


def drag(qtbot, gantt, tid, days, *, end=False):
    chart = gantt.chart
    bar = chart.layout_.bar(tid)
    rect = chart.bar_rect(bar)
    x = rect.right() - 2 if end else rect.center().x()
    y = rect.center().y()
    gantt.scroll.ensureVisible(int(x), int(y), 200, 60)
    start = QPoint(int(x), int(y))
    stop = QPoint(int(x + days * chart.DAY_W), int(y))
    qtbot.mousePress(chart, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(chart, stop)
    qtbot.mouseRelease(chart, Qt.MouseButton.LeftButton, pos=stop)


def test_the_chart_shows_this_months_tasks_by_person_with_arrows_and_today(qtbot, window, demo_db):
    _team, gantt = open_gantt(qtbot, window)
    lay = gantt.chart.layout_
    assert (lay.first, lay.last) == (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert lay.today == DEMO_END.day - 1
    groups = [r.label for r in lay.rows if r.is_group]
    assert groups == sorted(groups) and "王强" in groups
    stock = task_id(demo_db, "2026 双12年终盛典：备货下单")
    pages = task_id(demo_db, "2026 双12年终盛典：详情页与主图更新")
    assert any(a.before == stock and a.after == pages for a in lay.arrows)
    # a promotion's chart runs past the month's end with its own tasks only
    gantt.which.setCurrentIndex(gantt.which.findText("2026 双12年终盛典"))
    lay = gantt.chart.layout_
    with demo_db.session() as s:
        from core.models import Promotion

        pid = s.scalar(select(Promotion.id).where(Promotion.name == "2026 双12年终盛典"))
        promo_tasks = set(s.scalars(select(Task.id).where(Task.promotion_id == pid)))
    assert lay.last > dt.date(2026, 12, 4) and {b.task_id for b in lay.bars} == promo_tasks
    assert "活动复盘" in [r.label for r in lay.rows]  # the promotion's name is not repeated on each row


def test_dragging_a_bar_moves_the_task_and_undo_puts_it_back(qtbot, window, demo_db):
    _team, gantt = open_gantt(qtbot, window)
    tid = task_id(demo_db, "更新冷泡茶主图（夏季款下架）")  # nobody waits for it: no question
    before = dates(demo_db, tid)
    gantt.ask_with_dependants = lambda *_a: pytest.fail("nobody waits for this task")
    drag(qtbot, gantt, tid, 2)
    wait_saved(qtbot, window)
    assert dates(demo_db, tid) == (before[0] + 2 * DAY, before[1] + 2 * DAY)
    assert gantt.chart.layout_.bar(tid).start == before[0] + 2 * DAY
    window.action_undo.trigger()
    wait_saved(qtbot, window)
    assert dates(demo_db, tid) == before


def test_dragging_a_task_others_wait_for_asks_and_moves_them_too(qtbot, window, demo_db):
    _team, gantt = open_gantt(qtbot, window)
    stock = task_id(demo_db, "2026 双12年终盛典：备货下单")
    review = task_id(demo_db, "2026 双12年终盛典：活动复盘")  # waits for it through three others
    stock_before, review_before = dates(demo_db, stock), dates(demo_db, review)
    asked = []
    gantt.ask_with_dependants = lambda title, n: asked.append((title, n)) or True
    drag(qtbot, gantt, stock, 3)
    wait_saved(qtbot, window)
    assert asked == [("2026 双12年终盛典：备货下单", 4)]
    assert dates(demo_db, stock)[0] == stock_before[0] + 3 * DAY
    assert dates(demo_db, review) == (review_before[0] + 3 * DAY, review_before[1] + 3 * DAY)
    window.action_undo.trigger()  # one undo takes all five back
    wait_saved(qtbot, window)
    assert dates(demo_db, stock) == stock_before and dates(demo_db, review) == review_before

    gantt.ask_with_dependants = lambda title, n: False  # only this one
    drag(qtbot, gantt, stock, -1)
    wait_saved(qtbot, window)
    assert dates(demo_db, stock)[0] == stock_before[0] - DAY and dates(demo_db, review) == review_before

    gantt.ask_with_dependants = lambda title, n: None  # cancelled: nothing moves
    drag(qtbot, gantt, stock, 5)
    wait_saved(qtbot, window)
    assert dates(demo_db, stock)[0] == stock_before[0] - DAY


def test_dragging_a_bars_end_changes_only_the_due_date(qtbot, window, demo_db):
    _team, gantt = open_gantt(qtbot, window)
    tid = task_id(demo_db, "更新冷泡茶主图（夏季款下架）")
    start, due = dates(demo_db, tid)
    drag(qtbot, gantt, tid, 2, end=True)
    wait_saved(qtbot, window)
    assert dates(demo_db, tid) == (start, due + 2 * DAY)
    window.action_undo.trigger()
    wait_saved(qtbot, window)
    assert dates(demo_db, tid) == (start, due)
