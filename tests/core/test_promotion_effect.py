"""What a promotion earned (issue #14, Effect), on a small shop whose every figure is computed by
hand in the comments below — never by the code under test.

SKUs (unit cost): A 茶叶 ¥40, B 茶叶 ¥30, C 茶具 ¥100, D 茶具 no cost. Today is 2026-03-12.
"""
from __future__ import annotations

import datetime as dt

import pytest

from core.models import Promotion, PromotionResult, Sku
from core.promotion_effect import festival_of, promotion_effect
from tests.core.kpi_shop import add_order

D = dt.date
T = dt.datetime
TODAY = D(2026, 3, 12)


def _o(s, no, day, platform, buyer, lines):
    """An order paid at 10:00 on ``day``; ``lines`` (sku, qty, unit price fen); paid = Σ qty × price."""
    add_order(s, platform, no, buyer, "completed", T(day.year, day.month, day.day, 10),
              sum(q * p for _s, q, p in lines), lines=[(sku, q, p, None) for sku, q, p in lines])


@pytest.fixture
def shop(db):
    with db.transaction() as s:
        s.add_all([Sku(code="A", title="龙井 250g", category="茶叶", cost_fen=4000),
                   Sku(code="B", title="碧螺春", category="茶叶", cost_fen=3000),
                   Sku(code="C", title="建盏", category="茶具", cost_fen=10000),
                   Sku(code="D", title="茶盘", category="茶具", cost_fen=0)])
        _o(s, "o11", D(2024, 12, 1), "taobao", "u0", [("A", 1, 10000)])  # the shop's first paid day
        _o(s, "o12", D(2025, 1, 10), "taobao", "u8", [("A", 3, 10000)])  # 年货节 2025 (preset dates)
        _o(s, "o8", D(2025, 3, 5), "taobao", "u6", [("B", 2, 8000)])  # 38节 2025, Taobao
        _o(s, "o9", D(2025, 3, 6), "jd", "u6", [("B", 1, 8000)])  # 38节 2025, JD
        _o(s, "o13", D(2026, 1, 20), "pdd", "u9", [("C", 1, 15000)])  # 年货节 2026
        _o(s, "o0", D(2026, 3, 1), "taobao", "u5", [("A", 1, 10000)])
        _o(s, "o5", D(2026, 3, 8), "taobao", "u3", [("A", 1, 10000)])
        _o(s, "o6", D(2026, 3, 9), "taobao", "u4", [("C", 1, 15000)])
        _o(s, "o1", D(2026, 3, 10), "taobao", "u1", [("A", 2, 10000), ("C", 1, 15000)])
        _o(s, "o2", D(2026, 3, 11), "jd", "u2", [("B", 1, 8000)])
        _o(s, "o3", D(2026, 3, 12), "taobao", "u1", [("A", 1, 10000)])
        _o(s, "o4", D(2026, 3, 12), "pdd", None, [("C", 2, 15000)])
        _o(s, "o7", D(2026, 3, 12), "douyin", None, [("D", 1, 5000)])
        base = dict(phases=[], rules=[], note="")
        s.add(Promotion(id=1, name="春茶节", kind="own", platforms=[], start=D(2026, 3, 10), end=D(2026, 3, 12),
                        scope={"categories": ["茶叶"]}, budget_fen=30000, status="done", **base))
        s.add(Promotion(id=2, name="京东秒杀", kind="own", platforms=["jd"], start=D(2026, 3, 11),
                        end=D(2026, 3, 12), scope={}, budget_fen=5000, status="done", **base))
        s.add(PromotionResult(promotion_id=2, gmv_fen=1, cost_fen=4000, baseline_gmv_fen=1))
        s.add(Promotion(id=3, name="茶具周", kind="own", platforms=[], start=D(2026, 3, 12), end=D(2026, 3, 13),
                        scope={"categories": ["茶具"]}, budget_fen=20000, status="running", **base))
        s.add(Promotion(id=4, name="2026 38女王节", kind="festival", platforms=["taobao"], start=D(2026, 3, 1),
                        end=D(2026, 3, 8), scope={}, budget_fen=10000, status="done", **base))
        s.add(Promotion(id=5, name="2025 38女王节", kind="festival", platforms=["taobao"], start=D(2025, 3, 1),
                        end=D(2025, 3, 8), scope={}, budget_fen=10000, status="done", **base))
        s.add(Promotion(id=6, name="2026年货节", kind="festival", platforms=[], start=D(2026, 1, 18),
                        end=D(2026, 2, 10), scope={}, budget_fen=0, status="done", **base))
        s.add(Promotion(id=7, name="会员日", kind="own", platforms=["taobao"], start=D(2026, 3, 18),
                        end=D(2026, 3, 18), scope={"skus": ["A"]}, budget_fen=1000, status="planned", **base))
    return db


def effect(db, pid):
    with db.session() as s:
        return promotion_effect(s, pid, TODAY)


def test_a_scoped_promotion_counts_only_the_lines_of_its_categories_against_the_days_before(shop):
    e = effect(shop, 1)  # 茶叶 (A, B), every channel, 10–12 March; o4 (建盏) and o7 (茶盘) are outside
    w = e.window
    # o1's A line ¥200 (not its 建盏 ¥150), o2 ¥80, o3 ¥100
    assert (w.gmv_fen, w.orders, w.units, w.buyers) == (38000, 3, 4, 2)  # u1 bought twice: one buyer
    assert w.aov_fen == 19000
    assert w.gross_profit_fen == 38000 - 3 * 4000 - 1 * 3000  # 23,000
    # the three days before (7–9 March): o5's 龙井 ¥100; o6 sold only a 建盏
    b = e.before
    assert (b.start, b.end, b.gmv_fen, b.orders, b.units, b.buyers) == (D(2026, 3, 7), D(2026, 3, 9), 10000, 1, 1, 1)
    assert e.uplift == pytest.approx((38000 - 10000) / 10000)  # +280 %
    # over (ends today) without a recorded result: the whole budget; ROI on incremental gross profit
    assert (e.cost_fen, e.cost_basis) == (30000, "budget")
    assert e.incremental_gross_profit_fen == 23000 - (10000 - 4000)  # 17,000
    assert e.roi == pytest.approx(17000 / 30000)
    assert w.daily_gmv_fen == (20000, 8000, 10000) and b.daily_gmv_fen == (0, 10000, 0)
    assert [(s.sku_code, s.units, s.gmv_fen) for s in w.top] == [("A", 3, 30000), ("B", 1, 8000)]
    assert e.last_year is None and e.last_year_name == ""  # an own promotion of no festival


def test_a_channel_limited_promotion_counts_only_its_channel_and_takes_the_recorded_cost(shop):
    e = effect(shop, 2)  # JD only, 11–12 March, the whole shop
    assert (e.window.gmv_fen, e.window.orders, e.window.units, e.window.buyers) == (8000, 1, 1, 1)  # o2
    assert (e.before.start, e.before.end, e.before.gmv_fen) == (D(2026, 3, 9), D(2026, 3, 10), 0)  # nothing on JD
    assert e.uplift is None  # from nothing: no rate
    assert (e.cost_fen, e.cost_basis) == (4000, "measured")
    assert e.roi == pytest.approx((8000 - 3000) / 4000)  # gross profit ¥50 against ¥0 before
    assert e.roas == pytest.approx(2.0)


def test_a_running_promotion_is_prorated_and_roi_is_unknown_while_a_sku_has_no_cost(shop):
    e = effect(shop, 3)  # 茶具, 12–13 March: day 1 of 2
    assert e.running and e.days_run == 1
    assert (e.window.start, e.window.end) == (TODAY, TODAY)
    assert (e.window.gmv_fen, e.window.orders, e.window.units, e.window.buyers) == (35000, 2, 3, 2)  # o4 + o7, no keys
    assert (e.cost_fen, e.cost_basis) == (10000, "prorated")  # ¥200 × 1/2
    assert (e.before.start, e.before.end, e.before.gmv_fen) == (D(2026, 3, 11), D(2026, 3, 11), 0)  # as many days
    assert e.window.gross_profit_fen is None and e.skus_without_cost == 1  # D (茶盘)
    assert e.window.skus_without_cost == ("D",) and e.roi is None


def test_the_same_festival_last_year_is_last_years_promotion_on_the_same_channels(shop):
    e = effect(shop, 4)  # 38节 2026 on Taobao: o0 + o5
    assert e.window.gmv_fen == 20000
    assert (e.last_year_name, e.last_year_source) == ("2025 38女王节", "promotion")
    ly = e.last_year
    assert (ly.start, ly.end, ly.gmv_fen, ly.orders) == (D(2025, 3, 1), D(2025, 3, 8), 16000, 1)  # o8, not JD's o9
    assert e.uplift_last_year == pytest.approx((20000 - 16000) / 16000)
    assert (e.before.start, e.before.end, e.before.gmv_fen) == (D(2026, 2, 21), D(2026, 2, 28), 0)


def test_without_last_years_promotion_the_festival_preset_dates_of_last_year_are_the_baseline(shop):
    e = effect(shop, 6)  # 年货节 2026 (preset 18 Jan – 10 Feb); 春节 2025 was 29 Jan: 30 to 7 days before it
    assert e.last_year_source == "preset" and e.last_year_name == "New Year Goods Festival 2025"
    assert (e.last_year.start, e.last_year.end) == (D(2024, 12, 30), D(2025, 1, 22))
    assert (e.last_year.gmv_fen, e.window.gmv_fen) == (30000, 15000)  # o12; o13
    assert e.uplift_last_year == pytest.approx(-0.5)
    assert e.cost_fen is None and e.roi is None  # no budget, no result: nothing to divide by


def test_before_it_starts_there_is_nothing_to_measure_and_unknown_history_is_not_zero(shop, tmp_path):
    planned = effect(shop, 7)
    assert planned.window is None and planned.roi is None and planned.uplift is None
    with shop.session() as s:
        e = promotion_effect(s, 5, D(2025, 3, 8))  # 38节 2025: its 8 days before are after the first order
        assert (e.before.start, e.before.gmv_fen) == (D(2025, 2, 21), 0)
        assert e.last_year is None  # 38节 2024 is before the shop's first paid day: unknown, not ¥0
    from core.db import open_database

    empty = open_database(tmp_path / "empty.db")
    try:
        with empty.transaction() as s:
            s.add(Promotion(id=9, name="x", kind="own", platforms=[], start=TODAY, end=TODAY, scope={}, phases=[],
                            rules=[]))
        with empty.session() as s:
            e = promotion_effect(s, 9, TODAY)
        assert e.window is None and e.before is None and e.uplift is None and e.roi is None
    finally:
        empty.close()


def test_a_promotion_belongs_to_the_festival_of_its_dates_or_its_name():
    assert festival_of("自定义", D(2026, 11, 1), D(2026, 11, 11)) is None  # partial overlap, no name
    assert festival_of("双11 返场", D(2026, 11, 1), D(2026, 11, 11)).key == "double11"
    assert festival_of("大促", D(2026, 10, 20), D(2026, 11, 11)).key == "double11"  # exact preset dates
    assert festival_of("中秋茶礼季", D(2026, 9, 1), D(2026, 9, 23)).key == "mid_autumn"  # most of both
    assert festival_of("店庆", D(2026, 8, 16), D(2026, 8, 18)) is None  # 3 of 七夕's 7 days
