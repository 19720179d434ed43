"""The words the Promotions tab writes about one promotion: a bar's tooltip and its second line in
the week view, the budget with its split, the target, and where its cost comes from (the list's
Cost basis). Plain functions of a ``PromotionRow``, in the tab's translation context."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from core.money import format_fen
from ui.labels import promotion_kind_name, promotion_status_name

if TYPE_CHECKING:
    from core.promotions import PromotionRow


def budget_text(r: PromotionRow) -> str:
    """``Budget ¥5,000.00 (discount ¥3,000.00 + ads ¥2,000.00)``."""
    return (QCoreApplication.translate("PromotionsTab", "Budget %1 (discount %2 + ads %3)")
            .replace("%1", format_fen(r.budget_fen)).replace("%2", format_fen(r.discount_budget_fen))
            .replace("%3", format_fen(r.ad_budget_fen)))


def target_text(r: PromotionRow) -> str:
    return QCoreApplication.translate("PromotionsTab", "Target GMV %1").replace("%1", format_fen(r.target_gmv_fen))


def bar_tooltip(r: PromotionRow, channels: str, scope: dict | None) -> str:
    """A bar's tooltip: name, dates, kind, status, channels, phases, tiers, budget, target, scope, note."""
    lines = [f"<b>{r.name}</b>", f"{r.start.isoformat()} – {r.end.isoformat()} · {promotion_kind_name(r.kind)} · "
             f"{promotion_status_name(r.status)}", channels]
    lines += [f"{name}: {a:%m-%d} – {b:%m-%d}" for name, a, b in r.phases]
    if r.rules:
        from core.promotion_tiers import tier_text

        lines.append("; ".join(tier_text(rule) for rule in r.rules))
    if r.budget_fen:
        lines.append(budget_text(r))
    if r.target_gmv_fen:
        lines.append(target_text(r))
    if scope:
        from core.promotion_scope import scope_text

        lines.append(scope_text(scope))
    if r.note:
        lines.append(r.note)
    return "<br>".join(lines)


def bar_details(r: PromotionRow, channels: str) -> str:
    """The week view's second line: channels, budget (its split) and target."""
    parts = [channels]
    if r.budget_fen:
        parts.append(budget_text(r))
    if r.target_gmv_fen:
        parts.append(target_text(r))
    return " · ".join(parts)


def cost_text(r: PromotionRow, long: bool = False) -> str:
    """Where the list's cost comes from: "Budget × 2/12 days" (``long``: the budget and the days),
    "Measured", "Whole budget", or nothing before it starts."""
    if r.cost_basis == "prorated" and r.days_run is not None:
        days = (r.end - r.start).days + 1
        if long:
            return (QCoreApplication.translate("PromotionsTab", "Budget %1 prorated to the %2 of %3 days run so far")
                    .replace("%1", format_fen(r.budget_fen)).replace("%2", str(r.days_run)).replace("%3", str(days)))
        return (QCoreApplication.translate("PromotionsTab", "Budget × %1/%2 days")
                .replace("%1", str(r.days_run)).replace("%2", str(days)))
    if r.cost_basis == "measured":
        return QCoreApplication.translate("PromotionsTab", "Measured")
    if r.cost_basis == "budget":
        return QCoreApplication.translate("PromotionsTab", "Whole budget")
    return ""
