"""The charts' layout engine: room for each axes' tick labels and title, measured once.

matplotlib's constrained layout measures every text of a figure on two passes before it is
drawn; on the dashboard (ten charts, ~1,500 text measurements) that was half of a redraw.
ShopDesk's charts are simple grids of axes whose decorations (tick labels, axis label, title,
pie labels) sit just outside each axes, so one measurement of those decorations, with the
axes at its grid cell, tells how far they stick out; each axes is then shrunk by that much.
Tick labels keep their size when the axes moves, so one pass is enough, and the draw that
follows reuses matplotlib's cache of the measured texts.
"""
from __future__ import annotations

from contextlib import nullcontext
from typing import Any

from matplotlib.layout_engine import LayoutEngine
from matplotlib.transforms import Bbox

PAD_PT = 5.0  # space around the decorations and between grid cells, in points


class ChartLayout(LayoutEngine):
    """Place every axes in its grid cell, inset by how far its decorations stick out."""

    _adjust_compatible = False  # positions come from here, not from subplots_adjust
    _colorbar_gridspec = True

    def set(self, **_kwargs: Any) -> None:  # nothing to tune
        return None

    def execute(self, fig: Any) -> None:
        axes = [ax for ax in fig.axes if ax.get_subplotspec() is not None]
        if not axes:
            return
        # The same private accessor matplotlib's own tight and constrained engines use: the
        # renderer of whatever the figure is being drawn or saved to (screen, PNG, PDF).
        renderer = fig._get_renderer()
        width, height = fig.bbox.width, fig.bbox.height
        pad = PAD_PT * fig.dpi / 72
        top = _below_suptitle(fig, renderer, pad)
        with getattr(renderer, "_draw_disabled", nullcontext)():
            for ax in axes:
                cell = _cell(ax, width, height - top)
                ax.set_position(Bbox.from_extents(*_fraction(cell, width, height)))
                if ax.get_aspect() != "auto":  # a pie
                    inner = _fit_square(ax, renderer, cell, pad)
                else:
                    inner = _inset(ax, renderer, cell, pad)
                ax.set_position(Bbox.from_extents(*_fraction(inner, width, height)))


def _inset(ax: Any, renderer: Any, cell: tuple[float, float, float, float], pad: float) -> tuple[float, ...]:
    # The locator may put a tick on the right (top) edge once the axes has its final size,
    # and its label is centred there: room for half the widest (tallest) label.
    left, right, bottom, upper = _margins(
        ax.get_window_extent(renderer), _decorations(ax, renderer), pad,
        _half_tick_label(ax.xaxis, renderer, "width"), _half_tick_label(ax.yaxis, renderer, "height"))
    x0, y0, x1, y1 = cell
    return (x0 + left, y0 + bottom, max(x1 - right, x0 + left + 1), max(y1 - upper, y0 + bottom + 1))


def _fit_square(ax: Any, renderer: Any, cell: tuple[float, float, float, float], pad: float) -> tuple[float, ...]:
    """A pie: the largest square that leaves its labels room, centred between them.

    A label sits at a multiple of the radius along its wedge's angle, so how far it sticks out
    changes with the pie's size: measured again (a handful of texts) until it fits."""
    x0, y0, x1, y1 = cell
    square = cell
    for _ in range(4):
        ax.set_position(Bbox.from_extents(*_fraction(square, ax.figure.bbox.width, ax.figure.bbox.height)))
        ax.apply_aspect()  # the square the pie is drawn in
        box, deco = ax.get_window_extent(renderer), _decorations(ax, renderer)
        if square is not cell and _inside(deco, cell):
            break
        left, right, bottom, upper = _margins(box, deco, pad)
        room_w, room_h = x1 - x0 - left - right, y1 - y0 - bottom - upper
        side = max(min(room_w, room_h, box.width * 0.97 if square is not cell else room_w), 1.0)
        sx = x0 + left + (room_w - side) / 2
        sy = y0 + bottom + (room_h - side) / 2
        square = (sx, sy, sx + side, sy + side)
    return square


def _margins(box: Bbox, deco: Bbox, pad: float, right_min: float = 0.0, top_min: float = 0.0) -> tuple[float, ...]:
    """How far (left, right, bottom, top) the decorations ``deco`` stick out of the axes ``box``, plus ``pad``."""
    return (max(box.x0 - deco.x0, 0.0) + pad, max(deco.x1 - box.x1, right_min) + pad,
            max(box.y0 - deco.y0, 0.0) + pad, max(deco.y1 - box.y1, top_min) + pad)


def _inside(box: Bbox, cell: tuple[float, float, float, float]) -> bool:
    x0, y0, x1, y1 = cell
    return box.x0 >= x0 and box.x1 <= x1 and box.y0 >= y0 and box.y1 <= y1


def _half_tick_label(axis: Any, renderer: Any, dimension: str) -> float:
    if not axis.get_visible() or not axis.axes.axison:
        return 0.0
    sizes = [getattr(label.get_window_extent(renderer), dimension) for label in axis.get_ticklabels()
             if label.get_visible() and label.get_text()]
    return max(sizes, default=0.0) / 2


def _cell(ax: Any, width: float, height: float) -> tuple[float, float, float, float]:
    """The axes' grid cell in pixels (x0, y0, x1, y1) within a figure ``height`` tall."""
    spec = ax.get_subplotspec()
    rows, cols = spec.get_gridspec().get_geometry()
    r0, r1 = spec.rowspan.start, spec.rowspan.stop
    c0, c1 = spec.colspan.start, spec.colspan.stop
    return (width * c0 / cols, height * (1 - r1 / rows), width * c1 / cols, height * (1 - r0 / rows))


def _fraction(px: tuple[float, float, float, float], width: float, height: float) -> tuple[float, ...]:
    x0, y0, x1, y1 = px
    return (x0 / width, y0 / height, x1 / width, y1 / height)


def _below_suptitle(fig: Any, renderer: Any, pad: float) -> float:
    """Pixels from the figure's top to just under its title (the charts' title, see
    ``kpi_charts._title``); 0 without one."""
    title = fig._suptitle
    if title is None or not title.get_visible() or not title.get_text():
        return 0.0
    return fig.bbox.y1 - title.get_window_extent(renderer).y0 + pad / 2


def _decorations(ax: Any, renderer: Any) -> Bbox:
    """The union of the axes and what is drawn around it: tick labels, axis labels and offset
    texts (each axis' tight box), the title, texts such as a pie's labels, and the legend."""
    boxes = [ax.get_window_extent(renderer)]
    if ax.axison:
        for axis in (ax.xaxis, ax.yaxis):
            box = axis.get_tightbbox(renderer, for_layout_only=True)
            if box is not None and box.width and box.height:
                boxes.append(box)
    for title in (ax.title, ax._left_title, ax._right_title):
        if title.get_visible() and title.get_text():
            boxes.append(title.get_window_extent(renderer))
    for text in ax.texts:
        if text.get_visible() and text.get_text() and text.get_clip_on() is False:
            boxes.append(text.get_window_extent(renderer))
    legend = ax.get_legend()
    if legend is not None and legend.get_visible():  # one placed outside the plot needs room too
        boxes.append(legend.get_window_extent(renderer))
    return Bbox.union(boxes)
