"""Data for the dashboard's charts, each one SQL aggregate plus at most a pass over grouped rows.

Definitions (also in README "KPI dashboard"):

* Sales of a SKU / category: a line's own paid amount where the export has one; otherwise
  the order's paid amount (less what its priced lines already account for) shared over its
  other lines by unit price × quantity (by quantity when those are all 0). So categories and
  SKUs add up to GMV.
* Inventory turnover of a category = cost of goods sold in the range (units × the SKU's cost)
  ÷ inventory value at cost. Only the current stock is stored, so the average inventory is
  taken as the stock on hand now; days of inventory = range days ÷ turnover.
* Promotion ROI, from each promotion's latest measured result: ROAS = GMV ÷ cost, and, when a
  baseline (GMV expected without the promotion) was measured, incremental ROI =
  (GMV − baseline) ÷ cost. Unknown when the cost is 0.
* Channel ROI = the channel's GMV ÷ its ad spend from traffic imports; unknown without spend.
* Refunds by SKU / reason: successful records of the refunds table whose order was paid in
  the range (refunds are attributed to the order's payment date, as in the KPIs).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, func, select, text

from core.currency import Currencies, convert, daily_paid
from core.kpi.numbers import KpiResult, buyer_counts, compute_kpis
from core.kpi.periods import DateRange, buckets, same_period_last_year, shift_years
from core.kpi.source import ORDERS, paid_in_range, reading, run_all
from core.kpi.targets import GoalBook
from core.models import OrderLine, Promotion, PromotionResult, Refund, Sku, StockLevel

LINES = OrderLine.__table__
SKUS = Sku.__table__
STOCK = StockLevel.__table__
REFUNDS = Refund.__table__
PROMOS = Promotion.__table__
PROMO_RESULTS = PromotionResult.__table__


@dataclass(frozen=True)
class TrendPoint:
    start: dt.date
    end: dt.date
    gmv: int  # fen
    target: int | None  # the goal prorated to the bucket; None without a goal
    last_year: int  # GMV of the same days one year earlier
    # The bucket holds today, which is not over: its GMV is what has been paid so far.
    so_far: bool = False


@dataclass(frozen=True)
class SkuSales:
    sku_code: str
    title: str
    category: str
    units: int
    sales: int  # fen, see the module docstring
    cogs: int  # units × cost, fen


@dataclass(frozen=True)
class RefundGroup:
    label: str  # SKU code or reason; "" when the record has none
    title: str
    amount: int  # fen
    count: int


@dataclass(frozen=True)
class MonthRate:
    month: dt.date  # first day of the month
    start: dt.date
    end: dt.date
    rate: float | None
    known_buyers: int
    repeat_buyers: int


@dataclass(frozen=True)
class TurnoverRow:
    category: str
    cogs: int  # fen
    inventory_value: int  # fen, on hand now × cost
    turnover: float | None
    days_of_inventory: float | None


@dataclass(frozen=True)
class PromotionRoi:
    name: str
    start: dt.date
    end: dt.date
    gmv: int
    cost: int
    baseline: int | None
    roas: float | None
    incremental_roi: float | None


@dataclass(frozen=True)
class ChannelRoi:
    platform: str
    gmv: int
    ad_spend: int | None
    roi: float | None


# ---------------------------------------------------------------- trend


def daily_gmv(source: Any, start: dt.date, end: dt.date, channel: str | None = None) -> dict[dt.date, int]:
    """GMV per payment day in fen; foreign channels converted, those without a rate for the
    range left out (core.currency: the same rule as the KPI cards)."""
    with reading(source) as conn:
        return daily_paid(conn, start, end, channel).fen


def gmv_trend(
    source: Any,
    rng: DateRange,
    granularity: str = "day",
    channel: str | None = None,
    goals: GoalBook | None = None,
    today: dt.date | None = None,
) -> list[TrendPoint]:
    """GMV per day, ISO week or month of ``rng``, with the goal and last year's GMV; the bucket
    holding ``today`` (default: the computer's date) is marked ``so_far``."""
    today = today or dt.date.today()
    current = daily_gmv(source, rng.start, rng.end, channel)
    ly_rng = same_period_last_year(rng)
    last_year: dict[dt.date, int] = defaultdict(int)
    for day, value in daily_gmv(source, ly_rng.start, ly_rng.end, channel).items():
        last_year[shift_years(day, 1)] += value
    goals = goals if goals is not None else GoalBook.load(source, channel)
    points = []
    for b in buckets(rng, granularity):
        days = [b.start + dt.timedelta(days=i) for i in range(b.days)]
        points.append(
            TrendPoint(
                start=b.start,
                end=b.end,
                gmv=sum(current.get(d, 0) for d in days),
                target=goals.target(b).gmv,
                last_year=sum(last_year.get(d, 0) for d in days),
                so_far=b.start <= today <= b.end,
            )
        )
    return points


# ---------------------------------------------------------------- channels, SKUs, categories


def channel_share(kpis: KpiResult) -> list[tuple[str, int]]:
    """(platform, GMV fen) of the channels that sold in the range, largest first."""
    return [(p, n.gmv) for p, n in kpis.by_channel.items() if n.gmv > 0]


def channel_roi(kpis: KpiResult) -> list[ChannelRoi]:
    out = []
    for platform, n in kpis.by_channel.items():
        if n.gmv == 0 and not n.ad_spend:
            continue
        roi = n.gmv / n.ad_spend if n.ad_spend else None
        out.append(ChannelRoi(platform, n.gmv, n.ad_spend, roi))
    return out


# SKU sales come from the lines' own copies of their order's payment date, platform and share
# of the paid amount (core.orders.line_facts, kept by triggers): one covering-index scan of
# ix_order_lines_sales, which SQLite skip-scans SKU by SKU on pay_date (no join, no sort).
_SKU_SALES_SQL = """
SELECT sku_code, sum(qty), sum(sales_fen) FROM order_lines
WHERE pay_date BETWEEN :s AND :e {channel}
GROUP BY sku_code
"""


def sku_sales(source: Any, rng: DateRange, channel: str | None = None) -> list[SkuSales]:
    """Units, sales and cost of goods per SKU over the paid orders of the range. Lines of a channel
    in another currency are converted per SKU and day at the month's rate (core.currency); a
    channel without a rate for a month of the range is left out, as in the KPI cards."""
    with reading(source) as conn:
        foreign = Currencies.load(conn)
        mine = [p for p in foreign.foreign if not channel or p == channel]
        params = {"s": rng.start.isoformat(), "e": rng.end.isoformat(), "p": channel}
        if not mine:
            sql = _SKU_SALES_SQL.format(channel="AND platform = :p" if channel else "")
            grouped = list(conn.execute(text(sql), params))
        else:
            sql = _SKU_SALES_SQL.format(channel=("AND platform = :p " if channel else "") + "AND platform NOT IN :fp")
            grouped = list(conn.execute(text(sql).bindparams(bindparam("fp", expanding=True)), {**params, "fp": mine}))
            grouped = _add_foreign_sku_sales(conn, grouped, foreign, mine, rng)
        catalogue = {code: (title, cat, cost) for code, title, cat, cost in conn.execute(
            select(SKUS.c.code, SKUS.c.title, SKUS.c.category, SKUS.c.cost_fen)
        )}
        # Titles of SKUs the catalogue does not know come from their order lines (few rows;
        # kept out of the big aggregate so that it reads only the covering index).
        unknown = [code for code, _u, _s in grouped if code not in catalogue]
        line_titles = {code: title for code, title in conn.execute(
            select(LINES.c.sku_code, func.max(LINES.c.title)).where(LINES.c.sku_code.in_(unknown)).group_by(LINES.c.sku_code)
        )} if unknown else {}
    out = []
    for code, units, sales in grouped:
        title, category, cost = catalogue.get(code, (None, "", 0))
        units = int(units or 0)
        title = title or line_titles.get(code) or ""
        out.append(SkuSales(code or "", title, category or "", units, round(sales or 0), units * (cost or 0)))
    out.sort(key=lambda s: (-s.sales, s.sku_code))
    return out


def category_sales(source: Any, rng: DateRange, channel: str | None = None) -> dict[str, int]:
    """Sales per category, the sum of ``sku_sales``: Goals' category targets and their history read
    this, so that Goals and the dashboard's category share give the same figure."""
    totals: dict[str, int] = {}
    for s in sku_sales(source, rng, channel):
        totals[s.category] = totals.get(s.category, 0) + s.sales
    return totals


def _add_foreign_sku_sales(conn: Any, grouped: list, currencies: Currencies, platforms: list[str], rng: DateRange) -> list:
    """``grouped`` (sku, units, sales fen) plus the lines of ``platforms`` converted per SKU and day."""
    sql = text("SELECT platform, sku_code, pay_date, sum(qty), sum(sales_fen) FROM order_lines "
               "WHERE pay_date BETWEEN :s AND :e AND platform IN :fp GROUP BY platform, sku_code, pay_date"
               ).bindparams(bindparam("fp", expanding=True))
    per: dict[str, list] = {}
    for platform, code, day, units, sales in conn.execute(sql, {"s": rng.start.isoformat(), "e": rng.end.isoformat(),
                                                                "fp": platforms}):
        per.setdefault(platform, []).append((code, day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day)),
                                             int(units or 0), round(sales or 0)))
    totals: dict[Any, list] = {code: [int(u or 0), float(v or 0)] for code, u, v in grouped}
    for platform, rows in per.items():
        currency = currencies.currency_of(platform)
        rates = {d: currencies.rate(currency, d) for _c, d, _u, _s in rows}
        if any(r is None for r in rates.values()):
            continue  # no rate for a month: not mixed in (the cards show it apart)
        for code, day, units, sales in rows:
            t_ = totals.setdefault(code, [0, 0.0])
            t_[0] += units
            t_[1] += convert(sales, rates[day])  # type: ignore[arg-type]
    return [(code, u, v) for code, (u, v) in totals.items()]


def top_skus(skus: list[SkuSales], n: int = 10) -> list[SkuSales]:
    return skus[:n]


def category_share(skus: list[SkuSales]) -> list[tuple[str, int]]:
    """(category, sales fen), largest first; "" collects SKUs without a category."""
    totals: dict[str, int] = defaultdict(int)
    for s in skus:
        totals[s.category] += s.sales
    return sorted(((c, v) for c, v in totals.items() if v > 0), key=lambda cv: (-cv[1], cv[0]))


def stock_value_by_category(source: Any) -> dict[str, int]:
    """Stock on hand now, valued at cost, per category (fen)."""
    stmt = (
        select(SKUS.c.category, func.sum(STOCK.c.on_hand * SKUS.c.cost_fen))
        .select_from(STOCK.join(SKUS, SKUS.c.code == STOCK.c.sku_code))
        .where(STOCK.c.on_hand > 0)
        .group_by(SKUS.c.category)
    )
    with reading(source) as conn:
        return {c or "": int(v or 0) for c, v in conn.execute(stmt)}


def inventory_turnover(rng: DateRange, skus: list[SkuSales], stock: dict[str, int]) -> list[TurnoverRow]:
    cogs: dict[str, int] = defaultdict(int)
    for s in skus:
        cogs[s.category] += s.cogs
    out = []
    for category in sorted(set(cogs) | set(stock)):
        value = stock.get(category, 0)
        turnover = cogs[category] / value if value else None
        days = rng.days / turnover if turnover else None
        if cogs[category] or value:
            out.append(TurnoverRow(category, cogs[category], value, turnover, days))
    out.sort(key=lambda r: (-(r.turnover or 0), r.category))
    return out


# ---------------------------------------------------------------- funnel, refunds, repurchase


def funnel(kpis: KpiResult) -> list[tuple[str, int | None]]:
    """Visitors → paying buyers → paid orders, over the channels and days with traffic data.

    Without any traffic data the visitors stage is unknown and the other two stages are the
    whole range's (so the chart can still show buyers and orders)."""
    if kpis.visitors is None:
        return [("visitors", None), ("paying_buyers", kpis.paying_buyers), ("orders", kpis.orders)]
    return [("visitors", kpis.visitors), ("paying_buyers", kpis.traffic_buyers), ("orders", kpis.traffic_orders)]


def refund_groups(
    source: Any, rng: DateRange, channel: str | None = None
) -> tuple[list[RefundGroup], list[RefundGroup]]:
    """Successful refunds on the range's paid orders, by SKU and by reason (largest first).

    One pass over the refunds table; each refund finds its order through the unique
    (platform, order_no) index, which is far cheaper than walking a year of orders."""
    order_paid = (
        select(ORDERS.c.id)
        .where(
            ORDERS.c.platform == REFUNDS.c.platform,
            ORDERS.c.order_no == REFUNDS.c.order_no,
            paid_in_range(rng.start, rng.end, channel),
        )
        .exists()
    )
    stmt = (
        select(REFUNDS.c.sku_code, REFUNDS.c.reason, func.max(REFUNDS.c.title), func.sum(REFUNDS.c.amount_fen), func.count())
        .where(REFUNDS.c.status == "success", order_paid)
        .group_by(REFUNDS.c.sku_code, REFUNDS.c.reason)
    )
    by_sku: dict[str, list] = {}
    by_reason: dict[str, list] = {}
    with reading(source) as conn:
        for sku, reason, title, amount, count in conn.execute(stmt):
            for groups, key in ((by_sku, sku or ""), (by_reason, reason or "")):
                g = groups.setdefault(key, ["", 0, 0])
                g[0] = max(g[0], title or "") if groups is by_sku else ""
                g[1] += int(amount or 0)
                g[2] += int(count)

    def ranked(groups: dict[str, list]) -> list[RefundGroup]:
        rows = [RefundGroup(k, title, amount, n) for k, (title, amount, n) in groups.items()]
        return sorted(rows, key=lambda r: (-r.amount, r.label))

    return ranked(by_sku), ranked(by_reason)


def repurchase_by_month(source: Any, rng: DateRange, channel: str | None = None) -> list[MonthRate]:
    """The repurchase rate within each calendar month of the range (clipped to it): every month
    counted in the same pass as the cards' buyers (``buyer_counts``), not a query per month."""
    months = list(buckets(rng, "month"))
    with reading(source) as conn:
        per_month = buyer_counts(conn, [(b.start, b.end) for b in months], channel)
    out = []
    for b, channels in zip(months, per_month):
        known = sum(k for k, _r, _n in channels.values())
        repeat = sum(r for _k, r, _n in channels.values())
        out.append(MonthRate(b.start.replace(day=1), b.start, b.end, repeat / known if known else None, known, repeat))
    return out


# ---------------------------------------------------------------- promotions


def promotion_roi(source: Any, rng: DateRange, channel: str | None = None) -> list[PromotionRoi]:
    """Promotions overlapping the range that have a measured result (latest one each)."""
    latest = (
        select(PROMO_RESULTS.c.promotion_id, func.max(PROMO_RESULTS.c.id).label("rid"))
        .group_by(PROMO_RESULTS.c.promotion_id)
        .subquery()
    )
    stmt = (
        select(
            PROMOS.c.name, PROMOS.c.start, PROMOS.c.end, PROMOS.c.platforms,
            PROMO_RESULTS.c.gmv_fen, PROMO_RESULTS.c.cost_fen, PROMO_RESULTS.c.baseline_gmv_fen,
            PROMO_RESULTS.c.measured_at,
        )
        .select_from(
            PROMOS.join(latest, latest.c.promotion_id == PROMOS.c.id).join(PROMO_RESULTS, PROMO_RESULTS.c.id == latest.c.rid)
        )
        .where(PROMOS.c.start <= rng.end, PROMOS.c.end >= rng.start, PROMOS.c.status != "cancelled")
        .order_by(PROMOS.c.start, PROMOS.c.name)
    )
    out = []
    with reading(source) as conn:
        for name, start, end, platforms, gmv, cost, baseline, _at in conn.execute(stmt):
            if channel and platforms and channel not in platforms:
                continue
            gmv, cost = int(gmv or 0), int(cost or 0)
            roas = gmv / cost if cost else None
            incremental = (gmv - baseline) / cost if cost and baseline is not None else None
            out.append(PromotionRoi(name, start, end, gmv, cost, baseline, roas, incremental))
    return out


# ---------------------------------------------------------------- everything the dashboard draws
# Three independent parts, so that the dashboard can start all of them at once and draw each
# group of charts as soon as its part is in: the charts derived from the cards' numbers, the
# SKU charts (sales per SKU) and the charts with queries of their own.


@dataclass(frozen=True)
class KpiCharts:
    """The charts drawn from the range's KPI numbers (no query of their own)."""

    channel_share: list[tuple[str, int]]
    funnel: list[tuple[str, int | None]]
    channel_roi: list[ChannelRoi]


def kpi_charts(kpis: KpiResult) -> KpiCharts:
    return KpiCharts(channel_share(kpis), funnel(kpis), channel_roi(kpis))


@dataclass(frozen=True)
class SkuCharts:
    """The charts that need sales per SKU."""

    category_share: list[tuple[str, int]]
    top_skus: list[SkuSales]
    turnover: list[TurnoverRow]


def compute_sku_charts(source: Any, rng: DateRange, channel: str | None = None) -> SkuCharts:
    """Category share and top SKUs for ``channel``; turnover always for the whole shop, because
    stock is not kept per channel (one channel's cost of goods over all the stock would make
    every category look stuck)."""
    channel = channel or None
    calls = [lambda: sku_sales(source, rng, channel), lambda: stock_value_by_category(source)]
    if channel:
        calls.append(lambda: sku_sales(source, rng, None))
    skus, stock, *shop = run_all(source, calls)
    return SkuCharts(category_share(skus), top_skus(skus), inventory_turnover(rng, shop[0] if shop else skus, stock))


@dataclass(frozen=True)
class QueryCharts:
    """The charts with queries of their own: trend, refunds, repurchase, promotions."""

    trend: list[TrendPoint]
    refunds_by_sku: list[RefundGroup]
    refunds_by_reason: list[RefundGroup]
    repurchase: list[MonthRate]
    promotions: list[PromotionRoi]


def compute_query_charts(
    source: Any, rng: DateRange, granularity: str = "day", channel: str | None = None, goals: GoalBook | None = None,
    today: dt.date | None = None,
) -> QueryCharts:
    channel = channel or None
    refunds, trend, repurchase, promotions = run_all(source, [
        lambda: refund_groups(source, rng, channel),
        lambda: gmv_trend(source, rng, granularity, channel, goals, today),
        lambda: repurchase_by_month(source, rng, channel),
        lambda: promotion_roi(source, rng, channel),
    ])
    return QueryCharts(trend, refunds[0], refunds[1], repurchase, promotions)


@dataclass(frozen=True)
class ChartData:
    """Every chart's series (what the Excel export and the tests read)."""

    trend: list[TrendPoint]
    channel_share: list[tuple[str, int]]
    category_share: list[tuple[str, int]]
    top_skus: list[SkuSales]
    funnel: list[tuple[str, int | None]]
    refunds_by_sku: list[RefundGroup]
    refunds_by_reason: list[RefundGroup]
    repurchase: list[MonthRate]
    turnover: list[TurnoverRow]
    promotions: list[PromotionRoi]
    channel_roi: list[ChannelRoi]

    @classmethod
    def combine(cls, kpi: KpiCharts, skus: SkuCharts, queries: QueryCharts) -> ChartData:
        return cls(**{f.name: getattr(part, f.name) for part in (kpi, skus, queries) for f in dataclasses.fields(part)})


def compute_charts(
    source: Any,
    rng: DateRange,
    granularity: str = "day",
    channel: str | None = None,
    kpis: KpiResult | None = None,
    goals: GoalBook | None = None,
    today: dt.date | None = None,
) -> ChartData:
    """All chart series for the range; pass the range's ``kpis`` when already computed."""
    channel = channel or None
    kpis = kpis if kpis is not None else compute_kpis(source, rng.start, rng.end, channel)
    skus, queries = run_all(source, [
        lambda: compute_sku_charts(source, rng, channel),
        lambda: compute_query_charts(source, rng, granularity, channel, goals, today),
    ])
    return ChartData.combine(kpi_charts(kpis), skus, queries)
