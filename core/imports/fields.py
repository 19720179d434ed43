"""ShopDesk's canonical import fields per kind: what a column can mean, its value type, its label.

Layouts (``core.imports.platforms``) map a platform's headers to these keys; the column-mapping
step of the import wizard shows ``fields_for(kind)`` for files ShopDesk does not recognise.
"""
from __future__ import annotations

from dataclasses import dataclass

from core.i18n import t

KINDS = ("orders", "lines", "refunds", "traffic", "products", "members")


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str
    required: bool


# key -> value type: id | text | money | int | datetime | date | percent
FIELD_TYPES: dict[str, str] = {
    # orders and their lines
    "order_no": "id", "line_no": "id", "status": "text", "created_at": "datetime", "paid_at": "datetime",
    "shipped_at": "datetime", "completed_at": "datetime", "cancelled_at": "datetime",
    "buyer_account": "text", "buyer_phone": "id", "receiver_name": "text", "receiver_phone": "id",
    "address": "text", "province": "text", "shop": "text", "source": "text",
    "goods": "money", "shipping": "money", "discount": "money", "paid": "money", "paid_net": "money", "refund": "money",
    "order_title": "text", "order_qty": "int", "fulfillment_status": "text", "currency": "text",
    "title": "text", "spec": "text", "sku_code": "id", "item_id": "id", "qty": "int",
    "unit_price": "money", "line_paid": "money", "line_refund": "money", "line_refund_status": "text",
    # refunds
    "refund_no": "id", "amount": "money", "refund_shipping": "money", "refund_status": "text",
    "applied_at": "datetime", "reason": "text",
    # traffic
    "day": "date", "platform_name": "text", "visitors": "int", "page_views": "int",
    "paying_buyers": "int", "ad_spend": "money",
    # products and stock
    "category": "text", "cost": "money", "price": "money", "on_hand": "int", "in_transit": "int",
    "supplier": "text", "lead_time_days": "int", "order_multiple": "int", "sku_props": "text",
    # members
    "name": "text", "phone": "id", "orders_count": "int", "spend": "money", "last_order_at": "datetime",
    "first_order_at": "datetime", "tags": "text", "points": "int",
}


def _labels() -> dict[str, str]:
    # Built on each call so that a language switch is honoured.
    return {
        "order_no": t("Order number"), "line_no": t("Sub-order (line) number"), "status": t("Order status"),
        "created_at": t("Order created at"), "paid_at": t("Paid at"), "shipped_at": t("Shipped at"),
        "completed_at": t("Completed at"), "cancelled_at": t("Cancelled at"),
        "buyer_account": t("Buyer account (nickname, e-mail)"), "buyer_phone": t("Buyer phone"),
        "receiver_name": t("Receiver name"), "receiver_phone": t("Receiver phone"), "address": t("Address"),
        "province": t("Province"), "shop": t("Shop name"), "source": t("Sales channel / traffic source"),
        "goods": t("Goods amount"), "shipping": t("Shipping fee"), "discount": t("Discount"),
        "paid": t("Paid amount (per order)"),
        "paid_net": t("Paid amount after refunds (per order)"), "refund": t("Refunded amount (per order)"),
        "order_title": t("Item titles (whole order)"), "order_qty": t("Total quantity (whole order)"),
        "fulfillment_status": t("Fulfillment status"), "currency": t("Currency"),
        "title": t("Item title"), "spec": t("Item spec / variant"), "sku_code": t("SKU code (商家编码)"),
        "item_id": t("Platform item ID"), "qty": t("Quantity"), "unit_price": t("Unit price"),
        "line_paid": t("Paid amount (per line)"), "line_refund": t("Refunded amount (per line)"),
        "line_refund_status": t("Refund status (per line)"),
        "refund_no": t("Refund number"), "amount": t("Refund amount"), "refund_shipping": t("Refunded shipping"),
        "refund_status": t("Refund status"), "applied_at": t("Applied at"), "reason": t("Reason"),
        "day": t("Date"), "platform_name": t("Platform"), "visitors": t("Visitors"),
        "page_views": t("Page views"), "paying_buyers": t("Paying buyers"), "ad_spend": t("Ad spend"),
        "category": t("Category"), "cost": t("Cost price"), "price": t("Selling price"),
        "on_hand": t("Stock on hand"), "in_transit": t("In transit"), "supplier": t("Supplier"),
        "lead_time_days": t("Lead time (days)"), "order_multiple": t("Order multiple"),
        "sku_props": t("Packed SKU list (淘宝助理)"),
        "name": t("Name"), "phone": t("Phone"), "orders_count": t("Number of orders"),
        "spend": t("Total spend"), "last_order_at": t("Last purchase at"),
        "first_order_at": t("Customer since"), "tags": t("Tags"), "points": t("Points"),
    }


def field_labels() -> dict[str, str]:
    """Every canonical field's label in the current language."""
    return _labels()


# Fields offered per kind in the mapping step, in display order; the first tuple is required.
_KIND_FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "orders": (
        ("order_no", "created_at", "paid"),
        ("line_no", "status", "paid_at", "shipped_at", "completed_at", "buyer_account", "receiver_name",
         "receiver_phone", "address", "province", "shop", "source", "goods", "shipping", "discount",
         "paid_net", "refund", "title", "spec", "sku_code", "item_id", "qty", "unit_price", "line_paid", "line_refund"),
    ),
    "lines": (
        ("order_no", "qty"),
        ("line_no", "title", "spec", "sku_code", "item_id", "unit_price", "line_paid", "line_refund", "status"),
    ),
    "refunds": (
        ("refund_no", "order_no", "amount"),
        ("refund_shipping", "refund_status", "applied_at", "completed_at", "title", "sku_code", "reason"),
    ),
    "traffic": (("day", "visitors"), ("platform_name", "page_views", "paying_buyers", "ad_spend")),
    "products": (
        ("sku_code",),
        ("title", "spec", "category", "cost", "price", "on_hand", "in_transit", "supplier",
         "lead_time_days", "order_multiple", "item_id"),
    ),
    "members": (
        ("buyer_account",),
        ("name", "phone", "orders_count", "spend", "last_order_at", "first_order_at", "tags", "source", "points"),
    ),
}


def fields_for(kind: str) -> list[FieldSpec]:
    """ShopDesk's fields for one kind, required ones first (labels in the current language)."""
    if kind not in _KIND_FIELDS:
        raise ValueError(f"unknown import kind {kind!r}")
    labels = _labels()
    required, optional = _KIND_FIELDS[kind]
    return [FieldSpec(k, labels[k], True) for k in required] + [FieldSpec(k, labels[k], False) for k in optional]


def required_fields(kind: str) -> tuple[str, ...]:
    return _KIND_FIELDS[kind][0]
