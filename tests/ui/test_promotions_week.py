"""The week view (promotions.week) on the demo shop: seven day columns, each promotion a bar with
its full name, channels and budget; a click on a day adds one there, a drag moves it, dragging its
end changes that date, Ctrl+Z takes each back; the form's scope picker and warnings."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import open_tab, wait_saved
from tests.ui.test_promotions_calendar import dates
from ui.tabs.promotions_tab import WEEK

D = dt.date


def week_bars(week, key):
    return [(s.first, s.last, s.lane) for s in week.segments() if s.key == key]


def drag(qtbot, widget, grab, target):
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=grab)
    qtbot.mouseMove(widget, grab + QPoint(10, 0))
    qtbot.mouseMove(widget, target)
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=target)


def test_week_view_shows_the_week_of_today_with_full_names_and_navigates(qtbot, window, demo_db):  # noqa: F811
    page = open_tab(qtbot, window, "promotions")
    page.show_view(WEEK)
    week = page.week
    assert week.objectName() == "promotions.week" and week.isVisible()
    assert (week.first_day(), week.last_day()) == (D(2026, 11, 16), D(2026, 11, 22))  # today 20 Nov, Monday first
    assert page.month_label.text() == "Nov 16 – Nov 22, 2026"
    member, _s, _e = dates(demo_db, "会员日 11月")
    assert week_bars(week, member) == [(D(2026, 11, 18), D(2026, 11, 18), 0)]
    item = next(i for i in week.items() if i.key == member)
    assert item.details == "Taobao/Tmall · Budget ¥1,100.00 (discount ¥808.00 + ads ¥292.00) · Target GMV ¥11,100.00"
    rect = week.bar_rect(member)
    assert week.day_at(rect.center()) == D(2026, 11, 18) and rect.width() > 100  # a whole column wide
    qtbot.mouseDClick(week, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())  # double-click: edit it
    form = page.findChild(object, "promotions.form")
    assert form is not None and form.isVisible() and form.widgets["name"].text() == "会员日 11月"
    qtbot.addWidget(form)
    form.reject()
    page.prev_button.click()
    page.prev_button.click()
    assert week.first_day() == D(2026, 11, 2) and page.month_label.text() == "Nov 2 – Nov 8, 2026"
    d11, _s, _e = dates(demo_db, "2026 双11全球狂欢节")  # pre-sale from 20 Oct: continues from last week
    (seg,) = [s for s in week.segments() if s.key == d11]
    assert (seg.first, seg.last, seg.starts_here) == (D(2026, 11, 2), D(2026, 11, 8), False)
    page.today_button.click()
    assert week.first_day() == D(2026, 11, 16)
    page.show_view(0)  # back to the month view: the month of that week
    assert (page.calendar.year, page.calendar.month) == (2026, 11)


def test_week_view_creates_moves_and_resizes_and_ctrl_z_undoes(qtbot, window, demo_db):  # noqa: F811
    page = open_tab(qtbot, window, "promotions")
    page.show_view(WEEK)
    week = page.week
    # create: a click on the free part of Friday 20 Nov
    day = D(2026, 11, 20)
    qtbot.mouseClick(week, Qt.MouseButton.LeftButton, pos=week.day_rect(day).bottomLeft().toPoint() + QPoint(20, -10))
    form = page.findChild(object, "promotions.form")
    assert form is not None and form.isVisible()
    qtbot.addWidget(form)
    assert form.widgets["start"].date().toPython() == day
    form.widgets["name"].setText("周末茶会")
    form.widgets["end"].setDate(D(2026, 11, 21))
    form.submit()
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=10_000)
    wait_saved(qtbot, window)
    pid, start, end = dates(demo_db, "周末茶会")
    assert (start, end) == (D(2026, 11, 20), D(2026, 11, 21))
    assert week_bars(week, pid)[0][:2] == (D(2026, 11, 20), D(2026, 11, 21))
    # move: 会员日 one day to the right
    member, _s, _e = dates(demo_db, "会员日 11月")
    grab = week.bar_rect(member).center().toPoint()
    drag(qtbot, week, grab, grab + QPoint(int(week.day_rect(day).width()), 0))
    # a move first counts the promotion's open SOP tasks off the GUI thread, then runs the edit
    qtbot.waitUntil(lambda: dates(demo_db, "会员日 11月")[1:] == (D(2026, 11, 19), D(2026, 11, 19)), timeout=20_000)
    wait_saved(qtbot, window)
    assert week_bars(week, member)[0][:2] == (D(2026, 11, 19), D(2026, 11, 19))
    # resize: the end of 周末茶会 one day on
    rect = week.bar_rect(pid)
    grab = QPoint(int(rect.right()) - 2, int(rect.center().y()))
    assert week.hit(grab)[1] == "end"
    drag(qtbot, week, grab, grab + QPoint(int(week.day_rect(day).width()), 0))
    wait_saved(qtbot, window)
    assert dates(demo_db, "周末茶会")[1:] == (D(2026, 11, 20), D(2026, 11, 22))
    # Edit → Undo (Ctrl+Z) three times: the resize, the move, the new promotion
    window.action_undo.trigger()
    wait_saved(qtbot, window)
    assert dates(demo_db, "周末茶会")[1:] == (D(2026, 11, 20), D(2026, 11, 21))
    window.action_undo.trigger()
    wait_saved(qtbot, window)
    assert dates(demo_db, "会员日 11月")[1:] == (D(2026, 11, 18), D(2026, 11, 18))
    assert week_bars(week, member)[0][:2] == (D(2026, 11, 18), D(2026, 11, 18))
    window.action_undo.trigger()
    wait_saved(qtbot, window)
    assert all(i.name != "周末茶会" for i in week.items())


def test_the_form_picks_a_scope_from_a_searchable_list_and_warns_of_an_overlap(qtbot, window, demo_db):  # noqa: F811
    from sqlalchemy import select

    from core.models import Promotion

    def scope(name):
        with demo_db.session() as s:
            return s.scalars(select(Promotion.scope).where(Promotion.name == name)).one()

    page = open_tab(qtbot, window, "promotions")
    member, _s, _e = dates(demo_db, "会员日 11月")
    form = page.edit_promotion(member)
    qtbot.addWidget(form)
    assert not form.warnings.isVisibleTo(form)  # alone on its day
    assert form.widgets["scope"].summary.text() == "Whole shop"
    dialog = form.widgets["scope"].open_dialog()
    qtbot.addWidget(dialog)
    skus = dialog.lists["skus"]
    skus.search.setText("TW010")  # the 建盏 SKUs of the new-product launch
    shown = skus.shown()
    assert shown and all("TW010" in s for s in shown)
    dialog.everything.setChecked(False)
    skus.check_shown.click()
    assert dialog.result_values() == {"categories": [], "skus": [s.split()[0] for s in shown]}
    dialog.accept()
    assert form.widgets["scope"].summary.text().startswith("SKUs: TW010-01")
    form.widgets["start"].setDate(D(2026, 10, 28))  # into 双11 on Taobao
    form.widgets["end"].setDate(D(2026, 10, 28))
    form.widgets["phases"].setText("")
    form.refresh_warnings()
    text = form.warnings.text()
    assert form.warnings.isVisibleTo(form)
    assert "Overlaps 2026 双11全球狂欢节 on TW010-01" in text and "in Taobao/Tmall (2026-10-28 – 2026-10-28)" in text
    form.submit()
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=10_000)
    wait_saved(qtbot, window)
    assert scope("会员日 11月") == {"skus": [s.split()[0] for s in shown]}
    item = next(i for i in page.calendar.items() if i.key == member)
    assert any("2026 双11全球狂欢节" in w for w in item.warnings)  # the badge on its bar
    window.action_undo.trigger()
    wait_saved(qtbot, window)
    assert scope("会员日 11月") == {} and dates(demo_db, "会员日 11月")[1] == D(2026, 11, 18)
    QApplication.processEvents()


def test_calendar_excel_button_writes_the_week_on_screen_as_a_month_sheet(qtbot, window, demo_db, tmp_path):  # noqa: F811
    import openpyxl

    page = open_tab(qtbot, window, "promotions")
    page.show_view(WEEK)  # 16 – 22 Nov 2026
    button = page.export_calendar_button
    assert button.objectName() == "promotions.export_calendar" and button.text() == "Calendar (Excel)…"
    button.export(str(tmp_path / "week.xlsx"))
    qtbot.waitUntil(lambda: button.last_written is not None, timeout=20_000)
    wb = openpyxl.load_workbook(tmp_path / "week.xlsx")
    assert wb.sheetnames == ["2026-11", "List"]
    ws = wb["2026-11"]
    cells = {str(ws.cell(r, c).value).split()[0]: ws.cell(r + 1, c).value
             for r in range(3, ws.max_row + 1, 2) for c in range(1, 8) if ws.cell(r, c).value}
    assert cells["18"] == "会员日 11月 · 正式"
    assert [r[0] for r in wb["List"].iter_rows(min_row=2, values_only=True)] == ["会员日 11月"]


def test_festivals_dialog_hides_one_per_platform_adds_an_own_preset_and_undoes(qtbot, window, demo_db):  # noqa: F811
    from PySide6.QtWidgets import QTableWidgetItem

    page = open_tab(qtbot, window, "promotions")
    dialog = page.edit_festivals()
    qtbot.addWidget(dialog)
    dialog.platform.setCurrentIndex(dialog.platform.findData("taobao"))
    assert "Singles' Day (11.11)" in dialog.shown.shown()
    dialog.shown.search.setText("11.11")
    assert dialog.shown.shown() == ["Singles' Day (11.11)"]
    dialog.shown.set_checked(["double11"], checked=False)
    row = dialog.add_row({})
    for col, text in enumerate(["店庆", "Taobao/Tmall", "11-25", "11-27", "预热 11-25~11-25; 正式 11-26~11-27"]):
        dialog.own.setItem(row, col, QTableWidgetItem(text))
    dialog.own.setItem(row, 2, QTableWidgetItem("11月25日"))  # a wrong rule first: said, nothing written
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.banner.isVisible(), timeout=10_000)
    assert "店庆: “11月25日” is not a date rule" in dialog.banner.text() and dialog.isVisible()
    dialog.own.setItem(row, 2, QTableWidgetItem("11-25"))
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    wait_saved(qtbot, window)
    names = {m.name for m in page.calendar._marks}  # November 2026 on a Taobao/Pinduoduo/Douyin shop
    assert "店庆" in names
    # 双11 is hidden on Taobao but still shown for the shop's Pinduoduo and Douyin
    assert "Singles' Day (11.11)" in names
    window.action_undo.trigger()
    wait_saved(qtbot, window)
    assert "店庆" not in {m.name for m in page.calendar._marks}


def test_plus_n_more_in_the_week_view_is_a_link_to_that_days_hidden_promotions(qtbot, window, demo_db):  # noqa: F811
    from PySide6.QtWidgets import QMenu

    from core.edits import apply_edit
    from core.edits.promotions import AddPromotion

    page = open_tab(qtbot, window, "promotions")
    page.show_view(WEEK)
    week = page.week
    window.resize(1000, 650)
    for i in range(18):  # more than a 455 px tall week holds (24 px bars) on Thu 19 – Sat 21 Nov
        apply_edit(demo_db, AddPromotion(f"周末快闪 {i}", D(2026, 11, 19), D(2026, 11, 21)))
    apply_edit(demo_db, AddPromotion("周日专场", D(2026, 11, 22), D(2026, 11, 22)))
    window.ctx.notify_changed("promotions")
    qtbot.waitUntil(lambda: len(week.segments()) >= 19, timeout=20_000)
    hidden = week.hidden_on(D(2026, 11, 20))
    assert hidden and not week.hidden_on(D(2026, 11, 16))  # Monday has nothing hidden: no link there
    names = {next(i for i in week.items() if i.key == k).name for k in hidden}
    assert names and all(n.startswith("周末快闪") for n in names)
    where = week.more_rect(D(2026, 11, 20)).center().toPoint()
    qtbot.mouseClick(week, Qt.MouseButton.LeftButton, pos=where)
    menu = week.findChild(QMenu, "calendar.more")
    assert menu is not None and menu.isVisible()
    texts = [a.text() for a in menu.actions()]
    assert len(texts) == len(hidden) and all("11-19 – 11-21" in t for t in texts)
    assert page.findChild(object, "promotions.form") is None  # the click did not open a new-promotion form
    menu.actions()[0].trigger()
    menu.close()
    form = page.findChild(object, "promotions.form")
    assert form is not None and form.isVisible()
    qtbot.addWidget(form)
    assert form.windowTitle() == "Edit promotion" and form.widgets["name"].text() == texts[0].split("  ")[0]
    form.reject()
