"""The tables' sort arrows: ▲ when a column is sorted ascending (A→Z, smallest first), ▼ when
descending, as in Excel and most programs.

Qt's header hands the style ``SortDown`` for an ascending sort, and Fusion (the style on Linux
and of the tests) draws that as ▼: every table read upside down. ``SortArrowStyle`` draws the
arrow itself from the header's own order, whatever the style underneath, and draws everything
else as that style does. ``RecordTable`` installs it on its header: every sortable table.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainter, QPalette, QPolygonF
from PySide6.QtWidgets import QApplication, QHeaderView, QProxyStyle, QStyle, QStyleOption, QStyleOptionHeader, QWidget


class SortArrowStyle(QProxyStyle):
    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,  # noqa: N802
                      widget: QWidget | None = None) -> None:
        if element == QStyle.PrimitiveElement.PE_IndicatorHeaderArrow and isinstance(option, QStyleOptionHeader):
            if isinstance(widget, QHeaderView):
                ascending = widget.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
            else:  # QHeaderView's own mapping: ascending is "SortDown"
                ascending = option.sortIndicator == QStyleOptionHeader.SortIndicator.SortDown
            draw_arrow(painter, option, up=ascending)
            return
        super().drawPrimitive(element, option, painter, widget)


def draw_arrow(painter: QPainter, option: QStyleOption, *, up: bool) -> None:
    """A small filled triangle centred in ``option.rect``, pointing up or down."""
    r = option.rect
    side = max(5, min(r.width(), r.height(), 9))
    half, height = side / 2, side / 2 + 0.5
    cx, cy = r.x() + r.width() / 2, r.y() + r.height() / 2
    top, bottom = cy - height / 2, cy + height / 2
    points = ([QPointF(cx - half, bottom), QPointF(cx + half, bottom), QPointF(cx, top)] if up
              else [QPointF(cx - half, top), QPointF(cx + half, top), QPointF(cx, bottom)])
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(option.palette.color(QPalette.ColorRole.ButtonText))
    painter.drawPolygon(QPolygonF(points))
    painter.restore()


def install_sort_arrows(header: QHeaderView) -> SortArrowStyle:
    """Give ``header`` ▲/▼ arrows over the application's style (kept alive by the header)."""
    style = SortArrowStyle(QApplication.style().name())
    style.setParent(header)
    header.setStyle(style)
    return style
