"""The shared table model keyed by id: reloads keep what the owner was doing; Qt's model rules hold."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt

from ui.widgets.editors import CellEditor
from ui.widgets.record_table import RecordTable, parse_block
from ui.widgets.table_model import Column, RecordTableModel


@dataclass(frozen=True)
class Item:
    code: str
    name: str
    qty: int
    platform: str


def columns():
    return [
        Column("Code", field="code"),
        Column("Name", field="name"),
        Column("Qty", "int", field="qty", editor=CellEditor("int")),
        Column("Channel", field="platform", fmt=lambda p: {"taobao": "淘宝", "jd": "京东"}.get(p, p)),
    ]


ROWS = [Item(f"SKU-{i:03d}", f"商品 {i}", i, "taobao" if i % 2 else "jd") for i in range(200)]


def test_model_follows_qt_rules_through_keyed_reloads(qtmodeltester):
    model = RecordTableModel(columns(), key=lambda r: r.code)
    qtmodeltester.check(model, force_py=True)
    model.set_rows(ROWS)
    changed = [ROWS[5].__class__(ROWS[5].code, ROWS[5].name, 999, "jd")]
    model.set_rows(list(reversed(ROWS[10:150])) + changed + [Item("NEW-1", "新品", 1, "taobao")])
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 142
    assert model.index(140, 2).data() == "999" and model.index(141, 0).data() == "NEW-1"


def test_a_reload_updates_rows_in_place_keeping_selection_scroll_and_sort(qtbot):
    table = RecordTable(columns(), key=lambda r: r.code)
    qtbot.addWidget(table)
    table.resize(600, 300)
    table.show()
    table.set_rows(ROWS)
    table.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    table._user_sorted = True
    target = table.proxy.mapFromSource(table.model.index(table.model.row_of("SKU-120"), 1))
    table.view.setCurrentIndex(target)
    table.view.scrollTo(target)
    scroll = table.view.verticalScrollBar().value()
    resets = []
    table.model.modelReset.connect(lambda: resets.append(1))

    rows = [Item(r.code, r.name + " (改)", r.qty, r.platform) if r.code == "SKU-050" else r for r in ROWS]
    table.set_rows(rows)
    assert resets == []  # no reset: nothing the owner did is lost
    current = table.view.currentIndex()
    assert table.raw_row(current.row()).code == "SKU-120" and current.column() == 1
    assert table.view.verticalScrollBar().value() == scroll
    assert table.proxy.index(0, 0).data() == "SKU-199"  # still the owner's sort
    assert table.model.index(table.model.row_of("SKU-050"), 1).data() == "商品 50 (改)"


def test_filters_compare_domain_values_not_labels(qtbot):
    table = RecordTable(columns(), key=lambda r: r.code)
    qtbot.addWidget(table)
    table.set_rows(ROWS)
    table.proxy.set_exact("platform", "jd")
    assert table.proxy.rowCount() == 100 and {r.platform for r in table.visible_rows()} == {"jd"}
    assert table.proxy.index(0, 3).data() == "京东"
    table.proxy.set_exact("platform", "京东")  # a label is not a value
    assert table.proxy.rowCount() == 0


def test_excel_clipboard_blocks_are_read_with_their_quoting():
    assert parse_block("1\t2\r\n3\t4\r\n") == [["1", "2"], ["3", "4"]]
    assert parse_block('"多行\n备注"\t5\n') == [["多行\n备注", "5"]]
    assert parse_block("") == []
