"""Warnings about planned promotions, shown in the editor, as a badge on the calendar bars and as
the ``warnings`` key of ``export promotions``.

- **Overlap**: two promotions (not cancelled) share days, a channel (no channels = every
  channel) and goods (the whole shop, a category or a SKU): a buyer may get both, or the platform
  refuses the second sign-up.
- **Below cost**: the rules of one promotion stacked on a SKU push its price below its cost. The
  price is what one unit of the SKU sells for in the worst case the rules allow: the lowest of its
  list price, the 秒杀 price and the 拼团 price; then the deepest 秒杀/折扣 rate; then the 满减
  and the coupon that take the most off per unit (a buyer buying as many units as the threshold
  needs: 满300减50 on a ¥99 SKU is 4 units, ¥12.50 off each); then the member price. SKUs without a
  cost (¥0) cannot be checked and are not named.

Money in integer fen; rates rounded half up to the fen.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.i18n import list_text, t
from core.models import Promotion, Sku
from core.money import format_fen
from core.promotion_scope import covered_skus, is_whole_shop, normalise
from core.promotion_tiers import tier_text

MAX_NAMED_SKUS = 5  # a whole-shop promotion below cost on 300 SKUs names five and counts the rest


@dataclass(frozen=True)
class PlannedPromotion:
    """What the warnings look at, from the database or from the form before it is saved."""

    id: int | None
    name: str
    start: dt.date
    end: dt.date
    platforms: tuple[str, ...] = ()
    rules: tuple[Mapping[str, Any], ...] = ()
    scope: Mapping[str, Any] = field(default_factory=dict)
    cancelled: bool = False


@dataclass(frozen=True)
class SkuPrice:
    code: str
    title: str
    category: str
    price_fen: int
    cost_fen: int


def _ratio(rate: Any) -> tuple[int, int]:
    """A rate as the fraction it was typed as (0.855 is exactly 855/1000, not the float's binary value)."""
    return Decimal(str(rate)).as_integer_ratio()


def _times(price: int, q: tuple[int, int]) -> int:
    """``price`` × ``q`` rounded half up to the fen, in integers."""
    return (2 * price * q[0] + q[1]) // (2 * q[1])


def _per_unit_off(tiers: Sequence[Mapping[str, Any]], price: int) -> tuple[int, Mapping[str, Any] | None]:
    """The most a 满减 or coupon tier takes off one unit priced ``price`` (units bought to reach its threshold)."""
    best, chosen = 0, None
    for tier in tiers:
        threshold, off = int(tier.get("threshold_fen") or 0), int(tier.get("off_fen") or 0)
        units = max(-(-threshold // price), 1) if price > 0 else 1
        each = (2 * off + units) // (2 * units)  # off ÷ units, half up
        if each > best:
            best, chosen = each, tier
    return best, chosen


def _stacker(rules: Iterable[Mapping[str, Any]]):
    """``stacked_price`` for one set of rules, with the rules sorted out once (it runs per SKU)."""
    rules = list(rules)
    fixed = [r for r in rules if r.get("type") in ("限时秒杀", "拼团") and isinstance(r.get("price_fen"), int)]
    cheapest = min(fixed, key=lambda r: r["price_fen"]) if fixed else None
    rates = [r for r in rules if r.get("type") in ("折扣", "限时秒杀") and isinstance(r.get("rate"), (int, float))]
    deepest = min(rates, key=lambda r: r["rate"]) if rates else None
    manjian = [r for r in rules if r.get("type") == "满减"]
    coupons = [r for r in rules if r.get("type") == "优惠券"]
    member = next((r for r in rules if r.get("type") == "会员专享" and isinstance(r.get("rate"), (int, float))), None)
    deep_q = _ratio(deepest["rate"]) if deepest is not None else (1, 1)
    member_q = _ratio(member["rate"]) if member is not None else (1, 1)
    off_tiers = [tiers for tiers in (manjian, coupons) if tiers]

    def price_of(price: int) -> tuple[int, list[Mapping[str, Any]]]:
        used: list[Mapping[str, Any]] = []
        if cheapest is not None and cheapest["price_fen"] < price:
            price = cheapest["price_fen"]
            used.append(cheapest)
        if deepest is not None:
            price = _times(price, deep_q)
            used.append(deepest)
        for tiers in off_tiers:
            off, tier = _per_unit_off(tiers, price)
            if tier is not None:
                price -= off
                used.append(tier)
        if member is not None:
            price = _times(price, member_q)
            used.append(member)
        return max(price, 0), used

    return price_of


def stacked_price(price_fen: int, rules: Iterable[Mapping[str, Any]]) -> tuple[int, list[str]]:
    """The lowest price one unit can sell for under ``rules``, and the rules that got it there."""
    price, used = _stacker(rules)(price_fen)
    return price, [tier_text(r) for r in used]


def below_cost(promotion: PlannedPromotion, skus: Sequence[SkuPrice], cover: _Covered | None = None) -> list[str]:
    """One warning naming the SKUs the promotion's stacked rules sell below their cost."""
    if not promotion.rules:
        return []
    cover = cover or _Covered({s.code: s.category for s in skus})
    covered = cover(normalise(promotion.scope or {}))
    found = []
    stack, prices = _stacker(promotion.rules), {}  # SKUs of one price sell at the same promotion price
    for sku in skus:
        if sku.cost_fen <= 0 or sku.price_fen <= 0 or sku.code not in covered:
            continue
        if sku.price_fen not in prices:
            prices[sku.price_fen] = stack(sku.price_fen)
        price, used = prices[sku.price_fen]
        if used and price < sku.cost_fen:
            found.append((sku, price, used))
    if not found:
        return []
    named = [t("{sku} costs {cost}; with {rules} it sells at {price}", sku=f"{sku.code} {sku.title}".strip(),
               cost=format_fen(sku.cost_fen), rules=" + ".join(tier_text(r) for r in used), price=format_fen(price))
             for sku, price, used in found[:MAX_NAMED_SKUS]]
    more = len(found) - MAX_NAMED_SKUS
    text = "; ".join(named) + (t(" and {n} more SKU(s)", n=more) if more > 0 else "")
    return [t("Below cost: {skus}.", skus=text)]


def _names(categories: Sequence[str], skus: Sequence[str]) -> str:
    """``茶叶、TW010-01、TW010-02 and 3 more``: categories first, then at most five SKUs."""
    shown = list_text([*categories, *skus[:MAX_NAMED_SKUS]])
    return shown + (t(" and {n} more", n=len(skus) - MAX_NAMED_SKUS) if len(skus) > MAX_NAMED_SKUS else "")


class _Covered:
    """The SKUs each scope covers, computed once per distinct scope (a shop with thousands of SKUs
    and a hundred promotions compares scopes pair by pair)."""

    def __init__(self, sku_category: Mapping[str, str]) -> None:
        self.sku_category = sku_category
        self._cache: dict[tuple[tuple[str, ...], tuple[str, ...]], set[str]] = {}

    def __call__(self, scope: Mapping[str, list[str]]) -> set[str]:
        key = (tuple(scope.get("categories") or ()), tuple(scope.get("skus") or ()))
        if key not in self._cache:
            self._cache[key] = covered_skus(scope, self.sku_category)
        return self._cache[key]


def _overlap(a: PlannedPromotion, b: PlannedPromotion, covered: _Covered) -> str | None:
    """What ``a`` and ``b`` share (goods and channels) when they run on the same days, else None."""
    if a.cancelled or b.cancelled or a.end < b.start or b.end < a.start:
        return None
    channels = (set(a.platforms) & set(b.platforms)) if a.platforms and b.platforms else set(a.platforms or b.platforms)
    if a.platforms and b.platforms and not channels:
        return None
    sa, sb = normalise(a.scope or {}), normalise(b.scope or {})
    if is_whole_shop(sa) and is_whole_shop(sb):
        goods = t("the whole shop")
    elif is_whole_shop(sa) or is_whole_shop(sb):  # the narrower one's goods are all shared
        narrow = sb if is_whole_shop(sa) else sa
        goods = _names(narrow["categories"], narrow["skus"])
    else:
        shared_cats = sorted(set(sa["categories"]) & set(sb["categories"]))
        in_cats = covered({"categories": shared_cats, "skus": []}) if shared_cats else set()
        shared_skus = sorted((covered(sa) & covered(sb) | (set(sa["skus"]) & set(sb["skus"]))) - in_cats)
        if not shared_cats and not shared_skus:
            return None
        goods = _names(shared_cats, shared_skus)
    days = (max(a.start, b.start), min(a.end, b.end))
    from core.kpi.output import channel_label

    where = list_text(channel_label(c) for c in sorted(channels)) if channels else t("every channel")
    return t("Overlaps {other} on {goods} in {channels} ({start} – {end}).", other=b.name, goods=goods,
             channels=where, start=days[0].isoformat(), end=days[1].isoformat())


def warnings_for(promotion: PlannedPromotion, others: Iterable[PlannedPromotion], skus: Sequence[SkuPrice],
                 covered: _Covered | None = None) -> list[str]:
    """The warnings of one promotion (e.g. the form's, before it is saved) against the others."""
    if promotion.cancelled:
        return []
    covered = covered or _Covered({s.code: s.category for s in skus})
    out = [w for other in others if other.id is None or other.id != promotion.id
           for w in [_overlap(promotion, other, covered)] if w]
    return out + below_cost(promotion, skus, covered)


def load(session: Session) -> tuple[list[PlannedPromotion], list[SkuPrice]]:
    promotions = [PlannedPromotion(p.id, p.name, p.start, p.end, tuple(p.platforms or ()), tuple(p.rules or ()),
                                   p.scope or {}, p.status == "cancelled")
                  for p in session.scalars(select(Promotion).order_by(Promotion.start, Promotion.id))]
    skus = [SkuPrice(s.code, s.title or "", s.category or "", s.price_fen or 0, s.cost_fen or 0)
            for s in session.scalars(select(Sku).where(Sku.active.is_(True)).order_by(Sku.code))]
    return promotions, skus


def promotion_warnings(session: Session) -> dict[int, list[str]]:
    """Every promotion's warnings by id (only those that have any)."""
    return warnings_by_id(*load(session))


def warnings_by_id(promotions: Sequence[PlannedPromotion], skus: Sequence[SkuPrice]) -> dict[int, list[str]]:
    """Each promotion's warnings against the others (only those that have any), by id."""
    covered = _Covered({s.code: s.category for s in skus})
    out: dict[int, list[str]] = {}
    for p in promotions:
        found = warnings_for(p, promotions, skus, covered)
        if found and p.id is not None:
            out[p.id] = found
    return out
