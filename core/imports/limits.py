"""Guards for untrusted workbooks, run before python-calamine opens a zip workbook.

calamine keeps a sheet as one dense grid from its first to its last cell. A 10 kB file with
one cell in A1 and one in XFD1048576 asks for half a terabyte, and the allocation failure
aborts the whole process: no exception, the window just vanishes. A sheet's ``<dimension>``
element cannot be trusted to announce that (it is optional), so the sheet XML is streamed
once here and its real extent measured. The same pass enforces:

- compression ratio and unpacked size per member (zip bombs);
- no DTD in any XML part (entity expansion, "billion laughs", external entities);
- the decompressed bytes match the sizes the zip declares (Python checks the CRC at the end).

Everything is streamed in 1 MB chunks: memory stays flat whatever the file claims.
"""
from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

from core.i18n import t
from core.imports import sniff

# Real exports deflate 5–30×; deflate cannot exceed ~1030×. A large member far above the real
# range is a bomb, a small one (styles, an empty sheet) may compress very well legitimately.
MAX_RATIO = 200
RATIO_APPLIES_ABOVE = 20 * 1024 * 1024
MAX_MEMBER_BYTES = 1024 * 1024 * 1024
_CHUNK = 1024 * 1024

_TOKEN = re.compile(rb"<row\b([^>]*)>|<c\b([^>]*?)/?>|</row>")
_R_CELL = re.compile(rb'\br="([A-Z]{1,4})(\d{1,8})"')
_R_ROW = re.compile(rb'\br="(\d{1,8})"')
_FAST_CELL = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,4})(\d{1,8})"')
_FAST_ROW = re.compile(rb'<row\b[^>]*?\br="(\d{1,8})"')
_DTD = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def _col_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n


def _bomb(path: Path):
    return sniff.bad_file(
        path,
        t("the workbook unpacks to far more data than a real export holds (a damaged or malicious file)."),
        t("Download the export again from the platform and import the new file."),
    )


def check_workbook(path: Path) -> None:
    """Raise ``BadInputError`` unless the zip workbook at ``path`` is safe to hand to calamine."""
    try:
        with zipfile.ZipFile(path) as zf:
            for info in zf.infolist():
                _check_member(path, zf, info)
    except zipfile.BadZipFile as exc:  # includes a CRC mismatch: the data is not what it claims
        raise sniff.damaged(path) from exc
    except (OSError, EOFError, ValueError, NotImplementedError, zipfile.LargeZipFile, zlib.error) as exc:
        raise sniff.damaged(path) from exc


def _check_member(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    if info.file_size > MAX_MEMBER_BYTES:
        raise _bomb(path)
    if info.file_size > RATIO_APPLIES_ABOVE and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise _bomb(path)
    name = info.filename
    is_xml = name.endswith((".xml", ".rels"))
    is_sheet = name.startswith("xl/worksheets/") and name.endswith(".xml")
    if not is_xml:
        return
    scanner = _SheetExtent() if is_sheet else None
    seen = 0
    carry = b""
    with zf.open(info) as member:
        first = True
        while True:
            chunk = member.read(_CHUNK)
            if not chunk:
                break
            seen += len(chunk)
            if seen > MAX_MEMBER_BYTES:
                raise _bomb(path)
            if first and _DTD.search(chunk[:4096]):
                raise sniff.bad_file(
                    path,
                    t("the workbook contains XML declarations no spreadsheet export uses (a damaged or malicious file)."),
                    t("Download the export again from the platform and import the new file."),
                )
            first = False
            if scanner is None:  # read through only so that sizes and CRC are verified
                continue
            data = carry + chunk
            cut = data.rfind(b">") + 1
            scanner.feed(data[:cut])
            carry = data[cut:]
            if len(carry) > _CHUNK:  # a single tag larger than a megabyte: no real sheet has that
                raise _bomb(path)
            sniff.check_size(path, scanner.max_row, scanner.max_col)
    if scanner is not None:
        sniff.check_size(path, scanner.max_row, scanner.max_col)


class _SheetExtent:
    """The furthest row and column a sheet XML touches, as calamine will size its grid."""

    def __init__(self) -> None:
        self.max_row = 0
        self.max_col = 0
        self._row = 0
        self._col = 0

    def feed(self, data: bytes) -> None:
        refs = _FAST_CELL.findall(data)
        cells = data.count(b"<c ") + data.count(b"<c>") + data.count(b"<c/>")
        if len(refs) == cells:
            # Every cell names its position (what every exporter writes): C-speed scan.
            if refs:
                letters = max(set(refs[i][0] for i in range(len(refs))), key=lambda s: (len(s), s))
                self.max_col = max(self.max_col, _col_number(letters))
                self.max_row = max(self.max_row, max(map(int, {r[1] for r in refs})))
                self._col = _col_number(refs[-1][0])
            rows = _FAST_ROW.findall(data)
            if rows:
                self._row = int(rows[-1])
                self.max_row = max(self.max_row, max(map(int, rows)))
            return
        self._feed_slow(data)

    def _feed_slow(self, data: bytes) -> None:
        for m in _TOKEN.finditer(data):
            row_attrs, cell_attrs = m.group(1), m.group(2)
            if row_attrs is not None:
                r = _R_ROW.search(row_attrs)
                self._row = int(r.group(1)) if r else self._row + 1
                self._col = 0
                self.max_row = max(self.max_row, self._row)
            elif cell_attrs is not None:
                r = _R_CELL.search(cell_attrs)
                if r:
                    self._col = _col_number(r.group(1))
                    self.max_row = max(self.max_row, int(r.group(2)))
                else:
                    self._col += 1
                self.max_col = max(self.max_col, self._col)
