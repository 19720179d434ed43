"""Platform status texts → the normalized statuses of spec/kpi.md.

Texts are compared after folding full-width punctuation and stripping JD's ``(删除)``/``(锁定)``
prefixes. Exact texts seen in real exports come first; a few keyword rules catch the
variants platforms keep inventing. Anything else is *unknown*: kept verbatim in
``status_text``, mapped by its payment time, and reported as a warning.
"""
from __future__ import annotations

import datetime as dt
import re

from core.orders import CLOSED, COMPLETED, PAID, PENDING_PAYMENT, REFUNDED, SHIPPED

_FOLD = str.maketrans({"，": ",", "（": "(", "）": ")", "：": ":", "；": ";", "\u3000": " ", "！": "!"})
_PREFIX = re.compile(r"^\((删除|锁定)\)\s*")

_EXACT: dict[str, str] = {}
for _status, _texts in {
    PENDING_PAYMENT: (
        "等待买家付款", "待支付", "等待付款", "待付款", "未付款", "未支付", "待买家付款",
        "pending", "authorized",
    ),
    PAID: (
        "买家已付款,等待卖家发货", "买家已付款", "等待卖家发货", "待发货", "等待出库", "备货中",
        "已付款", "已支付", "待出库", "部分发货", "卖家部分发货", "待成团", "已成团,待发货",
        "paid", "partially_paid", "partially_refunded",
    ),
    SHIPPED: (
        "卖家已发货,等待买家确认", "卖家已发货", "等待买家确认", "已发货", "等待确认收货",
        "待签收", "已发货,待签收", "待收货", "运输中", "派送中",
    ),
    COMPLETED: (
        "交易成功", "交易完成", "已完成", "完成", "已签收", "已收货", "买家已收货", "待评价",
        "已结算", "已评价",
    ),
    CLOSED: ("交易关闭", "已取消", "已关闭", "订单关闭", "取消", "关闭", "voided"),
    REFUNDED: (
        "退款成功", "已退款", "未发货,退款成功", "已发货,退款成功", "已签收,退款成功",
        "交易关闭(退款成功)", "全额退款", "refunded",
    ),
}.items():
    for _text in _texts:
        _EXACT[_text] = _status

# Keyword rules, checked in order, for texts not in the table above.
_KEYWORDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("退款成功", "已退款", "全额退款"), REFUNDED),
    (("关闭", "取消"), CLOSED),
    (("待付款", "待支付", "等待付款", "未付款"), PENDING_PAYMENT),
    (("交易成功", "已完成", "签收", "已收货", "交易完成"), COMPLETED),
    (("已发货", "待收货", "确认收货"), SHIPPED),
    (("待发货", "已付款", "出库", "备货", "已支付"), PAID),
)


def fold(text: str) -> str:
    s = text.translate(_FOLD).replace("\t", "").strip()
    s = _PREFIX.sub("", s)
    return re.sub(r"\s*,\s*", ",", s)


def normalize_status(text: str | None, paid_at: dt.datetime | None) -> tuple[str, bool]:
    """``(status, known)``; ``known`` is False for a text ShopDesk does not recognise.

    "Closed" means paid-then-refunded when the order carries a payment time (spec/kpi.md).
    """
    if not text:
        return (PAID if paid_at else PENDING_PAYMENT), True
    key = fold(text)
    status = _EXACT.get(key) or _EXACT.get(key.lower())
    if status is None:
        for words, candidate in _KEYWORDS:
            if any(w in key for w in words):
                status = candidate
                break
    if status is None:
        return (PAID if paid_at else PENDING_PAYMENT), False
    if status == CLOSED and paid_at is not None:
        return REFUNDED, True
    return status, True


def shopify_status(
    financial: str | None, fulfillment: str | None, cancelled_at: dt.datetime | None, paid_at: dt.datetime | None
) -> tuple[str, str, bool]:
    """Shopify splits state over Financial Status, Fulfillment Status and Cancelled at.

    Returns ``(status, status_text, known)``. Shopify has no "received" state, so a fulfilled
    order counts as shipped.
    """
    fin = (financial or "").strip().lower()
    ful = (fulfillment or "").strip().lower()
    text = " / ".join(x for x in (fin, ful) if x)
    if fin in ("refunded",):
        return REFUNDED, text, True
    if fin == "voided" or (cancelled_at is not None and fin not in ("paid", "partially_refunded")):
        return (REFUNDED if paid_at else CLOSED), text, True
    if fin in ("pending", "authorized", ""):
        if fin == "" and paid_at is not None:
            return PAID, text, True
        return PENDING_PAYMENT, text, fin != "" or not text
    if fin in ("paid", "partially_paid", "partially_refunded"):
        if ful in ("fulfilled", "partial", "restocked"):
            return SHIPPED, text, True
        return PAID, text, True
    return (PAID if paid_at else PENDING_PAYMENT), text, False


def refund_status(text: str | None) -> str:
    """After-sale texts → ``success`` | ``closed`` | ``pending`` (the ``refunds.status`` values)."""
    if not text:
        return "pending"
    key = fold(text)
    if "退款成功" in key or key in ("已退款", "退款完成", "success", "refunded"):
        return "success"
    if any(w in key for w in ("关闭", "取消", "撤销", "拒绝", "失败", "换货成功")):
        return "closed"
    return "pending"
