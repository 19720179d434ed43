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
from core.row_filter import RowSpec, picked_rows

HEAD_ROWS = 20  # the header is looked for in the first 20 rows (§0.5)
# No export writes a line (or a cell) of a megabyte. Text files are parsed in the app's own
# process, so these bounds are what keep a hostile one from taking gigabytes: a 50 MB line of
# short fields is 17 million strings before a row could be refused for its width.
MAX_LINE_CHARS = 1024 * 1024
csv.field_size_limit(MAX_LINE_CHARS)
# A table saved as .xls (HTML) is parsed whole; a real one of 100,000 orders has ~4 million cells.
MAX_HTML_CELLS = 10_000_000


@dataclass
class Table:
    name: str
    head: list[list]
    estimated_rows: int
    _open: Callable[[], Iterator[list]] = field(repr=False)
    # The workbook reader picks the cells in its worker process (see ``picked``).
    _pick: Callable[[RowSpec], Iterator[tuple[int, tuple]]] | None = field(default=None, repr=False)
    # A workbook's sheet can also be normalised in the worker (core.imports.order_parts; None: not here).
    normalized: Callable[[object], Iterator[tuple]] | None = field(default=None, repr=False)

    def rows(self) -> Iterator[list]:
        return self._open()

    def picked(self, spec: RowSpec) -> Iterator[tuple[int, tuple]]:
        """``(row index, the cells of spec.needed)`` of the data rows (core.row_filter)."""
        if self._pick is not None:
            return self._pick(spec)
        return picked_rows(self._open(), spec)


@dataclass
class FileData:
    path: Path
    file_type: str  # xlsx|xls|html|csv
    encoding: str
    tables: list[Table]

    @property
    def sheets(self) -> list[str]:
        return [tb.name for tb in self.tables]


def read_file(path: Path, cancelled: Callable[[], bool] | None = None) -> FileData:
    """The file's tables. ``cancelled`` is polled while a worker parses a workbook."""
    path = Path(path)
    try:
        return _read_file(path, cancelled)
    except OSError as exc:
        # Permission denied, or a file Excel holds locked on Windows: a message for this file, never
        # a traceback that also stops the files after it (core.cli.import_cmd goes on with them).
        raise sniff.unreadable(path, exc) from exc


def _read_file(path: Path, cancelled: Callable[[], bool] | None) -> FileData:
    kind = sniff.sniff_type(path)
    if kind == "xlsx":
        from core.imports.limits import check_workbook

        check_workbook(path)  # the zip's directory only; the sheets' XML is the worker's to face
    if kind in ("xlsx", "xls"):
        return FileData(path, kind, "", _read_workbook(path, cancelled))
    if kind == "csv":
        _check_line_lengths_on_disk(path)  # before the whole file is in memory, twice (bytes and text)
    data = path.read_bytes()
    text, encoding = sniff.decode_text(path, data)
    del data
    if kind == "html":
        return FileData(path, "html", encoding, _read_html(path, text))
    return FileData(path, "csv", encoding, [_csv_table(path, text)])


# ---------------------------------------------------------------- workbooks


def _read_workbook(path: Path, cancelled: Callable[[], bool] | None = None) -> list[Table]:
    """Sheets read by python-calamine in a worker process (core.imports.workbook_worker): a
    workbook that makes calamine panic or abort ends the worker, never the app."""
    from core.imports.workbook_worker import WorkbookReader, WorkerFailed

    try:
        reader = WorkbookReader(path, max_rows=sniff.MAX_ROWS, max_columns=sniff.MAX_COLUMNS,
                                max_cells=sniff.MAX_CELLS, cancelled=cancelled)
    except WorkerFailed as exc:
        raise _refusal(path, exc) from None
    return [_sheet_table(path, reader, i, name, head, rows) for i, (name, head, rows, _cols) in enumerate(reader.sheets)]


def _refusal(path: Path, exc) -> Exception:
    if exc.kind == "password":
        return sniff.password_protected(path)
    if exc.kind.startswith("size:"):
        rows, cols = (int(n) for n in exc.kind[5:].split("x"))
        sniff.check_size(path, rows, cols)  # raises with the sheet's size named
    if exc.kind == "failed":
        return RuntimeError(f"the workbook reader's normaliser failed: {exc.detail}")
    if exc.kind == "cancelled":
        from core.errors import Cancelled

        return Cancelled()
    if exc.kind == "damaged" and exc.detail and not exc.detail.startswith(("exit code", "no answer")):
        return sniff.damaged(path)  # calamine said what is wrong: an ordinary damaged file
    return sniff.bad_file(
        path, t("the workbook is damaged or too large to read safely."),
        t("Open it in Excel, save it again as .xlsx (or export it again from the platform) and import the new file."),
    )


def _sheet_table(path: Path, reader, index: int, name: str, head: list[list], rows: int) -> Table:
    from core.imports.workbook_worker import WorkerFailed

    def open_rows() -> Iterator[list]:
        try:
            yield from reader.rows(index)
        except WorkerFailed as exc:
            raise _refusal(path, exc) from None

    def pick(spec: RowSpec) -> Iterator[tuple[int, tuple]]:
        try:
            yield from reader.rows(index, spec)
        except WorkerFailed as exc:
            raise _refusal(path, exc) from None

    def normalized(job) -> Iterator[tuple]:
        try:
            stream = reader.normalized(index, job)
        except (WorkerFailed, OSError, ValueError) as exc:
            raise _refusal(path, exc if isinstance(exc, WorkerFailed) else WorkerFailed("damaged", "")) from None
        return _refused_as_file(path, stream)

    return Table(name, head, rows, open_rows, pick, normalized)


def _refused_as_file(path: Path, stream: Iterator[tuple]) -> Iterator[tuple]:
    from core.imports.workbook_worker import WorkerFailed

    try:
        yield from stream
    except WorkerFailed as exc:
        raise _refusal(path, exc) from None
    finally:
        stream.close()  # type: ignore[attr-defined]


# ---------------------------------------------------------------- CSV and other text


def _long_line(path: Path) -> Exception:
    return sniff.bad_file(
        path, t("a line of the file is longer than {mb} MB, which no export writes.", mb=MAX_LINE_CHARS // (1024 * 1024)),
        t("Export it again from the platform; if it is a file you edited, save it from Excel as .xlsx."),
    )


def _check_line_lengths_on_disk(path: Path) -> None:
    """Refuse a text file with a line of 8 MB or more from its bytes, a block at a time: the app's
    process then never holds such a file (a 90 MB one-line CSV took 150 MB here, as bytes and as
    text, for inspecting it and as much again for importing it: the fuzz test's main process grew
    with it, where the workbooks' worker keeps it small). A line of 8 MB holds at least 2 million
    characters in any encoding ShopDesk reads (≤ 4 bytes each), which ``_check_line_lengths``
    refuses too, so this refuses nothing that check would let through; shorter lines are left to it.
    A byte 0x0A inside a UTF-16 character only makes this look shorter (never a wrong refusal)."""
    block = 8 * MAX_LINE_CHARS
    with open(path, "rb") as fh:
        carried = 0  # bytes since the last line break, from the blocks before
        while chunk := fh.read(block):
            last = max(chunk.rfind(b"\n"), chunk.rfind(b"\r"))
            if last < 0:
                carried += len(chunk)
            else:
                first = min(i for i in (chunk.find(b"\n"), chunk.find(b"\r")) if i >= 0)
                if carried + first >= block:
                    raise _long_line(path)
                carried = len(chunk) - last - 1
            if carried >= block:
                raise _long_line(path)


def _check_line_lengths(path: Path, text: str) -> None:
    """Refuse a text with a line of over two blocks (2 MB): any such line covers a whole aligned
    block without a line break, and each block is searched in C without copying it."""
    block = MAX_LINE_CHARS
    for start in range(0, len(text) - block + 1, block):
        if text.find("\n", start, start + block) < 0 and text.find("\r", start, start + block) < 0:
            raise _long_line(path)


def _csv_table(path: Path, text: str) -> Table:
    _check_line_lengths(path, text)
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
    def __init__(self, path: Path) -> None:
        super().__init__(convert_charrefs=True)
        self._path = path
        self._cells = 0  # every cell kept so far, spans included: the parse stops at the bound
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
            span = getattr(self, "_span", 1)
            self._cells += span
            if self._cells > MAX_HTML_CELLS or len(self._row) + span > sniff.MAX_COLUMNS:
                sniff.check_size(self._path, len(self._stack[-1]) + 1 if self._stack else 1, len(self._row) + span)
                raise sniff.bad_file(
                    self._path, t("the web page holds more than {cells} table cells, more than any export.",
                                  cells=f"{MAX_HTML_CELLS:,}"),
                    t("Export a shorter date range and import the parts one by one."),
                )
            self._row.append(value)
            self._row.extend([""] * (span - 1))
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
    parser = _TableParser(path)
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
