"""What a third new owner ran into in a first week on an empty shop (newuser3)."""
from __future__ import annotations

import pytest

from core.settings import Settings
from ui.context import AppContext


def _shown(qtbot, tab, size=(1360, 820)):
    qtbot.addWidget(tab)
    tab.resize(*size)
    with qtbot.waitSignal(tab.sig_loaded, timeout=60_000):
        tab.show()
    qtbot.waitUntil(lambda: not tab.loading, timeout=60_000)
    return tab


def _cut_headers(table) -> list[str]:
    """The headers of ``table`` (a RecordTable) whose text does not fit their column."""
    view = table.view
    header = view.horizontalHeader()
    metrics = header.fontMetrics()
    cut = []
    for col in range(table.model.columnCount()):
        text = str(table.model.headerData(col, header.orientation()))
        if metrics.horizontalAdvance(text) + 8 > header.sectionSize(col):
            cut.append(text)
    return cut


@pytest.mark.parametrize("tab_name", ["goals", "inventory"])
def test_an_empty_shops_tables_show_their_whole_column_headers(qtbot, db, tab_name):
    if tab_name == "goals":
        from ui.tabs.goals_tab import GoalsTab as Tab
    else:
        from ui.tabs.inventory_tab import InventoryTab as Tab
    tab = _shown(qtbot, Tab(AppContext(db, Settings())))
    assert tab.table.model.rowCount() == 0
    assert _cut_headers(tab.table) == []


def test_a_required_form_field_left_empty_says_which_and_not_cell_or_esc(qtbot, db):
    from ui.tabs.goals_tab import GoalsTab

    tab = _shown(qtbot, GoalsTab(AppContext(db, Settings())))
    form = tab.new_goal()
    qtbot.addWidget(form)
    form.widgets["target_gmv_fen"].setText("")
    form.submit()
    message = form.errors["target_gmv_fen"]
    qtbot.waitUntil(message.isVisible, timeout=10_000)
    assert message.text() == "Target GMV (yuan) cannot be left empty: type a value."
    assert form.isVisible() and form.saved is None
    form.reject()
