"""Real exports shops published (../shared/real-exports): the owner's numbers are the platform's."""
from __future__ import annotations

import datetime as dt

import pytest

from core.edits import apply_edit
from core.edits.channels import SetChannelCurrency, SetExchangeRate
from core.errors import BadInputError
from core.imports import import_file, inspect_file
from core.kpi import compute_kpis
from tests.core.imports.conftest import orders
from tests.core.kpi_shop import add_order
from tests.helpers.real_exports import real_export

WHOLE_FILE = (dt.date(2020, 1, 1), dt.date(2020, 12, 31))


def test_tmall_order_report_gross_refunds_and_net(db):
    path = real_export("taobao/tmall_order_report.csv")
    insp = inspect_file(path, db=db)
    assert (insp.platform, insp.kind, insp.layout_name) == ("taobao", "orders", "Taobao/Tmall order report (订单报表)")
    result = import_file(db, path)
    assert (result.orders_added, result.errors) == (28010, [])
    k = compute_kpis(db, *WHOLE_FILE)
    assert (k.orders, k.gmv, k.refund_amount, k.net_sales) == (24087, 247482307, 57233592, 190248715)
    assert k.units is None  # no quantity column: unknown, never invented
    # 总金额 327.70 = 买家实际支付金额 148.90 + 退款金额 178.80: a partial refund
    partial = [o for o in orders(db).values() if o["paid_fen"] == 32770 and o["refund_fen"] == 17880]
    assert partial and all(o["status"] == "paid" and o["is_paid"] for o in partial)


def test_tmall_order_report_statuses_come_from_times_and_refunds(db):
    import_file(db, real_export("taobao/tmall_order_report.csv"))
    by_status: dict[tuple, int] = {}
    for o in orders(db).values():
        by_status[(o["status"], bool(o["is_paid"]))] = by_status.get((o["status"], bool(o["is_paid"])), 0) + 1
    # 5,132 paid orders were refunded in full (实付 0.00); 3,923 were never paid
    assert by_status == {("paid", True): 24087 - 5132, ("refunded", True): 5132, ("pending_payment", False): 3923}


def test_trimmed_shopify_export_without_payment_or_status_warns_that_nothing_counts_as_paid(db):
    path = real_export("shopify/au_trimmed_orders_export.csv")
    result = import_file(db, path)
    assert (result.platform, result.orders_added) == ("shopify", 1057)
    assert any("none of its 1057 orders will count as paid" in w.message for w in result.warnings)
    assert compute_kpis(db, dt.date(2000, 1, 1), dt.date(2030, 12, 31)).orders == 0


def test_shopify_export_in_rand_sets_the_channel_currency_and_is_never_summed_as_yuan(db):
    result = import_file(db, real_export("shopify/zar_orders_export.csv"))
    assert result.orders_added == 50
    notes = [w.message for w in result.warnings if w.column == "Currency"]
    assert any("the Shopify channel's currency is now ZAR" in n for n in notes)
    assert any("no ZAR rate for 2021-05: set it in Settings → Channels" in n for n in notes)
    may = (dt.date(2021, 5, 1), dt.date(2021, 5, 31))
    k = compute_kpis(db, *may)
    assert (k.gmv, k.orders) == (0, 0)  # no rate: shown apart, in rand
    assert (k.excluded["shopify"].currency, k.excluded["shopify"].numbers.gmv) == ("ZAR", 6285500)
    assert k.excluded["shopify"].numbers.orders == 35
    # With a rate: each day's rand × 0.4567, rounded half up (sums per day counted from the file:
    # 13th 5,485.00 → 2,504.9995 → ¥2,505.00; 14th 16,684.00 → ¥7,619.58; 15th 12,240.00 → ¥5,590.01;
    # 16th 16,197.00 → ¥7,397.17; 17th 12,249.00 → ¥5,594.12)
    apply_edit(db, SetExchangeRate("ZAR", "2021-05", "0.4567"))
    k = compute_kpis(db, *may)
    assert (k.gmv, k.orders, k.excluded) == (250500 + 761958 + 559001 + 739717 + 559412, 35, {})
    assert k.gmv == 2870588


def test_an_export_in_another_currency_than_the_channel_s_orders_is_refused(db):
    with db.transaction() as s:
        add_order(s, "shopify", "#1001", "a@example.com", "paid", dt.datetime(2021, 4, 1, 10), 10000)
    with pytest.raises(BadInputError) as err:
        import_file(db, real_export("shopify/zar_orders_export.csv"))
    assert "its amounts are in ZAR, but this shop's Shopify orders are in CNY" in str(err.value)
    assert "Settings → Channels" in str(err.value) and "Nothing was imported" in str(err.value)
    assert len(orders(db)) == 1
    # the owner says the earlier orders were rand too: the file then imports
    apply_edit(db, SetChannelCurrency("shopify", "ZAR"))
    assert import_file(db, real_export("shopify/zar_orders_export.csv")).orders_added == 50