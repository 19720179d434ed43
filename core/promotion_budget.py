"""A promotion's budget in two parts and its target GMV, as the promotion edits
(core.edits.promotions) check and store them.

The budget is split into **discount cost** (``discount_budget_fen``: what the tiers, coupons and
member prices give away) and **ad spend** (``ad_budget_fen``: ads, platform fees, samples …);
``budget_fen`` is always their sum (``with_total``). An edit that sets only ``budget_fen`` (the whole
budget, as before the split) keeps the discount cost and puts the rest in ad spend.
``target_gmv_fen`` is the GMV the owner aims at (None: no target). Amounts are integer fen.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from core.edits.base import FieldError
from core.i18n import t
from core.money import format_fen
from core.typed_values import MAX_FEN

SPLIT = ("discount_budget_fen", "ad_budget_fen")


def discount_budget(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise FieldError(t("The discount cost must be an amount in yuan, e.g. 3000."), field="discount_budget_fen")
    if value < 0 or value >= MAX_FEN:
        raise FieldError(t("The discount cost cannot be below ¥0; type 0 when the promotion gives no discount."),
                         field="discount_budget_fen")
    return value


def ad_budget(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise FieldError(t("The ad spend must be an amount in yuan, e.g. 2000."), field="ad_budget_fen")
    if value < 0 or value >= MAX_FEN:
        raise FieldError(t("The ad spend cannot be below ¥0; type 0 when there is none."), field="ad_budget_fen")
    return value


def target_gmv(value: Any) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise FieldError(t("The target GMV must be an amount in yuan, e.g. 200000, or empty."), field="target_gmv_fen")
    if value < 0 or value >= MAX_FEN:
        raise FieldError(t("The target GMV cannot be below ¥0; leave it empty when there is no target."),
                         field="target_gmv_fen")
    return value or None  # ¥0 is no target


def with_total(values: dict[str, Any], current: Mapping[str, Any]) -> dict[str, Any]:
    """``values`` with ``budget_fen`` = discount cost + ad spend. When only the whole budget is
    given, the discount cost (``current``'s) stays and ad spend takes the rest."""
    out = dict(values)
    if any(k in out for k in SPLIT):
        discount = out.get("discount_budget_fen", current.get("discount_budget_fen") or 0)
        ad = out.get("ad_budget_fen", current.get("ad_budget_fen") or 0)
        out["budget_fen"] = discount + ad
    elif "budget_fen" in out:
        discount = current.get("discount_budget_fen") or 0
        if out["budget_fen"] < discount:
            raise FieldError(t("The budget ({budget}) is below its discount cost ({discount}); lower the discount "
                               "cost first or type the budget as discount cost and ad spend.",
                               budget=yuan(out["budget_fen"]), discount=yuan(discount)), field="budget_fen")
        out["ad_budget_fen"] = out["budget_fen"] - discount
    if out.get("budget_fen", 0) >= MAX_FEN:
        raise FieldError(t("The budget cannot be below ¥0; type 0 when there is none."), field="budget_fen")
    return out


def yuan(fen: int) -> str:
    return format_fen(fen)
