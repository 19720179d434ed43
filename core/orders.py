"""Order facts every writer of orders shares (the importer and the demo shop).

Normalized statuses and the "paid"/"payment date" rules of spec/kpi.md live here so that
the KPI SQL can rely on the stored ``is_paid`` and ``pay_date`` columns.
"""
from __future__ import annotations

import datetime as dt

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
