"""What the promotion calendars share: the bars (colours by kind, phases as shaded segments, the
name and channels, a warning badge, the selection outline), where on a bar a press grabs it
(an end to resize, the middle to move) and the mouse and keys that turn presses into signals.

``BarCalendar`` is the base of the month and week views (``MonthCalendar``, ``WeekCalendar``): a
subclass says where days and bars are (``day_at``, ``hit``, ``segment_rect``, ``day_span``) and
paints its grid; the base handles click-a-day, double-click-a-bar, drag to move or resize (with a
dashed ghost where the bar will land), right-click, Delete/Enter/Page Up/Page Down and tooltips.
The dragging itself, the pointer's shape and the keys are ``ui.widgets.bar_drag``'s, which the
year view (``YearTimeline``) uses too.
The widgets only report what the owner did; the tab turns it into core edits.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QMenu, QToolTip, QWidget

from core.calendar_layout import Segment, Span
from ui.widgets.bar_drag import BarDrag, BarHands, draw_ghost

KIND_COLOURS = {"festival": "#c8402f", "platform": "#d9821a", "own": "#2f6db5"}
CANCELLED = "#9e9e9e"
MARK_COLOURS = {"holiday": "#ffe0dc", "promotion": "#fdf0ec", "season": "#fff5dc", "note": "#eceff4"}
MARK_ORDER = ("holiday", "promotion", "season", "note")  # which tint wins on a day several cover
WARNING_COLOUR = "#f2b705"
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
    warnings: tuple[str, ...] = ()  # core.promotion_warnings: a badge on the bar, listed in its tooltip
    details: str = ""  # a second line where a bar has room (the week view): channels, budget


@dataclass(frozen=True)
class DayMark:
    """A festival or season that tints its days (and names itself on its first day of each week)."""

    name: str
    kind: str
    start: dt.date
    end: dt.date


def item_colour(item: CalendarItem) -> QColor:
    return QColor(CANCELLED if item.cancelled else KIND_COLOURS.get(item.kind, "#607d8b"))


def marks_on(marks: Sequence[DayMark], day: dt.date) -> list[DayMark]:
    found = [m for m in marks if m.start <= day <= m.end]
    return sorted(found, key=lambda m: MARK_ORDER.index(m.kind) if m.kind in MARK_ORDER else len(MARK_ORDER))


def badge_rect(r: QRectF) -> QRectF:
    size = min(r.height() - 4, 14.0)
    return QRectF(r.right() - size - 3, r.top() + (min(r.height(), 22) - size) / 2, size, size)


def paint_badge(p: QPainter, r: QRectF, font: QFont) -> None:
    """The warning badge: a yellow disc with "!" at the bar's right end."""
    b = badge_rect(r)
    p.save()
    p.setClipping(False)
    p.setPen(QPen(QColor("#ffffff"), 1))
    p.setBrush(QColor(WARNING_COLOUR))
    p.drawEllipse(b)
    bold = QFont(font)
    bold.setBold(True)
    p.setFont(bold)
    p.setPen(QColor("#3a2a00"))
    p.drawText(b, Qt.AlignmentFlag.AlignCenter, "!")
    p.restore()


def paint_bar(p: QPainter, r: QRectF, item: CalendarItem, seg: Segment,
              day_span: Callable[[dt.date, dt.date], tuple[float, float]], font: QFont, *,
              selected: bool = False, lines: Sequence[str] | None = None, phase_names: bool = False) -> None:
    """One bar segment: the kind's colour, each phase shaded over its days (``day_span(first, last)``
    gives their x range) with a thin line where one ends, the text (``lines``, default the name and
    channel letters, ◂ when it continues from before), the warning badge and the selection."""
    colour = item_colour(item)
    p.save()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    p.drawRoundedRect(r, 3, 3)
    p.setClipRect(r)
    small = QFont(font)
    small.setPointSizeF(max(font.pointSizeF() - 1, 6.5))
    for name, a, b in item.phases:
        first, last = max(a, seg.first), min(b, seg.last)
        if first > last:
            continue
        x0, x1 = day_span(first, last)
        x0, x1 = max(x0, r.left()), min(x1, r.right())
        shade = QRectF(x0, r.top(), x1 - x0, r.height())
        p.fillRect(shade, phase_shade(name, colour))
        if b <= seg.last and b < item.end:
            p.setPen(QPen(QColor(255, 255, 255, 200), 1))
            p.drawLine(QPointF(x1, r.top() + 2), QPointF(x1, r.bottom() - 2))
            p.setPen(Qt.PenStyle.NoPen)
        if phase_names and shade.width() > 24:
            p.setFont(small)
            p.setPen(QColor(255, 255, 255, 220))
            p.drawText(shade.adjusted(3, 0, -3, -2), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                       QFontMetrics(small).elidedText(name, Qt.TextElideMode.ElideRight, int(shade.width() - 6)))
            p.setPen(Qt.PenStyle.NoPen)
    text_font = QFont(font)
    text_font.setStrikeOut(item.cancelled)
    p.setFont(text_font)
    p.setPen(QColor("#ffffff"))
    if lines is None:
        lines = [item.name + (f"  {item.channels}" if item.channels else "")]
    lines = list(lines)
    if not seg.starts_here and lines:
        lines[0] = "◂ " + lines[0]
    right_pad = (badge_rect(r).width() + 6) if item.warnings else 4
    width = int(r.width() - 4 - right_pad)
    metrics = QFontMetrics(text_font)
    line_h = metrics.height()
    if len(lines) == 1 or r.height() < 2 * line_h + 2:
        p.drawText(r.adjusted(4, 0, -right_pad, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   metrics.elidedText(lines[0], Qt.TextElideMode.ElideRight, width))
    else:
        y = r.top() + 2
        for n, line in enumerate(lines):
            if y + line_h > r.bottom() - (QFontMetrics(small).height() if phase_names else 0) + 2:
                break
            f = text_font if n == 0 else small
            p.setFont(f)
            p.drawText(QRectF(r.left() + 4, y, width, line_h), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                       QFontMetrics(f).elidedText(line, Qt.TextElideMode.ElideRight, width))
            y += line_h
    p.setClipping(False)
    if item.warnings:
        paint_badge(p, r, font)
    if selected:
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(QColor("#111111"), 2))
        p.drawRoundedRect(r.adjusted(1, 1, -1, -1), 3, 3)
    p.restore()


def edge_at(r: QRectF, x: float, starts_here: bool, ends_here: bool) -> str:
    """Which part of a bar a press at ``x`` grabs: "start"/"end" (its ends, to resize) or "both" (move)."""
    if starts_here and x - r.left() <= EDGE and r.width() > 3 * EDGE:
        return "start"
    if ends_here and r.right() - x <= EDGE and r.width() > 3 * EDGE:
        return "end"
    return "both"


def more_menu(parent: QWidget, items: dict[int, CalendarItem], keys: Sequence[int], where: QPoint,
              pick: Callable[[int], None]) -> QMenu:
    """The list a click on "+N more" opens (objectName ``calendar.more``): each hidden promotion with
    its dates; picking one calls ``pick(key)`` (the calendars emit ``sig_item_activated``: the editor)."""
    menu = QMenu(parent)
    menu.setObjectName("calendar.more")
    for key in dict.fromkeys(keys):
        item = items[key]
        action = menu.addAction(f"{item.name}  {item.start:%m-%d} – {item.end:%m-%d}")
        action.triggered.connect(lambda _=False, k=key: pick(k))
    menu.popup(where)
    return menu


def tooltip_text(item: CalendarItem) -> str:
    text = item.tooltip or item.name
    if item.warnings:
        text += "<br><b>⚠</b> " + "<br><b>⚠</b> ".join(item.warnings)
    return text


class BarCalendar(BarHands, QWidget):
    """The mouse and keys of a calendar of bars; subclasses place days and bars and paint."""

    sig_day_clicked = Signal(object)  # dt.date: add a promotion starting that day
    sig_item_activated = Signal(object)  # a key: edit it
    sig_item_menu = Signal(object, object, QPoint)  # key (or None on an empty day), dt.date, global position
    sig_move = Signal(object, int)  # key, days
    sig_resize = Signal(object, str, int)  # key, "start" | "end", days
    sig_delete = Signal(object)  # key of the selected bar (Delete key)

    def __init__(self, parent: QWidget | None = None, *, name: str = "") -> None:
        super().__init__(parent)
        if name:
            self.setObjectName(name)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._today = dt.date.today()
        self._items: dict[int, CalendarItem] = {}
        self._marks: list[DayMark] = []
        self._segments: list[Segment] = []
        self.selected: int | None = None
        self._drag: BarDrag | None = None  # a press on a bar, and the drag it may become
        self._day_press: dt.date | None = None  # a press on a day with no bar

    # -- what subclasses provide
    def day_at(self, pos: QPoint | QPointF) -> dt.date:
        raise NotImplementedError

    def hit(self, pos: QPoint | QPointF) -> tuple[Segment, str] | None:
        raise NotImplementedError

    def ghost_rects(self, key: int, start: dt.date, end: dt.date) -> list[QRectF]:
        """Where the bar of ``key`` would be drawn over ``start``…``end`` (the drag's ghost)."""
        raise NotImplementedError

    def go(self, steps: int) -> None:  # Page Up / Page Down
        raise NotImplementedError

    def drag_day(self, pos: QPointF) -> dt.date:
        return self.day_at(pos)

    def edge_under(self, pos: QPointF) -> str | None:
        hit = self.hit(pos)
        return hit[1] if hit else None

    def press_empty(self, day: dt.date, pos: QPointF, global_pos: QPoint) -> bool:
        """A press on no bar: True when the subclass handled it (e.g. "+N more")."""
        return False

    def empty_tooltip(self, day: dt.date) -> list[str]:
        return [m.name for m in marks_on(self._marks, day)]

    # -- data
    def set_today(self, day: dt.date) -> None:
        self._today = day
        self.update()

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

    def segments(self) -> list[Segment]:
        return list(self._segments)

    def _spans(self) -> list[Span]:
        return [Span(i.key, i.start, i.end) for i in sorted(self._items.values(), key=lambda i: (i.start, i.key))]

    def _relayout(self) -> None:
        raise NotImplementedError

    # -- drag
    def paint_ghost(self, p: QPainter) -> None:
        drag = self._drag
        item = self._items.get(drag.key) if drag else None
        if drag is None or item is None or not drag.shows_ghost():
            return
        draw_ghost(p, self.ghost_rects(drag.key, *drag.landing(item.start, item.end)))

    # -- the owner's hands
    def mousePressEvent(self, event) -> None:  # noqa: N802
        pos = event.position()
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setFocus()
        hit = self.hit(pos)
        day = self.day_at(pos)
        self._drag = self._day_press = None
        if hit is not None:
            seg, edge = hit
            self.selected = seg.key
            self._drag = BarDrag(seg.key, edge, day, pos)
            self.update()
            return
        if not self.press_empty(day, pos, event.globalPosition().toPoint()):
            self._day_press = day

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        drag, day, self._drag, self._day_press = self._drag, self._day_press, None, None
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if drag is not None:
            self.update()
            drag.finish(self.sig_move, self.sig_resize)
            return
        if day is not None and self.day_at(event.position()) == day:
            if self.selected is not None:
                self.selected = None
                self.update()
            self.sig_day_clicked.emit(day)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        hit = self.hit(event.position())
        if hit is not None:
            self._drag = self._day_press = None
            self.sig_item_activated.emit(hit[0].key)

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        hit = self.hit(event.pos())
        if hit is not None:
            self.selected = hit[0].key
            self.update()
        self.sig_item_menu.emit(hit[0].key if hit else None, self.day_at(event.pos()), event.globalPos())

    def event(self, event) -> bool:  # noqa: A003 - Qt's own name
        if event.type() == QEvent.Type.ToolTip:
            pos = event.position() if hasattr(event, "position") else QPointF(event.pos())
            hit = self.hit(pos)
            if hit is not None:
                QToolTip.showText(event.globalPos(), tooltip_text(self._items[hit[0].key]), self)
            else:
                day = self.day_at(pos)
                lines = self.empty_tooltip(day)
                if lines:
                    QToolTip.showText(event.globalPos(), "\n".join([day.isoformat(), *lines]), self)
                else:
                    QToolTip.hideText()
            return True
        return super().event(event)
