"""Promotions (促销日历): the shop's festival and own promotions with their measured results.

A promotion's result is its latest measurement (``promotion_results``): GMV in its dates and
channels, the baseline the shop would have sold anyway, and the cost. Before a measurement
exists (a running promotion), GMV is read live from the orders and the budget stands in for
the cost, prorated to the days run: on day 2 of a 12-day 双12 the GMV of two days is set against
2/12 of the budget, not all of it (which would show a 0.5× ROAS for a promotion doing fine).
ROI here is the same as on the dashboard (core.kpi.series.promotion_roi):
ROAS = GMV ÷ cost, incremental ROI = (GMV − baseline) ÷ cost. Promotions that overlap share
the same days' GMV, so their ROAS must not be added up.

The budget is discount cost + ad spend (core.edits.promotions keeps ``budget_fen`` their sum);
a cost taken from the budget is split into the two in proportion to them, exact to the fen
(largest remainder, core.goal_split): day 2 of 12 of ¥3,000 discount + ¥1,000 ad spend costs
¥500.00 + ¥166.67 = ¥666.67. A recorded result's cost is one measured figure: its split is
unknown. **Target progress** = GMV so far ÷ target GMV (None without a target).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.goal_split import split_exact
from core.models import Order, Promotion, PromotionResult


@dataclass(frozen=True)
class PromotionRow:
    id: int
    name: str
    kind: str
    platforms: tuple[str, ...]
    start: dt.date
    end: dt.date
    budget_fen: int
    status: str
    gmv_fen: int | None  # None before it starts
    baseline_fen: int | None
    cost_fen: int | None
    roas: float | None  # GMV ÷ cost
    incremental_roi: float | None  # (GMV − baseline) ÷ cost
    measured: bool  # True when the figures come from a recorded result
    phases: tuple[tuple[str, dt.date, dt.date], ...] = ()  # (name, start, end), in order
    expected_uplift: float | None = None
    note: str = ""
    # Where cost_fen comes from: "measured" (a recorded result), "prorated" (running: the budget ×
    # days_run ÷ days), "budget" (over without a result: the whole budget), None before it starts.
    cost_basis: str | None = None
    days_run: int | None = None  # days from its start to today, when prorated
    rules: tuple[dict, ...] = ()  # its tiers as stored (core.promotion_tiers)
    # From core.promotion_effect.with_effects (None until measured there, or unknown):
    baseline_last_year_fen: int | None = None  # the same festival last year
    uplift: float | None = None  # (GMV − baseline) ÷ baseline
    roi: float | None = None  # incremental gross profit ÷ cost
    skus_without_cost: int | None = None  # why ROI is unknown, when it is
    discount_budget_fen: int = 0
    ad_budget_fen: int = 0
    target_gmv_fen: int | None = None  # None: no target
    discount_cost_fen: int | None = None  # the cost's parts (cost_parts); None when measured or no cost
    ad_cost_fen: int | None = None

    @property
    def target_progress(self) -> float | None:
        return target_progress(self.gmv_fen, self.target_gmv_fen)


def target_progress(gmv_fen: int | None, target_gmv_fen: int | None) -> float | None:
    """GMV ÷ target GMV (0.85 = 85 % of the target); None without a target or before any GMV."""
    return gmv_fen / target_gmv_fen if gmv_fen is not None and target_gmv_fen else None


def cost_parts(p: Promotion, cost_fen: int | None, basis: str | None) -> tuple[int | None, int | None]:
    """(discount cost, ad spend) of a cost taken from ``p``'s budget (basis ``prorated`` or
    ``budget``): the cost split in proportion to the two parts of the budget, exact to the fen.
    A budget saved without its parts counts as ad spend. (None, None) for a measured cost (one
    recorded figure) and before there is a cost."""
    if cost_fen is None or basis not in ("prorated", "budget"):
        return None, None
    discount, ad = p.discount_budget_fen or 0, p.ad_budget_fen or 0
    weights = [discount, ad] if discount + ad else [0, 1]
    d, a = split_exact(cost_fen, weights)
    return d, a


def prorated_fen(budget_fen: int, days_run: int, days: int) -> int:
    """``budget_fen`` × ``days_run`` ÷ ``days``, rounded half up to the fen in integers (no float
    drift: 2/12 of ¥27,000.00 is ¥4,500.00 exactly)."""
    if days <= 0:
        return budget_fen
    days_run = min(max(days_run, 0), days)
    return (2 * budget_fen * days_run + days) // (2 * days)


def _phases(raw: list | None) -> tuple[tuple[str, dt.date, dt.date], ...]:
    out = []
    for p in raw or ():
        try:
            out.append((str(p["name"]), dt.date.fromisoformat(str(p["start"])), dt.date.fromisoformat(str(p["end"]))))
        except (KeyError, TypeError, ValueError):
            continue  # a hand-edited phase without dates is not drawn
    return tuple(out)


def latest_results(session: Session) -> dict[int, PromotionResult]:
    """Each promotion's latest recorded result, by promotion id."""
    latest_id = select(func.max(PromotionResult.id)).group_by(PromotionResult.promotion_id)
    return {r.promotion_id: r for r in session.scalars(select(PromotionResult).where(PromotionResult.id.in_(latest_id)))}


def promotion_cost(p: Promotion, result: PromotionResult | None, today: dt.date) -> tuple[int | None, str | None, int | None]:
    """(cost fen, basis, days run) of promotion ``p`` as of ``today``: a recorded result's cost
    ("measured"); else its budget, prorated to the days run while it runs ("prorated": today counts,
    as its orders are in the GMV) or whole once over ("budget"); (None, None, None) before it starts
    or without any cost."""
    if result is not None:
        return (result.cost_fen or None), ("measured" if result.cost_fen else None), None
    if p.start > today or not p.budget_fen:
        return None, None, None
    if today < p.end:  # running: only the days run so far have been paid for
        days_run = (today - p.start).days + 1
        cost = prorated_fen(p.budget_fen, days_run, (p.end - p.start).days + 1)
        return (cost or None), ("prorated" if cost else None), days_run
    return p.budget_fen, "budget", None


def promotion_rows(session: Session, today: dt.date) -> list[PromotionRow]:
    results = latest_results(session)
    rows = []
    for p in session.scalars(select(Promotion).order_by(Promotion.start, Promotion.name)):
        result = results.get(p.id)
        cost, basis, days_run = promotion_cost(p, result, today)
        discount_cost, ad_cost = cost_parts(p, cost, basis)
        if result is not None:
            gmv, baseline = result.gmv_fen, result.baseline_gmv_fen
        elif p.start <= today:
            q = select(func.coalesce(func.sum(Order.paid_fen), 0)).where(
                Order.is_paid.is_(True), Order.pay_date.between(p.start, min(p.end, today))
            )
            if p.platforms:
                q = q.where(Order.platform.in_(p.platforms))
            gmv, baseline = int(session.scalar(q) or 0), None
        else:
            gmv = baseline = None
        rows.append(
            PromotionRow(
                id=p.id,
                name=p.name,
                kind=p.kind,
                platforms=tuple(p.platforms or ()),
                start=p.start,
                end=p.end,
                budget_fen=p.budget_fen,
                status=p.status,
                gmv_fen=gmv,
                baseline_fen=baseline,
                cost_fen=cost,
                roas=(gmv / cost) if gmv is not None and cost else None,
                incremental_roi=((gmv - baseline) / cost) if gmv is not None and cost and baseline is not None else None,
                measured=result is not None,
                phases=_phases(p.phases),
                expected_uplift=p.expected_uplift,
                note=p.note or "",
                cost_basis=basis,
                days_run=days_run,
                rules=tuple(p.rules or ()),
                discount_budget_fen=p.discount_budget_fen or 0,
                ad_budget_fen=p.ad_budget_fen or 0,
                target_gmv_fen=p.target_gmv_fen,
                discount_cost_fen=discount_cost,
                ad_cost_fen=ad_cost,
            )
        )
    return rows


def shop_channels(session: Session) -> frozenset[str]:
    """The platforms the shop has orders on (empty before the first import)."""
    return frozenset(session.scalars(select(Order.platform).distinct()))
