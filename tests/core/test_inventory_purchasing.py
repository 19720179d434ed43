"""The purchase list as the owner's tool (issue #13): typed quantities, ordered → in transit → received,
the workbook with one sheet per supplier, read back; on fixture data against hand-worked values."""
from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from core.edits import FieldError, History, apply_edit
from core.edits.stock import MarkOrdered, ReceiveStock, SetOrderQty
from core.inventory import InventoryParams, inventory_rows
from core.inventory_lists import purchase_list
from core.models import StockLevel
from core.purchase_orders import purchase_html, write_purchase_workbook
from tests.core.test_inventory_alerts import TODAY, days_ago, sell, sku


@pytest.fixture
def shop(db):
    with db.transaction() as s:
        sku(s, "MIN", 10, lead_time_days=7, order_multiple=12, min_order_qty=50, supplier="乙厂", cost_fen=800)
        sku(s, "ZERO", 0, lead_time_days=0, supplier="甲厂", cost_fen=500)  # 3 a day, lead time 0
        sku(s, "IDLE", 25, supplier="甲厂", cost_fen=100)  # never sold: nothing suggested
        for i in range(28):
            sell(s, "MIN", days_ago(i), 2, 2000)
            sell(s, "ZERO", days_ago(i), 3, 3000)
    return db


def lines(db):
    with db.session() as s:
        return purchase_list(inventory_rows(s, TODAY, InventoryParams()), TODAY)


def stock(db, code):
    with db.session() as s:
        level = s.get(StockLevel, code)
        return level.on_hand, level.in_transit, level.arrival_date


def test_suggested_quantities_with_lead_time_zero_and_a_minimum_in_multiples(shop):
    got = {p.sku_code: (p.qty, p.suggested_qty, p.edited, p.cost_fen) for p in lines(shop)}
    # MIN: need 14 + 14 − 10 = 18 → minimum 50 → packs of 12: 60. ZERO: lead 0, σ 0 → reorder point 0,
    # need 0 + 3 × 7 − 0 = 21. IDLE never sold: not listed.
    assert got == {"MIN": (60, 60, False, 48000), "ZERO": (21, 21, False, 10500)}


def test_a_typed_quantity_replaces_the_suggestion_and_undo_restores_it(shop):
    history = History()
    history.apply(shop, SetOrderQty((("MIN", 100),)))
    history.apply(shop, SetOrderQty((("IDLE", 5),)))  # "Add to purchase list" for a SKU not yet due
    got = {p.sku_code: (p.qty, p.suggested_qty, p.edited, p.cost_fen) for p in lines(shop)}
    assert got == {"MIN": (100, 60, True, 80000), "ZERO": (21, 21, False, 10500), "IDLE": (5, 0, True, 500)}
    history.apply(shop, SetOrderQty((("ZERO", 0),)))  # 0: not this time
    assert [p.sku_code for p in lines(shop)] == ["MIN", "IDLE"]  # by supplier name: 乙厂 (U+4E59) before 甲厂
    history.undo(shop)
    history.undo(shop)
    history.undo(shop)
    assert {p.sku_code: p.qty for p in lines(shop)} == {"MIN": 60, "ZERO": 21}


def test_a_bad_quantity_is_refused_naming_the_sku_and_nothing_is_written(shop):
    with pytest.raises(FieldError) as err:
        apply_edit(shop, SetOrderQty((("MIN", 30), ("ZERO", -4))))
    assert (err.value.field, err.value.row) == ("order_qty", "ZERO") and "Quantity to order" in err.value.message
    assert {p.sku_code: p.qty for p in lines(shop)} == {"MIN": 60, "ZERO": 21}


def test_ordered_goes_in_transit_with_its_arrival_then_received_moves_it_on_hand_each_undoable(shop):
    history = History()
    apply_edit(shop, SetOrderQty((("MIN", 72),)))
    history.apply(shop, MarkOrdered((("MIN", 72), ("ZERO", 21)), TODAY))
    assert stock(shop, "MIN") == (10, 72, TODAY + dt.timedelta(days=7))
    assert stock(shop, "ZERO") == (0, 21, TODAY)  # lead time 0: expected today
    # 10 + 72 on hand and in transit cover the need; ZERO's 21 too; the typed 72 is used up.
    assert lines(shop) == []
    history.apply(shop, ReceiveStock(("MIN",)))
    assert stock(shop, "MIN") == (82, 0, None)
    history.undo(shop)
    assert stock(shop, "MIN") == (10, 72, TODAY + dt.timedelta(days=7))
    history.undo(shop)
    assert stock(shop, "MIN")[:2] == (10, 0) and stock(shop, "ZERO")[:2] == (0, 0)
    assert {p.sku_code: (p.qty, p.edited) for p in lines(shop)} == {"MIN": (72, True), "ZERO": (21, False)}


def test_ordering_nothing_or_receiving_nothing_is_refused(shop):
    with pytest.raises(FieldError) as err:
        apply_edit(shop, MarkOrdered((("MIN", 0),), TODAY))
    assert err.value.row == "MIN" and "above 0" in err.value.message
    with pytest.raises(FieldError) as err:
        apply_edit(shop, ReceiveStock(("MIN",)))
    assert err.value.row == "MIN" and "nothing in transit" in err.value.message
    assert stock(shop, "MIN") == (10, 0, None)


def test_the_workbook_has_one_sheet_per_supplier_with_headers_and_totals(shop, tmp_path):
    apply_edit(shop, SetOrderQty((("IDLE", 5),)))
    path = write_purchase_workbook(tmp_path / "po.xlsx", lines(shop), TODAY, shop="茶小铺")
    wb = load_workbook(path)
    assert wb.sheetnames == ["乙厂", "甲厂"]
    ws = wb["甲厂"]
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[0][0] == "茶小铺 · Purchase order to 甲厂 · 2026-11-20"
    assert values[1] == ["SKU code", "Product", "Spec", "Quantity", "Unit cost", "Cost", "Needed by"]
    assert [v[:6] for v in values[2:]] == [
        ["IDLE", "IDLE", None, 5, 1, 5],
        ["ZERO", "ZERO", None, 21, 5, 105],
        ["Total", "2 SKUs", None, 26, None, 110],
    ]
    assert values[3][6].date() == TODAY  # ZERO has nothing left: needed today
    assert [[c.value for c in row][3:6] for row in wb["乙厂"].iter_rows()][-1] == [60, None, 480]


def test_the_printed_list_holds_each_supplier_with_its_total(shop):
    text = purchase_html(lines(shop), TODAY)
    assert text.index("乙厂") < text.index("甲厂")
    assert "¥105.00" in text and "¥480.00" in text and "81 units, ¥585.00 at cost" in text


def test_a_sku_at_its_reorder_point_is_ordered_today_even_when_its_stock_out_is_further_than_the_lead_time(db):
    with db.transaction() as s:
        # 1 a day, lead time 10, a safety stock of 30 typed in: reorder point 10 + 30 = 40. With 35 it
        # runs out on the 36th day (order by in 26 days), but it is below its reorder point now.
        sku(s, "SAFE", 35, lead_time_days=10, safety_stock_override=30, supplier="甲厂")
        sku(s, "FINE", 41, lead_time_days=10, safety_stock_override=30, supplier="甲厂")  # above: not yet
        for i in range(28):
            sell(s, "SAFE", days_ago(i), 1, 1000)
            sell(s, "FINE", days_ago(i), 1, 1000)
    with db.session() as s:
        rows = {r.sku_code: r for r in inventory_rows(s, TODAY, InventoryParams())}
    assert (rows["SAFE"].reorder_point, rows["SAFE"].order_by) == (40, TODAY + dt.timedelta(days=26))
    assert rows["SAFE"].status == "reorder" and "reorder" not in rows["FINE"].flags
    # 40 + 7 review days − 35 = 12 to order today: "Reorder now" and "Order today" name the same SKUs.
    assert [(p.sku_code, p.qty) for p in purchase_list(rows.values(), TODAY)] == [("SAFE", 12)]


def test_on_the_demo_shop_reorder_now_and_order_today_count_the_same_skus(demo_db):
    from core.inventory_lists import alert_rows
    from tests.conftest import DEMO_END

    with demo_db.session() as s:
        rows = alert_rows(s, DEMO_END, InventoryParams())
    reorder = {r.sku_code for r in rows if "reorder" in r.flags}
    # 14 and 10 before: the list took only SKUs past their order-by date.
    assert len(reorder) == 14
    assert {p.sku_code for p in purchase_list(rows, DEMO_END)} == reorder


def test_the_workbook_and_the_print_carry_the_shops_letterhead(shop, tmp_path):
    from core.purchase_orders import letterhead_lines

    head = letterhead_lines("联系人：王丽 138 0000 0000\n\n  地址：杭州市文三路 88 号  \n")
    assert head == ["联系人：王丽 138 0000 0000", "地址：杭州市文三路 88 号"]  # blank lines dropped, trimmed
    path = write_purchase_workbook(tmp_path / "po.xlsx", lines(shop), TODAY, shop="茶小铺", letterhead=head)
    ws = load_workbook(path)["甲厂"]
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert [v[0] for v in values[:5]] == ["茶小铺 · Purchase order to 甲厂 · 2026-11-20", *head, None, "SKU code"]
    assert values[5][:4] == ["ZERO", "ZERO", None, 21] and values[-1][0] == "Total"
    assert ws.freeze_panes == "A6"  # the header row stays in view
    text = purchase_html(lines(shop), TODAY, "茶小铺", head)
    assert text.index("茶小铺 · Purchase list") < text.index("地址：杭州市文三路 88 号") < text.index("乙厂")
