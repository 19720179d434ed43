"""A big one-row-per-order sheet normalised in the workbook reader's worker process, in parts.

The app writes part k inside its one transaction while the worker normalises part k+1, so the
app's core writes while the worker's core normalises (README "Importing exports", "Speed").
This runs in the worker (core.workbook_process): it imports no SQLAlchemy and no Qt (the
package's ``__init__`` looks its names up lazily, so importing this module does not pull in the
pipeline).

The result is the same as ``normalize.normalize_orders`` gives for the same table, cut into
parts in file order: each row of a one-row-per-order table is one order, finished once its row
is passed (a later row with the same order number is only a warning), so an order is sent once
and complete. The problems, counts and order of everything match: the same functions build the
records (``normalize.RowOrders``: ``_line``, ``Finishing.record`` and its ``_finalize``), in
the same order.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from operator import itemgetter
from types import SimpleNamespace
from typing import TYPE_CHECKING

from core.i18n import set_language
from core.imports.normalize import (
    Finishing, RowOrders, _provided_columns, adjust_for_refund, closing_warnings, file_currencies,
)
from core.imports.rows import Problems
from core.imports.sqlite_text import value_converter
from core.orders import derive_payment, line_facts, line_totals
from core.row_filter import RowSpec, picked_rows

if TYPE_CHECKING:  # types only: the worker imports this module without the reader and detection
    from core.imports.detect import Detection

FIRST_PART = 2_000  # the first part is small: the app starts writing sooner


@dataclass(frozen=True)
class Job:
    """What the app sends the worker to normalise one sheet (picklable: the match without its table)."""

    header_index: int
    headers: list[str]
    layout: object  # core.imports.platforms.layout.Layout (grain "order")
    columns: dict[str, int]
    platform: str | None
    kind: str | None
    language: str
    fill: dict[str, object]  # the defaults of the order columns the file does not give (core.imports.write)
    rows: RowShape  # the orders' and lines' insert tuples: their columns, and the engine's form of values
    refunds: dict[str, int]  # successful refunds already imported per order number (when the file has no refund column)
    part_orders: int = 10_000  # orders per part sent to the app (the first part is smaller: FIRST_PART)

    @classmethod
    def of(cls, detection: Detection, language: str, fill: dict[str, object], rows: RowShape,
           refunds: dict[str, int], part_orders: int) -> Job:
        (m,) = detection.matches
        return cls(m.header_index, m.headers, m.layout, m.columns, detection.platform, detection.kind, language, fill,
                   rows, refunds, part_orders)


@dataclass(frozen=True)
class RowShape:
    """The columns of the insert tuples the worker sends (the app's tables, read from the models by
    core.imports.streamed: the worker imports no SQLAlchemy) and how their values are sent:
    ``kinds`` (column → "datetime", "date" or "bool") converted to SQLite's stored form when
    ``sqlite``, Python values otherwise (PostgreSQL's driver takes them)."""

    order_columns: tuple[str, ...]  # without id and batch_id: each tuple starts with the order's number in the file
    line_columns: tuple[str, ...]  # without id and order_id: each tuple starts with its order's number in the file
    order_kinds: dict[str, str]
    line_kinds: dict[str, str]
    sqlite: bool


def serve_parts(rows: Iterable[list], job: Job) -> Iterator[tuple]:
    """The worker's messages for one sheet's ``rows``: ``("part", order tuples, line tuples, lines
    without a SKU code, last row number)`` … then ``("normalized", summary)`` (see ``order_parts``,
    ``_Tuples`` and ``summary_of``)."""
    set_language(job.language)  # the problems' messages in the app's language
    match = SimpleNamespace(table=_Rows(rows), header_index=job.header_index, headers=job.headers, layout=job.layout,
                            columns=job.columns)  # what the normaliser reads of a core.imports.detect.TableMatch
    problems = Problems()
    gen = order_parts(match, job, problems)  # type: ignore[arg-type]
    while True:
        try:
            part = next(gen)
        except StopIteration as stop:
            yield ("normalized", summary_of(stop.value, problems))
            return
        yield ("part", *part)
        del part


class _Tuples:
    """New orders and their lines as the app inserts them (core.imports.order_writer
    ``OrderWriter.add_ready``): tuples in ``job.rows``' column order, values in the engine's form,
    each order numbered in file order from 1 (the app makes the number its id), each line with its
    order's number. No dict per order or line crosses the pipe, and the app converts nothing."""

    def __init__(self, job: Job) -> None:
        shape = job.rows
        self.platform, self.fill, self.sqlite = job.platform or "other", job.fill, shape.sqlite
        self.refunds = job.refunds
        # Each tuple is its record's values with the order's number first (set in the record as
        # "_number": one tuple made per record, not a tuple of the values and then another).
        self.order_values = itemgetter("_number", *shape.order_columns)
        self.line_values = itemgetter("_number", *shape.line_columns)
        # SQLite's stored form of the date, time and boolean values, converted in the records (no
        # transposing of the part), after the line facts are taken from the order's Python values.
        self.order_kinds = [(c, value_converter(k)) for c, k in shape.order_kinds.items()] if self.sqlite else []
        self.line_kinds = [(c, value_converter(k)) for c, k in shape.line_kinds.items()] if self.sqlite else []
        self.number = 0

    def add(self, order_no: str, rec: dict, lines: list[dict], order_rows: list[tuple], line_rows: list[tuple]) -> int:
        """One new order (its record and lines, as the normaliser made them) into the part's tuples;
        returns how many of its lines have no SKU code."""
        self.number = number = self.number + 1
        ready_row(rec, order_no, self.platform, self.fill, lines)
        refunds = self.refunds
        if refunds and order_no in refunds:  # refunds imported before the orders (OrderWriter.add's rule)
            rec["refund_fen"] = refunds[order_no]
            adjust_for_refund(rec)
            rec["is_paid"], rec["pay_date"] = derive_payment(rec["status"], rec["paid_at"], rec["created_at"])
        blank = 0
        for ln in lines:
            ln.update(line_facts(rec, ln))
            if not ln["sku_code"]:
                blank += 1
            line_rows.append(_insert_tuple(ln, self.line_kinds, number, self.line_values))
        order_rows.append(_insert_tuple(rec, self.order_kinds, number, self.order_values))
        return blank


def _insert_tuple(record: dict, kinds: list, number: int, values: itemgetter) -> tuple:
    """``record``'s insert tuple: its ``kinds`` columns in the engine's stored form, its order's
    ``number`` first."""
    for column, convert in kinds:
        v = record[column]
        if v is not None:
            record[column] = convert(v)
    record["_number"] = number
    return values(record)


def ready_row(rec: dict, order_no: str, platform: str, fill: dict[str, object], lines: list[dict]) -> None:
    """What ``OrderWriter`` does to a new order's record before inserting it: the defaults of the
    columns the file does not give, the refund and payment facts, the line totals."""
    if fill:
        rec.update(fill)
    adjust_for_refund(rec)
    rec["is_paid"], rec["pay_date"] = derive_payment(rec["status"], rec["paid_at"], rec["created_at"])
    rec.update(line_totals(lines))
    rec["platform"], rec["order_no"] = platform, order_no


class _Rows:
    """The worker's sheet as the normaliser reads a table (``core.imports.read.Table.picked``)."""

    def __init__(self, rows: Iterable[list]) -> None:
        self.rows = rows

    def picked(self, spec: RowSpec) -> Iterator[tuple[int, tuple]]:
        return picked_rows(self.rows, spec)


def summary_of(counts: tuple[int, int, dict[str, int], str], problems: Problems) -> dict:
    rows_read, rows_skipped, currencies, currency_header = counts
    return {"rows_read": rows_read, "rows_skipped": rows_skipped, "currencies": currencies,
            "currency_header": currency_header, "errors": problems.errors, "warnings": problems.warnings,
            "error_count": problems.error_count, "warning_count": problems.warning_count}


def merge_problems(problems: Problems, summary: dict) -> None:
    """The worker's problems after the app's own (the order ``normalize_orders`` adds them in)."""
    for p in summary["errors"]:
        problems.error(p.row, p.column, p.message, p.sheet)
    for p in summary["warnings"]:
        problems.warning(p.row, p.column, p.message, p.sheet)
    problems.error_count += summary["error_count"] - len(summary["errors"])
    problems.warning_count += summary["warning_count"] - len(summary["warnings"])


def order_parts(match, job: Job, problems: Problems):
    """``normalize_orders`` for one one-row-per-order table (a ``TableMatch``'s fields), yielding
    parts ``(order tuples, line tuples, lines without a SKU code, last row number)`` (``_Tuples``);
    returns ``(rows_read, rows_skipped, currencies, currency header)``.

    The orders come as their rows are read, each finished at once (``normalize.RowOrders``, which
    ``normalize_orders`` uses for such a table too), and go into their tuples at once: no draft,
    no pending list and no dict of the part's orders in between."""
    layout = match.layout
    assert layout is not None and layout.grain == "order"
    kind = job.kind or "orders"
    provided_fields = set(match.columns)
    fin = Finishing(provided_fields, kind)
    reader = RowOrders(match, problems, fin)
    add = _Tuples(job).add
    skipped_before = problems.error_count
    order_rows: list[tuple] = []
    line_rows: list[tuple] = []
    blank = 0
    size = min(job.part_orders, FIRST_PART)  # the first part is small: the app starts writing sooner
    for order_no, rec, lines in reader:
        blank += add(order_no, rec, lines, order_rows, line_rows)
        if len(order_rows) >= size:
            yield order_rows, line_rows, blank, reader.last_row
            order_rows, line_rows, blank, size = [], [], 0, job.part_orders
    if order_rows:
        yield order_rows, line_rows, blank, reader.last_row
    rows_read = reader.rows_read + problems.error_count - skipped_before
    status_header = match.headers[match.columns["status"]] if "status" in match.columns else "status"
    closing_warnings(problems, fin.unknown_status, status_header, kind, fin.count, provided_fields)
    currency_header = (match.headers[match.columns["currency"]] if "currency" in match.columns else "currency") \
        if fin.currencies else ""
    return rows_read, problems.error_count - skipped_before + reader.duplicates, file_currencies(fin.currencies), \
        currency_header


def provided_columns(detection: Detection) -> set[str]:
    """The order columns the file determines (what ``OrderSet.provided`` holds for it)."""
    return _provided_columns(set(detection.matches[0].columns), detection.kind or "orders")
