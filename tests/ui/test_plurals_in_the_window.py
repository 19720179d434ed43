"""English counts read "1 row", "2 rows" in the window (Qt's %n forms, the English catalogue built by
tools/translations.py); Chinese has one form. The tables' row count and a paste that does not fit."""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel

from ui.widgets.editors import CellEditor
from ui.widgets.record_table import RecordTable
from ui.widgets.table_model import Column


def _table(qtbot, rows: int) -> RecordTable:
    table = RecordTable([Column("SKU", field="code"), Column("On hand", "int", field="on_hand", editor=CellEditor("int"))],
                        key=lambda r: r["code"])
    qtbot.addWidget(table)
    table.set_rows([{"code": f"S{i}", "on_hand": i} for i in range(rows)])
    return table


def test_the_row_count_says_row_for_one_and_rows_for_more(qtbot, english):
    one, three = _table(qtbot, 1), _table(qtbot, 3)
    assert one.count_label.text() == "1 row"
    one.search.setText("nothing like it")
    assert one.count_label.text() == "0 of 1 row"
    three.search.setText("S1")
    assert three.count_label.text() == "1 of 3 rows"


def test_a_paste_that_does_not_fit_counts_what_is_left_rightly(qtbot, english):
    table = _table(qtbot, 3)
    problems: list[str] = []
    table.sig_problem.connect(problems.append)
    last = table.proxy.index(2, 1)
    table.view.selectionModel().setCurrentIndex(last, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    assert not table.paste("4\n5\n6")
    assert problems == ["The pasted block has 3 rows, but only 1 row is shown from the selected cell down. "
                        "Nothing was changed."]


def test_chinese_has_one_form(qtbot, chinese):
    table = _table(qtbot, 1)
    table.search.setText("nothing like it")
    assert table.count_label.text() == "显示 0 / 共 1 行"
