"""What a new owner saw in Stock count… in Chinese: after Fill in, the value of a difference read
"+…" — the column kept the width of its short header (差异金额) from before anything was counted.
The difference columns widen to what they show whenever the counts change."""
from __future__ import annotations

from types import SimpleNamespace

from ui.dialogs.stock_count_dialog import StockCountDialog


def test_filled_in_differences_are_shown_whole(qtbot, chinese):
    skus = [SimpleNamespace(sku_code="TW009-01", title="古法 锤纹 锡罐 茶叶罐 密封 便携", spec="小号", on_hand=0,
                            cost_fen=4_200_00),
            SimpleNamespace(sku_code="TEA011-02", title="白茶 寿眉 2018年 枣香 散茶", spec="500g罐装", on_hand=3,
                            cost_fen=82_00)]
    dialog = StockCountDialog(None, skus)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.fill_from_text("TW009-01\t25000\nTEA011-02\t9")
    view, model = dialog.table.view, dialog.table.model
    for field in ("difference", "difference_value_fen"):
        col = model.column_of(field)
        assert view.columnWidth(col) >= view.sizeHintForColumn(col), field
    value = model.index(model.row_of("TW009-01"), model.column_of("difference_value_fen")).data()
    assert value == "+¥105,000,000.00"
