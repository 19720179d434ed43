"""Chart series against hand-computed values from tests/core/kpi_shop.py (March 2026).

Line amounts: Taobao/JD lines share their order's paid amount by unit price × qty
(T1 100.00 → A 2×30.00 = 60.00, B 40.00; J1 200.00 → A 100.00, C 2×50.00 = 100.00);
Douyin lines carry their own paid amount (D1: A 60.00, C 30.00).
  A: 60 + 50 (T2) + 100 (J1) + 150 (J2) + 60 (D1) + 120 (S1) = 540.00, 7 units
  B: 40 (T1) + 30 (T8) + 40 (J3) + 50 (J4) + 20 (J5) + 10 (D2) = 190.00, 6 units
  C: 60 (T5) + 100 (J1) + 30 (D1)                              = 190.00, 4 units
"""
from __future__ import annotations

import datetime as dt

import pytest
from kpi_shop import add_order, build_shop

from core.kpi import DateRange, compute_charts, compute_kpis
from core.kpi import series

d = dt.date
MARCH = DateRange(d(2026, 3, 1), d(2026, 3, 31))


@pytest.fixture
def charts(db):
    build_shop(db)
    return compute_charts(db, MARCH, "week")


def test_sku_sales_add_up_to_gmv(db, charts):
    top = {s.sku_code: (s.units, s.sales, s.category, s.title) for s in charts.top_skus}
    assert top == {"A": (7, 54000, "服装", "连衣裙"), "B": (6, 19000, "配件", "发夹"), "C": (4, 19000, "服装", "外套")}
    assert [s.sku_code for s in charts.top_skus] == ["A", "B", "C"]
    assert sum(s.sales for s in charts.top_skus) == compute_kpis(db, MARCH.start, MARCH.end).gmv
    assert charts.category_share == [("服装", 73000), ("配件", 19000)]


def test_mixed_line_amounts_share_only_the_remainder(db):
    with db.transaction() as s:
        # 100.00 paid; line 1 says it took 70.00; lines 2 and 3 share 30.00 by price × qty (1:2)
        add_order(s, "youzan", "Y1", "u", "completed", dt.datetime(2026, 3, 3, 9), 10000,
                  lines=[("X", 1, 9000, 7000), ("Y", 1, 1000, None), ("Z", 1, 2000, None)])
        # all lines priced 0 (a gift box): shared by quantity
        add_order(s, "youzan", "Y2", "u", "completed", dt.datetime(2026, 3, 4, 9), 900,
                  lines=[("X", 2, 0, None), ("Y", 1, 0, None)])
    sales = {s.sku_code: s.sales for s in series.sku_sales(db, MARCH)}
    assert sales == {"X": 7000 + 600, "Y": 1000 + 300, "Z": 2000}


def test_trend_with_target_and_last_year(db):
    build_shop(db)
    daily = series.gmv_trend(db, MARCH, "day")
    assert len(daily) == 31
    assert (daily[0].start, daily[0].gmv, daily[0].target) == (d(2026, 3, 1), 10000, 10000)
    assert daily[9].last_year == 46000  # L1 on 10 March 2025
    assert daily[30].gmv == 17000
    assert sum(p.gmv for p in daily) == 92000
    weekly = series.gmv_trend(db, MARCH, "week")
    assert sum(p.gmv for p in weekly) == 92000
    assert weekly[0].target == 10000  # the one-day first week
    monthly = series.gmv_trend(db, DateRange(d(2026, 2, 1), d(2026, 4, 30)), "month")
    assert [(p.start, p.gmv, p.target) for p in monthly] == [
        (d(2026, 2, 1), 4000, 280000), (d(2026, 3, 1), 92000, 310000), (d(2026, 4, 1), 12500, 300000)]
    assert monthly[1].last_year == 46000


def test_last_year_line_on_29_february(db):
    with db.transaction() as s:
        add_order(s, "taobao", "LEAP", "z", "completed", dt.datetime(2028, 2, 29, 9), 777, lines=[("A", 1, 777, None)])
    points = series.gmv_trend(db, DateRange(d(2029, 2, 27), d(2029, 3, 1)), "day")
    assert [p.last_year for p in points] == [0, 777, 0]


def test_channels_funnel_and_roi(charts):
    assert charts.channel_share == [("jd", 46000), ("taobao", 24000), ("shopify", 12000), ("douyin", 10000)]
    assert charts.funnel == [("visitors", 3200), ("paying_buyers", 4), ("orders", 6)]  # taobao 4 + J1, J2 on jd's traffic days
    roi = {r.platform: (r.ad_spend, r.roi) for r in charts.channel_roi}
    assert roi["taobao"] == (31000, pytest.approx(24000 / 31000))
    assert roi["jd"] == (0, None)
    assert roi["douyin"] == (None, None)


def test_refunds_by_sku_and_reason(charts):
    # R3 is pending, R4 belongs to T6 paid on 1 April
    assert [(r.label, r.amount, r.count) for r in charts.refunds_by_sku] == [("C", 6000, 1), ("A", 2000, 1)]
    assert [(r.label, r.amount) for r in charts.refunds_by_reason] == [("质量问题", 6000), ("尺码不合适", 2000)]


def test_repurchase_by_month(db):
    build_shop(db)
    rates = series.repurchase_by_month(db, DateRange(d(2026, 2, 15), d(2026, 3, 31)))
    assert [(r.month, r.known_buyers, r.repeat_buyers) for r in rates] == [(d(2026, 2, 1), 1, 0), (d(2026, 3, 1), 6, 2)]
    assert rates[0].rate == 0 and rates[1].rate == pytest.approx(1 / 3)
    assert rates[0].start == d(2026, 2, 15)


def test_inventory_turnover(charts):
    rows = {r.category: r for r in charts.turnover}
    # 服装: COGS 7 A × 10.00 + 4 C × 20.00 = 150.00 over stock 10 A × 10.00 = 100.00
    assert (rows["服装"].cogs, rows["服装"].inventory_value, rows["服装"].turnover) == (15000, 10000, 1.5)
    assert rows["服装"].days_of_inventory == pytest.approx(31 / 1.5)
    assert (rows["配件"].cogs, rows["配件"].inventory_value, rows["配件"].turnover) == (3000, 10000, 0.3)


def test_turnover_stays_the_whole_shops_under_a_channel_filter(db, charts):
    """Stock is not kept per channel, so one channel's cost of goods over all the stock would be
    meaningless: the filter narrows the category and SKU charts, not turnover."""
    for channel in ("taobao", "jd", "douyin"):
        filtered = compute_charts(db, MARCH, "week", channel)
        assert filtered.turnover == charts.turnover
    assert compute_charts(db, MARCH, "week", "jd").top_skus != charts.top_skus  # the filter does apply there


def test_promotion_roi(db, charts):
    promos = {p.name: p for p in charts.promotions}
    assert set(promos) == {"3月大促", "会员日"}  # 五一 is outside March
    big = promos["3月大促"]  # its latest result
    assert (big.gmv, big.cost, big.roas, big.incremental_roi) == (50000, 10000, 5.0, 2.0)
    assert promos["会员日"].roas == 3.0 and promos["会员日"].incremental_roi is None
    assert [p.name for p in series.promotion_roi(db, MARCH, "jd")] == ["会员日"]
