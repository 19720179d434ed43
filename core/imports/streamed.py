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

from sqlalchemy import select

from core.customers import NewFigures
from core.engines import raw_bulk
from core.errors import Cancelled
from core.i18n import language
from core.imports.order_parts import Job, merge_problems, provided_columns
from core.imports.order_writer import MANY, READY, OrderWriter
from core.imports.results import ImportResult
from core.imports.sku_match import LineMatcher
from core.imports.write import ORDER_DEFAULTS, UndoLog, refund_totals

BIG = 20_000  # rows of the sheet: smaller files are normalised in the app (no gain to win)
PART_ORDERS = 5_000  # orders per part the worker sends (the last one is written after the worker ends: small)


def can_stream(db, prep, dry_run: bool) -> bool:
    """A workbook's one table of one row per order, big, without a currency column, into a channel
    in yuan (the currency checks need the whole file otherwise: they come before its first order),
    of a platform the shop has no orders of yet.

    Why only then: the worker normalises and prepares every order as new. When the shop may
    already hold them, the app still compares each with its stored row, and the worker's extra
    work became the slower side: a re-import of 100,000 unchanged orders took 6.1 s this way
    against 5.5 s the whole-file way (quiet machine, three rounds each, 06 Dec 2026)."""
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

    from core.models import Order

    platform = det.platform or "other"
    with db.engine.connect() as conn:
        code = conn.execute(select(Channel.currency).where(Channel.platform == platform)).scalar()
        stored = conn.execute(select(Order.id).where(Order.platform == platform).limit(1)).first()
    return (code or BASE) == BASE and stored is None


class Parts:
    """The worker's parts of one big order sheet (``detection``'s one table; ``normalized``: its
    ``Table.normalized``), written by ``write`` into the import's open transaction as they come. The
    worker starts normalising when this is made: the app makes its safety copy meanwhile.

    The worker sends each part as insert-ready tuples (core.imports.order_parts ``_Tuples``) in the
    engine's form of values (SQLite's text for times, on SQLite), so that the app, whose work
    per part decides how soon the next one is written, only inserts them."""

    def __init__(self, db, detection, normalized: Callable) -> None:
        self.detection = detection
        self.platform = detection.platform or "other"
        self.provided = provided_columns(detection)
        fill = {c: v for c, v in ORDER_DEFAULTS.items() if c not in self.provided}
        refunds: dict[str, int] = {}
        if "refund_fen" not in self.provided:  # refunds imported before the orders (imports write one at a time)
            with db.engine.connect() as conn:
                refunds = refund_totals(conn, self.platform)
        sqlite = raw_bulk(db.engine)
        shape = READY.shape(sqlite)
        # The buyers' figures, gathered part by part while the worker prepares the next one (SQLite:
        # its stored values compare as SQLite compares them; PostgreSQL reads them back by GROUP BY).
        self.figures = NewFigures() if sqlite else None
        self.stream = normalized(Job.of(detection, language(), fill, shape, refunds, PART_ORDERS))  # the worker starts now

    def write(self, conn, batch_id: int, cancelled: Callable[[], bool] | None, progress: Callable[[int], None]):
        """Every part written (new orders at once, changes gathered for ``finish``); returns the
        order writer, the SKU matcher and the worker's summary (core.imports.order_parts)."""
        # Parts: the stored orders are read in one scan (an expected count above MANY), not looked up
        # by the first part's numbers.
        writer = OrderWriter(conn, batch_id, self.platform, "orders", self.provided, UndoLog(batch_id),
                             max(self.detection.matches[0].table.estimated_rows, MANY + 1))
        matcher = LineMatcher(conn)
        for message in self.stream:
            if cancelled is not None and cancelled():
                raise Cancelled()
            if message[0] == "normalized":
                return writer, matcher, message[1]
            _, orders, lines, blank, last_row = message
            progress(last_row)
            matcher.match_rows(lines, blank, READY.sku_at, READY.title_at, READY.spec_at)
            writer.add_ready(orders, lines)
            # What the end of the import would do, done now, while the worker prepares the next part.
            writer.undo.flush(conn)
            if self.figures is not None:
                self._gather(orders)
            del orders, lines, message
        raise RuntimeError("the workbook reader ended without its summary")

    def _gather(self, orders: list[tuple]) -> None:
        """The part's paid orders with a buyer key, into the buyers' figures (core.customers)."""
        add = self.figures.add  # type: ignore[union-attr]
        key_at, name_at, paid_at, refund_at, created_at, is_paid_at = (
            READY.at(c) for c in ("buyer_key", "buyer_name", "paid_fen", "refund_fen", "created_at", "is_paid"))
        for r in orders:
            if r[is_paid_at] and r[key_at]:
                add(r[key_at], r[name_at], r[paid_at], r[refund_at], r[created_at])

    @staticmethod
    def report(problems, summary: dict, result: ImportResult, matcher: LineMatcher) -> None:
        """The worker's problems after the app's own, the counts, the SKU matches (as ``_import_whole``)."""
        merge_problems(problems, summary)
        result.rows_read, result.rows_skipped = summary["rows_read"], summary["rows_skipped"]
        result.lines_matched_by_title, result.lines_without_sku = matcher.matched, matcher.unmatched

    def close(self) -> None:
        self.stream.close()
