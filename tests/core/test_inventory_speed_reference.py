"""The faster alerts (issue #13 "Speed") give the same rows, field by field, as the code before the
speed work (tests/core/inventory_reference.py, kept verbatim), on random shops: SKUs with and
without sales, channels, categories, inactive SKUs, overlapping promotions on some channels or
categories, festivals measured from last year's orders, and a few choices of the Settings.
"""
from __future__ import annotations

import datetime as dt
import random

import pytest
from sqlalchemy import insert

from core.inventory import InventoryParams, inventory_rows
from core.inventory_lists import alert_rows, by_urgency
from core.inventory_uplift import promotion_uplifts
from core.models import Order, OrderLine, Promotion, Sku, StockLevel
from tests.core import inventory_reference as reference

TODAY = dt.date(2026, 11, 20)
PLATFORMS = ("taobao", "jd", "pdd", "douyin")
CATEGORIES = ("茶叶", "茶具", "礼盒", "")


def _shop(db, seed: int) -> None:
    rnd = random.Random(seed)
    codes = [f"S{i:03d}" for i in range(60)]
    with db.transaction() as s:
        for i, code in enumerate(codes):
            s.execute(insert(Sku).values(
                code=code, title=code, category=rnd.choice(CATEGORIES), cost_fen=rnd.choice((0, 500, 1234)),
                supplier=rnd.choice(("甲厂", "乙厂", "")), lead_time_days=rnd.choice((0, 1, 3, 7, 20)),
                order_multiple=rnd.choice((1, 6, 12)), min_order_qty=rnd.choice((0, 0, 50)),
                safety_stock_override=rnd.choice((None, None, 0, 5)), active=i % 17 != 5,
                order_qty=rnd.choice((None, None, None, 0, 8))))
            if i % 11 != 3:  # a few SKUs without a stock row
                s.execute(insert(StockLevel).values(sku_code=code, on_hand=rnd.choice((0, 3, 20, 200, 900)),
                                                    in_transit=rnd.choice((0, 0, 24))))
        order_id = s.execute(insert(Order).values(
            platform="taobao", order_no="N1", status="completed", created_at=dt.datetime(2024, 11, 1), paid_fen=0,
            is_paid=True)).inserted_primary_key[0]
        lines = []
        weights = [1 / (1 + i) ** 0.7 for i in range(len(codes))]
        for _ in range(6000):
            # Two years back, more of them recent; a few lines of unknown quantity or without a paid amount.
            day = TODAY - dt.timedelta(days=int(rnd.random() ** 1.5 * 730))
            qty = rnd.choice((1, 1, 2, 3, None)) if rnd.random() < 0.98 else None
            paid = None if rnd.random() < 0.1 else 1000 * (qty or 1)
            lines.append({"order_id": order_id, "line_no": str(len(lines)), "sku_code": rnd.choices(codes, weights)[0],
                          "qty": qty, "unit_price_fen": 1000, "paid_fen": paid, "pay_date": day,
                          "platform": rnd.choice(PLATFORMS), "sales_fen": float(paid or 0)})
        s.execute(insert(OrderLine), lines)
        festivals = (("2026 双12", "2026-12-01", "2026-12-12"), ("2027 年货节", "2027-01-10", "2027-01-25"),
                     ("2027 618", "2027-05-20", "2027-06-18"), ("2027 双11", "2027-10-20", "2027-11-11"),
                     ("2027 双12", "2027-12-01", "2027-12-12"))
        for name, start, end in festivals:
            s.add(Promotion(name=name, kind="festival", platforms=rnd.choice(([], [], ["jd"])),
                            start=dt.date.fromisoformat(start), end=dt.date.fromisoformat(end), phases=[], rules=[],
                            scope=rnd.choice(({}, {}, {"categories": ["茶叶", "礼盒"]})), budget_fen=0,
                            expected_uplift=None, status="planned", note=""))
        for k in range(8):  # own promotions, overlapping each other and the festivals
            start = TODAY + dt.timedelta(days=rnd.randint(-5, 120))
            s.add(Promotion(name=f"店铺活动 {k}", kind="own", platforms=rnd.choice(([], ["taobao"], ["jd", "pdd"])),
                            start=start, end=start + dt.timedelta(days=rnd.randint(0, 20)), phases=[], rules=[],
                            scope=rnd.choice(({}, {"categories": ["茶具"]}, {"skus": codes[:9]})), budget_fen=0,
                            expected_uplift=rnd.choice((None, 0.0, 0.35, 1.0, 2.5)),
                            status=rnd.choice(("planned", "planned", "cancelled")), note=""))


PARAMS = (InventoryParams(), InventoryParams(window_days=7, review_days=3, service_level=0.9),
          InventoryParams(window_days=56, review_days=14, abc_a=0.6, abc_b=0.9, xyz_x=0.3, xyz_y=0.7))


def _code(row) -> str:
    return row.sku_code


def _new_statistics(db) -> None:
    """On PostgreSQL, what autovacuum does at a moment of its own after the shop's 6,000 lines are
    written: ANALYZE, which can change the query plans and so the order of rows a query without
    ORDER BY returns. Done here, between the reference's reads and the new code's, so that a
    comparison relying on that order fails every time instead of once on a loaded machine."""
    if db.engine.dialect.name == "postgresql":
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("ANALYZE")


@pytest.mark.parametrize("arrays_from", [0, 10**9], ids=["column_by_column", "row_by_row"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_alerts_match_the_code_before_the_speed_work_field_by_field(db, seed, arrays_from, monkeypatch):
    # Both ways of computing the rows (core.inventory.ARRAYS_FROM: a shop of 5,000 SKUs takes the columns).
    monkeypatch.setattr("core.inventory.ARRAYS_FROM", arrays_from)
    _shop(db, seed)
    expected_by_params = {}
    for params in PARAMS:
        with db.session() as s:
            expected_ups = reference.promotion_uplifts(s, TODAY, params)
            expected = by_urgency(reference.inventory_rows(s, TODAY, params, expected_ups))
            expected_plain = reference.inventory_rows(s, TODAY, params)
        _new_statistics(db)
        with db.session() as s:
            ups = promotion_uplifts(s, TODAY, params)
            got = alert_rows(s, TODAY, params)
            plain = inventory_rows(s, TODAY, params)
        assert {k: list(v) for k, v in ups.items()} == {k: list(v) for k, v in expected_ups.items()}
        assert len(got) == len(expected) > 50
        for a, b in zip(got, expected, strict=True):
            assert a == b, a.sku_code
            assert list(map(type, vars(a).values())) == list(map(type, vars(b).values())), a.sku_code
        # inventory_rows promises no order (every caller sorts): the same rows, SKU by SKU.
        assert sorted(plain, key=_code) == sorted(expected_plain, key=_code)
        # Not a trivial shop: promotions move some dates, and several flags occur.
        assert sum(1 for r in got if r.uplift_source) > 5
        assert any("last year's" in r.uplift_source for r in got)
        assert len({r.status for r in got}) >= 4
        expected_by_params[params] = expected
    # Computed again, from what was kept from the orders (core.past_orders): the same rows.
    for params, expected in expected_by_params.items():
        with db.session() as s:
            assert alert_rows(s, TODAY, params) == expected



@pytest.mark.parametrize("window_days", [1, 7, 13, 14, 20, 28, 30, 56, 63])
def test_the_sales_window_summed_by_the_database_equals_it_day_by_day(db, window_days):
    # core.inventory_sales.window_sales: per-SKU sums of days and weeks, or the (SKU, day) rows, the same Sales.
    from core.inventory_sales import _window_days, _window_sums

    _shop(db, 4)
    with db.transaction() as s:  # a SKU whose only line has no quantity: no units, a value
        order_id = s.execute(insert(Order).values(platform="jd", order_no="N2", status="completed", paid_fen=0,
                                                  created_at=dt.datetime(2026, 11, 1), is_paid=True)).inserted_primary_key[0]
        s.execute(insert(OrderLine).values(order_id=order_id, line_no="1", sku_code="S999", qty=None, unit_price_fen=500,
                                           paid_fen=700, pay_date=TODAY, platform="jd", sales_fen=700.0))
    start = TODAY - dt.timedelta(days=window_days - 1)
    with db.session() as s:
        conn = s.connection()
        sums, by_day = _window_sums(conn, start, TODAY, window_days), _window_days(conn, start, TODAY, window_days)
    assert sums == by_day
    assert list(map(type, next(iter(sums[0].values())))) == list(map(type, next(iter(by_day[0].values()))))
    assert len(sums[0]) > 20 and sums[0]["S999"] == (0, 0.0, None) and sums[1]["S999"] == 700
    assert window_days == 1 or any(x.cv is not None and x.cv > 0 for x in sums[0].values())
