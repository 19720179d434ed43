"""The Inventory tab's lists: the alerts most urgent first, and today's purchase list by supplier.

The tab and the ``inventory-alerts`` / ``purchase-list`` views (core/views/catalogue.py, the
``export`` command) both read them from here, so the file and the screen hold the same rows.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from core.gc_paused import gc_paused
from core.inventory import REORDER, STATUS_ORDER, InventoryParams, InventoryRow, inventory_rows


@dataclass(frozen=True)
class PurchaseLine:
    supplier: str
    sku_code: str
    title: str
    spec: str
    order_by: dt.date | None
    stockout_date: dt.date | None
    on_hand: int
    in_transit: int
    qty: int  # the owner's quantity when typed, else the suggested order
    unit_cost_fen: int
    cost_fen: int
    status: str
    suggested_qty: int = 0
    edited: bool = False  # qty was typed by the owner (Sku.order_qty)
    lead_time_days: int = 0
    arrival_date: dt.date | None = None  # ordered today: expected on today + lead time


@dataclass(frozen=True)
class SupplierTotal:
    supplier: str
    skus: int
    units: int
    cost_fen: int
    earliest_order_by: dt.date | None


@gc_paused()  # one pause for the uplifts, the rows and their order (core.gc_paused)
def alert_rows(session: Session, today: dt.date, params: InventoryParams) -> list[InventoryRow]:
    """The alert list as the tab and the exports show it: the calendar's promotions raising the
    forecast (core.inventory_uplift), most urgent first."""
    from core.inventory_uplift import promotion_uplifts

    return by_urgency(inventory_rows(session, today, params, promotion_uplifts(session, today, params)))


def by_urgency(rows: Iterable[InventoryRow]) -> list[InventoryRow]:
    """Most urgent status first; within one, the earliest order-by date, then the least cover."""
    rank = {s: i for i, s in enumerate(STATUS_ORDER)}
    return sorted(rows, key=lambda r: (rank[r.status], r.order_by or dt.date.max,
                                       r.days_of_cover if r.days_of_cover is not None else float("inf"), r.sku_code))


def purchase_list(rows: Iterable[InventoryRow], today: dt.date) -> list[PurchaseLine]:
    """What to order today, by supplier: every SKU flagged "reorder now" (at or below its reorder
    point, or running out within its lead time, with a quantity to order: the suggested order, at
    least the minimum, in the supplier's multiple), and every SKU the owner added or gave a
    quantity (``order_qty``; 0 leaves it out). Without the owner's additions, the list holds exactly
    the SKUs the tab counts as "Reorder now"."""
    lines = []
    for r in rows:
        if r.order_qty is not None:
            if r.order_qty <= 0:
                continue
            qty = r.order_qty
        elif REORDER in r.flags:
            qty = r.suggested_qty
        else:
            continue
        lines.append(PurchaseLine(
            r.supplier, r.sku_code, r.title, r.spec, r.order_by, r.stockout_date, r.on_hand, r.in_transit, qty,
            r.cost_fen, qty * r.cost_fen, r.status, suggested_qty=r.suggested_qty, edited=r.order_qty is not None,
            lead_time_days=r.lead_time_days, arrival_date=today + dt.timedelta(days=r.lead_time_days)))
    return sorted(lines, key=lambda p: (p.supplier == "", p.supplier, p.order_by or dt.date.max, p.sku_code))


def supplier_totals(lines: Iterable[PurchaseLine]) -> list[SupplierTotal]:
    totals: dict[str, SupplierTotal] = {}
    for p in lines:
        t = totals.get(p.supplier)
        totals[p.supplier] = SupplierTotal(p.supplier, 1, p.qty, p.cost_fen, p.order_by) if t is None else SupplierTotal(
            p.supplier, t.skus + 1, t.units + p.qty, t.cost_fen + p.cost_fen, _earliest(t.earliest_order_by, p.order_by))
    return sorted(totals.values(), key=lambda t: (t.supplier == "", t.supplier))


def _earliest(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    return min(a, b) if a is not None and b is not None else a or b
