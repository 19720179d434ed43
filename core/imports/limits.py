"""Guards for untrusted workbooks, run before python-calamine opens a zip workbook.

calamine keeps a sheet as one dense grid from its first to its last cell. A 10 kB file with
one cell in A1 and one in XFD1048576 asks for half a terabyte, and the allocation failure
aborts the whole process: no exception, the window just vanishes. A sheet's ``<dimension>``
element cannot be trusted to announce that (it is optional, and may lie), so every XML part
of the zip is streamed once here and the real extent of its cells measured, the way calamine
reads positions: an ``r`` attribute anywhere in the tag, single or double quotes, spaces
around ``=``, lower-case column letters, leading zeros, any namespace prefix on ``c``/``row``,
and cells or rows without ``r`` counted from the previous one. Every XML part is measured,
not only ``xl/worksheets/``: the workbook's relationships may place a sheet anywhere.

The same pass enforces:

- compression ratio and unpacked size per member (zip bombs);
- no DTD in any XML part (entity expansion, "billion laughs", external entities): the only
  ``<!`` constructs allowed are comments and CDATA;
- the decompressed bytes match the sizes the zip declares (Python checks the CRC at the end).

Speed: the bytes are scanned with C-level ``bytes.count`` and one regex search per 1 MB
chunk. A chunk in the form every exporter writes (``<c r="A1" …>``, ``<row r="1" …>``, no
prefixes, no second ``r``) is accepted when a regex finds no cell beyond the furthest column
seen so far and no row number longer than the chunk's ``<row>`` tags announce (a bound by
digits, used only while 10**digits − 1 rows at that width is still within the limits; past
that the part is measured again with exact bounds); any other chunk (the sheet's head, a
wider row, anything unusual) is measured tag by tag. Memory stays flat whatever the file claims.
"""
from __future__ import annotations

import re
import zipfile
import zlib
from functools import lru_cache
from pathlib import Path

from core.i18n import t
from core.imports import sniff

# Real exports deflate 5–30×; deflate cannot exceed ~1030×. A large member far above the real
# range is a bomb, a small one (styles, an empty sheet) may compress very well legitimately.
MAX_RATIO = 200
RATIO_APPLIES_ABOVE = 20 * 1024 * 1024
MAX_MEMBER_BYTES = 1024 * 1024 * 1024
_CHUNK = 1024 * 1024
_HUGE = 10**12  # stands for a position too long to parse: refused by any size check

# Tag by tag: any prefix, quoted values may hold ">", the body's r attributes read separately.
_TAG = re.compile(rb"""<(?:[^\s<>/!?:="']+:)?(row|c)(?=[\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>""")
_ATTR_R = re.compile(rb"""(?:^|\s)r\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_REF = re.compile(rb"([A-Za-z]+)(\d+)")
_DIGITS = re.compile(rb"\d+")

# The common form: checked with counts, then one search for a cell outside the bounds.
_ROW_REFS = re.compile(rb'<row r="(\d{1,7})"')
_LOOSE_R = (b"\tr", b"\nr", b"\rr")  # an attribute named r after a tab or line break


def _col_number(letters: bytes) -> int:
    if len(letters) > 6:
        return _HUGE
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ch - 64)
    return n


def _col_letters(n: int) -> str:
    out = ""
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def _not_above(bound: str, low: str, first_low: str) -> str:
    """Regex for strings of ``bound``'s alphabet that do not exceed ``bound`` (no leading
    ``low`` digit for numbers: Excel never writes leading zeros)."""
    high = "Z" if low == "A" else "9"
    alts = []
    if len(bound) > 1:
        alts.append(f"[{first_low}-{high}][{low}-{high}]{{0,{len(bound) - 2}}}")
    for i, ch in enumerate(bound):
        floor = first_low if i == 0 else low
        if ch > floor:
            alts.append(f"{bound[:i]}[{floor}-{chr(ord(ch) - 1)}][{low}-{high}]{{{len(bound) - i - 1}}}")
    alts.append(bound)
    return "|".join(alts)


def _outside(max_col: int, max_row: int) -> re.Pattern[bytes]:
    """Finds a cell tag not in the common form or whose position is not within ``max_col`` ×
    ``max_row`` (also ``<col``/``<cols``: such a chunk is simply measured tag by tag)."""
    return _cells_outside(max_col, _not_above(str(max_row), "0", "1"))


def _outside_digits(max_col: int, digits: int) -> re.Pattern[bytes]:
    """Like ``_outside`` with rows bounded by their number of digits: one pattern for a whole
    file instead of one per chunk (each chunk ends on a higher row), and a cheaper test per
    cell. Used only where the looser bound, 10**digits - 1 rows, is still a safe size."""
    return _cells_outside(max_col, f"[1-9][0-9]{{0,{digits - 1}}}")


@lru_cache(maxsize=64)
def _cells_outside(max_col: int, rows: str) -> re.Pattern[bytes]:
    cols = _not_above(_col_letters(max_col), "A", "A")
    return re.compile(f'<c(?! r="(?:{cols})(?:{rows})")'.encode())


def _bomb(path: Path):
    return sniff.bad_file(
        path,
        t("the workbook unpacks to far more data than a real export holds (a damaged or malicious file)."),
        t("Download the export again from the platform and import the new file."),
    )


def _declarations(path: Path):
    return sniff.bad_file(
        path,
        t("the workbook contains XML declarations no spreadsheet export uses (a damaged or malicious file)."),
        t("Download the export again from the platform and import the new file."),
    )


def check_workbook(path: Path) -> None:
    """Raise ``BadInputError`` unless the zip workbook at ``path`` is safe to hand to calamine."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            # Only Office Open XML workbooks go on to calamine. Any other zip (an OpenDocument
            # .ods, a zipped folder) would reach a reader this guard does not measure: an .ods
            # cell repeated a million times over is enough to exhaust memory.
            if "[Content_Types].xml" not in names or not any(n.lower().endswith("workbook.xml") for n in names):
                raise sniff.bad_file(
                    path,
                    t("this is not an Excel workbook (.xlsx) but another kind of zip file."),
                    t("Open it in Excel or WPS, save it as .xlsx and import that file."),
                )
            for info in zf.infolist():
                _check_member(path, zf, info)
    except zipfile.BadZipFile as exc:  # includes a CRC mismatch: the data is not what it claims
        raise sniff.damaged(path) from exc
    except (OSError, EOFError, ValueError, NotImplementedError, zipfile.LargeZipFile, zlib.error) as exc:
        raise sniff.damaged(path) from exc


class _Rescan(Exception):
    """A sheet first measured with digit-count row bounds turned out wider than those bounds
    allow for: it is measured again, exactly."""


def _check_member(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    if info.file_size > MAX_MEMBER_BYTES:
        raise _bomb(path)
    if info.file_size > RATIO_APPLIES_ABOVE and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise _bomb(path)
    try:
        _scan_member(path, zf, info, exact=False)
    except _Rescan:
        _scan_member(path, zf, info, exact=True)


def _scan_member(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo, *, exact: bool) -> None:
    name = info.filename
    scanner = _SheetExtent(exact) if name.endswith(".xml") else None
    is_xml = scanner is not None or name.endswith(".rels")
    seen = 0
    carry = b""
    with zf.open(info) as member:
        while True:
            chunk = member.read(_CHUNK)
            seen += len(chunk)
            if seen > MAX_MEMBER_BYTES:
                raise _bomb(path)
            if not is_xml:  # read through only so that sizes and CRC are verified
                if not chunk:
                    break
                continue
            data = carry + chunk
            # Up to the last "<": no tag is split between two chunks ("<" never occurs inside one).
            cut = data.rfind(b"<") if chunk else len(data)
            if cut <= 0:
                cut = len(data) if cut < 0 else 0
            part, carry = data[:cut], data[cut:]
            if len(carry) > _CHUNK:  # a single tag or text larger than a megabyte: no real sheet has that
                raise _bomb(path)
            if b"!" in part and part.count(b"<!") != part.count(b"<!--") + part.count(b"<![CDATA["):
                raise _declarations(path)
            if scanner is not None and part:
                scanner.feed(part)
                sniff.check_size(path, scanner.max_row, scanner.max_col)
                if scanner.row_bound * scanner.max_col > sniff.MAX_CELLS:
                    raise _Rescan()
            if not chunk:
                break


class _SheetExtent:
    """The furthest row and column an XML part's cells reach, as calamine will size its grid."""

    def __init__(self, exact: bool = False) -> None:
        self.max_row = 0
        self.max_col = 0
        self.exact = exact
        self.row_bound = 0  # rows are known to be at most this (digit-count bounds, see _feed_common)
        self._row = 0  # position of the last row/cell, for the ones written without r
        self._col = 0

    def feed(self, data: bytes) -> None:
        if not self._feed_common(data):
            self._feed_tags(data)

    def _feed_common(self, data: bytes) -> bool:
        """The chunk in exporters' form, all inside known bounds: measured without a tag loop.
        Rare bytes are looked for first (memchr speed), the costlier checks only when present."""
        if self.max_col == 0:
            return False
        if (b"\t" in data or b"\n" in data or b"\r" in data) and any(s in data for s in _LOOSE_R):
            return False
        if b":" in data and (b":c" in data or b":row" in data):  # a namespace prefix on a cell or row
            return False
        row_refs = _ROW_REFS.findall(data)
        if data.count(b"<row") != len(row_refs):
            return False
        # Each " r" belongs to a <c r="…"> or <row r="…">: no second r attribute, no "r =".
        if data.count(b" r") != data.count(b'<c r="') + len(row_refs):
            return False
        max_row = max(self.max_row, max(map(int, row_refs))) if row_refs else self.max_row
        if max_row == 0:
            return False
        loose = 10 ** len(str(max_row)) - 1  # every row number with as many digits
        if not self.exact and loose <= sniff.MAX_ROWS and loose * self.max_col <= sniff.MAX_CELLS:
            # Cells may lie up to ``loose`` without making the sheet too big: what is measured
            # is that the grid calamine builds stays within the limits, not its exact height.
            # Should the sheet later turn out wider, _scan_member measures it again exactly.
            if _outside_digits(self.max_col, len(str(max_row))).search(data):
                return False
            self.row_bound = max(self.row_bound, loose)
        elif _outside(self.max_col, max_row).search(data):
            return False
        self.max_row = max_row
        if row_refs:
            self._row = int(row_refs[-1])
        last = data.rfind(b'<c r="')
        if last >= 0:
            m = _REF.match(data, last + 6)
            self._col = _col_number(m.group(1)) if m else self._col
        return True

    def _feed_tags(self, data: bytes) -> None:
        for m in _TAG.finditer(data):
            name, body = m.group(1), m.group(2)
            refs = [a or b for a, b in _ATTR_R.findall(body)]
            if name == b"row":
                numbers = [_number(v) for v in refs if _DIGITS.fullmatch(v)]
                self._row = max(numbers) if numbers else self._row + 1
                self._col = 0
                self.max_row = max(self.max_row, self._row)
                continue
            positions = [(_col_number(r.group(1)), _number(r.group(2))) for r in map(_REF.fullmatch, refs) if r]
            if positions:
                self._col = max(c for c, _ in positions)
                self.max_row = max(self.max_row, max(r for _, r in positions))
            else:
                self._col += 1
                self.max_row = max(self.max_row, self._row)
            self.max_col = max(self.max_col, self._col)


def _number(digits: bytes) -> int:
    return int(digits) if len(digits) <= 12 else _HUGE
