"""The Inventory tab's SKU detail panel and the clearance promotion, on the demo shop (issue #13)."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from sqlalchemy import select

from core.models import Promotion
from tests.conftest import DEMO_END
from tests.ui.helpers import open_tab, wait_saved


def select_sku(qtbot, inv, row):
    panel = inv.findChild(QWidget, "inventory.detail")
    loads = panel.loads
    inv.table.select_key(row.sku_code)
    qtbot.waitUntil(lambda: panel.loads > loads and panel.row.sku_code == row.sku_code, timeout=20_000)
    return panel


def test_the_detail_panel_follows_the_selection_with_the_skus_numbers_chart_and_reason(qtbot, window):
    inv = open_tab(qtbot, window, "inventory")
    # In the demo the 双12 promotion raises every urgent SKU's forecast: the reason names it.
    row = next(r for r in inv.table.model._rows if r.status in ("out", "reorder", "low") and r.order_by and r.on_hand)
    panel = select_sku(qtbot, inv, row)
    assert panel.isVisible() and panel.chart.has_chart()
    numbers = panel.findChild(QLabel, "inventory.detail.numbers").text()
    for text in (f"{row.on_hand:,}", f"{row.reorder_point:,}", f"{row.suggested_qty:,}", row.order_by.isoformat(),
                 f"{row.avg_daily_sales:.2f}"):
        assert text in numbers
    reason = panel.findChild(QLabel, "inventory.detail.reason").text()
    assert row.uplift_source and reason == f"{row.uplift_source} — order by {row.order_by.isoformat()}"
    assert len(panel.detail.sales) == 90 and panel.detail.sales[-1][0] == DEMO_END
    raised = [v for (_d, v), (_d2, b) in zip(panel.detail.forecast, panel.detail.forecast_base) if v > b]
    assert raised  # the forecast with the promotion rises above the one without
    # The chart's hover texts: 90 bars of sales, both forecasts, the projected stock from today's on hand
    hover = panel.chart.hover_labels()
    assert len(hover[0]) == 90 and any("Forecast with promotions" in labels[0] for labels in hover)
    assert hover[-1][0] == f"{DEMO_END.isoformat()}\nProjected stock: {row.on_hand:,}"

    calm = next(r for r in inv.table.model._rows if r.status == "overstock")
    panel = select_sku(qtbot, inv, calm)
    assert panel.reason.text().endswith("days allowed: overstocked, nothing to order.")
    assert f"{calm.on_hand:,}" in panel.numbers.text()


def test_create_clearance_promotion_for_a_slow_sku_shows_in_the_calendar_and_undoes(qtbot, window, demo_db):
    inv = open_tab(qtbot, window, "inventory")
    slow = next(r for r in inv.table.model._rows if r.status in ("dead", "slow"))
    panel = select_sku(qtbot, inv, slow)
    button = panel.findChild(QPushButton, "inventory.create_clearance")
    assert button.isVisible()
    button.click()
    dialog = inv.findChild(QWidget, "inventory.clearance_dialog")
    assert dialog is not None and dialog.isVisible()
    tomorrow = DEMO_END + dt.timedelta(days=1)
    assert dialog.name.text() == f"Clearance · {tomorrow.isoformat()}" and dialog.days.value() == 14
    assert slow.sku_code in dialog.skus.text()
    dialog.name.setText("")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.problem.isVisibleTo(dialog), timeout=20_000)
    with demo_db.session() as s:
        before = s.scalars(select(Promotion.id)).all()
    dialog.name.setText(f"清仓 · {tomorrow.isoformat()}")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=20_000)
    wait_saved(qtbot, window)
    with demo_db.session() as s:
        promo = s.scalars(select(Promotion).where(Promotion.id.not_in(before))).one()
        assert (promo.kind, promo.start, promo.end, promo.scope["skus"]) == (
            "own", tomorrow, tomorrow + dt.timedelta(days=13), [slow.sku_code])
    window.action_undo.trigger()
    wait_saved(qtbot, window)
    with demo_db.session() as s:
        assert s.scalars(select(Promotion.id)).all() == before


def test_clearance_asks_for_slow_or_dead_skus_first(qtbot, window):
    inv = open_tab(qtbot, window, "inventory")
    urgent = next(r for r in inv.table.model._rows if r.flags and all(f in ("out", "reorder", "low") for f in r.flags))
    inv.table.select_key(urgent.sku_code)
    assert inv.create_clearance() is None
    assert "Select slow-moving, dead or overstocked SKUs first." in inv.banner.text()
