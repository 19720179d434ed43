"""What a file really is, from its bytes: workbook, legacy .xls, HTML table or text (§0.1–0.3).

Platforms name HTML tables ``.xls`` and write CSVs in GBK or UTF-16, so the extension is
never trusted. Untrusted workbooks are also checked against size limits here, before any
reader allocates memory for them.
"""
from __future__ import annotations

import codecs
import csv
import re
import zipfile
import zlib
from pathlib import Path

from core.errors import BadInputError
from core.i18n import t

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_UNZIPPED_BYTES = 2 * 1024 * 1024 * 1024  # a zip bomb expands far beyond any real export
MAX_ROWS = 1_048_576  # Excel's own limit
MAX_COLUMNS = 2_000
MAX_CELLS = 60_000_000

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_HTML = re.compile(rb"<\s*(html|table|!doctype\s+html|meta|head|body|\?xml)", re.IGNORECASE)
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


def bad_file(path: Path, problem: str, action: str) -> BadInputError:
    """The one shape of every unreadable-file message: file, what is wrong, what to do."""
    return BadInputError(
        t("{file}: {problem} {action} Nothing was imported.", file=path.name, problem=problem, action=action)
    )


def unreadable(path: Path, exc: OSError) -> BadInputError:
    """A file the system will not let ShopDesk read (no permission, locked by another program)."""
    return bad_file(
        path, t("the file cannot be read ({error}).", error=exc.strerror or type(exc).__name__),
        t("Close it in Excel or any other program that has it open, check that your account may read it, and import it again."),
    )


def sniff_type(path: Path) -> str:
    """``xlsx`` (any zip workbook), ``xls`` (OLE2/BIFF), ``html`` or ``csv``; raises for the rest."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise bad_file(path, t("the file cannot be opened ({error}).", error=exc.strerror or type(exc).__name__),
                       t("Check that it exists and is not open in another program.")) from exc
    if path.is_dir():
        raise bad_file(path, t("this is a folder, not a file."), t("Choose the exported file itself."))
    if size == 0:
        raise bad_file(path, t("the file is empty."), t("Export it again from the platform."))
    if size > MAX_FILE_BYTES:
        raise bad_file(
            path,
            t("the file is larger than {limit} MB.", limit=MAX_FILE_BYTES // (1024 * 1024)),
            t("Export a shorter date range and import the parts one by one."),
        )
    with open(path, "rb") as fh:
        head = fh.read(4096)
    if head.startswith(_OLE2):
        if _is_encrypted(path):
            raise password_protected(path)
        return "xls"
    if head.startswith(_ZIP):
        _check_zip(path)
        return "xlsx"
    text_head = _strip_bom(head)
    if _HTML.search(text_head[:1024].lstrip()[:200]) or _HTML.match(text_head.lstrip()):
        return "html"
    return "csv"


def password_protected(path: Path) -> BadInputError:
    return bad_file(
        path,
        t("the workbook is protected by a password."),
        t("Open it in Excel, remove the password (File → Info → Protect Workbook), save it and import it again."),
    )


def _is_encrypted(path: Path) -> bool:
    # Password-protected .xlsx files are OLE2 containers holding an "EncryptedPackage" stream;
    # its name sits in the directory, which is near the start for these small containers.
    with open(path, "rb") as fh:
        return _ENCRYPTED in fh.read(1024 * 1024)


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            total = sum(i.file_size for i in infos)
            if total > MAX_UNZIPPED_BYTES:
                raise bad_file(
                    path,
                    t("the workbook would unpack to more than {limit} GB.", limit=MAX_UNZIPPED_BYTES // 1024**3),
                    t("Export a shorter date range and import the parts one by one."),
                )
            for info in infos:
                if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                    _check_dimension(path, _head(zf, info.filename))
    except zipfile.BadZipFile as exc:
        raise damaged(path) from exc
    except (OSError, EOFError, ValueError, zipfile.LargeZipFile, zlib.error, NotImplementedError) as exc:
        # zlib.error: a damaged deflate stream; NotImplementedError: an unknown zip method/version
        raise damaged(path) from exc
    if "xl/workbook.xml" not in names and not any(n.endswith("content.xml") for n in names):
        raise bad_file(
            path,
            t("this is a zip archive, not an Excel workbook."),
            t("Unpack it and import the exported file inside."),
        )


def _head(zf: zipfile.ZipFile, name: str) -> bytes:
    with zf.open(name) as member:
        return member.read(4096)


_DIMENSION = re.compile(rb'<dimension\s+ref="[A-Z]+\d+:([A-Z]+)(\d+)"')


def _check_dimension(path: Path, head: bytes) -> None:
    """Refuse sheets declaring more cells than a real export has (readers allocate them)."""
    m = _DIMENSION.search(head)
    if not m:
        return
    col = 0
    for ch in m.group(1).decode():
        col = col * 26 + (ord(ch) - 64)
    rows = int(m.group(2))
    check_size(path, rows, col)


def check_size(path: Path, rows: int, columns: int) -> None:
    if rows > MAX_ROWS or columns > MAX_COLUMNS or rows * columns > MAX_CELLS:
        raise bad_file(
            path,
            t("a sheet has {rows} rows and {columns} columns, more than ShopDesk reads ({max_rows} rows, {max_columns} columns).",
              rows=rows, columns=columns, max_rows=MAX_ROWS, max_columns=MAX_COLUMNS),
            t("Export a shorter date range or fewer columns."),
        )


def damaged(path: Path) -> BadInputError:
    return bad_file(
        path,
        t("the workbook is damaged or incomplete."),
        t("Download the export again (the download may have been interrupted) and import the new file."),
    )


# ---------------------------------------------------------------- text files


def _strip_bom(data: bytes) -> bytes:
    for bom in (codecs.BOM_UTF8,):
        if data.startswith(bom):
            return data[len(bom):]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16", errors="ignore").encode("utf-8", errors="ignore")
        except UnicodeError:
            return data
    return data


def decode_text(path: Path, data: bytes) -> tuple[str, str]:
    """``(text, encoding)``: UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030 (§0.2)."""
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    elif (utf16 := _utf16_without_bom(data)) is not None:
        candidates = [utf16, "utf-8", "gb18030"]
    else:
        candidates = ["utf-8", "gb18030"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            break
        return text, ("gbk" if encoding == "gb18030" else encoding)
    raise bad_file(
        path,
        t("the file is neither a workbook nor text ShopDesk can decode (UTF-8, GBK or UTF-16)."),
        t("Save it from Excel as .xlsx or as CSV UTF-8 and import it again."),
    )


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when the zero bytes fall on one side of the byte pairs.

    The digits, commas and line ends of a CSV are ASCII, whose UTF-16 high byte is 0: in
    UTF-16-LE the odd bytes are zero, in UTF-16-BE the even ones, whatever the first character
    (a Chinese header has no zero byte at all). UTF-8 and GBK text holds no zero bytes."""
    sample = data[:8000]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd >= half // 8 and even * 8 <= odd:
        return "utf-16-le"
    if even >= half // 8 and odd * 8 <= even:
        return "utf-16-be"
    return None


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n\x0c")
    return controls > max(2, len(sample) // 200)


def sniff_delimiter(text: str) -> str:
    """Comma, TAB or semicolon (§0.3): the one giving the most consistent wide rows."""
    lines = [ln for ln in text[:200_000].splitlines()[:30] if ln.strip()]
    best, best_score = ",", -1.0
    for delim in (",", "\t", ";", "|"):
        try:
            widths = [len(row) for row in csv.reader(lines, delimiter=delim)]
        except csv.Error:
            continue
        if not widths:
            continue
        wide = [w for w in widths if w > 1]
        if not wide:
            continue
        common = max(set(wide), key=wide.count)
        score = wide.count(common) * min(common, 50)
        if score > best_score:
            best, best_score = delim, score
    return best
