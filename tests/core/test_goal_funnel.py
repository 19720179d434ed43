"""The funnel of a year's targets (core.goal_funnel): visitors needed = target ÷ (conversion × AOV),
from last year's month or all imported traffic, the what-if, ad spend, and unknown without traffic."""
from __future__ import annotations

import datetime as dt
from fractions import Fraction

from core.goal_funnel import FunnelBasis, Rates, funnel, load_funnel_basis
from core.models import Goal, Order, TrafficDaily

d = dt.date
TARGETS = (1_000_000,) + (None,) * 10 + (2_000_000,)


def test_visitors_needed_from_last_years_month_and_the_what_if():
    # January last year: 10,000 visitors, 200 paying buyers (2 %), ¥100,000 from 250 buyers (AOV ¥400), ¥5,000 ads
    jan = Rates(10_000, 200, 10_000_000, 250, 500_000)
    overall = Rates(100_000, 3_000, 90_000_000, 3_000)  # 3 %, AOV ¥300, no ad spend
    basis = FunnelBasis(2027, TARGETS, (jan,) + (None,) * 11, overall)
    months = funnel(basis)
    assert months[0].basis == "last_year" and months[0].conversion == Fraction(1, 50) and months[0].aov == 40_000
    assert months[0].visitors == 1_250  # ¥10,000 ÷ (2 % × ¥400)
    assert months[0].ad_spend == 62_500  # 1,250 visitors at ¥0.50 each
    assert months[11].basis == "traffic" and months[11].visitors == 2_223  # ¥20,000 ÷ (3 % × ¥300) = 2,222.2 → up
    assert months[11].ad_spend is None  # the traffic carries no ad spend
    assert months[5].target is None and months[5].visitors is None and months[5].basis == "traffic"
    better = funnel(basis, conversion_uplift=25, aov_uplift=0)
    assert better[0].visitors == 1_000 and better[0].ad_spend == 50_000  # +25 % conversion: 2.5 %
    both = funnel(basis, 25, 25)
    assert both[0].aov == 50_000 and both[0].visitors == 800


def test_without_traffic_every_month_is_unknown():
    months = funnel(FunnelBasis(2027, TARGETS, (None,) * 12, None), 10, 10)
    assert all(m.basis is None and m.visitors is None and m.conversion is None for m in months)
    assert months[0].target == 1_000_000


def test_load_reads_last_years_traffic_and_orders_of_each_month(db):
    with db.transaction() as s:
        s.add(Goal(period_kind="year", period_start=d(2027, 1, 1), period_end=d(2027, 12, 31), target_gmv_fen=0))
        s.add(Goal(period_kind="month", period_start=d(2027, 3, 1), period_end=d(2027, 3, 31),
                   target_gmv_fen=600_000))
        for i in range(1, 32):
            s.add(TrafficDaily(day=d(2026, 3, i), platform="taobao", visitors=100, paying_buyers=0, ad_spend_fen=310))
        for i in range(30):  # 30 orders from 30 buyers in March: ¥200 each
            s.add(Order(platform="taobao", order_no=f"T{i}", buyer_key=f"b{i}", status="paid", is_paid=True,
                        paid_fen=20_000, pay_date=d(2026, 3, i + 1), created_at=dt.datetime(2026, 3, i + 1, 10)))
    with db.session() as s:
        empty = load_funnel_basis(s, 2028)
        basis = load_funnel_basis(s, 2027)
    assert empty.overall is not None and empty.targets == (None,) * 12
    assert basis.targets[2] == 600_000
    march = basis.last_year[2]
    assert (march.visitors, march.buyers, march.gmv, march.ad_spend) == (3_100, 30, 600_000, 9_610)
    assert basis.last_year[0] is None  # no traffic in January 2026
    m = funnel(basis)[2]
    assert m.basis == "last_year" and m.visitors == 3_100 and m.ad_spend == 9_610  # last year's again
    assert funnel(basis)[0].basis == "traffic"


def test_a_shop_that_never_imported_traffic_has_no_basis(db):
    with db.session() as s:
        basis = load_funnel_basis(s, 2027)
    assert basis.overall is None and all(r is None for r in basis.last_year)
