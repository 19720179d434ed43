"""Goals (目标): targets per period, channel and category, and progress against actual sales."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.kpi.targets import target_to_date
from core.models import Goal, Order


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
    target_to_date: int | None = None  # the target prorated to the days elapsed (as the dashboard)
    pace: float | None = None  # actual ÷ target_to_date (1.0 = on pace)


def category_sales(session: Session, start: dt.date, end: dt.date, platform: str) -> dict[str, int]:
    """Sales per category by the dashboard's definition (core.kpi.series.sku_sales: a line's own
    paid amount, else its share of the order's paid amount), so Goals and the dashboard's
    category share give the same figure."""
    from core.kpi.periods import DateRange
    from core.kpi.series import sku_sales

    totals: dict[str, int] = {}
    for s in sku_sales(session.connection(), DateRange(start, end), platform or None):
        totals[s.category] = totals.get(s.category, 0) + s.sales
    return totals


def _actual_gmv(session: Session, start: dt.date, end: dt.date, platform: str, category: str,
                cache: dict | None = None) -> int:
    if category:
        cache = cache if cache is not None else {}
        if (start, end, platform) not in cache:
            cache[start, end, platform] = category_sales(session, start, end, platform)
        return cache[start, end, platform].get(category, 0)
    q = select(func.coalesce(func.sum(Order.paid_fen), 0))
    q = q.where(Order.is_paid.is_(True), Order.pay_date.between(start, end))
    if platform:
        q = q.where(Order.platform == platform)
    return int(session.scalar(q) or 0)


def goal_rows(session: Session, today: dt.date) -> list[GoalRow]:
    rows = []
    cache: dict = {}
    for g in session.scalars(select(Goal).order_by(Goal.period_start, Goal.period_kind, Goal.platform, Goal.category)):
        started = g.period_start <= today
        actual = _actual_gmv(session, g.period_start, min(g.period_end, today), g.platform, g.category,
                             cache) if started else None
        to_date = target_to_date(g.target_gmv_fen, g.period_start, g.period_end, today) if g.target_gmv_fen else None
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
                target_to_date=to_date,
                pace=(actual / to_date) if actual is not None and to_date else None,
            )
        )
    return rows


def period_name(kind: str, start: dt.date, end: dt.date) -> str:
    """A period as the owner says it, in the UI language: ``2026年11月`` / ``Nov 2026``."""
    from core.i18n import t

    if kind == "year" and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return t("{year}", year=start.year)
    if kind == "half" and start.day == 1 and start.month in (1, 7):
        return t("{year} H1", year=start.year) if start.month == 1 else t("{year} H2", year=start.year)
    if kind == "quarter" and start.day == 1 and start.month in (1, 4, 7, 10):
        return t("{year} Q{quarter}", year=start.year, quarter=(start.month - 1) // 3 + 1)
    if kind == "month" and start.day == 1:
        return t("{year}-{month:02d}", year=start.year, month=start.month)
    return f"{start} – {end}"
