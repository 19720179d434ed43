"""What a promotion covers (``Promotion.scope``): the whole shop, some categories, some SKUs.

Stored as ``{"categories": ["茶叶"], "skus": ["LJ-250"]}``; both empty (or ``{}``) is the whole
shop. A promotion on categories covers every SKU of them, today's SKUs included. The form picks
them from the shop's own lists (``scope_choices``); an edit refuses what the shop does not have.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.edits.base import FieldError
from core.i18n import list_text, t
from core.models import Promotion, Sku

MAX_ITEMS = 2000


@dataclass(frozen=True)
class SkuChoice:
    code: str
    title: str
    category: str
    price_fen: int
    cost_fen: int


def normalise(value: Any) -> dict[str, list[str]]:
    """The scope as stored: two sorted lists without repeats; empty lists are the whole shop.
    Refuses a value that is not that shape (a bug or a hand-edited database, named)."""
    if value is None:
        return {"categories": [], "skus": []}
    if not isinstance(value, Mapping) or set(value) - {"categories", "skus"}:
        raise FieldError(t("The scope is the whole shop, some categories or some SKUs."), field="scope")
    out: dict[str, list[str]] = {}
    for key in ("categories", "skus"):
        items = value.get(key) or []
        if isinstance(items, str) or not isinstance(items, Iterable):
            raise FieldError(t("The scope is the whole shop, some categories or some SKUs."), field="scope")
        cleaned = sorted({str(i).strip() for i in items if str(i).strip()})
        if len(cleaned) > MAX_ITEMS:
            raise FieldError(t("{n} items is more than a scope holds; keep at most {max}, or choose categories.",
                               n=len(cleaned), max=MAX_ITEMS), field="scope")
        out[key] = cleaned
    return out


def stored(scope: Mapping[str, list[str]]) -> dict[str, list[str]]:
    """The compact form written to the database: only the non-empty lists (``{}``: the whole shop)."""
    return {k: list(v) for k, v in scope.items() if v}


def is_whole_shop(scope: Mapping[str, Any] | None) -> bool:
    return not (scope or {}).get("categories") and not (scope or {}).get("skus")


def check_known(session: Session, scope: Mapping[str, list[str]]) -> None:
    """Refuses SKUs and categories the shop does not have (naming the first few)."""
    if scope["skus"]:
        known = set(session.scalars(select(Sku.code).where(Sku.code.in_(scope["skus"]))))
        missing = [c for c in scope["skus"] if c not in known]
        if missing:
            raise FieldError(t("SKU {codes} is not in the shop's products; pick SKUs from the list.",
                               codes=list_text(missing[:5])), field="scope")
    if scope["categories"]:
        known = set(session.scalars(select(Sku.category).where(Sku.category.in_(scope["categories"])).distinct()))
        missing = [c for c in scope["categories"] if c not in known]
        if missing:
            raise FieldError(t("No SKU is in category {names}; pick categories from the list.",
                               names=list_text(missing[:5])), field="scope")


def scope_choices(session: Session) -> tuple[list[str], list[SkuChoice]]:
    """The categories and active SKUs the form offers, sorted."""
    skus = [SkuChoice(s.code, s.title or "", s.category or "", s.price_fen or 0, s.cost_fen or 0)
            for s in session.scalars(select(Sku).where(Sku.active.is_(True)).order_by(Sku.code))]
    return sorted({s.category for s in skus if s.category}), skus


def promotion_scopes(session: Session) -> dict[int, dict[str, list[str]]]:
    """Every promotion's scope by id (whole shop: both lists empty)."""
    out = {}
    for pid, scope in session.execute(select(Promotion.id, Promotion.scope)):
        try:
            out[pid] = normalise(scope or {})
        except FieldError:  # a hand-edited scope counts as the whole shop rather than hiding the promotion
            out[pid] = {"categories": [], "skus": []}
    return out


def covered_skus(scope: Mapping[str, list[str]], sku_category: Mapping[str, str]) -> set[str]:
    """The SKU codes a scope covers, out of ``sku_category`` (code → category)."""
    if is_whole_shop(scope):
        return set(sku_category)
    categories = set(scope.get("categories") or ())
    return {c for c, cat in sku_category.items() if cat in categories} | \
        (set(scope.get("skus") or ()) & set(sku_category))


def scope_text(scope: Mapping[str, Any] | None) -> str:
    """The scope as one line: ``Whole shop`` or ``Categories: 茶叶 · SKUs: LJ-250, …``."""
    if is_whole_shop(scope):
        return t("Whole shop")
    parts = []
    if scope.get("categories"):  # type: ignore[union-attr]
        parts.append(t("Categories: {names}", names=list_text(scope["categories"])))  # type: ignore[index]
    if scope.get("skus"):  # type: ignore[union-attr]
        skus = list(scope["skus"])  # type: ignore[index]
        shown = list_text(skus[:8]) + (t(" and {n} more", n=len(skus) - 8) if len(skus) > 8 else "")
        parts.append(t("SKUs: {codes}", codes=shown))
    return " · ".join(parts)
