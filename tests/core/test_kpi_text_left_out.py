"""`kpi` on a range whose foreign-currency channel has no rate yet (newuser3): the channel's own
numbers are shown in its currency, never as ¥0.00 and 0 orders (the real ZAR Shopify store)."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from kpi_shop import add_order

from core.edits import apply_edit
from core.edits.channels import SetChannelCurrency
from core.kpi import compute_kpis, kpi_table_text

D = dt.datetime
MAY1, MAY31 = dt.date(2021, 5, 1), dt.date(2021, 5, 31)


@pytest.fixture
def shop(db):
    with db.transaction() as s:
        add_order(s, "taobao", "T1", "a", "completed", D(2021, 5, 15, 10), 50000)
        add_order(s, "shopify", "S1", "x@example.com", "paid", D(2021, 5, 13, 9), 184868)
        add_order(s, "shopify", "S2", "y@example.com", "paid", D(2021, 5, 14, 18), 2000, refund_fen=500)
    apply_edit(db, SetChannelCurrency("shopify", "zar"))
    return db


def _column(text: str, label: str) -> list[str]:
    """The cells of the KPI row ``label`` (after its name)."""
    line = next(ln for ln in text.splitlines() if ln.startswith(label + " "))
    return re.split(r"\s{2,}", line[len(label):].strip())


def test_kpi_for_the_channel_without_a_rate_shows_it_in_its_own_currency(shop):
    text = kpi_table_text(compute_kpis(shop, MAY1, MAY31, "shopify"))
    assert "Shopify (ZAR)" in text
    assert _column(text, "GMV") == ["ZAR 1,868.68"]
    assert _column(text, "Paid orders") == ["2"]
    assert _column(text, "Refund amount") == ["ZAR 5.00"]
    assert "¥0.00" not in text and "Amounts in CNY" not in text
    assert "Not in the totals: Shopify, 1,868.68 ZAR GMV in 2 orders" in text


def test_kpi_of_all_channels_shows_the_left_out_channel_beside_the_total(shop):
    text = kpi_table_text(compute_kpis(shop, MAY1, MAY31))
    assert _column(text, "GMV") == ["¥500.00", "¥500.00", "ZAR 1,868.68"]
    assert _column(text, "Paid orders") == ["1", "1", "2"]
    assert "Shopify (ZAR)" in text.splitlines()[1]
    assert "Amounts in CNY" in text  # the total and Taobao are in yuan
