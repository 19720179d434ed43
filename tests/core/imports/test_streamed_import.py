"""A big one-row-per-order workbook is normalised by the reader's worker process in parts while the app
writes them in its one transaction (core.imports.streamed). The shop ends up exactly as the whole-file
way leaves it — rows, report, customers, undo — and a cancelled import or a worker that dies half-way
writes nothing. The thresholds are lowered here so that a few hundred rows go in several parts."""
from __future__ import annotations

import multiprocessing
import time

import pytest

from core import customers
from core.db import open_database
from core.errors import BadInputError, Cancelled
from core.imports import import_file, pipeline, streamed, undo_batch
from core.imports.order_writer import OrderWriter
from core.models import Customer, Order, OrderLine
from tests.core.imports.conftest import count, dump, rows
from tests.helpers import exports as X

STATUSES = ["交易成功", "卖家已发货，等待买家确认", "买家已付款，等待卖家发货", "交易关闭", "等待买家付款", "神秘状态"]
HEADERS = X.TAOBAO_ORDER_HEADERS + ["退款金额"]


@pytest.fixture
def small_parts(monkeypatch):
    monkeypatch.setattr(streamed, "BIG", 50)
    monkeypatch.setattr(streamed, "PART_ORDERS", 40)
    # Many buyers: their customers are added in bulk (on SQLite from the figures gathered part by part).
    monkeypatch.setattr(customers, "ALL_KEYS_ABOVE", 5)
    parts: list[int] = []
    real_add, real_add_ready = OrderWriter.add, OrderWriter.add_ready

    def add(self, orders, lines, real_lines):
        parts.append(len(orders))
        return real_add(self, orders, lines, real_lines)

    def add_ready(self, orders, lines):
        parts.append(len(orders))
        return real_add_ready(self, orders, lines)

    monkeypatch.setattr(OrderWriter, "add", add)
    monkeypatch.setattr(OrderWriter, "add_ready", add_ready)
    return parts


def _rows(nos, *, bump: int = 0) -> list[dict]:
    out = []
    for n in nos:
        status = STATUSES[(n + bump) % len(STATUSES)]
        out.append(X.taobao_order_row(
            str(n), buyer=f"买家{n % 13}" if n % 11 else "t**1", paid=f"{(n % 97) + 10 + bump}.00", status=status,
            paid_at=None if status == "等待买家付款" else f"2026/5/{n % 28 + 1} 10:{n % 60:02d}",
            created=f"2026/5/{n % 28 + 1} 09:{n % 60:02d}", title="洗面奶" if n % 3 else "帆布包", qty=n % 3 + 1,
            refund="5.00" if n % 17 == 0 else None))
    return out


def _files(files):
    first = _rows(range(1000, 1300))
    first.insert(20, dict(first[3]))  # the same order twice: the second row is ignored, with a warning
    first[40]["总金额"] = "12,34.5"  # an amount no export writes: that row's error
    first[60]["订单编号"] = ""  # no order number: that row's error
    first.insert(90, {})  # a blank row
    second = _rows(range(1000, 1200)) + _rows(range(1200, 1350), bump=1)  # 100 changed, 50 new
    refunds = [{"退款编号": "R1", "订单编号": "1299", "买家退款金额": "100", "退款状态": "退款成功"},
               {"退款编号": "R2", "订单编号": "1340", "买家退款金额": "3", "退款状态": "退款成功"}]
    return (X.taobao_refunds_xlsx(files / "r.xlsx", refunds),
            X.write_xlsx(files / "a.xlsx", [("订单报表", HEADERS, first)]),
            X.write_xlsx(files / "b.xlsx", [("订单报表", HEADERS, second)]))


def _shop(db) -> dict:
    """The shop's orders, lines and customers by their own keys (ids differ between databases)."""
    by_id = {o["id"]: o["order_no"] for o in rows(db, Order)}
    return {
        "orders": sorted(tuple(sorted((k, repr(v)) for k, v in o.items() if k not in ("id", "batch_id")))
                         for o in rows(db, Order)),
        "lines": sorted((by_id[ln["order_id"]], *sorted((k, repr(v)) for k, v in ln.items() if k not in ("id", "order_id")))
                        for ln in rows(db, OrderLine)),
        "customers": sorted(tuple(sorted((k, repr(v)) for k, v in c.items() if k != "id")) for c in rows(db, Customer)),
    }


def _customer_ids(db) -> list[tuple]:
    return sorted((c["id"], c["platform"], c["buyer_key"]) for c in rows(db, Customer))


def _report(result) -> tuple:
    return (result.rows_read, result.rows_skipped, result.orders_added, result.orders_updated, result.orders_unchanged,
            result.lines_added, result.lines_matched_by_title, result.lines_without_sku,
            [p.to_json() for p in result.errors], [p.to_json() for p in result.warnings])


def test_a_big_workbook_written_in_parts_leaves_the_shop_as_the_whole_file_way_does(db, files, tmp_path, small_parts,
                                                                                    monkeypatch):
    refunds, first, second = _files(files)
    empty = dump(db)
    results = [import_file(db, path) for path in (refunds, first)]
    assert len(small_parts) > 2, "the orders did not come in parts"
    parts_of_the_first = len(small_parts)
    after_the_first = _shop(db)
    # The shop now holds Taobao orders: the next file goes the whole-file way (streamed.can_stream).
    results.append(import_file(db, second))
    assert len(small_parts) == parts_of_the_first + 1, "a file into a shop with the platform's orders came in parts"
    got = _shop(db)
    reference = open_database(tmp_path / "whole.db")
    try:
        monkeypatch.setattr(pipeline, "can_stream", lambda *args: False)
        whole = [import_file(reference, path) for path in (refunds, first)]
        assert after_the_first == _shop(reference)  # the customers too: added from the figures gathered in parts
        assert _customer_ids(db) == _customer_ids(reference)
        whole.append(import_file(reference, second))
        assert got == _shop(reference)
    finally:
        reference.close()
    assert [_report(r) for r in results] == [_report(r) for r in whole]
    assert (results[1].orders_added, results[1].rows_read, results[1].rows_skipped) == (298, 301, 3)
    assert (results[2].orders_added, results[2].orders_updated, results[2].orders_unchanged) == (52, 100, 198)  # the two rows skipped in the first file come now
    assert any("神秘状态" in w.message for w in results[1].warnings)
    for r in reversed(results):
        undo_batch(db, r.batch_id)
    assert dump(db) == empty


def _worker_processes() -> list:
    return [p for p in multiprocessing.active_children() if p.name == "shopdesk-workbook-reader"]


def test_a_worker_that_dies_while_the_file_is_written_writes_nothing(db, files, small_parts, monkeypatch):
    """The worker dies (a crash, the system's memory killer) once it was asked for the orders: the
    app has its transaction open by then; it says the workbook could not be read and writes nothing."""
    from core.imports.workbook_worker import WorkbookReader

    _, first, _ = _files(files)
    empty = dump(db)
    real_normalized = WorkbookReader.normalized

    def normalized(self, index, job):
        stream = real_normalized(self, index, job)
        for proc in _worker_processes():
            proc.kill()
            proc.join(5)
        return stream

    monkeypatch.setattr(WorkbookReader, "normalized", normalized)
    with pytest.raises(BadInputError, match="damaged or too large"):
        import_file(db, first)
    assert dump(db) == empty and count(db, "import_batches") == 0
    monkeypatch.setattr(WorkbookReader, "normalized", real_normalized)
    assert import_file(db, first).orders_added == 298  # the next try reads it with a fresh worker


def test_cancel_while_the_parts_are_written_leaves_nothing(db, files, small_parts):
    _, first, _ = _files(files)
    empty = dump(db)
    asked: list[float] = []

    def cancelled() -> bool:
        if len(small_parts) >= 2 and not asked:
            asked.append(time.monotonic())  # Cancel pressed after two parts were written
        return bool(asked)

    with pytest.raises(Cancelled):
        import_file(db, first, cancelled=cancelled)
    assert time.monotonic() - asked[0] < 1.0
    assert dump(db) == empty and count(db, "import_batches") == 0


def test_the_worker_normalises_without_the_apps_heavy_modules():
    """The workbook reader's worker imports the normaliser (core.imports.order_parts) but never
    SQLAlchemy, the models or Qt: a spawned worker would wait seconds for them, and its memory is capped."""
    import subprocess
    import sys

    code = ("import sys, core.workbook_process, core.imports.order_parts; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'PySide6', 'shiboken6'}), "
            "'core.models' in sys.modules, 'core.imports.pipeline' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[] False False"


def test_the_workers_messages_are_in_the_apps_language(tmp_path, files, small_parts, monkeypatch):
    from core.i18n import language, set_language

    _, first, _ = _files(files)
    was = language()
    set_language("zh_CN")
    try:
        db = open_database(tmp_path / "streamed.db")
        try:
            streamed_result = import_file(db, first)
        finally:
            db.close()
        monkeypatch.setattr(pipeline, "can_stream", lambda *args: False)
        db = open_database(tmp_path / "whole.db")
        try:
            whole = import_file(db, first)
        finally:
            db.close()
    finally:
        set_language(was)
    assert small_parts, "the orders did not come in parts"
    assert _report(streamed_result) == _report(whole)
    assert any("神秘状态" in w.message and "未知" in w.message for w in streamed_result.warnings)
