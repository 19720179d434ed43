"""A week calendar: seven day columns (Monday first), every promotion of the week a tall bar across
its days with its phases shaded and named, its full name, channels and budget written in it
(``CalendarItem.details``), festivals named over their days, today's column marked.

The bars and the mouse come from ``ui.widgets.calendar_bars`` (shared with the month view): click
an empty part of a day to add a promotion there, double-click a bar to edit it, drag a bar to move
it, drag one of its ends to change that date, right-click for the menu.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QMenu, QSizePolicy, QWidget

from core.calendar_layout import Segment, Span, lay_out_rows
from ui.widgets.calendar_bars import MARK_COLOURS, BarCalendar, edge_at, marks_on, more_menu, paint_bar

HEAD_H, MARK_H, GAP = 42, 18, 4
LANE_MIN, LANE_MAX = 24, 64  # a bar's height: as tall as the week has room for, within these


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


class WeekCalendar(BarCalendar):
    sig_week_changed = Signal(object)  # the Monday shown

    def __init__(self, parent: QWidget | None = None, *, name: str = "") -> None:
        super().__init__(parent, name=name)
        self.setMinimumSize(560, 300)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.monday = monday_of(self._today)

    # ------------------------------------------------------------------ data

    def set_week(self, day: dt.date) -> None:
        monday = monday_of(day)
        if monday == self.monday:
            return
        self.monday = monday
        self._relayout()
        self.sig_week_changed.emit(monday)

    def go(self, weeks: int) -> None:
        self.set_week(self.monday + dt.timedelta(days=7 * weeks))

    def go_today(self) -> None:
        self.set_week(self._today)

    def first_day(self) -> dt.date:
        return self.monday

    def last_day(self) -> dt.date:
        return self.monday + dt.timedelta(days=6)

    def _relayout(self) -> None:
        self._segments = lay_out_rows(self._spans(), [(self.first_day(), self.last_day())])
        self.update()

    # ------------------------------------------------------------------ geometry

    def _col_w(self) -> float:
        return self.width() / 7

    def _top(self) -> float:
        marks = any(m.start <= self.last_day() and m.end >= self.first_day() for m in self._marks)
        return HEAD_H + (MARK_H + GAP if marks else GAP)

    def _lanes(self) -> int:
        return max((s.lane + 1 for s in self._segments), default=0)

    def _lane_h(self) -> float:
        room = self.height() - self._top() - 30  # 30 px under the bars stay free to click a day
        return min(max(room / max(self._lanes(), 1) - GAP, LANE_MIN), LANE_MAX)

    def _visible_lanes(self) -> int:
        room = self.height() - self._top()
        n = int(room // (self._lane_h() + GAP))
        if n < self._lanes():  # some are hidden: keep the foot free for "+N more"
            n = int((room - 22) // (self._lane_h() + GAP))
        return max(n, 1)

    def day_rect(self, day: dt.date) -> QRectF:
        cw = self._col_w()
        return QRectF((day - self.monday).days * cw, 0, cw, self.height())

    def day_at(self, pos: QPoint | QPointF) -> dt.date:
        col = min(max(int(pos.x() // self._col_w()), 0), 6)
        return self.monday + dt.timedelta(days=col)

    def day_span(self, first: dt.date, last: dt.date) -> tuple[float, float]:
        cw = self._col_w()
        return (first - self.monday).days * cw, ((last - self.monday).days + 1) * cw

    def segment_rect(self, seg: Segment) -> QRectF:
        x0, x1 = self.day_span(seg.first, seg.last)
        x0 += 4 if seg.starts_here else 0
        x1 -= 4 if seg.ends_here else 0
        h = self._lane_h()
        return QRectF(x0, self._top() + seg.lane * (h + GAP), x1 - x0, h)

    def bar_rect(self, key: int) -> QRectF | None:
        for seg in self._segments:
            if seg.key == key and seg.lane < self._visible_lanes():
                return self.segment_rect(seg)
        return None

    def hidden(self) -> list[int]:
        """Keys of the bars that do not fit under each other (listed in the tooltip of the days)."""
        return [s.key for s in self._segments if s.lane >= self._visible_lanes()]

    def hidden_on(self, day: dt.date) -> list[int]:
        """Keys of the hidden bars that run on ``day`` (its "+N more")."""
        return [k for k in self.hidden() if self._items[k].start <= day <= self._items[k].end]

    def more_rect(self, day: dt.date) -> QRectF:
        """Where ``day``'s "+N more" is written (at the foot of its column); a click there lists them."""
        r = self.day_rect(day)
        return QRectF(r.left() + 4, self.height() - 20, r.width() - 8, 18)

    def press_empty(self, day: dt.date, pos: QPointF, global_pos: QPoint) -> bool:
        if self.hidden_on(day) and self.more_rect(day).contains(pos):
            self.more_menu(day, global_pos)
            return True
        return False

    def more_menu(self, day: dt.date, where: QPoint) -> QMenu:
        """The list of ``day``'s hidden promotions; picking one opens its editor."""
        return more_menu(self, self._items, self.hidden_on(day), where, self.sig_item_activated.emit)

    def hit(self, pos: QPoint | QPointF) -> tuple[Segment, str] | None:
        p = QPointF(pos)
        for seg in self._segments:
            if seg.lane >= self._visible_lanes():
                continue
            r = self.segment_rect(seg)
            if r.contains(p):
                return seg, edge_at(r, p.x(), seg.starts_here, seg.ends_here)
        return None

    def ghost_rects(self, key: int, start: dt.date, end: dt.date) -> list[QRectF]:
        lane = next((s.lane for s in self._segments if s.key == key), 0)
        return [self.segment_rect(Segment(key, 0, seg.first, seg.last, lane, seg.starts_here, seg.ends_here))
                for seg in lay_out_rows([Span(key, start, end)], [(self.first_day(), self.last_day())])]

    # ------------------------------------------------------------------ painting

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#ffffff"))
        cw = self._col_w()
        base = QFont(self.font())
        small = QFont(base)
        small.setPointSizeF(max(base.pointSizeF() - 1.5, 7))
        big = QFont(base)
        big.setPointSizeF(base.pointSizeF() + 3)
        big.setBold(True)
        locale = QLocale()
        for i in range(7):
            day = self.monday + dt.timedelta(days=i)
            col = QRectF(i * cw, 0, cw, self.height())
            marks = marks_on(self._marks, day)
            if marks:
                p.fillRect(col, QColor(MARK_COLOURS.get(marks[0].kind, "#f3f3f3")))
            elif day.weekday() >= 5:
                p.fillRect(col, QColor("#fafafa"))
            if day == self._today:
                p.fillRect(QRectF(col.left(), 0, cw, HEAD_H), QColor("#e3eefa"))
            p.setFont(small)
            p.setPen(QColor("#555"))
            p.drawText(QRectF(col.left() + 6, 2, cw - 12, 16), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                       locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat))
            p.setFont(big)
            p.setPen(QColor("#1f6fb2") if day == self._today else QColor("#222"))
            label = str(day.day) if day.day != 1 else locale.toString(QDate(day.year, day.month, 1), "MMM d")
            p.drawText(QRectF(col.left() + 6, 16, cw - 12, HEAD_H - 18),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
            names = [m.name for m in marks if m.start == day or i == 0]
            if names:
                p.setFont(small)
                p.setPen(QColor("#a3372a"))
                p.drawText(QRectF(col.left() + 4, HEAD_H, cw - 8, MARK_H), Qt.AlignmentFlag.AlignLeft |
                           Qt.AlignmentFlag.AlignVCenter, QFontMetrics(small).elidedText(
                               " · ".join(names), Qt.TextElideMode.ElideRight, int(cw - 8)))
        p.setPen(QPen(QColor("#d6d6d6"), 1))
        p.drawLine(QPointF(0, HEAD_H), QPointF(self.width(), HEAD_H))
        for i in range(1, 7):
            p.drawLine(QPointF(i * cw, 0), QPointF(i * cw, self.height()))
        tall = self._lane_h() >= 2 * QFontMetrics(base).height() + 4
        for seg in self._segments:
            if seg.lane >= self._visible_lanes():
                continue
            item = self._items[seg.key]
            lines = [item.name, item.details] if tall and item.details else None
            paint_bar(p, self.segment_rect(seg), item, seg, self.day_span, base, selected=seg.key == self.selected,
                      lines=lines, phase_names=tall)
        if self.hidden():  # per day, underlined like a link: a click lists them
            link = QFont(small)
            link.setUnderline(True)
            p.setFont(link)
            p.setPen(QColor("#1f5fa0"))
            for i in range(7):
                day = self.monday + dt.timedelta(days=i)
                n = len(self.hidden_on(day))
                if n:
                    p.drawText(self.more_rect(day), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                               self.tr("+%n more", "", n))
        self.paint_ghost(p)
        if self.first_day() <= self._today <= self.last_day():
            p.setPen(QPen(QColor("#1f6fb2"), 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(self.day_rect(self._today).adjusted(1, 1, -1, -1))
        p.end()

    def empty_tooltip(self, day: dt.date) -> list[str]:
        return [m.name for m in marks_on(self._marks, day)] + [self._items[k].name for k in self.hidden_on(day)]
