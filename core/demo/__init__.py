"""The demo shop: 山野茶舍, a tea & tea-lifestyle shop selling on Taobao, Pinduoduo and Douyin.

``fill_demo`` writes about thirteen months of realistic, deterministic data ending on ``end``
(default today) so that every tab has something to show: goals, promotions with results,
stock with low and dead SKUs, members in tiers with points, the team's tasks and KPIs.
The same ``seed`` and ``end`` always give the same rows (a seeded ``random.Random`` per part;
nothing reads the clock except the ``end`` default).

Choices worth knowing:

- Buyer keys: only Taobao orders carry one (a nickname; ~2 % are masked like ``小**鱼`` and
  then have no key, spec/kpi.md "Buyer key"). Pinduoduo and Douyin exports carry no buyer
  identity, so their orders have ``buyer_key=None``, as after a real import; the Members tab
  still has ~5,000 Taobao members.
- Amounts: ``paid_fen = goods + shipping − discount`` for every order, including unpaid
  (closed, pending) ones, where it is the amount due; the order's lines add up to it exactly.
- Refunds: one ``refunds`` row per refunded line; a refund still in progress is a ``pending``
  row and does not change the order.
- "Now" is 21:00 on ``end``: nothing happens after it.
"""
from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from sqlalchemy import delete, func, insert, select

from core import models as m
from core.demo import calendar, members, plans, stock, team
from core.demo.catalog import CATEGORIES, SHOPS, build_catalog
from core.demo.orders import generate_orders
from core.errors import Cancelled
from core.orders import line_facts, line_totals

__all__ = ["fill_demo"]

# Tables the demo never clears: the schema version and the owner's settings.
_KEEP = {"settings", "alembic_version", "data_revisions"}  # data_revisions: bumped by the orders written (core.data_revisions)


def _first_month(end: dt.date) -> dt.date:
    """The first day of the month thirteen months before ``end``'s month (a full 同比 month)."""
    y, mth = divmod(end.year * 12 + end.month - 1 - 13, 12)
    return dt.date(y, mth + 1, 1)


def _next_id(session, table) -> int:
    return (session.execute(select(func.max(table.c.id))).scalar() or 0) + 1


def _item_ids(rng: random.Random, n_products: int) -> dict[tuple[str, int], str]:
    ids = {}
    for i in range(n_products):
        ids["taobao", i] = str(rng.randrange(6 * 10**11, 8 * 10**11))
        ids["pdd", i] = str(rng.randrange(10**11, 9 * 10**11))
        ids["douyin", i] = str(rng.randrange(3 * 10**18, 4 * 10**18))
    return ids


def _demo_rates(end: dt.date) -> list[dict]:
    """USD rates for the twelve months up to ``end`` (yuan per dollar, as a bank's monthly average)."""
    from decimal import Decimal

    from core.currency import rate_text

    rows, year, month = [], end.year, end.month
    for i in range(12):
        rate = rate_text(Decimal(f"7.{1050 + 37 * (i % 5):04d}"))
        rows.append({"currency": "USD", "month": f"{year:04d}-{month:02d}", "rate": rate})
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return rows


def fill_demo(
    db,
    *,
    replace: bool = False,
    seed: int = 20261122,
    end: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> dict[str, int]:
    """Write the demo shop into ``db`` (a migrated ``core.db.Database``) in one transaction.

    ``replace`` first deletes all shop data (every table but settings). Returns row counts.
    Raises ``Cancelled`` (nothing written) when ``cancelled()`` turns true. ``end`` is the
    last day with orders; by default yesterday, so that no demo order lies in the future of
    the owner's clock (the demo's day closes at 21:00).
    """
    end = end or dt.date.today() - dt.timedelta(days=1)
    first = _first_month(end)
    now = dt.datetime.combine(end, dt.time(21, 0))
    steps = 8

    def step(done: int) -> None:
        if cancelled and cancelled():
            raise Cancelled()
        if progress:
            progress(done, steps)

    def rng(part: str) -> random.Random:
        return random.Random(f"{seed}:{part}")

    step(0)
    products = build_catalog()
    skus = [s for p in products for s in p.skus]
    dead, launch = stock.choose_dead_and_launch(rng("dead"), products, end)
    promo_plans = calendar.plan_promotions(first, end, end + dt.timedelta(days=62), sorted(launch))
    shop = generate_orders(rng("orders"), skus, promo_plans, first, end, now, dead, launch,
                           _item_ids(rng("items"), len(products)))
    step(1)

    counts: dict[str, int] = {}
    with db.transaction() as s:
        if replace:
            for table in reversed(m.Base.metadata.sorted_tables):
                if table.name not in _KEEP:
                    s.execute(delete(table))
        T = {t.name: t for t in m.Base.metadata.sorted_tables}

        def put(name: str, rows: list[dict]) -> None:
            if rows:
                s.execute(insert(T[name]), rows)

        put("channels", [{"platform": p, "shop_name": n, "active": True} for p, n in SHOPS.items()
                         if not s.get(m.Channel, p)])
        # The owner has typed this year's US dollar rates, ready for a Shopify store (Settings → Channels).
        put("exchange_rates", [r for r in _demo_rates(end) if not s.get(m.ExchangeRate, (r["currency"], r["month"]))])
        prod_rows, sku_rows = stock.product_rows(products, _next_id(s, T["products"]))
        order_base = _next_id(s, T["orders"]) - 1
        for o in shop.orders:
            o["id"] += order_base
        for ln in shop.lines:
            ln["order_id"] += order_base
        orders_by_id = {o["id"]: o for o in shop.orders}
        stock_rows = stock.stock_rows(rng("stock"), skus, sku_rows, shop.lines, orders_by_id, dead, end)
        put("products", prod_rows)
        put("skus", sku_rows)
        put("stock_levels", stock_rows)
        step(2)
        by_order: dict[int, list[dict]] = {}
        for ln in shop.lines:
            by_order.setdefault(ln["order_id"], []).append(ln)
        for o in shop.orders:  # derived on write, as every writer of orders does
            o.update(line_totals(by_order.get(o["id"], [])))
            for ln in by_order.get(o["id"], ()):
                ln.update(line_facts(o, ln))
        put("orders", shop.orders)
        put("order_lines", shop.lines)
        put("refunds", shop.refunds)
        step(3)

        # tier names are unique: keep an owner's own tiers of the same name
        existing = dict(s.execute(select(T["tiers"].c.name, T["tiers"].c.id)).all())
        tier_rows = members.tier_rows(_next_id(s, T["tiers"]))
        for row in tier_rows:
            row["id"] = existing.get(row["name"], row["id"])
        customers, ledger, window_spend = members.customer_rows(rng("members"), shop.orders, tier_rows, end, now,
                                                  _next_id(s, T["customers"]))
        put("tiers", [r for r in tier_rows if r["name"] not in existing])
        put("customers", customers)
        put("points_ledger", ledger)
        from core.customers import rebuild_all

        s.flush()
        rebuild_all(s.connection())  # refunds and favourite categories, as an import would
        put("tier_changes", members.tier_log_rows(customers, tier_rows, window_spend))
        step(4)

        gmv, buyers = plans.daily_actuals(shop.orders)
        traffic = plans.traffic_rows(rng("traffic"), first, end, promo_plans, gmv, buyers)
        put("traffic_daily", traffic)
        goals = plans.goal_rows(rng("goals"), end, _next_id(s, T["goals"]), shop.orders, shop.lines,
                                shop.line_category, CATEGORIES)
        put("goals", goals)
        step(5)

        promos, results, _ = plans.promotion_rows(rng("promotions"), promo_plans, first, end,
                                                   _next_id(s, T["promotions"]), shop.orders, sorted(dead))
        put("promotions", promos)
        put("promotion_results", results)
        step(6)

        staff = team.staff_rows(_next_id(s, T["staff"]))
        templates = team.template_rows(_next_id(s, T["task_templates"]))
        existing = dict(s.execute(select(T["task_templates"].c.name, T["task_templates"].c.id)).all())
        for row in templates:
            row["id"] = existing.get(row["name"], row["id"])
        tasks = team.task_rows(rng("tasks"), end, staff, templates, promos)
        put("staff", staff)
        put("task_templates", [r for r in templates if r["name"] not in existing])
        first_task = _next_id(s, T["tasks"])
        for i, row in enumerate(tasks):
            row["id"] = first_task + i
        put("tasks", tasks)
        put("task_dependencies", team.dependency_rows(tasks))
        put("staff_targets", team.staff_target_rows(end, staff, goals))
        step(7)

        counts = {
            "orders": len(shop.orders), "order_lines": len(shop.lines), "skus": len(sku_rows),
            "customers": len(customers), "refunds": len(shop.refunds), "traffic_days": len(traffic),
            "goals": len(goals), "promotions": len(promos), "staff": len(staff), "tasks": len(tasks),
        }
    db.refresh_statistics()
    step(steps)
    return counts
