"""Dragging a promotion's bar, one piece for the month, week and year calendars.

A press on a bar starts a ``BarDrag``; once the pointer has moved Qt's start-drag distance it is a
drag, counted in whole days from the day pressed. Released, a drag of the middle moves the bar
(``sig_move(key, days)``), of an end resizes it (``sig_resize(key, "start" | "end", days)``); a
press that never became a drag is a click. While it lasts the calendars draw a dashed ghost where
the bar would land. The widgets say where days and bars are; this says what the hand did.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QApplication


@dataclass
class BarDrag:
    key: int
    edge: str  # "start" / "end": that end is resized; "both": the bar moves
    day: dt.date  # the day the press was on
    pos: QPointF  # where the press was
    lane: int = 0  # the bar's lane (the year view draws the ghost in it)
    dragging: bool = False  # the pointer has moved far enough to be a drag, not a click
    days: int = 0  # whole days from the pressed day to the one under the pointer

    def follow(self, pos: QPointF, day: dt.date) -> bool:
        """The pointer is at ``pos`` over ``day``: True when where the bar would land changed."""
        if not self.dragging and (pos - self.pos).manhattanLength() >= QApplication.startDragDistance():
            self.dragging = True
        if not self.dragging:
            return False
        days = (day - self.day).days
        if days == self.days:
            return False
        self.days = days
        return True

    def landing(self, start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
        """The dates a bar over ``start``…``end`` would have if dropped now (an end dragged past the
        other swaps them, as the edit does)."""
        shift = dt.timedelta(days=self.days)
        first = start + shift if self.edge in ("both", "start") else start
        last = end + shift if self.edge in ("both", "end") else end
        return min(first, last), max(first, last)

    def shows_ghost(self) -> bool:
        return self.dragging and self.days != 0

    def finish(self, sig_move, sig_resize) -> bool:
        """Dropped: emit the move or the resize the drag made (nothing for a drag back to where it
        began). True when it was a drag, False when it was a click."""
        if self.dragging and self.days:
            if self.edge == "both":
                sig_move.emit(self.key, self.days)
            else:
                sig_resize.emit(self.key, self.edge, self.days)
        return self.dragging


def draw_ghost(p: QPainter, rects: Iterable[QRectF]) -> None:
    """The dashed outline, lightly filled, of where a dragged bar will land."""
    p.save()
    p.setPen(QPen(QColor("#111111"), 1.5, Qt.PenStyle.DashLine))
    p.setBrush(QBrush(QColor(0, 0, 0, 30)))
    for rect in rects:
        p.drawRoundedRect(rect, 3, 3)
    p.restore()


def hover_cursor(edge: str | None) -> Qt.CursorShape:
    """The pointer over a bar's end (resize), its middle (move) or no bar (``edge`` None)."""
    if edge is None:
        return Qt.CursorShape.ArrowCursor
    return Qt.CursorShape.OpenHandCursor if edge == "both" else Qt.CursorShape.SizeHorCursor


class BarHands:
    """The mouse-move and key handling the calendars of bars share, mixed in before QWidget
    (``class MonthCalendar(BarHands, QWidget)``). The widget provides ``_drag`` (a ``BarDrag`` or
    None), ``selected``, ``sig_delete``, ``sig_item_activated``, ``go(steps)`` and:

    - ``drag_day(pos)``: the day a drag at ``pos`` is over;
    - ``edge_under(pos)``: what a press at ``pos`` would grab ("start", "end", "both"), None off the bars.
    """

    _drag: BarDrag | None

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        pos = event.position()
        if self._drag is not None:
            if self._drag.follow(pos, self.drag_day(pos)):
                self.update()
            return
        self.setCursor(hover_cursor(self.edge_under(pos)))

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
        elif key == Qt.Key.Key_Escape and self._drag is not None and self._drag.dragging:
            self._drag = None  # the drag is dropped where it began: nothing moves
            self.update()
        else:
            super().keyPressEvent(event)
