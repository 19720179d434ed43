"""The wizard's "Match columns" step for a file without an order number (issue #18, the real TB2018.xls):
the rule that identifies its orders, in words, the number the first row gets, then the import."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from core.imports.order_key import order_number
from core.models import Order
from core.settings import Settings
from tests.helpers.real_exports import real_export
from ui.context import AppContext
from ui.dialogs.column_mapping import COL_SAMPLE
from ui.dialogs.import_wizard import open_import_wizard
from ui.dialogs.import_wizard.files_page import COL_DETECTED, COL_STATUS
from ui.dialogs.import_wizard.report_page import COL_ADDED
from ui.dialogs.import_wizard.wizard import MAPPING, PREVIEW, REPORT
from ui.main_window import MainWindow

HEADERS = ["买家会员名", "订单创建时间", "订单付款时间", "买家实际支付金额", "宝贝总数量"]


@pytest.fixture
def window(qtbot, db):
    w = MainWindow(AppContext(db, Settings()))
    qtbot.addWidget(w)
    return w


def _order_count(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Order))


def _to_mapping(window, qtbot, path):
    wizard = open_import_wizard(window, [str(path)])
    qtbot.waitUntil(lambda: wizard.entries and not any(e.busy for e in wizard.entries), timeout=30_000)
    assert wizard.files_page.table.item(0, COL_STATUS).text() == "Columns to match"
    assert wizard.files_page.table.item(0, COL_DETECTED).text() == "Orders without an order number"
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.current() == MAPPING
    return wizard, wizard.mapping_page


def _no_id_csv(path, rows):
    path.write_text("\n".join(",".join(r) for r in [HEADERS, *rows]) + "\n", encoding="utf-8")
    return path


def test_tb2018_shows_the_rule_and_imports_with_made_order_numbers(window, qtbot, db):
    wizard, page = _to_mapping(window, qtbot, real_export("taobao/TB2018.xls"))
    assert page.kind_combo.currentData() == "orders"
    panel = page.order_key
    assert panel.isVisibleTo(page) and panel.combo.currentText() == "Buyer and order created time"
    first = order_number(("buyer_account", "created_at"), ("mrsoft001", "2018-01-01T09:26:00"))
    words = panel.words.text()
    assert words.startswith("Each row is one order, identified by Buyer account (nickname, e-mail) (买家会员名) and "
                            "Order created at (订单创建时间); two rows with the same buyer and time are one order")
    assert f"the first row as {first}" in words and "never adds them twice" in words
    order_row = list(page._combos).index("order_no")
    assert page.table.item(order_row, COL_SAMPLE).text() == "None in this file: the orders are identified by the rule below"
    assert page.mapping()["order_key"] == "buyer_account+created_at"
    # neither the order number (the rule stands in) nor the gross paid amount (买家实际支付金额 is chosen) is needed
    labels = [page.table.item(r, 0).text() for r in range(3)]
    assert labels == ["Order number", "Order created at *", "Paid amount (per order)"]
    page.platform_combo.setCurrentIndex(page.platform_combo.findData("taobao"))

    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.current() == PREVIEW, timeout=30_000)
    model = wizard.preview_page.preview(0).model
    numbers = [model.index(r, c).data() for r in range(3) for c in range(model.columnCount())]
    assert first in numbers
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.current() == REPORT, timeout=60_000)
    assert wizard.report_page.files.item(0, COL_ADDED).text() == "1,783"
    assert _order_count(db) == 1783
    wizard.close()


def test_the_rule_follows_the_columns_chosen(window, qtbot, db, tmp_path):
    path = _no_id_csv(tmp_path / "no-id.csv", [["amy", "2026-05-01 10:00:00", "2026-05-01 10:05:00", "12.50", "1"],
                                               ["bob", "2026-05-02 11:00:00", "", "8.00", "2"]])
    wizard, page = _to_mapping(window, qtbot, path)
    panel = page.order_key
    assert panel.combo.currentData() == ("buyer_account", "created_at")
    # without a created-at column the payment time identifies the orders
    page._combos["created_at"].setCurrentIndex(0)
    assert panel.combo.currentData() == ("buyer_account", "paid_at")
    assert "identified by Buyer account (nickname, e-mail) (买家会员名) and Paid at (订单付款时间)" in panel.words.text()
    assert page.mapping()["order_key"] == "buyer_account+paid_at"
    page.set_choice("created_at", "订单创建时间")
    # without the buyer's column no rule is possible: the order number stays required
    page._combos["buyer_account"].setCurrentIndex(0)
    assert not panel.combo.isEnabled() and "order_key" not in page.mapping()
    assert page.table.item(0, 0).text() == "Order number *" and page.table.item(0, COL_SAMPLE).text() == ""
    assert panel.words.text().startswith("Choose the order number column above; or, if the file has none")
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.current() == MAPPING and "Order number" in page.banner.text()
    # an order number column chosen: no rule
    page.set_choice("order_no", "买家会员名")
    assert not panel.isVisibleTo(page) and "order_key" not in page.mapping()
    page._combos["order_no"].setCurrentIndex(0)
    page.set_choice("buyer_account", "买家会员名")
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.current() == PREVIEW, timeout=30_000)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.current() == REPORT, timeout=30_000)
    assert wizard.report_page.files.item(0, COL_ADDED).text() == "2"
    wizard.close()
    # the saved mapping (with its rule) recognises the next file of the same columns
    again = open_import_wizard(window, [str(_no_id_csv(tmp_path / "next.csv", [["cat", "2026-06-01 09:00:00",
                                                                                 "2026-06-01 09:01:00", "5.00", "1"]]))])
    qtbot.waitUntil(lambda: again.entries and not any(e.busy for e in again.entries), timeout=30_000)
    assert again.next_button.text() == "Preview >"
    again.close()


def test_the_rule_in_chinese(window, qtbot, tmp_path):
    from core import i18n

    i18n.set_language("zh_CN")
    path = _no_id_csv(tmp_path / "no-id.csv", [["amy", "2026-05-01 10:00:00", "2026-05-01 10:05:00", "12.50", "1"]])
    wizard, page = _to_mapping(window, qtbot, path)
    assert page.order_key.words.text().startswith("每一行是一笔订单，由买家账号")
    wizard.close()
