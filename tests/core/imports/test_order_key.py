"""Files without an order number (issue #18 item 4, the real Taobao .xls files): orders identified by a
stated rule (buyer + created-at time, else buyer + payment time), a stable made order number, the
same through a saved mapping and ``--mapping FILE.json``."""
from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from core.errors import UserFacingError
from core.imports import import_file, inspect_file, save_mapping
from core.imports.mapping import check_mapping
from core.imports.order_key import default_rule, order_number, rule_words
from core.kpi import compute_kpis
from tests.core.imports.conftest import count, lines, orders
from tests.helpers import exports as X
from tests.helpers.real_exports import real_export

ROOT = Path(__file__).resolve().parents[3]
MADE_NO = re.compile(r"^KEY-[0-9a-f]{16}$")
EVER = (dt.date(2000, 1, 1), dt.date(2030, 12, 31))
BY_CREATED = {"order_key": "buyer_account+created_at", "buyer_account": "买家会员名", "created_at": "订单创建时间",
              "paid_at": "订单付款时间", "paid": "买家实际支付金额", "qty": "宝贝总数量"}


def _cli(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=180, env={**__import__("os").environ, "LANG": "C.UTF-8"})


def _statuses(db) -> dict[tuple[str, bool], int]:
    return dict(Counter((o["status"], bool(o["is_paid"])) for o in orders(db).values()))


def test_tb2018_orders_by_buyer_and_created_time(db):
    path = real_export("taobao/TB2018.xls")
    result = import_file(db, path, platform="taobao", mapping={**BY_CREATED, "title": "宝贝标题"})
    assert (result.platform, result.rows_read, result.orders_added, result.errors) == ("taobao", 1783, 1783, [])
    stated = [w for w in result.warnings if w.column == "买家会员名 + 订单创建时间"]
    assert len(stated) == 1 and stated[0].message.startswith(
        "The file has no order number column. Each row is one order, identified by Buyer account (nickname, e-mail) "
        "(买家会员名) and Order created at (订单创建时间);")
    assert "ShopDesk numbered its 1783 orders from them (like KEY-" in stated[0].message
    got = orders(db)
    assert len(got) == 1783 and all(MADE_NO.match(no) for no in got)
    k = compute_kpis(db, *EVER)
    # counted from the file: 1,466 rows have a 订单付款时间; Σ 买家实际支付金额 218,711.61; Σ 宝贝总数量 2,698
    assert (k.orders, k.gmv, k.units) == (1466, 21871161, 2698)
    # no 订单状态: derived from the times
    assert _statuses(db) == {("paid", True): 1466, ("pending_payment", False): 317}
    first = next(o for o in got.values() if o["buyer_name"] == "mrsoft001")
    assert first["order_no"] == order_number(("buyer_account", "created_at"), ("mrsoft001", "2018-01-01T09:26:00"))
    assert (first["paid_fen"], first["pay_date"]) == (74850, dt.date(2018, 1, 1))
    assert lines(db, first["order_no"])[0]["title"].startswith("PHP程序员开发资源库")
    again = import_file(db, path, platform="taobao", mapping={**BY_CREATED, "title": "宝贝标题"})
    assert (again.orders_added, again.orders_updated, again.orders_unchanged) == (0, 0, 1783)
    assert count(db, "orders") == 1783


def test_mingribooks_keeps_its_statuses(db):
    mapping = {**BY_CREATED, "status": "订单状态"}
    result = import_file(db, real_export("taobao/mingribooks.xls"), platform="taobao", mapping=mapping)
    assert (result.orders_added, result.errors) == (704, [])
    k = compute_kpis(db, *EVER)
    assert (k.orders, k.gmv, k.units) == (704, 11121980, 2067)
    # 交易成功 627, 卖家已发货 46, 交易关闭 after payment 30 (实付 0.00), 买家已付款 1
    assert _statuses(db) == {("completed", True): 627, ("shipped", True): 46, ("refunded", True): 30, ("paid", True): 1}
    again = import_file(db, real_export("taobao/mingribooks.xls"), platform="taobao", mapping=mapping)
    assert (again.orders_added, again.orders_unchanged) == (0, 704)


def test_mrbooks_without_a_created_time_uses_the_payment_time(db):
    mapping = {"order_key": "buyer_account+paid_at", "buyer_account": "买家会员名", "paid_at": "订单付款时间",
               "paid": "买家实际支付金额", "qty": "宝贝总数量", "address": "收货地址"}
    check_mapping("orders", mapping)  # no created-at column needed: the payment time identifies the orders
    result = import_file(db, real_export("taobao/mrbooks.xls"), platform="taobao", mapping=mapping)
    assert (result.orders_added, result.errors) == (198, [])
    k = compute_kpis(db, *EVER)
    assert (k.orders, k.gmv, k.units) == (198, 2336917, 293)
    assert _statuses(db) == {("paid", True): 198}
    again = import_file(db, real_export("taobao/mrbooks.xls"), platform="taobao", mapping=mapping)
    assert (again.orders_added, again.orders_unchanged) == (0, 198)
    assert orders(db)[order_number(("buyer_account", "paid_at"), ("mr00001", "2018-01-01T09:26:18"))]["province"] == "重庆"


def test_a_saved_mapping_with_the_rule_is_used_by_inspect_and_the_import_command(tmp_path):
    from core.db import open_database

    path = real_export("taobao/TB2018.xls")
    shop = tmp_path / "shop.db"
    db = open_database(shop)
    insp = inspect_file(path, db=db)
    assert insp.needs_mapping and "order_no" in insp.missing_required
    assert default_rule(insp.mapping) == ("buyer_account", "created_at")
    save_mapping(db, insp.signature, "taobao", "orders", BY_CREATED)
    again = inspect_file(path, db=db)
    assert (again.needs_mapping, again.platform, again.kind) == (False, "taobao", "orders")
    assert again.mapping["order_key"] == "buyer_account+created_at" and "order_no" not in again.mapping
    assert again.headers == insp.headers  # the made column is not one of the file's
    assert all(MADE_NO.match(row["order_no"]) for row in again.preview)
    db.close()
    done = _cli("--db", str(shop), "import", str(path), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)[0]
    assert (report["platform"], report["orders_added"], report["errors"]) == ("taobao", 1783, [])


def _no_id_csv(path: Path, rows: list[dict]) -> Path:
    return X.write_csv(path, ["买家会员名", "订单创建时间", "订单付款时间", "买家实际支付金额", "宝贝总数量"], rows)


def _row(buyer, created, paid_at="", amount="10.00", qty="1"):
    return {"买家会员名": buyer, "订单创建时间": created, "订单付款时间": paid_at, "买家实际支付金额": amount, "宝贝总数量": qty}


def test_mapping_file_with_order_key_and_an_overlapping_second_file(tmp_path, files):
    first = _no_id_csv(files / "jan.csv", [_row("amy", "2026-01-02 10:00:00", "2026-01-02 10:01:00", "25.00"),
                                            _row("bob", "2026-01-03 11:00:00", "2026-01-03 11:05:00", "9.90")])
    # the same two orders (bob's now refunded to 0.00) and one more: an overlapping export
    second = _no_id_csv(files / "jan-feb.csv", [_row("amy", "2026-01-02 10:00:00", "2026-01-02 10:01:00", "25.00"),
                                                 _row("bob", "2026-01-03 11:00:00", "2026-01-03 11:05:00", "0.00"),
                                                 _row("cat", "2026-02-01 08:00:00", "", "5.00")])
    mapping = tmp_path / "no-id.json"
    mapping.write_text(json.dumps({"platform": "taobao", "kind": "orders", "order_key": ["buyer_account", "created_at"],
                                   "columns": {k: v for k, v in BY_CREATED.items() if k != "order_key"}}),
                       encoding="utf-8")
    shop = tmp_path / "shop.db"
    done = _cli("--db", str(shop), "import", str(first), str(second), "--mapping", str(mapping), "--json")
    assert done.returncode == 0, done.stderr
    reports = json.loads(done.stdout)
    assert [(r["orders_added"], r["orders_updated"], r["orders_unchanged"]) for r in reports] == [(2, 0, 0), (1, 1, 1)]
    from core.db import open_database

    db = open_database(shop)
    try:
        got = orders(db)
        assert len(got) == 3
        bob = got[order_number(("buyer_account", "created_at"), ("bob", "2026-01-03T11:00:00"))]
        assert (bob["buyer_name"], bob["paid_fen"]) == ("bob", 0)
    finally:
        db.close()


def test_bad_order_key_in_a_mapping_file_is_refused(tmp_path, files):
    path = _no_id_csv(files / "o.csv", [_row("amy", "2026-01-02 10:00:00")])
    mapping = tmp_path / "bad.json"
    mapping.write_text(json.dumps({"order_key": ["receiver_name"], "columns": {"created_at": "订单创建时间",
                                                                               "paid": "买家实际支付金额"}}), encoding="utf-8")
    done = _cli("--db", str(tmp_path / "shop.db"), "import", str(path), "--mapping", str(mapping))
    assert done.returncode == 2, done.stdout
    assert "The order key must name the buyer and one time that identify each order" in done.stderr
    assert '["buyer_account", "created_at"]' in done.stderr and "Nothing was imported" in done.stderr
    assert "Traceback" not in done.stderr


def test_rows_whose_key_cells_are_empty_are_their_rows_errors(db, files):
    path = _no_id_csv(files / "o.csv", [_row("amy", "2026-01-02 10:00:00", "2026-01-02 10:00:00"),
                                        _row("", "2026-01-03 10:00:00", "2026-01-03 10:00:00"),
                                        _row("cat", "", "2026-01-04 10:00:00"),
                                        _row("dan", "soon", "2026-01-05 10:00:00"),
                                        _row("eve", "2026-01-06 10:00:00", "2026-01-06 10:00:00")])
    result = import_file(db, path, platform="taobao", mapping=BY_CREATED)
    assert (result.rows_read, result.orders_added, result.rows_skipped) == (5, 2, 3)
    problems = [(p.row, p.column, p.message) for p in result.errors]
    assert problems[0] == (3, "买家会员名", "The row has no 买家会员名, which identifies its order; the row was skipped")
    assert problems[1] == (4, "订单创建时间", "The row has no 订单创建时间, which identifies its order; the row was skipped")
    assert problems[2][:2] == (5, "订单创建时间") and "“soon” in 订单创建时间 is not a date and time" in problems[2][2]
    assert sorted(o["buyer_name"] for o in orders(db).values()) == ["amy", "eve"]


def test_two_rows_with_the_same_buyer_and_time_are_one_order_and_said_so(db, files):
    path = _no_id_csv(files / "o.csv", [_row("amy", "2026-01-02 10:00:00", "2026-01-02 10:00:00", "25.00", "1"),
                                        _row("amy", "2026-01-02 10:00:00", "2026-01-02 10:00:00", "25.00", "2"),
                                        _row("amy", "2026-01-02 10:30:00", "2026-01-02 10:31:00", "5.00", "1")])
    result = import_file(db, path, platform="taobao", mapping=BY_CREATED)
    assert result.orders_added == 2
    assert any(w.row == 3 and "1 rows have the same buyer and time as an earlier row" in w.message
               and "row 3, the same as row 2" in w.message for w in result.warnings)
    one = orders(db)[order_number(("buyer_account", "created_at"), ("amy", "2026-01-02T10:00:00"))]
    assert (one["paid_fen"], one["units"]) == (2500, 3)


def test_a_csv_copy_of_rows_already_imported_from_the_xls_adds_nothing(db, files):
    """The number is made from the values, not the file's cell types: a datetime cell of the .xls and
    the same time written as text in a CSV give the same order."""
    import_file(db, real_export("taobao/TB2018.xls"), platform="taobao", mapping=BY_CREATED)
    copy = _no_id_csv(files / "copy.csv", [_row("mrsoft001", "2018-01-01 09:26:00", "2018-01-01 09:26:18", "748.50"),
                                           _row("mrsoft003", "2018/1/1 9:51:04", "2018-01-01 10:06:07", "90.00")])
    again = import_file(db, copy, platform="taobao", mapping=BY_CREATED)
    assert (again.orders_added, again.orders_unchanged, count(db, "orders")) == (0, 2, 1783)


@pytest.mark.parametrize(("mapping", "message"), [
    ({**BY_CREATED, "order_no": "买家会员名"}, "both an order number column and an order_key rule"),
    ({"order_key": "buyer_account+created_at", "created_at": "订单创建时间", "paid": "买家实际支付金额"},
     "Choose a column for every required field: Buyer account (nickname, e-mail)"),
    ({**BY_CREATED, "order_key": "created_at+paid_at"}, "The order key must name the buyer and one time"),
])
def test_check_mapping_explains_a_bad_rule(mapping, message):
    with pytest.raises(UserFacingError) as err:
        check_mapping("orders", mapping)
    assert message in err.value.message


def test_the_rule_in_words_names_the_file_s_columns():
    words = rule_words(("buyer_account", "created_at"), {"buyer_account": "买家会员名", "created_at": "订单创建时间"})
    assert words.startswith("Each row is one order, identified by Buyer account (nickname, e-mail) (买家会员名) and "
                            "Order created at (订单创建时间); two rows with the same buyer and time are one order")
    assert default_rule(["buyer_account", "paid_at", "paid"]) == ("buyer_account", "paid_at")
    assert default_rule(["created_at", "paid"]) is None


BY_PAID = {**BY_CREATED, "order_key": "buyer_account+paid_at"}


def test_the_same_orders_imported_again_by_another_rule_are_refused_not_added_twice(db, files):
    """Imported by buyer + created time, then the rule changed to buyer + payment time: the same
    orders would get new KEY- numbers and the shop would count each of them twice."""
    rows = [_row("amy", "2026-01-02 10:00:00", "2026-01-02 10:01:00", "25.00"),
            _row("bob", "2026-01-03 11:00:00", "2026-01-03 11:05:00", "9.90")]
    first = import_file(db, _no_id_csv(files / "jan.csv", rows), platform="taobao", mapping=BY_CREATED)
    assert first.orders_added == 2
    # a copy of the file (another name, more rows) by the other rule: refused by its rows
    more = _no_id_csv(files / "jan-copy.csv", [*rows, _row("cat", "2026-01-04 08:00:00", "2026-01-04 08:02:00", "5.00")])
    with pytest.raises(UserFacingError) as err:
        import_file(db, more, platform="taobao", mapping=BY_PAID)
    message = str(err.value)
    assert ("2 of its orders are already in the shop, imported by another rule (Buyer account (nickname, e-mail) "
            "(买家会员名) + Order created at (订单创建时间))") in message
    assert "they would get new order numbers and be added a second time" in message
    assert "undo the earlier import first (File → Import history)" in message and "Nothing was imported" in message
    assert len(orders(db)) == 2  # nothing written
    # by the rule used before, the copy adds only the new order
    again = import_file(db, more, platform="taobao", mapping=BY_CREATED)
    assert (again.orders_added, again.orders_unchanged, len(orders(db))) == (1, 2, 3)


def test_the_same_file_imported_again_by_another_rule_is_refused_even_without_its_other_time(db, files):
    """The file's payment time is not mapped the second time, so the earlier numbers cannot be
    remade: the same file's content, imported and not undone, with new numbers gives it away."""
    path = _no_id_csv(files / "jan.csv", [_row("amy", "2026-01-02 10:00:00", "2026-01-02 10:01:00", "25.00")])
    import_file(db, path, platform="taobao", mapping=BY_PAID)
    created_only = {k: v for k, v in BY_CREATED.items() if k != "paid_at"}
    with pytest.raises(UserFacingError) as err:
        import_file(db, path, platform="taobao", mapping=created_only)
    assert "this same file was imported on " in str(err.value) and "1 of its orders had other numbers then" in str(err.value)
    assert len(orders(db)) == 1
