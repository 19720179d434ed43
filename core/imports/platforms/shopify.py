"""Shopify orders CSV (reference §8): one row per line item; continuation rows leave the
order fields blank (Total on the first row only); times carry a UTC offset."""
from __future__ import annotations

from core.imports.platforms.layout import Layout

LAYOUTS = [
    Layout(
        id="shopify.orders",
        platform="shopify",
        kind="orders",
        name="Shopify orders export",
        signature=("Name", "Financial Status", "Lineitem name", "Lineitem quantity"),
        fields={
            "order_no": ("Name",),
            "status": ("Financial Status",),
            "fulfillment_status": ("Fulfillment Status",),
            "cancelled_at": ("Cancelled at",),
            "created_at": ("Created at",),
            "paid_at": ("Paid at",),
            "shipped_at": ("Fulfilled at",),
            "goods": ("Subtotal",),
            "shipping": ("Shipping",),
            "discount": ("Discount Amount",),
            "paid": ("Total",),
            "refund": ("Refunded Amount",),
            "buyer_account": ("Email",),
            "receiver_name": ("Billing Name", "Shipping Name"),
            "receiver_phone": ("Phone", "Billing Phone"),
            "province": ("Shipping Province Name", "Shipping Province"),
            "source": ("Source",),
            "currency": ("Currency",),
            "title": ("Lineitem name",),
            "qty": ("Lineitem quantity",),
            "unit_price": ("Lineitem price",),
            "sku_code": ("Lineitem sku", "SKU"),
        },
        required=("order_no",),
        grain="line",
    ),
]
