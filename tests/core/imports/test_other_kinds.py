"""Refunds (Douyin 售后), traffic (生意参谋, template), products/stock (template, 淘宝助理), members."""
from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook

from core.imports import TEMPLATES, import_file, inspect_file, write_template
from core.models import Customer, Sku, StockLevel, TrafficDaily
from tests.core.imports.conftest import orders, rows
from tests.helpers import exports as X


def test_douyin_after_sale_updates_orders(db, files):
    lines = [
        {"主订单编号": "8001", "子订单编号": "8001-1", "选购商品": "鞋", "商品数量": "1", "订单应付金额": "200.00",
         "订单提交时间": "2024-03-01 10:00:00", "支付完成时间": "2024-03-01 10:00:05", "订单状态": "已完成", "流量体裁": "直播"},
        {"主订单编号": "8002", "子订单编号": "8002-1", "选购商品": "袜", "商品数量": "1", "订单应付金额": "30.00",
         "订单提交时间": "2024-03-01 11:00:00", "支付完成时间": "2024-03-01 11:00:05", "订单状态": "已发货", "流量体裁": "直播"},
    ]
    import_file(db, X.douyin_orders_csv(files / "dy.csv", lines))
    after = [
        {"售后单号": "AS1", "订单号": "8001", "商品单号": "8001-1", "售后类型": "仅退款", "退商品金额（元）": "190.00",
         "退运费金额（元）": "10.00", "售后状态": "同意退款，退款成功", "售后申请时间": "2024-03-02 09:00:00"},
        {"售后单号": "AS2", "订单号": "8002", "商品单号": "8002-1", "售后类型": "退货退款", "退商品金额（元）": "30.00",
         "售后状态": "售后处理中"},
    ]
    result = import_file(db, X.douyin_refunds_xlsx(files / "售后.xlsx", after))
    assert (result.platform, result.kind, result.orders_added) == ("douyin", "refunds", 2)
    got = orders(db, "douyin")
    assert (got["8001"]["refund_fen"], got["8001"]["status"]) == (20000, "refunded")
    assert (got["8002"]["refund_fen"], got["8002"]["status"]) == (0, "shipped")


def test_sycm_item_ranking_header_on_row_5(db, files):
    items = [
        {"统计日期": "2026-06-18", "商品ID": "1001", "商品访客数": "1,200", "商品浏览量": "3,000", "支付买家数": "12", "支付金额": "1,299.00"},
        {"统计日期": "2026-06-18", "商品ID": "1002", "商品访客数": "300", "商品浏览量": "500", "支付买家数": "3", "支付金额": "99.00"},
        {"统计日期": "2026-06-19", "商品ID": "1001", "商品访客数": "800", "商品浏览量": "-", "支付买家数": "-", "支付金额": "-"},
        {"统计日期": "2026-06-19", "商品ID": "-", "商品访客数": "-"},
    ]
    path = X.sycm_items_xlsx(files / "【生意参谋平台】商品_全部_2026-06-18_2026-06-19.xlsx", items)
    insp = inspect_file(path)
    assert (insp.platform, insp.kind, insp.header_row) == ("taobao", "traffic", 5)
    result = import_file(db, path)
    assert (result.kind, result.orders_added, result.rows_skipped) == ("traffic", 2, 1)
    got = {r["day"]: r for r in rows(db, TrafficDaily)}
    assert (got[dt.date(2026, 6, 18)]["visitors"], got[dt.date(2026, 6, 18)]["page_views"], got[dt.date(2026, 6, 18)]["paying_buyers"]) == (1500, 3500, 15)
    assert (got[dt.date(2026, 6, 19)]["visitors"], got[dt.date(2026, 6, 19)]["platform"]) == (800, "taobao")


def test_traffic_template_any_platform(db, files):
    path = X.traffic_template(files / "traffic.xlsx", [["2026-06-18", "京东", 500, 900, 120.5], [dt.datetime(2026, 6, 18), "pdd", 80, 100, None]])
    result = import_file(db, path)
    assert (result.kind, result.orders_added) == ("traffic", 2)
    got = {r["platform"]: r for r in rows(db, TrafficDaily)}
    assert (got["jd"]["visitors"], got["jd"]["ad_spend_fen"], got["pdd"]["day"]) == (500, 12050, dt.date(2026, 6, 18))


def test_templates_are_written_empty(tmp_path):
    assert set(TEMPLATES) == {"stock", "traffic"}
    path = write_template("stock", tmp_path / "stock.xlsx")
    ws = load_workbook(path).worksheets[0]
    assert [c.value for c in ws[1]] == ["商家编码", "名称", "规格", "分类", "成本价", "售价", "库存", "在途", "供应商", "采购周期(天)", "起订倍数"]
    assert ws.max_row == 1 or all(c.value is None for row in ws.iter_rows(min_row=2) for c in row)
    ws = load_workbook(write_template("traffic", tmp_path / "t.xlsx")).worksheets[0]
    assert [c.value for c in ws[1]] == ["日期", "平台", "访客数", "浏览量", "推广花费"]


def test_stock_template_upserts_skus_and_stock(db, files):
    path = X.stock_template(files / "stock.xlsx", [
        ["A001-RED-M", "纯棉T恤", "红色 M", "服装", 35.5, 89, 120, 50, "义乌服饰", 10, 10],
        ["B002", "帆布包", "", "箱包", "12.00", "39.90", 0, None, "", None, None],
    ])
    result = import_file(db, path)
    assert (result.kind, result.orders_added) == ("products", 2)
    skus = {r["code"]: r for r in rows(db, Sku)}
    assert (skus["A001-RED-M"]["cost_fen"], skus["A001-RED-M"]["price_fen"], skus["A001-RED-M"]["lead_time_days"]) == (3550, 8900, 10)
    assert (skus["B002"]["price_fen"], skus["B002"]["order_multiple"], skus["B002"]["lead_time_days"]) == (3990, 1, 7)
    stock = {r["sku_code"]: r for r in rows(db, StockLevel)}
    assert (stock["A001-RED-M"]["on_hand"], stock["A001-RED-M"]["in_transit"]) == (120, 50)
    again = X.stock_template(files / "stock2.xlsx", [["A001-RED-M", "纯棉T恤", "红色 M", "服装", 35.5, 99, 120, 50, "义乌服饰", 10, 10]])
    second = import_file(db, again)
    assert (second.orders_added, second.orders_updated, second.orders_unchanged) == (0, 1, 0)
    assert {r["code"]: r for r in rows(db, Sku)}["A001-RED-M"]["price_fen"] == 9900


def test_taobao_assistant_utf16_tab(db, files):
    items = [
        {"title": "保温杯", "cid": "50013", "price": "59.00", "num": "30", "outer_id": "CUP-500", "num_id": "600001"},
        {"title": "T恤", "cid": "16", "price": "79.00", "num": "10", "outer_id": "TS", "num_id": "600002",
         "skuProps": "79.00:4:TS-W-M:1627207:28320;20509:28314;89.00:6:TS-W-L:1627207:28320;20509:28315;"},
    ]
    path = X.assistant_csv(files / "宝贝.csv", items)
    insp = inspect_file(path)
    assert (insp.encoding, insp.platform, insp.kind) == ("utf-16", "taobao", "products")
    result = import_file(db, path)
    assert (result.orders_added, result.errors) == (3, [])
    skus = {r["code"]: r for r in rows(db, Sku)}
    assert set(skus) == {"CUP-500", "TS-W-M", "TS-W-L"}
    assert (skus["TS-W-L"]["price_fen"], skus["TS-W-L"]["title"]) == (8900, "T恤")
    stock = {r["sku_code"]: r["on_hand"] for r in rows(db, StockLevel)}
    assert stock == {"CUP-500": 30, "TS-W-M": 4, "TS-W-L": 6}


def test_youzan_customers_trailing_comma(db, files):
    customers = [
        {"客户姓名": "王小明", "客户昵称": "小明", "客户手机号": "13800000001", "标签": "老客", "成长值": "100", "客户积分": "320",
         "客户储值余额": "0", "消费次数": "5", "消费金额": "1,280.50", "上次消费时间": "2026-06-01 12:00:00", "来源渠道": "微信小程序",
         "成为客户时间": "2025-01-01 00:00:00"},
        {"客户姓名": "", "客户昵称": "", "客户手机号": "186******05", "成长值": "0", "消费次数": "1"},
        {"客户姓名": "李", "客户昵称": "", "客户手机号": "13900000002", "成长值": "0", "消费次数": "2", "消费金额": "20"},
    ]
    path = X.youzan_customers_csv(files / "客户.csv", customers)
    result = import_file(db, path)
    assert (result.platform, result.kind, result.orders_added, result.rows_skipped) == ("youzan", "members", 2, 1)
    got = {r["buyer_key"]: r for r in rows(db, Customer)}
    assert set(got) == {"小明", "13900000002"}
    assert (got["小明"]["spend_fen"], got["小明"]["orders_count"], got["小明"]["points"]) == (128050, 5, 320)
    assert got["小明"]["last_order_at"] == dt.datetime(2026, 6, 1, 12, 0)
