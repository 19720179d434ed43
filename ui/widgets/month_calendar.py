"""A month calendar painted with QPainter: a 6×7 grid (weeks start on Monday), promotions as bars
across their days in stacked lanes, phases as shaded segments, festival days tinted, today marked.

The widget only draws and reports what the owner did (a day clicked, a bar double-clicked or
dragged, a right click); the tab turns that into core edits. Where the bars go comes from
``core.calendar_layout`` (no Qt), so the geometry is tested without a window. A week with more
bars than fit shows "+N more" on its days; clicking it lists the hidden ones.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QDate, QEvent, QLocale, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QApplication, QMenu, QSizePolicy, QToolTip, QWidget

from core.calendar_layout import WEEKS, Segment, Span, grid_start, lay_out, shift_month

KIND_COLOURS = {"festival": "#c8402f", "platform": "#d9821a", "own": "#2f6db5"}
CANCELLED = "#9e9e9e"
MARK_COLOURS = {"holiday": "#ffe0dc", "promotion": "#fdf0ec", "season": "#fff5dc", "note": "#eceff4"}
MARK_ORDER = ("holiday", "promotion", "season", "note")  # which tint wins on a day several cover
HEAD_H, DAY_H, LANE_H, GAP, MORE_H = 22, 20, 18, 2, 14
EDGE = 6  # px at a bar's end that resize instead of move

_LIGHT = ("预热", "预售", "定金", "蓄水", "warm", "pre")
_FINAL = ("返场", "尾款", "final")
_PEAK = ("巅峰", "peak")


def phase_shade(name: str, colour: QColor) -> QColor:
    """A phase's colour: lead-in phases (预热/预售/定金) lighter, 返场/尾款 a little lighter,
    the peak day darker, the sale itself the promotion's own colour."""
    low = name.casefold()
    if any(w in low for w in _PEAK):
        return colour.darker(125)
    if any(w in low for w in _LIGHT):
        return colour.lighter(150)
    if any(w in low for w in _FINAL):
        return colour.lighter(125)
    return colour


@dataclass(frozen=True)
class CalendarItem:
    key: int
    name: str
    kind: str
    start: dt.date
    end: dt.date
    channels: str = ""  # channel letters, e.g. "T·P·D"
    phases: tuple[tuple[str, dt.date, dt.date], ...] = ()
    cancelled: bool = False
    tooltip: str = ""


@dataclass(frozen=True)
class DayMark:
    """A festival or season that tints its days (and names itself on its first day of each week)."""

    name: str
    kind: str
    start: dt.date
    end: dt.date


class MonthCalendar(QWidget):
    sig_day_clicked = Signal(object)  # dt.date: add a promotion starting that day
    sig_item_activated = Signal(object)  # a key: edit it
    sig_item_menu = Signal(object, object, QPoint)  # key (or None on an empty day), dt.date, global position
    sig_move = Signal(object, int)  # key, days
    sig_resize = Signal(object, str, int)  # key, "start" | "end", days
    sig_delete = Signal(object)  # key of the selected bar (Delete key)
    sig_month_changed = Signal(int, int)

    def __init__(self, parent: QWidget | None = None, *, name: str = "") -> None:
        super().__init__(parent)
        if name:
            self.setObjectName(name)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(560, 420)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        today = dt.date.today()
        self._today = today
        self.year, self.month = today.year, today.month
        self._items: dict[int, CalendarItem] = {}
        self._marks: list[DayMark] = []
        self._segments: list[Segment] = []
        self.selected: int | None = None
        self._press: tuple | None = None  # ("bar", key, edge, day, pos) | ("day", day, pos)
        self._dragging = False
        self._drag_days = 0

    # ------------------------------------------------------------------ data

    def set_today(self, day: dt.date) -> None:
        self._today = day
        self.update()

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
        return grid_start(self.year, self.month)

    def last_day(self) -> dt.date:
        return self.first_day() + dt.timedelta(days=7 * WEEKS - 1)

    def segments(self) -> list[Segment]:
        """Where every bar of the shown month goes (all lanes, also those hidden behind "+N more")."""
        return list(self._segments)

    def _relayout(self) -> None:
        spans = [Span(i.key, i.start, i.end) for i in sorted(self._items.values(), key=lambda i: (i.start, i.key))]
        self._segments = lay_out(spans, self.first_day())
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
                if seg.starts_here and p.x() - r.left() <= EDGE and r.width() > 3 * EDGE:
                    return seg, "start"
                if seg.ends_here and r.right() - p.x() <= EDGE and r.width() > 3 * EDGE:
                    return seg, "end"
                return seg, "both"
        return None

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
                self._paint_segment(p, seg, small)
        for index in range(7 * WEEKS):
            day = first + dt.timedelta(days=index)
            n = len(self.hidden(day))
            if n:
                p.setFont(small)
                p.setPen(QColor("#444"))
                p.drawText(self._more_rect(day), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                           self.tr("+%n more", "", n))
        if self._dragging and self._drag_days:
            self._paint_ghost(p)
        today = self._today
        if first <= today <= self.last_day():
            p.setPen(QPen(QColor("#1f6fb2"), 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(self.day_rect(today)).adjusted(1, 1, -1, -1))
        p.end()

    def _marks_on(self, day: dt.date) -> list[DayMark]:
        marks = [m for m in self._marks if m.start <= day <= m.end]
        return sorted(marks, key=lambda m: MARK_ORDER.index(m.kind) if m.kind in MARK_ORDER else len(MARK_ORDER))

    def _paint_day(self, p: QPainter, day: dt.date, base: QFont, small: QFont) -> None:
        r = QRectF(self.day_rect(day))
        marks = self._marks_on(day)
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

    def _colour(self, item: CalendarItem) -> QColor:
        return QColor(CANCELLED if item.cancelled else KIND_COLOURS.get(item.kind, "#607d8b"))

    def _paint_segment(self, p: QPainter, seg: Segment, small: QFont) -> None:
        item = self._items[seg.key]
        r = self.segment_rect(seg)
        colour = self._colour(item)
        cw, _ch = self._cell_size()
        p.save()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawRoundedRect(r, 3, 3)
        clip = r
        p.setClipRect(clip)
        # phases: each its own shade over its days, a thin light line where one ends
        for name, a, b in item.phases:
            first, last = max(a, seg.first), min(b, seg.last)
            if first > last:
                continue
            x0 = max(first.weekday() * cw, r.left())
            x1 = min((last.weekday() + 1) * cw, r.right())
            p.fillRect(QRectF(x0, r.top(), x1 - x0, r.height()), phase_shade(name, colour))
            if b <= seg.last and b < item.end:
                p.setPen(QPen(QColor(255, 255, 255, 200), 1))
                p.drawLine(QPointF(x1, r.top() + 2), QPointF(x1, r.bottom() - 2))
                p.setPen(Qt.PenStyle.NoPen)
        font = QFont(small)
        font.setStrikeOut(item.cancelled)
        p.setFont(font)
        p.setPen(QColor("#ffffff"))
        text = item.name + (f"  {item.channels}" if item.channels else "")
        if not seg.starts_here:
            text = "◂ " + text
        width = int(r.width() - 8)
        p.drawText(r.adjusted(4, 0, -4, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, width))
        p.setClipping(False)
        if seg.key == self.selected:
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(QColor("#111111"), 2))
            p.drawRoundedRect(r.adjusted(1, 1, -1, -1), 3, 3)
        p.restore()

    def _drag_range(self) -> tuple[int, dt.date, dt.date] | None:
        if not self._press or self._press[0] != "bar":
            return None
        key, edge = self._press[1], self._press[2]
        item = self._items.get(key)
        if item is None:
            return None
        shift = dt.timedelta(days=self._drag_days)
        start = item.start + shift if edge in ("both", "start") else item.start
        end = item.end + shift if edge in ("both", "end") else item.end
        return key, min(start, end), max(start, end)

    def _paint_ghost(self, p: QPainter) -> None:
        drag = self._drag_range()
        if drag is None:
            return
        key, start, end = drag
        lane = next((s.lane for s in self._segments if s.key == key), 0)
        pen = QPen(QColor("#111111"), 1.5, Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.setBrush(QBrush(QColor(0, 0, 0, 30)))
        for seg in lay_out([Span(key, start, end)], self.first_day()):
            p.drawRoundedRect(self.segment_rect(Segment(key, seg.week, seg.first, seg.last,
                                                        min(lane, max(self._visible_lanes(seg.week) - 1, 0)),
                                                        seg.starts_here, seg.ends_here)), 3, 3)

    # ------------------------------------------------------------------ the owner's hands

    def mousePressEvent(self, event) -> None:  # noqa: N802
        pos = event.position()
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setFocus()
        hit = self.hit(pos)
        day = self.day_at(pos)
        self._dragging, self._drag_days = False, 0
        if hit is not None:
            seg, edge = hit
            self.selected = seg.key
            self._press = ("bar", seg.key, edge, day, pos)
            self.update()
            return
        self._press = ("day", day, pos)
        if self.hidden(day) and self._more_rect(day).contains(pos):
            self._press = None
            self._more_menu(day, event.globalPosition().toPoint())

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        pos = event.position()
        if self._press and self._press[0] == "bar":
            start_pos = self._press[4]
            if not self._dragging and (pos - start_pos).manhattanLength() >= QApplication.startDragDistance():
                self._dragging = True
            if self._dragging:
                days = (self.day_at(pos) - self._press[3]).days
                if days != self._drag_days:
                    self._drag_days = days
                    self.update()
            return
        hit = self.hit(pos)
        shape = (Qt.CursorShape.SizeHorCursor if hit and hit[1] != "both" else
                 Qt.CursorShape.OpenHandCursor if hit else Qt.CursorShape.ArrowCursor)
        self.setCursor(shape)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        press, self._press = self._press, None
        dragging, days = self._dragging, self._drag_days
        self._dragging, self._drag_days = False, 0
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        if press[0] == "bar":
            self.update()
            if dragging and days:
                key, edge = press[1], press[2]
                if edge == "both":
                    self.sig_move.emit(key, days)
                else:
                    self.sig_resize.emit(key, edge, days)
            return
        if press[0] == "day" and self.day_at(event.position()) == press[1]:
            if self.selected is not None:
                self.selected = None
                self.update()
            self.sig_day_clicked.emit(press[1])

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        hit = self.hit(event.position())
        if hit is not None:
            self._press = None
            self.sig_item_activated.emit(hit[0].key)

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        hit = self.hit(event.pos())
        if hit is not None:
            self.selected = hit[0].key
            self.update()
        self.sig_item_menu.emit(hit[0].key if hit else None, self.day_at(event.pos()), event.globalPos())

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.selected is not None:
            self.sig_delete.emit(self.selected)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected is not None:
            self.sig_item_activated.emit(self.selected)
        elif key == Qt.Key.Key_PageUp:
            self.go(-1)
        elif key == Qt.Key.Key_PageDown:
            self.go(1)
        elif key == Qt.Key.Key_Escape and self._dragging:
            self._press, self._dragging, self._drag_days = None, False, 0
            self.update()
        else:
            super().keyPressEvent(event)

    def _more_menu(self, day: dt.date, where: QPoint) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("calendar.more")
        for key in self.hidden(day):
            item = self._items[key]
            action = menu.addAction(f"{item.name}  {item.start:%m-%d} – {item.end:%m-%d}")
            action.triggered.connect(lambda _=False, k=key: self.sig_item_activated.emit(k))
        menu.popup(where)
        return menu

    def event(self, event) -> bool:  # noqa: A003 - Qt's own name
        if event.type() == QEvent.Type.ToolTip:
            pos = event.position() if hasattr(event, "position") else QPointF(event.pos())
            hit = self.hit(pos)
            if hit is not None:
                item = self._items[hit[0].key]
                QToolTip.showText(event.globalPos(), item.tooltip or item.name, self)
            else:
                day = self.day_at(pos)
                lines = [m.name for m in self._marks_on(day)]
                lines += [self._items[k].name for k in self.hidden(day)]
                if lines:
                    QToolTip.showText(event.globalPos(), "\n".join([day.isoformat(), *lines]), self)
                else:
                    QToolTip.hideText()
            return True
        return super().event(event)
