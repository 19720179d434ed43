"""The channel currency an import sets (issue #18): every path checks the file's currency the same
way, and undoing the import (then re-doing it from the trash) puts the channel's currency back."""
from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import select

from core import trash
from core.errors import BadInputError
from core.imports import import_file, undo_batch
from core.imports.platforms import taobao
from core.models import Channel
from tests.core.imports.conftest import orders
from tests.helpers import exports as X
from tests.helpers.real_exports import real_export


def _currency(db, platform: str) -> str | None:
    with db.engine.connect() as conn:
        return conn.execute(select(Channel.currency).where(Channel.platform == platform)).scalar()


def test_undoing_an_import_puts_the_channel_currency_back_and_redo_sets_it_again(db):
    result = import_file(db, real_export("shopify/zar_orders_export.csv"))
    assert (result.orders_added, _currency(db, "shopify")) == (50, "ZAR")
    entry = trash.undo_import(db, result.batch_id)
    assert orders(db, "shopify") == {}
    assert _currency(db, "shopify") == "CNY"  # as before the import (no channel row meant CNY)
    trash.restore(db, entry.id)  # redo from the trash
    assert (len(orders(db, "shopify")), _currency(db, "shopify")) == (50, "ZAR")


def test_undo_restores_a_currency_the_channel_row_already_had(db):
    with db.engine.begin() as conn:
        conn.execute(Channel.__table__.insert().values(platform="shopify", shop_name="Cape Town store", currency="GBP"))
    result = import_file(db, real_export("shopify/zar_orders_export.csv"))  # no orders yet: the file's currency wins
    assert _currency(db, "shopify") == "ZAR"
    undo_batch(db, result.batch_id)
    with db.engine.connect() as conn:
        row = conn.execute(select(Channel.shop_name, Channel.currency).where(Channel.platform == "shopify")).one()
    assert tuple(row) == ("Cape Town store", "GBP")


@pytest.fixture
def taobao_with_currency(monkeypatch):
    """The 订单报表 layout (one row per order; the streamed way it had is gone: one path for every file) with a mapped currency column 币种."""
    layout = taobao.LAYOUTS[0]
    assert layout.grain == "order"
    mapped = dataclasses.replace(layout, fields={**layout.fields, "currency": ("币种",)})
    monkeypatch.setattr(taobao, "LAYOUTS", [mapped, *taobao.LAYOUTS[1:]])


def _usd_file(folder, nos, currency="USD"):
    rows = [{**X.taobao_order_row(str(n), paid="10.00"), "币种": currency} for n in nos]
    return X.write_csv(folder / f"usd{nos[0]}.csv", X.TAOBAO_ORDER_HEADERS + ["币种"], rows, encoding="gbk")


def test_a_streamed_file_in_another_currency_than_the_channel_s_orders_is_refused(db, files, taobao_with_currency):
    first = import_file(db, X.taobao_orders_csv(files / "cny.csv", [X.taobao_order_row("1"), X.taobao_order_row("2")]))
    assert first.orders_added == 2
    with pytest.raises(BadInputError) as err:
        import_file(db, _usd_file(files, range(10, 20)))
    assert "its amounts are in USD, but this shop's Taobao/Tmall orders are in CNY" in str(err.value)
    assert sorted(orders(db, "taobao")) == ["1", "2"]  # every part written before the check rolled back
    assert _currency(db, "taobao") in (None, "CNY")


def test_a_file_whose_currency_column_is_not_iso_4217_is_refused_and_nothing_is_written(db, files, taobao_with_currency):
    with pytest.raises(BadInputError) as err:
        import_file(db, _usd_file(files, range(10, 20), currency="dollars"))
    assert "its currency column says “DOLLARS”, which is not a currency of ISO 4217" in str(err.value)
    assert orders(db, "taobao") == {} and _currency(db, "taobao") in (None, "CNY")


def test_a_streamed_file_sets_an_empty_channel_s_currency_like_the_whole_file_way(db, files, taobao_with_currency):
    result = import_file(db, _usd_file(files, range(10, 20)))
    assert result.orders_added == 10
    assert _currency(db, "taobao") == "USD"
    notes = [w.message for w in result.warnings if w.column == "币种"]
    assert any("the Taobao/Tmall channel's currency is now USD" in n for n in notes)
    assert any("no USD rate for 2026-05" in n for n in notes)
    # a second file of the same channel in USD adds to it (the channel's own orders are USD now)
    assert import_file(db, _usd_file(files, range(20, 25))).orders_added == 5
    with pytest.raises(BadInputError):
        import_file(db, _usd_file(files, range(30, 33), currency="EUR"))
    assert len(orders(db, "taobao")) == 15
    undo_batch(db, result.batch_id + 1)
    undo_batch(db, result.batch_id)
    assert (orders(db, "taobao"), _currency(db, "taobao")) == ({}, "CNY")


def test_the_real_rand_store_s_customers_spend_in_yuan_once_its_month_has_a_rate(db):
    import datetime as dt

    from core.edits import apply_edit
    from core.edits.channels import SetExchangeRate
    from core.edits.members import RecomputeTiers
    from core.members import currency_note
    from core.models import Customer

    def spend() -> dict[str, tuple[int, int]]:
        with db.engine.connect() as conn:
            return {k: (n, s) for k, n, s in conn.execute(
                select(Customer.buyer_key, Customer.orders_count, Customer.spend_fen).where(Customer.platform == "shopify"))}

    import_file(db, real_export("shopify/zar_orders_export.csv"))
    first = spend()
    one = next(k for k in first if "buyer0001" in k)
    two = next(k for k in first if "buyer0002" in k)
    assert first[one] == (1, 0) and sum(s for _n, s in first.values()) == 0  # rand is never summed as yuan
    with db.engine.connect() as conn:
        level, text = currency_note(conn)
    assert level == "warning" and "no ZAR rate for 2021-05" in text
    apply_edit(db, SetExchangeRate("ZAR", "2021-05", "0.4567"))
    apply_edit(db, RecomputeTiers(dt.date(2021, 5, 31)))
    after = spend()
    assert after[one] == (1, 35805)  # #13519 784.00 ZAR × 0.4567 = 358.0528 → ¥358.05
    assert after[two] == (1, 15710)  # #13520 344.00 ZAR × 0.4567 = 157.1048 → ¥157.10
