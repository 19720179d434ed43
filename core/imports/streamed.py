"""An order export written while it is read (the pipeline's way for big one-row-per-order files).

``core.imports.pipeline`` normalises a whole file and then writes it. For an export with one
order per row (Taobao/Tmall 订单报表, JD, PDD …) and more than a few thousand rows, each order
is complete as soon as its row is read, so here the orders are handed, a part of 5,000 at a
time, to a writer thread (core.imports.background) that writes them into the open transaction
while the next rows are parsed: parsing (Python) and writing (SQLite) overlap on two cores.

Nothing else changes: one transaction and one batch per file (all or nothing: an error, a bad
row of the file's end or Cancel rolls every part back), the same rows, ids, undo entries and
report as the whole-file way (tests/core/imports/test_streamed_import.py compares the two).
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from core.imports import currency_check
from core.imports.background import BackgroundWriter
from core.imports.normalize import OrderPart, normalize_orders, provided_columns
from core.imports.order_writer import OrderWriter
from core.imports.results import ImportResult
from core.imports.sku_match import LineMatcher
from core.imports.write import UndoLog


def import_streamed(db, path: Path, prep, *, dry_run: bool, cancelled: Callable[[], bool] | None,
                    progress: Callable[[int], None]) -> ImportResult:
    from core.imports import pipeline

    det = prep.detection
    result = ImportResult(file=path.name, platform=prep.platform or "", kind="orders", dry_run=dry_run)
    if not dry_run:
        pipeline._auto_backup(db)
    file_hash = pipeline._hash(path)
    platform = det.platform or "other"
    with db.engine.connect() as conn:
        trans = conn.begin()
        writer: BackgroundWriter | None = None
        try:
            batch_id = pipeline.begin_batch(conn, path, file_hash, result)
            had_orders = currency_check.had_orders(conn, platform)  # before the file's orders are written
            undo = UndoLog(batch_id)
            orders = OrderWriter(conn, batch_id, platform, "orders", provided_columns(det), undo,
                                 sum(m.table.estimated_rows for m in det.matches))
            matcher = LineMatcher(conn)
            writer = BackgroundWriter(cancelled=cancelled)
            writer.submit(orders.start)  # reads the stored orders while the first rows are parsed

            def write_part(part: OrderPart) -> None:
                def work() -> None:
                    matcher.match(part[1].values())
                    orders.add(*part)
                    undo.flush(conn)  # the part's undo entries too, while the next part is parsed

                writer.submit(work)  # type: ignore[union-attr]

            normalized = normalize_orders(det, prep.problems, cancelled=cancelled, progress=progress, sink=write_part)
            pipeline._release(prep)
            writer.finish()
            writer = None  # the connection is this thread's again
            progress(pipeline.ALL_ROWS)
            result.rows_read, result.rows_skipped = normalized.rows_read, normalized.rows_skipped
            result.lines_matched_by_title, result.lines_without_sku = matcher.matched, matcher.unmatched
            pipeline.sku_warning(result, matcher.has_skus, prep.problems)
            counts = orders.finish()
            # the file's currency is known once it is read: the same check as the whole-file way (a
            # refusal rolls every part back), before customers are built from the orders
            pipeline._follow_currency(conn, path, normalized, prep.problems, before_write=True, batch_id=batch_id,
                                      channel_had_orders=had_orders)
            pipeline.members_follow(conn, batch_id, platform, undo, orders.touched)
            undo.flush(conn)
            pipeline._follow_currency(conn, path, normalized, prep.problems, before_write=False)
            pipeline.end_batch(conn, trans, batch_id, counts, result, prep.problems, dry_run=dry_run, cancelled=cancelled)
        except BaseException:
            if writer is not None:
                writer.abandon()  # the part being written ends first: then the connection is free to roll back
            trans.rollback()
            raise
    return result
