"""A big workbook's re-import reads the shop's stored orders while the workbook is parsed
(core.imports.stored_prefetch), and compares with them only when they are still what the database
holds: an order changed meanwhile is compared as it is now, a file of another platform reads its
own. The thresholds are lowered so that a few hundred orders count as a big file."""
from __future__ import annotations

import pytest
from sqlalchemy import update

from core import data_revisions
from core.imports import import_file, order_writer, pipeline, stored_prefetch
from core.imports.stored_prefetch import StoredPrefetch, likely_platform, name_stem
from core.models import Order
from tests.core.imports.conftest import orders
from tests.helpers import exports as X

HEADERS = X.TAOBAO_ORDER_HEADERS + ["退款金额"]


@pytest.fixture
def read_ahead(monkeypatch) -> list:
    """How many stored orders each import's read-ahead handed to the writer (None: none, the writer
    read them itself)."""
    monkeypatch.setattr(stored_prefetch, "MIN_FILE_BYTES", 0)
    monkeypatch.setattr(order_writer, "MANY", 50)
    taken: list = []
    real_take = StoredPrefetch.take

    def take(self, conn, platform):
        got = real_take(self, conn, platform)
        taken.append(None if got is None else len(got.orders))
        return got

    monkeypatch.setattr(StoredPrefetch, "take", take)
    return taken


def _rows(nos, *, paid: int = 20) -> list[dict]:
    return [X.taobao_order_row(str(n), buyer=f"买家{n % 7}", paid=f"{paid + n % 50}.00", created=f"2026/5/{n % 28 + 1} 09:00",
                               paid_at=f"2026/5/{n % 28 + 1} 09:05", title="洗面奶" if n % 2 else "帆布包", qty=n % 3 + 1)
            for n in nos]


def _xlsx(path, nos, **kw):
    return X.write_xlsx(path, [("订单报表", HEADERS, _rows(nos, **kw))])


def test_a_reimport_compares_with_the_orders_read_while_the_file_was_parsed(db, files, read_ahead):
    first = _xlsx(files / "ExportOrderList202612011200.xlsx", range(1000, 1200))
    import_file(db, first)
    assert read_ahead == [None]  # a new shop: nothing was read ahead
    # The next day's export: 150 of the same orders (50 paid differently now) and 100 new ones.
    second = X.write_xlsx(files / "ExportOrderList202612021200.xlsx", [
        ("订单报表", HEADERS, _rows(range(1050, 1150)) + _rows(range(1150, 1200), paid=30) + _rows(range(1200, 1300)))])
    result = import_file(db, second)
    assert read_ahead == [None, 200]
    assert (result.orders_added, result.orders_updated, result.orders_unchanged) == (100, 50, 100)
    stored = orders(db)
    assert len(stored) == 300
    assert stored["1160"]["paid_fen"] == (30 + 1160 % 50) * 100
    assert stored["1100"]["paid_fen"] == (20 + 1100 % 50) * 100
    again = import_file(db, second)
    assert read_ahead[-1] == 300
    assert (again.orders_added, again.orders_updated, again.orders_unchanged) == (0, 0, 250)


def test_an_order_changed_while_the_file_was_parsed_is_compared_as_it_is_now(db, files, read_ahead, monkeypatch):
    path = _xlsx(files / "orders.xlsx", range(1000, 1200))
    import_file(db, path)
    made: list[StoredPrefetch] = []
    real_init, real_prepare = StoredPrefetch.__init__, pipeline._prepare

    def init(self, *args):
        real_init(self, *args)
        made.append(self)

    def prepare(*args, **kwargs):
        prep = real_prepare(*args, **kwargs)
        made[-1]._thread.join()  # the stored orders are read by now: then someone changes one
        with db.engine.begin() as conn:
            conn.execute(update(Order).where(Order.order_no == "1005").values(paid_fen=1))
            data_revisions.bump(conn)  # as every write to the orders does (core.data_revisions)
        return prep

    monkeypatch.setattr(StoredPrefetch, "__init__", init)
    monkeypatch.setattr(pipeline, "_prepare", prepare)
    result = import_file(db, path)
    assert read_ahead == [None, None]  # the first import: nothing stored; the second: read before the change
    assert (result.orders_updated, result.orders_unchanged) == (1, 199)
    assert orders(db)["1005"]["paid_fen"] == (20 + 1005 % 50) * 100  # the file's amount again


def test_the_platform_a_file_is_likely_of(db, files, read_ahead):
    taobao = _xlsx(files / "ExportOrderList202612011200.xlsx", range(1000, 1100))
    import_file(db, taobao)
    with db.engine.connect() as conn:
        assert likely_platform(conn, taobao) == "taobao"  # the same name but for its digits
        assert likely_platform(conn, files / "其他.xlsx") == "taobao"  # the shop's only platform
    import_file(db, X.pdd_csv(files / "pdd.csv", [
        {"商品": "纸巾", "订单号": "231215-123456789012345", "订单状态": "待发货", "商品数量(件)": "2",
         "支付时间": "2023-12-15 10:00:00", "订单成交时间": "2023-12-15 09:59:00", "用户实付金额(元)": "35.80"}]))
    with db.engine.connect() as conn:
        assert likely_platform(conn, files / "其他.xlsx") is None  # two platforms, no history
        assert likely_platform(conn, files / "ExportOrderList (3).xlsx") == "taobao"
        assert likely_platform(conn, files / "pdd (2).csv") == "pdd"
    assert name_stem("ExportOrderList202612061234.xlsx") == name_stem("ExportOrderList (2).XLSX") == "exportorderlist.xlsx"
    assert name_stem("订单报表-2026-12-01.xlsx") == "订单报表.xlsx" != name_stem("订单报表.csv")


def test_a_file_of_another_platform_reads_its_own(db, files, read_ahead):
    import_file(db, _xlsx(files / "orders.xlsx", range(1000, 1100)))
    prefetch = StoredPrefetch(db, files / "orders.xlsx")
    with db.engine.connect() as conn:
        assert prefetch.take(conn, "pdd") is None
    prefetch = StoredPrefetch(db, files / "orders.xlsx")
    with db.engine.connect() as conn:
        stored = prefetch.take(conn, "taobao")
        assert stored is not None and sorted(stored.orders) == [str(n) for n in range(1000, 1100)]
        assert prefetch.take(conn, "taobao") is None  # handed over once
