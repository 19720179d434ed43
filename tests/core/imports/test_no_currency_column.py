"""A file without a currency column in a channel whose currency is not yuan (issue #18: the real
trimmed Australian Shopify export into a shop whose Shopify channel is already in rand): said
plainly, with the file's own months, never silently summed as that currency."""
from __future__ import annotations

import datetime as dt

from core.edits import apply_edit
from core.edits.channels import SetChannelCurrency
from core.imports import import_file
from tests.core.imports.conftest import orders
from tests.helpers import exports as X
from tests.helpers.real_exports import real_export


def test_trimmed_au_export_into_a_rand_channel_says_it_assumes_rand_and_names_its_own_months(db):
    zar = import_file(db, real_export("shopify/zar_orders_export.csv"))
    assert any("no ZAR rate for 2021-05" in w.message for w in zar.warnings)
    au = import_file(db, real_export("shopify/au_trimmed_orders_export.csv"))
    assert au.orders_added == 1057
    messages = [w.message for w in au.warnings]
    assumed = [m for m in messages if "no currency column" in m]
    assert assumed == [
        "This file has no currency column: ShopDesk took its amounts as ZAR, the Shopify channel's currency (1057 "
        "orders of 2014-09 to 2017-05, 33 months). If they are in another currency, undo this import (File → Import "
        "history) and import the file into a database of its own (--db): one channel's amounts are in one currency."]
    # its orders are not paid (no payment column), and 2021-05 is the rand file's month, not this one's
    assert not any("2021-05" in m for m in messages)
    assert not any("rate is set" in m for m in messages)
    created = sorted(o["created_at"] for o in orders(db, "shopify").values() if o["order_no"] == "#1030")
    assert created == [dt.datetime(2014, 11, 25, 11, 45, 53)]  # 14:45:53 +1100 in Beijing time


def test_a_paid_file_without_currency_names_only_its_own_months_without_a_rate(db, files):
    apply_edit(db, SetChannelCurrency("shopify", "USD"))
    path = X.write_csv(files / "orders_export.csv", ["Name", "Financial Status", "Paid at", "Created at", "Total"], [
        {"Name": "#1", "Financial Status": "paid", "Paid at": "2026-03-05 10:00:00 +0800",
         "Created at": "2026-03-05 09:00:00 +0800", "Total": "12.00"},
        {"Name": "#2", "Financial Status": "paid", "Paid at": "2026-04-01 10:00:00 +0800",
         "Created at": "2026-04-01 09:00:00 +0800", "Total": "8.00"},
    ])
    result = import_file(db, path)
    messages = [w.message for w in result.warnings]
    assert any("took its amounts as USD" in m and "(2 orders of 2026-03, 2026-04)" in m for m in messages), messages
    assert any("no USD rate for 2026-03, 2026-04" in m for m in messages), messages


def test_a_yuan_channel_gets_no_currency_note(db, files):
    path = X.write_csv(files / "orders_export.csv", ["Name", "Financial Status", "Paid at", "Created at", "Total"], [
        {"Name": "#1", "Financial Status": "paid", "Paid at": "2026-03-05 10:00:00 +0800",
         "Created at": "2026-03-05 09:00:00 +0800", "Total": "12.00"}])
    result = import_file(db, path)
    assert result.orders_added == 1
    assert not any("currency" in w.message for w in result.warnings)
