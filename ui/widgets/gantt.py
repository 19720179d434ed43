"""A Gantt chart: paints a ``core.gantt_layout.GanttLayout`` and turns drags into days.

Drag a bar to move its task (``sig_moved(task_id, days)``), drag its right end to change the
due date (``sig_resized(task_id, new_due)``), double-click it to open it (``sig_opened``). The
widget never writes: the tab turns each signal into one core edit. While dragging, the bar is
drawn where it would land and the dates are shown in a tooltip-like label.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from core.gantt_layout import MOVE, RESIZE, Bar, GanttLayout, drag_days, resized_due

BAR, OVERDUE, CLOSED = QColor("#2e75b6"), QColor("#c62828"), QColor("#9e9e9e")
WEEKEND, TODAY, GROUP_BG = QColor("#f0f0f0"), QColor("#e53935"), QColor("#e3ebf5")
ARROW, BACKWARDS, GRID = QColor("#455a64"), QColor("#ef6c00"), QColor("#d9d9d9")


class GanttChart(QWidget):
    sig_moved = Signal(int, int)  # task id, days
    sig_resized = Signal(int, object)  # task id, new due date
    sig_opened = Signal(int)

    ROW_H = 24
    HEADER_H = 36
    LABEL_W = 220
    DAY_W = 28
    HANDLE = 6  # pixels at a bar's right end that resize instead of move

    def __init__(self, parent: QWidget | None = None, *, name: str = "gantt") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.layout_: GanttLayout | None = None
        self.empty_text = ""
        self.month_label = lambda day: day.strftime("%Y-%m")
        self._drag: tuple[Bar, str, float] | None = None  # bar, mode, press x
        self._drag_x = 0.0

    # -- data
    def set_layout(self, layout: GanttLayout | None, empty_text: str = "") -> None:
        self.layout_, self.empty_text, self._drag = layout, empty_text, None
        self.updateGeometry()
        self.resize(self.sizeHint())
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        lay = self.layout_
        if lay is None or not lay.rows:
            return QSize(600, 200)
        return QSize(self.LABEL_W + lay.days * self.DAY_W + 2, self.HEADER_H + len(lay.rows) * self.ROW_H + 2)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    # -- geometry (public: tests drag to these points)
    def day_x(self, column: int) -> float:
        return self.LABEL_W + column * self.DAY_W

    def row_y(self, row: int) -> float:
        return self.HEADER_H + row * self.ROW_H

    def bar_rect(self, bar: Bar, shift: int = 0, grow: int = 0) -> QRectF:
        x0 = self.day_x(bar.first + shift)
        x1 = self.day_x(bar.last + shift + grow + 1)
        return QRectF(x0 + 1, self.row_y(bar.row) + 5, max(x1 - x0 - 2, 4), self.ROW_H - 10)

    def bar_at(self, pos: QPointF) -> tuple[Bar, str] | None:
        if self.layout_ is None:
            return None
        for bar in self.layout_.bars:
            rect = self.bar_rect(bar).adjusted(-3, -3, 3, 3)
            if rect.contains(pos):
                at_end = not bar.milestone and not bar.cut_after and pos.x() >= rect.right() - self.HANDLE - 3
                return bar, RESIZE if at_end else MOVE
        return None

    # -- mouse
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        hit = self.bar_at(event.position()) if event.button() == Qt.MouseButton.LeftButton else None
        if hit is None:
            super().mousePressEvent(event)
            return
        self._drag = (hit[0], hit[1], event.position().x())
        self._drag_x = event.position().x()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._drag is not None:
            self._drag_x = event.position().x()
            self.update()
            return
        hit = self.bar_at(event.position())
        shape = (Qt.CursorShape.SizeHorCursor if hit and hit[1] == RESIZE
                 else Qt.CursorShape.OpenHandCursor if hit else Qt.CursorShape.ArrowCursor)
        self.setCursor(shape)
        tip = self._tip(hit[0]) if hit else ""
        if not hit and self.layout_ is not None and event.position().x() < self.LABEL_W:  # an elided name, whole
            row = int((event.position().y() - self.HEADER_H) // self.ROW_H)
            tip = next((r.label for r in self.layout_.rows if r.index == row and event.position().y() >= self.HEADER_H), "")
        self.setToolTip(tip)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._drag is None:
            super().mouseReleaseEvent(event)
            return
        bar, mode, press_x = self._drag
        self._drag = None
        self.update()
        days = drag_days(press_x, event.position().x(), self.DAY_W)
        if not days:
            return
        if mode == MOVE:
            self.sig_moved.emit(bar.task_id, days)
        elif resized_due(bar, days) != bar.due:
            self.sig_resized.emit(bar.task_id, resized_due(bar, days))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        hit = self.bar_at(event.position())
        if hit is None and self.layout_ is not None:  # or the task's name on the left
            row = int((event.position().y() - self.HEADER_H) // self.ROW_H)
            task = next((r.task_id for r in self.layout_.rows if r.index == row and r.task_id), None)
            if task is not None and event.position().x() < self.LABEL_W:
                self.sig_opened.emit(task)
            return
        if hit is not None:
            self.sig_opened.emit(hit[0].task_id)

    def _tip(self, bar: Bar) -> str:
        dates = bar.due.isoformat() if bar.milestone else f"{bar.start.isoformat()} → {bar.due.isoformat()}"
        return f"{bar.title}\n{dates}"

    # -- painting
    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), Qt.GlobalColor.white)
        lay = self.layout_
        if lay is None or not lay.rows:
            p.setPen(Qt.GlobalColor.darkGray)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text)
            return
        right, bottom = self.day_x(lay.days), self.row_y(len(lay.rows))
        for col in lay.weekends:
            p.fillRect(QRectF(self.day_x(col), 0, self.DAY_W, bottom), WEEKEND)
        for row in lay.rows:
            if row.is_group:
                p.fillRect(QRectF(0, self.row_y(row.index), right, self.ROW_H), GROUP_BG)
        self._paint_header(p, lay, bottom)
        self._paint_labels(p, lay)
        for arrow in lay.arrows:
            self._paint_arrow(p, arrow)
        for bar in lay.bars:
            self._paint_bar(p, bar)
        if lay.today is not None:
            x = self.day_x(lay.today) + self.DAY_W / 2
            p.setPen(QPen(TODAY, 2))
            p.drawLine(QPointF(x, self.HEADER_H - 4), QPointF(x, bottom))
        if self._drag is not None:
            self._paint_drag(p)

    def _paint_header(self, p: QPainter, lay: GanttLayout, bottom: float) -> None:
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        p.setFont(small)
        for col in range(lay.days):
            day = lay.day(col)
            x = self.day_x(col)
            p.setPen(QPen(GRID, 1))
            p.drawLine(QPointF(x, self.HEADER_H / 2), QPointF(x, bottom))
            p.setPen(TODAY if col == lay.today else Qt.GlobalColor.black)
            p.drawText(QRectF(x, self.HEADER_H / 2, self.DAY_W, self.HEADER_H / 2), Qt.AlignmentFlag.AlignCenter,
                       str(day.day))
        p.setFont(self.font())
        p.setPen(Qt.GlobalColor.black)
        for col in (0, *lay.month_starts):
            p.drawText(QRectF(self.day_x(col) + 3, 0, 120, self.HEADER_H / 2), Qt.AlignmentFlag.AlignVCenter,
                       self.month_label(lay.day(col)))
            if col:
                p.setPen(QPen(Qt.GlobalColor.darkGray, 1.5))
                p.drawLine(QPointF(self.day_x(col), 0), QPointF(self.day_x(col), bottom))
                p.setPen(Qt.GlobalColor.black)
        p.setPen(QPen(GRID, 1))
        p.drawLine(QPointF(0, self.HEADER_H), QPointF(self.day_x(lay.days), self.HEADER_H))
        p.drawLine(QPointF(self.LABEL_W, 0), QPointF(self.LABEL_W, bottom))

    def _paint_labels(self, p: QPainter, lay: GanttLayout) -> None:
        bars = {b.task_id: b for b in lay.bars}
        for row in lay.rows:
            rect = QRectF(6 if row.is_group else 18, self.row_y(row.index), self.LABEL_W - 24, self.ROW_H)
            font = QFont(self.font())
            font.setBold(row.is_group)
            bar = bars.get(row.task_id) if row.task_id else None
            font.setStrikeOut(bool(bar and bar.closed))
            p.setFont(font)
            p.setPen(OVERDUE if bar and bar.overdue else Qt.GlobalColor.black)
            text = ("⚠ " if bar and bar.overdue else "") + row.label
            p.drawText(rect, Qt.AlignmentFlag.AlignVCenter,
                       p.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(rect.width())))
        p.setFont(self.font())

    def _colour(self, bar: Bar) -> QColor:
        return CLOSED if bar.closed else OVERDUE if bar.overdue else BAR

    def _paint_bar(self, p: QPainter, bar: Bar, shift: int = 0, grow: int = 0, ghost: bool = False) -> None:
        rect = self.bar_rect(bar, shift, grow)
        colour = QColor(self._colour(bar))
        if ghost:
            colour.setAlpha(110)
        if bar.milestone and not grow:
            cx, cy, r = rect.center().x(), rect.center().y(), self.ROW_H / 2 - 4
            diamond = QPolygonF([QPointF(cx, cy - r), QPointF(cx + r, cy), QPointF(cx, cy + r), QPointF(cx - r, cy)])
            p.setPen(QPen(colour.darker(130), 1))
            p.setBrush(colour)
            p.drawPolygon(diamond)
            return
        p.setPen(QPen(colour.darker(140), 2 if bar.overdue else 1))
        p.setBrush(colour)
        p.drawRoundedRect(rect, 3, 3)
        p.setPen(Qt.GlobalColor.white)
        for cut, x in ((bar.cut_before, rect.left() + 2), (bar.cut_after, rect.right() - 10)):
            if cut:  # the task goes on outside the window
                p.drawText(QRectF(x, rect.top(), 8, rect.height()), Qt.AlignmentFlag.AlignCenter,
                           "‹" if x < rect.center().x() else "›")
        if not bar.cut_after:  # the resize handle
            p.fillRect(QRectF(rect.right() - 3, rect.top() + 3, 2, rect.height() - 6), colour.lighter(160))

    def _paint_arrow(self, p: QPainter, arrow) -> None:
        x0 = self.day_x(arrow.from_day + 1)
        y0 = self.row_y(arrow.from_row) + self.ROW_H / 2
        x1 = self.day_x(arrow.to_day)
        y1 = self.row_y(arrow.to_row) + self.ROW_H / 2
        colour = BACKWARDS if arrow.backwards else ARROW
        pen = QPen(colour, 1.4)
        if arrow.backwards:
            pen.setStyle(Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        path = QPainterPath(QPointF(x0, y0))
        bend = x0 + 6
        if x1 - 6 >= bend:
            path.lineTo(QPointF(bend, y0))
            path.lineTo(QPointF(bend, y1))
        else:  # around: down between the rows, back to the left, then in
            mid = (self.row_y(arrow.to_row) if y1 > y0 else self.row_y(arrow.to_row + 1))
            path.lineTo(QPointF(bend, y0))
            path.lineTo(QPointF(bend, mid))
            path.lineTo(QPointF(x1 - 8, mid))
            path.lineTo(QPointF(x1 - 8, y1))
        path.lineTo(QPointF(x1, y1))
        p.drawPath(path)
        p.setBrush(colour)
        p.drawPolygon(QPolygonF([QPointF(x1, y1), QPointF(x1 - 6, y1 - 4), QPointF(x1 - 6, y1 + 4)]))

    def _paint_drag(self, p: QPainter) -> None:
        assert self._drag is not None
        bar, mode, press_x = self._drag
        days = drag_days(press_x, self._drag_x, self.DAY_W)
        if mode == MOVE:
            self._paint_bar(p, bar, shift=days, ghost=True)
            start, due = bar.start + dt.timedelta(days=days), bar.due + dt.timedelta(days=days)
        else:
            due = resized_due(bar, days)
            start = bar.start
            self._paint_bar(p, bar, grow=(due - bar.due).days, ghost=True)
        rect = self.bar_rect(bar, days if mode == MOVE else 0)
        text = due.isoformat() if start == due else f"{start.isoformat()} → {due.isoformat()}"
        p.setPen(Qt.GlobalColor.black)
        p.drawText(QRectF(rect.left(), rect.top() - self.ROW_H + 4, 240, self.ROW_H - 6), Qt.AlignmentFlag.AlignLeft, text)
