"""Unknown quantities are never 1 (issue #18 item 2, spec/kpi.md "unknown, never 0")."""
from __future__ import annotations

import datetime as dt
import sqlite3

from core.imports import import_file
from core.kpi import compute_kpis
from tests.core.imports.conftest import lines, orders
from tests.helpers import exports as X

DAY = dt.date(2026, 5, 23)


def _report_without_quantity(path):
    rows = [{"订单编号": "9001", "总金额": "59.80", "买家实际支付金额": "59.80", "宝贝标题": "洗面奶", "订单创建时间": "2026/5/23 22:02",
             "订单付款时间": "2026/5/23 22:03"},
            {"订单编号": "9002", "总金额": "20.00", "买家实际支付金额": "20.00", "宝贝标题": "毛巾", "订单创建时间": "2026/5/23 23:02",
             "订单付款时间": "2026/5/23 23:03"}]
    return X.write_csv(path, list(rows[0]), rows)


def test_orders_without_a_quantity_column_store_unknown_quantities_and_units(db, files):
    import_file(db, _report_without_quantity(files / "o.csv"))
    assert [ln["qty"] for ln in lines(db, "9001")] == [None]
    assert orders(db)["9001"]["units"] is None
    k = compute_kpis(db, DAY, DAY)
    assert (k.orders, k.gmv, k.units) == (2, 7980, None)
    assert k.by_channel["taobao"].units is None


def test_a_later_line_file_fills_the_quantities_in(db, files):
    import_file(db, _report_without_quantity(files / "o.csv"))
    detail = [{"订单编号": "9001", "标题": "洗面奶", "价格": "29.90", "购买数量": "2", "商家编码": "FW-1"},
              {"订单编号": "9002", "标题": "毛巾", "价格": "20.00", "购买数量": "1", "商家编码": "TW-1"}]
    import_file(db, X.taobao_lines_csv(files / "d.csv", detail))
    assert [ln["qty"] for ln in lines(db, "9001")] == [2]
    assert compute_kpis(db, DAY, DAY).units == 3


def test_one_order_of_unknown_quantity_makes_the_range_units_unknown(db, files):
    import_file(db, X.taobao_orders_csv(files / "full.csv", [X.taobao_order_row("1930679858170647", qty=3)]))
    assert compute_kpis(db, DAY, DAY).units == 3
    import_file(db, _report_without_quantity(files / "o.csv"))
    assert compute_kpis(db, DAY, DAY).units is None


def test_a_0001_shop_is_migrated_with_its_lines_and_triggers(tmp_path):
    from alembic import command
    from alembic.config import Config

    from core.db import open_database
    from core.migrations import MIGRATIONS_DIR

    path = tmp_path / "old.db"
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.exec_driver_sql("INSERT INTO orders (id, platform, order_no, status, status_text, shop, buyer_name, province, "
                             "source, goods_fen, shipping_fen, discount_fen, paid_fen, refund_fen, is_paid, line_paid_fen, "
                             "open_weight_fen, open_qty, units) VALUES (1, 'taobao', 'A', 'paid', '', '', '', '', '', 0, 0, 0, "
                             "1000, 0, 1, 0, 0, 2, 2)")
        conn.exec_driver_sql("INSERT INTO order_lines (order_id, line_no, sku_code, item_id, title, spec, qty, "
                             "unit_price_fen, refund_fen) VALUES (1, '1', 'S', '', '', '', 2, 500, 0)")
    engine.dispose()
    db = open_database(path)
    db.close()
    con = sqlite3.connect(path)
    assert con.execute("SELECT qty, sales_fen FROM order_lines").fetchall() == [(2, 1000.0)]
    triggers = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {"tr_order_lines_facts_insert", "tr_order_lines_facts_update", "tr_orders_line_facts"} <= triggers
    con.execute("INSERT INTO order_lines (order_id, line_no, sku_code, item_id, title, spec, qty, unit_price_fen, refund_fen) "
                "VALUES (1, '2', 'T', '', '', '', NULL, 0, 0)")
    assert con.execute("SELECT qty FROM order_lines WHERE line_no = '2'").fetchall() == [(None,)]
    con.close()
