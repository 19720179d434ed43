"""The small shop of tests/core/test_member_currency.py (its docstring computes every figure by hand):
a yuan Taobao buyer and two Shopify buyers in dollars, a rate for October 2026 only."""
from __future__ import annotations

import datetime as dt

from core.edits import apply_edit
from core.edits.channels import SetChannelCurrency, SetExchangeRate
from core.edits.members import SetTierRules, TierSpec
from tests.core.kpi_shop import add_order

T = dt.datetime
TODAY = dt.date(2026, 11, 30)
SPECS = (TierSpec("普通", 0, 0), TierSpec("银卡", 50_000, 30_000), TierSpec("金卡", 200_000, 120_000),
         TierSpec("黑卡", 500_000, 300_000))


def build_member_currency_shop(db):
    apply_edit(db, SetChannelCurrency("shopify", "USD"))
    apply_edit(db, SetExchangeRate("USD", "2026-10", "7.1234"))
    apply_edit(db, SetTierRules("spend", 365, 365, SPECS, points_per_yuan=1, points_expiry_months=12))
    with db.transaction() as s:
        add_order(s, "taobao", "T1", "u1", "completed", T(2026, 10, 15, 10), 50000)
        add_order(s, "shopify", "S1", "x", "paid", T(2026, 10, 31, 9), 10005)
        add_order(s, "shopify", "S2", "x", "paid", T(2026, 10, 31, 18), 2000, refund_fen=500)
        add_order(s, "shopify", "S3", "x", "paid", T(2026, 11, 2, 8), 3333)
        add_order(s, "shopify", "S4", "y", "paid", T(2026, 11, 20, 8), 8000)
    from core.customers import rebuild_all

    with db.engine.begin() as conn:  # as an import does
        rebuild_all(conn)
    return db
