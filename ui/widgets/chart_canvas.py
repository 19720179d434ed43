"""The one chart widget: a matplotlib canvas for ``core.charts.draw_*`` functions.

matplotlib is imported on the first draw, not at start-up. Draw functions receive a plain
``Figure`` (no pyplot, no global state) and may return hover data: a list of
``(artist, labels)`` where ``labels`` has one text per data point (or one for a bar/patch).
A left click on one of those artists emits ``sig_clicked`` with its index in the hover list.
Right-click saves the chart as PNG or PDF. The mouse wheel over a chart scrolls whatever the
chart sits in (the KPI dashboard): no chart zooms or pans with the wheel.
"""
from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCursor
from PySide6.QtWidgets import QFileDialog, QLabel, QMenu, QMessageBox, QToolTip, QVBoxLayout, QWidget

log = logging.getLogger(__name__)


@functools.cache
def _canvas_class() -> type:
    """matplotlib's Qt canvas, leaving wheel events to the widgets around it (made on the first
    draw, so that matplotlib is not imported at start-up)."""
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    class _Canvas(FigureCanvasQTAgg):
        def wheelEvent(self, event) -> None:  # noqa: N802
            # matplotlib turns the wheel into a scroll_event and keeps it; no chart uses one, so
            # the event goes on to the scroll area instead of stopping the dashboard under a chart.
            event.ignore()

    return _Canvas


class ChartCanvas(QWidget):
    sig_clicked = Signal(int)  # index of the clicked artist in the draw function's hover list

    def __init__(self, parent: QWidget | None = None, *, min_height: int = 260, name: str = "chart") -> None:
        super().__init__(parent)
        self.setMinimumHeight(min_height)
        self._name = name
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._empty = QLabel(self)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setStyleSheet("color: #777;")
        self._layout.addWidget(self._empty)
        self.figure = None
        self.canvas = None
        self._hover: list[tuple[Any, list[str]]] = []
        self._drawn = False
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)

    def _ensure_canvas(self) -> None:
        if self.canvas is not None:
            return
        from matplotlib.figure import Figure

        from core.charts.layout import ChartLayout

        self.figure = Figure(figsize=(6, 3), dpi=100, layout=ChartLayout())
        self.canvas = _canvas_class()(self.figure)
        self.canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.canvas.mpl_connect("motion_notify_event", self._on_motion)
        self.canvas.mpl_connect("button_press_event", self._on_click)
        self._layout.addWidget(self.canvas, 1)

    def draw(self, draw_fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        """Clear the figure and call ``draw_fn(figure, *args, **kwargs)``."""
        self._ensure_canvas()
        self._empty.hide()
        self.canvas.show()
        from core.charts.style import clear_figure

        clear_figure(self.figure)
        # core.charts' draw functions give their own texts the CJK fonts (no global rcParams).
        hover = draw_fn(self.figure, *args, **kwargs)
        self._hover = list(hover or [])
        self._drawn = True
        self.canvas.draw_idle()

    def show_message(self, text: str) -> None:
        """An empty state instead of an empty plot (e.g. "No orders in this range")."""
        self._empty.setText(text)
        self._empty.show()
        self._drawn = False
        if self.canvas is not None:
            self.canvas.hide()

    def has_chart(self) -> bool:
        """True when a chart (not an empty-state message) is what the widget shows."""
        return self._drawn

    # -- hover
    def _on_motion(self, event: Any) -> None:
        if event.inaxes is None:
            QToolTip.hideText()
            return
        for artist, labels in self._hover:
            hit, info = artist.contains(event)
            if hit:
                idx = info.get("ind", [0])
                i = int(idx[0]) if len(idx) else 0
                if labels:
                    QToolTip.showText(QCursor.pos(), labels[min(i, len(labels) - 1)], self)
                return
        QToolTip.hideText()

    def _on_click(self, event: Any) -> None:
        if event.inaxes is None or getattr(event, "button", None) != 1:
            return
        for i, (artist, _labels) in enumerate(self._hover):
            if artist.contains(event)[0]:
                self.sig_clicked.emit(i)
                return

    def hover_labels(self) -> list[list[str]]:
        return [labels for _artist, labels in self._hover]

    # -- saving
    def save(self, path: str) -> None:
        """Write the chart as PNG or PDF; ``UserFacingError`` for a folder that does not exist."""
        from core.exports import check_output_path

        path = str(check_output_path(path))
        self._ensure_canvas()
        self.figure.savefig(path, dpi=150)

    def _menu(self, pos) -> None:
        if not self._drawn:
            return
        menu = QMenu(self)
        action = QAction(self.tr("Save chart as PNG or PDF…"), menu)
        action.triggered.connect(self._save_dialog)
        menu.addAction(action)
        menu.exec(self.mapToGlobal(pos))

    def _save_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save chart"), f"{self._name}.png", self.tr("PNG image (*.png);;PDF document (*.pdf)")
        )
        if path:
            from core.errors import UserFacingError

            try:
                self.save(path)
            except UserFacingError as exc:
                QMessageBox.warning(self, self.tr("Save chart"), exc.message)
