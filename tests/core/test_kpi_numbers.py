"""Every KPI of spec/kpi.md against values computed by hand from tests/core/kpi_shop.py.

March 2026, paid orders by payment date (both ends included):
  taobao  T1 100.00 (alice, paid 00:00:05 on the 1st), T2 50.00 (alice, 23:59:59 on the 31st,
          20.00 refunded), T5 60.00 (carol, status refunded, no amount → 60.00 refunded),
          T8 30.00 (bob, paid by status, created on the 15th)            = 240.00, 4 orders
          not counted: T3 pending, T4 closed, T6 paid 1 April 00:00:01, T7 paid 28 Feb 23:59:59
  jd      J1 200.00 + J2 150.00 (jd_user1), J3 40.00 and J4 50.00 (no key), J5 20.00 (alice,
          another channel's alice)                                         = 460.00, 5 orders
  douyin  D1 90.00 (no key), D2 10.00 (empty key)                          = 100.00, 2 orders
  shopify S1 120.00 (23:30 local); S2 is 00:30 on 1 April local time      = 120.00, 1 order
"""
from __future__ import annotations

import datetime as dt

import pytest
from kpi_shop import build_shop

from core.kpi import compute_kpis

MAR1, MAR31 = dt.date(2026, 3, 1), dt.date(2026, 3, 31)


@pytest.fixture
def shop(db):
    build_shop(db)
    return db


def test_march_totals(shop):
    r = compute_kpis(shop, MAR1, MAR31)
    assert r.gmv == 92000
    assert r.orders == 12
    # taobao alice, carol, bob; jd jd_user1, alice, two keyless orders; douyin two keyless; shopify one
    assert r.paying_buyers == 10
    assert r.aov == 9200
    assert r.refund_amount == 8000  # T2 partial 20.00 + T5 fully refunded 60.00
    assert r.net_sales == 84000
    assert r.refund_rate == pytest.approx(8000 / 92000)
    # known-key buyers: alice(tb, 2 orders), carol, bob, jd_user1 (2), alice(jd), x@example.com
    assert r.repurchase_rate == pytest.approx(2 / 6)
    assert r.visitors == 3200  # taobao 31 × 100 + jd 2 × 50
    # taobao: 3 buyers over fully covered days; jd: only jd_user1 paid on the 5th and 6th
    assert r.conversion_rate == pytest.approx(4 / 3200)
    assert r.units == 17


def test_per_channel(shop):
    r = compute_kpis(shop, MAR1, MAR31)
    assert list(r.by_channel) == ["jd", "taobao", "shopify", "douyin"]  # largest GMV first
    jd = r.by_channel["jd"]
    assert (jd.gmv, jd.orders, jd.paying_buyers, jd.aov, jd.units) == (46000, 5, 4, 11500, 7)
    assert jd.repurchase_rate == 0.5
    assert jd.visitors == 100 and jd.conversion_rate == pytest.approx(0.01)
    assert jd.refund_rate == 0.0
    tb = r.by_channel["taobao"]
    assert (tb.gmv, tb.orders, tb.paying_buyers, tb.refund_amount, tb.net_sales, tb.units) == (24000, 4, 3, 8000, 16000, 6)
    assert tb.conversion_rate == pytest.approx(3 / 3100)
    dy = r.by_channel["douyin"]
    assert (dy.gmv, dy.paying_buyers, dy.aov) == (10000, 2, 5000)
    assert dy.repurchase_rate is None  # no buyer keys at all: unknown, not 0
    assert dy.visitors is None and dy.conversion_rate is None
    assert r.by_channel["shopify"].gmv == 12000


def test_channel_filter_equals_its_column(shop):
    jd = compute_kpis(shop, MAR1, MAR31, "jd")
    assert jd.channel == "jd"
    assert list(jd.by_channel) == ["jd"]
    assert jd.as_dict() == compute_kpis(shop, MAR1, MAR31).by_channel["jd"].as_dict()


def test_range_edges_are_inclusive_whole_days(shop):
    assert compute_kpis(shop, MAR1, MAR1).gmv == 10000  # paid 00:00:05
    assert compute_kpis(shop, MAR31, MAR31).gmv == 5000 + 12000  # 23:59:59 and Shopify 23:30 local
    assert compute_kpis(shop, dt.date(2026, 4, 1), dt.date(2026, 4, 1)).gmv == 7000 + 5500
    assert compute_kpis(shop, dt.date(2026, 2, 28), dt.date(2026, 2, 28)).gmv == 4000
    # created_at stands in for the missing payment time of a paid-by-status order
    assert compute_kpis(shop, dt.date(2026, 3, 15), dt.date(2026, 3, 15)).orders == 1


def test_unpaid_and_closed_orders_count_nowhere(shop):
    r = compute_kpis(shop, dt.date(2026, 3, 10), dt.date(2026, 3, 11))
    assert (r.gmv, r.orders, r.paying_buyers, r.units) == (0, 0, 0, 0)


def test_unknown_values_without_data(db):
    r = compute_kpis(db, MAR1, MAR31)
    assert (r.gmv, r.orders, r.units) == (0, 0, 0)
    assert r.aov is None and r.refund_rate is None and r.repurchase_rate is None
    assert r.visitors is None and r.conversion_rate is None


def test_orders_without_lines_have_unknown_units(db):
    from kpi_shop import add_order

    with db.transaction() as s:
        add_order(s, "pdd", "P1", None, "completed", dt.datetime(2026, 3, 2, 12), 3000)
    assert compute_kpis(db, MAR1, MAR31).units is None


def test_accepts_a_session(shop):
    with shop.session() as s:
        assert compute_kpis(s, MAR1, MAR31).gmv == 92000


def test_bad_range(shop):
    with pytest.raises(ValueError):
        compute_kpis(shop, MAR31, MAR1)
