"""The year view's hands (issue #14): drag a bar to move a promotion (also across months: a row down
is a month later), drag its end to change that date, Ctrl+Z puts it back — through the same edit as
the month and week views; a click without a drag still opens the editor."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt

from tests.ui.helpers import open_tab, wait_saved
from tests.ui.test_promotions_calendar import dates
from ui.tabs.promotions_tab import YEAR

D = dt.date


def year_view(qtbot, window):
    page = open_tab(qtbot, window, "promotions")
    page.show_view(YEAR)
    assert page.timeline.isVisible() and page.timeline.year == 2026
    return page, page.timeline


def drag(qtbot, widget, grab: QPoint, target: QPoint) -> None:
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=grab)
    qtbot.mouseMove(widget, grab + QPoint(8, 0))
    qtbot.mouseMove(widget, target)
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=target)


def test_dragging_a_bar_in_the_year_view_moves_it_and_ctrl_z_puts_it_back(qtbot, window, demo_db):
    page, tl = year_view(qtbot, window)
    pid, start, end = dates(demo_db, "会员日 11月")
    assert (start, end) == (D(2026, 11, 18), D(2026, 11, 18))
    grab = tl.bar_rect(pid, 11).center().toPoint()
    assert tl.grab(grab)[1] == "both"
    target = grab + QPoint(int(3 * tl.day_rect(start).width()), 0)  # three days to the right
    drag(qtbot, tl, grab, target)
    wait_saved(qtbot, window)
    assert dates(demo_db, "会员日 11月")[1:] == (D(2026, 11, 21), D(2026, 11, 21))
    assert [(s.week + 1, s.first) for s in tl.segments() if s.key == pid] == [(11, D(2026, 11, 21))]
    assert window.ctx.edits.undo_label() == "Move 会员日 11月 to 2026-11-21 – 2026-11-21"
    assert page.findChild(object, "promotions.form") is None  # a drag is not a click: no editor
    qtbot.keyClick(tl, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_saved(qtbot, window)
    assert dates(demo_db, "会员日 11月")[1:] == (start, end)
    assert [(s.week + 1, s.first) for s in tl.segments() if s.key == pid] == [(11, D(2026, 11, 18))]


def test_a_bar_dragged_a_row_down_lands_a_month_later(qtbot, window, demo_db):
    page, tl = year_view(qtbot, window)
    pid, start, end = dates(demo_db, "会员日 11月")
    grab = tl.bar_rect(pid, 11).center().toPoint()
    target = grab + QPoint(0, int(tl.row_rect(12).top() - tl.row_rect(11).top()))  # the same day of December
    drag(qtbot, tl, grab, target)
    wait_saved(qtbot, window)
    assert dates(demo_db, "会员日 11月")[1:] == (D(2026, 12, 18), D(2026, 12, 18))
    window.action_undo.trigger()
    wait_saved(qtbot, window)
    assert dates(demo_db, "会员日 11月")[1:] == (start, end)


def test_dragging_the_end_of_a_bar_in_the_year_view_changes_only_that_date(qtbot, window, demo_db):
    page, tl = year_view(qtbot, window)
    pid, start, end = dates(demo_db, "滞销清仓特卖")  # 2 – 8 December
    rect = tl.bar_rect(pid, 12)
    grab = QPoint(int(rect.right()) - 2, int(rect.center().y()))
    assert tl.grab(grab)[1] == "end"
    drag(qtbot, tl, grab, grab + QPoint(int(2 * tl.day_rect(start).width()), 0))
    wait_saved(qtbot, window)
    assert dates(demo_db, "滞销清仓特卖")[1:] == (start, end + dt.timedelta(days=2))
    assert window.ctx.edits.undo_label() == (f"Change 滞销清仓特卖 to {start.isoformat()} – "
                                            f"{(end + dt.timedelta(days=2)).isoformat()}")
    # and its first day's end: a day earlier (to 1 December; further left is still the 1st — a row up
    # is November)
    rect = tl.bar_rect(pid, 12)
    grab = QPoint(int(rect.left()) + 2, int(rect.center().y()))
    assert tl.grab(grab)[1] == "start"
    drag(qtbot, tl, grab, grab - QPoint(int(tl.day_rect(start).width()), 0))
    wait_saved(qtbot, window)
    assert dates(demo_db, "滞销清仓特卖")[1:] == (start - dt.timedelta(days=1), end + dt.timedelta(days=2))
    window.action_undo.trigger()
    wait_saved(qtbot, window)
    window.action_undo.trigger()
    wait_saved(qtbot, window)
    assert dates(demo_db, "滞销清仓特卖")[1:] == (start, end)


def test_plus_n_more_in_the_year_view_opens_the_list_of_the_months_hidden_promotions(qtbot, window, demo_db):
    from PySide6.QtWidgets import QMenu

    from core.edits import apply_edit
    from core.edits.promotions import AddPromotion

    page, tl = year_view(qtbot, window)
    for i in range(8):
        apply_edit(demo_db, AddPromotion(f"春茶上新 {i}", D(2026, 3, 10), D(2026, 3, 20)))
    window.ctx.notify_changed("promotions")
    qtbot.waitUntil(lambda: len([s for s in tl.segments() if s.week == 2]) >= 8, timeout=20_000)
    hidden = tl.hidden(3)
    assert hidden and not tl.hidden(4)
    qtbot.mouseClick(tl, Qt.MouseButton.LeftButton, pos=tl._more_rect(3).topLeft().toPoint() + QPoint(6, 6))
    menu = tl.findChild(QMenu, "calendar.more")
    assert menu is not None and menu.isVisible()
    texts = [a.text() for a in menu.actions()]
    items = {i.key: i for i in tl.items()}
    assert texts == [f"{items[k].name}  {items[k].start:%m-%d} – {items[k].end:%m-%d}" for k in hidden]
    assert sum(t.startswith("春茶上新") for t in texts) >= 5  # most of the eight added do not fit
    menu.actions()[-1].trigger()
    menu.close()
    form = page.findChild(object, "promotions.form")
    assert form is not None and form.isVisible()
    qtbot.addWidget(form)
    assert form.widgets["name"].text() == texts[-1].split("  ")[0]
    form.reject()
