"""A month calendar painted with QPainter: a 6×7 grid (weeks start on Monday), promotions as bars
across their days in stacked lanes, phases as shaded segments, festival days tinted, today marked.

The bars, the mouse (click a day, double-click a bar, drag to move or resize, right-click) and the
keys come from ``ui.widgets.calendar_bars`` (shared with the week view); this module places the
days and bars. Where the bars go comes from ``core.calendar_layout`` (no Qt), so the geometry is
tested without a window. A week with more bars than fit shows "+N more" on its days; clicking it
lists the hidden ones.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QMenu, QSizePolicy, QWidget

from core.calendar_layout import WEEKS, Segment, Span, grid_start, lay_out, shift_month
from ui.widgets.calendar_bars import MARK_COLOURS, BarCalendar, edge_at, marks_on, more_menu, paint_bar

HEAD_H, DAY_H, LANE_H, GAP, MORE_H = 22, 20, 18, 2, 14


class MonthCalendar(BarCalendar):
    sig_month_changed = Signal(int, int)

    def __init__(self, parent: QWidget | None = None, *, name: str = "") -> None:
        super().__init__(parent, name=name)
        self.setMinimumSize(560, 420)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.year, self.month = self._today.year, self._today.month

    # ------------------------------------------------------------------ data

    def set_month(self, year: int, month: int) -> None:
        if (year, month) == (self.year, self.month):
            return
        self.year, self.month = year, month
        self._relayout()
        self.sig_month_changed.emit(year, month)

    def go(self, months: int) -> None:
        self.set_month(*shift_month(self.year, self.month, months))

    def go_today(self) -> None:
        self.set_month(self._today.year, self._today.month)

    def first_day(self) -> dt.date:
        return grid_start(self.year, self.month)

    def last_day(self) -> dt.date:
        return self.first_day() + dt.timedelta(days=7 * WEEKS - 1)

    def _relayout(self) -> None:
        self._segments = lay_out(self._spans(), self.first_day())
        self.update()

    # ------------------------------------------------------------------ geometry

    def _cell_size(self) -> tuple[float, float]:
        return self.width() / 7, max((self.height() - HEAD_H) / WEEKS, 1.0)

    def _lanes_that_fit(self) -> int:
        _cw, ch = self._cell_size()
        return max(int((ch - DAY_H - 2) // (LANE_H + GAP)), 0)

    def _visible_lanes(self, week: int) -> int:
        used = max((s.lane + 1 for s in self._segments if s.week == week), default=0)
        fit = self._lanes_that_fit()
        return used if used <= fit else max(fit - 1, 0)

    def day_rect(self, day: dt.date) -> QRect:
        index = (day - self.first_day()).days
        cw, ch = self._cell_size()
        row, col = divmod(index, 7)
        return QRectF(col * cw, HEAD_H + row * ch, cw, ch).toAlignedRect()

    def day_at(self, pos: QPoint | QPointF) -> dt.date:
        cw, ch = self._cell_size()
        col = min(max(int(pos.x() // cw), 0), 6)
        row = min(max(int((pos.y() - HEAD_H) // ch), 0), WEEKS - 1)
        return self.first_day() + dt.timedelta(days=7 * row + col)

    def day_span(self, first: dt.date, last: dt.date) -> tuple[float, float]:
        cw, _ch = self._cell_size()
        return first.weekday() * cw, (last.weekday() + 1) * cw

    def segment_rect(self, seg: Segment) -> QRectF:
        cw, ch = self._cell_size()
        first, last = seg.columns
        left = first * cw + (3 if seg.starts_here else 0)
        right = (last + 1) * cw - (3 if seg.ends_here else 0)
        top = HEAD_H + seg.week * ch + DAY_H + seg.lane * (LANE_H + GAP)
        return QRectF(left, top, right - left, LANE_H)

    def bar_rect(self, key: int, day: dt.date | None = None) -> QRectF | None:
        """The drawn rectangle of ``key``'s bar (in the week of ``day``, else its first shown week)."""
        for seg in self._segments:
            if seg.key == key and seg.lane < self._visible_lanes(seg.week) and (day is None or seg.first <= day <= seg.last):
                return self.segment_rect(seg)
        return None

    def hidden(self, day: dt.date) -> list[int]:
        """Keys of the bars on ``day`` that do not fit its week row ("+N more")."""
        week = (day - self.first_day()).days // 7
        limit = self._visible_lanes(week)
        return [s.key for s in self._segments if s.week == week and s.first <= day <= s.last and s.lane >= limit]

    def _more_rect(self, day: dt.date) -> QRectF:
        r = QRectF(self.day_rect(day))
        week = (day - self.first_day()).days // 7
        top = r.top() + DAY_H + self._visible_lanes(week) * (LANE_H + GAP)
        return QRectF(r.left() + 3, top, r.width() - 6, MORE_H)

    def hit(self, pos: QPoint | QPointF) -> tuple[Segment, str] | None:
        """The bar under ``pos`` and which part: "start"/"end" (its ends, to resize) or "both"."""
        p = QPointF(pos)
        for seg in self._segments:
            if seg.lane >= self._visible_lanes(seg.week):
                continue
            r = self.segment_rect(seg)
            if r.contains(p):
                return seg, edge_at(r, p.x(), seg.starts_here, seg.ends_here)
        return None

    def ghost_rects(self, key: int, start: dt.date, end: dt.date) -> list[QRectF]:
        lane = next((s.lane for s in self._segments if s.key == key), 0)
        return [self.segment_rect(Segment(key, seg.week, seg.first, seg.last,
                                          min(lane, max(self._visible_lanes(seg.week) - 1, 0)),
                                          seg.starts_here, seg.ends_here))
                for seg in lay_out([Span(key, start, end)], self.first_day())]

    # ------------------------------------------------------------------ painting

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#ffffff"))
        cw, ch = self._cell_size()
        base = QFont(self.font())
        small = QFont(base)
        small.setPointSizeF(max(base.pointSizeF() - 1.5, 7))
        locale = QLocale()
        p.setPen(QColor("#555"))
        for col in range(7):  # Monday first
            name = locale.dayName(col + 1, QLocale.FormatType.ShortFormat)
            p.drawText(QRectF(col * cw, 0, cw, HEAD_H), Qt.AlignmentFlag.AlignCenter, name)
        first = self.first_day()
        for index in range(7 * WEEKS):
            self._paint_day(p, first + dt.timedelta(days=index), base, small)
        p.setPen(QPen(QColor("#d6d6d6"), 1))
        for row in range(WEEKS + 1):
            y = HEAD_H + row * ch
            p.drawLine(QPointF(0, y), QPointF(self.width(), y))
        for col in range(1, 7):
            p.drawLine(QPointF(col * cw, HEAD_H), QPointF(col * cw, self.height()))
        for seg in self._segments:
            if seg.lane < self._visible_lanes(seg.week):
                paint_bar(p, self.segment_rect(seg), self._items[seg.key], seg, self.day_span, small,
                          selected=seg.key == self.selected)
        for index in range(7 * WEEKS):
            day = first + dt.timedelta(days=index)
            n = len(self.hidden(day))
            if n:
                p.setFont(small)
                p.setPen(QColor("#444"))
                p.drawText(self._more_rect(day), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                           self.tr("+%n more", "", n))
        self.paint_ghost(p)
        today = self._today
        if first <= today <= self.last_day():
            p.setPen(QPen(QColor("#1f6fb2"), 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(self.day_rect(today)).adjusted(1, 1, -1, -1))
        p.end()

    def _paint_day(self, p: QPainter, day: dt.date, base: QFont, small: QFont) -> None:
        r = QRectF(self.day_rect(day))
        marks = marks_on(self._marks, day)
        in_month = day.month == self.month
        if marks:
            tint = QColor(MARK_COLOURS.get(marks[0].kind, "#f3f3f3"))
            p.fillRect(r, tint if in_month else tint.lighter(104))
        elif not in_month:
            p.fillRect(r, QColor("#f6f6f6"))
        text = str(day.day) if day.day != 1 or in_month else QLocale().toString(QDate(day.year, day.month, day.day), "MMM d")
        bold = QFont(base)
        bold.setBold(day.day == 1 or day == self._today)
        number = QRectF(r.left() + 4, r.top() + 2, max(QFontMetrics(bold).horizontalAdvance(text) + 8, 22), DAY_H - 4)
        if day == self._today:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor("#1f6fb2"))
            p.drawRoundedRect(number.adjusted(-2, 0, 2, 0), 8, 8)
            p.setPen(QColor("#ffffff"))
        else:
            p.setPen(QColor("#222") if in_month else QColor("#a0a0a0"))
        p.setFont(bold)
        p.drawText(number, Qt.AlignmentFlag.AlignCenter, text)
        # a festival names itself on its first day and where a week row begins
        names = [m.name for m in marks if m.start == day or day.weekday() == 0]
        if names:
            p.setFont(small)
            p.setPen(QColor("#a3372a") if in_month else QColor("#c99a94"))
            label = QRectF(number.right() + 6, r.top() + 2, r.right() - number.right() - 10, DAY_H - 4)
            text = QFontMetrics(small).elidedText(" · ".join(names), Qt.TextElideMode.ElideRight, int(label.width()))
            p.drawText(label, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)

    # ------------------------------------------------------------------ the owner's hands

    def press_empty(self, day: dt.date, pos: QPointF, global_pos: QPoint) -> bool:
        if self.hidden(day) and self._more_rect(day).contains(pos):
            self._more_menu(day, global_pos)
            return True
        return False

    def empty_tooltip(self, day: dt.date) -> list[str]:
        return [m.name for m in marks_on(self._marks, day)] + [self._items[k].name for k in self.hidden(day)]

    def _more_menu(self, day: dt.date, where: QPoint) -> QMenu:
        return more_menu(self, self._items, self.hidden(day), where, self.sig_item_activated.emit)
