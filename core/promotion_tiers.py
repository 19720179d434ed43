"""A promotion's tiers (``Promotion.rules``): 满减, 折扣 and 赠品 here, 拼团, 优惠券, 限时秒杀 and 会员专享
in ``core.promotion_rule_kinds``; as typed in the form and as stored.

Stored as the demo and the festival presets write them::

    {"type": "满减", "threshold_fen": 30000, "off_fen": 3000}        满300减30
    {"type": "折扣", "rate": 0.9}                                     9折 (pay 90 %)
    {"type": "折扣", "threshold_fen": 50000, "rate": 0.85}           满500打8.5折
    {"type": "赠品", "threshold_fen": 39900, "gift": "主人杯"}       满399送主人杯

Typed as ``满300减30; 满500减60`` (also ``满300减30 满500减60``, ``、``/``，`` between tiers, ``300-30``,
``8.5折``, ``15% off``, ``满399送主人杯``). ``每满300减30`` (so much off for *every* ¥300) is refused with
the tiers to type instead: a stored 满减 tier takes its reduction once.
Validation refuses what a platform's sign-up page would refuse, naming the tier: a reduction as
large as its threshold (满30减30 gives the goods away), a discount outside 0–90 % off, and tiers
of one kind that do not rise in both threshold and depth (满500减40 after 满300减50 is never
chosen by a buyer who reaches 500). Rule types the form does not edit (none written by ShopDesk
today; a hand-edited database may hold others) are kept as stored.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from core import promotion_rule_kinds as more
from core.edits.base import FieldError
from core.i18n import t
from core.typed_values import MAX_FEN

MANJIAN, DISCOUNT, GIFT = "满减", "折扣", "赠品"
BASIC = (MANJIAN, DISCOUNT, GIFT)
EDITABLE = BASIC + more.KINDS
MAX_TIERS = 10
MAX_DEPTH = Decimal("0.9")  # 1折: more than 90 % off is a typo (or a giveaway: use 赠品)

_AMOUNT = r"(\d+(?:\.\d{1,2})?)\s*(?:元|块|yuan|¥)?"
_PATTERNS = (
    (MANJIAN, re.compile(rf"^满\s*¥?{_AMOUNT}\s*减\s*¥?{_AMOUNT}$")),
    (MANJIAN, re.compile(rf"^¥?{_AMOUNT}\s*[-−–]\s*¥?{_AMOUNT}$")),
    (DISCOUNT, re.compile(rf"^(?:满\s*¥?{_AMOUNT}\s*)?打?\s*(\d{{1,2}}(?:\.\d{{1,2}})?)\s*折$")),
    (DISCOUNT, re.compile(rf"^(?:(?:满|over|from)\s*¥?{_AMOUNT}\s*[:：]?\s*)?(\d{{1,3}}(?:\.\d{{1,2}})?)\s*[%％]\s*(?:off)?$",
                          re.IGNORECASE)),
    (GIFT, re.compile(rf"^满\s*¥?{_AMOUNT}\s*(?:送|赠)\s*(.+)$")),
)
_SPLIT = re.compile(r"[;；,，、\n]+")
_PER_EVERY = re.compile(rf"每\s*满\s*¥?{_AMOUNT}\s*(?:减\s*¥?{_AMOUNT})?")
MAX_WORDS = 12  # words in one piece between separators: the search below tries every grouping of them
EXAMPLES = "满300减30; 满500减60 · 9折 · 满500打8.5折 · 满399送主人杯 · " + more.EXAMPLES


def _fen(text: str) -> int:
    return int((Decimal(text) * 100).quantize(Decimal(1), ROUND_HALF_UP))


def _yuan(fen: int) -> str:
    return f"{fen // 100}" if fen % 100 == 0 else f"{fen / 100:.2f}"


def _zhe(rate: float) -> str:
    """0.9 → ``9``, 0.88 → ``8.8``, 0.855 → ``8.55`` (the 折 number)."""
    return f"{Decimal(str(rate)) * 10:.2f}".rstrip("0").rstrip(".")


def parse_tiers(text: str) -> list[dict[str, Any]]:
    """The rules typed in the form's Tiers field; refuses what it cannot read, naming it.

    Tiers are separated by ``;``, ``,``, ``、``, a new line or spaces (``满300减30 满500减60``); a
    tier that itself holds spaces (``券 满199减20``, ``3人团 ¥59``, ``15% off``) is read whole.
    """
    _refuse_per_every(text or "")
    rules: list[dict[str, Any]] = []
    for part in _SPLIT.split(text or ""):
        part = part.strip()
        if not part:
            continue
        rules.extend(_parse_spaced(part))
    return rules


def _refuse_per_every(text: str) -> None:
    """每满300减30 takes ¥30 off for every ¥300 (¥60 off ¥600 …): a rule the stored tiers cannot hold."""
    m = _PER_EVERY.search(text)
    if not m:
        return
    if m.group(2):
        step, off = _fen(m.group(1)), _fen(m.group(2))
        example = ", ".join(f"满{_yuan(step * k)}减{_yuan(off * k)}" for k in (1, 2, 3))
    else:
        example = "满300减30, 满600减60, 满900减90"
    raise FieldError(t("“{text}”: 每满减 (so much off for every so much spent) is not supported. Type the tiers "
                       "it gives instead, e.g. {example}.", text=m.group(0).strip(), example=example), field="rules")


def _parse_spaced(part: str) -> list[dict[str, Any]]:
    """One piece between separators: a tier, or tiers separated by spaces (the fewest words each that read)."""
    words = part.split()
    if len(words) == 1 or len(words) > MAX_WORDS:
        return [_parse_one(part)]
    readable: dict[tuple[int, int], dict[str, Any] | None] = {}

    def tier(i: int, j: int) -> dict[str, Any] | None:
        if (i, j) not in readable:
            try:
                readable[(i, j)] = _parse_one(" ".join(words[i:j]))
            except FieldError:
                readable[(i, j)] = None
        return readable[(i, j)]

    def split(i: int) -> list[dict[str, Any]] | None:
        if i == len(words):
            return []
        for j in range(i + 1, len(words) + 1):
            rule = tier(i, j)
            rest = split(j) if rule is not None else None
            if rest is not None:
                return [rule, *rest]
        return None

    rules = split(0)
    if rules is not None:
        return rules
    i = 0  # name the first words no grouping reads
    while i < len(words):
        j = next((j for j in range(i + 1, len(words) + 1) if tier(i, j) is not None), None)
        if j is None:
            break
        i = j
    return [_parse_one(" ".join(words[i:]) if i < len(words) else part)]


def _parse_one(part: str) -> dict[str, Any]:
    other = more.parse_one(part)
    if other is not None:
        return other
    for kind, pattern in _PATTERNS:
        m = pattern.match(part)
        if not m:
            continue
        try:
            if kind == MANJIAN:
                return {"type": MANJIAN, "threshold_fen": _fen(m.group(1)), "off_fen": _fen(m.group(2))}
            if kind == GIFT:
                return {"type": GIFT, "threshold_fen": _fen(m.group(1)), "gift": m.group(2).strip()}
            threshold, number = m.group(1), Decimal(m.group(2))
            rate = number / 10 if part.endswith("折") else 1 - number / 100  # 8.5折 pays 85 %; 15 % off pays 85 %
            rule: dict[str, Any] = {"type": DISCOUNT, "rate": float(rate)}
            if threshold:
                rule["threshold_fen"] = _fen(threshold)
            return rule
        except InvalidOperation:  # the patterns only let digits through; a guard, not a path
            break
    raise FieldError(t("“{text}” is not a tier ShopDesk can read. Type tiers such as {examples}.", text=part,
                       examples=EXAMPLES), field="rules")


def tier_text(rule: Mapping[str, Any]) -> str:
    """One rule as the form shows it (``parse_tiers`` reads it back)."""
    kind = rule.get("type")
    if kind in more.KINDS:
        return more.text_of(rule)
    if kind == MANJIAN:
        return f"满{_yuan(int(rule['threshold_fen']))}减{_yuan(int(rule['off_fen']))}"
    if kind == DISCOUNT:
        zhe = f"{_zhe(float(rule['rate']))}折"
        return f"满{_yuan(int(rule['threshold_fen']))}打{zhe}" if rule.get("threshold_fen") else zhe
    if kind == GIFT:
        return f"满{_yuan(int(rule.get('threshold_fen') or 0))}送{rule.get('gift', '')}"
    return str(kind or "?")


def tiers_text(rules: Iterable[Mapping[str, Any]] | None) -> str:
    """The editable rules of a promotion as the form's Tiers field shows them."""
    return "; ".join(tier_text(r) for r in rules or () if r.get("type") in EDITABLE)


def validate_tiers(rules: Any) -> list[dict[str, Any]]:
    """The rules as stored, after checking each one and each kind's tiers together."""
    out: list[dict[str, Any]] = []
    for rule in rules or ():
        if not isinstance(rule, Mapping) or rule.get("type") not in EDITABLE:
            raise FieldError(t("A tier is 满减 (满300减30), a discount (9折, 满500打8.5折), a gift (满399送主人杯), "
                               "a group buy (3人团 ¥59), a coupon (券 满199减20), a flash sale (秒杀 ¥39) or a "
                               "member price (会员 9.5折)."), field="rules")
        out.append(more.check_one(rule) if rule["type"] in more.KINDS else _check_one(dict(rule)))
    if len(out) > MAX_TIERS:
        raise FieldError(t("{n} tiers is more than a promotion page shows; keep at most {max}.", n=len(out),
                           max=MAX_TIERS), field="rules")
    for kind in BASIC:
        _check_rising([r for r in out if r["type"] == kind])
    more.check_together(out)
    return out


def _amount(rule: dict[str, Any], key: str, text: str, *, positive: bool) -> int:
    value = rule.get(key, 0)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0 or value >= MAX_FEN or (positive and not value):
        raise FieldError(t("{tier}: the amounts must be yuan above ¥0.", tier=text), field="rules")
    return value


def _check_one(rule: dict[str, Any]) -> dict[str, Any]:
    text = tier_text(rule) if all(k in rule for k in ("threshold_fen", "off_fen")) or rule["type"] != MANJIAN else "满减"
    if rule["type"] == MANJIAN:
        threshold = _amount(rule, "threshold_fen", text, positive=True)
        off = _amount(rule, "off_fen", text, positive=True)
        if threshold <= off:
            raise FieldError(t("{tier}: the threshold must be above its reduction, or the order is free. "
                               "Type e.g. 满300减30.", tier=text), field="rules")
        return {"type": MANJIAN, "threshold_fen": threshold, "off_fen": off}
    if rule["type"] == DISCOUNT:
        rate = rule.get("rate")
        if not isinstance(rate, (int, float)) or isinstance(rate, bool):
            raise FieldError(t("A discount needs its 折, e.g. 9折 or 8.5折."), field="rules")
        depth = 1 - Decimal(str(rate))
        if not 0 < depth <= MAX_DEPTH:
            raise FieldError(t("{tier}: a discount takes more than 0 % and at most 90 % off (9.9折 to 1折); this one "
                               "takes {depth} off.", tier=text, depth=f"{depth * 100:.0f} %"), field="rules")
        out: dict[str, Any] = {"type": DISCOUNT, "rate": float(rate)}
        if rule.get("threshold_fen"):
            out["threshold_fen"] = _amount(rule, "threshold_fen", text, positive=True)
        return out
    gift = str(rule.get("gift") or "").strip()
    if not gift:
        raise FieldError(t("Name the gift, e.g. 满399送主人杯."), field="rules")
    if len(gift) > 100:
        raise FieldError(t("The gift's name is {n} characters long; at most 100 fit.", n=len(gift)), field="rules")
    return {"type": GIFT, "threshold_fen": _amount(rule, "threshold_fen", text, positive=False), "gift": gift}


def _depth(rule: Mapping[str, Any]) -> Decimal:
    if rule["type"] == MANJIAN:
        return Decimal(rule["off_fen"])
    if rule["type"] == DISCOUNT:
        return 1 - Decimal(str(rule["rate"]))
    return Decimal(0)


def _check_rising(tiers: list[dict[str, Any]]) -> None:
    for before, tier in zip(tiers, tiers[1:]):
        a, b = tier_text(before), tier_text(tier)
        if tier.get("threshold_fen", 0) <= before.get("threshold_fen", 0):
            raise FieldError(t("{tier} comes after {before} but does not ask for more; list the tiers from the lowest "
                               "threshold up, each higher than the one before.", tier=b, before=a), field="rules")
        if tier["type"] != GIFT and _depth(tier) <= _depth(before):
            raise FieldError(t("{tier} asks for more than {before} but gives no more off; each tier must take more "
                               "off than the one before.", tier=b, before=a), field="rules")
