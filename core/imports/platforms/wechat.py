"""WeChat 小店 / 视频号小店 order export (reference §7): one row per line, order amounts
repeated per line (taken once)."""
from __future__ import annotations

from core.imports.platforms.layout import Layout

LAYOUTS = [
    Layout(
        id="wechat.orders",
        platform="wechat",
        kind="orders",
        name="WeChat shop order export (微信小店 订单)",
        signature=("订单号", "订单下单时间", "订单实际支付金额", "商品编码(平台)"),
        fields={
            "order_no": ("订单号",),
            "status": ("订单状态",),
            "created_at": ("订单下单时间",),
            "paid_at": ("支付时间",),
            "shipped_at": ("订单发货时间",),
            "completed_at": ("订单确认收货时间",),
            "goods": ("商品总价",),
            "shipping": ("订单运费",),
            "paid": ("订单实际支付金额",),
            "receiver_name": ("收件人姓名",),
            "receiver_phone": ("收件人手机",),
            "province": ("省",),
            "address": ("收件人地址",),
            "source": ("带货方式",),
            "title": ("商品名称",),
            "spec": ("商品属性",),
            "qty": ("商品数量",),
            "unit_price": ("商品实际价格(单件)", "商品价格(单件)"),
            "sku_code": ("SKU编码(自定义)", "商品编码(自定义)"),
            "item_id": ("商品编码(平台)",),
            "line_paid": ("商品实际价格(总共)",),
            "line_refund": ("商品已退款金额",),
            "line_refund_status": ("商品售后",),
        },
        required=("order_no",),
        grain="line",
    ),
]
