"""Real exports shops published (../shared/real-exports): the owner's numbers are the platform's."""
from __future__ import annotations

import datetime as dt

from core.imports import import_file, inspect_file
from core.kpi import compute_kpis
from tests.core.imports.conftest import orders
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


def test_shopify_export_in_rand_says_its_amounts_are_not_yuan(db):
    result = import_file(db, real_export("shopify/zar_orders_export.csv"))
    assert result.orders_added == 50
    assert [w.column for w in result.warnings if "are in ZAR, not yuan (50 orders)" in w.message] == ["Currency"]
