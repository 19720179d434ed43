"""One SKU's story for the Inventory tab's detail panel: 90 days of daily sales, the forecast on
from tomorrow with and without the calendar's promotions, the projected stock down to the
stock-out date and the next delivery, and one sentence saying why its alert fired.

* **Forecast** = the window's average daily sales (``InventoryRow.avg_daily_sales``), × the
  promotion's factor inside an uplift window (``core.inventory_uplift``); the line without them
  is the plain average.
* **Projected stock** starts at today's on hand and loses each day's forecast (with the
  promotions); each open delivery (core.deliveries) arrives on its own expected date (Mark as
  ordered stores today + lead time; a late one any day from today), or after the lead time when
  none is known. The line stops at 0 (the
  stock-out, which can come before the delivery) or at the end of the chart.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.i18n import t
from core.inventory import (
    BELOW_SAFETY, DEAD, LOW, OUT, OVERSTOCK, REORDER, SLOW, InventoryParams, InventoryRow, Uplift, flatten_uplifts,
)
from core.models import OrderLine

HISTORY_DAYS = 90
MIN_AHEAD = 30  # the forecast runs at least a month on, and past the stock-out and the delivery
MAX_AHEAD = 180


@dataclass(frozen=True)
class SkuDetail:
    row: InventoryRow
    sales: list[tuple[dt.date, int]]  # the last 90 days up to today, a day without sales is 0
    forecast: list[tuple[dt.date, float]]  # from tomorrow, with the promotions' uplift
    forecast_base: list[tuple[dt.date, float]]  # the same days without it
    stock: list[tuple[dt.date, float]]  # projected stock from today (on hand), down to 0 at most
    delivery: tuple[dt.date, int] | None  # the first delivery expected (date, quantity)
    uplifts: tuple[Uplift, ...]
    reason: str
    deliveries: tuple[tuple[dt.date, int], ...] = ()  # every open delivery, soonest first (core.deliveries)
    late: str = ""  # "Delivery of 200 due 2026-12-01 is late (3 days)." for each late one


def daily_sales(session: Session, code: str, today: dt.date, days: int = HISTORY_DAYS) -> list[tuple[dt.date, int]]:
    start = today - dt.timedelta(days=days - 1)
    q = (select(OrderLine.pay_date, func.sum(OrderLine.qty)).where(OrderLine.sku_code == code)
         .where(OrderLine.pay_date.between(start, today)).group_by(OrderLine.pay_date))
    sold = {day: int(qty or 0) for day, qty in session.execute(q)}
    return [(start + dt.timedelta(days=i), sold.get(start + dt.timedelta(days=i), 0)) for i in range(days)]


def sku_detail(session: Session, row: InventoryRow, today: dt.date, params: InventoryParams = InventoryParams(),
               uplifts: Sequence[Uplift] = ()) -> SkuDetail:
    from core.deliveries import late_sentence, open_deliveries

    windows = tuple(flatten_uplifts([u for u in uplifts if u.end > today]))
    found = open_deliveries(session, [row.sku_code]).get(row.sku_code, []) if row.in_transit > 0 else []
    arriving: dict[dt.date, int] = {}
    for d in found:  # each delivery on its own date (a late one: today, it can come any day)
        when = d.arrives(today, row.lead_time_days)
        arriving[when] = arriving.get(when, 0) + d.open_qty
    deliveries = tuple(sorted(arriving.items()))
    delivery = deliveries[0] if deliveries else None
    ends = [today + dt.timedelta(days=MIN_AHEAD)]
    if row.stockout_date:
        ends.append(row.stockout_date + dt.timedelta(days=7))
    if deliveries:
        ends.append(deliveries[-1][0] + dt.timedelta(days=7))
    end = min(max(ends), today + dt.timedelta(days=MAX_AHEAD))
    days = [today + dt.timedelta(days=i) for i in range(1, (end - today).days + 1)]
    rate = row.avg_daily_sales
    base = [(d, rate) for d in days]
    raised = [(d, rate * _factor(windows, d)) for d in days]
    level = float(row.on_hand) + arriving.get(today, 0)
    last = deliveries[-1][0] if deliveries else None
    stock = [(today, level)]
    for d, demand in raised:
        if level <= 0 and not (last and d <= last):
            break  # ran out and nothing more is coming
        level = max(level - demand, 0.0) + arriving.get(d, 0)
        stock.append((d, level))
    late = " ".join(filter(None, (late_sentence(found, today), _before_delivery(stock, deliveries))))
    reason = why(row, today, params)
    return SkuDetail(row, daily_sales(session, row.sku_code, today), raised, base, stock, delivery, windows,
                     f"{reason}\n{late}" if late else reason, deliveries, late)


def _before_delivery(stock: Sequence[tuple[dt.date, float]], deliveries: Sequence[tuple[dt.date, int]]) -> str:
    """The projected stock reaching 0 before a delivery arrives (the alerts count what is in transit as
    stock already: their run-out date is the day after everything has arrived)."""
    gap = next(((day, when, qty) for day, level in stock if level <= 0 for when, qty in deliveries if when > day), None)
    if gap is None:
        return ""
    day, when, qty = gap
    return t("The stock runs out around {day}, before the delivery of {qty} due {date}: ask the supplier to send it "
             "sooner.", day=day.isoformat(), qty=f"{qty:,}", date=when.isoformat())


def _factor(windows: Sequence[Uplift], day: dt.date) -> float:
    return next((u.factor for u in windows if u.start <= day <= u.end), 1.0)


def _overdue(row: InventoryRow, order_by: str, runs_out: str) -> str:
    """An order-by date already past is no deadline to meet: the sentence says it is overdue."""
    qty = f"{row.suggested_qty:,}"
    if row.uplift_source:
        return t("{why} — overdue since {date}: order today", why=row.uplift_source, date=order_by)
    if row.status == OUT:
        return t("Out of stock: nothing on hand while it sold {rate} a day — order {qty} today.",
                 rate=f"{row.avg_daily_sales:.2f}", qty=qty)
    if row.status == BELOW_SAFETY:
        return t("Only {n} on hand, below the safety stock of {safety} — overdue since {date}: order {qty} today.",
                 n=f"{row.on_hand:,}", safety=f"{row.safety_stock:,}", qty=qty, date=order_by)
    if row.status == REORDER:
        return t("On hand and in transit ({n}) are at or below the reorder point {point} — overdue since {date}: "
                 "order {qty} today.", n=f"{row.on_hand + row.in_transit:,}", point=f"{row.reorder_point:,}",
                 qty=qty, date=order_by)
    return t("Runs out on {out}; with {lead} day(s) of lead time, it is overdue since {date}: order today.",
             out=runs_out, lead=row.lead_time_days, date=order_by)


def why(row: InventoryRow, today: dt.date, params: InventoryParams = InventoryParams()) -> str:
    """One sentence: why this SKU's alert fired (its most urgent flag), or that none did."""
    order_by = row.order_by.isoformat() if row.order_by else "—"
    runs_out = row.stockout_date.isoformat() if row.stockout_date else "—"
    urgent = row.status in (OUT, BELOW_SAFETY, REORDER, LOW)
    if urgent and row.order_by is not None and row.order_by < today:
        return _overdue(row, order_by, runs_out)
    if urgent and row.uplift_source and row.order_by:
        # "618: expected 3.1× normal sales (last year's 618) — order by 2026-05-20"
        return t("{why} — order by {date}", why=row.uplift_source, date=order_by)
    per_day = f"{row.avg_daily_sales:.2f}"
    if row.status == OUT:
        return t("Out of stock: nothing on hand while it sold {rate} a day — order {qty} today.", rate=per_day,
                 qty=f"{row.suggested_qty:,}")
    if row.status == BELOW_SAFETY:
        return t("Only {n} on hand, below the safety stock of {safety} — order {qty} by {date}.", n=f"{row.on_hand:,}",
                 safety=f"{row.safety_stock:,}", qty=f"{row.suggested_qty:,}", date=order_by)
    if row.status == REORDER:
        return t("On hand and in transit ({n}) are at or below the reorder point {point} — order {qty} by {date}.",
                 n=f"{row.on_hand + row.in_transit:,}", point=f"{row.reorder_point:,}",
                 qty=f"{row.suggested_qty:,}", date=order_by)
    if row.status == LOW:
        return t("Runs out on {out}; with {lead} day(s) of lead time, order by {date}.", out=runs_out,
                 lead=row.lead_time_days, date=order_by)
    if row.status == OVERSTOCK:
        return t("{days} day(s) of cover, more than the {limit} day(s) allowed: overstocked, nothing to order.",
                 days=f"{row.days_of_cover:,.0f}", limit=f"{params.overstock_cover_days:,.0f}")
    if row.status in (DEAD, SLOW):
        since = (today - row.last_sale).days if row.last_sale else None
        if row.status == DEAD and since is None:
            return t("Never sold, with {n} on hand: dead stock — a clearance promotion frees the money.",
                     n=f"{row.on_hand:,}")
        text = (t("No sale for {days} day(s), with {n} on hand: dead stock — a clearance promotion frees the money.",
                  days=since, n=f"{row.on_hand:,}") if row.status == DEAD else
                t("No sale for {days} day(s), with {n} on hand: slow-moving.", days=since, n=f"{row.on_hand:,}"))
        return text
    if row.stockout_date:
        return t("No alert: the stock lasts until {out}; order by {date}.", out=runs_out, date=order_by)
    return t("No alert: no sales in the window to forecast from.") if not row.avg_daily_sales else t(
        "No alert: the stock lasts more than a year.")
