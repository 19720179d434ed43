"""The one writer every Excel/CSV export goes through.

Exports carry text that came from platform files and from people (buyer names, notes, order
remarks). Spreadsheet programs execute text that looks like a formula, so nothing from the data
is ever written as a formula: in .xlsx every text cell is a string cell (risky ones also carry
Excel's "quote prefix" so that editing the cell keeps it text); in .csv a risky value gets a
leading apostrophe (OWASP "CSV injection" guidance). Characters XML cannot hold are dropped.

Files are written to a temporary file beside the target and moved into place at the end, so a
crash, a cancel or a full disk never leaves half a workbook under the owner's file name.
"""
from __future__ import annotations

import datetime as dt
import itertools
import os
import re
import unicodedata
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from copy import copy
from dataclasses import dataclass, field
from pathlib import Path

from core.errors import BadInputError, Cancelled, UserFacingError
from core.i18n import t

KINDS = ("text", "int", "money", "rate", "date", "datetime", "float")

NUMBER_FORMATS = {
    "int": "#,##0",
    "money": '"¥"#,##0.00',
    "rate": "0.0%",
    "date": "yyyy-mm-dd",
    "datetime": "yyyy-mm-dd hh:mm:ss",
    "float": "#,##0.00",
}

# A cell starting with one of these may be run as a formula by Excel, LibreOffice or WPS;
# TAB and CR/LF are in the list because some programs strip them before parsing.
_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
# Leading characters that spreadsheet programs skip before looking for a formula trigger.
_SKIPPED_LEADING = " \t\r\n\u00a0\u3000"
# XML 1.0 forbids these; openpyxl would refuse them and Excel would call the file corrupt.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")
MAX_CELL_CHARS = 32767  # Excel's limit; longer text makes Excel "repair" the file
MAX_XLSX_ROWS = 1_048_576

_PROGRESS_EVERY = 2000
_WIDTH_SAMPLE_ROWS = 200


@dataclass
class Column:
    header: str
    kind: str = "text"  # text|int|money (fen in, yuan shown)|rate (fraction)|date|datetime|float
    width: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}; expected one of {KINDS}")


@dataclass
class Sheet:
    name: str
    columns: list[Column]
    rows: Iterable[Sequence] = field(default_factory=list)
    title: str | None = None


Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


# ---------------------------------------------------------------- cleaning values


def clean_text(value: object) -> str:
    """Text as it can be stored in a workbook: XML-illegal characters dropped, Excel's length cap."""
    text = value if isinstance(value, str) else str(value)
    text = _ILLEGAL_XML.sub("", text)
    return text[:MAX_CELL_CHARS]


def _xlsx_text(value: object) -> str:
    # XML readers turn a bare CR into LF anyway; doing it here keeps what we check and what
    # Excel shows the same.
    return clean_text(value).replace("\r\n", "\n").replace("\r", "\n")


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet program could take ``text`` for a formula or command."""
    if not text:
        return False
    if text.startswith(_FORMULA_TRIGGERS):
        return True
    stripped = text.lstrip(_SKIPPED_LEADING)
    return stripped != text and stripped.startswith(_FORMULA_TRIGGERS)


def csv_safe(text: str) -> str:
    """A text value for CSV: a leading apostrophe keeps formula-like text from running."""
    text = clean_text(text)
    return "'" + text if is_formula_like(text) else text


# Text of digits only that Excel, opening a CSV, would turn into a number and so mangle: 12 or
# more digits show as 1.23457E+18 and lose every digit past the 15th (a 19-digit order number
# ends in 0000), a leading zero is dropped (0571…, 007). The field gets a trailing TAB, the
# marker Chinese e-commerce exports use: Excel and WPS then keep the cell as text, exactly.
_EXCEL_MANGLES = re.compile(r"\d{12,}|0\d+")
EXCEL_TEXT_MARK = "\t"


def csv_text(text: str) -> str:
    """A text value for CSV: formula-like text behind an apostrophe (csv_safe); a long or
    zero-led digit code (order numbers, buyer ids, SKU codes) followed by a TAB so Excel keeps it
    as text. Only digits get the TAB, so it never meets the apostrophe; a program reading the
    CSV strips it like any surrounding whitespace (ShopDesk's own import does)."""
    text = csv_safe(text)
    return text + EXCEL_TEXT_MARK if _EXCEL_MANGLES.fullmatch(text) else text


def sheet_title(name: str, taken: set[str] | None = None) -> str:
    """A valid, unique worksheet name: ≤31 characters, none of []:*?/\\, not 'History'."""
    name = _SHEET_NAME_BAD.sub("_", clean_text(name)).strip().strip("'")
    name = name[:31].strip().strip("'") or "Sheet"
    if name.lower() == "history":  # reserved by Excel
        name = "History_"
    taken = taken if taken is not None else set()
    candidate, n = name, 1
    while candidate.lower() in taken:
        n += 1
        suffix = f" ({n})"
        candidate = name[: 31 - len(suffix)] + suffix
    taken.add(candidate.lower())
    return candidate


def _to_naive(value: dt.datetime) -> dt.datetime:
    # Excel has no time zones; ShopDesk stores naive local times, so convert anything else.
    return value.astimezone().replace(tzinfo=None) if value.tzinfo is not None else value


def _number(kind: str, value: object) -> object | None:
    """The cell value for a typed column, or None when ``value`` is not of that kind."""
    if isinstance(value, bool):
        value = int(value)
    if kind == "money":
        return value / 100 if isinstance(value, (int, float)) else None
    if kind in ("int", "float", "rate"):
        return value if isinstance(value, (int, float)) else None
    if kind == "datetime":
        if isinstance(value, dt.datetime):
            return _to_naive(value)
        if isinstance(value, dt.date):
            return dt.datetime.combine(value, dt.time())
        return None
    if kind == "date":
        if isinstance(value, dt.datetime):
            return _to_naive(value).date()
        return value if isinstance(value, dt.date) else None
    return None


def _display_width(text: str) -> int:
    # CJK characters take two columns in Excel's default fonts.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _shown(kind: str, value: object) -> str:
    """Roughly how a value looks once formatted, for column widths."""
    if value is None:
        return ""
    n = _number(kind, value)
    if n is None:
        return str(value)
    if kind == "money":
        return f"¥{n:,.2f}"
    if kind == "rate":
        return f"{n * 100:.1f}%"
    if kind == "float":
        return f"{n:,.2f}"
    if kind == "int":
        return f"{n:,}"
    return str(n)


def _widths(columns: list[Column], sample: list[Sequence]) -> list[float]:
    widths = []
    for i, col in enumerate(columns):
        if col.width:
            widths.append(col.width)
            continue
        longest = _display_width(col.header) + 3  # room for the filter button
        for row in sample:
            if i < len(row):
                longest = max(longest, _display_width(_shown(col.kind, row[i])[:100]))
        widths.append(min(max(longest + 1, 8), 60))
    return widths


def _total(rows: Iterable) -> int:
    return len(rows) if isinstance(rows, Sized) else 0


# ---------------------------------------------------------------- atomic file replacement


def check_output_path(path: str | Path) -> Path:
    """The resolved ``path`` to write, or a clear error: a folder given as the file, or a folder that
    does not exist. Every file ShopDesk writes where the owner said — exports, backups, the plan PDF,
    iCalendar, templates, saved charts — goes through here, so all refuse a missing folder alike: a
    mistyped path must not leave stray folders behind, and a backup to a drive that is not plugged in
    must not land quietly in an empty folder of the same name on the computer's own disk. Nothing
    is created. (ShopDesk's own folders — its data and default backup folder — it makes itself.)"""
    path = Path(path).resolve()
    if path.is_dir():
        raise BadInputError(t("{path} is a folder. Choose a file name to write.", path=path))
    if not path.parent.is_dir():
        raise BadInputError(t("The folder {folder} does not exist. Create it or choose another folder; nothing was written.",
                              folder=path.parent))
    return path


def _atomic_write(path: str | Path, write: Callable[[Path], None]) -> Path:
    """Run ``write(tmp)`` and move ``tmp`` onto ``path``; on any failure ``path`` is untouched."""
    path = check_output_path(path)
    # Same folder, so the final move is a rename on one disk; created normally so the
    # finished file gets the usual permissions.
    tmp = path.with_name(f".{path.stem}-{uuid.uuid4().hex[:8]}{path.suffix}.part")
    try:
        write(tmp)
        os.replace(tmp, path)
    except PermissionError as exc:
        tmp.unlink(missing_ok=True)
        raise UserFacingError(
            t("Cannot replace {path}: it is open in another program (Excel or WPS?). Close it and export again.", path=path)
        ) from exc
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserFacingError(
            t("Could not write {path} ({error}). Check the disk space and try again.", path=path, error=exc.strerror or exc)
        ) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


# ---------------------------------------------------------------- xlsx


def write_xlsx(
    path: str | Path,
    sheets: list[Sheet],
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> Path:
    """Write a formatted workbook (bold frozen header, filters, number formats, widths)."""
    if not sheets:
        raise ValueError("write_xlsx needs at least one sheet")
    total = sum(_total(s.rows) for s in sheets)

    def write(tmp: Path) -> None:
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        taken: set[str] = set()
        done = 0
        for sheet in sheets:
            done = _write_sheet(wb, sheet, taken, done, total, progress, cancelled)
        wb.save(tmp)

    return _atomic_write(path, write)


def _write_sheet(wb, sheet: Sheet, taken: set[str], done: int, total: int,
                 progress: Progress | None, cancelled: CancelCheck | None) -> int:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ERROR_CODES
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(sheet_title(sheet.name, taken))
    columns = sheet.columns
    rows: Iterator[Sequence] = iter(sheet.rows)
    sample = list(itertools.islice(rows, _WIDTH_SAMPLE_ROWS))
    rows = itertools.chain(sample, rows)

    # Column widths and frozen panes belong to the sheet's head, written before any row.
    for i, width in enumerate(_widths(columns, sample), 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    header_row = 2 if sheet.title else 1
    ws.freeze_panes = f"A{header_row + 1}"

    if sheet.title:
        title = WriteOnlyCell(ws)
        _set_text(title, sheet.title)
        title.font = Font(bold=True, size=14)
        ws.append([title])
    bold = Font(bold=True)
    header = []
    for col in columns:
        cell = WriteOnlyCell(ws)
        _set_text(cell, col.header)
        cell.font = bold
        header.append(cell)
    ws.append(header)

    # One style per typed column, copied onto its cells (assigning number_format per cell is slow).
    styles = []
    for col in columns:
        proto = WriteOnlyCell(ws)
        if col.kind in NUMBER_FORMATS:
            proto.number_format = NUMBER_FORMATS[col.kind]
        styles.append(proto._style if col.kind in NUMBER_FORMATS else None)
    risky = WriteOnlyCell(ws)
    risky.quotePrefix = True
    risky_style = risky._style

    written = 0
    width = len(columns)
    for row in rows:
        if written + header_row >= MAX_XLSX_ROWS:
            raise UserFacingError(
                t("{name} has more rows than Excel can show ({limit}). Export a shorter date range.",
                  name=sheet.name, limit=MAX_XLSX_ROWS - header_row)
            )
        out: list = []
        for i, value in enumerate(row):
            if i >= width or value is None:
                out.append(None)
                continue
            kind = columns[i].kind
            n = _number(kind, value) if kind != "text" else None
            if n is not None:
                cell = WriteOnlyCell(ws, value=n)
                cell._style = copy(styles[i])
                out.append(cell)
            elif kind != "text" and isinstance(value, (int, float)) and not isinstance(value, bool):
                out.append(value)
            else:
                text = _xlsx_text(value)
                if is_formula_like(text) or text in ERROR_CODES:
                    cell = WriteOnlyCell(ws)
                    _set_text(cell, text)
                    if is_formula_like(text):
                        cell._style = copy(risky_style)
                    out.append(cell)
                else:
                    out.append(text)  # plain text: openpyxl's own string path is fastest
        ws.append(out)
        written += 1
        done += 1
        if done % _PROGRESS_EVERY == 0:
            if cancelled and cancelled():
                raise Cancelled()
            if progress:
                progress(done, total)
    last = get_column_letter(max(width, 1))
    ws.auto_filter.ref = f"A{header_row}:{last}{header_row + written}"
    if progress:
        progress(done, total)
    return done


def _set_text(cell, value: object) -> bool:
    """Store ``value`` as a plain string cell, never a formula or error; True when formula-like."""
    text = _xlsx_text(value)
    cell._value = text  # bypasses openpyxl's "starts with = means formula" inference
    cell.data_type = "s"
    return is_formula_like(text)


# ---------------------------------------------------------------- csv


CSV_SEPARATORS = (",", ";", "\t")
_NEEDS_QUOTES = re.compile('[,;\t"\r\n]')


def csv_line(fields: list[str], delimiter: str = ",") -> str:
    """One CSV record (RFC 4180, CRLF): a field holding a quote, a line break or any of the
    separators (not only the one used) is quoted."""
    return delimiter.join(
        '"' + f.replace('"', '""') + '"' if _NEEDS_QUOTES.search(f) else f for f in fields
    ) + "\r\n"


def _csv_value(kind: str, value: object) -> str:
    if value is None:
        return ""
    n = _number(kind, value) if kind != "text" else None
    if n is None:
        if kind != "text" and isinstance(value, (int, float)) and not isinstance(value, bool):
            return repr(value) if isinstance(value, float) else str(value)
        return csv_text(value if isinstance(value, str) else str(value))
    if kind == "money":
        return f"{n:.2f}"
    if kind == "rate":
        return f"{n * 100:.1f}%"
    if kind == "datetime":
        return n.strftime("%Y-%m-%d %H:%M:%S")
    if kind == "date":
        return n.isoformat()
    return str(n)


def write_csv(
    path: str | Path,
    sheet: Sheet,
    encoding: str = "utf-8-sig",
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    delimiter: str = ",",
) -> Path:
    """Write one sheet as CSV (UTF-8 with BOM by default, so Excel shows Chinese correctly).

    Money is yuan with two decimals, rates are percentages, dates ISO; the title is not
    written (it would break programs that expect the header on the first line). A value holding
    ``delimiter`` — or any other separator a spreadsheet may apply (Excel in German or French
    uses ``;``) — is quoted, so no reader splits it.
    """
    if delimiter not in CSV_SEPARATORS:
        raise ValueError(f"unsupported CSV delimiter {delimiter!r}")
    total = _total(sheet.rows)
    columns = sheet.columns

    def write(tmp: Path) -> None:
        with open(tmp, "w", encoding=encoding, errors="replace", newline="") as fh:
            fh.write(csv_line([csv_safe(c.header) for c in columns], delimiter))
            for done, row in enumerate(sheet.rows, 1):
                fh.write(csv_line([_csv_value(columns[i].kind if i < len(columns) else "text", v)
                                   for i, v in enumerate(row)], delimiter))
                if done % _PROGRESS_EVERY == 0:
                    if cancelled and cancelled():
                        raise Cancelled()
                    if progress:
                        progress(done, total)
        if progress:
            progress(total, total)

    return _atomic_write(path, write)
