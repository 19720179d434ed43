"""inspect_file and import_file: read → detect → map → normalise → write one batch.

Nothing is written by ``inspect_file``. ``import_file`` writes one file in one transaction:
either every row it accepted is in the database with its ``import_batches`` record, or (on
a bad file, an error or Cancel) nothing is.
"""
from __future__ import annotations

import datetime as dt
import gc
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, insert, update

from core import data_revisions
from core.errors import BadInputError, Cancelled
from core.i18n import t
from core.imports import sniff
from core.imports.detect import Detection, custom_match, detect
from core.imports.fields import required_fields
from core.imports.headers import cell_text, header_signature
from core.imports.mapping import check_mapping, guess_kind, saved_mapping
from core.imports.normalize import OrderSet, normalize_orders
from core.imports.order_key import check_rule_change, real_headers, shown_mapping
from core.imports.normalize_other import (
    Normalized,
    normalize_members,
    normalize_products,
    normalize_refunds,
    normalize_traffic,
)
from core.imports.read import FileData, read_file
from core.imports.refusal import refusal_action, refusal_problem
from core.imports.results import FileInspection, ImportResult, RowProblem
from core.imports.rows import Problems
from core.imports.early_backup import EarlyBackup as _EarlyBackup
from core.imports.stored_prefetch import StoredPrefetch, file_sha256
from core.imports.streamed import Parts, can_stream
from core.models import Customer, ImportBatch, Sku, StockLevel, TrafficDaily
from core.orders import PLATFORMS
from core.write_lock import exclusive_writes

log = logging.getLogger(__name__)
BATCHES = ImportBatch.__table__
PREVIEW_ROWS = 100
STORED_PROBLEMS = 500  # per list, in the batch record
ALL_ROWS = sys.maxsize  # given to a row progress callback: every row is read


@dataclass
class Prepared:
    data: FileData
    detection: Detection
    signature: str
    platform: str | None
    kind: str | None
    problems: Problems


def _prepare(db, path: Path, platform: str | None, mapping: dict[str, str] | None, kind: str | None,
             cancelled: Callable[[], bool] | None = None) -> Prepared:
    if platform is not None and platform not in PLATFORMS:
        raise BadInputError(t("Unknown platform “{platform}”; use one of: {ids}", platform=platform, ids=", ".join(PLATFORMS)))
    data = read_file(path, cancelled)
    if not any(any(cell_text(c) for c in row) for tb in data.tables for row in tb.head):
        raise sniff.bad_file(path, t("the file holds no data."), t("Export it again from the platform."))
    det = detect(data, platform)
    headers = det.best.headers if det.best else []
    signature = header_signature(headers)
    problems = Problems()  # also for the rows a mapping's order-key rule cannot number (core.imports.order_key)
    if mapping:
        saved = saved_mapping(db, signature)
        kind = kind or (saved[1] if saved is not None else guess_kind(mapping))
        check_mapping(kind, {k: v for k, v in mapping.items() if v})
        det = custom_match(data, platform or det.platform or "other", kind, {k: v for k, v in mapping.items() if v},
                           problems)
    else:
        saved = saved_mapping(db, signature)
        if saved is not None and (platform is None or platform == saved[0]):
            det = custom_match(data, saved[0], saved[1], saved[2], problems)
    several = len(data.tables) > 1
    for m in det.ignored:
        rows_with_data = sum(1 for row in m.table.head if sum(1 for c in row if cell_text(c)) > 1)
        if several and rows_with_data > 1 and det.recognised:
            problems.warning(0, "", t("Sheet “{sheet}” was not recognised and was skipped", sheet=m.table.name))
    plat = det.platform or platform
    return Prepared(data, det, signature, plat, det.kind, problems)


def _normalize(prep: Prepared, cancelled, progress) -> OrderSet | Normalized:
    det, problems = prep.detection, prep.problems
    kind = det.kind
    if kind in ("orders", "lines"):
        return normalize_orders(det, problems, cancelled=cancelled, progress=progress)
    platform = prep.platform or ""
    if kind == "refunds":
        return normalize_refunds(det, problems, platform, cancelled, progress)
    if kind == "traffic":
        return normalize_traffic(det, problems, prep.platform, cancelled, progress)
    if kind == "products":
        return normalize_products(det, problems, platform, cancelled, progress)
    return normalize_members(det, problems, platform or "other", cancelled, progress)


def inspect_file(path: str | Path, *, db=None, platform: str | None = None,
                 mapping: dict[str, str] | None = None, kind: str | None = None) -> FileInspection:
    """What ShopDesk sees in a file, without writing anything (the import wizard's first steps)."""
    path = Path(path)
    prep = _prepare(db, path, platform, mapping, kind)
    det = prep.detection
    best = det.best
    headers = best.headers if best else []
    header_row = (best.header_index + 1) if best else 1
    if not det.recognised:
        guess_kind_ = kind or (best.layout.kind if best and best.layout else "orders")
        suggestion = {k: headers[c] for k, c in (best.columns.items() if best else []) if c < len(headers)}
        return FileInspection(
            path=path, file_type=prep.data.file_type, encoding=prep.data.encoding, sheets=prep.data.sheets,
            platform=(best.layout.platform or None) if best and best.layout else platform,
            kind=guess_kind_, confidence=det.confidence, header_row=header_row, headers=headers,
            mapping=suggestion, missing_required=[f for f in required_fields(guess_kind_) if f not in suggestion],
            needs_mapping=True, signature=prep.signature,
            layout_name=best.layout.name if best and best.layout else "",
            samples=_samples(best) if best else {},
        )
    normalized = _normalize(prep, None, None)
    return FileInspection(
        path=path, file_type=prep.data.file_type, encoding=prep.data.encoding, sheets=prep.data.sheets,
        platform=prep.platform, kind=det.kind, confidence=det.confidence, header_row=header_row,
        headers=real_headers(best.table, headers) if best else headers, mapping=shown_mapping(best) if best else {},
        missing_required=[], needs_mapping=False,
        preview=_preview(normalized), problems=prep.problems.errors + prep.problems.warnings,
        signature=prep.signature, layout_name=best.layout.name if best and best.layout else "",
        rows_read=normalized.rows_read, samples=_samples(best) if best else {},
    )


def _samples(match) -> dict[str, list[str]]:
    rows = match.table.head[match.header_index + 1:match.header_index + 6]
    return {h: [cell_text(r[i]) if i < len(r) else "" for r in rows] for i, h in enumerate(match.headers) if h}


def _preview(normalized: OrderSet | Normalized) -> list[dict]:
    out: list[dict] = []
    if isinstance(normalized, OrderSet):
        for order_no, rec in normalized.orders.items():
            if len(out) >= PREVIEW_ROWS:
                break
            lines = normalized.lines.get(order_no, [])
            out.append({
                "row": rec["_row"], "order_no": order_no, "status": rec["status"], "status_text": rec["status_text"],
                "created_at": rec["created_at"], "paid_at": rec["paid_at"], "paid_fen": rec["paid_fen"],
                "refund_fen": rec["refund_fen"], "buyer_key": rec["buyer_key"], "province": rec["province"],
                "lines": len(lines),
                "qty": None if any(ln["qty"] is None for ln in lines) else sum(ln["qty"] for ln in lines),
                "title": lines[0]["title"] if lines else "",
            })
        return out
    return [dict(r) for r in normalized.rows[:PREVIEW_ROWS]]


def import_file(db, path: str | Path, *, dry_run: bool = False, cancelled: Callable[[], bool] | None = None,
                waiting: Callable[[], None] | None = None, **options) -> ImportResult:
    """Import one export in one transaction; see the module and ``ImportResult`` docs.

    One import into a shop at a time (core.write_lock): ``waiting()`` is called once when another
    import into the same shop is running and this one waits for it; Cancel works while it waits.
    ``options``: ``platform``, ``mapping``, ``kind``, ``progress`` (see ``_import_file``).
    """
    if dry_run:
        return _import_file(db, path, dry_run=True, cancelled=cancelled, **options)
    with exclusive_writes(db, waiting=waiting, cancelled=cancelled):
        return _import_file(db, path, cancelled=cancelled, **options)


def _import_file(
    db,
    path: str | Path,
    *,
    platform: str | None = None,
    mapping: dict[str, str] | None = None,
    kind: str | None = None,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    path = Path(path)
    backup = None if dry_run else _EarlyBackup(db)
    prefetch = StoredPrefetch(db, path)  # both on threads while the workbook is parsed
    try:
        return _import_read(db, path, backup, prefetch, platform=platform, mapping=mapping, kind=kind,
                            dry_run=dry_run, progress=progress, cancelled=cancelled)
    finally:
        prefetch.done()
        if backup is not None:
            backup.done()


def _import_read(db, path: Path, backup: _EarlyBackup | None, prefetch: StoredPrefetch, *, platform: str | None,
                 mapping: dict[str, str] | None, kind: str | None, dry_run: bool,
                 progress: Callable[[int, int], None] | None, cancelled: Callable[[], bool] | None) -> ImportResult:
    prep = _prepare(db, path, platform, mapping, kind, cancelled)
    det = prep.detection
    if not det.recognised:
        raise sniff.bad_file(path, refusal_problem(det), refusal_action(det))
    total_rows = max(1, sum(m.table.estimated_rows for m in det.matches))
    total = total_rows + total_rows // 3
    offsets = {"done": 0}

    def row_progress(i: int) -> None:
        if progress is not None:
            progress(min(offsets["done"] + i, total_rows), total)

    with _no_cycle_collection():
        result = _import_whole(db, path, prep, dry_run=dry_run, cancelled=cancelled, progress=row_progress,
                               backup=backup, prefetch=prefetch)
    if not dry_run:
        db.refresh_statistics()
    if progress is not None:
        progress(total, total)
    log.info("imported %s: %s", path.name, result.to_json() | {"errors": len(result.errors), "warnings": len(result.warnings)})
    return result


def _import_whole(db, path: Path, prep: Prepared, *, dry_run: bool, cancelled: Callable[[], bool] | None,
                  progress: Callable[[int], None], backup: _EarlyBackup | None,
                  prefetch: StoredPrefetch) -> ImportResult:
    """Normalise the whole file, then write it in one transaction. Nothing is written, and no
    write lock is held, while the file is read and normalised: an edit made in the window
    meanwhile goes through at once (an import of 100,000 orders parses for many seconds,
    longer than SQLite's 5 s busy timeout). ``prefetch``: the stored orders read meanwhile."""
    det = prep.detection
    streams = can_stream(db, prep, dry_run)  # a big order sheet: the worker normalises while the app writes
    if streams or det.kind not in ("orders", "lines") or prefetch.platform not in (None, prep.platform):
        prefetch.done()  # nothing to compare with (all new, another kind of file or platform): let it go now
    if streams:
        return _import_streamed(db, path, prep, cancelled=cancelled, progress=progress, backup=backup,
                                file_hash=prefetch.file_hash)
    normalized = _normalize(prep, cancelled, progress)
    _release(prep)
    if cancelled is not None and cancelled():
        raise Cancelled()
    progress(ALL_ROWS)
    kind_ = det.kind or "orders"
    result = ImportResult(
        file=path.name, platform=prep.platform or "", kind=kind_,
        rows_read=normalized.rows_read, rows_skipped=normalized.rows_skipped, dry_run=dry_run,
    )
    if not dry_run:
        _safety_copy(db, backup)
    file_hash = prefetch.file_hash or file_sha256(path)
    with db.engine.connect() as conn:
        trans = conn.begin()
        try:
            batch_id = begin_batch(conn, path, file_hash, result)
            if isinstance(normalized, OrderSet):
                _match_skus(conn, normalized, result, prep.problems)
                check_rule_change(conn, path, det, normalized.platform, file_hash, batch_id)  # files without an order id
                _follow_currency(conn, path, normalized, prep.problems, before_write=True, batch_id=batch_id)
            counts = _write(conn, batch_id, normalized, prefetch)
            result.lines_matched_by_title += counts.get("lines_matched", 0)
            if isinstance(normalized, OrderSet):
                _follow_currency(conn, path, normalized, prep.problems, before_write=False)
            end_batch(conn, trans, batch_id, counts, result, prep.problems, dry_run=dry_run, cancelled=cancelled)
        except BaseException:
            trans.rollback()
            raise
    return result


def _import_streamed(db, path: Path, prep: Prepared, *, cancelled: Callable[[], bool] | None,
                     progress: Callable[[int], None], backup: _EarlyBackup | None,
                     file_hash: str | None = None) -> ImportResult:
    """``_import_whole`` for a big order sheet the workbook reader's worker normalises in parts
    (core.imports.streamed): the parts are written as they come, in the same one transaction."""
    result = ImportResult(file=path.name, platform=prep.platform or "", kind="orders", rows_read=0, rows_skipped=0)
    parts = Parts(db, prep.detection, prep.detection.matches[0].table.normalized)  # the worker starts normalising
    try:
        if cancelled is not None and cancelled():
            raise Cancelled()
        _safety_copy(db, backup)
        file_hash = file_hash or file_sha256(path)
        with db.engine.connect() as conn:
            trans = conn.begin()
            try:
                batch_id = begin_batch(conn, path, file_hash, result)
                writer, matcher, summary = parts.write(conn, batch_id, cancelled, progress)
                _release(prep)
                progress(ALL_ROWS)
                parts.report(prep.problems, summary, result, matcher)
                sku_warning(result, matcher.has_skus, prep.problems)
                counts = writer.finish()
                members_follow(conn, batch_id, writer.platform, writer.undo, writer.touched, parts.figures)
                writer.undo.flush(conn)
                end_batch(conn, trans, batch_id, counts, result, prep.problems, dry_run=False, cancelled=cancelled)
            except BaseException:
                trans.rollback()
                raise
        return result
    finally:
        parts.close()


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector off while a file is normalised and written: the import makes
    millions of objects that live until it ends (a dict per order and per line), and the
    collector would walk them over and over (~10 % of a 100,000-order import's time). The
    import makes no reference cycles worth waiting for; the collector runs again after it."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def begin_batch(conn: Connection, path: Path, file_hash: str, result: ImportResult) -> int:
    """The file's ``import_batches`` record (its counts are set by ``end_batch``)."""
    return conn.execute(
        insert(BATCHES).values(file_name=path.name[:500], file_hash=file_hash, platform=result.platform,
                               kind=result.kind, created_at=dt.datetime.now().replace(microsecond=0))
    ).inserted_primary_key[0]


def end_batch(conn: Connection, trans, batch_id: int, counts: dict[str, int], result: ImportResult, problems: Problems,
              *, dry_run: bool, cancelled: Callable[[], bool] | None) -> None:
    """The batch record's counts and problems, then commit (rolled back on a dry run or Cancel)."""
    if cancelled is not None and cancelled():
        raise Cancelled()
    result.orders_added, result.orders_updated = counts["added"], counts["updated"]
    result.orders_unchanged, result.lines_added = counts["unchanged"], counts.get("lines_added", 0)
    result.errors, result.warnings = problems.errors, problems.warnings
    conn.execute(
        update(BATCHES).where(BATCHES.c.id == batch_id).values(
            rows_read=result.rows_read, added=result.orders_added, updated=result.orders_updated,
            unchanged=result.orders_unchanged, skipped=result.rows_skipped,
            errors=[p.to_json() for p in result.errors[:STORED_PROBLEMS]],
            warnings=[p.to_json() for p in result.warnings[:STORED_PROBLEMS]],
        )
    )
    data_revisions.bump(conn)  # the orders changed: results kept from them are stale (a dry run rolls it back)
    if dry_run:
        trans.rollback()
    else:
        from core.row_versions import stamp_import

        stamp_import(conn, batch_id, t("import of {file}", file=result.file))  # one row: core.row_versions
        trans.commit()
        result.batch_id = batch_id


def _match_skus(conn: Connection, oset: OrderSet, result: ImportResult, problems) -> None:
    from core.imports.sku_match import match_line_skus

    result.lines_matched_by_title, result.lines_without_sku, has_skus = match_line_skus(conn, oset.lines.values())
    sku_warning(result, has_skus, problems)


def sku_warning(result: ImportResult, has_skus: bool, problems: Problems) -> None:
    if result.lines_without_sku and has_skus:
        problems.warning(0, "", t(
            "{count} order line(s) (has|have) no SKU code (商家编码) and no single SKU with (its|their) title: (it counts|they count) in sales "
            "but not in any SKU's sales or stock run-out. Import the line file (宝贝报表/商品明细) or give the SKUs "
            "these titles.", count=result.lines_without_sku))


def _follow_currency(conn: Connection, path: Path, oset: OrderSet, problems, *, before_write: bool,
                     batch_id: int | None = None) -> None:
    """The file's currency column set or checked against the channel (core.imports.currency_check):
    every path calls this; ``before_write`` the check, else the missing-rate warning."""
    from core.imports.currency_check import follow_file_currency, missing_rate_warning

    def warn(message: str) -> None:
        problems.warning(0, oset.currency_header, message)

    if before_write:
        follow_file_currency(conn, path, oset, warn, batch_id=batch_id)
    else:
        missing_rate_warning(conn, oset, warn)


def _release(prep: Prepared) -> None:
    """Let the reader's copy of the file go before writing: a 100,000-row sheet held by
    calamine is ~150 MB that the write phase does not need (peak memory)."""
    for table in prep.data.tables:
        table.head = []
        table._open = _no_rows
        table._pick = table.normalized = None


def _no_rows():
    return iter(())


def _write(conn: Connection, batch_id: int, normalized: OrderSet | Normalized, prefetch: StoredPrefetch) -> dict[str, int]:
    from core.imports import write

    undo = write.UndoLog(batch_id)
    touched: set[str] | None = None
    if isinstance(normalized, OrderSet):
        from core.imports.order_writer import OrderWriter

        orders = OrderWriter(conn, batch_id, normalized.platform, normalized.kind, normalized.provided, undo,
                             len(normalized.orders), prefetch)
        orders.add(normalized.orders, normalized.lines, normalized.real_lines)
        counts = orders.finish()
        touched = orders.touched
    elif normalized.kind == "refunds":
        counts = write.upsert(conn, write.REFUNDS, ("platform", "refund_no"), normalized.rows,
                              tuple(sorted(normalized.provided)), batch_id, undo)
        write.recompute_refunds(conn, normalized.platform, [r["order_no"] for r in normalized.rows], batch_id, undo)
    elif normalized.kind == "traffic":
        counts = write.upsert(conn, TrafficDaily.__table__, ("day", "platform"), normalized.rows,  # type: ignore[arg-type]
                              tuple(sorted(normalized.provided)), batch_id, undo,
                              defaults={"visitors": 0, "page_views": 0, "paying_buyers": None, "ad_spend_fen": 0})
    elif normalized.kind == "products":
        counts = write.upsert(conn, Sku.__table__, ("code",), normalized.rows,  # type: ignore[arg-type]
                              tuple(sorted(normalized.provided)), batch_id, undo,
                              defaults={"title": "", "spec": "", "category": "", "cost_fen": 0, "price_fen": 0,
                                        "supplier": "", "lead_time_days": 7, "order_multiple": 1, "active": True})
        if normalized.stock:
            write.upsert(conn, StockLevel.__table__, ("sku_code",), normalized.stock,  # type: ignore[arg-type]
                         tuple(sorted(normalized.stock_provided)), batch_id, undo,
                         defaults={"on_hand": 0, "in_transit": 0})
        from core.imports.sku_match import match_stored_lines

        counts["lines_matched"], buyers = match_stored_lines(conn, undo)  # orders imported before their SKUs
        if buyers:
            from core.customers import rebuild_customers

            for platform, keys in buyers.items():  # their favourite categories come from the SKUs
                rebuild_customers(conn, platform, undo=undo, keys=keys)
    else:
        counts = write.upsert(conn, Customer.__table__, ("platform", "buyer_key"), normalized.rows,  # type: ignore[arg-type]
                              tuple(sorted(normalized.provided)), batch_id, undo,
                              defaults={"name": "", "phone": "", "orders_count": 0, "spend_fen": 0, "points": 0,
                                        "tags": "", "source": ""})
    if isinstance(normalized, OrderSet) or normalized.kind in ("refunds", "members"):
        members_follow(conn, batch_id, normalized.platform, undo, touched)
    undo.flush(conn)
    return counts


def members_follow(conn: Connection, batch_id: int, platform: str, undo, touched: set[str] | None = None,
                   figures=None) -> None:
    """Customers follow the orders (core.customers), then tiers (core.tiers) and points (core.points), in the same
    transaction and undo log as the import itself. ``touched``: the buyer keys of the orders the
    import added or changed (only their customers can change); None for all of the platform's.
    ``figures``: a first import's buyer figures gathered as it wrote (``core.customers.NewFigures``)."""
    from core.customers import rebuild_customers
    from core.points import write_points_for_import
    from core.tiers import write_moves_for_import

    rebuild_customers(conn, platform, undo=undo, keys=touched, figures=figures)
    write_moves_for_import(conn, batch_id, undo, dt.date.today())
    write_points_for_import(conn, undo, dt.date.today())


def _safety_copy(db, backup: _EarlyBackup | None) -> None:
    """The copy an import makes before it writes: the one taken while the file was read, or one now."""
    if backup is not None:
        backup.keep()
    else:
        _auto_backup(db)


def _auto_backup(db) -> None:
    """A safety copy before an import writes (core.backups, when that module is installed)."""
    try:
        from core.backups import auto_backup
    except ImportError:
        return
    auto_backup(db, reason="import")


def problem_rows(result: ImportResult) -> list[RowProblem]:
    return list(result.errors) + list(result.warnings)
