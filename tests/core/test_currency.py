"""Channels in other currencies (issue #18): hand-computed conversions, missing rates, rate edits.

The shop (amounts in hundredths of each channel's currency):
  taobao  (CNY)  T1 500.00 paid 15 Oct 2026; T2 100.00 paid 3 Nov
  shopify (USD)  S1 100.05 and S2 20.00 (5.00 refunded) paid 31 Oct; S3 33.33 paid 2 Nov
Rates typed by the owner: USD 2026-10 = 7.1234, USD 2026-11 = 7.2.
By hand (each day's sum × its month's rate, rounded half up to the fen):
  31 Oct  GMV 120.05 USD × 7.1234 = 855.16417 → ¥855.16; refund 5.00 × 7.1234 = 35.617 → ¥35.62
   2 Nov  GMV  33.33 USD × 7.2    = 239.976   → ¥239.98
  Oct–Nov: GMV 500 + 100 + 855.16 + 239.98 = ¥1,695.14; refunds ¥35.62; net ¥1,659.52
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from kpi_shop import add_order
from sqlalchemy import select

from core.currency import convert, parse_month
from core.edits import FieldError, History, apply_edit
from core.edits.channels import SetChannelCurrency, SetExchangeRate
from core.kpi import compute_kpis, kpi_json
from core.kpi.series import daily_gmv
from core.models import Channel, ExchangeRate

D = dt.datetime
OCT1, OCT31, NOV30 = dt.date(2026, 10, 1), dt.date(2026, 10, 31), dt.date(2026, 11, 30)


@pytest.fixture
def shop(db):
    with db.transaction() as s:
        add_order(s, "taobao", "T1", "a", "completed", D(2026, 10, 15, 10), 50000)
        add_order(s, "taobao", "T2", "b", "completed", D(2026, 11, 3, 10), 10000)
        add_order(s, "shopify", "S1", "x@example.com", "paid", D(2026, 10, 31, 9), 10005)
        add_order(s, "shopify", "S2", "y@example.com", "paid", D(2026, 10, 31, 18), 2000, refund_fen=500)
        add_order(s, "shopify", "S3", "x@example.com", "paid", D(2026, 11, 2, 8), 3333)
    apply_edit(db, SetChannelCurrency("shopify", "usd"))
    apply_edit(db, SetExchangeRate("USD", "2026-10", "7.1234"))
    return db


def test_rounding_is_half_up_to_the_fen():
    assert convert(12005, Decimal("7.1234")) == 85516  # 85,516.417
    assert convert(500, Decimal("7.1234")) == 3562  # 3,561.7
    assert convert(5, Decimal("0.5")) == 3  # 2.5 → 3, never banker's 2
    assert convert(548500, Decimal("0.4567")) == 250500  # 250,499.95
    assert convert(-5, Decimal("0.5")) == -3


def test_a_converted_channel_counts_in_yuan(shop):
    apply_edit(shop, SetExchangeRate("USD", "2026-11", "7.2"))
    r = compute_kpis(shop, OCT1, NOV30)
    assert (r.gmv, r.refund_amount, r.net_sales, r.orders) == (169514, 3562, 165952, 5)
    assert r.by_channel["shopify"].gmv == 85516 + 23998
    assert r.by_channel["taobao"].gmv == 60000
    assert r.excluded == {}
    assert r.currency == "CNY" and r.channel_currencies == {"shopify": "USD"}
    # the trend and the goals' actuals add the same converted days
    days = daily_gmv(shop, OCT1, NOV30)
    assert days[dt.date(2026, 10, 31)] == 85516 and days[dt.date(2026, 11, 2)] == 23998
    assert sum(days.values()) == r.gmv


def test_a_month_without_a_rate_leaves_the_channel_out_and_says_so(shop):
    r = compute_kpis(shop, OCT1, NOV30)
    assert (r.gmv, r.orders) == (60000, 2)  # taobao only: USD is never added as yuan
    assert list(r.by_channel) == ["taobao"]
    ex = r.excluded["shopify"]
    assert (ex.currency, ex.missing_months) == ("USD", ("2026-11",))
    assert (ex.numbers.gmv, ex.numbers.orders, ex.numbers.refund_amount, ex.numbers.net_sales) == (15338, 3, 500, 14838)
    doc = kpi_json(r)
    assert doc["currency"] == "CNY" and doc["gmv"] == 600.0
    assert doc["excluded"]["shopify"]["gmv"] == 153.38 and doc["excluded"]["shopify"]["currency"] == "USD"
    assert doc["excluded"]["shopify"]["missing_rate_months"] == ["2026-11"]
    assert doc["excluded"]["shopify"]["message"] == "no USD rate for 2026-11: set it in Settings → Channels"
    assert sum(daily_gmv(shop, OCT1, NOV30).values()) == 60000
    # October alone has its rate: converted there
    oct_ = compute_kpis(shop, OCT1, OCT31)
    assert (oct_.gmv, oct_.excluded) == (50000 + 85516, {})
    oct_doc = kpi_json(oct_)
    assert oct_doc["by_channel"]["shopify"]["currency"] == "CNY"
    assert oct_doc["by_channel"]["shopify"]["original_currency"] == "USD"
    assert oct_doc["by_channel"]["taobao"]["original_currency"] == "CNY"
    assert oct_doc["by_channel"]["shopify"]["gmv"] == 855.16


def test_rate_edits_undo_and_redo_exactly(shop):
    history = History()
    history.apply(shop, SetExchangeRate("USD", "2026-11", "7.2"))
    assert compute_kpis(shop, OCT1, NOV30).gmv == 169514
    history.apply(shop, SetExchangeRate("USD", "2026-11", "7.30"))
    assert _rates(shop) == {("USD", "2026-10"): "7.1234", ("USD", "2026-11"): "7.3"}
    assert compute_kpis(shop, OCT1, NOV30).gmv == 50000 + 10000 + 85516 + 24331  # 33.33 × 7.3 = 243.309
    history.undo(shop)
    assert _rates(shop)[("USD", "2026-11")] == "7.2"
    history.undo(shop)
    assert ("USD", "2026-11") not in _rates(shop)
    assert "shopify" in compute_kpis(shop, OCT1, NOV30).excluded
    history.redo(shop)
    assert compute_kpis(shop, OCT1, NOV30).gmv == 169514
    history.apply(shop, SetExchangeRate("USD", "2026-11", ""))  # clearing removes the rate
    assert ("USD", "2026-11") not in _rates(shop)
    history.undo(shop)
    assert _rates(shop)[("USD", "2026-11")] == "7.2"


@pytest.mark.parametrize(("edit", "field", "words"), [
    (SetExchangeRate("USD", "2026-12", "0"), "rate", "above 0"),
    (SetExchangeRate("USD", "2026-12", "-7.1"), "rate", "not a rate"),
    (SetExchangeRate("USD", "2026-12", "seven"), "rate", "not a rate"),
    (SetExchangeRate("USD", "2026-12", "1.123456789"), "rate", "at most 8 decimals"),
    (SetExchangeRate("USD", "2026-13", "7"), "month", "not a month"),
    (SetExchangeRate("USD", "Dec 2026", "7"), "month", "not a month"),
    (SetExchangeRate("US", "2026-12", "7"), "currency", "not a currency code"),
    (SetExchangeRate("CNY", "2026-12", "2"), "currency", "always 1"),
    (SetChannelCurrency("shopify", "dollars"), "currency", "not a currency code"),
    # three letters, but no currency of ISO 4217 (made up, gold, the test code): refused by name
    (SetChannelCurrency("shopify", "XYZ"), "currency", "“XYZ” is not a currency of ISO 4217"),
    (SetChannelCurrency("shopify", "xau"), "currency", "“XAU” is not a currency of ISO 4217"),
    (SetExchangeRate("XTS", "2026-12", "7"), "currency", "“XTS” is not a currency of ISO 4217"),
])
def test_bad_rates_are_refused_naming_the_field_and_nothing_is_written(shop, edit, field, words):
    with pytest.raises(FieldError) as err:
        apply_edit(shop, edit)
    assert err.value.field == field and words in str(err.value)
    assert _rates(shop) == {("USD", "2026-10"): "7.1234"}
    with shop.transaction() as s:
        assert s.scalar(select(Channel.currency).where(Channel.platform == "shopify")) == "USD"


def test_real_currencies_of_iso_4217_are_taken(shop):
    for code in ("GBP", "zar", "JPY", "HKD", "EUR"):  # JPY has no minor unit: still a currency
        apply_edit(shop, SetChannelCurrency("shopify", code))
        with shop.transaction() as s:
            assert s.scalar(select(Channel.currency).where(Channel.platform == "shopify")) == code.upper()


def test_months_are_read_in_the_usual_spellings():
    assert parse_month("2026-1") == "2026-01" and parse_month("2026/11") == "2026-11"
    assert parse_month("2026-00") is None and parse_month("11/2026") is None


def _rates(db) -> dict:
    with db.transaction() as s:
        return {(r.currency, r.month): r.rate for r in s.scalars(select(ExchangeRate))}


def test_sku_and_category_sales_convert_per_sku_and_day(db):
    from core.kpi.periods import DateRange
    from core.kpi.series import sku_sales
    from core.models import Sku

    with db.transaction() as s:
        s.add(Sku(code="TEA", title="茶", category="茶叶", cost_fen=1000, price_fen=5000))
        add_order(s, "taobao", "T1", "a", "completed", D(2026, 10, 15, 10), 50000, lines=[("TEA", 2, 25000, None)])
        add_order(s, "shopify", "S1", "x", "paid", D(2026, 10, 31, 9), 10005, lines=[("TEA", 1, 10005, None)])
        add_order(s, "shopify", "S2", "y", "paid", D(2026, 11, 2, 9), 3333, lines=[("TEA", 1, 3333, None)])
    apply_edit(db, SetChannelCurrency("shopify", "USD"))
    apply_edit(db, SetExchangeRate("USD", "2026-10", "7.1234"))
    october = sku_sales(db, DateRange(OCT1, OCT31))
    assert [(x.sku_code, x.units, x.sales) for x in october] == [("TEA", 3, 50000 + 71270)]  # 100.05 × 7.1234 = 712.6962
    # November has no rate: Shopify's lines are left out of the range, as the cards leave it out
    both = sku_sales(db, DateRange(OCT1, NOV30))
    assert [(x.sku_code, x.units, x.sales) for x in both] == [("TEA", 2, 50000)]
    apply_edit(db, SetExchangeRate("USD", "2026-11", "7.2"))
    both = sku_sales(db, DateRange(OCT1, NOV30))
    assert [(x.sku_code, x.units, x.sales) for x in both] == [("TEA", 4, 50000 + 71270 + 23998)]
    assert compute_kpis(db, OCT1, NOV30).gmv == 50000 + 71270 + 23998


def test_goal_actuals_and_the_staff_kpi_base_count_the_converted_amounts(shop):
    from core.goals import _actual_gmv
    from core.staff_kpi import shop_actual

    with shop.session() as s:
        assert shop_actual(s, OCT1, OCT31) == 50000 + 85516
        assert _actual_gmv(s, OCT1, OCT31, "shopify", "") == 85516
        assert _actual_gmv(s, OCT1, NOV30, "", "") == 60000  # November without a rate: Shopify left out
