"""Settings → Channels: a channel's currency and its rates, typed, refused, undone; the dashboard
shows a converted channel and, without a month's rate, that channel apart (issue #18)."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from sqlalchemy import select

from core.edits import apply_edit
from core.edits.channels import SetChannelCurrency
from core.models import Channel, ExchangeRate
from tests.core.kpi_shop import add_order
from ui.dialogs.settings_dialog import SettingsDialog


def open_tab(qtbot, window, key):
    page = window.page(key)
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: not page.loading and not page._stale and page.loads > 0, timeout=30_000)
    return page


def settle(qtbot, window, panel=None, loads=None):
    qtbot.waitUntil(lambda: window.ctx.edits.pending == 0, timeout=20_000)
    qtbot.waitUntil(lambda: not any(p.loading for p in window.pages), timeout=30_000)
    if panel is not None:
        qtbot.waitUntil(lambda: panel.loads > loads, timeout=20_000)


def cell(table, key, field):
    row = table.model.row_of(key)
    return table.proxy.mapFromSource(table.model.index(row, table.model.column_of(field)))


def usd_rate(db, month):
    with db.session() as s:
        return s.scalar(select(ExchangeRate.rate).where(ExchangeRate.currency == "USD", ExchangeRate.month == month))


def test_rates_typed_refused_and_undone_follow_on_the_dashboard(qtbot, window, demo_db):
    with demo_db.transaction() as s:  # a Shopify store selling in dollars: 150.00 USD on 18 Nov
        add_order(s, "shopify", "#1001", "a@example.com", "paid", dt.datetime(2026, 11, 18, 10), 10000)
        add_order(s, "shopify", "#1002", "b@example.com", "paid", dt.datetime(2026, 11, 18, 11), 5000)
    apply_edit(demo_db, SetChannelCurrency("shopify", "USD"))
    kpi = open_tab(qtbot, window, "kpi")
    window.ctx.notify_changed("orders")
    settle(qtbot, window)
    assert usd_rate(demo_db, "2026-11") == "7.105"
    shop = kpi.dashboard.current
    assert shop.by_channel["shopify"].gmv == 106575  # 150.00 × 7.105, in fen
    assert shop.excluded == {}
    assert kpi.currency_note.isVisible() and "Shopify (USD) converted" in kpi.currency_note.text()

    dialog = SettingsDialog(window.ctx.settings, window, ctx=window.ctx, page="channels")
    qtbot.addWidget(dialog)
    dialog.show()
    panel = dialog.channels
    assert dialog.tabs.currentWidget() is panel
    qtbot.waitUntil(lambda: panel.loads > 0, timeout=20_000)
    shopify = panel.channels.model.row(panel.channels.model.row_of("shopify"))
    assert (shopify.currency, shopify.paid_orders, shopify.missing_rate_months) == ("USD", 2, ())

    # a wrong rate: refused in the cell, nothing written
    loads = panel.loads
    assert panel.rates.proxy.setData(cell(panel.rates, ("USD", "2026-11"), "rate"), "-7")
    qtbot.waitUntil(lambda: panel.banner.isVisible(), timeout=20_000)
    assert "not a rate" in panel.banner.text()
    assert usd_rate(demo_db, "2026-11") == "7.105"

    # a made-up currency code typed in the channels table: refused with what to do, nothing written
    assert panel.channels.proxy.setData(cell(panel.channels, "shopify", "currency"), "XYZ")
    qtbot.waitUntil(lambda: "XYZ" in panel.banner.text(), timeout=20_000)
    assert "“XYZ” is not a currency of ISO 4217" in panel.banner.text() and "such as USD" in panel.banner.text()
    with demo_db.session() as s:
        assert s.scalar(select(Channel.currency).where(Channel.platform == "shopify")) == "USD"

    # clearing the month's rate: the channel leaves the totals, flagged in both places
    loads = panel.loads
    assert panel.rates.proxy.setData(cell(panel.rates, ("USD", "2026-11"), "rate"), "")
    settle(qtbot, window, panel, loads)
    assert usd_rate(demo_db, "2026-11") is None
    assert "no USD rate for 2026-11: set it in Settings → Channels" in panel.missing.text()
    open_tab(qtbot, window, "kpi")
    settle(qtbot, window)
    shop = kpi.dashboard.current
    assert "shopify" not in shop.by_channel and shop.excluded["shopify"].numbers.gmv == 15000
    note = kpi.currency_note.text()
    assert "Not in the totals: Shopify — GMV USD 150.00, 2 paid orders" in note
    assert "no USD rate for 2026-11: set it in Settings → Channels" in note and "exclude Shopify" in note

    # typed again through the form, then taken back with Undo
    panel.new_currency.setText("usd")
    panel.new_month.setText("2026-11")
    panel.new_rate.setText("7.2")
    loads = panel.loads
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window, panel, loads)
    assert usd_rate(demo_db, "2026-11") == "7.2"
    assert not panel.missing.isVisible()
    open_tab(qtbot, window, "kpi")
    settle(qtbot, window)
    assert kpi.dashboard.current.by_channel["shopify"].gmv == 108000
    loads = panel.loads
    qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window, panel, loads)
    assert usd_rate(demo_db, "2026-11") is None
    dialog.reject()
