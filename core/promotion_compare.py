"""Every promotion of a year side by side, and a summary per kind: which kind of promotion pays back?

One row per promotion ending in the range (a 年货节 that starts in late December belongs to the
year of its 春节), with the figures of its effect (core.promotion_effect); the summary adds them
up per kind (platform festival, platform event, own promotion). A promotion pays back when its
incremental gross profit covers its cost (ROI ≥ 1). Promotions that overlap share the same
days' sales, so the GMV of a kind may count a day twice; ROI per kind is Σ incremental gross
profit ÷ Σ cost over the promotions whose ROI is known.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.models import Promotion
from core.promotion_currency import left_out_text
from core.promotion_effect import Effect, effects

KIND_ORDER = ("festival", "platform", "own")


@dataclass(frozen=True)
class KindSummary:
    kind: str
    promotions: int  # all of the kind in the range
    measured: int  # started (not cancelled) and covered by orders
    gmv_fen: int  # Σ over the measured ones
    cost_fen: int  # Σ over those whose ROI is known
    incremental_gross_profit_fen: int  # Σ over those whose ROI is known
    roi: float | None
    average_uplift: float | None  # mean of the known uplifts
    paid_back: int  # ROI ≥ 1
    with_roi: int  # how many have a known ROI


def year_range(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def compare_effects(session: Session, start: dt.date, end: dt.date, today: dt.date) -> list[Effect]:
    """The effect of every promotion ending in ``[start, end]``, by start date."""
    promos = session.scalars(select(Promotion).where(Promotion.end.between(start, end))
                             .order_by(Promotion.start, Promotion.name))
    return list(effects(session, today, list(promos)).values())


def effect_record(e: Effect) -> dict[str, Any]:
    """One row of the comparison (and of ``export promotion-effects``): money in fen, rates as fractions."""
    w = e.window
    return {
        "id": e.promotion_id, "name": e.name, "kind": e.kind, "mechanics": list(e.rule_types),
        "platforms": list(e.platforms), "scope": list(e.categories) + list(e.skus),
        "start": e.start, "end": e.end, "days": e.days, "status": e.status,
        "days_measured": w.days if w else None,
        "gmv_fen": w.gmv_fen if w else None, "orders": w.orders if w else None,
        "buyers": w.buyers if w else None, "units": w.units if w else None, "aov_fen": w.aov_fen if w else None,
        "baseline_fen": e.before.gmv_fen if e.before else None, "uplift": e.uplift,
        "baseline_last_year_fen": e.last_year.gmv_fen if e.last_year else None,
        "uplift_last_year": e.uplift_last_year, "last_year_from": e.last_year_name or None,
        "cost_fen": e.cost_fen, "cost_basis": e.cost_basis,
        "discount_cost_fen": e.discount_cost_fen, "ad_cost_fen": e.ad_cost_fen,
        "target_gmv_fen": e.target_gmv_fen, "target_progress": e.target_progress,
        "incremental_gross_profit_fen": e.incremental_gross_profit_fen, "roi": e.roi, "roas": e.roas,
        "skus_without_cost": e.skus_without_cost if w else None,
        "pays_back": None if e.roi is None else e.roi >= 1,
        "not_counted": left_out_text(e.left_out),
    }


def kind_summaries(found: list[Effect]) -> list[KindSummary]:
    """Per kind, in the order festival, platform, own (then any other), kinds without promotions left out."""
    kinds = [k for k in KIND_ORDER if any(e.kind == k for e in found)]
    kinds += sorted({e.kind for e in found} - set(KIND_ORDER))
    out = []
    for kind in kinds:
        mine = [e for e in found if e.kind == kind]
        measured = [e for e in mine if e.window is not None]
        known = [e for e in measured if e.roi is not None]
        cost = sum(e.cost_fen or 0 for e in known)
        gain = sum(e.incremental_gross_profit_fen or 0 for e in known)
        uplifts = [e.uplift for e in measured if e.uplift is not None]
        out.append(KindSummary(
            kind, len(mine), len(measured), sum(e.window.gmv_fen for e in measured), cost, gain,
            gain / cost if cost else None, sum(uplifts) / len(uplifts) if uplifts else None,
            sum(1 for e in known if (e.roi or 0) >= 1), len(known)))
    return out
