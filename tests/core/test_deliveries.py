"""Deliveries (issue #13): each "Mark as ordered" is a delivery with its own date, received in full or in
part, closed short-delivered, each undoable; in transit typed by hand; the migration of the old one-date
stock in transit; the Open deliveries export read back. SQLite and PostgreSQL (tests/conftest.py)."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from openpyxl import load_workbook
from sqlalchemy import insert, select

from core.deliveries import delivery_rows, open_deliveries
from core.edits import FieldError, History, apply_edit
from core.edits.deliveries import CloseDelivery, MarkOrdered, ReceiveDelivery, ReceiveStock, SetDeliveryDate
from core.edits.stock import SetSkuFields
from core.models import Delivery, Sku, StockLevel
from core.views import ViewParams, export_view
from tests.core.test_inventory_alerts import TODAY, sku

D = dt.timedelta


@pytest.fixture
def shop(db):
    with db.transaction() as s:
        sku(s, "TEA", 10, lead_time_days=7, supplier="甲厂", cost_fen=800)
        sku(s, "CUP", 5, lead_time_days=3, supplier="乙厂", cost_fen=300)
    return db


def stock(db, code):
    with db.session() as s:
        level = s.get(StockLevel, code)
        return level.on_hand, level.in_transit, level.arrival_date


def stored(db, code):
    with db.session() as s:
        return [(d.qty, d.received, d.ordered_on, d.expected_on, d.status, d.closed_on)
                for d in s.scalars(select(Delivery).where(Delivery.sku_code == code).order_by(Delivery.id))]


def shown(db, code, today=TODAY):
    with db.session() as s:
        return [(d.id is None, d.open_qty, d.expected_on) for d in open_deliveries(s, [code]).get(code, [])]


def first_id(db, code):
    with db.session() as s:
        return s.scalar(select(Delivery.id).where(Delivery.sku_code == code, Delivery.status == "open")
                        .order_by(Delivery.expected_on))


def test_ordering_twice_gives_two_deliveries_each_with_its_date_and_undo_takes_one_back(shop):
    history = History()
    history.apply(shop, MarkOrdered((("TEA", 100),), TODAY))
    history.apply(shop, MarkOrdered((("TEA", 50),), TODAY + D(days=4)))
    # Two dates, not all of it moved to the later one: in transit is the sum, arrival the earliest.
    assert stored(shop, "TEA") == [(100, 0, TODAY, TODAY + D(days=7), "open", None),
                                   (50, 0, TODAY + D(days=4), TODAY + D(days=11), "open", None)]
    assert stock(shop, "TEA") == (10, 150, TODAY + D(days=7))
    history.undo(shop)
    assert stored(shop, "TEA") == [(100, 0, TODAY, TODAY + D(days=7), "open", None)]
    assert stock(shop, "TEA") == (10, 100, TODAY + D(days=7))
    history.redo(shop)
    assert stock(shop, "TEA") == (10, 150, TODAY + D(days=7))


def test_a_partial_receipt_leaves_the_rest_open_then_the_rest_arrives(shop):
    apply_edit(shop, MarkOrdered((("TEA", 100),), TODAY))
    apply_edit(shop, MarkOrdered((("TEA", 50),), TODAY + D(days=1)))
    history = History()
    history.apply(shop, ReceiveDelivery("TEA", first_id(shop, "TEA"), "60", TODAY + D(days=7)))
    assert stock(shop, "TEA") == (70, 90, TODAY + D(days=7))  # 40 of the first still to come, still due then
    assert stored(shop, "TEA")[0] == (100, 60, TODAY, TODAY + D(days=7), "open", None)
    history.apply(shop, ReceiveDelivery("TEA", first_id(shop, "TEA"), 40, TODAY + D(days=9)))
    assert stored(shop, "TEA")[0][4:] == ("received", TODAY + D(days=9))
    assert stock(shop, "TEA") == (110, 50, TODAY + D(days=8))  # the second one's date now
    history.undo(shop)
    history.undo(shop)
    assert stock(shop, "TEA") == (10, 150, TODAY + D(days=7))
    assert stored(shop, "TEA")[0] == (100, 0, TODAY, TODAY + D(days=7), "open", None)


def test_closing_short_delivered_drops_the_rest_from_in_transit_and_undo_reopens_it(shop):
    apply_edit(shop, MarkOrdered((("TEA", 100),), TODAY))
    apply_edit(shop, ReceiveDelivery("TEA", first_id(shop, "TEA"), 80, TODAY + D(days=7), close_short=True))
    assert stored(shop, "TEA") == [(100, 80, TODAY, TODAY + D(days=7), "short", TODAY + D(days=7))]
    assert stock(shop, "TEA") == (90, 0, None)
    apply_edit(shop, MarkOrdered((("CUP", 30),), TODAY))
    history = History()
    history.apply(shop, CloseDelivery("CUP", first_id(shop, "CUP"), TODAY + D(days=5)))
    assert stored(shop, "CUP")[0][4] == "cancelled" and stock(shop, "CUP") == (5, 0, None)
    history.undo(shop)
    assert stored(shop, "CUP")[0][4:] == ("open", None) and stock(shop, "CUP") == (5, 30, TODAY + D(days=3))


def test_wrong_received_quantities_are_refused_naming_what_to_type_and_nothing_is_written(shop):
    apply_edit(shop, MarkOrdered((("TEA", 100),), TODAY))
    did = first_id(shop, "TEA")
    for typed, words in (("120", "more than the 100 still open"), ("abc", "“abc” is not a whole number"),
                         ("0", "at least 1"), (-5, "at least 1"), ("", "is not a whole number")):
        with pytest.raises(FieldError) as err:
            apply_edit(shop, ReceiveDelivery("TEA", did, typed, TODAY))
        assert words in err.value.message and err.value.field == "received"
    assert stock(shop, "TEA") == (10, 100, TODAY + D(days=7))
    assert stored(shop, "TEA") == [(100, 0, TODAY, TODAY + D(days=7), "open", None)]


def test_received_on_a_sku_takes_every_open_delivery_in_full(shop):
    apply_edit(shop, MarkOrdered((("TEA", 100),), TODAY))
    apply_edit(shop, MarkOrdered((("TEA", 50),), TODAY))
    apply_edit(shop, ReceiveStock(("TEA",), TODAY + D(days=6)))
    assert stock(shop, "TEA") == (160, 0, None)
    assert [d[1:] for d in stored(shop, "TEA")] == [(100, TODAY, TODAY + D(days=7), "received", TODAY + D(days=6)),
                                                    (50, TODAY, TODAY + D(days=7), "received", TODAY + D(days=6))]


def test_the_expected_date_is_editable_and_checked(shop):
    apply_edit(shop, MarkOrdered((("TEA", 100),), TODAY))
    apply_edit(shop, MarkOrdered((("TEA", 20),), TODAY))
    did = first_id(shop, "TEA")
    apply_edit(shop, SetDeliveryDate("TEA", did, TODAY + D(days=20), TODAY))
    assert stock(shop, "TEA")[2] == TODAY + D(days=7)  # the other one is earliest now
    with pytest.raises(FieldError) as err:
        apply_edit(shop, SetDeliveryDate("TEA", did, TODAY - D(days=1), TODAY))
    assert "ordered on 2026-11-20 cannot be expected on 2026-11-19" in err.value.message


def test_in_transit_typed_by_hand_becomes_a_delivery_and_lowering_it_takes_from_the_latest(shop):
    apply_edit(shop, MarkOrdered((("TEA", 100),), TODAY))
    apply_edit(shop, MarkOrdered((("TEA", 50),), TODAY + D(days=2)))
    history = History()
    history.apply(shop, SetSkuFields.of("TEA", in_transit=120))  # 30 fewer: the later delivery gives way
    assert stock(shop, "TEA") == (10, 120, TODAY + D(days=7))
    assert [d[:2] + d[4:5] for d in stored(shop, "TEA")] == [(100, 0, "open"), (20, 0, "open")]
    history.apply(shop, SetSkuFields.of("TEA", in_transit=90))  # the later one gone, the first one cut
    assert [d[:2] + d[4:5] for d in stored(shop, "TEA")] == [(90, 0, "open"), (20, 0, "cancelled")]
    history.undo(shop)
    history.undo(shop)  # one Ctrl+Z each, exactly back
    assert [d[:2] + d[4:5] for d in stored(shop, "TEA")] == [(100, 0, "open"), (50, 0, "open")]
    assert stock(shop, "TEA") == (10, 150, TODAY + D(days=7))
    history.apply(shop, SetSkuFields.of("CUP", in_transit=12))  # no delivery yet: one "not on an order"
    assert stored(shop, "CUP") == [(12, 0, None, None, "open", None)]
    history.undo(shop)
    assert stored(shop, "CUP") == [] and stock(shop, "CUP")[1] == 0


def test_stock_in_transit_written_by_an_import_shows_as_a_delivery_not_on_an_order(shop):
    with shop.transaction() as s:  # as an import writes it: the figure alone
        s.execute(StockLevel.__table__.update().where(StockLevel.sku_code == "CUP")
                  .values(in_transit=40, arrival_date=TODAY + D(days=2)))
    assert shown(shop, "CUP") == [(True, 40, TODAY + D(days=2))]
    apply_edit(shop, ReceiveDelivery("CUP", None, 15, TODAY))  # received on it: stored, 25 still to come
    assert stored(shop, "CUP") == [(40, 15, None, TODAY + D(days=2), "open", None)]
    assert stock(shop, "CUP") == (20, 25, TODAY + D(days=2))


def test_a_late_delivery_is_listed_first_and_the_view_filters_by_supplier(shop):
    apply_edit(shop, MarkOrdered((("TEA", 100),), TODAY))  # due 11-27
    apply_edit(shop, MarkOrdered((("CUP", 30),), TODAY + D(days=6)))  # due 11-29
    later = TODAY + D(days=8)  # 11-28: TEA's is a day late
    with shop.session() as s:
        rows = delivery_rows(s, later)
        assert [(r.sku_code, r.status, r.days_late) for r in rows] == [("TEA", "late", 1), ("CUP", "open", 0)]
        assert [r.sku_code for r in delivery_rows(s, later, supplier="乙厂")] == ["CUP"]


@pytest.mark.parametrize("suffix", [".json", ".csv", ".xlsx"])
def test_the_deliveries_export_reads_back(shop, tmp_path, suffix):
    apply_edit(shop, MarkOrdered((("TEA", 100),), TODAY))
    apply_edit(shop, ReceiveDelivery("TEA", first_id(shop, "TEA"), 30, TODAY))
    path = tmp_path / f"d{suffix}"
    export_view(shop, "deliveries", path, ViewParams(TODAY + D(days=9)))
    if suffix == ".json":
        assert json.loads(path.read_text(encoding="utf-8")) == [{
            "status": "late", "days_late": 2, "sku": "TEA", "title": "TEA", "spec": "", "supplier": "甲厂",
            "ordered": 100, "received": 30, "open": 70, "ordered_on": "2026-11-20", "expected_on": "2026-11-27",
            "cost": 560.0}]
    elif suffix == ".csv":
        text = path.read_text(encoding="utf-8-sig")
        assert "Late" in text and "TEA" in text and "2026-11-27" in text
    else:
        ws = load_workbook(path).active
        values = [[c.value for c in row] for row in ws.iter_rows()]
        assert values[1][:4] == ["Status", "Days late", "SKU code", "Product"]
        assert values[2][:3] == ["Late", 2, "TEA"]


def test_the_migration_makes_each_skus_stock_in_transit_one_open_delivery(db):
    from alembic import command
    from alembic.config import Config

    from core.db import MIGRATIONS_DIR

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = db._migration_engine()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0012")
    with db.engine.begin() as conn:  # a shop before deliveries: one figure and one date per SKU
        conn.execute(insert(Sku.__table__), [{"code": "OLD", "title": "老茶", "supplier": "甲厂"},
                                             {"code": "NONE", "title": "无", "supplier": ""},
                                             {"code": "NODATE", "title": "无日期", "supplier": ""}])
        conn.execute(insert(StockLevel.__table__), [
            {"sku_code": "OLD", "on_hand": 3, "in_transit": 200, "arrival_date": dt.date(2026, 12, 1)},
            {"sku_code": "NONE", "on_hand": 3, "in_transit": 0, "arrival_date": None},
            {"sku_code": "NODATE", "on_hand": 0, "in_transit": 7, "arrival_date": None}])
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    if engine is not db.engine:
        engine.dispose()
    assert stored(db, "OLD") == [(200, 0, None, dt.date(2026, 12, 1), "open", None)]
    assert stored(db, "NODATE") == [(7, 0, None, None, "open", None)] and stored(db, "NONE") == []
    with db.session() as s:
        assert [r.supplier for r in delivery_rows(s, TODAY) if r.sku_code == "OLD"] == ["甲厂"]
    apply_edit(db, MarkOrdered((("OLD", 50),), TODAY))  # and a new order is a second delivery after it
    assert stock(db, "OLD") == (3, 250, dt.date(2026, 11, 27))



def test_the_projected_stock_steps_up_at_each_deliverys_date_and_a_late_one_is_said(db):
    from core.inventory import InventoryParams, inventory_rows
    from core.inventory_detail import sku_detail
    from tests.core.test_inventory_alerts import days_ago, sell

    with db.transaction() as s:
        sku(s, "TEA", 40, lead_time_days=7, supplier="甲厂")
        for i in range(28):
            sell(s, "TEA", days_ago(i), 2, 2000)  # 2 a day
    apply_edit(db, MarkOrdered((("TEA", 100),), TODAY - D(days=10)))  # due 11-17: 3 days late
    apply_edit(db, MarkOrdered((("TEA", 50),), TODAY))  # due 11-27
    with db.session() as s:
        row = next(r for r in inventory_rows(s, TODAY, InventoryParams()) if r.sku_code == "TEA")
        d = sku_detail(s, row, TODAY, InventoryParams())
    level = dict(d.stock)
    assert d.deliveries == ((TODAY, 100), (TODAY + D(days=7), 50))  # the late one can come any day: today
    assert level[TODAY] == 140 and level[TODAY + D(days=6)] == 128
    assert level[TODAY + D(days=7)] == 128 - 2 + 50  # steps up by the second delivery on its own date
    assert "Delivery of 100 due 2026-11-17 is late (3 days)." in d.reason


def test_the_detail_says_when_the_stock_runs_out_before_a_delivery_arrives(db):
    from core.inventory import InventoryParams, inventory_rows
    from core.inventory_detail import sku_detail
    from tests.core.test_inventory_alerts import days_ago, sell

    with db.transaction() as s:
        sku(s, "CUP", 5, lead_time_days=7, supplier="乙厂")
        for i in range(28):
            sell(s, "CUP", days_ago(i), 2, 2000)  # 2 a day: 5 last until the third day
    apply_edit(db, MarkOrdered((("CUP", 60),), TODAY))  # due in 7 days
    with db.session() as s:
        row = next(r for r in inventory_rows(s, TODAY, InventoryParams()) if r.sku_code == "CUP")
        d = sku_detail(s, row, TODAY, InventoryParams())
    assert dict(d.stock)[TODAY + D(days=3)] == 0 and dict(d.stock)[TODAY + D(days=7)] == 60
    assert d.reason.endswith("The stock runs out around 2026-11-23, before the delivery of 60 due 2026-11-27: ask the "
                             "supplier to send it sooner.")
