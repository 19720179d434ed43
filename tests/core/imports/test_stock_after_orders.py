"""A new owner imports the orders first and the stock template second (newuser3): the SKUs must
show the sales the orders already hold, and undoing the stock import puts the lines back."""
from __future__ import annotations

import datetime as dt

from core.imports import import_file, undo_batch
from core.inventory import inventory_rows
from tests.core.imports.conftest import lines
from tests.helpers import exports as X

TODAY = dt.date(2026, 6, 1)


def _by_sku(db) -> dict[str, object]:
    with db.session() as s:
        return {r.sku_code: r for r in inventory_rows(s, TODAY)}


def _favourites(db) -> dict[str, str]:
    from sqlalchemy import select

    from core.models import Customer

    with db.session() as s:
        return dict(s.execute(select(Customer.name, Customer.categories)).all())


def test_stock_imported_after_the_orders_counts_their_sales_and_its_undo_restores_the_lines(db, files):
    orders = [X.taobao_order_row(f"19306798581706{i:02d}", title="香薰蜡烛礼盒 三只装", qty=2,
                                 created=f"2026/5/{10 + i} 10:00", paid_at=f"2026/5/{10 + i} 10:01")
              for i in range(10)]
    orders.append(X.taobao_order_row("1930679858170699", title="没有这个商品", created="2026/5/20 10:00",
                                     paid_at="2026/5/20 10:01"))
    import_file(db, X.taobao_orders_csv(files / "orders.csv", orders))
    stock = import_file(db, X.stock_template(files / "stock.xlsx", [
        ["CAN-03", "香薰蜡烛礼盒 三只装", "", "香薰", 30, 89, 4, 0, "义乌香薰", 7, 6]]))

    assert stock.lines_matched_by_title == 10
    row = _by_sku(db)["CAN-03"]
    assert row.last_sale == dt.date(2026, 5, 19)
    assert row.avg_daily_sales > 0 and row.status != "dead"  # 20 sold in May: not dead stock
    assert [ln["sku_code"] for ln in lines(db, "1930679858170600")] == ["CAN-03"]
    assert [ln["sku_code"] for ln in lines(db, "1930679858170699")] == [""]  # no SKU of that title
    assert _favourites(db) == {"买家甲": "香薰"}  # the Members tab's 偏好类目

    undo_batch(db, stock.batch_id)
    assert _by_sku(db) == {}
    assert [ln["sku_code"] for ln in lines(db, "1930679858170600")] == [""]
    assert _favourites(db) == {"买家甲": ""}


def test_a_negative_stock_cost_or_order_multiple_in_the_stock_template_skips_its_row_saying_why(db, files):
    result = import_file(db, X.stock_template(files / "stock.xlsx", [
        ["BLK-02", "加厚珊瑚绒毛毯 双人", "", "布艺", 50, 129, -5, 0, "南通布艺", 14, 5],
        ["MUG-01", "陶瓷马克杯 带盖勺", "白色", "杯具", -12.5, 39, 3, 0, "景德镇瓷厂", 10, 12],
        ["PIL-45", "棉麻抱枕套 45cm", "灰", "布艺", 15, 59, 100, 20, "南通布艺", 14, 0],
        ["TBL-01", "北欧实木床头柜 免安装", "", "家具", 150, -305, 1, 0, "佛山家具", 21, 1],
        ["CAN-03", "香薰蜡烛礼盒 三只装", "", "香薰", 30, 89, 2, 0, "义乌香薰", 7, 6],
    ]))

    assert (result.orders_added, result.rows_skipped) == (1, 4)
    assert [(e.row, e.column, e.message) for e in result.errors] == [
        (2, "库存", "On hand must be between 0 and 999,999,999; -5 was entered; the row was skipped"),
        (3, "成本价", "Unit cost cannot be below ¥0; type 0 when it costs nothing; the row was skipped"),
        (4, "起订倍数", "Order multiple must be between 1 and 100,000; 0 was entered; the row was skipped"),
        (5, "售价", "The selling price cannot be below ¥0; the row was skipped"),
    ]
    assert list(_by_sku(db)) == ["CAN-03"]  # no SKU with −5 on hand shown as "OK"


def test_rows_read_counts_a_row_with_an_unreadable_cost_too(db, files):
    result = import_file(db, X.stock_template(files / "stock.xlsx", [
        ["CAN-03", "香薰蜡烛礼盒 三只装", "", "香薰", 30, 89, 2, 0, "义乌香薰", 7, 6],
        ["BLK-02", "加厚珊瑚绒毛毯 双人", "", "布艺", "abc", 129, 5, 0, "南通布艺", 14, 5],
        ["MUG-01", "陶瓷马克杯 带盖勺", "白色", "杯具", 12.5, 39, -3, 0, "景德镇瓷厂", 10, 12],
    ]))
    assert (result.rows_read, result.orders_added, result.rows_skipped) == (3, 1, 2)  # was "2 rows read … 2 skipped"
