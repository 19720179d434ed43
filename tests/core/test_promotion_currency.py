"""A promotion's effect in yuan when a channel sells in dollars (issue #18): conversions by hand.

SKU A 龙井 (茶叶) costs ¥40. Orders, each one line of A (amounts in hundredths of their currency):
  taobao  (CNY)  T1 100.00 paid 10 March 2026
  shopify (USD)  S0 10.00 paid 8 March; S1 20.05 and S2 10.00 paid 10 March; S3 33.33 paid 11 March
Promotion 春茶节: every channel, 10–11 March, budget ¥100; today 12 March; before: 8–9 March.
USD 2026-03 = 7.1234 yuan. By hand (each day's sum × the month's rate, rounded half up to the fen):
  10 Mar Shopify 30.05 × 7.1234 = 214.05817 → ¥214.06 (per order it would be 142.82 + 71.23 = 214.05)
  11 Mar Shopify 33.33 × 7.1234 = 237.422922 → ¥237.42
  window GMV 100.00 + 214.06 + 237.42 = ¥551.48; 4 orders, 4 units; gross profit 551.48 − 4 × 40 = ¥391.48
  before  S0 10.00 × 7.1234 = 71.234 → ¥71.23; gross profit 71.23 − 40 = ¥31.23
  uplift (551.48 − 71.23) ÷ 71.23; ROI (391.48 − 31.23) ÷ 100 = 3.6025
"""
from __future__ import annotations

import datetime as dt

import pytest

from core.edits import apply_edit
from core.edits.channels import SetChannelCurrency, SetExchangeRate
from core.models import Promotion, Sku
from core.promotion_compare import effect_record
from core.promotion_effect import promotion_effect, with_effects
from core.promotions import promotion_rows
from tests.core.kpi_shop import add_order

D, T = dt.date, dt.datetime
TODAY = D(2026, 3, 12)


def _o(s, platform, no, day, amount, buyer):
    add_order(s, platform, no, buyer, "completed", T(day.year, day.month, day.day, 10), amount,
              lines=[("A", 1, amount, None)])


@pytest.fixture
def shop(db):
    with db.transaction() as s:
        s.add(Sku(code="A", title="龙井 250g", category="茶叶", cost_fen=4000))
        _o(s, "shopify", "S0", D(2026, 3, 8), 1000, "a@example.com")
        _o(s, "taobao", "T1", D(2026, 3, 10), 10000, "u1")
        _o(s, "shopify", "S1", D(2026, 3, 10), 2005, "b@example.com")
        _o(s, "shopify", "S2", D(2026, 3, 10), 1000, "c@example.com")
        _o(s, "shopify", "S3", D(2026, 3, 11), 3333, "b@example.com")
        base = dict(phases=[], rules=[], note="", kind="own", start=D(2026, 3, 10), end=D(2026, 3, 11),
                    budget_fen=10000, status="done")
        s.add(Promotion(id=1, name="春茶节", platforms=[], scope={}, **base))
        s.add(Promotion(id=2, name="春茶节 茶叶", platforms=[], scope={"categories": ["茶叶"]}, **base))
        s.add(Promotion(id=3, name="Shopify week", platforms=["shopify"], scope={}, **base))
    apply_edit(db, SetChannelCurrency("shopify", "USD"))
    return db


def effect(db, pid):
    with db.session() as s:
        return promotion_effect(s, pid, TODAY)


@pytest.mark.parametrize("pid", [1, 2])  # the whole shop (orders) and a category scope (lines) alike
def test_a_dollar_channel_counts_in_yuan_converted_per_day(shop, pid):
    apply_edit(shop, SetExchangeRate("USD", "2026-03", "7.1234"))
    e = effect(shop, pid)
    w, b = e.window, e.before
    assert (w.gmv_fen, w.orders, w.units) == (55148, 4, 4)
    assert w.daily_gmv_fen == (10000 + 21406, 23742)
    assert w.gross_profit_fen == 55148 - 4 * 4000
    assert [(x.sku_code, x.units, x.gmv_fen) for x in w.top] == [("A", 4, 55148)]
    assert (b.gmv_fen, b.orders, b.gross_profit_fen) == (7123, 1, 7123 - 4000)
    assert e.uplift == pytest.approx((55148 - 7123) / 7123)
    assert e.roi == pytest.approx((39148 - 3123) / 10000)
    assert (e.converted, e.left_out) == (("shopify",), ())
    assert effect_record(e)["not_counted"] == ""


def test_a_channel_without_a_rate_is_left_out_and_named_in_its_own_currency(shop):
    apply_edit(shop, SetExchangeRate("USD", "2026-02", "7.0"))  # another month's rate does not help
    e = effect(shop, 1)
    assert (e.window.gmv_fen, e.window.orders, e.window.units) == (10000, 1, 1)  # Taobao alone: never USD as yuan
    assert e.before.gmv_fen == 0 and e.uplift is None  # S0 left out too: the same channels on both sides
    (x,) = e.left_out
    assert (x.platform, x.currency, x.gmv, x.orders, x.missing_months) == ("shopify", "USD", 2005 + 1000 + 3333, 3,
                                                                            ("2026-03",))
    note = effect_record(e)["not_counted"]
    assert note == ("Not counted in these figures: Shopify — GMV USD 63.38, paid orders: 3 (no USD rate for 2026-03: "
                    "set it in Settings → Channels).")
    only = effect(shop, 3)  # a Shopify-only promotion: nothing in yuan, all of it shown apart
    assert (only.window.gmv_fen, only.window.orders) == (0, 0) and only.left_out[0].gmv == 6338


def test_the_promotions_list_and_its_export_take_the_converted_figures(shop):
    apply_edit(shop, SetExchangeRate("USD", "2026-03", "7.1234"))
    with shop.session() as s:
        rows = {r.id: r for r in with_effects(s, promotion_rows(s, TODAY), TODAY)}
    assert (rows[1].gmv_fen, rows[1].baseline_fen) == (55148, 7123)
    assert rows[1].roi == pytest.approx(3.6025)
    assert rows[3].gmv_fen == 21406 + 23742  # Shopify alone: ¥214.06 + ¥237.42
