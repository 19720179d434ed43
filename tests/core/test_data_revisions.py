"""The orders' revision (core.data_revisions) moves with every write to the orders, and the inventory
alerts kept between computations (core.past_orders) follow it: new last-year orders, an undone import,
an import put back from the trash, another computer's import all show at the next computation, while
a stock edit keeps what was kept.

Today is 2026-11-20; last year's 双12 preset ran 2025-12-01 … 12-12, its baseline the 28 days before.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path
from typing import ClassVar

import pytest
from sqlalchemy import insert, select

from core import data_revisions, trash
from core.db import open_database
from core.edits.base import apply_edit, redo_change, undo_change
from core.edits.stock import CountStock
from core.imports import import_file
from core.inventory import InventoryParams
from core.inventory_lists import alert_rows
from core.models import Order, Promotion, Sku, StockLevel
from tests.helpers import exports as X

TODAY = dt.date(2026, 11, 20)
D = dt.date
ROOT = Path(__file__).resolve().parents[2]


def sales_file(path: Path, sales: list[tuple[str, dt.date, int]], first_no: int) -> Path:
    """A 千牛 line export: one paid, completed order per (SKU code, day, quantity)."""
    rows = []
    for i, (code, day, qty) in enumerate(sales):
        no = str(first_no + i)
        at = f"{day.isoformat()} 10:00:00"
        rows.append({"子订单编号": no + "1", "主订单编号": no, "商品标题": code, "商品价格": "10.00", "购买数量": str(qty),
                     "订单状态": "交易成功", "商家编码": code, "买家实付金额": f"{10 * qty}.00", "退款状态": "没有申请退款",
                     "退款金额": "无退款申请", "订单创建时间": at, "订单付款时间": at, "商品ID": "1"})
    return X.qianniu_lines_csv(path, rows)


def days(code: str, start: dt.date, n: int, qty: int) -> list[tuple[str, dt.date, int]]:
    return [(code, start + dt.timedelta(days=i), qty) for i in range(n)]


def gift(db) -> tuple[dt.date | None, str]:
    with db.session() as s:
        row = next(r for r in alert_rows(s, TODAY, InventoryParams()) if r.sku_code == "GIFT")
    return row.stockout_date, row.uplift_source


def revision(db) -> int | None:
    with db.session() as s:
        return data_revisions.current(s)


@pytest.fixture
def shop(db):
    with db.transaction() as s:
        s.execute(insert(Sku).values(code="GIFT", title="礼盒", category="礼盒", lead_time_days=2))
        s.execute(insert(StockLevel).values(sku_code="GIFT", on_hand=20, in_transit=0))
        s.add(Promotion(name="2026 双12", kind="festival", platforms=[], start=D(2026, 12, 1), end=D(2026, 12, 12),
                        phases=[], rules=[], scope={}, budget_fen=0, status="planned", note=""))
    return db


def test_the_alerts_follow_imports_their_undo_and_their_return_from_the_trash(shop, tmp_path):
    db = shop
    # Now 1 a day; last year's baseline 1 a day, nothing yet in last year's festival window.
    import_file(db, sales_file(tmp_path / "now.csv", days("GIFT", D(2026, 10, 24), 28, 1)
                               + days("GIFT", D(2025, 11, 3), 28, 1), 1000))
    assert gift(db) == (D(2026, 12, 11), "")  # 20 units at 1 a day from tomorrow: short on the 21st day
    # Last year's festival sold 3 a day: the alerts computed next see it (nothing stale is kept).
    festival = import_file(db, sales_file(tmp_path / "festival.csv", days("GIFT", D(2025, 12, 1), 12, 3), 2000))
    out, why = gift(db)
    assert out == D(2026, 12, 4) and "3.0× normal sales (this SKU, last year's" in why
    # A stock edit keeps what was kept (the revision stays) and still shows the new stock.
    kept = revision(db)
    apply_edit(db, CountStock((("GIFT", 31),)))
    assert revision(db) == kept
    assert gift(db)[0] == D(2026, 12, 8)  # 31: 10 days at 1, then 3 a day from 12-01: short on 12-08
    apply_edit(db, CountStock((("GIFT", 20),)))
    # Undoing the festival's import takes its uplift away; putting it back from the trash returns it.
    entry = trash.undo_import(db, festival.batch_id)
    assert gift(db) == (D(2026, 12, 11), "")
    trash.restore(db, entry.id)
    assert gift(db)[0] == D(2026, 12, 4)


def test_another_computers_import_shows_at_the_next_computation(shop, tmp_path):
    db = shop
    import_file(db, sales_file(tmp_path / "now.csv", days("GIFT", D(2026, 10, 24), 28, 1)
                               + days("GIFT", D(2025, 11, 3), 28, 1), 1000))
    assert gift(db) == (D(2026, 12, 11), "")
    other = open_database(db.path or db.url)  # another window, or another computer on the same server
    try:
        import_file(other, sales_file(tmp_path / "festival.csv", days("GIFT", D(2025, 12, 1), 12, 3), 2000))
    finally:
        other.close()
    assert gift(db)[0] == D(2026, 12, 4)


@dataclasses.dataclass(frozen=True)
class _SetPaid:
    """An edit that changes an order (none of ShopDesk's edits does yet: the Recorder's rule is
    what this checks, for the first one that will)."""

    order_id: int
    paid_fen: int
    topics: ClassVar[frozenset[str]] = frozenset({"orders"})
    label = "set paid"

    def apply(self, session, rec) -> None:
        rec.update(Order, self.order_id, {"paid_fen": self.paid_fen})


def test_every_writer_of_the_orders_moves_the_revision(db, tmp_path):
    with db.transaction() as s:
        s.execute(insert(Sku).values(code="A", title="A"))  # a SKU is not an order: nothing moves
    seen = [revision(db)]

    def moved() -> bool:
        seen.append(revision(db))
        return seen[-1] != seen[-2]

    assert seen[0] is not None  # the migration wrote one
    first = import_file(db, sales_file(tmp_path / "a.csv", days("A", D(2026, 11, 1), 3, 1), 1000))
    assert moved(), "an import"
    import_file(db, sales_file(tmp_path / "b.csv", days("A", D(2026, 11, 5), 3, 1), 2000), dry_run=True)
    assert not moved(), "a dry run writes nothing"
    second = import_file(db, sales_file(tmp_path / "c.csv", days("A", D(2026, 11, 9), 3, 1), 3000))
    assert moved(), "a second import"
    entry = trash.undo_import(db, second.batch_id)
    assert moved(), "undoing an import"
    trash.restore(db, entry.id)
    assert moved(), "an undone import put back from the trash"
    with db.session() as s:
        order_id = s.scalar(select(Order.id).where(Order.batch_id == first.batch_id).limit(1))
    change = apply_edit(db, _SetPaid(order_id, 1))
    assert moved(), "an edit of an order"
    change = undo_change(db, change)
    assert moved(), "its undo"
    redo_change(db, change)
    assert moved(), "its redo"
    with db.transaction() as s:
        item = trash.delete(s, s.get(Order, order_id), "order", "order")
        item_id = item.id
    assert moved(), "an order moved to the trash"
    trash.restore(db, item_id)
    assert moved(), "an order restored from the trash"
    with db.transaction() as s:
        s.add(Order(platform="taobao", order_no="ORM-1", status="completed"))
    assert moved(), "an ORM flush of a new order"
    apply_edit(db, CountStock((("A", 7),)))
    assert not moved(), "a stock edit leaves the orders' results kept"


def test_the_demo_shop_moves_the_revision(tmp_path):
    from core.demo import fill_demo

    db = open_database(tmp_path / "demo.db")
    try:
        before = revision(db)
        fill_demo(db, end=TODAY)
        assert revision(db) not in (None, before)
    finally:
        db.close()


# Every module that writes orders, order lines or refunds, and how its write moves the revision:
# a new writer fails the scan below until it bumps (core.data_revisions) and is listed here, with
# a check above that runs it.
WRITERS = {
    "core/imports/order_writer.py": "inside an import: core.imports.pipeline.end_batch bumps",
    "core/imports/write.py": "inside an import: core.imports.pipeline.end_batch bumps",
    "core/imports/pipeline.py": "end_batch bumps (refunds are written here too)",
    "core/imports/sku_match.py": "match_stored_lines runs inside a products import: end_batch bumps",
    "core/demo/__init__.py": "a session: data_revisions.watch_sessions bumps",
}
# Modules that write any table by name (the orders among them), each bumping.
GENERIC_WRITERS = {
    "core/edits/base.py": "the Recorder, undo and redo run in a session: watch_sessions bumps",
    "core/trash.py": "delete and restore run in a session: watch_sessions bumps",
    "core/imports/undo.py": "undo_batch bumps",
    "core/shop_copy.py": "copies the source's revision with its orders (data_revisions is copied too)",
    "core/demo/__init__.py": "empties the shop in a session: watch_sessions bumps",
}
_TABLES = r"(?:ORDERS|LINES|REFUNDS|Order|OrderLine|Refund)"
_WRITES = [
    re.compile(rf"\b(?:insert|update|delete)\(\s*(?:\w+\.)?{_TABLES}\b"),
    re.compile(r"\b(?:ORDERS|LINES|REFUNDS)\.(?:insert|update|delete)\("),
    re.compile(rf"\b(?:insert_rows|bulk_update|upsert)\(\s*\w+,\s*(?:\w+\.)?{_TABLES}\b"),
    re.compile(r"\bput\(\"(?:orders|order_lines|refunds)\""),
    re.compile(r"\b(?:Order|OrderLine|Refund)\((?:platform|order_id|order_no|refund_no)="),
    re.compile(r"text\(\s*f?\"(?:INSERT INTO|UPDATE|DELETE FROM) (?:orders|order_lines|refunds)\b", re.I),
]
_TABLE_BY_NAME = re.compile(r"\b(?:insert|update|delete)\(\s*(?:table|T\[\w+\]|_table\(\w+\)|table_of\(\w+\))")


def test_every_module_writing_the_orders_is_listed():
    found, generic = set(), set()
    for path in sorted((ROOT / "core").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if "/migrations/" in rel or "/engines/" in rel:  # the schema and its line-facts triggers
            continue
        source = path.read_text(encoding="utf-8")
        if any(p.search(source) for p in _WRITES):
            found.add(rel)
        if _TABLE_BY_NAME.search(source) or re.search(r"\btable\.(?:insert|delete)\(\)", source):
            generic.add(rel)
    assert found - set(WRITERS) == set(), "writes the orders without a bump listed in WRITERS"
    assert set(WRITERS) - found == set(), "listed in WRITERS but writes no orders any more"
    assert generic - set(GENERIC_WRITERS) - set(WRITERS) == set(), \
        "writes tables by name (the orders too?): bump and list it in GENERIC_WRITERS"
