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

from sqlalchemy import case, func, select, text

from core.currency import BASE, Converted, Currencies, convert_days
from core.engines import for_dialect
from core.kpi.source import ORDERS, paid_in_range, reading, run_all
from core.models import TrafficDaily
from core.orders import REFUNDED

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
class ExcludedChannel:
    """A channel left out of the totals: its currency has no rate for ``missing_months``. Its
    numbers are in its own currency (hundredths of a unit), for showing it separately."""

    currency: str
    missing_months: tuple[str, ...]
    numbers: KpiNumbers


@dataclass
class KpiResult(KpiNumbers):
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    channel: str | None = None
    by_channel: dict[str, KpiNumbers] = field(default_factory=dict)
    currency: str = BASE  # every money figure above is in this currency (converted, core.currency)
    channel_currencies: dict[str, str] = field(default_factory=dict)  # the channels' own currencies (non-CNY)
    excluded: dict[str, ExcludedChannel] = field(default_factory=dict)  # left out: no rate (own currency)


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


# One order's refund in SQL text (the same rule as ``refund_expr``) for the hand-written scans.
_REFUND_SQL = f"(CASE WHEN refund_fen > 0 THEN refund_fen WHEN status = '{REFUNDED}' THEN paid_fen ELSE 0 END)"
# Paying buyers need the orders grouped by buyer. A buyer-ordered scan (ix_orders_buyer) reads
# every paid order of a channel once without sorting; a date-ordered scan reads only the range's
# orders but sorts them by buyer (several times the cost per row). So the buyer order wins once
# the ranges cover this share of the days that have paid orders.
BUYER_SCAN_SHARE = 0.2
# The buyer-ordered pass counts every range in one expression per order; past a few ranges (the
# twelve months of the repurchase chart) those expressions cost more than a sort per range.
BUYER_SCAN_MAX_RANGES = 3


def _one_if(condition: str) -> str:
    """1 where ``condition`` holds, else 0: what ``sum()`` of a comparison counts on both engines
    (PostgreSQL cannot add up booleans)."""
    return f"CASE WHEN {condition} THEN 1 ELSE 0 END"


Ranges = list[tuple[dt.date, dt.date]]
# Per range: {channel: [orders, gmv, refunds, units or None]}
Totals = list[dict[str, list]]
# Per range: {channel: (buyers with a known key, those with >= 2 paid orders, their orders)}
Buyers = list[dict[str, tuple[int, ...]]]


def _totals(conn: Any, ranges: Ranges, channel: str | None) -> tuple[Totals, list[dict[str, Converted]], dict[str, str]]:
    """Sums per channel, from a date-ordered covering scan grouped by (day, channel): index order,
    so no sort of the orders; the few thousand day rows are added up by the outer query, inside
    SQLite, so that only a row per channel comes back (each row handed to Python waits for the
    GIL, which the GUI thread holds while it draws the charts).

    Channels in another currency (core.currency) come back per day instead and are converted
    day by day; one without a rate for a month of the range is left out of the totals and
    returned in the second list (its own currency), never added as if it were yuan."""
    sql = text(
        "SELECT platform, sum(n), sum(gmv), sum(refund), sum(units), sum(known) FROM ("
        f"SELECT platform, count(*) AS n, sum(paid_fen) AS gmv, sum({_REFUND_SQL}) AS refund, sum(units) AS units, "
        "count(units) AS known "
        "FROM orders WHERE is_paid = TRUE AND pay_date BETWEEN :s AND :e" + (" AND platform = :p" if channel else "")
        + " GROUP BY pay_date, platform) AS per_day GROUP BY platform"
    )
    currencies = Currencies.load(conn)
    out: Totals = []
    excluded: list[dict[str, Converted]] = []
    for start, end in ranges:
        per: dict[str, list] = {}
        for platform, n, gmv, refund, units, known in conn.execute(
            sql, {"s": start.isoformat(), "e": end.isoformat(), "p": channel}
        ):
            # Units are unknown (None) when any paid order of the channel has unknown units (no
            # lines, or lines without a quantity): a partial sum would look like a real count.
            per[platform] = [int(n), int(gmv or 0), int(refund or 0), int(units or 0) if int(known or 0) == int(n) else None]
        out_of_total: dict[str, Converted] = {}
        for platform in [p for p in per if p in currencies.foreign]:
            days = channel_days(conn, platform, start, end)
            converted = convert_days(currencies, platform, days)
            if converted.excluded:
                out_of_total[platform] = converted
                continue
            per[platform][1] = sum(v[0] for v in converted.fen.values())
            per[platform][2] = sum(v[1] for v in converted.fen.values())
        out.append(per)
        excluded.append(out_of_total)
    return out, excluded, dict(currencies.foreign)


def channel_days(conn: Any, platform: str, start: dt.date, end: dt.date) -> dict[dt.date, list[int]]:
    """One channel's paid amount and refunds per payment day, in its own currency."""
    sql = text(
        f"SELECT pay_date, sum(paid_fen), sum({_REFUND_SQL}) FROM orders WHERE is_paid = TRUE "
        "AND pay_date BETWEEN :s AND :e AND platform = :p GROUP BY pay_date"
    )
    return {
        d if isinstance(d, dt.date) else dt.date.fromisoformat(str(d)): [int(g or 0), int(r or 0)]
        for d, g, r in conn.execute(sql, {"s": start.isoformat(), "e": end.isoformat(), "p": platform})
    }


def _per_range_counts(ranges: Ranges) -> tuple[str, list[str]]:
    """Inner aggregates, and each range's count of a buyer's orders in terms of them. Ranges that
    follow one another (a year and the year before) need one comparison per order, not two."""
    order = sorted(set(ranges))
    chained = all(a[1] + dt.timedelta(days=1) == b[0] for a, b in zip(order, order[1:]))
    if chained:
        cols = ["count(*) AS c0"] + [f"sum({_one_if(f'pay_date >= :b{j}')}) AS c{j}" for j in range(1, len(order))]
        counts = {r: f"(c{j} - c{j + 1})" if j + 1 < len(order) else f"c{j}" for j, r in enumerate(order)}
    else:
        cols = [f"sum({_one_if(f'pay_date BETWEEN :b{j} AND :f{j}')}) AS c{j}" for j in range(len(order))]
        counts = {r: f"c{j}" for j, r in enumerate(order)}
    return ", ".join(cols), [counts[r] for r in ranges]


def buyer_counts(conn: Any, ranges: Ranges, channel: str | None) -> Buyers:
    """Per channel and range: buyers with a known key, those with >= 2 paid orders, and their
    orders (the other orders are each a buyer of their own, spec/kpi.md)."""
    if len(set(ranges)) <= BUYER_SCAN_MAX_RANGES and paid_day_share(conn, ranges) >= BUYER_SCAN_SHARE:
        # One ordered pass over each channel's orders for all ranges, no sort; ``buyer_key > ''``
        # is a range of the index, so orders without a key (whole channels, often) are not read.
        inner, counts = _per_range_counts(ranges)
        outer = ", ".join(f"coalesce(sum({_one_if(f'{n} > 0')}), 0), coalesce(sum({_one_if(f'{n} >= 2')}), 0), coalesce(sum({n}), 0)" for n in counts)
        hint = for_dialect(conn.dialect.name).index_hint("ix_orders_buyer")
        sql = text(
            f"SELECT {outer} FROM (SELECT {inner} FROM orders {hint} WHERE platform = :p AND buyer_key > '' "
            "AND is_paid = TRUE AND pay_date BETWEEN :lo AND :hi GROUP BY buyer_key) AS per_buyer"
        )
        params: dict[str, Any] = {"lo": min(r[0] for r in ranges).isoformat(), "hi": max(r[1] for r in ranges).isoformat()}
        for j, (start, end) in enumerate(sorted(set(ranges))):
            params[f"b{j}"], params[f"f{j}"] = start.isoformat(), end.isoformat()
        out: Buyers = [{} for _ in ranges]
        for platform in [channel] if channel else platforms(conn):
            row = conn.execute(sql, {**params, "p": platform}).one()
            for i in range(len(ranges)):
                out[i][platform] = tuple(int(v) for v in row[3 * i: 3 * i + 3])
        return out
    sql = text(
        f"SELECT platform, count(*), coalesce(sum({_one_if('n >= 2')}), 0), sum(n) FROM (SELECT platform, count(*) AS n FROM orders "
        "WHERE is_paid = TRUE AND pay_date BETWEEN :s AND :e AND buyer_key > ''"
        + (" AND platform = :p" if channel else "") + " GROUP BY platform, buyer_key) AS per_buyer GROUP BY platform"
    )
    return [
        {p: (int(k), int(r), int(n)) for p, k, r, n in conn.execute(sql, {"s": s.isoformat(), "e": e.isoformat(), "p": channel})}
        for s, e in ranges
    ]


def platforms(conn: Any) -> list[str]:
    """The channels that have orders: one index seek each (a skip-scan of ix_orders_buyer)."""
    sql = text(
        "WITH RECURSIVE p(x) AS (SELECT min(platform) FROM orders UNION ALL "
        "SELECT (SELECT min(platform) FROM orders WHERE platform > p.x) FROM p WHERE p.x IS NOT NULL) "
        "SELECT x FROM p WHERE x IS NOT NULL"
    )
    return [r[0] for r in conn.execute(sql)]


def paid_day_share(conn: Any, ranges: Ranges) -> float:
    """Share of the days with paid orders (first to last) that ``ranges`` cover: how much of the
    shop's history a dashboard refresh reads, to choose between date- and buyer/SKU-ordered scans."""
    first = conn.execute(text("SELECT min(pay_date) FROM orders WHERE is_paid = TRUE")).scalar()
    last = conn.execute(text("SELECT max(pay_date) FROM orders WHERE is_paid = TRUE")).scalar()
    if first is None or last is None:
        return 0.0
    first, last = dt.date.fromisoformat(str(first)).toordinal(), dt.date.fromisoformat(str(last)).toordinal()
    covered: set[int] = set()
    for start, end in ranges:
        covered.update(range(max(start.toordinal(), first), min(end.toordinal(), last) + 1))
    return len(covered) / (last - first + 1)


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
    return compute_kpis_many(source, [(date_from, date_to)], channel)[0]


def compute_kpis_many(source: Any, ranges: Ranges, channel: str | None = None) -> list[KpiResult]:
    """``compute_kpis`` for several ranges (a period and its 环比/同比) in one pass over the orders."""
    for date_from, date_to in ranges:
        if date_to < date_from:
            raise ValueError(f"range ends ({date_to}) before it starts ({date_from})")
    channel = channel or None

    def traffic() -> list[tuple[dict, dict]]:
        out = []
        with reading(source) as conn:
            for date_from, date_to in ranges:
                days = (date_to - date_from).days + 1
                rows = _traffic_rows(conn, date_from, date_to, channel)
                partial = [p for p, (_v, covered, _s) in rows.items() if covered < days]
                out.append((rows, _covered_rows(conn, date_from, date_to, partial) if partial else {}))
        return out

    def on_conn(fn: Any) -> Any:
        with reading(source) as conn:
            return fn(conn, ranges, channel)

    # Independent scans: side by side on pooled connections when the source is a Database.
    (totals, excluded, foreign), buyers, traffics = run_all(
        source, [lambda: on_conn(_totals), lambda: on_conn(buyer_counts), traffic])
    results = [
        _assemble(date_from, date_to, channel, t, b, tr, cov, ex)
        for (date_from, date_to), t, b, (tr, cov), ex in zip(ranges, totals, buyers, traffics, excluded)
    ]
    for r in results:
        r.channel_currencies = dict(foreign)
    return results


def _assemble(date_from: dt.date, date_to: dt.date, channel: str | None, totals: dict[str, list],
              buyers: dict[str, tuple[int, ...]], traffic: dict[str, tuple], covered: dict[str, tuple[int, int]],
              excluded: dict[str, Converted] | None = None) -> KpiResult:
    days = (date_to - date_from).days + 1
    excluded = excluded or {}
    per: dict[str, KpiNumbers] = {}
    left_out: dict[str, ExcludedChannel] = {}
    units_unknown = False
    for platform, (n, gmv, refund, units) in totals.items():
        known, repeat, keyed_orders = buyers.get(platform, (0, 0, 0))
        if platform in excluded:  # in its own currency, beside the totals rather than in them
            numbers = KpiNumbers(gmv=int(gmv or 0), orders=int(n), paying_buyers=int(n) - keyed_orders + known,
                                 refund_amount=int(refund or 0), known_buyers=int(known), repeat_buyers=int(repeat),
                                 units=None if units is None else int(units))
            _finish(numbers)
            left_out[platform] = ExcludedChannel(excluded[platform].currency, excluded[platform].missing_months, numbers)
            continue
        per[platform] = KpiNumbers(
            gmv=int(gmv or 0),
            orders=int(n),
            paying_buyers=int(n) - keyed_orders + known,
            refund_amount=int(refund or 0),
            known_buyers=int(known),
            repeat_buyers=int(repeat),
            # None when any of the channel's paid orders has unknown units (spec/kpi.md "unknown, never 0").
            units=None if units is None else int(units),
        )
        units_unknown = units_unknown or units is None
    for platform in traffic:
        if platform not in left_out:
            per.setdefault(platform, KpiNumbers())
    for platform, numbers in per.items():
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
    if units_unknown:  # a channel with unknown units makes the total unknown too
        total.units = None
    _finish(total)
    total.by_channel = dict(sorted(per.items(), key=lambda kv: (-kv[1].gmv, kv[0])))
    total.excluded = left_out
    return total
