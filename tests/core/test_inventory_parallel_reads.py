"""The alerts' past-order reads on a second connection (core.parallel_reads): the same answers as
reading them one after the other, never another transaction's data, errors raised in the caller,
and no thread left running."""
from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import create_engine, insert, text
from sqlalchemy.exc import DBAPIError

from core import data_revisions, parallel_reads, past_orders
from core.inventory import InventoryParams
from core.inventory_lists import alert_rows
from core.models import Order, OrderLine, Promotion, Sku, StockLevel
from core.parallel_reads import ParallelReads

TODAY = dt.date(2026, 11, 20)


def _threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name == "shopdesk-parallel-reads"]


def _shop(db) -> None:
    with db.transaction() as s:
        for code in ("TEA", "CUP"):
            s.execute(insert(Sku).values(code=code, title=code, category="茶", cost_fen=500, lead_time_days=5))
            s.execute(insert(StockLevel).values(sku_code=code, on_hand=30, in_transit=0))
        order_id = s.execute(insert(Order).values(platform="taobao", order_no="N1", status="completed",
                                                  created_at=dt.datetime(2025, 10, 1), paid_fen=0,
                                                  is_paid=True)).inserted_primary_key[0]
        lines = []
        for i in range(60):  # TEA every day of the last 60, CUP every third day from yesterday; last year's 双12 sold double
            day = TODAY - dt.timedelta(days=i)
            lines.append({"order_id": order_id, "line_no": f"T{i}", "sku_code": "TEA", "qty": 2, "unit_price_fen": 1000,
                          "paid_fen": 2000, "pay_date": day, "platform": "taobao" if i % 2 else "jd", "sales_fen": 2000.0})
            if i % 3 == 1:
                lines.append({"order_id": order_id, "line_no": f"C{i}", "sku_code": "CUP", "qty": 1,
                              "unit_price_fen": 3000, "paid_fen": None, "pay_date": day, "platform": "jd",
                              "sales_fen": 0.0})
        for i in range(40):
            day = dt.date(2025, 11, 3) + dt.timedelta(days=i)
            lines.append({"order_id": order_id, "line_no": f"L{i}", "sku_code": "TEA",
                          "qty": 4 if day >= dt.date(2025, 12, 1) else 2, "unit_price_fen": 1000, "paid_fen": 2000,
                          "pay_date": day, "platform": "taobao", "sales_fen": 2000.0})
        s.execute(insert(OrderLine), lines)
        s.add(Promotion(name="2026 双12", kind="festival", platforms=["taobao"], start=dt.date(2026, 12, 1),
                        end=dt.date(2026, 12, 12), phases=[], rules=[], scope={}, budget_fen=0,
                        expected_uplift=None, status="planned", note=""))


def test_the_alerts_read_in_parallel_are_the_alerts_read_in_turn(db, monkeypatch):
    _shop(db)
    past_orders.forget()
    with db.session() as s:
        parallel = alert_rows(s, TODAY, InventoryParams())
    assert not _threads()
    past_orders.forget()
    # In turn: no second connection, every read runs on the caller's.
    monkeypatch.setattr(parallel_reads, "second_connection_sees_it", lambda conn: False)
    with db.session() as s:
        in_turn = alert_rows(s, TODAY, InventoryParams())
    assert parallel == in_turn
    tea = next(r for r in parallel if r.sku_code == "TEA")
    assert (tea.avg_daily_sales, tea.last_sale, tea.abc) == (2.0, TODAY, "A")
    assert "2026 双12" in tea.uplift_source  # last year's festival sold double: measured, on taobao's share


def test_orders_not_yet_committed_in_the_callers_transaction_count(db):
    _shop(db)
    past_orders.forget()
    with db.session() as s:
        before = {r.sku_code: r for r in alert_rows(s, TODAY, InventoryParams())}
    assert before["CUP"].last_sale == TODAY - dt.timedelta(days=1)
    with db.transaction() as s:
        order_id = s.execute(insert(Order).values(platform="jd", order_no="N2", status="completed",
                                                  created_at=dt.datetime(2026, 11, 19), paid_fen=0,
                                                  is_paid=True)).inserted_primary_key[0]
        s.execute(insert(OrderLine).values(order_id=order_id, line_no="1", sku_code="CUP", qty=30, unit_price_fen=3000,
                                           paid_fen=90000, pay_date=TODAY, platform="jd",
                                           sales_fen=90000.0))
        # The second connection cannot see this line yet: what it read is not used.
        during = {r.sku_code: r for r in alert_rows(s, TODAY, InventoryParams())}
        assert (during["CUP"].avg_daily_sales, during["CUP"].last_sale) == (pytest.approx((9 + 30) / 28), TODAY)
        assert not _threads()
        s.rollback()
    with db.session() as s:
        after = {r.sku_code: r for r in alert_rows(s, TODAY, InventoryParams())}
    assert after == before


def test_a_failing_read_raises_in_the_caller_and_leaves_no_thread(db):
    _shop(db)
    with db.session() as s:
        conn = s.connection()
        reads = {"bad": lambda c: c.execute(text("SELECT no_such_column FROM skus")).all(),
                 "good": lambda c: c.execute(text("SELECT COUNT(*) FROM skus")).scalar()}
        with pytest.raises(DBAPIError, match="no_such_column"):
            with ParallelReads(conn, reads, data_revisions.current, data_revisions.current(conn)) as r:
                r.result("good")
        assert not _threads()


def test_the_worker_reads_on_its_own_connection_and_the_caller_when_it_cannot(db, tmp_path):
    _shop(db)
    with db.session() as s:
        conn = s.connection()
        mine = conn.connection.dbapi_connection
        reads = {"who": lambda c: c.connection.dbapi_connection is mine,
                 "skus": lambda c: c.execute(text("SELECT COUNT(*) FROM skus")).scalar()}
        with ParallelReads(conn, reads, data_revisions.current, data_revisions.current(conn)) as r:
            assert (r.result("who"), r.result("skus")) == (False, 2)
        with ParallelReads(conn, reads, data_revisions.current, -1) as r:  # another revision: read here
            assert (r.result("who"), r.result("skus")) == (True, 2)
        with ParallelReads(conn, reads, data_revisions.current, None) as r:  # no revision: read here
            assert r.result("who") is True
    memory = create_engine("sqlite://")
    with memory.connect() as conn:  # a second connection would open another, empty database
        mine = conn.connection.dbapi_connection
        with ParallelReads(conn, {"who": lambda c: c.connection.dbapi_connection is mine}, lambda c: 1, 1) as r:
            assert r.result("who") is True
    assert not _threads()


@pytest.mark.parametrize("packed", [True, False], ids=["packed", "as_the_driver_gives_them"])
def test_rows_at_once_keep_nulls_and_odd_codes(db, packed):
    # Packed as one text on the worker thread; on the caller's thread the rows as they come, the same values.
    from sqlalchemy import func, select

    from core.parallel_reads import rows_at_once

    with db.transaction() as s:
        for code in ("A 1", "B\x1fodd", "C"):  # the second holds the field separator: read row by row
            s.execute(insert(Sku).values(code=code, title=code, category="" if code == "C" else "茶", cost_fen=5))
    with db.session() as s:
        q = select(Sku.code, Sku.cost_fen, func.nullif(Sku.category, "")).where(Sku.code != "B\x1fodd")
        assert sorted(rows_at_once(s.connection(), q, (str, int, str), packed)) == [("A 1", 5, "茶"), ("C", 5, None)]
        q = select(Sku.code, Sku.cost_fen)
        assert sorted(rows_at_once(s.connection(), q, (str, int), packed)) == [("A 1", 5), ("B\x1fodd", 5), ("C", 5)]
        assert rows_at_once(s.connection(), q.where(Sku.code == "none"), (str, int), packed) == []
    with db.transaction() as s:
        s.execute(insert(StockLevel).values(sku_code="A 1", on_hand=1, in_transit=0, arrival_date=dt.date(2026, 12, 3)))
    with db.session() as s:  # a date: text on SQLite, a date on PostgreSQL, the date either way (core.inventory_sales)
        from core.inventory_sales import _day

        q = select(StockLevel.sku_code, func.max(StockLevel.arrival_date)).group_by(StockLevel.sku_code)
        assert rows_at_once(s.connection(), q, (str, _day), packed) == [("A 1", dt.date(2026, 12, 3))]


def test_without_a_second_connection_the_caller_reads_everything(db, monkeypatch):
    _shop(db)
    past_orders.forget()
    with db.session() as s:
        expected = alert_rows(s, TODAY, InventoryParams())
    past_orders.forget()
    with db.session() as s:
        s.connection()  # the caller's own connection is open before the limit is reached

        def refused():
            raise DBAPIError("connect", {}, Exception("too many clients already"))

        monkeypatch.setattr(s.connection().engine, "connect", refused)
        assert alert_rows(s, TODAY, InventoryParams()) == expected
    assert not _threads()
