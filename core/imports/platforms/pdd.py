"""Pinduoduo order exports (reference §3), classic and current layouts: one row per order
(single SKU), TABs in values, ``(元)``/``（元）`` money headers, no buyer identity."""
from __future__ import annotations

from core.imports.platforms.layout import Layout

LAYOUTS = [
    Layout(
        id="pdd.orders",
        platform="pdd",
        kind="orders",
        name="Pinduoduo order export (拼多多 订单)",
        signature=(
            "订单号",
            "商家编码-SKU维度|商家编码-规格维度",
            "样式ID",
            "商品数量(件)",
            "用户实付金额(元)|商家实收金额(元)",
        ),
        fields={
            "order_no": ("订单号",),
            "status": ("订单状态",),
            "created_at": ("订单成交时间", "拼单成功时间", "支付时间"),
            "paid_at": ("支付时间",),
            "shipped_at": ("发货时间",),
            "completed_at": ("确认收货时间",),
            "goods": ("商品总价(元)",),
            "shipping": ("邮费(元)",),
            "paid": ("用户实付金额(元)",),
            "receiver_name": ("收货人",),
            "receiver_phone": ("手机",),
            "province": ("省",),
            "title": ("商品",),
            "spec": ("商品规格",),
            "qty": ("商品数量(件)",),
            "sku_code": ("商家编码-SKU维度", "商家编码-规格维度", "样式ID"),
            "item_id": ("商品id",),
            "line_refund_status": ("售后状态",),
        },
        required=("order_no",),
        grain="order",
    ),
]
