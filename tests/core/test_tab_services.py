"""The numbers the Goals, Promotions and Inventory tabs show, from their core services."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import insert

from core.inventory import OUT, inventory_rows
from core.models import Order, OrderLine, Promotion, PromotionResult, Sku, StockLevel
from core.orders import derive_payment
from core.promotions import promotion_rows

TODAY = dt.date(2026, 11, 20)


def _order(s, no: str, day: dt.date, sku: str, qty: int, paid: int, platform: str = "taobao") -> None:
    paid_at = dt.datetime.combine(day, dt.time(10))
    is_paid, pay_date = derive_payment("completed", paid_at, paid_at)
    oid = s.execute(insert(Order).values(platform=platform, order_no=no, status="completed", paid_at=paid_at,
                                         created_at=paid_at, paid_fen=paid, is_paid=is_paid, pay_date=pay_date)).inserted_primary_key[0]
    s.execute(insert(OrderLine).values(order_id=oid, sku_code=sku, qty=qty, paid_fen=paid))


def test_sold_out_sku_without_recent_sales_is_out_of_stock_not_ok(db):
    with db.transaction() as s:
        s.execute(insert(Sku).values(code="A", title="龙井", lead_time_days=10))
        s.execute(insert(StockLevel).values(sku_code="A", on_hand=0, in_transit=0))
        _order(s, "1", TODAY - dt.timedelta(days=60), "A", 3, 30000)  # sold, then ran out
    with db.session() as s:
        (row,) = inventory_rows(s, TODAY)
    assert row.status == OUT and row.avg_daily_sales == 0


def test_cover_reorder_point_and_suggested_order_follow_the_spec(db):
    with db.transaction() as s:
        s.execute(insert(Sku).values(code="B", title="杯", lead_time_days=7, order_multiple=6, safety_stock_override=5))
        s.execute(insert(StockLevel).values(sku_code="B", on_hand=20, in_transit=8))
        for i in range(28):  # 2 a day for 28 days
            _order(s, f"b{i}", TODAY - dt.timedelta(days=i), "B", 2, 2000)
    with db.session() as s:
        (row,) = inventory_rows(s, TODAY)
    assert row.avg_daily_sales == 2
    assert row.days_of_cover == 14  # (20 + 8) / 2
    assert row.reorder_point == 2 * 7 + 5
    # need = 19 + 2 × 7 review days − 28 = 5 → rounded up to the multiple of 6
    assert row.suggested_qty == 6


def test_promotion_roi_uses_the_measured_result_and_baseline(db):
    with db.transaction() as s:
        pid = s.execute(insert(Promotion).values(name="双11", kind="festival", platforms=["taobao"],
                                                 start=dt.date(2026, 10, 20), end=dt.date(2026, 11, 11),
                                                 budget_fen=100000, status="done")).inserted_primary_key[0]
        s.execute(insert(PromotionResult).values(promotion_id=pid, gmv_fen=1000000, cost_fen=200000, baseline_gmv_fen=600000))
        s.execute(insert(Promotion).values(name="店庆", kind="own", platforms=[], start=dt.date(2026, 11, 15),
                                           end=dt.date(2026, 11, 25), budget_fen=50000, status="running"))
        _order(s, "x", dt.date(2026, 11, 16), "A", 1, 25000)
    with db.session() as s:
        done, running = promotion_rows(s, TODAY)
    assert (done.gmv_fen, done.cost_fen, done.roas, done.incremental_roi) == (1000000, 200000, 5.0, 2.0)
    assert done.measured
    # no result yet: GMV read live so far, the budget prorated to the 6 of 11 days run (15–20 Nov)
    # stands in for the cost, no baseline
    assert (running.gmv_fen, running.cost_fen, running.incremental_roi) == (25000, 27273, None)  # 50,000 × 6 / 11
    assert running.roas == 25000 / 27273 and running.cost_basis == "prorated"
