"""Big one-row-per-order exports (Taobao/Tmall 订单报表 and the like): normalised whole, then
written in one transaction. Nothing is written, and no write lock is held, while the file is
read: an edit the owner makes in the window meanwhile goes through at once. Still all or
nothing (Cancel while reading, a failing write), with exact figures and undo."""
from __future__ import annotations

import pytest
from sqlalchemy import insert

from core.db import open_database
from core.edits import apply_edit
from core.edits.stock import SetSkuFields
from core.errors import Cancelled
from core.imports import import_file, undo_batch
from core.models import Sku, StockLevel
from tests.core.imports.conftest import count, dump, lines, orders, rows
from tests.helpers import exports as X

STATUSES = ["交易成功", "卖家已发货，等待买家确认", "买家已付款，等待卖家发货", "交易关闭", "等待买家付款", "神秘状态"]
TITLES = ["洗面奶", "帆布包", "保温杯"]


def _rows(nos, *, paid_cents: int = 0) -> list[dict]:
    out = []
    for n in nos:
        status = STATUSES[n % len(STATUSES)]
        paid = f"{(n % 97) + 10 + paid_cents / 100:.2f}"
        out.append(X.taobao_order_row(
            str(n), buyer=f"买家{n % 13}" if n % 11 else "t**1", paid=paid, status=status,
            paid_at=None if status == "等待买家付款" else f"2026/5/{n % 28 + 1} 10:{n % 60:02d}",
            created=f"2026/5/{n % 28 + 1} 09:{n % 60:02d}", title=TITLES[n % 3], qty=n % 3 + 1,
            refund="5.00" if n % 17 == 0 else None))
    return out


def _with_skus(db) -> None:
    with db.engine.begin() as conn:
        conn.execute(insert(Sku.__table__).values(code="FACE", title="洗面奶", spec="", category="洗护", cost_fen=0,
                                                  price_fen=0, supplier="", lead_time_days=7, order_multiple=1,
                                                  min_order_qty=0, active=True))


def test_import_figures_report_and_undo(db, files):
    """On both engines: the totals of an import, its report, its customers, and an exact undo."""
    _with_skus(db)
    empty = dump(db)
    data = _rows(range(2000, 2100))
    data.insert(20, dict(data[3]))  # the same order twice: the second row is ignored, with a warning
    data[30]["总金额"] = "12,34.5"  # an amount no export writes: that row's error
    result = import_file(db, X.taobao_orders_csv(files / "c.csv", data, with_refund=True))
    assert (result.orders_added, result.rows_read, result.rows_skipped, len(result.errors)) == (99, 101, 2, 1)
    assert result.lines_matched_by_title == 33  # 洗面奶 lines take the one SKU with that title
    assert any("appears again" in w.message for w in result.warnings)
    assert any("神秘状态" in w.message for w in result.warnings)
    got = orders(db, "taobao")
    kept = [r for i, r in enumerate(data) if i not in (20, 30)]
    assert sum(o["paid_fen"] for o in got.values()) == sum(round(float(r["总金额"]) * 100) for r in kept)
    assert sum(o["refund_fen"] for o in got.values() if o["status"] != "refunded") == 500 * sum(
        1 for r in kept if r.get("退款金额") and r["订单状态"] != "交易关闭")
    assert count(db, "order_lines") == 99
    assert count(db, "customers") == 14  # 买家0 … 买家12, and the masked "t**1" with its address
    again = import_file(db, X.taobao_orders_csv(files / "c.csv", data, with_refund=True))
    assert (again.orders_added, again.orders_updated, again.orders_unchanged) == (0, 0, 99)
    undo_batch(db, again.batch_id)
    undo_batch(db, result.batch_id)
    assert dump(db) == empty


def test_an_edit_made_while_a_big_file_is_read_goes_through(tmp_path, files):
    """The window's edits do not wait for an import that is still reading its file (SQLite has one
    writer; an import holding it while parsing 100,000 rows made an edit fail after 5 s)."""
    db = open_database(tmp_path / "shop.db")
    try:
        _with_skus(db)
        path = X.taobao_orders_csv(files / "big.csv", _rows(range(10_000, 15_000)))
        edited: list[int] = []

        def progress(done: int, total: int) -> None:
            if not edited and 0 < done < total:  # half-way through reading the rows
                apply_edit(db, SetSkuFields.of("FACE", on_hand=12))
                edited.append(done)

        result = import_file(db, path, progress=progress)
        assert edited, "the import reported no progress while reading"
        assert result.orders_added == 5000
        assert [r["on_hand"] for r in rows(db, StockLevel, StockLevel.sku_code == "FACE")] == [12]
    finally:
        db.close()


def test_cancel_while_reading_leaves_nothing(db, files):
    path = X.taobao_orders_csv(files / "c.csv", _rows(range(3000, 8000)))
    empty = dump(db)
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)

    with pytest.raises(Cancelled):
        import_file(db, path, progress=progress, cancelled=lambda: len(seen) >= 2)
    assert dump(db) == empty and count(db, "import_batches") == 0


def test_a_failing_write_rolls_the_whole_file_back(db, files, monkeypatch):
    path = X.taobao_orders_csv(files / "c.csv", _rows(range(4000, 4100)))
    empty = dump(db)
    from core.imports.order_writer import OrderWriter

    real_finish = OrderWriter.finish

    def finish(self):
        raise OSError("the disk is full")  # what a write can meet half-way: the new orders are in already

    monkeypatch.setattr(OrderWriter, "finish", finish)
    with pytest.raises(OSError, match="disk is full"):
        import_file(db, path)
    assert dump(db) == empty and count(db, "import_batches") == 0
    monkeypatch.setattr(OrderWriter, "finish", real_finish)
    assert import_file(db, path).orders_added == 100  # and the next try imports it all


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_blank_and_repeated_header_rows_are_skipped_and_rows_keep_their_numbers(tmp_path, files, suffix):
    """The workbook reader's worker drops blank and repeated header rows and sends only the mapped
    cells (core.row_filter); the CSV path does the same in the app: the same orders, and an error
    still names the row Excel shows."""
    headers = X.TAOBAO_ORDER_HEADERS
    header_row = {h.strip(): h for h in headers}
    data = [X.taobao_order_row(str(n), paid="10.00") for n in (101, 102, 103)]
    data += [{}, header_row]  # a blank row, then the header again (pages pasted one under another)
    data += [X.taobao_order_row("104", paid="20.00"), X.taobao_order_row("105", paid="1,2,3")]
    if suffix == ".xlsx":
        path = X.write_xlsx(files / "pages.xlsx", [("订单报表", headers, data)])
    else:
        path = X.write_csv(files / "pages.csv", headers, data, encoding="gbk")
    db = open_database(tmp_path / "shop.db")
    try:
        result = import_file(db, path)
        got = orders(db, "taobao")
    finally:
        db.close()
    assert sorted(got) == ["101", "102", "103", "104"]
    assert sum(o["paid_fen"] for o in got.values()) == 5000
    assert result.orders_added == 4 and not result.warnings  # the blank and header rows are no problem
    assert {e.row for e in result.errors} == {8} and "总金额" in {e.column for e in result.errors}


def test_reimport_of_a_big_file_finds_each_kind_of_change(db, files):
    """Above 2,000 orders a re-import compares the stored rows as read (SQLite's text for times):
    an order that changed in one value only — a payment time, a quantity, a status, a buyer, a
    refund — is updated to exactly the file's value; the others stay unchanged."""
    data = _rows(range(10_000, 12_500))
    first = import_file(db, X.taobao_orders_csv(files / "a.csv", data, with_refund=True))
    assert first.orders_added == 2500
    after_first = dump(db)
    changed = [dict(r) for r in data]
    changed[10]["订单付款时间"] = "2026/5/11 10:59"  # only the payment time (a minute later)
    changed[11]["宝贝总数量"] = "7"  # only the quantity: the line and the order's units
    changed[12]["订单状态"] = "交易成功"  # only the status
    changed[13]["买家会员名"] = "新买家"  # only the buyer
    changed[14] = X.taobao_order_row(changed[14]["订单编号"], buyer=changed[14]["买家会员名"],
                                     paid=changed[14]["总金额"], status=changed[14]["订单状态"],
                                     created=changed[14]["订单创建时间"], paid_at=changed[14]["订单付款时间"] or None,
                                     title=changed[14]["宝贝标题"], qty=int(changed[14]["宝贝总数量"]), refund="3.00")
    again = import_file(db, X.taobao_orders_csv(files / "b.csv", changed, with_refund=True))
    assert (again.orders_added, again.orders_updated, again.orders_unchanged) == (0, 5, 2495)
    got = orders(db, "taobao")
    assert got["10010"]["paid_at"].strftime("%H:%M") == "10:59"
    assert got["10011"]["units"] == 7 and lines(db, "10011", "taobao")[0]["qty"] == 7
    assert got["10012"]["status"] == "completed"
    assert got["10013"]["buyer_name"] == "新买家"
    assert got["10014"]["refund_fen"] == 300
    same = import_file(db, X.taobao_orders_csv(files / "c.csv", changed, with_refund=True))
    assert (same.orders_added, same.orders_updated, same.orders_unchanged) == (0, 0, 2500)
    undo_batch(db, same.batch_id)
    undo_batch(db, again.batch_id)
    assert dump(db) == after_first


def test_an_import_of_many_buyers_adds_their_customers_with_the_figures_a_full_rebuild_gives(db, files):
    """Over 5,000 buyers: the new customers come from one INSERT … SELECT; their figures and
    favourite categories are what a full rebuild computes, customers known before are updated,
    and undo leaves the customers as they were."""
    from core.customers import plan_rebuild
    from core.models import Customer

    _with_skus(db)
    small = [X.taobao_order_row("900", buyer="买家1", paid="10.00", title="洗面奶")]
    import_file(db, X.taobao_orders_csv(files / "first.csv", small))
    before = dump(db)
    data = [X.taobao_order_row(str(20_000 + n), buyer=f"买家{n % 6000}", paid=f"{n % 50 + 1}.00",
                               status="交易成功", title=TITLES[n % 3], qty=n % 2 + 1,
                               created=f"2026/4/{n % 28 + 1} 08:{n % 60:02d}", paid_at=f"2026/4/{n % 28 + 1} 09:00")
            for n in range(6500)]
    result = import_file(db, X.taobao_orders_csv(files / "many.csv", data))
    assert result.orders_added == 6500
    with db.engine.connect() as conn:
        assert plan_rebuild(conn, "taobao").empty  # a full rebuild would change nothing
    got = {c["buyer_key"]: c for c in rows(db, Customer)}
    assert len(got) == 6000
    one = got["买家1"]  # the order of the first file and orders 1 and 6,001 of this one
    assert (one["orders_count"], one["spend_fen"], one["categories"]) == (3, 1000 + 200 + 200, "洗护")
    assert one["first_order_at"].strftime("%m-%d %H:%M") == "04-02 08:01"
    assert got["买家2"]["categories"] == ""  # 帆布包 and 保温杯: SKUs without a category
    undo_batch(db, result.batch_id)
    assert dump(db) == before


def test_the_safety_copy_is_kept_for_an_import_that_writes_and_removed_for_one_that_does_not(tmp_path, files):
    """The copy an import makes before it writes is taken while the file is read: an import that
    writes keeps it (one import backup per import), a refused or cancelled one leaves none behind."""
    from core.backups import list_backups
    from core.settings import load

    db = open_database(tmp_path / "shop.db")
    try:
        import_file(db, X.taobao_orders_csv(files / "a.csv", _rows(range(100, 150))))
        folder = load().backup_path()
        assert list_backups(folder) == []  # an empty shop has nothing to keep
        import_file(db, X.taobao_orders_csv(files / "b.csv", _rows(range(150, 200))))
        kept = list_backups(folder)
        assert [b.reason for b in kept] == ["import"]
        with pytest.raises(Cancelled):
            import_file(db, X.taobao_orders_csv(files / "c.csv", _rows(range(200, 250))), cancelled=lambda: True)
        bad = files / "d.csv"
        bad.write_text("a,b\n1,2\n", encoding="utf-8")
        with pytest.raises(Exception, match="d.csv"):
            import_file(db, bad)
        import threading

        for thread in threading.enumerate():  # a copy still being written removes itself when done
            if thread.name == "import-backup":
                thread.join(10)
        assert list_backups(folder) == kept
        assert sorted(p.name for p in folder.iterdir()) == sorted(b.path.name for b in kept)  # no .part left
        assert count(db, "orders") == 100
    finally:
        db.close()
