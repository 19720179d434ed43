"""Stock count (盘点): pasted counts read and refused line by line, differences at cost, one undoable edit."""
from __future__ import annotations

import datetime as dt

import pytest

from core.edits import FieldError, History, apply_edit
from core.edits.stock import CountStock
from core.models import Sku, StockLevel
from core.stock_count import count_lines, parse_count_text

KNOWN = {"TEA-001", "TEA-002", "CUP-01"}


def test_a_block_pasted_from_excel_with_its_header():
    text = "商家编码\t盘点数量\r\nTEA-001\t38\r\nTEA-002\t1,204件\r\n\r\nCUP-01\t0\r\n"
    assert parse_count_text(text, KNOWN) == ({"TEA-001": 38, "TEA-002": 1204, "CUP-01": 0}, [])
    assert parse_count_text("TEA-001, 5\nCUP-01 7", KNOWN) == ({"TEA-001": 5, "CUP-01": 7}, [])


def test_unknown_codes_unreadable_and_repeated_lines_are_named():
    text = "TEA-001\t38\nTEA-009\t4\nTEA-002\tabc\nCUP-01\t-3\nTEA-001\t40\nCUP-01\n"
    counts, problems = parse_count_text(text, KNOWN)
    assert counts == {"TEA-001": 38}
    assert problems == [
        "line 2: SKU “TEA-009” is not in the shop",
        "line 3: “abc” is not a whole number. Type digits only, e.g. 120.",
        "line 4: a count cannot be below 0 (CUP-01: -3)",
        "line 5: TEA-001 is counted already on line 1",
        "line 6: no counted quantity for CUP-01",
    ]


@pytest.fixture
def shop(db):
    with db.transaction() as s:
        s.add_all([
            Sku(code="TEA-001", title="龙井", cost_fen=4500), Sku(code="TEA-002", title="普洱", cost_fen=9000),
            Sku(code="CUP-01", title="杯", cost_fen=1250),
            StockLevel(sku_code="TEA-001", on_hand=40, in_transit=6, as_of=dt.datetime(2026, 11, 1)),
            StockLevel(sku_code="TEA-002", on_hand=10, in_transit=0, as_of=dt.datetime(2026, 11, 1)),
        ])
    return db


def on_hand(db):
    with db.session() as s:
        return {lv.sku_code: (lv.on_hand, lv.in_transit) for lv in s.query(StockLevel)}


def test_differences_are_valued_at_cost(shop):
    with shop.session() as s:
        lines = {ln.sku_code: ln for ln in count_lines(s, {"TEA-001": 38, "CUP-01": 5})}
    assert (lines["TEA-001"].system, lines["TEA-001"].difference, lines["TEA-001"].difference_value_fen) == (40, -2, -9000)
    assert (lines["CUP-01"].system, lines["CUP-01"].difference, lines["CUP-01"].difference_value_fen) == (0, 5, 6250)
    assert lines["TEA-002"].counted is None and lines["TEA-002"].difference is None


def test_a_count_is_one_edit_and_one_undo_restores_every_sku(shop):
    history = History()
    change = history.apply(shop, CountStock((("TEA-001", 38), ("TEA-002", 10), ("CUP-01", 5))))
    assert change.label == "Stock count of 3 SKUs"
    assert on_hand(shop) == {"TEA-001": (38, 6), "TEA-002": (10, 0), "CUP-01": (5, 0)}
    history.undo(shop)
    assert on_hand(shop) == {"TEA-001": (40, 6), "TEA-002": (10, 0)}


def test_a_count_naming_an_unknown_sku_or_a_negative_quantity_writes_nothing(shop):
    with pytest.raises(FieldError) as err:
        apply_edit(shop, CountStock((("TEA-001", 1), ("GONE", 3))))
    assert err.value.row == "GONE"
    with pytest.raises(FieldError) as err:
        apply_edit(shop, CountStock((("TEA-001", 1), ("CUP-01", -1))))
    assert (err.value.row, err.value.field) == ("CUP-01", "counted")
    assert on_hand(shop) == {"TEA-001": (40, 6), "TEA-002": (10, 0)}


def test_an_owners_own_count_sheet_of_more_columns_is_read_by_its_header():
    """Copied from the owner's count sheet (商家编码 ⇥ 商品名称 ⇥ 规格 ⇥ 系统库存 ⇥ 盘点数量), every line was refused:
    "line 2: “龙井” is not a whole number" — the second column was taken as the count."""
    text = "商家编码\t商品名称\t规格\t系统库存\t盘点数量\r\nTEA-001\t龙井\t50g\t40\t38\r\nCUP-01\t杯\t\t3\t0\r\n"
    assert parse_count_text(text, KNOWN) == ({"TEA-001": 38, "CUP-01": 0}, [])
    assert parse_count_text("品名\tSKU\t实盘数量\t差异\n龙井\tTEA-002\t7\t-2\n", KNOWN) == ({"TEA-002": 7}, [])
    counts, problems = parse_count_text("TEA-001\t龙井\t38\n", KNOWN)  # no header: which column is the count?
    assert counts == {} and problems == [
        "line 1: 3 columns; paste two, the SKU code and the counted quantity (or copy the header row with them, "
        "e.g. 商家编码 and 盘点数量)"]
