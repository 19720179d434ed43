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


# The names owners and exports use for each channel (an import's 平台 column, a promotion's channels).
PLATFORM_NAMES = {
    "淘宝": "taobao", "天猫": "taobao", "淘宝/天猫": "taobao", "淘宝天猫": "taobao", "千牛": "taobao", "tmall": "taobao",
    "京东": "jd", "京东商城": "jd", "拼多多": "pdd", "抖音": "douyin", "抖店": "douyin", "快手": "kuaishou", "快手小店": "kuaishou",
    "有赞": "youzan", "微信": "wechat", "微信小店": "wechat", "视频号": "wechat", "小红书": "xiaohongshu",
    "线下": "offline", "门店": "offline", "其他": "other", "其它": "other",
}


def platform_id(text: str | None) -> str | None:
    """The channel id of an id (any case) or one of the usual names (淘宝, 天猫, 京东 …); None if unknown."""
    if not text:
        return None
    s = str(text).strip()
    if s.lower() in PLATFORMS:
        return s.lower()
    return PLATFORM_NAMES.get(s) or PLATFORM_NAMES.get(s.lower())


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

    ``units`` is None for an order without lines or with a line of unknown quantity (``qty``
    NULL: an export without a quantity column); units are then unknown (spec/kpi.md).
    SKU sales share the order's paid amount, less ``line_paid_fen`` (lines with their own
    paid amount), over the other lines by ``open_weight_fen`` (price × qty), else ``open_qty``.
    """
    units = paid = weight = qty = 0
    seen = unknown = False
    for ln in lines:
        seen = True
        q = ln.get("qty")
        if q is None:  # the export had no quantity: units stay unknown until a line file says
            unknown, q = True, 0
        units += q
        if ln.get("paid_fen") is None:
            weight += (ln.get("unit_price_fen") or 0) * q
            qty += q
        else:
            paid += ln["paid_fen"]
    return {"units": units if seen and not unknown else None, "line_paid_fen": paid, "open_weight_fen": weight, "open_qty": qty}


# ---------------------------------------------------------------- line facts
# Each line carries copies of what SKU sales need from its order: the payment date (NULL unless
# the order is paid), the platform, and its share of the order's paid amount (``sales_fen``,
# a float so that SKUs add up to GMV; see core.kpi.series). With them, sales per SKU over a year
# are one covering-index scan of order_lines instead of a million lookups of orders.
#
# Triggers keep the copies right for every writer (ORM, undo, raw SQL; one implementation per
# engine in core.engines, both with this arithmetic): a change of an order's payment or amounts rewrites its lines, a new line without ``sales_fen`` and a changed quantity,
# price or amount recompute that line. Bulk writers set the facts themselves with ``line_facts``
# (same arithmetic, so the same floats) and skip the per-row trigger work.
SHARE_SQL = """CASE
    WHEN {l}.paid_fen IS NOT NULL THEN {l}.paid_fen
    WHEN {o}.open_weight_fen > 0 THEN (CAST({o}.paid_fen - {o}.line_paid_fen AS FLOAT) * {l}.unit_price_fen * COALESCE({l}.qty, 0)) / {o}.open_weight_fen
    WHEN {o}.open_qty > 0 THEN (CAST({o}.paid_fen - {o}.line_paid_fen AS FLOAT) * COALESCE({l}.qty, 0)) / {o}.open_qty
    ELSE 0.0 END"""


def line_facts(order: Mapping[str, Any], line: Mapping[str, Any]) -> dict[str, Any]:
    """``pay_date``, ``platform`` and ``sales_fen`` of ``line`` from its ``order`` row (with its
    line totals set): the Python twin of the triggers' SQL, operation for operation."""
    paid = line.get("paid_fen")
    if paid is not None:
        share = float(paid)
    elif order["open_weight_fen"] > 0:
        share = (float(order["paid_fen"] - order["line_paid_fen"]) * (line.get("unit_price_fen") or 0)
                 * (line.get("qty") or 0)) / order["open_weight_fen"]
    elif order["open_qty"] > 0:
        share = (float(order["paid_fen"] - order["line_paid_fen"]) * (line.get("qty") or 0)) / order["open_qty"]
    else:
        share = 0.0
    return {"pay_date": order["pay_date"] if order["is_paid"] else None, "platform": order["platform"], "sales_fen": share}
