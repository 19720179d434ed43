"""Platform export files built by the tests themselves, with each platform's real quirks.

Headers are the ones in reference/platform-exports.md. Each writer takes plain rows keyed
by header (without trailing spaces) and writes the file the way the platform does: GBK CSV
with ``="…"`` ids and trailing-space headers (Taobao), HTML saved as .xls, the three-sheet
千牛 workbook, JD lines repeating order amounts with ``(删除)`` statuses, PDD TABs and
full-width ``（元）``, Douyin per-子订单 amounts, Kuaishou over several sheets, Shopify
continuation rows and offsets, Youzan's duplicate 分销员 header and trailing comma,
生意参谋 with the header on row 5, 淘宝助理 as UTF-16 TAB text with three header lines.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

# ---------------------------------------------------------------- generic writers


def _cells(headers: list[str], row: dict) -> list:
    return [row.get(h.strip(), "") for h in headers]


def write_csv(path: Path, headers: list[str], rows: list[dict], *, encoding: str = "utf-8", delimiter: str = ",",
              before: list[list[str]] = (), trailing_empty: bool = False) -> Path:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    for line in before:
        w.writerow(line)
    w.writerow(list(headers) + ([""] if trailing_empty else []))
    for row in rows:
        w.writerow([("" if v is None else v) for v in _cells(headers, row)] + ([""] if trailing_empty else []))
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, sheets: list[tuple[str, list[str], list[dict]]], *, before: list[list] = ()) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for name, headers, rows in sheets:
        ws = wb.create_sheet(name)
        for line in before:
            ws.append(list(line))
        ws.append(list(headers))
        for row in rows:
            ws.append([None if v == "" else v for v in _cells(headers, row)])
    wb.save(path)
    return path


def write_html_xls(path: Path, headers: list[str], rows: list[dict], encoding: str = "gb18030") -> Path:
    """What Taobao's "Excel" download often is: an HTML table named .xls, in GB18030."""
    def cell(v: object, tag: str = "td") -> str:
        text = "" if v is None else str(v).replace("&", "&amp;").replace("<", "&lt;")
        return f"<{tag} style=\"mso-number-format:'\\@'\">{text}</{tag}>"

    parts = ['<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb18030"></head><body>',
             "<table border=1>", "<tr>" + "".join(cell(h, "th") for h in headers) + "</tr>"]
    for row in rows:
        parts.append("<tr>" + "".join(cell(v) for v in _cells(headers, row)) + "</tr>")
    parts.append("</table></body></html>")
    path.write_bytes("\n".join(parts).encode(encoding))
    return path


def excel_text_id(value: str) -> str:
    """How Taobao/Douyin CSVs protect long ids from Excel: ``="1234…"``."""
    return f'="{value}"'


# ---------------------------------------------------------------- Taobao / Tmall

TAOBAO_ORDER_HEADERS = [
    "订单编号", "买家会员名", "买家支付宝账号", "买家应付货款", "买家应付邮费", "买家支付积分", "总金额", "返点积分",
    "买家实际支付金额", "买家实际支付积分", "订单状态", "买家留言", "收货人姓名", "收货地址 ", "运送方式", "联系电话 ",
    "联系手机", "订单创建时间", "订单付款时间 ", "宝贝标题 ", "宝贝种类 ", "物流单号 ", "物流公司", "订单备注", "宝贝总数量",
    "店铺Id", "店铺名称", "订单关闭原因", "卖家服务费", "买家服务费", "发票抬头", "是否手机订单", "分阶段订单信息",
    "特权订金订单id", "定金排名", "修改后的sku", "修改后的收货地址", "异常信息", "天猫卡券抵扣", "集分宝抵扣", "是否是O2O交易",
]
TAOBAO_LINE_HEADERS = ["订单编号", "标题", "价格", "购买数量", "外部系统编号", "商品属性", "套餐信息", "备注", "订单状态", "商家编码"]
QIANNIU_LINE_HEADERS = [
    "子订单编号", "主订单编号", "商品标题", "商品价格", "购买数量", "商品属性", "套餐信息", "订单状态", "商家编码",
    "买家应付货款", "买家实付金额", "退款状态", "退款金额", "订单创建时间", "订单付款时间", "商品ID", "商家备注",
]
TAOBAO_REFUND_HEADERS = [
    "退款编号", "订单编号", "支付宝交易号", "订单付款时间", "商品编码", "退款完结时间", "买家实际支付金额", "宝贝标题",
    "买家退款金额", "手工退款/系统退款", "是否需要退货", "退款的申请时间", "退款状态", "货物状态", "买家退款原因",
]
SYCM_HEADERS = [
    "统计日期", "商品ID", "商品名称", "商品访客数", "商品浏览量", "平均停留时长", "商品详情页跳出率", "支付买家数",
    "支付件数", "支付金额", "商品支付转化率", "成功退款金额",
]
ASSISTANT_EN = ("title,cid,seller_cids,stuff_status,location_state,location_city,item_type,price,auction_increment,num,"
                "valid_thru,freight_payer,post_fee,ems_fee,express_fee,has_invoice,has_warranty,approve_status,"
                "has_showcase,list_time,description,cateProps,postage_id,has_discount,modified,upload_fail_msg,"
                "picture_status,auction_point,picture,video,skuProps,inputPids,inputValues,outer_id,propAlias,"
                "auto_fill,num_id").split(",")
ASSISTANT_ZH = ("宝贝名称,宝贝类目,店铺类目,新旧程度,省,城市,出售方式,宝贝价格,加价幅度,宝贝数量,有效期,运费承担,平邮,EMS,"
                "快递,发票,保修,放入仓库,橱窗推荐,开始时间,宝贝描述,宝贝属性,邮费模版ID,会员打折,修改时间,上传状态,图片状态,"
                "返点比例,新图片,视频,销售属性组合,用户输入ID串,用户输入名-值对,商家编码,销售属性别名,代充类型,数字ID").split(",")


def taobao_order_row(no: str, *, buyer: str = "买家甲", paid: str = "598.00", goods: str | None = None,
                     post: str = "0.00", status: str = "买家已付款，等待卖家发货", created: str = "2026/5/23 22:02",
                     paid_at: str | None = "2026/5/23 22:03", title: str = "洗面奶", qty: int = 1,
                     address: str = "吉林省 通化市 柳河县 柳河镇紫御府 七号楼(135300)", phone: str = "'18618486065",
                     shop: str = "示例小店", refund: str | None = None) -> dict:
    row = {
        "订单编号": no, "买家会员名": buyer, "买家支付宝账号": f"{buyer}@example.com", "买家应付货款": goods or paid,
        "买家应付邮费": post, "买家支付积分": "0", "总金额": paid, "返点积分": "0", "买家实际支付金额": paid,
        "买家实际支付积分": "0", "订单状态": status, "收货人姓名": "马慧", "收货地址": address, "运送方式": "快递",
        "联系手机": phone, "订单创建时间": created, "订单付款时间": paid_at or "", "宝贝标题": title, "宝贝种类": "1",
        "宝贝总数量": str(qty), "店铺Id": "0", "店铺名称": shop, "订单关闭原因": "订单未关闭", "卖家服务费": "0",
        "买家服务费": "0元", "是否手机订单": "手机订单",
    }
    if refund is not None:
        # As in a real 订单报表: 总金额 = 买家实际支付金额 + 退款金额 (实付 is net of refunds).
        from decimal import Decimal

        row["退款金额"] = refund
        row["买家实际支付金额"] = str(Decimal(paid.replace(",", "")) - Decimal(refund.replace(",", "")))
    return row


def taobao_orders_csv(path: Path, orders: list[dict], *, with_refund: bool = False) -> Path:
    """Old 订单报表 (ExportOrderList….csv): GBK, ``="…"`` ids, trailing-space headers."""
    headers = TAOBAO_ORDER_HEADERS + (["退款金额"] if with_refund else [])
    rows = [{**o, "订单编号": excel_text_id(o["订单编号"])} for o in orders]
    return write_csv(path, headers, rows, encoding="gbk")


def taobao_orders_html_xls(path: Path, orders: list[dict]) -> Path:
    return write_html_xls(path, TAOBAO_ORDER_HEADERS, orders)


def taobao_lines_csv(path: Path, lines: list[dict]) -> Path:
    """Old 宝贝报表 (ExportOrderDetailList….csv): GBK."""
    rows = [{**ln, "订单编号": excel_text_id(ln["订单编号"])} for ln in lines]
    return write_csv(path, TAOBAO_LINE_HEADERS, rows, encoding="gbk")


def qianniu_workbook(path: Path, orders: list[dict], lines: list[dict], shipping: list[dict]) -> Path:
    """The three-sheet 千牛 workbook: 订单报表 / 销售明细 / 发货报表."""
    return write_xlsx(path, [
        ("订单报表", ["订单编号", "买家应付货款", "买家实付金额", "订单状态", "收货地址", "物流单号", "物流公司", "订单创建时间", "订单付款时间"], orders),
        ("销售明细", ["子订单编号", "主订单编号", "商品标题", "购买数量", "商家编码", "商品属性", "买家应付货款", "退款状态", "退款金额", "订单创建时间"], lines),
        ("发货报表", ["订单编号", "收货人姓名", "联系手机", "收货地址"], shipping),
    ])


def qianniu_lines_csv(path: Path, lines: list[dict]) -> Path:
    return write_csv(path, QIANNIU_LINE_HEADERS, lines, encoding="gbk")


def taobao_refunds_xlsx(path: Path, refunds: list[dict]) -> Path:
    return write_xlsx(path, [("退款", TAOBAO_REFUND_HEADERS, refunds)])


def sycm_items_xlsx(path: Path, rows: list[dict]) -> Path:
    """生意参谋 商品排行: four title/filter rows, the header on row 5."""
    before = [["【生意参谋平台】商品_全部"], ["统计时间", "2026-06-18 ~ 2026-06-19"], ["终端", "全部"], []]
    return write_xlsx(path, [("商品排行", SYCM_HEADERS, rows)], before=before)


def assistant_csv(path: Path, items: list[dict]) -> Path:
    """淘宝助理: UTF-16 with BOM, TAB-separated, ``version 1.00`` + English + Chinese header lines."""
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter="\t", lineterminator="\r\n")
    w.writerow(["version 1.00"])
    w.writerow(ASSISTANT_EN)
    w.writerow(ASSISTANT_ZH)
    for item in items:
        w.writerow([item.get(h, "") for h in ASSISTANT_EN])
    path.write_bytes(buf.getvalue().encode("utf-16"))
    return path


# ---------------------------------------------------------------- JD

JD_HEADERS = [
    "订单号", "商品ID", "商品名称", "订购数量", "支付方式", "下单时间", "京东价", "订单金额", "结算金额", "余额支付", "应付金额",
    "订单状态", "订单类型", "下单帐号", "客户姓名", "客户地址", "联系电话", "订单备注", "发票类型", "发票抬头", "发票内容",
    "商家备注", "商家备注等级（等级1-5为由高到低）", "运费金额", "付款确认时间", "增值税发票", "货号", "订单完成时间", "订单来源", "订单渠道",
]


def jd_orders_csv(path: Path, lines: list[dict]) -> Path:
    """One row per SKU line, 应付金额 repeated on every line; GBK."""
    return write_csv(path, JD_HEADERS, lines, encoding="gbk")


# ---------------------------------------------------------------- PDD

PDD_CLASSIC_HEADERS = [
    "商品", "订单号", "订单状态", "商品总价（元）", "店铺优惠折扣(元)", "平台优惠折扣(元)", "邮费(元)", "上门安装费(元)",
    "送货入户费(元)", "送货入户并安装费(元)", "用户实付金额(元)", "商品数量(件)", "身份证姓名", "身份证号码", "收货人", "手机",
    "是否异常", "省", "市", "区", "街道", "支付时间", "拼单成功时间", "订单确认时间", "承诺发货时间", "发货时间", "确认收货时间",
    "商品id", "商品规格", "用户购买手机号", "样式ID", "商家编码-SKU维度", "商家编码-商品维度", "快递单号", "快递公司",
]
PDD_CURRENT_HEADERS = [
    "商品", "订单号", "订单状态", "商品数量(件)", "是否审核中", "支付时间", "承诺发货时间", "承诺送达时间", "发货时间", "确认收货时间",
    "商品id", "商品规格", "样式ID", "商家编码-规格维度", "商家编码-商品维度", "商家备注", "买家留言", "售后状态", "消费者资料",
    "订单成交时间", "商品总价(元)", "邮费(元)", "店铺优惠折扣(元)", "平台优惠折扣(元)", "多多支付立减金额(元)",
    "用户实付金额(元)", "商家实收金额（元）", "快递单号", "快递公司", "省", "市", "区", "街道/镇",
]


def pdd_csv(path: Path, orders: list[dict], *, layout: str = "current") -> Path:
    """Every value wrapped in TABs (and empty cells a lone TAB), as PDD writes them."""
    headers = PDD_CURRENT_HEADERS if layout == "current" else PDD_CLASSIC_HEADERS
    tabbed = [{h.strip(): f"\t{o.get(h.strip(), '')}\t" if o.get(h.strip(), "") != "" else "\t" for h in headers} for o in orders]
    # the classic config writes 商品总价（元） with full-width brackets; rows are keyed by the header text
    return write_csv(path, headers, tabbed, encoding="gbk")


# ---------------------------------------------------------------- Douyin

DOUYIN_HEADERS = [
    "主订单编号", "子订单编号", "选购商品", "商品规格", "商品数量", "商品ID", "商家编码", "商品单价", "订单应付金额", "运费", "优惠总金额",
    "平台优惠", "商家优惠", "达人优惠", "商家改价", "支付优惠", "红包抵扣", "支付方式", "手续费", "收件人", "收件人手机号", "省", "市", "区",
    "街道", "详细地址", "是否修改过地址", "地址修改时段", "买家留言", "订单提交时间", "旗帜颜色", "商家备注", "订单完成时间", "支付完成时间",
    "APP渠道", "流量来源", "订单状态", "承诺发货时间", "订单类型", "鲁班落地页ID", "达人ID", "达人昵称", "所属门店ID", "售后状态", "取消原因",
    "发货时间", "流量类型", "流量体裁", "流量渠道",
]
DOUYIN_HEADERS_75 = [
    "主订单编号", "子订单编号", "支付方式", "选购商品", "货号", "商品ID", "商家编码", "商品数量", "商品金额", "订单提交时间", "支付完成时间",
    "订单完成时间", "承诺发货时间", "预约发货时间", "买家留言", "旗帜颜色", "商家备注", "APP渠道", "订单状态", "取消原因", "售后状态", "订单类型",
    "发货时间", "订单应付金额", "运费", "优惠总金额", "收件人", "收件人手机号", "省", "市", "区", "街道", "详细地址", "流量来源", "流量体裁",
]
DOUYIN_REFUND_HEADERS = [
    "售后单号", "订单号", "商品单号", "商品名称", "商品ID", "应付金额（元）", "商品运费（元）", "支付优惠（元）", "商品税费（元）",
    "商品发货状态", "售后类型", "退商品金额（元）", "退运费金额（元）", "退支付优惠（元）", "退税费金额（元）", "售后状态", "售后申请时间",
    "退款方式", "售后原因", "售后完结时间", "商家编码",
]


def douyin_orders_csv(path: Path, lines: list[dict], *, layout: str = "74") -> Path:
    headers = DOUYIN_HEADERS if layout == "74" else DOUYIN_HEADERS_75
    rows = [{**ln, "主订单编号": f"{ln['主订单编号']}\t", "子订单编号": excel_text_id(ln["子订单编号"])} for ln in lines]
    return write_csv(path, headers, rows, encoding="utf-8-sig")


def douyin_refunds_xlsx(path: Path, rows: list[dict]) -> Path:
    return write_xlsx(path, [("售后", DOUYIN_REFUND_HEADERS, rows)])


# ---------------------------------------------------------------- Kuaishou

KUAISHOU_HEADERS = [
    "订单号", "赠品订单号", "活动订单编号", "订单创建时间", "订单支付时间", "预售定金支付时间", "订单状态", "实付款", "快递费", "店铺优惠",
    "平台补贴", "主播补贴", "混资活动优惠", "支付优惠", "支付方式", "成交数量", "买家留言", "账号类型", "账号明细", "订单备注", "旗帜颜色",
    "售后状态", "活动订单", "预售/承诺发货时间", "订单载体", "国补类型", "商品名称", "商品ID", "商品规格", "SKU编码", "商品单价", "渠道",
    "CPS达人ID", "CPS达人昵称", "预估推广佣金", "预估推广者分佣比例", "团长ID", "团长昵称", "收货人姓名", "收货人电话", "收货地址-省",
    "收货地址-市", "收货地址-区", "收货地址-街道", "收货地址", "发货时间", "快递公司", "快递单号",
]


def kuaishou_xlsx(path: Path, sheets: list[list[dict]]) -> Path:
    return write_xlsx(path, [(f"Sheet{i + 1}", KUAISHOU_HEADERS, rows) for i, rows in enumerate(sheets)])


# ---------------------------------------------------------------- Youzan

YOUZAN_ORDER_HEADERS = [
    "订单号", "销售渠道", "归属店铺", "订单类型", "订单状态", "推广方式", "订单来源", "订单创建时间", "买家付款时间", "交易成功时间", "付款方式",
    "支付流水号", "商品金额合计", "运费", "店铺优惠合计", "应收订单金额", "订单实付金额", "支付优惠合计", "订单实收金额", "订单抵用积分数",
    "店铺优惠方式", "支付优惠方式", "全部商品名称", "商品种类数", "订单配送方式", "同城送达时间/提货时间", "收货人省份", "收货人城市", "收货人地区",
    "详细收货地址/提货地址", "收货人/提货人", "收货人手机号/提货人手机号", "买家备注", "订单星级", "买家昵称", "买家是否会员", "买家手机号",
    "下单网点", "收银员", "分销员", "销售导购", "专属导购", "订单退款状态", "订单已退款金额", "商家订单备注", "桌号", "挂账主体", "挂账手机号",
    "团长订单", "订单风险标签", "分销员", "分销员手机号", "分销员所属店铺",
]
YOUZAN_LINE_HEADERS = ["订单号", "商品名称", "规格", "规格编码", "商品单价", "商品数量", "商品发货物流公司", "商品发货物流单号"]
YOUZAN_CUSTOMER_HEADERS = [
    "客户姓名", "客户昵称", "客户手机号", "客户生日", "客户性别", "标签", "是否会员", "成长值", "免费等级", "付费等级", "权益卡", "客户积分",
    "客户储值余额", "消费次数", "消费金额", "累计退款金额", "累计退款订单数", "笔单价", "上次消费时间", "分销员", "导购员", "企微好友",
    "来源渠道", "来源方式", "成为客户时间", "成为会员时间", "成为会员店铺", "公众号", "公众号关注时间", "最近浏览时间", "微信地域",
    "所属区域", "指定时间消费次数", "指定时间消费金额",
]


def youzan_orders_csv(path: Path, orders: list[dict]) -> Path:
    """UTF-8 with BOM; 分销员 twice; empties as ``——`` or a single space."""
    rows = [{**{h: "——" for h in YOUZAN_ORDER_HEADERS}, "买家备注": " ", **o} for o in orders]
    return write_csv(path, YOUZAN_ORDER_HEADERS, rows, encoding="utf-8-sig")


def youzan_lines_csv(path: Path, lines: list[dict]) -> Path:
    return write_csv(path, YOUZAN_LINE_HEADERS, lines, encoding="utf-8-sig")


def youzan_customers_csv(path: Path, customers: list[dict]) -> Path:
    """The header (and every row) ends with a comma: an empty last column."""
    return write_csv(path, YOUZAN_CUSTOMER_HEADERS, customers, encoding="utf-8-sig", trailing_empty=True)


# ---------------------------------------------------------------- Shopify

SHOPIFY_HEADERS = (
    "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,"
    "Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,"
    "Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,"
    "Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,Billing City,Billing Zip,Billing Province,"
    "Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,Shipping Address2,Shipping Company,"
    "Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,"
    "Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,Employee,Location,Device ID,Id,Tags,"
    "Risk Level,Source"
).split(",")


def shopify_csv(path: Path, rows: list[dict]) -> Path:
    return write_csv(path, SHOPIFY_HEADERS, rows, encoding="utf-8")


# ---------------------------------------------------------------- WeChat 小店

WECHAT_HEADERS = [
    "订单号", "订单下单时间", "订单发货时间", "订单确认收货时间", "订单完成结算时间", "订单状态", "发货方式", "收件人姓名", "收件人地址", "省", "市",
    "区", "收件人手机", "买家备注", "商家备注", "打标颜色", "商品总价", "订单实际支付金额", "订单实际收款金额", "订单运费", "商品优惠", "支付方式",
    "支付时间", "交易单号", "物流公司", "快递单号", "商品名称", "商品编码(平台)", "商品编码(自定义)", "SKU编码(自定义)", "商品属性",
    "商品价格(单件)", "商品实际价格(单件)", "商品实际价格(总共)", "是否预售", "商品数量", "商品发货", "商品售后", "商品已退款金额",
]


def wechat_xlsx(path: Path, lines: list[dict]) -> Path:
    return write_xlsx(path, [("订单", WECHAT_HEADERS, lines)])


# ---------------------------------------------------------------- ShopDesk templates filled in


def stock_template(path: Path, rows: list[list]) -> Path:
    from openpyxl import load_workbook

    from core.imports import write_template

    write_template("stock", path)
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    for i, row in enumerate(rows, start=2):
        for j, value in enumerate(row, start=1):
            ws.cell(row=i, column=j, value=value)
    wb.save(path)
    return path


def traffic_template(path: Path, rows: list[list]) -> Path:
    from openpyxl import load_workbook

    from core.imports import write_template

    write_template("traffic", path)
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    for i, row in enumerate(rows, start=2):
        for j, value in enumerate(row, start=1):
            ws.cell(row=i, column=j, value=value)
    wb.save(path)
    return path
