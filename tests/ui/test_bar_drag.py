"""The one bar-dragging helper the month, week and year calendars share (ui/widgets/bar_drag.py):
a press becomes a drag only past Qt's start-drag distance, counts whole days, lands where the
edit will put the bar, emits a move or a resize when dropped; Escape drops it where it began."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, QPoint, QPointF, Qt, Signal
from PySide6.QtWidgets import QApplication

from ui.widgets.bar_drag import BarDrag

D = dt.date


class Sink(QObject):
    sig_move = Signal(object, int)
    sig_resize = Signal(object, str, int)


def test_a_press_that_does_not_move_far_is_a_click_and_emits_nothing(qapp):
    drag = BarDrag(7, "both", D(2026, 11, 18), QPointF(100, 50))
    near = QPointF(100 + max(QApplication.startDragDistance() - 2, 0), 50)
    assert not drag.follow(near, D(2026, 11, 19)) and not drag.dragging and not drag.shows_ghost()
    sink, got = Sink(), []
    sink.sig_move.connect(lambda *a: got.append(a))
    sink.sig_resize.connect(lambda *a: got.append(a))
    assert drag.finish(sink.sig_move, sink.sig_resize) is False and got == []


def test_a_drag_counts_days_lands_where_the_edit_will_and_emits_on_drop(qapp):
    sink, got = Sink(), []
    sink.sig_move.connect(lambda *a: got.append(("move", *a)))
    sink.sig_resize.connect(lambda *a: got.append(("resize", *a)))
    move = BarDrag(7, "both", D(2026, 11, 18), QPointF(100, 50))
    assert move.follow(QPointF(160, 50), D(2026, 11, 21)) and move.days == 3 and move.shows_ghost()
    assert not move.follow(QPointF(165, 50), D(2026, 11, 21))  # the same day: nothing to repaint
    assert move.landing(D(2026, 11, 18), D(2026, 11, 20)) == (D(2026, 11, 21), D(2026, 11, 23))
    assert move.finish(sink.sig_move, sink.sig_resize) is True
    end = BarDrag(8, "end", D(2026, 12, 8), QPointF(300, 80))
    end.follow(QPointF(100, 80), D(2026, 11, 30))  # dragged past its own start: the dates swap
    assert end.landing(D(2026, 12, 2), D(2026, 12, 8)) == (D(2026, 11, 30), D(2026, 12, 2))
    end.finish(sink.sig_move, sink.sig_resize)
    back = BarDrag(9, "start", D(2026, 12, 2), QPointF(10, 10))
    back.follow(QPointF(80, 10), D(2026, 12, 2))  # out and back to the same day: a drag, no edit
    assert back.dragging and not back.shows_ghost() and back.finish(sink.sig_move, sink.sig_resize) is True
    assert got == [("move", 7, 3), ("resize", 8, "end", -8)]


def test_escape_during_a_drag_in_the_month_view_leaves_the_bar_where_it_was(qtbot):
    from ui.widgets.calendar_bars import CalendarItem
    from ui.widgets.month_calendar import MonthCalendar

    cal = MonthCalendar()
    qtbot.addWidget(cal)
    cal.resize(900, 600)
    cal.set_today(D(2026, 11, 20))
    cal.set_month(2026, 11)
    cal.set_items([CalendarItem(1, "会员日", "own", D(2026, 11, 18), D(2026, 11, 18))])
    cal.show()
    qtbot.waitExposed(cal)
    seg = next(s for s in cal.segments() if s.key == 1)
    grab = cal.segment_rect(seg).center().toPoint()
    moves = []
    cal.sig_move.connect(lambda *a: moves.append(a))
    qtbot.mousePress(cal, Qt.MouseButton.LeftButton, pos=grab)
    qtbot.mouseMove(cal, grab + QPoint(8, 0))
    qtbot.mouseMove(cal, grab + QPoint(int(cal.day_rect(D(2026, 11, 18)).width() * 2), 0))
    qtbot.keyClick(cal, Qt.Key.Key_Escape)
    qtbot.mouseRelease(cal, Qt.MouseButton.LeftButton, pos=grab + QPoint(int(cal.day_rect(D(2026, 11, 18)).width() * 2), 0))
    assert moves == []


def test_the_year_view_shares_the_hands_escape_drops_a_drag_and_page_down_turns_the_year(qtbot):
    from ui.widgets.calendar_bars import CalendarItem
    from ui.widgets.year_timeline import YearTimeline

    tl = YearTimeline()
    qtbot.addWidget(tl)
    tl.resize(1200, 700)
    tl.set_today(D(2026, 11, 20))
    tl.go_today()
    tl.set_items([CalendarItem(1, "滞销清仓特卖", "own", D(2026, 12, 2), D(2026, 12, 8))])
    tl.show()
    qtbot.waitExposed(tl)
    grab = tl.bar_rect(1, 12).center().toPoint()
    target = grab + QPoint(int(3 * tl.day_rect(D(2026, 12, 2)).width()), 0)
    moves = []
    tl.sig_move.connect(lambda *a: moves.append(a))
    qtbot.mousePress(tl, Qt.MouseButton.LeftButton, pos=grab)
    qtbot.mouseMove(tl, grab + QPoint(8, 0))
    qtbot.mouseMove(tl, target)
    assert tl.drag_range() == (1, D(2026, 12, 5), D(2026, 12, 11))  # the ghost's dates
    qtbot.keyClick(tl, Qt.Key.Key_Escape)
    assert tl.drag_range() is None
    qtbot.mouseRelease(tl, Qt.MouseButton.LeftButton, pos=target)
    assert moves == []
    qtbot.keyClick(tl, Qt.Key.Key_PageDown)
    assert tl.year == 2027
