"""Every tab of the demo shop fits a 1024 × 640 window, in English and in Chinese. Before, the English
window could not be made narrower than 1,142 px: the Goals grid's button row, the Team tab's view
and filter row (and its Gantt bar) and the Promotions bar forced it, whichever tab was shown (a tab
widget is as wide as its widest page)."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from tests.ui.test_inventory_new_user import language  # noqa: F401 - the fixture: en and zh_CN


def _every_tab_built(qtbot, win) -> None:
    pages = win.pages
    for page in pages:
        win.tabs.setCurrentWidget(page)
        qtbot.waitUntil(lambda: page.loads > 0 and not page.loading, timeout=60_000)
    qtbot.waitUntil(lambda: not any(p.loading for p in pages), timeout=60_000)


@pytest.fixture
def shop_window(qtbot, demo_db, language):  # noqa: F811
    from core.settings import Settings
    from tests.conftest import DEMO_END
    from ui.context import AppContext
    from ui.main_window import MainWindow

    win = MainWindow(AppContext(demo_db, Settings(), today=DEMO_END))
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    _every_tab_built(qtbot, win)
    return win


def test_every_tab_of_the_demo_shop_fits_1024_by_640(qtbot, shop_window):
    win = shop_window
    team = win.page("team")
    team.gantt_button.click()  # the Gantt chart's bar holds a long hint and the month's controls
    QApplication.processEvents()
    widths = {type(p).__name__: p.minimumSizeHint().width() for p in win.pages}
    assert win.minimumSizeHint().width() <= 1024, widths
    assert win.minimumSizeHint().height() <= 640
    win.resize(1024, 640)
    qtbot.waitUntil(lambda: win.width() <= 1024 and win.height() <= 640, timeout=10_000)
    for page in win.pages:  # and no tab is squeezed below its own minimum there
        win.tabs.setCurrentWidget(page)
        qtbot.waitUntil(lambda: page.width() >= page.minimumSizeHint().width(), timeout=10_000)  # laid out

