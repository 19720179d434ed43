"""Re-imports and overlapping exports never duplicate; undo restores exactly (or says why not)."""
from __future__ import annotations

import pytest

from core.errors import Cancelled, UserFacingError
from core.imports import import_file, import_history, undo_batch
from tests.core.imports.conftest import count, dump, lines, orders
from tests.helpers import exports as X


def _orders(nos, status="买家已付款，等待卖家发货", paid="100.00"):
    return [X.taobao_order_row(str(n), buyer=f"b{n}", paid=paid, status=status) for n in nos]


def test_same_file_twice_changes_nothing(db, files):
    path = X.taobao_orders_csv(files / "a.csv", _orders(range(1000, 1010)))
    first = import_file(db, path)
    before = dump(db)
    second = import_file(db, path)
    assert (second.orders_added, second.orders_updated, second.orders_unchanged, second.lines_added) == (0, 0, 10, 0)
    assert dump(db) == before
    assert count(db, "orders") == 10 and first.batch_id != second.batch_id


def test_overlapping_export_updates_changed_orders_only(db, files):
    import_file(db, X.taobao_orders_csv(files / "a.csv", _orders(range(1000, 1010))))
    newer = _orders(range(1005, 1010), status="卖家已发货，等待买家确认") + _orders(range(1010, 1015))
    result = import_file(db, X.taobao_orders_csv(files / "b.csv", newer))
    assert (result.orders_added, result.orders_updated, result.orders_unchanged) == (5, 5, 0)
    got = orders(db, "taobao")
    assert len(got) == 15
    assert got["1004"]["status"] == "paid" and got["1005"]["status"] == "shipped"


def test_undo_restores_exactly(db, files):
    import_file(db, X.taobao_orders_csv(files / "a.csv", _orders(range(1000, 1010))))
    before = dump(db)
    newer = _orders(range(1005, 1010), status="交易成功", paid="120.00") + _orders(range(1010, 1015))
    batch = import_file(db, X.taobao_orders_csv(files / "b.csv", newer)).batch_id
    detail = [{"订单编号": "1001", "标题": "A", "价格": "50", "购买数量": "2", "商家编码": "A"}]
    line_batch = import_file(db, X.taobao_lines_csv(files / "d.csv", detail)).batch_id
    undo_batch(db, line_batch)
    undo_batch(db, batch)
    assert dump(db) == before
    history = import_history(db)
    assert [h.batch_id for h in history] == [3, 2, 1]
    assert history[0].undone_at is not None and history[2].undone_at is None
    with pytest.raises(UserFacingError, match="already undone"):
        undo_batch(db, batch)


def test_undo_of_first_import_empties_the_shop(db, files):
    empty = dump(db)
    batch = import_file(db, X.taobao_orders_csv(files / "a.csv", _orders(range(1000, 1003)))).batch_id
    undo_batch(db, batch)
    assert dump(db) == empty


def test_undo_refused_while_a_later_import_changed_the_same_orders(db, files):
    first = import_file(db, X.taobao_orders_csv(files / "a.csv", _orders(range(1000, 1003)))).batch_id
    second = import_file(db, X.taobao_orders_csv(files / "b.csv", _orders([1001], status="交易成功"))).batch_id
    with pytest.raises(UserFacingError, match=rf"#{second} b\.csv"):
        undo_batch(db, first)
    undo_batch(db, second)
    undo_batch(db, first)
    assert count(db, "orders") == 0


def test_undo_refused_when_a_later_line_file_filled_an_added_order(db, files):
    first = import_file(db, X.taobao_orders_csv(files / "a.csv", _orders([1000]))).batch_id
    import_file(db, X.taobao_lines_csv(files / "d.csv", [{"订单编号": "1000", "标题": "A", "价格": "100", "购买数量": "1"}]))
    with pytest.raises(UserFacingError, match="cannot be undone"):
        undo_batch(db, first)
    assert len(lines(db, "1000")) == 1


def test_refund_import_undo(db, files):
    import_file(db, X.taobao_orders_csv(files / "a.csv", _orders([1000, 1001])))
    before = dump(db)
    batch = import_file(db, X.taobao_refunds_xlsx(files / "r.xlsx", [
        {"退款编号": "R1", "订单编号": "1000", "买家退款金额": "100", "退款状态": "退款成功"}])).batch_id
    assert orders(db)["1000"]["status"] == "refunded"
    undo_batch(db, batch)
    assert dump(db) == before


def test_dry_run_and_cancel_write_nothing(db, files):
    path = X.taobao_orders_csv(files / "a.csv", _orders(range(1000, 1100)))
    before = dump(db)
    dry = import_file(db, path, dry_run=True)
    assert (dry.orders_added, dry.batch_id) == (100, None)
    with pytest.raises(Cancelled):
        import_file(db, path, cancelled=lambda: True)
    assert dump(db) == before and import_history(db) == []


def test_progress_is_reported(db, files):
    seen = []
    import_file(db, X.taobao_orders_csv(files / "a.csv", _orders(range(1000, 1005))), progress=lambda d, t: seen.append((d, t)))
    assert seen and seen[-1][0] == seen[-1][1]
