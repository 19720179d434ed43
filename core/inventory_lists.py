"""The Inventory tab's lists as plain records: the alert list and today's purchase list.

``inventory_export_rows`` and ``purchase_list_rows`` return the rows the tab shows, as of
``today``, as dicts with stable English snake_case keys (README "Inventory" lists them), for the
shared ``export`` command (issue #17) and anything else headless. Dates are ``datetime.date``,
money integer fen, ``None`` unknown (a ``days_of_cover`` of ``None`` means it does not sell).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from core.inventory import STATUS_ORDER, InventoryParams, InventoryRow, inventory_params, inventory_rows


@dataclass(frozen=True)
class PurchaseLine:
    supplier: str
    sku_code: str
    title: str
    spec: str
    order_by: dt.date
    stockout_date: dt.date | None
    on_hand: int
    in_transit: int
    qty: int
    unit_cost_fen: int
    cost_fen: int
    status: str


@dataclass(frozen=True)
class SupplierTotal:
    supplier: str
    skus: int
    units: int
    cost_fen: int
    earliest_order_by: dt.date


def by_urgency(rows: Iterable[InventoryRow]) -> list[InventoryRow]:
    """Most urgent status first; within one, the earliest order-by date, then the least cover."""
    rank = {s: i for i, s in enumerate(STATUS_ORDER)}
    return sorted(rows, key=lambda r: (rank[r.status], r.order_by or dt.date.max,
                                       r.days_of_cover if r.days_of_cover is not None else float("inf"), r.sku_code))


def purchase_list(rows: Iterable[InventoryRow], today: dt.date) -> list[PurchaseLine]:
    """What to order today: SKUs whose order-by date is today or past and that need a quantity
    (the suggested order: at least the minimum, in the supplier's multiple), by supplier."""
    lines = [
        PurchaseLine(r.supplier, r.sku_code, r.title, r.spec, r.order_by, r.stockout_date, r.on_hand, r.in_transit,
                     r.suggested_qty, r.cost_fen, r.suggested_qty * r.cost_fen, r.status)
        for r in rows if r.order_by is not None and r.order_by <= today and r.suggested_qty > 0
    ]
    return sorted(lines, key=lambda p: (p.supplier == "", p.supplier, p.order_by, p.sku_code))


def supplier_totals(lines: Iterable[PurchaseLine]) -> list[SupplierTotal]:
    totals: dict[str, SupplierTotal] = {}
    for p in lines:
        t = totals.get(p.supplier)
        totals[p.supplier] = SupplierTotal(p.supplier, 1, p.qty, p.cost_fen, p.order_by) if t is None else SupplierTotal(
            p.supplier, t.skus + 1, t.units + p.qty, t.cost_fen + p.cost_fen, min(t.earliest_order_by, p.order_by))
    return sorted(totals.values(), key=lambda t: (t.supplier == "", t.supplier))


def inventory_export_rows(session: Session, today: dt.date, params: InventoryParams | None = None) -> list[dict]:
    """The alert list as the tab shows it (most urgent first); ``params`` default to Settings'."""
    rows = by_urgency(inventory_rows(session, today, params or inventory_params()))
    return [{
        "sku": r.sku_code, "title": r.title, "spec": r.spec, "category": r.category, "supplier": r.supplier,
        "on_hand": r.on_hand, "in_transit": r.in_transit, "avg_daily_sales": r.avg_daily_sales, "sigma": r.sigma,
        "days_of_cover": r.days_of_cover, "lead_time_days": r.lead_time_days, "safety_stock": r.safety_stock,
        "reorder_point": r.reorder_point, "suggested_qty": r.suggested_qty, "order_multiple": r.order_multiple,
        "min_order_qty": r.min_order_qty, "stockout_date": r.stockout_date, "order_by": r.order_by, "abc": r.abc,
        "xyz": r.xyz, "status": r.status, "flags": list(r.flags), "last_sale": r.last_sale,
        "unit_cost_fen": r.cost_fen, "stock_value_fen": r.stock_value_fen, "cogs_fen": r.cogs_fen,
        "turnover": r.turnover, "days_of_inventory": r.days_of_inventory, "uplift_source": r.uplift_source,
    } for r in rows]


def purchase_list_rows(session: Session, today: dt.date, params: InventoryParams | None = None) -> list[dict]:
    """Today's purchase list as the tab shows it, grouped by supplier (suppliers A→Z, none last)."""
    lines = purchase_list(inventory_rows(session, today, params or inventory_params()), today)
    return [{
        "supplier": p.supplier, "sku": p.sku_code, "title": p.title, "spec": p.spec, "order_by": p.order_by,
        "stockout_date": p.stockout_date, "on_hand": p.on_hand, "in_transit": p.in_transit, "qty": p.qty,
        "unit_cost_fen": p.unit_cost_fen, "cost_fen": p.cost_fen, "status": p.status,
    } for p in lines]
