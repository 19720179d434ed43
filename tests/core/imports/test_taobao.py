"""Taobao/Tmall: every generation of order export, line files in either order, refunds."""
from __future__ import annotations

import datetime as dt

from core.imports import import_file, inspect_file
from tests.core.imports.conftest import count, lines, orders
from tests.helpers import exports as X


def _three_orders():
    return [
        X.taobao_order_row("1930679858170647", buyer="幸福蔓岩1627", paid="598.00", title="日本直邮洗面奶"),
        X.taobao_order_row("1930679858170648", buyer="bob", paid="1,299.90", post="10.00", goods="1,289.90",
                           status="卖家已发货,等待买家确认", qty=3, title="T恤;短裤"),
        X.taobao_order_row("1930679858170649", buyer="carol", paid="45.50", status="交易关闭",
                           paid_at="2026/5/24 9:00", address="上海 上海市 浦东新区"),
        X.taobao_order_row("1930679858170650", buyer="dave", paid="20", status="等待买家付款", paid_at=None),
    ]


def test_old_order_report_gbk_csv(db, files):
    path = X.taobao_orders_csv(files / "ExportOrderList202605.csv", _three_orders())
    insp = inspect_file(path, db=db)
    assert (insp.platform, insp.kind, insp.encoding, insp.needs_mapping) == ("taobao", "orders", "gbk", False)
    assert insp.confidence >= 0.75 and insp.header_row == 1
    result = import_file(db, path)
    assert (result.orders_added, result.lines_added, result.rows_skipped, result.errors) == (4, 4, 0, [])
    got = orders(db, "taobao")
    assert set(got) == {"1930679858170647", "1930679858170648", "1930679858170649", "1930679858170650"}
    a, b, c, d = (got[n] for n in sorted(got))
    assert (a["paid_fen"], a["status"], a["buyer_key"], a["province"]) == (59800, "paid", "幸福蔓岩1627", "吉林")
    assert a["created_at"] == dt.datetime(2026, 5, 23, 22, 2) and a["pay_date"] == dt.date(2026, 5, 23)
    assert (b["paid_fen"], b["goods_fen"], b["shipping_fen"], b["status"]) == (129990, 128990, 1000, "shipped")
    # 交易关闭 with a payment time: paid, then refunded in full
    assert (c["status"], c["is_paid"], c["refund_fen"]) == ("refunded", 1, 4550)
    assert (d["status"], d["is_paid"], d["pay_date"]) == ("pending_payment", 0, dt.date(2026, 5, 23))
    assert [ln["qty"] for ln in lines(db, "1930679858170648")] == [3]


def test_html_saved_as_xls(db, files):
    path = X.taobao_orders_html_xls(files / "ExportOrderList.xls", _three_orders()[:2])
    insp = inspect_file(path, db=db)
    assert (insp.file_type, insp.platform, insp.kind) == ("html", "taobao", "orders")
    result = import_file(db, path)
    assert result.orders_added == 2
    assert orders(db)["1930679858170648"]["paid_fen"] == 129990


def test_line_file_after_order_file_replaces_the_summary_line(db, files):
    import_file(db, X.taobao_orders_csv(files / "o.csv", _three_orders()))
    detail = [
        {"订单编号": "1930679858170648", "标题": "T恤", "价格": "99.00", "购买数量": "2", "商品属性": "颜色分类:白;尺码:M",
         "订单状态": "卖家已发货，等待买家确认", "商家编码": "TS-W-M"},
        {"订单编号": "1930679858170648", "标题": "短裤", "价格": "1,091.90", "购买数量": "1", "订单状态": "卖家已发货，等待买家确认",
         "商家编码": "SH-1"},
    ]
    result = import_file(db, X.taobao_lines_csv(files / "ExportOrderDetailList.csv", detail))
    assert (result.kind, result.orders_added, result.orders_updated, result.lines_added) == ("lines", 0, 1, 2)
    got = lines(db, "1930679858170648")
    assert [(ln["sku_code"], ln["qty"], ln["unit_price_fen"]) for ln in got] == [("TS-W-M", 2, 9900), ("SH-1", 1, 109190)]
    assert orders(db)["1930679858170648"]["paid_fen"] == 129990  # the order report's amount stays
    # the order report again: its summary line never replaces the real lines
    again = import_file(db, X.taobao_orders_csv(files / "o2.csv", _three_orders()))
    assert (again.orders_updated, again.orders_unchanged) == (0, 4)
    assert len(lines(db, "1930679858170648")) == 2


def test_line_file_first_then_order_file(db, files):
    detail = [{"订单编号": "1930679858170647", "标题": "洗面奶", "价格": "299.00", "购买数量": "2", "订单状态": "买家已付款，等待卖家发货",
               "商家编码": "FW-1"}]
    first = import_file(db, X.taobao_lines_csv(files / "d.csv", detail))
    assert (first.orders_added, first.lines_added) == (1, 1)
    assert orders(db)["1930679858170647"]["paid_fen"] == 59800  # list price × qty until the order report arrives
    second = import_file(db, X.taobao_orders_csv(files / "o.csv", _three_orders()[:1]))
    assert (second.orders_added, second.orders_updated) == (0, 1)
    o = orders(db)["1930679858170647"]
    assert (o["paid_fen"], o["buyer_key"], o["paid_at"]) == (59800, "幸福蔓岩1627", dt.datetime(2026, 5, 23, 22, 3))
    assert [ln["sku_code"] for ln in lines(db, "1930679858170647")] == ["FW-1"]


def test_three_sheet_workbook(db, files):
    order_rows = [
        {"订单编号": "3001", "买家应付货款": 200, "买家实付金额": 180.5, "订单状态": "交易成功", "收货地址": "周强，86-13900000004，江苏省 扬州市 广陵区 示例地址 ，",
         "订单创建时间": dt.datetime(2026, 6, 1, 10, 0), "订单付款时间": dt.datetime(2026, 6, 1, 10, 5)},
        {"订单编号": "3002", "买家应付货款": 50, "买家实付金额": 50, "订单状态": "买家已付款,等待卖家发货",
         "订单创建时间": "2026-06-02 11:00:00", "订单付款时间": "2026-06-02 11:01:00"},
    ]
    line_rows = [
        {"子订单编号": "3001-1", "主订单编号": "3001", "商品标题": "杯子", "购买数量": 2, "商家编码": "CUP", "买家应付货款": 100},
        {"子订单编号": "3001-2", "主订单编号": "3001", "商品标题": "盘子", "购买数量": 1, "商家编码": "PLATE", "买家应付货款": 100},
        {"子订单编号": "3002", "主订单编号": "3002", "商品标题": "勺子", "购买数量": 5, "商家编码": "SPOON"},
    ]
    ship = [{"订单编号": "3002", "收货人姓名": "王五", "联系手机": "13800000000", "收货地址": "浙江省 杭州市 西湖区"}]
    path = X.qianniu_workbook(files / "订单导出.xlsx", order_rows, line_rows, ship)
    insp = inspect_file(path, db=db)
    assert (insp.platform, insp.kind, insp.sheets) == ("taobao", "orders", ["订单报表", "销售明细", "发货报表"])
    result = import_file(db, path)
    assert (result.orders_added, result.lines_added, result.errors) == (2, 3, [])
    got = orders(db)
    assert (got["3001"]["paid_fen"], got["3001"]["status"], got["3001"]["province"]) == (18050, "completed", "江苏")
    assert got["3002"]["province"] == "浙江"
    assert [ln["sku_code"] for ln in lines(db, "3001")] == ["CUP", "PLATE"]


def test_qianniu_line_export_sums_sub_orders_and_refunds(db, files):
    rows = [
        {"子订单编号": "5001001", "主订单编号": "5001", "商品标题": "A", "商品价格": "60.00", "购买数量": "1", "订单状态": "交易成功",
         "商家编码": "A1", "买家实付金额": "55.00", "退款状态": "没有申请退款", "退款金额": "无退款申请",
         "订单创建时间": "2026-06-01 10:00:00", "订单付款时间": "2026-06-01 10:01:00", "商品ID": "111"},
        {"子订单编号": "5001002", "主订单编号": "5001", "商品标题": "B", "商品价格": "40.00", "购买数量": "2", "订单状态": "交易成功",
         "商家编码": "B1", "买家实付金额": "75.00", "退款状态": "退款成功", "退款金额": "75.00",
         "订单创建时间": "2026-06-01 10:00:00", "订单付款时间": "2026-06-01 10:01:00", "商品ID": "222"},
    ]
    result = import_file(db, X.qianniu_lines_csv(files / "ExportOrderList26954244167.csv", rows))
    assert (result.kind, result.orders_added, result.lines_added) == ("orders", 1, 2)
    o = orders(db)["5001"]
    assert (o["paid_fen"], o["refund_fen"], o["status"]) == (13000, 7500, "completed")
    assert [(ln["line_no"], ln["refund_fen"]) for ln in lines(db, "5001")] == [("5001001", 0), ("5001002", 7500)]


def test_refund_export_updates_orders(db, files):
    import_file(db, X.taobao_orders_csv(files / "o.csv", _three_orders()))
    refunds = [
        {"退款编号": "R1", "订单编号": "1930679858170647", "买家退款金额": "598.00", "退款状态": "退款成功",
         "退款的申请时间": "2026-05-25 10:00:00", "退款完结时间": "2026-05-26 10:00:00", "宝贝标题": "日本直邮洗面奶"},
        {"退款编号": "R2", "订单编号": "1930679858170648", "买家退款金额": "100.00", "退款状态": "退款成功"},
        {"退款编号": "R3", "订单编号": "1930679858170648", "买家退款金额": "50.00", "退款状态": "退款关闭"},
        {"退款编号": "R4", "订单编号": "999", "买家退款金额": "5.00", "退款状态": "退款成功"},
    ]
    result = import_file(db, X.taobao_refunds_xlsx(files / "退款.xlsx", refunds))
    assert (result.kind, result.orders_added) == ("refunds", 4)
    got = orders(db)
    assert (got["1930679858170647"]["refund_fen"], got["1930679858170647"]["status"]) == (59800, "refunded")
    assert (got["1930679858170648"]["refund_fen"], got["1930679858170648"]["status"]) == (10000, "shipped")
    assert count(db, "refunds") == 4
    # the order report re-imported later keeps the refunds it does not carry
    again = import_file(db, X.taobao_orders_csv(files / "o2.csv", _three_orders()))
    assert again.orders_updated == 0
    assert orders(db)["1930679858170647"]["status"] == "refunded"


def test_order_report_paid_amount_is_gross_and_refunds_are_not_taken_twice(db, files):
    rows = [
        X.taobao_order_row("1930679858170651", buyer="erin", paid="327.70", refund="178.80"),  # partly refunded
        X.taobao_order_row("1930679858170652", buyer="fay", paid="99.00", refund="99.00"),  # refunded in full: 实付 0
    ]
    import_file(db, X.taobao_orders_csv(files / "o.csv", rows, with_refund=True))
    got = orders(db, "taobao")
    a, b = got["1930679858170651"], got["1930679858170652"]
    assert (a["paid_fen"], a["refund_fen"], a["status"]) == (32770, 17880, "paid")
    assert (b["paid_fen"], b["refund_fen"], b["status"], b["is_paid"]) == (9900, 9900, "refunded", 1)


def test_trimmed_order_report_without_total_adds_the_refund_back(db, files):
    rows = [{"订单编号": "7", "买家实际支付金额": "148.90", "退款金额": "178.80", "订单创建时间": "2020/2/21 0:00",
             "订单付款时间": "2020/2/21 0:01"}]
    path = X.write_csv(files / "trimmed.csv", list(rows[0]), rows, encoding="utf-8")
    result = import_file(db, path)
    assert (result.platform, result.kind) == ("taobao", "orders")
    o = orders(db, "taobao")["7"]
    assert (o["paid_fen"], o["refund_fen"], o["status"], o["is_paid"]) == (32770, 17880, "paid", 1)
