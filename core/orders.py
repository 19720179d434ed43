"""Order facts every writer of orders shares (the importer and the demo shop).

Normalized statuses and the "paid"/"payment date" rules of spec/kpi.md live here so that
the KPI SQL can rely on the stored ``is_paid`` and ``pay_date`` columns.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

PENDING_PAYMENT = "pending_payment"
PAID = "paid"
SHIPPED = "shipped"
COMPLETED = "completed"
CLOSED = "closed"
REFUNDED = "refunded"

STATUSES = (PENDING_PAYMENT, PAID, SHIPPED, COMPLETED, CLOSED, REFUNDED)
PAID_STATUSES = frozenset({PAID, SHIPPED, COMPLETED, REFUNDED})

PLATFORMS = (
    "taobao", "jd", "pdd", "douyin", "kuaishou", "youzan", "shopify",
    "wechat", "xiaohongshu", "offline", "other",
)


def derive_payment(
    status: str, paid_at: dt.datetime | None, created_at: dt.datetime | None
) -> tuple[bool, dt.date | None]:
    """``(is_paid, pay_date)`` per spec/kpi.md "Orders and payment".

    Paid: a payment time, or a paid-like normalized status. The payment date is the payment
    time's date, else the creation date (exports without a payment column).
    """
    is_paid = paid_at is not None or status in PAID_STATUSES
    when = paid_at or created_at
    return is_paid, (when.date() if when else None)


def line_totals(lines: Iterable[Mapping[str, Any]]) -> dict[str, int | None]:
    """The order columns derived from its lines (``units`` … ``open_qty``); EVERY writer of
    orders or lines sets them from the order's lines as stored after the write.

    ``units`` is None for an order without lines (units are then unknown, spec/kpi.md).
    SKU sales share the order's paid amount, less ``line_paid_fen`` (lines with their own
    paid amount), over the other lines by ``open_weight_fen`` (price × qty), else ``open_qty``.
    """
    units = paid = weight = qty = 0
    seen = False
    for ln in lines:
        seen = True
        q = ln.get("qty") or 0
        units += q
        if ln.get("paid_fen") is None:
            weight += (ln.get("unit_price_fen") or 0) * q
            qty += q
        else:
            paid += ln["paid_fen"]
    return {"units": units if seen else None, "line_paid_fen": paid, "open_weight_fen": weight, "open_qty": qty}
