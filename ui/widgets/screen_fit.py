"""A dialog's first size, no bigger than the screen it opens on.

The import wizard (1040 × 680), the stock count (1040 × 660), the import history (1120 × 540), a promotion's
Effect (1100 × 760) … open at the size their tables read best at. On a 1366 × 768 laptop at 125 % (1093 × 614
pixels to place windows in, less the taskbar) or any screen at 200 %, that size is bigger than the screen: the
bottom row — Next, Save, Close — was below its edge and could not be reached. ``resize_within_screen`` takes the
wished size and keeps it inside the screen's free area (the window frame included); the layouts then squeeze and
the tables scroll."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

FRAME = (16, 40)  # a window frame's width and height (title bar) before the window is shown and has one


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    screen = widget.screen() or QApplication.primaryScreen()
    if screen is None:
        widget.resize(width, height)
        return
    free = screen.availableGeometry()
    widget.resize(max(min(width, free.width() - FRAME[0]), 200), max(min(height, free.height() - FRAME[1]), 200))
