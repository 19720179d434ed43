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

    undo_batch(db, stock.batch_id)
    assert _by_sku(db) == {}
    assert [ln["sku_code"] for ln in lines(db, "1930679858170600")] == [""]
