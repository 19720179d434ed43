"""The promotion rules beyond 满减/折扣/赠品: 拼团, 优惠券, 限时秒杀 and 会员专享 (core.promotion_tiers
reads, shows and checks them through this module).

Stored as::

    {"type": "拼团", "group_size": 3, "price_fen": 5900}               3人团 ¥59 (each buyer pays ¥59)
    {"type": "优惠券", "threshold_fen": 19900, "off_fen": 2000}       券 满199减20
    {"type": "优惠券", "threshold_fen": 0, "off_fen": 1000}           券 无门槛10 (no threshold)
    {"type": "限时秒杀", "price_fen": 3900}                           秒杀 ¥39 (a price)
    {"type": "限时秒杀", "rate": 0.5}                                 秒杀 5折 (a discount)
    {"type": "会员专享", "rate": 0.95}                                会员 9.5折

Refused, naming the rule: a 拼团 of fewer than 2 or more than 100 people or without a price,
groups that grow without getting cheaper; a coupon worth as much as its threshold; a 秒杀 or
member discount outside 0–90 % off; coupons that do not rise in both threshold and value.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from core.edits.base import FieldError
from core.i18n import t
from core.typed_values import MAX_FEN

GROUP, COUPON, FLASH, MEMBER = "拼团", "优惠券", "限时秒杀", "会员专享"
KINDS = (GROUP, COUPON, FLASH, MEMBER)
MAX_DEPTH = Decimal("0.9")
MAX_GROUP = 100
EXAMPLES = "3人团 ¥59 · 券 满199减20 · 券 无门槛10 · 秒杀 ¥39 · 秒杀 5折 · 会员 9.5折"

_AMOUNT = r"(\d+(?:\.\d{1,2})?)\s*(?:元|块|yuan)?"
_ZHE = r"(\d{1,2}(?:\.\d{1,2})?)\s*折"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (GROUP, re.compile(rf"^(?:拼团\s*)?(\d+)\s*人团\s*[:：]?\s*¥?\s*{_AMOUNT}$")),
    (GROUP, re.compile(rf"^group\s+of\s+(\d+)\s*[:：@]?\s*¥?\s*{_AMOUNT}$", re.IGNORECASE)),
    (COUPON, re.compile(rf"^(?:优惠)?券\s*[:：]?\s*满\s*¥?{_AMOUNT}\s*减\s*¥?{_AMOUNT}$")),
    (COUPON, re.compile(rf"^满\s*¥?{_AMOUNT}\s*减\s*¥?{_AMOUNT}\s*(?:优惠)?券$")),
    (COUPON, re.compile(rf"^(?:优惠)?券\s*[:：]?\s*无门槛\s*¥?{_AMOUNT}$")),
    (COUPON, re.compile(rf"^无门槛\s*¥?{_AMOUNT}\s*(?:优惠)?券$")),
    (COUPON, re.compile(rf"^coupon\s+¥?{_AMOUNT}\s*(?:over|from)\s*¥?{_AMOUNT}$", re.IGNORECASE)),
    (FLASH, re.compile(rf"^(?:限时)?秒杀\s*[:：]?\s*¥\s*{_AMOUNT}$")),
    (FLASH, re.compile(rf"^(?:限时)?秒杀\s*[:：]?\s*{_ZHE}$")),
    (FLASH, re.compile(rf"^(?:限时)?秒杀\s*[:：]?\s*{_AMOUNT}$")),
    (MEMBER, re.compile(rf"^会员(?:专享)?\s*[:：]?\s*{_ZHE}$")),
)


def _fen(text: str) -> int:
    return int((Decimal(text) * 100).quantize(Decimal(1), ROUND_HALF_UP))


def _yuan(fen: int) -> str:
    return f"{fen // 100}" if fen % 100 == 0 else f"{fen / 100:.2f}"


def _zhe(rate: float) -> str:
    return f"{Decimal(str(rate)) * 10:.2f}".rstrip("0").rstrip(".")


def _rate_of(number: str) -> float:
    """The price paid of a typed 折: ``9.5`` → 0.95, and ``95`` (as in 95折, 88折) → 0.95 too."""
    value = Decimal(number)
    if value > 10 and "." not in number:
        value /= 10
    return float(value / 10)


def parse_one(part: str) -> dict[str, Any] | None:
    """One typed rule of these kinds, or None when the text is none of them."""
    for n, (kind, pattern) in enumerate(_PATTERNS):
        m = pattern.match(part)
        if not m:
            continue
        if kind == GROUP:
            return {"type": GROUP, "group_size": int(m.group(1)), "price_fen": _fen(m.group(2))}
        if kind == COUPON:
            groups = [g for g in m.groups() if g is not None]
            if len(groups) == 1:
                return {"type": COUPON, "threshold_fen": 0, "off_fen": _fen(groups[0])}
            if _PATTERNS[n][1].pattern.startswith("^coupon"):
                return {"type": COUPON, "threshold_fen": _fen(groups[1]), "off_fen": _fen(groups[0])}
            return {"type": COUPON, "threshold_fen": _fen(groups[0]), "off_fen": _fen(groups[1])}
        if kind == FLASH:
            if part.endswith("折"):
                return {"type": FLASH, "rate": _rate_of(m.group(1))}
            return {"type": FLASH, "price_fen": _fen(m.group(1))}
        return {"type": MEMBER, "rate": _rate_of(m.group(1))}
    return None


def text_of(rule: Mapping[str, Any]) -> str:
    """One rule as the form shows it (``parse_one`` reads it back)."""
    kind = rule.get("type")
    if kind == GROUP:
        price = rule.get("price_fen")
        return f"{rule.get('group_size', '?')}人团 ¥{_yuan(int(price))}" if isinstance(price, int) else \
            f"{rule.get('group_size', '?')}人团"
    if kind == COUPON:
        off = _yuan(int(rule.get("off_fen") or 0))
        threshold = int(rule.get("threshold_fen") or 0)
        return f"券 满{_yuan(threshold)}减{off}" if threshold else f"券 无门槛{off}"
    if kind == FLASH:
        if rule.get("price_fen") is not None:
            return f"秒杀 ¥{_yuan(int(rule['price_fen']))}"
        return f"秒杀 {_zhe(float(rule.get('rate') or 0))}折"
    if kind == MEMBER:
        return f"会员 {_zhe(float(rule.get('rate') or 0))}折"
    return str(kind or "?")


def _amount(rule: Mapping[str, Any], key: str, text: str, *, positive: bool = True) -> int:
    value = rule.get(key, 0)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0 or value >= MAX_FEN or (positive and not value):
        raise FieldError(t("{tier}: the amounts must be yuan above ¥0.", tier=text), field="rules")
    return value


def _rate(rule: Mapping[str, Any], text: str) -> float:
    rate = rule.get("rate")
    if not isinstance(rate, (int, float)) or isinstance(rate, bool):
        raise FieldError(t("A discount needs its 折, e.g. 9折 or 8.5折."), field="rules")
    depth = 1 - Decimal(str(rate))
    if not 0 < depth <= MAX_DEPTH:
        raise FieldError(t("{tier}: a discount takes more than 0 % and at most 90 % off (9.9折 to 1折); this one "
                           "takes {depth} off.", tier=text, depth=f"{depth * 100:.0f} %"), field="rules")
    return float(rate)


def check_one(rule: Mapping[str, Any]) -> dict[str, Any]:
    """The rule as stored, after checking it alone."""
    kind, text = rule["type"], text_of(rule)
    if kind == GROUP:
        size = rule.get("group_size")
        if not isinstance(size, int) or isinstance(size, bool) or not 2 <= size <= MAX_GROUP:
            raise FieldError(t("{tier}: a group buy is for 2 to 100 people. Type e.g. 3人团 ¥59.", tier=text),
                             field="rules")
        if not isinstance(rule.get("price_fen"), int):
            raise FieldError(t("{tier}: give the price each buyer of the group pays, e.g. 3人团 ¥59.", tier=text),
                             field="rules")
        return {"type": GROUP, "group_size": size, "price_fen": _amount(rule, "price_fen", text)}
    if kind == COUPON:
        off = _amount(rule, "off_fen", text)
        threshold = _amount(rule, "threshold_fen", text, positive=False)
        if threshold and threshold <= off:
            raise FieldError(t("{tier}: the coupon's threshold must be above its value, or the order is free. "
                               "Type e.g. 券 满199减20, or 券 无门槛10 for one without a threshold.", tier=text),
                             field="rules")
        return {"type": COUPON, "threshold_fen": threshold, "off_fen": off}
    if kind == FLASH:
        if rule.get("price_fen") is not None:
            return {"type": FLASH, "price_fen": _amount(rule, "price_fen", text)}
        return {"type": FLASH, "rate": _rate(rule, text)}
    return {"type": MEMBER, "rate": _rate(rule, text)}


def check_together(rules: list[dict[str, Any]]) -> None:
    """Rules of one kind checked together: groups bigger and cheaper, coupons higher and worth more;
    one 秒杀 and one member price per promotion."""
    groups = [r for r in rules if r["type"] == GROUP]
    for before, rule in zip(groups, groups[1:]):
        if rule["group_size"] <= before["group_size"] or rule["price_fen"] >= before["price_fen"]:
            raise FieldError(t("{tier} comes after {before}: list the groups from the smallest up, each bigger and "
                               "cheaper than the one before.", tier=text_of(rule), before=text_of(before)),
                             field="rules")
    coupons = [r for r in rules if r["type"] == COUPON]
    for before, rule in zip(coupons, coupons[1:]):
        if rule["threshold_fen"] <= before["threshold_fen"] or rule["off_fen"] <= before["off_fen"]:
            raise FieldError(t("{tier} comes after {before}: list the coupons from the lowest threshold up, each "
                               "asking for more and worth more than the one before.", tier=text_of(rule),
                               before=text_of(before)), field="rules")
    for kind in (FLASH, MEMBER):
        same = [r for r in rules if r["type"] == kind]
        if len(same) > 1:
            raise FieldError(t("{first} and {second}: a promotion has one {kind} price; keep one of them.",
                               first=text_of(same[0]), second=text_of(same[1]), kind=kind), field="rules")
