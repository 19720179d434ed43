"""JD, PDD, Douyin, Kuaishou, Youzan, Shopify and WeChat order exports."""
from __future__ import annotations

import datetime as dt

from core.imports import import_file, inspect_file
from tests.core.imports.conftest import lines, orders
from tests.helpers import exports as X


def test_jd_amounts_once_per_order_and_deleted_prefix(db, files):
    common = {"订单号": "11729384072", "下单时间": "2015-12-31 23:19:56", "订单金额": "1097.00", "结算金额": "932.45",
              "应付金额": "932.45", "订单状态": "(删除)等待出库", "下单帐号": "rds3199358", "客户姓名": "王冬阳",
              "客户地址": "江西南昌市青山湖区", "联系电话": "1******6198", "运费金额": "0.00", "付款确认时间": "2015-12-31 23:20:30"}
    rows = [
        {**common, "商品ID": "1953814331", "商品名称": "套装", "订购数量": "1", "京东价": "758.00", "货号": "KIT"},
        {**common, "商品ID": "1953814332", "商品名称": "面霜", "订购数量": "2", "京东价": "169.50", "货号": "CREAM"},
        {"订单号": "11729384073", "商品ID": "1", "商品名称": "x", "订购数量": "1", "京东价": "10", "应付金额": "10.00",
         "订单状态": "(锁定)等待确认收货", "下单帐号": "pin2", "下单时间": "2016/1/2 8:00", "付款确认时间": "2016/1/2 8:01"},
        {"订单号": "11729384074", "商品ID": "1", "商品名称": "x", "订购数量": "1", "京东价": "10", "应付金额": "10.00",
         "订单状态": "已取消", "下单帐号": "pin3", "下单时间": "2016/1/3 8:00"},
    ]
    path = X.jd_orders_csv(files / "jd.csv", rows)
    assert inspect_file(path).platform == "jd"
    result = import_file(db, path)
    assert (result.platform, result.orders_added, result.lines_added) == ("jd", 3, 4)
    got = orders(db, "jd")
    a = got["11729384072"]
    assert (a["paid_fen"], a["goods_fen"], a["status"], a["status_text"], a["buyer_key"]) == (93245, 109700, "paid", "(删除)等待出库", "rds3199358")
    assert got["11729384073"]["status"] == "shipped"
    assert (got["11729384074"]["status"], got["11729384074"]["is_paid"]) == ("closed", False)
    assert sum(ln["qty"] for ln in lines(db, "11729384072")) == 3


def _pdd_current():
    return [
        {"商品": "纸巾", "订单号": "231215-123456789012345", "订单状态": "待发货", "商品数量(件)": "2", "支付时间": "2023-12-15 10:00:00",
         "订单成交时间": "2023-12-15 09:59:00", "商品总价(元)": "39.80", "邮费(元)": "0.00", "用户实付金额(元)": "35.80",
         "商家实收金额（元）": "35.00", "商品规格": "3层", "样式ID": "88", "商家编码-规格维度": "TIS-3", "消费者资料": "已隐藏", "省": "广东省"},
        {"商品": "纸巾", "订单号": "231215-123456789012346", "订单状态": "已签收，退款成功", "商品数量(件)": "1",
         "支付时间": "2023-12-15 11:00:00", "订单成交时间": "2023-12-15 11:00:00", "用户实付金额(元)": "19.90", "商家编码-规格维度": "TIS-3"},
        {"商品": "纸巾", "订单号": "231215-123456789012347", "订单状态": "已发货，待签收", "商品数量(件)": "1",
         "支付时间": "2023-12-16 11:00:00", "订单成交时间": "2023-12-16 11:00:00", "用户实付金额(元)": "￥1,019.90", "商家编码-规格维度": "TIS-9"},
    ]


def test_pdd_current_layout_tabs_and_fullwidth_yuan(db, files):
    result = import_file(db, X.pdd_csv(files / "pdd.csv", _pdd_current()))
    assert (result.platform, result.orders_added, result.errors) == ("pdd", 3, [])
    got = orders(db, "pdd")
    a = got["231215-123456789012345"]
    assert (a["paid_fen"], a["goods_fen"], a["status"], a["buyer_key"], a["province"]) == (3580, 3980, "paid", None, "广东")
    assert (got["231215-123456789012346"]["status"], got["231215-123456789012346"]["refund_fen"]) == ("refunded", 1990)
    assert got["231215-123456789012347"]["paid_fen"] == 101990
    assert [(ln["sku_code"], ln["qty"], ln["spec"]) for ln in lines(db, "231215-123456789012345")] == [("TIS-3", 2, "3层")]


def test_pdd_classic_layout(db, files):
    rows = [{"商品": "杯子", "订单号": "190101-1", "订单状态": "已签收", "商品总价（元）": "20.00", "用户实付金额(元)": "18.00",
             "商品数量(件)": "1", "支付时间": "2019/1/1 10:00", "拼单成功时间": "2019/1/1 10:01", "样式ID": "5", "商家编码-SKU维度": "CUP"}]
    result = import_file(db, X.pdd_csv(files / "pdd_old.csv", rows, layout="classic"))
    assert result.orders_added == 1
    o = orders(db, "pdd")["190101-1"]
    assert (o["paid_fen"], o["goods_fen"], o["status"]) == (1800, 2000, "completed")


def _douyin_lines():
    return [
        {"主订单编号": "6920000000000000001", "子订单编号": "6920000000000000002", "选购商品": "口红", "商品规格": "01#", "商品数量": "1",
         "商家编码": "LIP-01", "商品单价": "99.00", "订单应付金额": "89.00", "订单提交时间": "2024-01-01 12:00:00",
         "支付完成时间": "2024-01-01 12:01:00", "订单状态": "已完成", "流量来源": "精选联盟", "收件人": "张**", "流量体裁": "直播"},
        {"主订单编号": "6920000000000000001", "子订单编号": "6920000000000000003", "选购商品": "眼影", "商品规格": "大地色", "商品数量": "2",
         "商家编码": "EYE-02", "商品单价": "50.00", "订单应付金额": "95.50", "订单提交时间": "2024-01-01 12:00:00",
         "支付完成时间": "2024-01-01 12:01:00", "订单状态": "已完成", "流量来源": "精选联盟", "流量体裁": "直播"},
        {"主订单编号": "6920000000000000004", "子订单编号": "6920000000000000004", "选购商品": "口红", "商品数量": "1",
         "商家编码": "LIP-01", "商品单价": "99.00", "订单应付金额": "99.00", "订单提交时间": "2024-01-02 12:00:00",
         "支付完成时间": "2024-01-02 12:00:30", "订单状态": "已关闭", "流量体裁": "其他"},
    ]


def test_douyin_order_amount_is_sum_of_sub_orders(db, files):
    result = import_file(db, X.douyin_orders_csv(files / "douyin.csv", _douyin_lines()))
    assert (result.platform, result.orders_added, result.lines_added) == ("douyin", 2, 3)
    got = orders(db, "douyin")
    a = got["6920000000000000001"]
    assert (a["paid_fen"], a["status"], a["source"], a["buyer_key"]) == (18450, "completed", "精选联盟", None)
    assert (got["6920000000000000004"]["status"], got["6920000000000000004"]["refund_fen"]) == ("refunded", 9900)
    assert [ln["line_no"] for ln in lines(db, "6920000000000000001")] == ["6920000000000000002", "6920000000000000003"]


def test_douyin_75_column_layout(db, files):
    rows = [{"主订单编号": "7001", "子订单编号": "7001", "选购商品": "帽子", "货号": "HAT", "商品数量": "1", "商品金额": "30.00",
             "订单提交时间": "2025-03-01 08:00:00", "支付完成时间": "2025-03-01 08:00:10", "订单状态": "已完成", "订单应付金额": "28.00",
             "流量体裁": "直播"}]
    result = import_file(db, X.douyin_orders_csv(files / "douyin75.csv", rows, layout="75"))
    assert result.orders_added == 1
    assert [(ln["sku_code"], ln["unit_price_fen"]) for ln in lines(db, "7001")] == [("HAT", 3000)]


def test_kuaishou_reads_every_sheet(db, files):
    def row(no, paid, status="交易成功"):
        return {"订单号": no, "订单创建时间": "2024-05-01 10:00:00", "订单支付时间": "2024-05-01 10:00:05", "订单状态": status,
                "实付款": paid, "成交数量": "1", "商品名称": "袜子", "SKU编码": "SOCK", "商品单价": "¥1,299.90", "收货地址-省": "四川省",
                "渠道": "分销"}
    path = X.kuaishou_xlsx(files / "ks.xlsx", [[row("2401", "¥1,299.90"), row("2402", "¥0")], [row("2403", "15.5", "交易关闭")]])
    result = import_file(db, path)
    assert (result.platform, result.orders_added, result.errors) == ("kuaishou", 3, [])
    got = orders(db, "kuaishou")
    assert (got["2401"]["paid_fen"], got["2401"]["province"], got["2401"]["source"]) == (129990, "四川", "分销")
    assert got["2403"]["status"] == "refunded"


def test_youzan_orders_then_item_file_and_duplicate_header(db, files):
    orders_rows = [
        {"订单号": "E20260618001", "订单状态": "交易完成", "订单创建时间": "2026-06-18 10:00:00", "买家付款时间": "2026-06-18 10:00:30",
         "商品金额合计": "120.00", "运费": "0.00", "订单实付金额": "110.00", "全部商品名称": "蛋糕;面包", "买家昵称": "小王",
         "买家手机号": "186******05", "收货人/提货人": "王", "收货人手机号/提货人手机号": "186******05", "收货人省份": "北京市",
         "分销员": "甲"},
        {"订单号": "E20260618002", "订单状态": "待发货", "订单创建时间": "2026-06-18 11:00:00", "买家付款时间": "2026-06-18 11:00:30",
         "订单实付金额": "30.00", "全部商品名称": "面包", "买家昵称": "——", "买家手机号": "186******06",
         "收货人/提货人": "李", "收货人手机号/提货人手机号": "186******06"},
    ]
    first = import_file(db, X.youzan_orders_csv(files / "订单2026.csv", orders_rows))
    assert (first.platform, first.orders_added) == ("youzan", 2)
    got = orders(db, "youzan")
    assert (got["E20260618001"]["paid_fen"], got["E20260618001"]["status"], got["E20260618001"]["buyer_key"]) == (11000, "completed", "小王")
    assert got["E20260618002"]["buyer_key"] is None  # a masked phone alone is never a key
    items = [{"订单号": "E20260618001", "商品名称": "蛋糕", "规格编码": "CAKE", "商品单价": "80.00", "商品数量": "1"},
             {"订单号": "E20260618001", "商品名称": "面包", "规格编码": "BREAD", "商品单价": "20.00", "商品数量": "2"}]
    second = import_file(db, X.youzan_lines_csv(files / "商品2026.csv", items))
    assert (second.kind, second.orders_updated, second.lines_added) == ("lines", 1, 2)
    assert [ln["sku_code"] for ln in lines(db, "E20260618001")] == ["CAKE", "BREAD"]


def test_shopify_continuation_rows_and_offsets(db, files):
    rows = [
        {"Name": "#1001", "Email": "ann@example.com", "Financial Status": "paid", "Paid at": "2024-01-08 10:00:00 +0000",
         "Fulfillment Status": "fulfilled", "Currency": "USD", "Subtotal": "50.00", "Shipping": "5.00", "Total": "55.00",
         "Created at": "2024-01-08 09:59:00 +0000", "Lineitem quantity": "1", "Lineitem name": "Mug", "Lineitem price": "20.00",
         "Lineitem sku": "MUG", "Billing Name": "Ann", "Source": "web", "Id": "5550001"},
        {"Name": "#1001", "Lineitem quantity": "2", "Lineitem name": "Plate", "Lineitem price": "15.00", "Lineitem sku": "PLATE"},
        {"Name": "#1002", "Email": "bob@example.com", "Financial Status": "refunded", "Paid at": "2024-01-08 20:30:00 -0500",
         "Total": "12.00", "Created at": "2024-01-08 20:29:00 -0500", "Lineitem quantity": "1", "Lineitem name": "Cup",
         "Lineitem price": "12.00", "Refunded Amount": "12.00"},
        {"Name": "#1003", "Email": "cy@example.com", "Financial Status": "pending", "Total": "8.00",
         "Created at": "2024-01-09 01:00:00 +0800", "Lineitem quantity": "1", "Lineitem name": "Cup", "Lineitem price": "8.00"},
    ]
    result = import_file(db, X.shopify_csv(files / "orders_export.csv", rows))
    assert (result.platform, result.orders_added, result.lines_added) == ("shopify", 3, 4)
    got = orders(db, "shopify")
    a = got["#1001"]
    assert (a["paid_fen"], a["status"], a["buyer_key"]) == (5500, "shipped", "ann@example.com")
    assert a["paid_at"] == dt.datetime(2024, 1, 8, 18, 0)  # UTC 10:00 → Beijing 18:00
    b = got["#1002"]
    assert (b["status"], b["refund_fen"], b["paid_at"], b["pay_date"]) == ("refunded", 1200, dt.datetime(2024, 1, 9, 9, 30), dt.date(2024, 1, 9))
    assert (got["#1003"]["status"], got["#1003"]["is_paid"]) == ("pending_payment", False)
    assert [ln["qty"] for ln in lines(db, "#1001")] == [1, 2]


def test_wechat_shop(db, files):
    common = {"订单号": "3700001", "订单下单时间": "2025-02-01 10:00:00", "支付时间": "2025-02-01 10:00:10", "订单状态": "已完成",
              "订单实际支付金额": "58.00", "商品总价": "60.00", "订单运费": "0"}
    rows = [{**common, "商品名称": "茶叶", "商品编码(平台)": "P1", "SKU编码(自定义)": "TEA-1", "商品数量": "1", "商品实际价格(总共)": "38.00"},
            {**common, "商品名称": "茶杯", "商品编码(平台)": "P2", "SKU编码(自定义)": "CUP-1", "商品数量": "1", "商品实际价格(总共)": "20.00"}]
    result = import_file(db, X.wechat_xlsx(files / "wx.xlsx", rows))
    assert (result.platform, result.orders_added, result.lines_added) == ("wechat", 1, 2)
    o = orders(db, "wechat")["3700001"]
    assert (o["paid_fen"], o["status"]) == (5800, "completed")
    assert [ln["paid_fen"] for ln in lines(db, "3700001")] == [3800, 2000]
