"""Members' money in yuan when a channel sells in dollars (issue #18, core.member_currency): spend,
tiers, points and the still-needed amounts, by hand.

The rule: each order at its payment month's rate, its paid amount and its refunds each rounded half
up to the fen; orders of a month without a rate do not count toward spend, tiers or points.

  taobao  (CNY)  u1: T1 500.00 paid 15 Oct 2026
  shopify (USD)  x:  S1 100.05 paid 31 Oct; S2 20.00 (5.00 refunded) paid 31 Oct; S3 33.33 paid 2 Nov
                 y:  S4 80.00 paid 20 Nov
  USD 2026-10 = 7.1234 (no November rate at first). Today 30 Nov 2026. Tiers on spend over 365 days:
  普通 0, 银卡 ¥500, 金卡 ¥2,000, 黑卡 ¥5,000; 1 point per yuan, ×1 in every tier.
By hand:
  S1 100.05 × 7.1234 = 712.69617 → ¥712.70     S2 20.00 × 7.1234 = 142.468 → ¥142.47, refund 5.00 → 35.617 → ¥35.62
  x spend (October only) 712.70 + 142.47 − 35.62 = ¥819.55 (refunds ¥35.62) → 银卡; ¥2,000 − 819.55 = ¥1,180.45 to 金卡
  x points 712 (S1) + 106 (S2 kept 106.85); y spend ¥0 → 普通, no points
  (summed as if yuan the dollars would be 100.05 + 20 − 5 + 33.33 = ¥148.38: 普通)
Then USD 2026-11 = 7.2 and Recompute:
  S3 33.33 × 7.2 = 239.976 → ¥239.98: x spend ¥1,059.53, points + 239
  S4 80.00 × 7.2 = ¥576.00: y spend ¥576.00 → 银卡, 576 points
"""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from core.edits import History, apply_edit
from core.edits.channels import SetExchangeRate
from core.edits.members import RecomputeTiers
from core.members import currency_note
from core.members import member_rows
from core.models import Customer
from tests.core.kpi_shop import add_order
from tests.core.member_currency_shop import TODAY, build_member_currency_shop

T = dt.datetime


@pytest.fixture
def shop(db):
    return build_member_currency_shop(db)


def rows(db) -> dict[str, object]:
    with db.session() as s:
        return {r.buyer_key: r for r in member_rows(s, TODAY)}


def test_spend_tiers_points_and_the_gap_count_each_order_at_its_month_s_rate(shop):
    apply_edit(shop, RecomputeTiers(TODAY))
    got = rows(shop)
    x, y, u1 = got["x"], got["y"], got["u1"]
    assert (x.spend_fen, x.refund_fen, x.orders) == (81955, 3562, 3)  # S3 (November, no rate) not in spend
    assert (x.tier, x.next_tier, x.to_next_tier) == ("银卡", "金卡", 200_000 - 81955)
    assert (y.spend_fen, y.orders, y.tier) == (0, 1, "普通")  # its only order is November's
    assert (u1.spend_fen, u1.tier) == (50000, "银卡")
    assert (x.points, y.points) == (712 + 106, 0)
    level, text = currency_note_of(shop)
    assert level == "warning"
    assert text.startswith("2 orders of Shopify (no USD rate for 2026-11: set it in Settings → Channels) do not count "
                           "toward spend, tiers or points. Once the rate is set, press Recompute tiers and points")


def currency_note_of(db):
    with db.engine.connect() as conn:
        return currency_note(conn)


def test_setting_the_rate_and_recomputing_counts_them_and_undo_takes_it_back(shop):
    history = History()
    apply_edit(shop, RecomputeTiers(TODAY))
    apply_edit(shop, SetExchangeRate("USD", "2026-11", "7.2"))
    before = rows(shop)
    assert (before["y"].spend_fen, before["y"].tier) == (57600, "普通")  # spend follows the rate; the tier waits
    assert currency_note_of(shop)[0] == "info"
    history.apply(shop, RecomputeTiers(TODAY))
    got = rows(shop)
    assert (got["x"].spend_fen, got["x"].points) == (105953, 818 + 239)
    assert (got["y"].spend_fen, got["y"].tier, got["y"].points) == (57600, "银卡", 576)
    assert currency_note_of(shop) == ("info", "Spend is in yuan: Shopify (USD) orders count at their payment month's rate.")
    history.undo(shop)  # exact: tiers and points as before the recompute
    shown = {k: (r.spend_fen, r.tier, r.points) for k, r in before.items()}
    assert {k: (r.spend_fen, r.tier, r.points) for k, r in rows(shop).items()} == shown
    history.redo(shop)
    assert (rows(shop)["y"].spend_fen, rows(shop)["y"].tier) == (57600, "银卡")


def test_a_yuan_only_shop_has_no_note_and_its_customers_are_summed_as_before(db):
    with db.transaction() as s:
        add_order(s, "taobao", "T1", "u1", "completed", T(2026, 10, 15, 10), 50000, refund_fen=1234)
    from core.customers import rebuild_all

    with db.engine.begin() as conn:
        rebuild_all(conn)
        assert currency_note(conn) is None
        assert conn.execute(select(Customer.spend_fen, Customer.refund_fen)).one() == (50000 - 1234, 1234)


def test_a_rate_typed_in_settings_moves_the_stored_spend_in_the_same_undoable_change(shop):
    """Before, the spend stayed at the old rates until Recompute (the banner said so): the Members
    list, its sort and the recall lists showed the old yuan after the owner had corrected a rate."""
    history = History()
    apply_edit(shop, RecomputeTiers(TODAY))
    before = {k: (r.spend_fen, r.refund_fen, r.tier, r.points) for k, r in rows(shop).items()}
    assert before["x"][:2] == (81955, 3562)
    history.apply(shop, SetExchangeRate("USD", "2026-10", "7.5"))  # October's rate corrected
    # S1 100.05 × 7.5 = 750.375 → ¥750.38; S2 20.00 × 7.5 = ¥150.00, refund 5.00 → ¥37.50
    got = rows(shop)
    assert (got["x"].spend_fen, got["x"].refund_fen) == (75038 + 15000 - 3750, 3750)
    assert (got["x"].tier, got["x"].points) == before["x"][2:]  # tiers and points move on Recompute
    assert got["u1"].spend_fen == before["u1"][0]  # the yuan channel is untouched
    assert currency_note_of(shop)[0] == "warning" and "computed at other rates" not in currency_note_of(shop)[1]
    history.undo(shop)  # one Ctrl+Z: the rate and the spend
    assert {k: (r.spend_fen, r.refund_fen, r.tier, r.points) for k, r in rows(shop).items()} == before
    history.redo(shop)
    assert rows(shop)["x"].spend_fen == 75038 + 15000 - 3750
    history.apply(shop, SetExchangeRate("USD", "2026-10", ""))  # the rate removed: October no longer counts
    assert rows(shop)["x"].spend_fen == 0
