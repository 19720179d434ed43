"""Turning one matched table into parsed rows: canonical field → value, with problems.

Shared by every kind. Parsing is memoised per column because exports repeat the same
statuses, amounts and dates thousands of times; ids are not memoised (they are unique).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from core.errors import Cancelled
from core.i18n import t
from core.imports import values
from core.imports.detect import TableMatch
from core.imports.fields import FIELD_TYPES
from core.imports.headers import norm
from core.imports.results import MAX_PROBLEMS_KEPT, RowProblem

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
_MISSING = object()
CHECK_EVERY = 2000  # rows between cancel checks


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


@dataclass
class ParsedRow:
    row: int  # Excel row number
    sheet: str
    values: dict[str, object]


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
    error and not yielded."""
    specs = []
    fallbacks = match.layout.resolve_all(match.headers) if match.layout else {}
    for key, col in match.columns.items():
        kind = FIELD_TYPES.get(key, "text")
        # ids and times are nearly unique per row: a memo would only cost time and memory
        memo: dict | None = None if kind in ("id", "datetime") else {}
        others = tuple(c for c in fallbacks.get(key, ()) if c != col)
        specs.append((key, col, others, PARSERS[kind], memo, match.headers[col] if col < len(match.headers) else key))
    known = match.layout.known_headers if match.layout else frozenset()
    header_keys = {norm(h) for h in match.headers if h} | set(known)
    enough = max(2, len(match.columns))
    probe = min(match.columns.values()) if match.columns else 0
    key_col = match.columns.get(key_field) if key_field else None
    key_header = match.headers[key_col] if key_col is not None and key_col < len(match.headers) else ""
    start = match.header_index
    for i, row in enumerate(match.table.rows()):
        if i <= start:
            continue
        if i % CHECK_EVERY == 0:
            if cancelled is not None and cancelled():
                raise Cancelled()
            if progress is not None:
                progress(i)
        n = len(row)
        if not any(c is not None and c != "" and (not isinstance(c, str) or c.strip()) for c in row):
            continue
        if probe < n and isinstance(row[probe], str) and norm(row[probe]) in header_keys:
            if _repeats_header(row, header_keys, enough):
                continue
        rownum = i + 1
        out: dict[str, object] = {}
        bad_key = False
        for key, col, others, parse, memo, header in specs:
            raw = row[col] if col < n else None
            if others and (raw is None or raw == "" or (raw.__class__ is str and not raw.strip())):
                for other in others:
                    alt = row[other] if other < n else None
                    if alt is not None and alt != "" and not (alt.__class__ is str and not alt.strip()):
                        raw, header = alt, match.headers[other]
                        break
            if raw is None or raw == "":
                continue
            if memo is not None:
                value = memo.get(raw, _MISSING)
                if value is _MISSING:
                    value = _parse(parse, raw)
                    if len(memo) < _MEMO_LIMIT:
                        memo[raw] = value
            else:
                try:
                    value = parse(raw)
                except (ValueError, OverflowError, ArithmeticError) as exc:
                    value = _Failure(str(exc))
            if value is None:
                continue
            if value.__class__ is _Failure:
                if key == key_field:
                    problems.error(rownum, header, value.message, sheet_label)  # type: ignore[attr-defined]
                    bad_key = True
                else:
                    problems.warning(
                        rownum, header, t("{problem}; the cell was left empty", problem=value.message), sheet_label  # type: ignore[attr-defined]
                    )
                continue
            out[key] = value
        if bad_key:
            continue
        if key_field is not None and out.get(key_field) is None:
            problems.error(rownum, key_header, t("The row has no {column}; it was skipped", column=key_header or key_field), sheet_label)
            continue
        yield ParsedRow(rownum, sheet_label, out)


class _Failure:
    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message


def _parse(parse: Callable[[object], object], raw: object) -> object:
    try:
        return parse(raw)
    except (ValueError, OverflowError, ArithmeticError) as exc:
        return _Failure(str(exc))


def _repeats_header(row: list, header_keys: set[str], enough: int) -> bool:
    cells = {norm(c) for c in row if isinstance(c, str) and c.strip()}
    return len(cells & header_keys) >= max(2, min(len(cells) // 2, enough))
