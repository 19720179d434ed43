"""Promotions raise the forecast inside their windows (issue #13 "Promotion-aware"), by the
calendar's expected uplift or by last year's same festival, so the order-by date comes early.

Today is 2026-11-20; the sales window the default 28 days.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import insert

from core.inventory import InventoryParams, Uplift, flatten_uplifts
from core.inventory_lists import alert_rows, purchase_list
from core.inventory_uplift import promotion_uplifts
from core.models import Order, OrderLine, Promotion, Sku, StockLevel
from core.orders import derive_payment
from core.views import ViewParams, view_rows

TODAY = dt.date(2026, 11, 20)
D = dt.date
_n = iter(range(1_000_000))


def sell(s, code: str, day: dt.date, qty: int, platform: str = "taobao") -> None:
    paid_at = dt.datetime.combine(day, dt.time(10))
    is_paid, pay_date = derive_payment("completed", paid_at, paid_at)
    oid = s.execute(insert(Order).values(platform=platform, order_no=str(next(_n)), status="completed", paid_at=paid_at,
                                         created_at=paid_at, paid_fen=qty * 1000, is_paid=is_paid,
                                         pay_date=pay_date)).inserted_primary_key[0]
    s.execute(insert(OrderLine).values(order_id=oid, sku_code=code, qty=qty, paid_fen=qty * 1000, pay_date=pay_date,
                                       platform=platform))


def sku(s, code: str, on_hand: int, **facts) -> None:
    s.execute(insert(Sku).values(code=code, title=code, **facts))
    s.execute(insert(StockLevel).values(sku_code=code, on_hand=on_hand, in_transit=0))


def promo(s, name: str, start: dt.date, end: dt.date, *, kind: str = "own", uplift: float | None = None,
          platforms=(), scope=None, status: str = "planned") -> None:
    s.add(Promotion(name=name, kind=kind, platforms=list(platforms), start=start, end=end, phases=[], rules=[],
                    scope=scope or {}, budget_fen=0, expected_uplift=uplift, status=status, note=""))


def rows(db) -> dict:
    with db.session() as s:
        return {r.sku_code: r for r in alert_rows(s, TODAY, InventoryParams())}


def daily(s, code: str, start: dt.date, days: int, qty: int, platform: str = "taobao") -> None:
    for i in range(days):
        sell(s, code, start + dt.timedelta(days=i), qty, platform)


def test_an_expected_uplift_in_the_calendar_moves_the_order_by_date_and_the_quantity(db):
    with db.transaction() as s:
        sku(s, "TEA", 30, lead_time_days=3, category="茶叶")
        daily(s, "TEA", TODAY - dt.timedelta(days=27), 28, 2)  # 2 a day
    before = rows(db)["TEA"]
    # 30 units at 2 a day: 15 days, out on the 16th day from tomorrow.
    assert (before.stockout_date, before.order_by, before.uplift_source) == (D(2026, 12, 6), D(2026, 12, 3), "")
    with db.transaction() as s:
        promo(s, "会员日 加倍", D(2026, 11, 25), D(2026, 12, 4), uplift=1.0)  # 2× normal sales
    after = rows(db)["TEA"]
    # 11-21 … 11-24 at 2 a day: 8 units, 22 left; then 4 a day: 5 full days, short on the 6th, 11-30.
    assert (after.stockout_date, after.order_by) == (D(2026, 11, 30), D(2026, 11, 27))
    assert after.uplift_source == "会员日 加倍: expected 2.0× normal sales (promotion calendar)"
    # What to order covers the extra demand inside lead time + review (10 days: 11-21 … 11-30).
    # Without: reorder point 6 + 7 review days × 2 − 30 on hand = −10, nothing to order; the 6
    # promotion days in those 10 add 2 a day, 12 more: order 2.
    assert (before.suggested_qty, after.suggested_qty) == (0, 2)
    assert view_rows(db, "inventory-alerts", ViewParams(TODAY))[0]["uplift_source"] == after.uplift_source


def test_a_promotion_on_one_channel_raises_only_that_channels_share(db):
    with db.transaction() as s:
        sku(s, "CUP", 100, lead_time_days=5)
        daily(s, "CUP", TODAY - dt.timedelta(days=27), 28, 1, "taobao")
        daily(s, "CUP", TODAY - dt.timedelta(days=27), 28, 1, "jd")
        promo(s, "京东 品类日", D(2026, 11, 22), D(2026, 11, 28), uplift=1.0, platforms=["jd"])
        promo(s, "取消的活动", D(2026, 11, 22), D(2026, 11, 28), uplift=5.0, status="cancelled")
    with db.session() as s:
        ups = promotion_uplifts(s, TODAY)
    # Half of CUP's units sell on JD: 1 + (2 − 1) × 0.5. The cancelled promotion counts for nothing.
    assert ups["CUP"] == [Uplift(D(2026, 11, 22), D(2026, 11, 28), 1.5,
                                 "京东 品类日: expected 2.0× normal sales (promotion calendar)")]


def test_last_years_festival_measures_the_uplift_for_the_sku_or_its_category(db):
    with db.transaction() as s:
        sku(s, "PEAK", 20, lead_time_days=2, category="礼盒")
        sku(s, "NEWGIFT", 20, lead_time_days=2, category="礼盒")  # new this year: its category's uplift
        sku(s, "SCOPED", 20, lead_time_days=2, category="茶具")  # outside the promotion's scope
        # Last year's 双12 preset ran 2025-12-01 … 12-12 (12 days); its baseline the 28 days before.
        daily(s, "PEAK", D(2025, 11, 3), 28, 1)
        daily(s, "PEAK", D(2025, 12, 1), 12, 3)  # 3 a day in the festival: 3.0× normal
        for code in ("PEAK", "NEWGIFT", "SCOPED"):
            daily(s, code, TODAY - dt.timedelta(days=27), 28, 1)  # 1 a day now
        promo(s, "2026 双12 年终盛典", D(2026, 12, 1), D(2026, 12, 12), kind="festival", scope={"categories": ["礼盒"]})
    r = rows(db)
    # 20 units: 11-21 … 11-30 at 1 a day leaves 10; from 12-01 at 3 a day, short on the 4th day.
    assert (r["PEAK"].stockout_date, r["PEAK"].order_by) == (D(2026, 12, 4), D(2026, 12, 2))
    assert "3.0× normal sales (this SKU, last year's" in r["PEAK"].uplift_source
    assert r["NEWGIFT"].stockout_date == D(2026, 12, 4)
    assert "its category 礼盒" in r["NEWGIFT"].uplift_source
    # Not in scope: 20 units at 1 a day, out on the 21st day.
    assert (r["SCOPED"].stockout_date, r["SCOPED"].uplift_source) == (D(2026, 12, 11), "")


def test_an_own_promotion_without_an_expected_uplift_changes_nothing(db):
    with db.transaction() as s:
        sku(s, "TEA", 30, lead_time_days=3)
        daily(s, "TEA", TODAY - dt.timedelta(days=27), 28, 2)
        promo(s, "上新", D(2026, 11, 25), D(2026, 12, 4))
    assert (rows(db)["TEA"].stockout_date, rows(db)["TEA"].uplift_source) == (D(2026, 12, 6), "")


def test_overlapping_promotions_raise_each_day_once_by_the_larger_factor():
    a = Uplift(D(2026, 12, 1), D(2026, 12, 10), 2.0, "A")
    b = Uplift(D(2026, 12, 5), D(2026, 12, 15), 3.0, "B")
    assert flatten_uplifts([a, b]) == [Uplift(D(2026, 12, 1), D(2026, 12, 4), 2.0, "A"),
                                       Uplift(D(2026, 12, 5), D(2026, 12, 15), 3.0, "B")]


def test_an_uplift_can_put_a_sku_on_todays_purchase_list(db):
    with db.transaction() as s:
        sku(s, "GIFT", 25, lead_time_days=14, supplier="礼盒厂")
        daily(s, "GIFT", TODAY - dt.timedelta(days=27), 28, 1)
    assert purchase_list(rows(db).values(), TODAY) == []  # out on 12-16: order by 12-02
    with db.transaction() as s:
        promo(s, "年终大促", D(2026, 11, 25), D(2026, 12, 10), uplift=2.0)  # 3×
    (line,) = purchase_list(rows(db).values(), TODAY)
    # 11-21 … 11-24 take 4, 21 left at 3 a day: short on 12-02, order by 11-18 (already late).
    # Quantity: reorder point 14 + 7 − 25 = −4, plus 16 promotion days × 2 extra inside the 21 days.
    assert (line.sku_code, line.order_by, line.qty) == ("GIFT", D(2026, 11, 18), 28)


def test_festival_sums_and_ratios_column_by_column_equal_one_by_one():
    # core.inventory_uplift._sums_and_ratios: numpy over the SKUs, the same whole numbers and floats as the loop.
    import random

    from core.inventory_uplift import _sums_and_ratios, _sums_and_ratios_one_by_one

    rnd = random.Random(3)
    categories = {f"S{i}": f"c{i % 7}" for i in range(400)}
    window = {f"S{i}": rnd.randint(1, 60) for i in range(0, 450, 2)}  # some not active (S400…)
    baseline = {f"S{i}": rnd.randint(1, 300) for i in range(0, 450, 3)}
    for days in (1, 9, 30):
        fast = _sums_and_ratios(window, baseline, categories, days)
        assert fast == _sums_and_ratios_one_by_one(window, baseline, categories, days)
        assert len(fast[2]) > 30 and (days > 1 or any(r == 10.0 for r in fast[2].values()))  # capped
    window["S0"] = 2 ** 60  # beyond floats' whole numbers: one by one
    assert _sums_and_ratios(window, baseline, categories, 9) == _sums_and_ratios_one_by_one(window, baseline,
                                                                                            categories, 9)
