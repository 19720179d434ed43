"""Promotions (促销日历): the shop's festival and own promotions with their measured results."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

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
    gmv_fen: int | None  # paid GMV in the promotion's dates and channels (None before it starts)
    cost_fen: int | None
    roi: float | None  # GMV ÷ cost


def promotion_rows(session: Session, today: dt.date) -> list[PromotionRow]:
    latest_cost = dict(
        session.execute(
            select(PromotionResult.promotion_id, func.max(PromotionResult.cost_fen)).group_by(PromotionResult.promotion_id)
        ).all()
    )
    rows = []
    for p in session.scalars(select(Promotion).order_by(Promotion.start, Promotion.name)):
        gmv = None
        if p.start <= today:
            q = select(func.coalesce(func.sum(Order.paid_fen), 0)).where(
                Order.is_paid.is_(True), Order.pay_date.between(p.start, min(p.end, today))
            )
            if p.platforms:
                q = q.where(Order.platform.in_(p.platforms))
            gmv = int(session.scalar(q) or 0)
        cost = latest_cost.get(p.id)
        if cost is None and p.start <= today:
            cost = p.budget_fen or None
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
                cost_fen=cost,
                roi=(gmv / cost) if gmv is not None and cost else None,
            )
        )
    return rows
