"""A year on one screen, painted with QPainter: twelve month rows of 31 day columns, every
promotion a bar over its days (cut at the end of each month, stacked in lanes where promotions
overlap), festival days tinted and named on a strip above the bars, weekends shaded, today marked.

What an owner pins up in January. Like ``month_calendar`` it only draws and reports (a bar
clicked, a day clicked, a bar dragged to move it or by its end to resize it, a right click); the
tab turns that into the editor or core edits. A drag may cross months (down a row is a month
later); a dashed ghost shows where the bar will land. Where the bars go comes from
``core.calendar_layout.lay_out_year`` (no Qt). A month with more overlapping promotions than its
row holds says "+N more" under its name; hovering it lists them, a click opens the list to pick one.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, QEvent, QLocale, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from core.calendar_layout import Segment, Span, lay_out_year, month_rows
from ui.widgets.bar_drag import BarDrag, BarHands, draw_ghost
from ui.widgets.calendar_bars import (
    CANCELLED,
    KIND_COLOURS,
    MARK_COLOURS,
    MARK_ORDER,
    CalendarItem,
    DayMark,
    edge_at,
    more_menu,
    paint_badge,
    phase_shade,
    tooltip_text,
)

HEAD_H, LABEL_W, STRIP_H, LANE_H, GAP, PAD = 20, 78, 13, 15, 2, 3
DAYS = 31


class YearTimeline(BarHands, QWidget):
    sig_item_activated = Signal(object)  # a key: edit it
    sig_day_clicked = Signal(object)  # dt.date on an empty spot: add a promotion starting that day
    sig_item_menu = Signal(object, object, QPoint)  # key (or None), dt.date, global position
    sig_year_changed = Signal(int)
    sig_move = Signal(object, int)  # key, days
    sig_resize = Signal(object, str, int)  # key, "start" | "end", days
    sig_delete = Signal(object)  # key of the selected bar (Delete key)

    def __init__(self, parent: QWidget | None = None, *, name: str = "") -> None:
        super().__init__(parent)
        if name:
            self.setObjectName(name)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(640, 12 * (STRIP_H + LANE_H + 2 * PAD) + HEAD_H)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._today = dt.date.today()
        self.year = self._today.year
        self._items: dict[int, CalendarItem] = {}
        self._marks: list[DayMark] = []
        self._segments: list[Segment] = []
        self._drag: BarDrag | None = None  # a press on a bar, and the drag it may become
        self._day_press: dt.date | None = None  # a press on a day with no bar
        self.selected: int | None = None

    # ------------------------------------------------------------------ data

    def set_today(self, day: dt.date) -> None:
        self._today = day
        self.update()

    def set_year(self, year: int) -> None:
        if year == self.year:
            return
        self.year = year
        self._relayout()
        self.sig_year_changed.emit(year)

    def go(self, years: int) -> None:
        self.set_year(self.year + years)

    def go_today(self) -> None:
        self.set_year(self._today.year)

    def set_items(self, items: Sequence[CalendarItem], marks: Sequence[DayMark] = ()) -> None:
        self._items = {i.key: i for i in items}
        self._marks = list(marks)
        if self.selected not in self._items:
            self.selected = None
        self._relayout()

    def set_marks(self, marks: Sequence[DayMark]) -> None:
        self._marks = list(marks)
        self.update()

    def items(self) -> list[CalendarItem]:
        return list(self._items.values())

    def first_day(self) -> dt.date:
        return dt.date(self.year, 1, 1)

    def last_day(self) -> dt.date:
        return dt.date(self.year, 12, 31)

    def segments(self) -> list[Segment]:
        """Every bar's part in each month row (also those hidden behind "+N")."""
        return list(self._segments)

    def _relayout(self) -> None:
        spans = [Span(i.key, i.start, i.end) for i in sorted(self._items.values(), key=lambda i: (i.start, i.key))]
        self._segments = lay_out_year(spans, self.year)
        self.update()

    # ------------------------------------------------------------------ geometry

    def _col_w(self) -> float:
        return max((self.width() - LABEL_W) / DAYS, 1.0)

    def _row_h(self) -> float:
        return max((self.height() - HEAD_H) / 12, 1.0)

    def _lanes_that_fit(self) -> int:
        return max(int((self._row_h() - STRIP_H - 2 * PAD + GAP) // (LANE_H + GAP)), 1)

    def hidden(self, month: int) -> list[int]:
        """Keys of the bars of ``month`` (1–12) that do not fit its row."""
        fit = self._lanes_that_fit()
        return list(dict.fromkeys(s.key for s in self._segments if s.week == month - 1 and s.lane >= fit))

    def row_rect(self, month: int) -> QRectF:
        h = self._row_h()
        return QRectF(0, HEAD_H + (month - 1) * h, self.width(), h)

    def day_rect(self, day: dt.date) -> QRectF:
        if day.year != self.year:
            return QRectF()
        row, cw = self.row_rect(day.month), self._col_w()
        return QRectF(LABEL_W + (day.day - 1) * cw, row.top(), cw, row.height())

    def day_at(self, pos: QPoint | QPointF) -> dt.date | None:
        """The day under ``pos``, or None on the month names, the header and past a month's end."""
        x, y = pos.x(), pos.y()
        if x < LABEL_W or y < HEAD_H:
            return None
        month = min(int((y - HEAD_H) // self._row_h()), 11) + 1
        day = min(int((x - LABEL_W) // self._col_w()), DAYS - 1) + 1
        last = month_rows(self.year)[month - 1][1].day
        return dt.date(self.year, month, day) if day <= last else None

    def day_near(self, pos: QPoint | QPointF) -> dt.date:
        """The day under ``pos`` for a drag: past a month's end its last day, left of the days the
        month's first, above or below the rows January's or December's."""
        month = min(max(int((pos.y() - HEAD_H) // self._row_h()), 0), 11) + 1
        day = min(max(int((pos.x() - LABEL_W) // self._col_w()), 0), DAYS - 1) + 1
        return dt.date(self.year, month, min(day, month_rows(self.year)[month - 1][1].day))

    def segment_rect(self, seg: Segment) -> QRectF:
        cw, row = self._col_w(), self.row_rect(seg.week + 1)
        left = LABEL_W + (seg.first.day - 1) * cw + (2 if seg.starts_here else 0)
        right = LABEL_W + seg.last.day * cw - (2 if seg.ends_here else 0)
        top = row.top() + PAD + STRIP_H + seg.lane * (LANE_H + GAP)
        return QRectF(left, top, max(right - left, 2.0), LANE_H)

    def bar_rect(self, key: int, month: int | None = None) -> QRectF | None:
        """The drawn rectangle of ``key``'s bar (in ``month``, else its first shown month)."""
        fit = self._lanes_that_fit()
        for seg in self._segments:
            if seg.key == key and seg.lane < fit and (month is None or seg.week == month - 1):
                return self.segment_rect(seg)
        return None

    def hit(self, pos: QPoint | QPointF) -> Segment | None:
        p, fit = QPointF(pos), self._lanes_that_fit()
        return next((s for s in self._segments if s.lane < fit and self.segment_rect(s).contains(p)), None)

    def grab(self, pos: QPoint | QPointF) -> tuple[Segment, str] | None:
        """The bar under ``pos`` and what a press there grabs: "start"/"end" (its first or last
        day's end, to resize) or "both" (to move)."""
        seg = self.hit(pos)
        if seg is None:
            return None
        return seg, edge_at(self.segment_rect(seg), QPointF(pos).x(), seg.starts_here, seg.ends_here)

    def drag_day(self, pos: QPointF) -> dt.date:
        return self.day_near(pos)

    def edge_under(self, pos: QPointF) -> str | None:
        grabbed = self.grab(pos)
        return grabbed[1] if grabbed else None

    def ghost_rects(self, start: dt.date, end: dt.date, lane: int) -> list[QRectF]:
        """Where a bar over ``start``…``end`` would be drawn (one rectangle per month of this year)."""
        out = []
        for month, (first, last) in enumerate(month_rows(self.year), start=1):
            a, b = max(start, first), min(end, last)
            if a <= b:
                out.append(self.segment_rect(Segment(0, month - 1, a, b, min(lane, self._lanes_that_fit() - 1),
                                                     a == start, b == end)))
        return out

    def drag_range(self) -> tuple[int, dt.date, dt.date] | None:
        """(key, start, end) where the bar being dragged would land, or None when nothing is dragged."""
        drag = self._drag
        item = self._items.get(drag.key) if drag is not None and drag.dragging else None
        if item is None:
            return None
        return (drag.key, *drag.landing(item.start, item.end))

    def _more_rect(self, month: int) -> QRectF:
        row = self.row_rect(month)
        return QRectF(4, row.center().y(), LABEL_W - 8, row.height() / 2 - 2)

    # ------------------------------------------------------------------ painting

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#ffffff"))
        base = QFont(self.font())
        small = QFont(base)
        small.setPointSizeF(max(base.pointSizeF() - 1.5, 7))
        tiny = QFont(base)
        tiny.setPointSizeF(max(base.pointSizeF() - 2.5, 6.5))
        cw, locale = self._col_w(), QLocale()
        p.setFont(tiny)
        p.setPen(QColor("#777"))
        for d in range(1, DAYS + 1):
            if cw >= 16 or d in (1, 5, 10, 15, 20, 25, 30):  # every day where there is room for it
                p.drawText(QRectF(LABEL_W + (d - 1) * cw, 0, cw, HEAD_H), Qt.AlignmentFlag.AlignCenter, str(d))
        for month, (first, last) in enumerate(month_rows(self.year), start=1):
            self._paint_row(p, month, first, last, base, small, tiny, locale)
        p.setPen(QPen(QColor("#d6d6d6"), 1))
        for month in range(13):
            y = HEAD_H + month * self._row_h()
            p.drawLine(QPointF(0, y), QPointF(self.width(), y))
        p.drawLine(QPointF(LABEL_W, HEAD_H), QPointF(LABEL_W, self.height()))
        fit = self._lanes_that_fit()
        for seg in self._segments:
            if seg.lane < fit:
                self._paint_segment(p, seg, small)
        self._paint_ghost(p)
        today = self._today
        if today.year == self.year:
            r = self.day_rect(today)
            p.setPen(QPen(QColor("#1f6fb2"), 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5))
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor("#1f6fb2"))
            p.drawRoundedRect(QRectF(r.left(), r.top(), r.width(), 3), 1, 1)
        p.end()

    def _paint_ghost(self, p: QPainter) -> None:
        landing = self.drag_range()
        if landing is None or not self._drag.shows_ghost():
            return
        draw_ghost(p, self.ghost_rects(landing[1], landing[2], self._drag.lane))

    def _marks_on(self, day: dt.date) -> list[DayMark]:
        marks = [m for m in self._marks if m.start <= day <= m.end]
        return sorted(marks, key=lambda m: MARK_ORDER.index(m.kind) if m.kind in MARK_ORDER else len(MARK_ORDER))

    def _paint_row(self, p: QPainter, month: int, first: dt.date, last: dt.date, base: QFont, small: QFont,
                   tiny: QFont, locale: QLocale) -> None:
        row, cw = self.row_rect(month), self._col_w()
        for d in range(1, DAYS + 1):
            cell = QRectF(LABEL_W + (d - 1) * cw, row.top(), cw, row.height())
            if d > last.day:  # 30 February does not exist: greyed
                p.fillRect(cell, QColor("#efefef"))
                continue
            day = first.replace(day=d)
            marks = self._marks_on(day)
            if marks:
                p.fillRect(cell, QColor(MARK_COLOURS.get(marks[0].kind, "#f3f3f3")))
            elif day.weekday() >= 5:
                p.fillRect(cell, QColor("#f7f7f7"))
        # festival names on the strip, from their first day in this month, as far as the next one
        named = sorted({(max(m.start, first), m.name) for m in self._marks if m.start <= last and m.end >= first})
        p.setFont(tiny)
        p.setPen(QColor("#a3372a"))
        for i, (start, name) in enumerate(named):
            left = LABEL_W + (start.day - 1) * cw + 2
            right = LABEL_W + named[i + 1][0].day * cw - cw - 2 if i + 1 < len(named) else row.right() - 2
            if right - left < 8:
                continue
            text = QFontMetrics(tiny).elidedText(name, Qt.TextElideMode.ElideRight, int(right - left))
            p.drawText(QRectF(left, row.top() + 1, right - left, STRIP_H), Qt.AlignmentFlag.AlignLeft |
                       Qt.AlignmentFlag.AlignVCenter, text)
        bold = QFont(base)
        bold.setBold(month == self._today.month and self.year == self._today.year)
        p.setFont(bold)
        p.setPen(QColor("#222"))
        name = locale.toString(QDate(self.year, month, 1), "MMM")
        p.drawText(QRectF(8, row.top(), LABEL_W - 12, row.height() / 2 + 4),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, name)
        n = len(self.hidden(month))
        if n:
            p.setFont(small)
            p.setPen(QColor("#444"))
            p.drawText(self._more_rect(month), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                       self.tr("+%n more", "", n))

    def _paint_segment(self, p: QPainter, seg: Segment, small: QFont) -> None:
        item = self._items[seg.key]
        r = self.segment_rect(seg)
        colour = QColor(CANCELLED if item.cancelled else KIND_COLOURS.get(item.kind, "#607d8b"))
        cw = self._col_w()
        p.save()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawRoundedRect(r, 3, 3)
        p.setClipRect(r)
        for name, a, b in item.phases:
            first, last = max(a, seg.first), min(b, seg.last)
            if first > last:
                continue
            x0 = max(LABEL_W + (first.day - 1) * cw, r.left())
            x1 = min(LABEL_W + last.day * cw, r.right())
            p.fillRect(QRectF(x0, r.top(), x1 - x0, r.height()), phase_shade(name, colour))
        font = QFont(small)
        font.setStrikeOut(item.cancelled)
        p.setFont(font)
        p.setPen(QColor("#ffffff"))
        text = item.name + (f"  {item.channels}" if item.channels else "")
        if not seg.starts_here:
            text = "◂ " + text
        width = int(r.width() - 6)
        metrics = QFontMetrics(font)
        room = self._room_after(seg)
        if metrics.horizontalAdvance(text) > width and room > r.width():
            # A one-day 会员日 would read "会…": its name goes beside the bar, where its lane is free.
            p.setClipping(False)
            p.setPen(colour.darker(130))
            outside = QRectF(r.right() + 3, r.top(), room - r.width() - 6, r.height())
            p.drawText(outside, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                       metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(outside.width())))
        elif width > 10:
            p.drawText(r.adjusted(3, 0, -3, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                       metrics.elidedText(text, Qt.TextElideMode.ElideRight, width))
        if item.warnings and r.width() >= 20:
            paint_badge(p, r, small)
        if seg.key == self.selected:
            p.setClipping(False)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(QColor("#111111"), 2))
            p.drawRoundedRect(r.adjusted(1, 1, -1, -1), 3, 3)
        p.restore()

    def _room_after(self, seg: Segment) -> float:
        """Width from the bar's left edge to the next bar in its lane (or the row's end)."""
        r = self.segment_rect(seg)
        nxt = [self.segment_rect(s).left() for s in self._segments
               if s.week == seg.week and s.lane == seg.lane and s.first > seg.last]
        return min(nxt, default=float(self.width())) - r.left()

    # ------------------------------------------------------------------ the owner's hands

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.setFocus()
            pos = event.position()
            grabbed = self.grab(pos)
            self._drag = self._day_press = None
            if grabbed is not None:
                seg, edge = grabbed
                self.selected = seg.key
                self._drag = BarDrag(seg.key, edge, self.day_near(pos), pos, seg.lane)
                self.update()
            else:
                month = self._more_month(pos)
                if month is not None:  # "+N more" under a month's name: the list of what it hides
                    self.more_menu(month, event.globalPosition().toPoint())
                else:
                    self._day_press = self.day_at(pos)
        super().mousePressEvent(event)

    def _more_month(self, pos: QPointF) -> int | None:
        if pos.x() >= LABEL_W or pos.y() < HEAD_H:
            return None
        month = min(int((pos.y() - HEAD_H) // self._row_h()), 11) + 1
        return month if self.hidden(month) and self._more_rect(month).contains(pos) else None

    def more_menu(self, month: int, where: QPoint):
        """The list of the promotions ``month``'s row hides; picking one opens its editor."""
        return more_menu(self, self._items, self.hidden(month), where, self.sig_item_activated.emit)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        drag, day, self._drag, self._day_press = self._drag, self._day_press, None, None
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if drag is not None:
            self.update()
            if drag.finish(self.sig_move, self.sig_resize):
                return
            seg = self.hit(event.position())
            if seg is not None and seg.key == drag.key:
                self.sig_item_activated.emit(drag.key)  # a click without a drag opens the editor
        elif day is not None and self.hit(event.position()) is None and self.day_at(event.position()) == day:
            if self.selected is not None:
                self.selected = None
                self.update()
            self.sig_day_clicked.emit(day)

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        seg = self.hit(event.pos())
        day = self.day_at(event.pos())
        if seg is not None or day is not None:
            self.sig_item_menu.emit(seg.key if seg else None, day or seg.first, event.globalPos())

    def event(self, event) -> bool:  # noqa: A003 - Qt's own name
        if event.type() == QEvent.Type.ToolTip:
            pos = event.position() if hasattr(event, "position") else QPointF(event.pos())
            seg = self.hit(pos)
            if seg is not None:
                QToolTip.showText(event.globalPos(), tooltip_text(self._items[seg.key]), self)
                return True
            lines: list[str] = []
            day = self.day_at(pos)
            if day is not None:
                lines = [day.isoformat(), *(m.name for m in self._marks_on(day))]
            elif pos.x() < LABEL_W and pos.y() >= HEAD_H:  # the month's name: what "+N more" hides
                month = min(int((pos.y() - HEAD_H) // self._row_h()), 11) + 1
                lines = [f"{self._items[k].name}  {self._items[k].start:%m-%d} – {self._items[k].end:%m-%d}"
                         for k in self.hidden(month)]
            if lines:
                QToolTip.showText(event.globalPos(), "\n".join(lines), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
