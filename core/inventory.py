"""Inventory alerts (库存预警): cover, safety stock, reorder point, ABC and slow movers.

Formulas are spec/kpi.md "Inventory"; sales are units of paid orders by payment date.
"""
from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass
from statistics import NormalDist, pstdev

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.models import OrderLine, Sku, StockLevel

OK, LOW, REORDER, OUT, SLOW = "ok", "low", "reorder", "out", "slow"


@dataclass(frozen=True)
class InventoryParams:
    window_days: int = 28
    service_level: float = 0.95
    review_days: int = 7
    slow_no_sale_days: int = 30
    slow_cover_days: float = 90.0
    abc_a: float = 0.80
    abc_b: float = 0.95


@dataclass(frozen=True)
class InventoryRow:
    sku_code: str
    title: str
    spec: str
    category: str
    supplier: str
    on_hand: int
    in_transit: int
    avg_daily_sales: float
    days_of_cover: float | None  # None = infinite (no sales in the window)
    lead_time_days: int
    safety_stock: int
    reorder_point: int
    suggested_qty: int
    abc: str
    last_sale: dt.date | None
    status: str  # out|reorder|low|slow|ok
    stock_value_fen: int
    cost_fen: int = 0
    order_multiple: int = 1
    safety_stock_override: int | None = None


def inventory_rows(session: Session, today: dt.date, params: InventoryParams = InventoryParams()) -> list[InventoryRow]:
    start = today - dt.timedelta(days=params.window_days - 1)
    # Lines carry their order's payment date (NULL unless paid, core.orders.line_facts), so
    # these read the lines alone through ix_order_lines_sales.
    paid_in_window = OrderLine.pay_date.between(start, today)
    daily: dict[str, dict[dt.date, int]] = defaultdict(dict)
    q = (
        select(OrderLine.sku_code, OrderLine.pay_date, func.sum(OrderLine.qty))
        .where(paid_in_window)
        .group_by(OrderLine.sku_code, OrderLine.pay_date)
    )
    for code, day, qty in session.execute(q):
        daily[code][day] = int(qty)
    value_q = (
        select(OrderLine.sku_code, func.sum(func.coalesce(OrderLine.paid_fen, OrderLine.unit_price_fen * OrderLine.qty)))
        .where(paid_in_window)
        .group_by(OrderLine.sku_code)
    )
    sales_value = {code: int(v or 0) for code, v in session.execute(value_q)}
    last_sale = dict(
        session.execute(
            select(OrderLine.sku_code, func.max(OrderLine.pay_date))
            .where(OrderLine.pay_date <= today)
            .group_by(OrderLine.sku_code)
        ).all()
    )
    abc = _abc_classes(sales_value, params)
    z = NormalDist().inv_cdf(params.service_level)

    rows = []
    skus = session.execute(
        select(Sku, StockLevel).outerjoin(StockLevel, StockLevel.sku_code == Sku.code).where(Sku.active.is_(True))
    ).all()
    for sku, stock in skus:
        on_hand = stock.on_hand if stock else 0
        in_transit = stock.in_transit if stock else 0
        per_day = [daily[sku.code].get(start + dt.timedelta(days=i), 0) for i in range(params.window_days)]
        avg = sum(per_day) / params.window_days
        sigma = pstdev(per_day) if avg else 0.0
        lead = max(sku.lead_time_days, 0)
        safety = sku.safety_stock_override if sku.safety_stock_override is not None else math.ceil(z * sigma * math.sqrt(lead))
        reorder_point = math.ceil(avg * lead + safety)
        need = reorder_point + avg * params.review_days - on_hand - in_transit
        multiple = max(sku.order_multiple, 1)
        suggested = 0 if need <= 0 else math.ceil(need / multiple) * multiple
        cover = (on_hand + in_transit) / avg if avg else None
        last = last_sale.get(sku.code)
        no_recent_sale = last is None or (today - last).days > params.slow_no_sale_days
        # Out of stock counts even without recent sales: a SKU that sold before and has
        # nothing left may show no sales precisely because it ran out.
        if on_hand <= 0 and (avg > 0 or last is not None):
            status = OUT
        elif avg > 0 and on_hand + in_transit <= reorder_point:
            status = REORDER
        elif cover is not None and cover < lead + params.review_days:
            status = LOW
        elif on_hand > 0 and (no_recent_sale or (cover is not None and cover > params.slow_cover_days)):
            status = SLOW
        else:
            status = OK
        rows.append(
            InventoryRow(
                sku_code=sku.code,
                title=sku.title,
                spec=sku.spec,
                category=sku.category,
                supplier=sku.supplier,
                on_hand=on_hand,
                in_transit=in_transit,
                avg_daily_sales=avg,
                days_of_cover=cover,
                lead_time_days=lead,
                safety_stock=int(safety),
                reorder_point=reorder_point,
                suggested_qty=suggested,
                abc=abc.get(sku.code, "C"),
                last_sale=last,
                status=status,
                stock_value_fen=on_hand * sku.cost_fen,
                cost_fen=sku.cost_fen,
                order_multiple=multiple,
                safety_stock_override=sku.safety_stock_override,
            )
        )
    return rows


def _abc_classes(sales_value: dict[str, int], params: InventoryParams) -> dict[str, str]:
    total = sum(sales_value.values())
    classes: dict[str, str] = {}
    cumulative = 0
    for code, value in sorted(sales_value.items(), key=lambda kv: (-kv[1], kv[0])):
        # A SKU's class is decided by the cumulative share *before* it, so the SKU that
        # crosses 80 % is still an A item (the usual Pareto convention).
        share_before = cumulative / total if total else 1.0
        classes[code] = "A" if share_before < params.abc_a else "B" if share_before < params.abc_b else "C"
        cumulative += value
    return classes
