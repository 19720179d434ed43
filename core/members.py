"""Members (会员): customers with their tier, orders, spend and recency."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.models import Customer, Tier


@dataclass(frozen=True)
class MemberRow:
    id: int
    platform: str
    buyer_key: str
    name: str
    tier: str
    orders: int
    spend_fen: int
    first_order: dt.datetime | None
    last_order: dt.datetime | None
    days_since_last: int | None
    points: int


def member_rows(session: Session, today: dt.date) -> list[MemberRow]:
    tiers = dict(session.execute(select(Tier.id, Tier.name)).all())
    rows = []
    for c in session.scalars(select(Customer)):
        since = (today - c.last_order_at.date()).days if c.last_order_at else None
        rows.append(
            MemberRow(
                id=c.id,
                platform=c.platform,
                buyer_key=c.buyer_key,
                name=c.name,
                tier=tiers.get(c.tier_id, ""),
                orders=c.orders_count,
                spend_fen=c.spend_fen,
                first_order=c.first_order_at,
                last_order=c.last_order_at,
                days_since_last=since,
                points=c.points,
            )
        )
    return rows


def tier_names(session: Session) -> list[str]:
    return list(session.scalars(select(Tier.name).order_by(Tier.rank)))
