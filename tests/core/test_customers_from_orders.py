"""Customers appear from order imports (core.customers), never twice, and go with an undone import."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, text, update

from core.customers import rebuild_all
from core.imports import import_file, undo_batch
from core.models import Customer, Sku
from tests.core.imports.conftest import dump
from tests.helpers import exports as X


@pytest.fixture
def files(tmp_path):
    d = tmp_path / "files"
    d.mkdir()
    return d


def _customers(db) -> dict[str, dict]:
    with db.engine.connect() as conn:
        return {r["buyer_key"]: dict(r) for r in conn.execute(select(Customer.__table__)).mappings()}


def _shop_orders(n: int = 400) -> list[dict]:
    """``n`` paid Taobao orders from 100 buyers: buyer i orders i % 4 + 1 times... spread evenly."""
    rows = []
    for i in range(n):
        buyer = f"买家{i % 100:03d}"
        day = dt.date(2026, 1, 1) + dt.timedelta(days=i // 2)
        rows.append(X.taobao_order_row(str(5000 + i), buyer=buyer, paid=f"{100 + i % 7}.00", status="交易成功",
                                       created=f"{day:%Y/%m/%d} 10:00", paid_at=f"{day:%Y/%m/%d} 10:01"))
    return rows


def test_importing_taobao_orders_with_buyer_names_fills_the_customers(db, files):
    orders = _shop_orders()
    import_file(db, X.taobao_orders_csv(files / "orders.csv", orders))
    got = _customers(db)
    assert len(got) == 100
    mine = [o for o in orders if o["买家会员名"] == "买家007"]
    c = got["买家007"]
    assert c["platform"] == "taobao" and c["orders_count"] == 4 == len(mine)
    assert c["spend_fen"] == sum(int(float(o["买家实际支付金额"]) * 100) for o in mine)
    assert c["first_order_at"] == dt.datetime(2026, 1, 4, 10, 0)  # orders 7, 107, 207, 307 → days 3, 53, 103, 153
    assert c["last_order_at"] == dt.datetime(2026, 6, 3, 10, 0)


def test_unpaid_orders_and_masked_buyers_make_no_customer(db, files):
    orders = [
        X.taobao_order_row("1", buyer="看得见", status="交易成功"),
        X.taobao_order_row("2", buyer="没付钱", status="等待买家付款", paid_at=None),
        X.taobao_order_row("3", buyer="t**8", phone="138****0000", address="浙江省 ****"),
    ]
    import_file(db, X.taobao_orders_csv(files / "o.csv", orders))
    assert set(_customers(db)) == {"看得见"}


def test_reimport_does_not_duplicate_and_a_newer_export_updates_the_figures(db, files):
    first = [X.taobao_order_row(str(n), buyer="老客", paid="100.00", status="交易成功") for n in (1, 2)]
    import_file(db, X.taobao_orders_csv(files / "a.csv", first))
    import_file(db, X.taobao_orders_csv(files / "a.csv", first))
    assert _customers(db)["老客"]["orders_count"] == 2
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM customers")).scalar_one() == 1
    later = first + [X.taobao_order_row("3", buyer="老客", paid="50.00", status="交易成功", created="2026/7/1 09:00",
                                        paid_at="2026/7/1 09:01")]
    import_file(db, X.taobao_orders_csv(files / "b.csv", later))
    c = _customers(db)["老客"]
    assert (c["orders_count"], c["spend_fen"], c["last_order_at"]) == (3, 25_000, dt.datetime(2026, 7, 1, 9, 0))


def test_undo_of_the_import_removes_the_customers_it_added_and_restores_the_others(db, files):
    import_file(db, X.taobao_orders_csv(files / "a.csv", [X.taobao_order_row("1", buyer="甲", status="交易成功")]))
    before = dump(db)
    second = import_file(db, X.taobao_orders_csv(files / "b.csv", [
        X.taobao_order_row("2", buyer="甲", paid="10.00", status="交易成功"),
        X.taobao_order_row("3", buyer="乙", status="交易成功"),
    ]))
    assert _customers(db)["甲"]["orders_count"] == 2 and "乙" in _customers(db)
    undo_batch(db, second.batch_id)
    assert dump(db) == before
    assert set(_customers(db)) == {"甲"} and _customers(db)["甲"]["orders_count"] == 1


def test_an_older_import_can_be_undone_while_a_later_one_keeps_its_buyers(db, files):
    a = import_file(db, X.taobao_orders_csv(files / "a.csv", [X.taobao_order_row("1", buyer="甲", status="交易成功")]))
    import_file(db, X.taobao_orders_csv(files / "b.csv", [X.taobao_order_row("2", buyer="甲", paid="10.00", status="交易成功")]))
    undo_batch(db, a.batch_id)
    c = _customers(db)["甲"]
    assert (c["orders_count"], c["spend_fen"]) == (1, 1_000)


def test_owner_data_survives_a_rebuild_and_categories_come_from_the_skus(db, files):
    import_file(db, X.taobao_orders_csv(files / "a.csv", [X.taobao_order_row("1", buyer="甲", status="交易成功")]))
    import_file(db, X.taobao_lines_csv(files / "l.csv", [
        {"订单编号": "1", "标题": "龙井", "价格": "300", "购买数量": "1", "商家编码": "LJ"},
        {"订单编号": "1", "标题": "铁观音", "价格": "149", "购买数量": "2", "商家编码": "TGY"},
    ]))
    with db.transaction() as s:
        s.add_all([Sku(code="LJ", title="龙井", category="绿茶"), Sku(code="TGY", title="铁观音", category="乌龙茶")])
        s.execute(update(Customer).values(tags="老客", note="爱喝绿茶", points=12))
    with db.engine.begin() as conn:
        rebuild_all(conn)
    c = _customers(db)["甲"]
    assert c["categories"] == "乌龙茶, 绿茶"  # by units bought: 2 before 1
    assert (c["tags"], c["note"], c["points"]) == ("老客", "爱喝绿茶", 12)


def test_a_youzan_customer_export_is_merged_with_the_orders(db, files):
    import_file(db, X.youzan_customers_csv(files / "c.csv", [
        {"客户昵称": "小王", "客户姓名": "王*", "客户手机号": "138****1234", "消费次数": "9", "消费金额": "900.00",
         "标签": "老客", "客户积分": "50"},
    ]))
    assert _customers(db)["小王"]["orders_count"] == 9  # the export's own figures, no orders yet
