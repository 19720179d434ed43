"""A small hand-checked shop for the KPI tests: orders written directly, as the importers do.

The expected values in tests/core/test_kpi*.py are computed by hand from the rows below
(see the comments there), never by the code under test.
"""
from __future__ import annotations

import datetime as dt

from core.models import Goal, Order, OrderLine, Promotion, PromotionResult, Refund, Sku, StockLevel, TrafficDaily
from core.orders import derive_payment

D = dt.datetime


def add_order(s, platform, no, buyer, status, paid_at, paid_fen, *, created_at=None, refund_fen=0, lines=()):
    """``lines``: (sku, qty, unit_price_fen, line_paid_fen or None)."""
    created_at = created_at or (paid_at - dt.timedelta(minutes=5) if paid_at else None)
    is_paid, pay_date = derive_payment(status, paid_at, created_at)
    order = Order(
        platform=platform, order_no=no, buyer_key=buyer, status=status, created_at=created_at,
        paid_at=paid_at, paid_fen=paid_fen, goods_fen=paid_fen, refund_fen=refund_fen,
        is_paid=is_paid, pay_date=pay_date,
    )
    order.lines = [
        OrderLine(line_no=f"{no}-{i}", sku_code=sku, title=f"商品{sku}", qty=qty, unit_price_fen=price, paid_fen=paid)
        for i, (sku, qty, price, paid) in enumerate(lines)
    ]
    s.add(order)
    return order


def build_shop(db) -> None:
    with db.transaction() as s:
        s.add_all([
            Sku(code="A", title="连衣裙", category="服装", cost_fen=1000, price_fen=5000),
            Sku(code="B", title="发夹", category="配件", cost_fen=500, price_fen=1000),
            Sku(code="C", title="外套", category="服装", cost_fen=2000, price_fen=6000),
            StockLevel(sku_code="A", on_hand=10),
            StockLevel(sku_code="B", on_hand=20),
            StockLevel(sku_code="C", on_hand=0),
        ])
        # Taobao: amounts per order, lines without their own paid amount.
        add_order(s, "taobao", "T1", "alice", "completed", D(2026, 3, 1, 0, 0, 5), 10000,
                  lines=[("A", 2, 3000, None), ("B", 1, 4000, None)])
        add_order(s, "taobao", "T2", "alice", "shipped", D(2026, 3, 31, 23, 59, 59), 5000, refund_fen=2000,
                  lines=[("A", 1, 5000, None)])
        add_order(s, "taobao", "T3", "bob", "pending_payment", None, 8000, created_at=D(2026, 3, 10, 9),
                  lines=[("A", 1, 8000, None)])
        add_order(s, "taobao", "T4", "bob", "closed", None, 9000, created_at=D(2026, 3, 11, 9),
                  lines=[("C", 1, 9000, None)])
        add_order(s, "taobao", "T5", "carol", "refunded", D(2026, 3, 12, 14), 6000, lines=[("C", 1, 6000, None)])
        add_order(s, "taobao", "T6", "dave", "completed", D(2026, 4, 1, 0, 0, 1), 7000, lines=[("A", 1, 7000, None)])
        add_order(s, "taobao", "T7", "erin", "completed", D(2026, 2, 28, 23, 59, 59), 4000, lines=[("B", 4, 1000, None)])
        # Paid by status, no payment time: the creation day is its payment date.
        add_order(s, "taobao", "T8", "bob", "paid", None, 3000, created_at=D(2026, 3, 15, 10), lines=[("B", 1, 3000, None)])
        # JD repeats 应付金额 on every goods row; the importer stores it once per order.
        add_order(s, "jd", "J1", "jd_user1", "completed", D(2026, 3, 5, 10), 20000,
                  lines=[("A", 1, 10000, None), ("C", 2, 5000, None)])
        add_order(s, "jd", "J2", "jd_user1", "completed", D(2026, 3, 6, 10), 15000, lines=[("A", 1, 15000, None)])
        add_order(s, "jd", "J3", None, "completed", D(2026, 3, 7, 10), 4000, lines=[("B", 1, 4000, None)])  # masked only
        add_order(s, "jd", "J4", None, "completed", D(2026, 3, 8, 10), 5000, lines=[("B", 1, 5000, None)])
        add_order(s, "jd", "J5", "alice", "completed", D(2026, 3, 9, 10), 2000, lines=[("B", 1, 2000, None)])
        # Douyin: per-line paid amounts, no buyer identity.
        add_order(s, "douyin", "D1", None, "completed", D(2026, 3, 20, 8), 9000,
                  lines=[("A", 1, 7000, 6000), ("C", 1, 4000, 3000)])
        add_order(s, "douyin", "D2", "", "completed", D(2026, 3, 21, 8), 1000, lines=[("B", 1, 1000, 1000)])
        # Shopify: 2026-03-31T15:30:00Z and 2026-03-31T16:30:00Z, converted to Shanghai time on import.
        add_order(s, "shopify", "S1", "x@example.com", "completed", D(2026, 3, 31, 23, 30), 12000,
                  lines=[("A", 1, 12000, None)])
        add_order(s, "shopify", "S2", "x@example.com", "completed", D(2026, 4, 1, 0, 30), 5500,
                  lines=[("A", 1, 5500, None)])
        # Same days last year.
        add_order(s, "taobao", "L1", "alice", "completed", D(2025, 3, 10, 12), 46000, lines=[("A", 4, 11500, None)])

        for day in range(1, 32):
            s.add(TrafficDaily(day=dt.date(2026, 3, day), platform="taobao", visitors=100, ad_spend_fen=1000))
        s.add(TrafficDaily(day=dt.date(2026, 3, 5), platform="jd", visitors=50))
        s.add(TrafficDaily(day=dt.date(2026, 3, 6), platform="jd", visitors=50))

        s.add_all([
            Refund(platform="taobao", refund_no="R1", order_no="T2", sku_code="A", title="连衣裙", amount_fen=2000,
                   status="success", reason="尺码不合适"),
            Refund(platform="taobao", refund_no="R2", order_no="T5", sku_code="C", title="外套", amount_fen=6000,
                   status="success", reason="质量问题"),
            Refund(platform="jd", refund_no="R3", order_no="J1", sku_code="A", amount_fen=3000,
                   status="pending", reason="质量问题"),
            Refund(platform="taobao", refund_no="R4", order_no="T6", sku_code="A", amount_fen=7000,
                   status="success", reason="质量问题"),
        ])

        def month_goal(start, end, gmv, orders=None, platform="", category=""):
            return Goal(period_kind="month", period_start=start, period_end=end, platform=platform,
                        category=category, target_gmv_fen=gmv, target_orders=orders)

        s.add_all([
            month_goal(dt.date(2026, 2, 1), dt.date(2026, 2, 28), 280000, 28),
            month_goal(dt.date(2026, 3, 1), dt.date(2026, 3, 31), 310000, 31),
            month_goal(dt.date(2026, 3, 1), dt.date(2026, 3, 31), 100000, 10, platform="taobao"),
            month_goal(dt.date(2026, 3, 1), dt.date(2026, 3, 31), 999999, 99, category="服装"),
            Goal(period_kind="quarter", period_start=dt.date(2026, 4, 1), period_end=dt.date(2026, 6, 30),
                 target_gmv_fen=910000),
        ])
        promo = Promotion(name="3月大促", start=dt.date(2026, 3, 8), end=dt.date(2026, 3, 10), platforms=["taobao"])
        plain = Promotion(name="会员日", start=dt.date(2026, 3, 20), end=dt.date(2026, 3, 20), platforms=[])
        later = Promotion(name="五一", start=dt.date(2026, 5, 1), end=dt.date(2026, 5, 5), platforms=[])
        s.add_all([promo, plain, later])
        s.flush()
        s.add_all([
            PromotionResult(promotion_id=promo.id, gmv_fen=40000, cost_fen=8000, baseline_gmv_fen=None),
            PromotionResult(promotion_id=promo.id, gmv_fen=50000, cost_fen=10000, baseline_gmv_fen=30000),
            PromotionResult(promotion_id=plain.id, gmv_fen=9000, cost_fen=3000),
            PromotionResult(promotion_id=later.id, gmv_fen=1, cost_fen=1),
        ])
