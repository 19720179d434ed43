"""What a third new owner ran into in a first week on an empty shop (newuser3)."""
from __future__ import annotations

import pytest

from core.settings import Settings
from ui.context import AppContext
from tests.ui.helpers import shown


SIZE = (1360, 820)


def _cut_headers(table) -> list[str]:
    """The headers of ``table`` (a RecordTable) whose text does not fit their column."""
    view = table.view
    header = view.horizontalHeader()
    metrics = header.fontMetrics()
    cut = []
    for col in range(table.model.columnCount()):
        text = str(table.model.headerData(col, header.orientation()))
        if metrics.horizontalAdvance(text) + 8 > header.sectionSize(col):
            cut.append(text)
    return cut


@pytest.mark.parametrize("tab_name", ["goals", "inventory"])
def test_an_empty_shops_tables_show_their_whole_column_headers(qtbot, db, tab_name):
    if tab_name == "goals":
        from ui.tabs.goals_tab import GoalsTab as Tab
    else:
        from ui.tabs.inventory_tab import InventoryTab as Tab
    tab = shown(qtbot, Tab(AppContext(db, Settings())), SIZE)
    assert tab.table.model.rowCount() == 0
    assert _cut_headers(tab.table) == []


def test_a_required_form_field_left_empty_says_which_and_not_cell_or_esc(qtbot, db):
    from ui.tabs.goals_tab import GoalsTab

    tab = shown(qtbot, GoalsTab(AppContext(db, Settings())), SIZE)
    form = tab.new_goal()
    qtbot.addWidget(form)
    form.widgets["target_gmv_fen"].setText("")
    form.submit()
    message = form.errors["target_gmv_fen"]
    qtbot.waitUntil(message.isVisible, timeout=10_000)
    assert message.text() == "Target GMV (yuan) cannot be left empty: type a value."
    assert form.isVisible() and form.saved is None
    form.reject()


def test_the_trend_of_a_range_whose_only_orders_lack_a_rate_says_so_not_import_orders(qtbot, db):
    """The real ZAR Shopify store before its rate is set: 35 paid orders in May 2021. The trend said
    "No paid orders in this range. Import an order export" beside the banner counting them."""
    import datetime as dt

    from core.edits import apply_edit
    from core.edits.channels import SetChannelCurrency
    from core.models import Order
    from core.orders import derive_payment
    from ui.tabs.kpi_tab import KpiTab

    with db.transaction() as s:
        for i, day in enumerate((13, 14)):
            paid_at = dt.datetime(2021, 5, day, 9)
            is_paid, pay_date = derive_payment("paid", paid_at, paid_at)
            s.add(Order(platform="shopify", order_no=f"#10{i}", buyer_key=f"b{i}@example.com", status="paid",
                        created_at=paid_at, paid_at=paid_at, paid_fen=184868, goods_fen=184868,
                        is_paid=is_paid, pay_date=pay_date))
    apply_edit(db, SetChannelCurrency("shopify", "zar"))
    tab = shown(qtbot, KpiTab(AppContext(db, Settings(), today=dt.date(2021, 6, 1))), SIZE)
    with qtbot.waitSignal(tab.sig_loaded, timeout=60_000):
        tab.set_view(preset="custom", custom_from=dt.date(2021, 5, 1), custom_to=dt.date(2021, 5, 31))
    qtbot.waitUntil(lambda: not tab.loading, timeout=60_000)
    message = tab.charts["trend"]._empty.text()
    assert "Import an order export" not in message
    assert message == ("No paid orders in yuan in this range: Shopify (ZAR 3,697.36 in 2 order(s)) is left out until "
                       "ZAR has a rate for 2021-05 (Settings → Channels).")


def test_a_longer_value_arriving_later_widens_its_column_until_the_owner_sets_the_width(qtbot):
    """The purchase list first held two suppliers (义乌香薰, 佛山家具); added lines read "景德镇…" and
    "(无供…" because widths followed the first rows only. A column the owner widened or narrowed stays."""
    from ui.widgets.record_table import RecordTable
    from ui.widgets.table_model import Column

    table = RecordTable([Column("Supplier", field="supplier"), Column("SKU", field="sku")])
    qtbot.addWidget(table)
    table.resize(800, 300)
    table.show()
    table.set_rows([{"supplier": "义乌", "sku": "A"}])
    table.set_rows([{"supplier": "义乌", "sku": "A"}, {"supplier": "景德镇瓷厂景德镇瓷厂 (no supplier)", "sku": "B"}])
    view = table.view
    assert view.columnWidth(0) >= view.sizeHintForColumn(0)
    view.horizontalHeader().resizeSection(1, 300)  # the owner's width
    table.set_rows([{"supplier": "义乌", "sku": "A"}])
    assert view.columnWidth(1) == 300


def test_widths_set_before_the_first_rows_still_give_way_to_the_first_rows(qtbot):
    """Import history hides its id column before its rows load: the file names were cut to 100 px."""
    from ui.widgets.record_table import RecordTable
    from ui.widgets.table_model import Column

    table = RecordTable([Column("File", field="file"), Column("Id", field="id")])
    qtbot.addWidget(table)
    table.resize(900, 300)
    table.view.setColumnHidden(1, True)
    table.view.setColumnWidth(0, 60)
    table.show()
    table.set_rows([{"file": "ExportOrderList202611 淘宝订单报表.csv", "id": 1}])
    assert table.view.columnWidth(0) >= table.view.sizeHintForColumn(0)


def test_the_import_report_says_how_many_imported_order_lines_a_stock_file_matched(qtbot, db, tmp_path):
    """Orders first (纯棉T恤, no SKU code), then the stock template naming that title: the wizard's
    report says the orders' lines now count for the SKU, as the `import` command does."""
    from PySide6.QtCore import Qt

    from core.imports import import_file
    from tests.helpers import exports as X
    from tests.ui.import_files import taobao_orders_csv
    from ui.dialogs.import_wizard import open_import_wizard
    from ui.dialogs.import_wizard.wizard import PREVIEW, REPORT
    from ui.main_window import MainWindow

    import_file(db, taobao_orders_csv(tmp_path / "orders.csv", 3))
    stock = X.stock_template(tmp_path / "stock.xlsx", [["TS-01", "纯棉T恤", "", "服装", 20, 59, 10, 0, "义乌", 7, 1]])
    window = MainWindow(AppContext(db, Settings()))
    qtbot.addWidget(window)
    wizard = open_import_wizard(window, [str(stock)])
    qtbot.waitUntil(lambda: wizard.entries and not any(e.busy for e in wizard.entries), timeout=60_000)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.current() == PREVIEW
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.current() == REPORT, timeout=60_000)
    assert ("Matched to a SKU by its title: 3 order line(s) without a SKU code, whose sales now count for it."
            in wizard.report_page.banner.text())
    wizard.close()
