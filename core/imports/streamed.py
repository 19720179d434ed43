"""A big one-row-per-order workbook: normalised by the reader's worker process while the app writes.

Once calamine has parsed the sheet (the long, unbounded part: nothing is written and no write
lock is held while the file is read), the rest is bounded: the worker normalises the orders in
parts (core.imports.order_parts) and the app writes each part inside the file's one transaction
while the worker normalises the next, so the second core works after the parse. The customers,
the batch record, the undo entries and the refusal checks come at the end as for any file; a
cancelled, failed or refused file (the worker dying included) rolls everything back.

Rows, ids, undo entries, errors, warnings and the import report are the same as the whole-file way
(``pipeline._import_whole``) gives: the same records in the same order, written in file order.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from core.errors import Cancelled
from core.i18n import language
from core.imports.order_parts import Job, merge_problems, provided_columns
from core.imports.results import ImportResult

BIG = 20_000  # rows of the sheet: smaller files are normalised in the app (no gain to win)
PART_ORDERS = 10_000  # orders per part the worker sends


def can_stream(db, prep, dry_run: bool) -> bool:
    """A workbook's one table of one row per order, big, without a currency column, into a channel
    in yuan (the currency checks need the whole file otherwise: they come before its first order)."""
    det = prep.detection
    if dry_run or det.kind != "orders" or len(det.matches) != 1:
        return False
    match = det.matches[0]
    if match.layout is None or match.layout.grain != "order" or "currency" in match.columns:
        return False
    if match.table.normalized is None or match.table.estimated_rows <= BIG:
        return False
    from core.currency import BASE
    from core.models import Channel

    with db.engine.connect() as conn:
        code = conn.execute(select(Channel.currency).where(Channel.platform == (det.platform or "other"))).scalar()
    return (code or BASE) == BASE


def import_streamed(db, path: Path, prep, *, cancelled: Callable[[], bool] | None, progress: Callable[[int], None],
                    backup) -> ImportResult:
    from core.imports import pipeline as P
    from core.imports.order_writer import MANY, OrderWriter
    from core.imports.sku_match import LineMatcher
    from core.imports.write import ORDER_DEFAULTS, UndoLog

    det = prep.detection
    match = det.matches[0]
    platform = det.platform or "other"
    provided = provided_columns(det)
    fill = {c: v for c, v in ORDER_DEFAULTS.items() if c not in provided}
    stream = match.table.normalized(Job.of(det, language(), fill, PART_ORDERS))  # the worker starts normalising now
    try:
        if cancelled is not None and cancelled():
            raise Cancelled()
        result = ImportResult(file=path.name, platform=prep.platform or "", kind="orders", rows_read=0,
                              rows_skipped=0, dry_run=False)
        if backup is not None:
            backup.keep()
        else:
            P._auto_backup(db)
        file_hash = P._hash(path)
        with db.engine.connect() as conn:
            trans = conn.begin()
            try:
                batch_id = P.begin_batch(conn, path, file_hash, result)
                undo = UndoLog(batch_id)
                # Parts: the stored orders are read in one scan (an expected count above MANY), not
                # looked up by the first part's numbers.
                writer = OrderWriter(conn, batch_id, platform, "orders", provided, undo,
                                     max(match.table.estimated_rows, MANY + 1))
                matcher = LineMatcher(conn)
                summary: dict | None = None
                for message in stream:
                    if cancelled is not None and cancelled():
                        raise Cancelled()
                    if message[0] == "normalized":
                        summary = message[1]
                        break
                    _, orders, lines, real, last_row = message
                    progress(last_row)
                    matcher.match(lines.values())
                    writer.add(orders, lines, real)
                    del orders, lines, real, message
                assert summary is not None
                P._release(prep)
                progress(P.ALL_ROWS)
                merge_problems(prep.problems, summary)
                result.rows_read, result.rows_skipped = summary["rows_read"], summary["rows_skipped"]
                result.lines_matched_by_title, result.lines_without_sku = matcher.matched, matcher.unmatched
                P.sku_warning(result, matcher.has_skus, prep.problems)
                counts = writer.finish()
                P.members_follow(conn, batch_id, platform, undo, writer.touched)
                undo.flush(conn)
                P.end_batch(conn, trans, batch_id, counts, result, prep.problems, dry_run=False, cancelled=cancelled)
            except BaseException:
                trans.rollback()
                raise
        return result
    finally:
        stream.close()
