"""What many UI tests do the same way: show a tab and wait for its first load, open one of the
window's tabs, wait for an edit to be written and every tab to reload. Each wait is for the exact
condition, with a generous limit (a loaded 2-core machine): it ends as soon as the condition holds."""
from __future__ import annotations

from typing import Any

from ui import tasks

LOAD_MS = 60_000
SAVE_MS = 120_000  # recomputing the demo's ~5,000 members writes ~6,400 rows: 35 s on a loaded machine


def window_on(qtbot: Any, database: Any, size: tuple[int, int] = (1400, 900)) -> Any:
    """The main window on ``database`` as of the demo's last day (DEMO_END), shown at ``size``."""
    from core.settings import Settings
    from tests.conftest import DEMO_END
    from ui.context import AppContext
    from ui.main_window import MainWindow

    win = MainWindow(AppContext(database, Settings(), today=DEMO_END))
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    return win


def shown(qtbot: Any, tab: Any, size: tuple[int, int] = (1500, 900)) -> Any:
    """``tab`` (a TabPage on its own) shown at ``size``, its first load finished."""
    qtbot.addWidget(tab)
    tab.resize(*size)
    with qtbot.waitSignal(tab.sig_loaded, timeout=LOAD_MS):
        tab.show()
    qtbot.waitUntil(lambda: not tab.loading, timeout=LOAD_MS)
    return tab


def open_tab(qtbot: Any, window: Any, key: str) -> Any:
    """The window's ``key`` tab made current, loaded and up to date."""
    page = window.page(key)
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: not page.loading and not page._stale and page.loads > 0, timeout=LOAD_MS)
    return page


def wait_saved(qtbot: Any, window: Any) -> None:
    """Every edit written (and any question asked off the GUI thread first, such as whether a
    promotion's SOP tasks move too), then every tab reloaded."""
    qtbot.waitUntil(lambda: not tasks._live and window.ctx.edits.pending == 0, timeout=SAVE_MS)
    qtbot.waitUntil(lambda: not any(p.loading for p in window.pages), timeout=SAVE_MS)
