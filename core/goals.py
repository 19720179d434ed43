"""Goals (目标): targets per period, channel and category, and progress against actual sales."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.kpi.periods import DateRange
from core.kpi.series import category_sales
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
    actual_gmv_fen: int | None  # paid so far, today included; None for periods that have not started
    progress: float | None  # 达成率: actual ÷ the whole period's target
    expected_progress: float | None  # share of the period's days that are over by `today`
    target_to_date: int | None = None  # the target prorated to the finished days
    pace: float | None = None  # actual on the finished days ÷ target_to_date (1.0 = on pace)
    gap_fen: int | None = None  # target − actual (negative: ahead)
    needed_per_day_fen: int | None = None  # 剩余日均需达成, over the days left (today included)
    forecast_run_rate_fen: int | None = None
    forecast_seasonal_fen: int | None = None  # by last year's shape of the same period
    status: str | None = None  # core.goal_tracking.STATUSES
    reason: str = ""  # one line: why that status
    # Breakdowns that do not add up to this goal: (kind, their total, total − target), kind
    # "months" (of a year/half/quarter), "channels" or "categories" (of a goal for all of them).
    breakdowns_off: tuple[tuple[str, int, int], ...] = ()


def _actual_gmv(session: Session, start: dt.date, end: dt.date, platform: str, category: str,
                cache: dict | None = None) -> int:
    if category:
        cache = cache if cache is not None else {}
        if (start, end, platform) not in cache:
            cache[start, end, platform] = category_sales(session, DateRange(start, end), platform or None)
        return cache[start, end, platform].get(category, 0)
    from core.currency import daily_paid

    return daily_paid(session, start, end, platform or None).total  # foreign channels converted (core.currency)


_KIND_ORDER = {"year": 0, "half": 1, "quarter": 2, "month": 3}


def goal_rows(session: Session, today: dt.date) -> list[GoalRow]:
    from core.goal_split import last_year
    from core.goal_tracking import finished_days, track

    goals = list(session.scalars(select(Goal).order_by(Goal.period_start, Goal.platform, Goal.category)))
    # As the tab lists them (by "2026", "2026 H1", "2026 Q1", "2026-01"): a year before its halves, quarters
    # and months, not between January's and February's goals (the export of the tab's rows).
    goals.sort(key=lambda g: (g.period_start.year, _KIND_ORDER.get(g.period_kind, len(_KIND_ORDER)), g.period_start))
    first_paid = session.scalar(select(func.min(Order.pay_date)).where(Order.is_paid.is_(True)))
    yesterday = today - dt.timedelta(days=1)
    cache: dict = {}
    rows = []
    for g in goals:
        started = g.period_start <= today
        actual = finished = None
        if started:
            actual = _actual_gmv(session, g.period_start, min(g.period_end, today), g.platform, g.category, cache)
            finished = _actual_gmv(session, g.period_start, min(g.period_end, yesterday), g.platform, g.category,
                                   cache) if yesterday >= g.period_start else 0
        share = None
        ly_start, ly_end = last_year(g.period_start), last_year(g.period_end)
        if g.period_end.month == 2 and g.period_end.day >= 28:  # to the end of last year's February
            ly_end = dt.date(ly_end.year, 3, 1) - dt.timedelta(days=1)
        if started and yesterday >= g.period_start and first_paid is not None and first_paid <= ly_start:
            whole = _actual_gmv(session, ly_start, ly_end, g.platform, g.category, cache)
            if whole:
                cutoff = min(last_year(min(yesterday, g.period_end)), ly_end)
                share = Fraction(_actual_gmv(session, ly_start, cutoff, g.platform, g.category, cache), whole) or None
        tr = track(g.target_gmv_fen, g.period_start, g.period_end, today, actual, finished, share)
        to_date = target_to_date(g.target_gmv_fen, g.period_start, g.period_end, yesterday) \
            if g.target_gmv_fen else None
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
                expected_progress=finished_days(g.period_start, g.period_end, today) / tr.days if tr.days else None,
                target_to_date=to_date,
                pace=(finished / to_date) if finished is not None and to_date else None,
                gap_fen=tr.gap,
                needed_per_day_fen=tr.needed_per_day,
                forecast_run_rate_fen=tr.forecast_run_rate,
                forecast_seasonal_fen=tr.forecast_seasonal,
                status=tr.status,
                reason=tr.reason,
                breakdowns_off=_breakdowns_off(g, goals),
            )
        )
    return rows


def _breakdowns_off(goal: Goal, goals: list[Goal]) -> tuple[tuple[str, int, int], ...]:
    """The breakdowns of ``goal`` that do not add up to it: its months (a longer period's month
    goals of the same scope), and for a goal of all channels (categories) the channels'
    (categories') goals of the same period. Months count once every month of the period has its goal."""
    same = [g for g in goals if g.id != goal.id]
    parts: dict[str, list[Goal]] = {}
    if goal.period_kind != "month":
        parts["months"] = [g for g in same if g.period_kind == "month" and g.platform == goal.platform
                           and g.category == goal.category and goal.period_start <= g.period_start
                           and g.period_end <= goal.period_end]
    period = [g for g in same if (g.period_kind, g.period_start, g.period_end)
              == (goal.period_kind, goal.period_start, goal.period_end)]
    if not goal.platform and not goal.category:
        parts["channels"] = [g for g in period if g.platform and not g.category]
    if not goal.category:
        parts["categories"] = [g for g in period if g.category and g.platform == goal.platform]
    if "months" in parts:  # months set for part of the period are a plan in progress, not a mismatch
        n = (goal.period_end.year - goal.period_start.year) * 12 + goal.period_end.month - goal.period_start.month + 1
        if len({g.period_start for g in parts["months"]}) < n:
            del parts["months"]
    out = []
    for kind, gs in parts.items():
        total = sum(g.target_gmv_fen for g in gs)
        if gs and total != goal.target_gmv_fen:
            out.append((kind, total, total - goal.target_gmv_fen))
    return tuple(out)


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
