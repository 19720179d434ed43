"""The KPIs of spec/kpi.md for a date range, overall and per channel, as SQL aggregates.

Definitions chosen where the spec leaves room (also in README "KPI dashboard"):

* Buyer keys are compared per channel, so the shop's paying buyers are the sum over channels;
  an empty key counts like a missing one (each such order is a buyer of its own).
* Refund amount per paid order = its recorded refund (``orders.refund_fen``, kept up to date
  by refund imports); an order whose status is ``refunded`` (fully refunded) but carries no
  refund amount counts its whole paid amount.
* Units are unknown when the range has paid orders but none of them has lines (an export
  without goods rows); otherwise the sum of the quantities of the lines present.
* Visitors: a channel has traffic data for a range when it has at least one ``traffic_daily``
  row in it. Conversion = distinct paying buyers on the (channel, day) pairs that have a
  traffic row ÷ visitors on those pairs, so a channel or day without traffic never inflates
  the rate. With complete traffic this is exactly ``paying_buyers / visitors``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import case, func, select

from core.kpi.source import ORDERS, paid_in_range, reading
from core.models import OrderLine, TrafficDaily
from core.orders import REFUNDED

LINES = OrderLine.__table__
TRAFFIC = TrafficDaily.__table__

# The keys of spec/kpi.md, in the order the spec lists them.
KPI_KEYS = (
    "gmv",
    "orders",
    "paying_buyers",
    "aov",
    "refund_amount",
    "net_sales",
    "refund_rate",
    "repurchase_rate",
    "visitors",
    "conversion_rate",
    "units",
)
MONEY_KEYS = frozenset({"gmv", "aov", "refund_amount", "net_sales"})
RATE_KEYS = frozenset({"refund_rate", "repurchase_rate", "conversion_rate"})


@dataclass
class KpiNumbers:
    """One set of KPIs. Money in fen; ``None`` means unknown (never 0 for "no data")."""

    gmv: int = 0
    orders: int = 0
    paying_buyers: int = 0
    aov: int | None = None
    refund_amount: int = 0
    net_sales: int = 0
    refund_rate: float | None = None
    repurchase_rate: float | None = None
    visitors: int | None = None
    conversion_rate: float | None = None
    units: int | None = 0
    # Not in the spec's output, kept for the funnel and the repurchase chart.
    known_buyers: int = 0
    repeat_buyers: int = 0
    traffic_buyers: int | None = None  # paying buyers on the days and channels with traffic
    traffic_orders: int | None = None
    ad_spend: int | None = None

    def value(self, key: str) -> int | float | None:
        return getattr(self, key)

    def as_dict(self) -> dict[str, int | float | None]:
        return {k: getattr(self, k) for k in KPI_KEYS}


@dataclass
class KpiResult(KpiNumbers):
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    channel: str | None = None
    by_channel: dict[str, KpiNumbers] = field(default_factory=dict)


def _ratio(num: int | float | None, den: int | float | None) -> float | None:
    if num is None or not den:
        return None
    return num / den


def _money_ratio(num: int | None, den: int | None) -> int | None:
    """A fen amount per unit, rounded half up to whole fen."""
    if num is None or not den:
        return None
    return (2 * num + den) // (2 * den)


def _finish(n: KpiNumbers) -> None:
    """Fill the derived KPIs from the summed ones."""
    n.aov = _money_ratio(n.gmv, n.paying_buyers)
    n.net_sales = n.gmv - n.refund_amount
    n.refund_rate = _ratio(n.refund_amount, n.gmv)
    n.repurchase_rate = _ratio(n.repeat_buyers, n.known_buyers)
    n.conversion_rate = _ratio(n.traffic_buyers, n.visitors)


def refund_expr():
    """The refund counted for one paid order (see the module docstring)."""
    return case(
        (ORDERS.c.refund_fen > 0, ORDERS.c.refund_fen),
        (ORDERS.c.status == REFUNDED, ORDERS.c.paid_fen),
        else_=0,
    )


def _order_rows(conn: Any, start: dt.date, end: dt.date, channel: str | None) -> list:
    """Per channel: orders, gmv, refunds, paying buyers, known and repeat buyers — one pass."""
    key = func.nullif(ORDERS.c.buyer_key, "")
    per_buyer = (
        select(
            ORDERS.c.platform.label("platform"),
            key.label("k"),
            func.count().label("n"),
            func.sum(ORDERS.c.paid_fen).label("g"),
            func.sum(refund_expr()).label("r"),
        )
        .where(paid_in_range(start, end, channel))
        .group_by(ORDERS.c.platform, key)
        .subquery()
    )
    b = per_buyer.c
    known = b.k.is_not(None)
    stmt = select(
        b.platform,
        func.sum(b.n),
        func.sum(b.g),
        func.sum(b.r),
        func.sum(case((known, 1), else_=b.n)),
        func.sum(case((known, 1), else_=0)),
        func.sum(case((known & (b.n >= 2), 1), else_=0)),
    ).group_by(b.platform)
    return list(conn.execute(stmt))


def _unit_rows(conn: Any, start: dt.date, end: dt.date, channel: str | None) -> dict[str, int]:
    stmt = (
        select(ORDERS.c.platform, func.sum(LINES.c.qty))
        .select_from(ORDERS.join(LINES, LINES.c.order_id == ORDERS.c.id))
        .where(paid_in_range(start, end, channel))
        .group_by(ORDERS.c.platform)
    )
    return {p: int(q or 0) for p, q in conn.execute(stmt)}


def _traffic_rows(conn: Any, start: dt.date, end: dt.date, channel: str | None) -> dict[str, tuple]:
    stmt = select(
        TRAFFIC.c.platform,
        func.sum(TRAFFIC.c.visitors),
        func.count(),
        func.sum(TRAFFIC.c.ad_spend_fen),
    ).where(TRAFFIC.c.day.between(start, end))
    if channel:
        stmt = stmt.where(TRAFFIC.c.platform == channel)
    stmt = stmt.group_by(TRAFFIC.c.platform)
    return {p: (int(v or 0), int(days), int(spend or 0)) for p, v, days, spend in conn.execute(stmt)}


def _covered_rows(conn: Any, start: dt.date, end: dt.date, platforms: list[str]) -> dict[str, tuple[int, int]]:
    """Paying buyers and orders on the days that have a traffic row, for ``platforms``."""
    key = func.nullif(ORDERS.c.buyer_key, "")
    joined = ORDERS.join(
        TRAFFIC, (TRAFFIC.c.platform == ORDERS.c.platform) & (TRAFFIC.c.day == ORDERS.c.pay_date)
    )
    stmt = (
        select(
            ORDERS.c.platform,
            func.count(key.distinct()),
            func.sum(case((key.is_(None), 1), else_=0)),
            func.count(),
        )
        .select_from(joined)
        .where(paid_in_range(start, end), ORDERS.c.platform.in_(platforms))
        .group_by(ORDERS.c.platform)
    )
    return {p: (int(k) + int(nk or 0), int(n)) for p, k, nk, n in conn.execute(stmt)}


def compute_kpis(source: Any, date_from: dt.date, date_to: dt.date, channel: str | None = None) -> KpiResult:
    """The KPIs for the inclusive payment-date range, overall (or one channel) and per channel."""
    if date_to < date_from:
        raise ValueError(f"range ends ({date_to}) before it starts ({date_from})")
    channel = channel or None
    days = (date_to - date_from).days + 1
    with reading(source) as conn:
        orders = _order_rows(conn, date_from, date_to, channel)
        units = _unit_rows(conn, date_from, date_to, channel)
        traffic = _traffic_rows(conn, date_from, date_to, channel)
        partial = [p for p, (_v, covered, _s) in traffic.items() if covered < days]
        covered = _covered_rows(conn, date_from, date_to, partial) if partial else {}

    per: dict[str, KpiNumbers] = {}
    for platform, n, gmv, refund, buyers, known, repeat in orders:
        per[platform] = KpiNumbers(
            gmv=int(gmv or 0),
            orders=int(n),
            paying_buyers=int(buyers),
            refund_amount=int(refund or 0),
            known_buyers=int(known),
            repeat_buyers=int(repeat),
        )
    for platform in traffic:
        per.setdefault(platform, KpiNumbers())
    for platform, numbers in per.items():
        numbers.units = units.get(platform, 0 if numbers.orders == 0 else None)
        if platform in traffic:
            visitors, covered_days, spend = traffic[platform]
            numbers.visitors = visitors
            numbers.ad_spend = spend
            if covered_days >= days:
                numbers.traffic_buyers, numbers.traffic_orders = numbers.paying_buyers, numbers.orders
            else:
                numbers.traffic_buyers, numbers.traffic_orders = covered.get(platform, (0, 0))
        _finish(numbers)

    total = KpiResult(date_from=date_from, date_to=date_to, channel=channel)
    for numbers in per.values():
        for name in ("gmv", "orders", "paying_buyers", "refund_amount", "known_buyers", "repeat_buyers"):
            setattr(total, name, getattr(total, name) + getattr(numbers, name))
        for name in ("visitors", "traffic_buyers", "traffic_orders", "ad_spend", "units"):
            value = getattr(numbers, name)
            if value is not None:
                setattr(total, name, (getattr(total, name) or 0) + value)
    if total.orders and not units:
        total.units = None
    _finish(total)
    total.by_channel = dict(sorted(per.items(), key=lambda kv: (-kv[1].gmv, kv[0])))
    return total

