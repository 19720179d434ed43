"""Kuaishou (快手小店) order export (reference §5): one row per order with exactly one SKU,
often spread over many sheets of one workbook (every sheet is read)."""
from __future__ import annotations

from core.imports.platforms.layout import Layout

LAYOUTS = [
    Layout(
        id="kuaishou.orders",
        platform="kuaishou",
        kind="orders",
        name="Kuaishou order export (快手小店 订单)",
        signature=("订单号", "成交数量", "实付款", "收货地址-省|CPS达人ID|订单创建时间"),
        fields={
            "order_no": ("订单号",),
            "status": ("订单状态",),
            "created_at": ("订单创建时间",),
            "paid_at": ("订单支付时间",),
            "shipped_at": ("发货时间",),
            "paid": ("实付款",),
            "shipping": ("快递费",),
            "receiver_name": ("收货人姓名",),
            "receiver_phone": ("收货人电话",),
            "province": ("收货地址-省",),
            "address": ("收货地址",),
            "source": ("渠道",),
            "title": ("商品名称",),
            "spec": ("商品规格",),
            "qty": ("成交数量",),
            "unit_price": ("商品单价",),
            "sku_code": ("SKU编码",),
            "item_id": ("商品ID",),
            "line_refund_status": ("售后状态", "退货退款"),
        },
        required=("order_no", "paid"),
        grain="order",
    ),
]
