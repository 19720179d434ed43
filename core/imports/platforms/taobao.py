"""Taobao / Tmall / 千牛 exports (reference §1): three generations of order files, 退款管理,
生意参谋 商品排行 and the 淘宝助理 product CSV."""
from __future__ import annotations

from core.imports.platforms.layout import Layout

_BUYER = {
    "buyer_account": ("买家会员名", "买家昵称", "买家会员ID"),
    "receiver_name": ("收货人姓名", "收件人姓名", "收货人"),
    "receiver_phone": ("联系手机", "联系电话", "手机"),
    "address": ("收货地址", "修改后的收货地址"),
    "shop": ("店铺名称",),
}

LAYOUTS = [
    # §1.1 old 订单报表 (one row per order); also the 订单报表 sheet of the three-sheet workbook.
    Layout(
        id="taobao.orders",
        platform="taobao",
        kind="orders",
        name="Taobao/Tmall order report (订单报表)",
        signature=("订单编号", "订单状态", "订单创建时间", "买家应付货款", "买家会员名|买家实际支付金额|买家实付金额|总金额"),
        fields={
            "order_no": ("订单编号",),
            "status": ("订单状态",),
            "created_at": ("订单创建时间",),
            "paid_at": ("订单付款时间",),
            "shipped_at": ("发货时间",),
            "completed_at": ("确认收货时间", "交易成功时间"),
            "goods": ("买家应付货款",),
            "shipping": ("买家应付邮费",),
            # 总金额 is the gross paid amount; 买家实际支付金额 is net of refunds (checked on a real
            # report: 总金额 = 买家实际支付金额 + 退款金额 on every paid order).
            "paid": ("总金额", "买家实付金额"),
            "paid_net": ("买家实际支付金额",),
            "refund": ("退款金额",),
            "order_title": ("宝贝标题", "商品标题"),
            "order_qty": ("宝贝总数量", "宝贝数量"),
            "sku_code": ("商家编码",),
            **_BUYER,
        },
        required=("order_no",),
        grain="order",
        summary_line=True,
        sheet_names=("订单报表",),
    ),
    # §1.3 发货报表 sheet: receiver details merged into the workbook's orders.
    Layout(
        id="taobao.shipping",
        platform="taobao",
        kind="orders",
        name="Taobao shipping sheet (发货报表)",
        signature=("订单编号", "收货人姓名", "联系手机", "收货地址"),
        fields={"order_no": ("订单编号",), **_BUYER, "shipped_at": ("发货时间",)},
        required=("order_no",),
        grain="extra",
        sheet_names=("发货报表",),
    ),
    # §1.3 newer 千牛 line-level exports (子订单编号/主订单编号), incl. the 销售明细 sheet and CSV.
    Layout(
        id="taobao.order_lines",
        platform="taobao",
        kind="orders",
        name="Taobao/Tmall order export by sub-order (千牛 子订单)",
        signature=("子订单编号", "主订单编号", "购买数量|宝贝数量", "商品标题|标题|宝贝标题", "订单状态|买家实付金额|退款状态"),
        fields={
            "order_no": ("主订单编号",),
            "line_no": ("子订单编号",),
            "status": ("订单状态",),
            "created_at": ("订单创建时间",),
            "paid_at": ("订单付款时间",),
            "shipped_at": ("发货时间",),
            "completed_at": ("确认收货时间",),
            "paid": ("买家实际支付金额",),
            "shipping": ("买家应付邮费",),
            "title": ("商品标题", "标题", "宝贝标题"),
            "spec": ("商品属性", "颜色/尺码", "商品属性SKU"),
            "qty": ("购买数量", "宝贝数量"),
            "unit_price": ("商品价格", "价格"),
            "sku_code": ("商家编码", "外部系统编号", "商品编码"),
            "item_id": ("商品ID",),
            "line_paid": ("子单实际支付金额", "买家实付金额"),
            "line_refund": ("退款金额",),
            "line_refund_status": ("退款状态",),
            **_BUYER,
        },
        required=("order_no",),
        grain="line",
        sheet_names=("销售明细",),
    ),
    # §1.2 old 宝贝报表 (lines of the 订单报表, joined by 订单编号).
    Layout(
        id="taobao.lines",
        platform="taobao",
        kind="lines",
        name="Taobao item report (宝贝报表)",
        signature=("订单编号", "标题", "价格", "购买数量", "外部系统编号|套餐信息|商品属性|商家编码"),
        fields={
            "order_no": ("订单编号",),
            "title": ("标题",),
            "unit_price": ("价格",),
            "qty": ("购买数量",),
            "spec": ("商品属性", "规格名称"),
            "sku_code": ("商家编码", "外部系统编号"),
            "status": ("订单状态",),
            "created_at": ("创建时间", "订单创建时间"),
        },
        required=("order_no", "qty"),
        grain="line",
    ),
    # §1.5 退款管理 export.
    Layout(
        id="taobao.refunds",
        platform="taobao",
        kind="refunds",
        name="Taobao/Tmall refunds (退款管理)",
        signature=("退款编号", "订单编号", "买家退款金额|退款金额", "退款状态"),
        fields={
            "refund_no": ("退款编号",),
            "order_no": ("订单编号",),
            "amount": ("买家退款金额", "退款金额"),
            "refund_status": ("退款状态",),
            "applied_at": ("退款的申请时间", "退款申请时间"),
            "completed_at": ("退款完结时间",),
            "title": ("宝贝标题",),
            "sku_code": ("商品编码", "商家编码"),
            "reason": ("买家退款原因",),
        },
        required=("refund_no", "order_no", "amount"),
    ),
    # §1.6 生意参谋 商品排行 (header on row 5), aggregated per day.
    Layout(
        id="taobao.sycm_items",
        platform="taobao",
        kind="traffic",
        name="生意参谋 item ranking (商品排行)",
        signature=("统计日期", "商品ID", "商品访客数", "支付金额|商品浏览量"),
        fields={
            "day": ("统计日期",),
            "item_id": ("商品ID",),
            "visitors": ("商品访客数",),
            "page_views": ("商品浏览量",),
            "paying_buyers": ("支付买家数",),
        },
        required=("day", "visitors"),
    ),
    # §1.7 淘宝助理 product CSV (version line, English header, Chinese header).
    Layout(
        id="taobao.assistant_products",
        platform="taobao",
        kind="products",
        name="淘宝助理 product list",
        signature=("title|宝贝名称", "cid|宝贝类目", "seller_cids|店铺类目", "outer_id|商家编码", "num|宝贝数量"),
        fields={
            "title": ("title", "宝贝名称"),
            "sku_code": ("outer_id", "商家编码"),
            "price": ("price", "宝贝价格"),
            "on_hand": ("num", "宝贝数量"),
            "item_id": ("num_id", "数字ID"),
            "sku_props": ("skuProps", "销售属性组合"),
        },
        required=("title",),
    ),
]
