"""Douyin (抖店) exports (reference §4): orders one row per 子订单 in two layouts, where the
order's amount is the sum of its 子订单 订单应付金额; and the 售后表 (after-sale) export."""
from __future__ import annotations

from core.imports.platforms.layout import Layout

LAYOUTS = [
    Layout(
        id="douyin.orders",
        platform="douyin",
        kind="orders",
        name="Douyin order export (抖店 订单)",
        signature=("主订单编号", "子订单编号", "选购商品", "订单应付金额", "订单提交时间|流量体裁"),
        fields={
            "order_no": ("主订单编号",),
            "line_no": ("子订单编号",),
            "status": ("订单状态",),
            "created_at": ("订单提交时间",),
            "paid_at": ("支付完成时间",),
            "shipped_at": ("发货时间",),
            "completed_at": ("订单完成时间",),
            "shipping": ("运费",),
            "discount": ("优惠总金额",),
            "receiver_name": ("收件人",),
            "receiver_phone": ("收件人手机号",),
            "province": ("省",),
            "source": ("流量来源", "流量渠道"),
            "title": ("选购商品",),
            "spec": ("商品规格",),
            "qty": ("商品数量",),
            "unit_price": ("商品单价", "商品金额"),
            "sku_code": ("商家编码", "货号"),
            "item_id": ("商品ID",),
            "line_paid": ("订单应付金额",),
            "line_refund_status": ("售后状态",),
        },
        required=("order_no", "line_paid"),
        grain="line",
    ),
    Layout(
        id="douyin.refunds",
        platform="douyin",
        kind="refunds",
        name="Douyin after-sale export (抖店 售后)",
        signature=("售后单号", "订单号", "售后状态", "退商品金额(元)|售后类型"),
        fields={
            "refund_no": ("售后单号",),
            "order_no": ("订单号",),
            "amount": ("退商品金额(元)", "退款金额"),
            "refund_shipping": ("退运费金额(元)",),
            "refund_status": ("售后状态",),
            "applied_at": ("售后申请时间",),
            "completed_at": ("售后完结时间", "商家退款时间"),
            "title": ("商品名称",),
            "sku_code": ("商家编码",),
            "reason": ("售后原因",),
        },
        required=("refund_no", "order_no", "amount"),
    ),
]
