"""Goals (目标): targets per period, channel and category, and progress against actual sales."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.models import Goal, Order, OrderLine, Sku


@dataclass(frozen=True)
class GoalRow:
    id: int
    period_kind: str
    period_start: dt.date
    period_end: dt.date
    platform: str
    category: str
    target_gmv_fen: int
    actual_gmv_fen: int | None  # None for periods that have not started
    progress: float | None
    expected_progress: float | None  # share of the period elapsed by `today`


def _actual_gmv(session: Session, start: dt.date, end: dt.date, platform: str, category: str) -> int:
    if category:
        # A category's sales are its lines' paid amounts (or unit price × qty where the
        # export gives no per-line amount).
        amount = func.coalesce(OrderLine.paid_fen, OrderLine.unit_price_fen * OrderLine.qty)
        q = (
            select(func.coalesce(func.sum(amount), 0))
            .select_from(OrderLine)
            .join(Order, Order.id == OrderLine.order_id)
            .join(Sku, Sku.code == OrderLine.sku_code)
            .where(Sku.category == category)
        )
    else:
        q = select(func.coalesce(func.sum(Order.paid_fen), 0))
    q = q.where(Order.is_paid.is_(True), Order.pay_date.between(start, end))
    if platform:
        q = q.where(Order.platform == platform)
    return int(session.scalar(q) or 0)


def goal_rows(session: Session, today: dt.date) -> list[GoalRow]:
    rows = []
    for g in session.scalars(select(Goal).order_by(Goal.period_start, Goal.period_kind, Goal.platform, Goal.category)):
        started = g.period_start <= today
        actual = _actual_gmv(session, g.period_start, min(g.period_end, today), g.platform, g.category) if started else None
        days = (g.period_end - g.period_start).days + 1
        elapsed = min(max((today - g.period_start).days + 1, 0), days)
        rows.append(
            GoalRow(
                id=g.id,
                period_kind=g.period_kind,
                period_start=g.period_start,
                period_end=g.period_end,
                platform=g.platform,
                category=g.category,
                target_gmv_fen=g.target_gmv_fen,
                actual_gmv_fen=actual,
                progress=(actual / g.target_gmv_fen) if actual is not None and g.target_gmv_fen else None,
                expected_progress=elapsed / days if days else None,
            )
        )
    return rows
