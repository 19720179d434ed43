"""Rows out of any export: workbooks through python-calamine, CSV through ``csv``, HTML tables.

A file becomes a list of ``Table`` (one per sheet or HTML table). Rows are streamed, not
materialised: a 100,000-row export is read once, in the reader's compact form, and each row
becomes Python objects only while it is being normalised. Row ``i`` of ``Table.rows()``
(0-based) is Excel row ``i + 1``.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from core.i18n import t
from core.imports import sniff

HEAD_ROWS = 20  # the header is looked for in the first 20 rows (§0.5)
csv.field_size_limit(16 * 1024 * 1024)


@dataclass
class Table:
    name: str
    head: list[list]
    estimated_rows: int
    _open: Callable[[], Iterator[list]] = field(repr=False)

    def rows(self) -> Iterator[list]:
        return self._open()


@dataclass
class FileData:
    path: Path
    file_type: str  # xlsx|xls|html|csv
    encoding: str
    tables: list[Table]

    @property
    def sheets(self) -> list[str]:
        return [tb.name for tb in self.tables]


def read_file(path: Path) -> FileData:
    path = Path(path)
    try:
        return _read_file(path)
    except OSError as exc:
        # Permission denied, or a file Excel holds locked on Windows: a message for this file, never
        # a traceback that also stops the files after it (core.cli.import_cmd goes on with them).
        raise sniff.unreadable(path, exc) from exc


def _read_file(path: Path) -> FileData:
    kind = sniff.sniff_type(path)
    if kind == "xlsx":
        from core.imports.limits import check_workbook

        check_workbook(path)  # calamine aborts the process on a hostile sheet; refuse it first
    if kind in ("xlsx", "xls"):
        return FileData(path, kind, "", _read_workbook(path))
    data = path.read_bytes()
    text, encoding = sniff.decode_text(path, data)
    del data
    if kind == "html":
        return FileData(path, "html", encoding, _read_html(path, text))
    return FileData(path, "csv", encoding, [_csv_table(path, text)])


# ---------------------------------------------------------------- workbooks


def _read_workbook(path: Path) -> list[Table]:
    import python_calamine as pc

    try:
        book = pc.CalamineWorkbook.from_path(str(path))
        tables = []
        for meta in book.sheets_metadata:
            if str(meta.typ) not in ("SheetTypeEnum.WorkSheet", "WorkSheet"):
                continue
            sheet = book.get_sheet_by_name(meta.name)
            sniff.check_size(path, sheet.total_height, sheet.total_width)
            tables.append(_sheet_table(path, sheet))
        return tables
    except pc.PasswordError as exc:
        raise sniff.password_protected(path) from exc
    except (pc.CalamineError, pc.ZipError, pc.XmlError, pc.WorksheetNotFound, ValueError, OSError) as exc:
        raise _unreadable_workbook(path, exc) from exc
    except Exception as exc:  # calamine raises a few more types for broken BIFF; none is a bug here
        if type(exc).__module__.startswith("python_calamine"):
            raise _unreadable_workbook(path, exc) from exc
        raise


def _unreadable_workbook(path: Path, exc: Exception):
    if "password" in str(exc).lower() or "encrypt" in str(exc).lower():
        return sniff.password_protected(path)
    return sniff.damaged(path)


def _sheet_table(path: Path, sheet) -> Table:
    head: list[list] = []
    for i, row in enumerate(sheet.iter_rows()):
        if i >= HEAD_ROWS:
            break
        head.append(row)

    def open_rows() -> Iterator[list]:
        return iter(sheet.iter_rows())

    return Table(sheet.name, head, sheet.total_height, open_rows)


# ---------------------------------------------------------------- CSV and other text


def _csv_table(path: Path, text: str) -> Table:
    delimiter = sniff.sniff_delimiter(text)
    estimated = text.count("\n") + 1
    sniff.check_size(path, estimated, 1)

    def open_rows() -> Iterator[list]:
        return _guarded_csv(path, text, delimiter)

    head = []
    for i, row in enumerate(open_rows()):
        if i >= HEAD_ROWS:
            break
        head.append(row)
    return Table("", head, estimated, open_rows)


def _guarded_csv(path: Path, text: str, delimiter: str) -> Iterator[list]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for row in reader:
            if len(row) > sniff.MAX_COLUMNS:
                sniff.check_size(path, reader.line_num, len(row))
            yield row
    except csv.Error as exc:
        raise sniff.bad_file(
            path,
            t("the text is not a readable table near line {line} ({error}).", line=reader.line_num, error=exc),
            t("Save it from Excel as .xlsx or as CSV UTF-8 and import it again."),
        ) from exc


# ---------------------------------------------------------------- HTML tables saved as .xls


class _TableParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self._stack: list[list[list[str]]] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "table":
            self._stack.append([])
        elif tag == "tr" and self._stack:
            self._finish_row()
            self._row = []
        elif tag in ("td", "th") and self._stack:
            self._finish_cell()
            if self._row is None:
                self._row = []
            self._cell = []
            span = dict(attrs).get("colspan")
            self._span = int(span) if span and span.isdigit() and 1 < int(span) < 100 else 1
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._finish_cell()
        elif tag == "tr":
            self._finish_row()
        elif tag == "table" and self._stack:
            self._finish_row()
            self.tables.append(self._stack.pop())

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def _finish_cell(self) -> None:
        if self._cell is not None and self._row is not None:
            value = "".join(self._cell).strip()
            self._row.append(value)
            self._row.extend([""] * (getattr(self, "_span", 1) - 1))
        self._cell = None

    def _finish_row(self) -> None:
        self._finish_cell()
        if self._row is not None and self._stack:
            self._stack[-1].append(self._row)
        self._row = None

    def close(self) -> None:
        super().close()
        while self._stack:  # unclosed tables in truncated files still give their rows
            self._finish_row()
            self.tables.append(self._stack.pop())


def _read_html(path: Path, text: str) -> list[Table]:
    parser = _TableParser()
    parser.feed(text)
    parser.close()
    tables = []
    for n, rows in enumerate(parser.tables, start=1):
        if not rows:
            continue
        sniff.check_size(path, len(rows), max(len(r) for r in rows))
        tables.append(_list_table(t("Table {n}", n=n) if len(parser.tables) > 1 else "", rows))
    if not tables:
        raise sniff.bad_file(
            path,
            t("the file is a web page without a table."),
            t("Export the data from the platform again as Excel or CSV."),
        )
    return tables


def _list_table(name: str, rows: list[list]) -> Table:
    return Table(name, rows[:HEAD_ROWS], len(rows), lambda: iter(rows))
