"""Turning one matched table into parsed rows: canonical field → value, with problems.

Shared by every kind. Parsing is memoised per column because exports repeat the same
statuses, amounts and dates thousands of times; ids and times are not memoised (they are
nearly unique), and cells already in their final form (digit ids, naive datetimes from a
workbook) are taken as they are. Unmapped columns are never looked at.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from operator import itemgetter

from core.errors import Cancelled
from core.i18n import t
from core.imports import values
from core.imports.fields import FIELD_TYPES
from core.imports.headers import norm
from core.imports.results import MAX_PROBLEMS_KEPT, RowProblem
from core.row_filter import RowSpec

if TYPE_CHECKING:  # types only: the workbook reader's worker imports this without the reader (core.imports.order_parts)
    from core.imports.detect import TableMatch

PARSERS: dict[str, Callable[[object], object]] = {
    "id": values.parse_id,
    "text": values.parse_text,
    "money": values.parse_money,
    "int": values.parse_int,
    "datetime": values.parse_datetime,
    "date": values.parse_date,
    "percent": values.parse_percent,
}
_MEMO_LIMIT = 50_000
CHECK_EVERY = 2000  # rows between cancel checks
BATCH = 2000  # rows parsed together, column by column


@dataclass
class Problems:
    """Errors and warnings of one file, capped so a broken 100k-row file stays manageable."""

    errors: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)
    error_count: int = 0
    warning_count: int = 0

    def error(self, row: int, column: str, message: str, sheet: str = "") -> None:
        self.error_count += 1
        if len(self.errors) < MAX_PROBLEMS_KEPT:
            self.errors.append(RowProblem(row, column, message, "error", sheet))

    def warning(self, row: int, column: str, message: str, sheet: str = "") -> None:
        self.warning_count += 1
        if len(self.warnings) < MAX_PROBLEMS_KEPT:
            self.warnings.append(RowProblem(row, column, message, "warning", sheet))


@dataclass(slots=True)
class ParsedRow:
    row: int  # Excel row number
    sheet: str
    values: dict[str, object]  # every mapped field; None for an empty or unreadable cell


def parsed_rows(
    match: TableMatch,
    problems: Problems,
    *,
    key_field: str | None,
    sheet_label: str,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[ParsedRow]:
    """Data rows of a table below its header, parsed. Blank and repeated header rows are
    skipped silently; a row whose ``key_field`` is missing or damaged is reported as an
    error and not yielded.

    Rows are parsed a batch at a time, column by column: only the mapped columns are taken
    out of each row, each column's distinct values are parsed once, and problems are
    reported row by row as the rows are yielded (the order a row-by-row parse gives).
    """
    fallbacks = match.layout.resolve_all(match.headers) if match.layout else {}
    specs = [_Column(key, col, tuple(c for c in fallbacks.get(key, ()) if c != col), match.headers)
             for key, col in match.columns.items()]
    needed = tuple(sorted({c for s in specs for c in (s.col, *s.others)}))
    slot = {c: i for i, c in enumerate(needed)}
    known = match.layout.known_headers if match.layout else frozenset()
    header_keys = frozenset({norm(h) for h in match.headers if h} | set(known))
    row_spec = RowSpec(match.header_index, needed, header_keys, max(2, len(match.columns)),
                       min(match.columns.values()) if match.columns else 0)
    key_col = match.columns.get(key_field) if key_field else None
    key_header = match.headers[key_col] if key_col is not None and key_col < len(match.headers) else ""
    key_index = next((n for n, s in enumerate(specs) if s.key == key_field), None)
    batch: list[tuple] = []
    rownums: list[int] = []
    next_check = CHECK_EVERY
    # Only the mapped cells of the data rows come here (for a workbook they are picked in the
    # reader's worker process: a third of the cells cross the process boundary).
    for i, cells in match.table.picked(row_spec):
        if i >= next_check:
            next_check = i + CHECK_EVERY
            if cancelled is not None and cancelled():
                raise Cancelled()
            if progress is not None:
                progress(i)
        batch.append(cells)
        rownums.append(i + 1)
        if len(batch) >= BATCH:
            yield from _emit(batch, rownums, specs, slot, key_index, key_header, key_field, problems, sheet_label)
            batch, rownums = [], []
    if batch:
        yield from _emit(batch, rownums, specs, slot, key_index, key_header, key_field, problems, sheet_label)
    for spec in specs:
        if spec.nul:
            problems.warning(0, spec.header, t("{count} value(s) held invisible NUL characters; (it was|they were) removed",
                                                count=spec.nul), sheet_label)


class _Column:
    """One mapped column: its parser, the memo of values already parsed, fallback columns."""

    __slots__ = ("key", "col", "others", "header", "headers", "parse", "memo", "bad", "kind", "_failed", "nul")

    def __init__(self, key: str, col: int, others: tuple[int, ...], headers: list[str]) -> None:
        self.key, self.col, self.others, self.headers = key, col, others, headers
        self.header = headers[col] if col < len(headers) else key
        self.kind = FIELD_TYPES.get(key, "text")
        self.parse = PARSERS[self.kind]
        # ids and times are nearly unique per row: a memo would only cost time and memory
        self.memo: dict | None = None if self.kind in ("id", "datetime") else {}
        self.bad: set = set()  # raw values whose parse failed (memoised columns)
        self.nul = 0  # ids that held NUL characters (removed)

    def values(self, batch: list[tuple], slot: dict[int, int]) -> tuple[list, dict[int, str] | None, bool]:
        """(parsed values, header per row where a fallback column gave the value, any failure)."""
        raw = list(map(itemgetter(slot[self.col]), batch))
        headers: dict[int, str] | None = None
        if self.others:
            blanks = [j for j, a in enumerate(raw) if a is None or (a.__class__ is str and (a == "" or a.isspace()))]
            if blanks:
                headers = {}
                for j in blanks:
                    row = batch[j]
                    for other in self.others:
                        alt = row[slot[other]]
                        if alt is not None and alt != "" and not (alt.__class__ is str and alt.isspace()):
                            raw[j] = alt
                            headers[j] = self.headers[other]
                            break
        memo = self.memo
        if memo is None:
            return self._each(raw), headers, bool(self._failed)
        distinct = set(raw)
        fresh = {v: _parse(self.parse, v) for v in distinct.difference(memo)}
        if len(fresh) * 2 > len(raw) >= BATCH // 2:
            # Mostly new values (amounts, addresses, phones): the memo costs more than it saves;
            # the next batches are parsed value by value (the same results).
            self.memo = None
            self._failed = [v for v, p in fresh.items() if p.__class__ is _Failure]
            memo = {**fresh, **{v: memo[v] for v in distinct.intersection(memo)}} if memo else fresh
            return list(map(memo.__getitem__, raw)), headers, bool(self.bad) and not self.bad.isdisjoint(distinct) \
                or bool(self._failed)
        if fresh:
            self.bad.update(v for v, p in fresh.items() if p.__class__ is _Failure)
            if len(memo) + len(fresh) <= _MEMO_LIMIT:
                memo.update(fresh)
            else:
                fresh.update((v, memo[v]) for v in distinct.intersection(memo))
                memo = fresh
        return list(map(memo.__getitem__, raw)), headers, bool(self.bad) and not self.bad.isdisjoint(distinct)

    def _each(self, raw: list) -> list:
        self._failed = failed = []
        parse = self.parse

        def one(v):
            if v is None or v == "":
                return None
            try:
                return parse(v)
            except (ValueError, OverflowError, ArithmeticError) as exc:
                failed.append(v)
                return _Failure(_message(exc, v))

        if self.kind == "datetime":
            cls = dt.datetime
            return [v if v.__class__ is cls and v.tzinfo is None else one(v) for v in raw]
        if self.kind == "money":
            # A workbook's amounts are floats: those with at most two decimals are exact fen at once
            # (values.parse_money's own first test, without a call per cell); the rest go the full way.
            cap = values.MAX_AMOUNT
            return [fen if v.__class__ is float and -cap < v < cap and (fen := round(v * 100)) / 100 == v
                    else one(v) for v in raw]
        if self.kind == "id":
            if any(v.__class__ is str and "\x00" in v for v in raw):
                # NUL characters (a damaged or UTF-16 file read as 8-bit) would make "12\x003" a new
                # order on every re-import: removed, and said once per column.
                self.nul += sum(1 for v in raw if v.__class__ is str and "\x00" in v)
                raw = [v.replace("\x00", "") if v.__class__ is str else v for v in raw]
            return [v if v.__class__ is str and v.isdigit() else one(v) for v in raw]
        return list(map(one, raw))


def _emit(batch, rownums, specs, slot, key_index, key_header, key_field, problems, sheet_label) -> Iterator[ParsedRow]:
    columns, fallback_headers, failing = [], [], False
    for spec in specs:
        values, headers, failed = spec.values(batch, slot)
        columns.append(values)
        fallback_headers.append(headers)
        failing = failing or failed
    keys = [s.key for s in specs]
    for j, vals in enumerate(zip(*columns)):
        rownum = rownums[j]
        if failing and any(v.__class__ is _Failure for v in vals):
            out: dict[str, object] | None = _report(rownum, vals, j, specs, fallback_headers, key_field, problems, sheet_label)
            if out is None:
                continue
        else:
            out = dict(zip(keys, vals))
        if key_field is not None and (vals[key_index] if key_index is not None else None) is None:
            problems.error(rownum, key_header, t("The row has no {column}; it was skipped", column=key_header or key_field), sheet_label)
            continue
        yield ParsedRow(rownum, sheet_label, out)


def _report(rownum, vals, j, specs, fallback_headers, key_field, problems, sheet_label) -> dict | None:
    """A row with unparseable cells: a warning per cell (left empty), or an error and None
    when the key cell is the damaged one."""
    out: dict[str, object] = {}
    bad_key = False
    for spec, value, headers in zip(specs, vals, fallback_headers):
        if value.__class__ is _Failure:
            header = headers.get(j, spec.header) if headers else spec.header
            if spec.key == key_field or spec.kind in ("money", "int"):
                # An amount or count that cannot be read skips its row: a sum without it would be wrong.
                problems.error(rownum, header, t("{problem}; the row was skipped", problem=value.message), sheet_label)
                bad_key = True
            else:
                problems.warning(rownum, header, t("{problem}; the cell was left empty", problem=value.message), sheet_label)
            value = None
        out[spec.key] = value
    return None if bad_key else out


class _Failure:
    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message


def _parse(parse: Callable[[object], object], raw: object) -> object:
    try:
        return parse(raw)
    except (ValueError, OverflowError, ArithmeticError) as exc:
        return _Failure(_message(exc, raw))


def _message(exc: Exception, raw: object) -> str:
    """The parsers' own messages are for the owner; anything else (an internal ``decimal.Overflow``
    or ``timedelta`` text) becomes a plain one quoting the cell."""
    if exc.__class__ is ValueError and getattr(exc, "args", None) and isinstance(exc.args[0], str) \
            and str(raw)[:40] in exc.args[0]:
        return exc.args[0]
    return t("“{value}” cannot be read here", value=str(raw)[:80])
