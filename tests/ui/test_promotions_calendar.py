"""The promotion calendar on the demo shop: bars where the promotions run, a click on a day opens
the form on that day, a drag moves a promotion by the days dragged and Ctrl+Z puts it back."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from sqlalchemy import select

from core.models import Promotion
from tests.ui.helpers import open_tab, wait_saved

D = dt.date


def dates(db, name):
    with db.session() as s:
        p = s.scalars(select(Promotion).where(Promotion.name == name)).one()
        return p.id, p.start, p.end


def bars(cal, key):
    return [(s.week, s.first, s.last, s.lane) for s in cal.segments() if s.key == key]


def test_november_2026_shows_each_promotion_on_its_days_in_lanes(qtbot, window, demo_db):
    page = open_tab(qtbot, window, "promotions")
    cal = page.calendar
    assert cal.objectName() == "promotions.calendar" and (cal.year, cal.month) == (2026, 11)
    assert page.month_label.text() == "November 2026"
    assert (cal.first_day(), cal.last_day()) == (D(2026, 10, 26), D(2026, 12, 6))  # Monday first, 6 weeks
    d11, _s, _e = dates(demo_db, "2026 双11全球狂欢节")
    member, _s, _e = dates(demo_db, "会员日 11月")
    d12, _s, _e = dates(demo_db, "2026 双12年终盛典")
    clear, _s, _e = dates(demo_db, "滞销清仓特卖")
    # 双11 from its pre-sale (20 Oct) to 11 Nov: cut at each week, lane 0 throughout
    assert bars(cal, d11) == [(0, D(2026, 10, 26), D(2026, 11, 1), 0), (1, D(2026, 11, 2), D(2026, 11, 8), 0),
                              (2, D(2026, 11, 9), D(2026, 11, 11), 0)]
    assert bars(cal, member) == [(3, D(2026, 11, 18), D(2026, 11, 18), 0)]
    # the last row: 双12 from 1 Dec, the clearance sale from 2 Dec stacked under it
    assert bars(cal, d12) == [(5, D(2026, 11, 30) + dt.timedelta(days=1), D(2026, 12, 6), 0)]
    assert bars(cal, clear) == [(5, D(2026, 12, 2), D(2026, 12, 6), 1)]
    # a bar is drawn inside its days, the label says the name and its channel letters
    item = next(i for i in cal.items() if i.key == clear)
    assert item.channels == "T·P" and item.name == "滞销清仓特卖"
    rect = cal.bar_rect(clear)
    assert cal.day_at(rect.topLeft() + QPoint(8, 4).toPointF()) == D(2026, 12, 2)
    assert cal.day_at(rect.topRight() + QPoint(-8, 4).toPointF()) == D(2026, 12, 6)
    assert [p[0] for p in next(i for i in cal.items() if i.key == d11).phases] == ["预售", "正式", "巅峰日"]
    # festivals of the shop's channels are shaded: 双11 yes, Black Friday (Shopify only) not on a tea shop
    # that sells on Taobao, Pinduoduo and Douyin
    names = {m.name for m in cal._marks}
    assert "Singles' Day (11.11)" in names and "Black Friday / Cyber Monday" not in names
    page.next_button.click()
    assert (cal.year, cal.month) == (2026, 12) and page.month_label.text() == "December 2026"
    assert bars(cal, d12)[0][1] == D(2026, 12, 1)
    page.today_button.click()
    assert (cal.year, cal.month) == (2026, 11)


def test_clicking_a_day_opens_the_new_promotion_form_on_that_day_and_saves(qtbot, window, demo_db):
    page = open_tab(qtbot, window, "promotions")
    cal = page.calendar
    day = D(2026, 11, 24)
    qtbot.mouseClick(cal, Qt.MouseButton.LeftButton, pos=cal.day_rect(day).topLeft() + QPoint(30, 8))
    form = page.findChild(object, "promotions.form")
    assert form is not None and form.isVisible()
    qtbot.addWidget(form)
    assert form.widgets["start"].date().toPython() == day and form.widgets["end"].date().toPython() == day
    form.widgets["name"].setText("感恩节小促")
    form.widgets["platforms"].setText("Taobao/Tmall, amazon")
    form.submit()  # core refuses the unknown channel, under its field
    qtbot.waitUntil(lambda: form.errors["platforms"].isVisibleTo(form), timeout=10_000)
    assert "amazon" in form.errors["platforms"].text()
    form.widgets["platforms"].setText("Taobao/Tmall, Douyin")
    form.widgets["phases"].setText("预热 11-24~11-25; 正式 11-26~11-28")
    form.widgets["end"].setDate(D(2026, 11, 28))
    form.submit()
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=10_000)
    wait_saved(qtbot, window)
    pid, start, end = dates(demo_db, "感恩节小促")
    assert (start, end) == (D(2026, 11, 24), D(2026, 11, 28))
    assert bars(cal, pid) == [(4, D(2026, 11, 24), D(2026, 11, 28), 0)]


def test_dragging_a_bar_moves_it_and_ctrl_z_puts_it_back(qtbot, window, demo_db):
    page = open_tab(qtbot, window, "promotions")
    cal = page.calendar
    pid, start, end = dates(demo_db, "会员日 11月")
    assert (start, end) == (D(2026, 11, 18), D(2026, 11, 18))
    grab = cal.bar_rect(pid).center().toPoint()
    target = grab + QPoint(2 * cal.day_rect(start).width(), 0)  # two days to the right
    qtbot.mousePress(cal, Qt.MouseButton.LeftButton, pos=grab)
    qtbot.mouseMove(cal, grab + QPoint(10, 0))
    qtbot.mouseMove(cal, target)
    qtbot.mouseRelease(cal, Qt.MouseButton.LeftButton, pos=target)
    wait_saved(qtbot, window)
    assert dates(demo_db, "会员日 11月")[1:] == (D(2026, 11, 20), D(2026, 11, 20))
    assert bars(cal, pid) == [(3, D(2026, 11, 20), D(2026, 11, 20), 0)]
    assert window.ctx.edits.undo_label() == "Move 会员日 11月 to 2026-11-20 – 2026-11-20"
    qtbot.keyClick(cal, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_saved(qtbot, window)
    assert dates(demo_db, "会员日 11月")[1:] == (D(2026, 11, 18), D(2026, 11, 18))
    assert bars(cal, pid) == [(3, D(2026, 11, 18), D(2026, 11, 18), 0)]


def test_dragging_the_end_of_a_bar_changes_only_that_date(qtbot, window, demo_db):
    page = open_tab(qtbot, window, "promotions")
    cal = page.calendar
    pid, start, end = dates(demo_db, "滞销清仓特卖")  # 2 – 8 Dec; shown 2 – 6 Dec in November's grid
    page.next_button.click()  # December: 2 – 6 Dec in the first row, 7 – 8 Dec in the second
    rect = cal.bar_rect(pid, end)
    grab = QPoint(int(rect.right()) - 2, int(rect.center().y()))
    target = grab + QPoint(2 * cal.day_rect(start).width(), 0)
    assert cal.hit(grab)[1] == "end"
    qtbot.mousePress(cal, Qt.MouseButton.LeftButton, pos=grab)
    qtbot.mouseMove(cal, grab + QPoint(10, 0))
    qtbot.mouseMove(cal, target)
    qtbot.mouseRelease(cal, Qt.MouseButton.LeftButton, pos=target)
    wait_saved(qtbot, window)
    assert dates(demo_db, "滞销清仓特卖")[1:] == (start, end + dt.timedelta(days=2))
    window.action_undo.trigger()
    wait_saved(qtbot, window)
    assert dates(demo_db, "滞销清仓特卖")[1:] == (start, end)


def test_right_click_menu_copies_to_next_year_and_deletes_to_the_trash(qtbot, window, demo_db):
    page = open_tab(qtbot, window, "promotions")
    cal = page.calendar
    pid, _s, _e = dates(demo_db, "2026 双11全球狂欢节")
    menu = page._calendar_menu(pid, D(2026, 11, 5), cal.mapToGlobal(QPoint(5, 5)))
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == ["Edit…", "Effect…", "Copy to next year", "Create tasks from SOP…", "Delete", "New promotion on 2026-11-05…"]
    menu.close()
    next(a for a in menu.actions() if a.text() == "Copy to next year").trigger()
    wait_saved(qtbot, window)
    assert dates(demo_db, "2027 双11全球狂欢节")[1:] == (D(2027, 10, 20), D(2027, 11, 11))
    cal.selected = pid
    qtbot.keyClick(cal, Qt.Key.Key_Delete)
    wait_saved(qtbot, window)
    with demo_db.session() as s:
        assert s.get(Promotion, pid) is None
    assert not bars(cal, pid)
    window.action_undo.trigger()
    wait_saved(qtbot, window)
    assert bars(cal, pid)[0][0] == 0


def test_many_promotions_on_one_day_show_plus_n_more(qtbot, window, demo_db):
    page = open_tab(qtbot, window, "promotions")
    cal = page.calendar
    window.resize(1000, 650)
    from core.edits import apply_edit
    from core.edits.promotions import AddPromotion

    for i in range(8):
        apply_edit(demo_db, AddPromotion("很长很长的促销名称，用来检查日历上的文字不会溢出 " * 2 + str(i),
                                         D(2026, 11, 25), D(2026, 11, 27)))
    window.ctx.notify_changed("promotions")
    qtbot.waitUntil(lambda: len([s for s in cal.segments() if s.week == 4]) >= 8, timeout=20_000)
    hidden = cal.hidden(D(2026, 11, 26))
    assert hidden and len(hidden) + cal._visible_lanes(4) == 8
    assert page.views.currentIndex() == 0
    page.show_list.click()
    assert page.views.currentWidget().objectName() == "promotions.list" and not page.prev_button.isVisible()
