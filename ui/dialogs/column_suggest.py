"""Which column of an unrecognised file probably holds which ShopDesk field, from the header names.

The column-matching step pre-fills its combos with these guesses (the owner can change each).
A field's candidates are its label (in both languages), the headers the platform alias tables
(``core.imports.platforms``) use for it, and common hand-made spellings (单号, 金额, 昵称 …).
Each header is compared with them exactly, as a part of a longer name ("实付金额(元)"), or
loosely (difflib); every header goes to at most one field, best score first.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from core.imports.headers import norm

MIN_SCORE = 0.6  # below this a header is not suggested at all

# Spellings seen in home-made sheets and small platforms' exports, beyond the alias tables.
COMMON_ALIASES: dict[str, tuple[str, ...]] = {
    "order_no": ("单号", "订单号", "订单编号", "订单ID", "主订单号", "主订单编号", "order no", "order number", "order id", "order"),
    "line_no": ("子订单号", "子订单编号", "子单号", "line no"),
    "status": ("状态", "订单状态", "交易状态", "status", "order status"),
    "created_at": ("下单时间", "创建时间", "订单创建时间", "下单日期", "日期", "成交时间", "created", "order date", "date"),
    "paid_at": ("付款时间", "支付时间", "付款日期", "支付日期", "paid at", "payment time", "payment date"),
    "shipped_at": ("发货时间", "发货日期", "shipped at"),
    "completed_at": ("完成时间", "确认收货时间", "交易成功时间", "completed at"),
    "cancelled_at": ("取消时间", "关闭时间", "cancelled at"),
    "buyer_account": ("买家", "昵称", "买家昵称", "买家账号", "会员名", "客户", "顾客", "用户名", "customer", "buyer"),
    "buyer_phone": ("买家电话", "买家手机", "buyer phone"),
    "receiver_name": ("收货人", "收件人", "收货人姓名", "收件人姓名", "receiver"),
    "receiver_phone": ("收货人电话", "收件人电话", "收货人手机", "手机", "手机号", "电话", "联系电话", "phone"),
    "address": ("地址", "收货地址", "详细地址", "address"),
    "province": ("省份", "省", "province"),
    "shop": ("店铺", "店铺名称", "店名", "shop", "store"),
    "source": ("来源", "渠道", "订单来源", "source", "channel"),
    "goods": ("商品金额", "货款", "商品总价", "goods amount", "subtotal"),
    "shipping": ("运费", "邮费", "快递费", "shipping"),
    "discount": ("优惠", "折扣", "优惠金额", "discount"),
    "paid": ("金额", "实付金额", "实付", "实收", "实收金额", "付款金额", "支付金额", "收款", "收款金额",
             "订单金额", "应付金额", "总金额", "成交金额", "amount", "total", "paid"),
    "refund": ("退款金额", "退款", "refund"),
    "order_title": ("宝贝标题", "商品标题"),
    "order_qty": ("总数量", "宝贝总数量"),
    "title": ("商品", "标题", "商品名称", "商品标题", "宝贝标题", "宝贝名称", "品名", "货品", "产品", "产品名称",
              "名称", "item", "product", "title"),
    "spec": ("规格", "属性", "款式", "颜色/尺码", "商品规格", "sku属性", "variant", "spec"),
    "sku_code": ("编码", "SKU", "商家编码", "商品编码", "货号", "SKU编码", "规格编码", "sku code"),
    "item_id": ("商品ID", "商品编号", "宝贝ID", "item id", "product id"),
    "qty": ("数量", "件数", "购买数量", "商品数量", "qty", "quantity"),
    "unit_price": ("单价", "价格", "售价", "unit price", "price"),
    "line_paid": ("子单实付", "子订单金额"),
    "line_refund": ("子单退款",),
    "refund_no": ("退款单号", "退款编号", "售后单号", "refund no"),
    "amount": ("退款金额", "金额", "refund amount", "amount"),
    "refund_status": ("退款状态", "售后状态", "状态", "refund status"),
    "applied_at": ("申请时间", "退款申请时间", "applied at"),
    "reason": ("原因", "退款原因", "reason"),
    "day": ("日期", "统计日期", "date", "day"),
    "visitors": ("访客数", "访客", "UV", "visitors"),
    "page_views": ("浏览量", "PV", "page views"),
    "paying_buyers": ("支付买家数", "成交人数", "paying buyers"),
    "ad_spend": ("推广花费", "广告费", "推广费", "ad spend"),
    "platform_name": ("平台", "platform"),
    "category": ("类目", "分类", "category"),
    "cost": ("成本", "成本价", "进价", "采购价", "cost"),
    "price": ("售价", "价格", "零售价", "price"),
    "on_hand": ("库存", "现有库存", "可用库存", "stock"),
    "in_transit": ("在途", "在途库存", "in transit"),
    "supplier": ("供应商", "supplier"),
    "lead_time_days": ("采购周期", "交期", "lead time"),
    "order_multiple": ("起订量", "箱规"),
    "name": ("姓名", "名字", "name"),
    "phone": ("手机", "手机号", "电话", "phone"),
    "orders_count": ("订单数", "购买次数", "orders"),
    "spend": ("消费金额", "累计消费", "spend"),
    "last_order_at": ("最后购买时间", "最近下单时间", "last order"),
    "first_order_at": ("首次购买时间", "first order"),
    "tags": ("标签", "tags"),
    "points": ("积分", "points"),
}

_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def _variants(text: str) -> set[str]:
    """``"SKU code (商家编码)"`` → its normalised whole, the part outside and the part inside the brackets."""
    key = norm(text)
    out = {key}
    outside = _BRACKETS.sub("", key)
    if outside:
        out.add(outside)
    out.update(m.strip("()[]") for m in _BRACKETS.findall(key))
    return {v for v in out if v}


@lru_cache(maxsize=1)
def _layout_aliases() -> dict[str, frozenset[str]]:
    from core.imports.platforms import all_layouts

    found: dict[str, set[str]] = {}
    for layout in all_layouts():
        for key, aliases in layout.norm_fields.items():
            found.setdefault(key, set()).update(a for a in aliases if a)
    return {k: frozenset(v) for k, v in found.items()}


def field_aliases(key: str, labels: Iterable[str] = ()) -> set[str]:
    """Every normalised name that may mean field ``key``."""
    names = set(_layout_aliases().get(key, ()))
    for alias in COMMON_ALIASES.get(key, ()):
        names.update(_variants(alias))
    for label in labels:
        names.update(_variants(label))
    return names


def score(header: str, aliases: Iterable[str]) -> float:
    """How well ``header`` fits a field whose names are ``aliases`` (above 0.9: one of its names)."""
    best = 0.0
    for h in _variants(header):
        for a in aliases:
            if h == a:
                # Longer names are more specific: 实付金额 wins over 金额 when a file has both.
                best = max(best, 0.9 + 0.1 * min(len(a), 8) / 8)
            elif len(a) >= 2 and a in h:
                best = max(best, 0.7 + 0.2 * len(a) / len(h))
            elif len(h) >= 2 and h in a:
                best = max(best, 0.45 + 0.25 * len(h) / len(a))
            else:
                ratio = difflib.SequenceMatcher(None, h, a).ratio()
                if ratio >= 0.75:
                    best = max(best, 0.8 * ratio)
    return best


def suggest_columns(
    fields: Sequence[tuple[str, Iterable[str]]],
    headers: Sequence[str],
    known: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """Field key → header, for ``fields`` given as ``(key, labels)`` in display order.

    ``known`` (core's own partial match) is kept where it names a header of the file; the
    other fields get the best remaining header scoring at least ``MIN_SCORE``. A header is
    suggested for one field only; on equal scores the earlier (required) field wins.
    """
    present = [h for h in headers if str(h).strip()]
    keys = [k for k, _ in fields]
    chosen: dict[str, str] = {}
    for key, header in (known or {}).items():
        if key in keys and header in present and header not in chosen.values():
            chosen[key] = header
    candidates = []
    for order, (key, labels) in enumerate(fields):
        if key in chosen:
            continue
        aliases = field_aliases(key, labels)
        for position, header in enumerate(present):
            value = score(header, aliases)
            if value >= MIN_SCORE:
                candidates.append((-value, order, position, key, header))
    used = set(chosen.values())
    for _neg, _order, _pos, key, header in sorted(candidates):
        if key in chosen or header in used:
            continue
        chosen[key] = header
        used.add(header)
    return chosen


@lru_cache(maxsize=1)
def _english_of() -> dict[str, str]:
    from core.i18n import catalog

    return {zh: en for en, zh in catalog("zh_CN").items()}


def label_names(label: str) -> list[str]:
    """A field label and its counterpart in the other language (labels come in the screen's language)."""
    from core.i18n import catalog

    other = catalog("zh_CN").get(label) or _english_of().get(label)
    return [label, other] if other else [label]
