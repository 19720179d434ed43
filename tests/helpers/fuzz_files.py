"""Malformed and hostile import files, generated (never downloaded), and a runner that feeds
them to the importer in a separate process so that a crash or a memory blow-up is measured,
not suffered by the test process.
"""
from __future__ import annotations

import io
import json
import random
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

from tests.helpers.safety_data import TAOBAO_HEADERS, taobao_rows, write_taobao_csv

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
PREFIXES = [b"", b"PK\x03\x04", OLE2, b"\xef\xbb\xbf", b"\xff\xfe", b"<html><table><tr><td>", b"\x00" * 64,
            "订单编号,买家会员名\n".encode("gbk")]


# ---------------------------------------------------------------- seeds


def taobao_xlsx(path: Path, n: int = 60) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "订单报表"
    ws.append(TAOBAO_HEADERS)
    for row in taobao_rows(n):
        ws.append(row)
    wb.save(path)
    return path


def taobao_html(path: Path, n: int = 40) -> Path:
    cells = "".join(f"<td>{h}</td>" for h in TAOBAO_HEADERS)
    body = "".join("<tr>" + "".join(f"<td>{v}</td>" for v in r) + "</tr>" for r in taobao_rows(n))
    path.write_text(f"<html><meta charset='utf-8'><table><tr>{cells}</tr>{body}</table></html>", encoding="utf-8")
    return path


def seeds(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [
        write_taobao_csv(folder / "seed-gbk.csv", 80, "gbk"),
        write_taobao_csv(folder / "seed-utf8.csv", 80, "utf-8-sig"),
        write_taobao_csv(folder / "seed-utf16.csv", 40, "utf-16"),
        taobao_xlsx(folder / "seed.xlsx"),
        taobao_html(folder / "seed-html.xls"),
    ]


# ---------------------------------------------------------------- xlsx building blocks

_CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       '<Default Extension="xml" ContentType="application/xml"/>'
       '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
       '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
       '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
       '</Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
         '</Relationships>')
_WB = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
       '<sheet name="订单" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WB_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            '</Relationships>')
_SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
_SHEET_TAIL = "</sheetData></worksheet>"
_SST_HEAD = '<?xml version="1.0" encoding="UTF-8"?>'
_SST_OPEN = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


def raw_xlsx(path: Path, sheet_xml: str | bytes | Iterator[bytes], sst_xml: str | None = None) -> Path:
    """A minimal workbook with hand-written sheet XML (streamed when an iterator is given)."""
    sst = sst_xml or _SST_HEAD + _SST_OPEN + "<si><t>订单编号</t></si></sst>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _WB)
        z.writestr("xl/_rels/workbook.xml.rels", _WB_RELS)
        z.writestr("xl/sharedStrings.xml", sst)
        if isinstance(sheet_xml, (str, bytes)):
            z.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        else:
            with z.open("xl/worksheets/sheet1.xml", "w") as member:
                for chunk in sheet_xml:
                    member.write(chunk)
    return path


def hostile(folder: Path) -> dict[str, Path]:
    """Files built to exhaust memory or the parser; each must be refused with a message."""
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, Path] = {}

    def spaces() -> Iterator[bytes]:
        yield (_SHEET_HEAD + '<row r="1"><c r="A1" t="s"><v>0</v></c></row>').encode()
        block = b" " * (1024 * 1024)
        for _ in range(64):  # 64 MB that deflate to about 64 kB
            yield block
        yield _SHEET_TAIL.encode()

    files["zip bomb"] = raw_xlsx(folder / "bomb.xlsx", spaces())
    files["far cell (no dimension)"] = raw_xlsx(
        folder / "far.xlsx",
        _SHEET_HEAD + '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
        '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>' + _SHEET_TAIL,
    )
    files["lying dimension"] = raw_xlsx(
        folder / "liar.xlsx",
        _SHEET_HEAD.replace("<sheetData>", '<dimension ref="A1:B2"/><sheetData>')
        + '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="ZZZ900000"><v>1</v></c></row>' + _SHEET_TAIL,
    )
    files["20000 columns without positions"] = raw_xlsx(
        folder / "wide.xlsx", _SHEET_HEAD + "<row>" + "<c><v>1</v></c>" * 20000 + "</row>" + _SHEET_TAIL
    )
    # Forms calamine reads as a position although they are not what exporters write.
    far_forms = {
        "far cell, lower-case column": '<row r="1048576"><c r="xfd1048576"><v>1</v></c></row>',
        "far cell, namespace prefix": '<x:row r="1048576"><x:c r="XFD1048576"><x:v>1</x:v></x:c></x:row>',
        "far cell, single quotes": "<row r='1048576'><c r='XFD1048576'><v>1</v></c></row>",
        "far cell, spaces around =": '<row r = "1048576"><c t="n" r = "XFD1048576"><v>1</v></c></row>',
        "far cell, leading zeros": '<row r="1"><c r="XFD0000001048576"><v>1</v></c></row>',
        "far cell, second r attribute": '<row r="2"><c r="B2" r="XFD1048576"><v>1</v></c></row>',
        "far cell, > inside another attribute": '<row r="2"><c foo=">" r="XFD1048576"><v>1</v></c></row>',
    }
    for n, (label, xml) in enumerate(far_forms.items()):
        files[label] = raw_xlsx(folder / f"far-{n}.xlsx", _SHEET_HEAD + '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' + xml + _SHEET_TAIL)
    laughs = "".join(f'<!ENTITY lol{i} "{"&lol%d;" % (i - 1) * 10}">' for i in range(1, 10))
    files["billion laughs"] = raw_xlsx(
        folder / "laughs.xlsx",
        _SHEET_HEAD + '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' + _SHEET_TAIL,
        _SST_HEAD + f'<!DOCTYPE sst [<!ENTITY lol0 "lol">{laughs}]>' + _SST_OPEN + "<si><t>&lol9;</t></si></sst>",
    )
    files["external entity"] = raw_xlsx(
        folder / "xxe.xlsx",
        _SHEET_HEAD + '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' + _SHEET_TAIL,
        _SST_HEAD + '<!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + _SST_OPEN + "<si><t>&x;</t></si></sst>",
    )
    csv_huge = folder / "huge-cell.csv"
    with open(csv_huge, "w", encoding="utf-8") as fh:
        fh.write(",".join(TAOBAO_HEADERS) + "\n")
        fh.write('"' + "长" * (30 * 1024 * 1024) + '",x\n')
    files["30 MB cell in a CSV"] = csv_huge
    return files


# ---------------------------------------------------------------- mutations


def _mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 40)):
        op = rng.random()
        pos = rng.randrange(len(buf)) if buf else 0
        if op < 0.5 and buf:
            buf[pos] = rng.randrange(256)
        elif op < 0.75:
            buf[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        elif buf:
            del buf[pos:pos + rng.randint(1, 64)]
    return bytes(buf)


def _mutate_xlsx_xml(seed: bytes, rng: random.Random) -> bytes:
    """Re-zip a workbook with one XML part damaged, so the zip is valid and the XML is not."""
    src = zipfile.ZipFile(io.BytesIO(seed))
    names = src.namelist()
    victim = rng.choice([n for n in names if n.endswith(".xml")])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in names:
            data = src.read(name)
            if name == victim:
                text = data.decode("utf-8", errors="replace")
                choice = rng.random()
                if choice < 0.3:
                    text = text[: rng.randrange(len(text) + 1)]
                elif choice < 0.6:
                    i = rng.randrange(len(text) + 1)
                    text = text[:i] + rng.choice(["<", "&", "</x>", "<c r='A0'>", '<row r="-5">', "\x00", "]]>", '<c r="A1" t="s"><v>99999</v></c>']) + text[i:]
                elif choice < 0.8:
                    text = text.replace('t="s"', 't="e"') if rng.random() < 0.5 else text.replace("<v>", "<v>x")
                else:
                    text = _mutate_bytes(text.encode(), rng).decode("utf-8", errors="replace")
                data = text.encode("utf-8", errors="replace")
            if rng.random() < 0.05:
                continue  # a missing part
            dst.writestr(name, data)
    return out.getvalue()


def _wrong_encoding(seed_csv_utf8: str, rng: random.Random) -> bytes:
    choice = rng.randrange(5)
    if choice == 0:
        return seed_csv_utf8.encode("utf-8").decode("latin-1").encode("utf-8")  # mojibake
    if choice == 1:
        data = seed_csv_utf8.encode("utf-16-le")
        return data[: len(data) - 1]  # odd length, no BOM
    if choice == 2:
        half = len(seed_csv_utf8) // 2
        return seed_csv_utf8[:half].encode("gbk") + seed_csv_utf8[half:].encode("utf-8")
    if choice == 3:
        return seed_csv_utf8.encode("utf-8")[: rng.randrange(1, 4000)] + b"\xff\xfe\xfd"
    return seed_csv_utf8.encode("big5", errors="replace")


def malformed(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """``count`` malformed files: random bytes, truncations, byte flips, damaged XML, encodings."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    seed_files = seeds(folder / "seeds")
    seed_bytes = [p.read_bytes() for p in seed_files]
    xlsx_seed = seed_files[3].read_bytes()
    utf8_text = seed_files[1].read_text(encoding="utf-8-sig")
    suffixes = [".csv", ".xlsx", ".xls"]
    paths = []
    for i in range(count):
        kind = i % 5
        if kind == 0:
            data = rng.choice(PREFIXES) + rng.randbytes(rng.choice([0, 1, 10, 200, 5000, 70000]))
        elif kind == 1:
            src = rng.choice(seed_bytes)
            data = src[: rng.randrange(len(src))]
        elif kind == 2:
            data = _mutate_bytes(rng.choice(seed_bytes), rng)
        elif kind == 3:
            data = _mutate_xlsx_xml(xlsx_seed, rng)
        else:
            data = _wrong_encoding(utf8_text, rng)
        path = folder / f"case{i:05d}{rng.choice(suffixes)}"
        path.write_bytes(data)
        paths.append(path)
    return paths


# ---------------------------------------------------------------- runner (in its own process)


def run(list_file: str, db_path: str, import_every: int) -> None:
    """Feed every file to inspect_file (and every n-th to import_file); print one JSON summary."""
    import resource

    from sqlalchemy import text

    from core.db import open_database
    from core.errors import BadInputError
    from core.imports import import_file, inspect_file

    db = open_database(db_path)

    def counts() -> tuple:
        with db.engine.connect() as conn:
            return tuple(conn.execute(text(f"SELECT count(*) FROM {t}")).scalar()
                         for t in ("orders", "order_lines", "import_batches", "import_undo", "customers", "skus"))

    def high_water() -> float:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    outcomes: dict[str, str] = {}
    changed_on_error: list[str] = []
    raised_by: dict[str, float] = {}  # the files after which the process's peak rose, and by how much (MB)
    for i, name in enumerate(Path(list_file).read_text(encoding="utf-8").splitlines()):
        peak = high_water()
        try:
            inspect_file(name)
            outcome = "clean"
        except BadInputError:
            outcome = "refused"
        except Exception as exc:  # a bug: reported by the test
            outcome = f"crash {type(exc).__name__}: {str(exc)[:200]}"
        if import_every and i % import_every == 0:
            before = counts()
            try:
                import_file(db, name)
            except BadInputError:
                if counts() != before:
                    changed_on_error.append(name)
            except Exception as exc:
                outcome = f"import crash {type(exc).__name__}: {str(exc)[:200]}"
        outcomes[name] = outcome
        if high_water() - peak >= 20:
            raised_by[Path(name).name] = round(high_water() - peak)
    db.close()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # The workbook reader's worker processes (core.imports.workbook_worker), the largest of them.
    worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"outcomes": outcomes, "changed_on_error": changed_on_error, "max_rss_mb": rss_mb,
                      "worker_max_rss_mb": worker_mb, "raised_by": raised_by}))


if __name__ == "__main__":
    run(sys.argv[1], sys.argv[2], int(sys.argv[3]))
