"""The Members tab with a Shopify store in dollars (issue #18): the banner names the months without a
rate, spend is in yuan, typing the rate counts them in the spend at once and Recompute in tiers (figures by hand in
tests/core/test_member_currency.py)."""
from __future__ import annotations

import pytest

from core.edits.channels import SetExchangeRate
from core.settings import Settings
from tests.core.member_currency_shop import TODAY, build_member_currency_shop
from ui.context import AppContext
from ui.main_window import MainWindow
from tests.ui.helpers import open_tab


@pytest.fixture
def window(qtbot, db):
    build_member_currency_shop(db)
    win = MainWindow(AppContext(db, Settings(), today=TODAY))
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    return win


def spend_of(page) -> dict[str, int]:
    model = page.table.model
    return {model.row(r).buyer_key: model.row(r).spend_fen for r in range(model.rowCount())}


def tier_of(page) -> dict[str, str]:
    model = page.table.model
    return {model.row(r).buyer_key: model.row(r).tier for r in range(model.rowCount())}


def settled(qtbot, window, page, loads_before: int) -> None:
    qtbot.waitUntil(lambda: window.ctx.edits.pending == 0, timeout=20_000)
    qtbot.waitUntil(lambda: page.loads > loads_before and not page.loading and not page._stale, timeout=30_000)


def test_the_banner_names_the_months_without_a_rate_and_recompute_counts_them_once_it_is_set(qtbot, window):
    page = open_tab(qtbot, window, "members")
    note = page.findChild(type(page.currency_note), "members.currency")
    assert note.isVisibleTo(page)
    assert note.text().startswith("2 orders of Shopify (no USD rate for 2026-11: set it in Settings → Channels) do "
                                  "not count toward spend, tiers or points.")
    assert spend_of(page) == {"x": 81955, "u1": 50000, "y": 0}  # x's October dollars in yuan
    loads = page.loads
    window.ctx.edits.run(SetExchangeRate("USD", "2026-11", "7.2"), parent=page)
    settled(qtbot, window, page, loads)
    # The spend follows the rate at once (before: the old yuan and "press Recompute" until the owner did)
    assert spend_of(page) == {"x": 105953, "u1": 50000, "y": 57600}
    assert note.text() == "Spend is in yuan: Shopify (USD) orders count at their payment month's rate."
    assert tier_of(page)["y"] != "银卡"  # tiers move on Recompute, as after an import
    loads = page.loads
    page.recompute_button.click()
    settled(qtbot, window, page, loads)
    assert spend_of(page) == {"x": 105953, "u1": 50000, "y": 57600} and tier_of(page)["y"] == "银卡"
    assert note.text() == "Spend is in yuan: Shopify (USD) orders count at their payment month's rate."
