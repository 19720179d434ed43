"""Inventory → Open deliveries (issue #13), on the demo shop: ordering twice gives two deliveries with
their own dates (the detail panel steps up at each), receiving part of one in the receive dialog
(wrong quantities refused under the field), the rest staying open, and one Ctrl+Z undoing it."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from core.edits import apply_edit
from core.edits.deliveries import MarkOrdered
from core.models import StockLevel
from tests.conftest import DEMO_END
from tests.ui.helpers import open_tab, wait_saved

D = dt.timedelta


def stock(db, code):
    with db.session() as s:
        lv = s.get(StockLevel, code)
        return lv.on_hand, lv.in_transit


def a_sku(inv):
    return next(r for r in inv.table.model._rows if r.in_transit == 0 and r.lead_time_days > 0 and r.avg_daily_sales > 0)


def test_receiving_part_of_a_delivery_in_the_view_keeps_the_rest_open_and_undo_restores_it(qtbot, window, demo_db):
    inv = open_tab(qtbot, window, "inventory")
    row = a_sku(inv)
    code = row.sku_code
    apply_edit(demo_db, MarkOrdered(((code, 100),), DEMO_END))
    window.ctx.notify_changed(frozenset({"stock"}))
    qtbot.waitUntil(lambda: any(r.sku_code == code for r in inv.deliveries.rows), timeout=60_000)
    inv.findChild(QPushButton, "inventory.view_deliveries").click()
    view = inv.findChild(QWidget, "inventory.deliveries")
    assert view.isVisible()
    delivery = next(r for r in inv.deliveries.rows if r.sku_code == code)
    assert (delivery.open_qty, delivery.expected_on, delivery.status) == (100, DEMO_END + D(days=row.lead_time_days), "open")

    form = inv.deliveries.receive(delivery)
    qtbot.addWidget(form)
    assert form.objectName() == "inventory.receive_dialog" and form.widgets["received"].text() == "100"
    form.widgets["received"].setText("abc")  # letters: refused under the field, the dialog stays
    form.submit()
    assert form.isVisible() and "whole number" in form.errors["received"].text()
    for typed, words in (("150", "more than the 100 still open"), ("0", "at least 1")):
        form.widgets["received"].setText(typed)
        form.submit()
        qtbot.waitUntil(lambda w=words: w in form.errors["received"].text() and form.buttons.isEnabled(), timeout=30_000)
    assert stock(demo_db, code) == (row.on_hand, 100)
    form.widgets["received"].setText("60")  # a partial receipt: the rest stays open
    form.submit()
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=30_000)
    wait_saved(qtbot, window)
    assert stock(demo_db, code) == (row.on_hand + 60, 40)
    rest = next(r for r in inv.deliveries.rows if r.sku_code == code)
    assert (rest.qty, rest.received, rest.open_qty) == (100, 60, 40)
    window.action_undo.trigger()
    wait_saved(qtbot, window)
    assert stock(demo_db, code) == (row.on_hand, 100)
    assert next(r for r in inv.deliveries.rows if r.sku_code == code).open_qty == 100


def test_the_detail_panel_steps_up_at_each_delivery_and_names_a_late_one(qtbot, window, demo_db):
    inv = open_tab(qtbot, window, "inventory")
    row = a_sku(inv)
    code = row.sku_code
    apply_edit(demo_db, MarkOrdered(((code, 40),), DEMO_END - D(days=row.lead_time_days + 2)))  # 2 days late
    apply_edit(demo_db, MarkOrdered(((code, 70),), DEMO_END))
    window.ctx.notify_changed(frozenset({"stock"}))
    qtbot.waitUntil(lambda: any(r.sku_code == code and r.in_transit == 110 for r in inv.table.model._rows),
                    timeout=60_000)
    loads = inv.detail.loads
    inv.table.select_key(code)
    qtbot.waitUntil(lambda: inv.detail.loads > loads and inv.detail.detail.row.sku_code == code, timeout=60_000)
    detail = inv.detail.detail
    second = DEMO_END + D(days=row.lead_time_days)
    assert detail.deliveries == ((DEMO_END, 40), (second, 70))
    level = dict(detail.stock)
    assert level[second] > level[second - D(days=1)]  # the line steps up on the second delivery's own date
    late_due = (DEMO_END - D(days=2)).isoformat()
    assert f"Delivery of 40 due {late_due} is late (2 days)." in inv.detail.reason.text()
    assert f"40 on {DEMO_END:%m-%d}" in inv.detail.numbers.text() and f"70 on {second:%m-%d}" in inv.detail.numbers.text()
    # the alert list's In transit cell is red and says it too
    model = inv.table.model
    index = model.index(model.row_of(code), model.column_of("in_transit"))
    assert "is late (2 days)" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert model.data(index, Qt.ItemDataRole.ForegroundRole).color().name() == "#c62828"


def test_the_letterhead_typed_once_in_settings_heads_the_purchase_lists_excel_and_print(qtbot, window, tmp_path):
    from openpyxl import load_workbook

    from core.settings import load
    from ui.dialogs.settings_dialog import SettingsDialog

    inv = open_tab(qtbot, window, "inventory")
    dialog = SettingsDialog(window.ctx.settings, window)
    qtbot.addWidget(dialog)
    dialog.letterhead.setPlainText("联系人：王丽 138 0000 0000\n\n地址：杭州市文三路 88 号")
    dialog.apply()
    assert load().letterhead == "联系人：王丽 138 0000 0000\n地址：杭州市文三路 88 号"  # kept for next time
    page = inv.purchase
    assert page.shop == "山野茶舍"  # the demo shop's name, as the monthly plan's title says it
    html = page.html()
    assert "山野茶舍 · Purchase list" in html and "地址：杭州市文三路 88 号" in html
    page.export_workbook(str(tmp_path / "po.xlsx"))
    ws = load_workbook(tmp_path / "po.xlsx").worksheets[0]
    first = [r[0].value for r in ws.iter_rows(max_row=5)]
    assert first[0].startswith("山野茶舍 · Purchase order to ")
    assert first[1:5] == ["联系人：王丽 138 0000 0000", "地址：杭州市文三路 88 号", None, "SKU code"]
