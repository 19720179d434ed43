"""What a new owner saw in a 1024 × 640 window: the Members list showed two customers, the panel
below it (tier changes, points, charts, cohorts) kept 300 px for its charts. The list keeps most of
the height; the panel below scrolls when it is short."""
from __future__ import annotations

from PySide6.QtWidgets import QSplitter


def test_the_members_list_keeps_most_of_a_small_window(qtbot, window):
    window.resize(1024, 640)
    page = window.page("members")
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: not page.loading and page.loads > 0, timeout=60_000)
    view = page.table.view
    qtbot.waitUntil(lambda: view.model().rowCount() > 20, timeout=60_000)
    shown = view.viewport().height() // view.rowHeight(0)
    assert shown >= 5, shown  # two before
    split = page.findChild(QSplitter)
    top, bottom = split.sizes()
    assert top > bottom
