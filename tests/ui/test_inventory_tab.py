"""The Inventory tab on the demo shop: flags as filters, the minimum order, the stock count, the purchase list."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from core.models import Sku
from core.settings import Settings
from tests.conftest import DEMO_END
from ui.context import AppContext
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, demo_db):
    win = MainWindow(AppContext(demo_db, Settings(), today=DEMO_END))
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    return win


def open_inventory(qtbot, window):
    page = window.page("inventory")
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: not page.loading and not page._stale and page.loads > 0, timeout=30_000)
    return page


def settle(qtbot, window):
    qtbot.waitUntil(lambda: window.ctx.edits.pending == 0, timeout=20_000)
    qtbot.waitUntil(lambda: not any(p.loading for p in window.pages), timeout=30_000)


def choose(combo, value):
    combo.setCurrentIndex(combo.findData(value))


def test_each_flag_filters_the_skus_that_have_it_not_only_their_status(qtbot, window):
    inv = open_inventory(qtbot, window)
    everything = inv.table.model.rowCount()
    choose(inv.status_filter, "low")  # order-by within the review period; many are also "reorder now"
    shown = inv.table.visible_rows()
    assert shown and all("low" in r.flags for r in shown)
    assert any(r.status != "low" for r in shown)
    assert inv.status_filter.currentText() == f"Running low ({len(shown)})"
    choose(inv.status_filter, "overstock")
    assert inv.table.visible_rows() and all("overstock" in r.flags for r in inv.table.visible_rows())
    choose(inv.status_filter, "ok")
    assert all(r.flags == () for r in inv.table.visible_rows())
    choose(inv.status_filter, None)
    assert inv.table.proxy.rowCount() == everything


def test_typing_a_minimum_order_raises_the_suggestion_and_undo_restores_it(qtbot, window, demo_db):
    inv = open_inventory(qtbot, window)
    row = next(r for r in inv.table.visible_rows() if r.suggested_qty > 0 and r.order_multiple == 1)
    table = inv.table
    idx = table.proxy.mapFromSource(table.model.index(table.model.row_of(row.sku_code), table.model.column_of("min_order_qty")))
    assert table.proxy.setData(idx, "500")
    settle(qtbot, window)
    now = table.model.row(table.model.row_of(row.sku_code))
    assert (now.min_order_qty, now.suggested_qty) == (500, 500)
    with demo_db.session() as s:
        assert s.scalar(select(Sku.min_order_qty).where(Sku.code == row.sku_code)) == 500
    window.action_undo.trigger()
    settle(qtbot, window)
    assert table.model.row(table.model.row_of(row.sku_code)).suggested_qty == row.suggested_qty
