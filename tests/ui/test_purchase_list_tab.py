"""The purchase list as the owner's tool (issue #13), on the demo shop: typed quantities, Add to
purchase list, Mark as ordered → in transit → Received with undo, Excel per supplier, print."""
from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from core.models import Sku, StockLevel
from tests.conftest import DEMO_END
from tests.ui.helpers import open_tab, wait_saved


def cell(table, code, field):
    return table.proxy.mapFromSource(table.model.index(table.model.row_of(code), table.model.column_of(field)))


def line(page, code):
    table = page.lines
    return table.model.row(table.model.row_of(code))


def stock(db, code):
    with db.session() as s:
        lv = s.get(StockLevel, code)
        return lv.on_hand, lv.in_transit, lv.arrival_date


def test_a_typed_quantity_is_stored_per_sku_costs_follow_and_undo_restores_the_suggestion(qtbot, window, demo_db):
    inv = open_tab(qtbot, window, "inventory")
    page = inv.purchase
    first = page.all_lines()[0]
    assert first.qty == first.suggested_qty and not first.edited
    assert page.lines.proxy.setData(cell(page.lines, first.sku_code, "qty"), "999")
    wait_saved(qtbot, window)
    now = line(page, first.sku_code)
    assert (now.qty, now.cost_fen, now.edited) == (999, 999 * first.unit_cost_fen, True)
    total = next(t for t in page.totals.visible_rows() if t.supplier == first.supplier)
    assert total.units == sum(p.qty for p in page.all_lines() if p.supplier == first.supplier)
    with demo_db.session() as s:
        assert s.scalar(select(Sku.order_qty).where(Sku.code == first.sku_code)) == 999
    page.lines.proxy.setData(cell(page.lines, first.sku_code, "qty"), "-3")  # refused by core, naming the field
    wait_saved(qtbot, window)
    qtbot.waitUntil(lambda: "Quantity to order" in inv.banner.text(), timeout=10_000)
    assert line(page, first.sku_code).qty == 999
    window.action_undo.trigger()
    wait_saved(qtbot, window)
    assert line(page, first.sku_code).qty == first.suggested_qty


def test_add_to_list_then_ordered_then_received_each_one_undoable_edit(qtbot, window, demo_db):
    inv = open_tab(qtbot, window, "inventory")
    page = inv.purchase
    listed = {p.sku_code for p in page.all_lines()}
    extra = next(r for r in inv.table.model._rows
                 if r.sku_code not in listed and r.suggested_qty > 0 and r.in_transit == 0 and r.lead_time_days > 0)
    inv.table.select_key(extra.sku_code)
    inv.findChild(QPushButton, "inventory.add_to_purchase").click()
    wait_saved(qtbot, window)
    added = line(page, extra.sku_code)
    assert (added.qty, added.edited) == (extra.suggested_qty, True)

    page.lines.select_key(extra.sku_code)
    page.ordered_button.click()
    wait_saved(qtbot, window)
    arrival = DEMO_END + dt.timedelta(days=extra.lead_time_days)
    assert stock(demo_db, extra.sku_code) == (extra.on_hand, extra.suggested_qty, arrival)
    assert extra.sku_code not in {p.sku_code for p in page.all_lines()}  # ordered: off the list
    assert window.action_undo.text() == f"&Undo “Mark {extra.sku_code} as ordered”"

    inv.table.select_key(extra.sku_code)
    inv.received_button.click()
    wait_saved(qtbot, window)
    assert stock(demo_db, extra.sku_code) == (extra.on_hand + extra.suggested_qty, 0, None)
    window.action_undo.trigger()
    wait_saved(qtbot, window)
    assert stock(demo_db, extra.sku_code) == (extra.on_hand, extra.suggested_qty, arrival)
    window.action_undo.trigger()
    wait_saved(qtbot, window)
    assert stock(demo_db, extra.sku_code)[:2] == (extra.on_hand, 0)
    assert line(page, extra.sku_code).qty == extra.suggested_qty


def test_received_without_anything_in_transit_says_what_to_do(qtbot, window, demo_db):
    inv = open_tab(qtbot, window, "inventory")
    row = next(r for r in inv.table.model._rows if r.in_transit == 0)
    inv.table.select_key(row.sku_code)
    inv.received_button.click()
    wait_saved(qtbot, window)
    qtbot.waitUntil(lambda: "nothing in transit" in inv.banner.text(), timeout=10_000)
    assert stock(demo_db, row.sku_code)[:2] == (row.on_hand, 0)


def test_excel_has_one_sheet_per_supplier_and_print_writes_the_same_lines(qtbot, window, tmp_path):
    inv = open_tab(qtbot, window, "inventory")
    page = inv.purchase
    lines = page.all_lines()
    page.export_workbook(str(tmp_path / "po.xlsx"))
    wb = load_workbook(tmp_path / "po.xlsx")
    suppliers = sorted({p.supplier or "(no supplier)" for p in lines})
    assert sorted(wb.sheetnames) == sorted(s[:31] for s in suppliers)
    for ws in wb.worksheets:
        rows = [[c.value for c in r] for r in ws.iter_rows()]
        mine = [p for p in lines if (p.supplier or "(no supplier)")[:31] == ws.title]
        assert [r[0] for r in rows[2:-1]] == sorted(p.sku_code for p in mine)
        assert rows[-1][0] == "Total" and rows[-1][3] == sum(p.qty for p in mine)
    from ui.tabs.inventory_print import save_pdf

    pdf = save_pdf(tmp_path / "po.pdf", page.html(), "po")
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 2000
    assert all(p.sku_code in page.html() for p in lines)
    dlg = page.print_preview()
    assert dlg.objectName() == "inventory.purchase_preview" and dlg.isVisible()
    dlg.reject()


def test_saving_settings_recomputes_the_tab_at_once_and_wrong_pairs_are_refused(qtbot, window):
    from ui.dialogs.settings_dialog import SettingsDialog

    inv = open_tab(qtbot, window, "inventory")
    before = {r.sku_code: r for r in inv.table.model._rows}
    overstocked = [c for c, r in before.items() if "overstock" in r.flags]
    assert overstocked
    dialog = SettingsDialog(window.ctx.settings, window)
    qtbot.addWidget(dialog)
    dialog.slow_days.setValue(200)
    dialog.dead_days.setValue(100)
    dialog.accept()
    assert dialog.problem.isVisibleTo(dialog) and "Dead stock must take longer" in dialog.problem.text()
    assert dialog.result() != dialog.DialogCode.Accepted
    dialog.dead_days.setValue(730)
    dialog.slow_days.setValue(30)
    dialog.overstock_days.setValue(730)
    dialog.accept()
    assert not dialog.problem.isVisibleTo(dialog)
    loads = inv.loads
    dialog.apply()
    window.ctx.notify_changed("settings")
    qtbot.waitUntil(lambda: inv.loads > loads and not inv.loading, timeout=30_000)
    after = {r.sku_code: r for r in inv.table.model._rows}
    assert not any("overstock" in r.flags for r in after.values())
    assert inv.status_filter.findText("Overstock (0)") >= 0
