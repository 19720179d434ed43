"""Catalogue rows and stock levels: most SKUs healthy, some running low, some dead stock."""
from __future__ import annotations

import datetime as dt
import math
import random
from collections import defaultdict

from core.demo.catalog import CatalogProduct, CatalogSku


def choose_dead_and_launch(rng: random.Random, products: list[CatalogProduct], end: dt.date,
                           ) -> tuple[dict[str, dt.date], dict[str, dt.date]]:
    """SKUs that stopped selling 46–150 days before ``end`` and the 建盏 launch SKUs."""
    skus = [s for p in products for s in p.skus if p.category not in ("礼盒",)]
    launch = {s.code: end - dt.timedelta(days=40) for p in products if p.title.startswith("建盏") for s in p.skus}
    candidates = sorted((s for s in skus if s.code not in launch), key=lambda s: s.code)
    dead = rng.sample(candidates, 8)
    return {s.code: end - dt.timedelta(days=rng.randint(50, 150)) for s in dead}, launch


def product_rows(products: list[CatalogProduct], first_id: int) -> tuple[list[dict], list[dict]]:
    prods, skus = [], []
    for i, p in enumerate(products):
        pid = first_id + i
        prods.append({"id": pid, "code": p.code, "title": p.title, "category": p.category, "batch_id": None})
        for s in p.skus:
            skus.append({
                "code": s.code, "product_id": pid, "title": s.title, "spec": s.spec, "category": s.category,
                "cost_fen": s.cost_fen, "price_fen": s.price_fen, "supplier": s.supplier,
                "lead_time_days": s.lead_time_days, "order_multiple": s.order_multiple,
                "safety_stock_override": None, "active": True, "batch_id": None,
            })
    return prods, skus


def stock_rows(rng: random.Random, skus: list[CatalogSku], sku_rows: list[dict], lines: list[dict],
               orders_by_id: dict[int, dict], dead: dict[str, dt.date], end: dt.date) -> list[dict]:
    """Stock on hand and in transit from each SKU's sales over the last 28 days."""
    since = end - dt.timedelta(days=27)
    units: dict[str, int] = defaultdict(int)
    for ln in lines:
        o = orders_by_id[ln["order_id"]]
        if o["is_paid"] and o["pay_date"] >= since:
            units[ln["sku_code"]] += ln["qty"]
    rate = {s.code: units[s.code] / 28 for s in skus}
    selling = sorted((s for s in skus if s.code not in dead and rate[s.code] >= 0.25), key=lambda s: s.code)
    low = {s.code for s in rng.sample(selling, min(10, len(selling)))}
    as_of = dt.datetime.combine(end, dt.time(8, 0))
    overrides = {s.code: v for s, v in zip(
        sorted((s for s in skus if s.category == "礼盒"), key=lambda s: s.code)[:4], (60, 40, 30, 20))}
    for row in sku_rows:
        row["safety_stock_override"] = overrides.get(row["code"])
    rows = []
    for s in skus:
        r, mult = rate[s.code], s.order_multiple
        in_transit = 0
        if s.code in dead:
            on_hand = rng.randint(3, 20) * mult if mult > 1 else rng.randint(12, 90)
        elif s.code in low:
            cover = s.lead_time_days * rng.uniform(0.1, 0.6)
            on_hand = 0 if rng.random() < 0.2 else math.floor(r * cover)
            if rng.random() < 0.3:
                in_transit = math.floor(r * s.lead_time_days * 0.25)
        else:
            cover = s.lead_time_days + rng.uniform(20, 60)
            on_hand = max(math.ceil(r * cover / mult) * mult, mult * 2, 6)
            if rng.random() < 0.25:
                in_transit = max(math.ceil(r * 14 / mult) * mult, mult)
        # What is in transit is expected within the lead time (Inventory → Open deliveries shows the date).
        arrival = end + dt.timedelta(days=max(s.lead_time_days // 2, 1)) if in_transit else None
        rows.append({"sku_code": s.code, "on_hand": on_hand, "in_transit": in_transit, "arrival_date": arrival,
                     "as_of": as_of, "batch_id": None})
    return rows
