"""Zip files that are not Excel workbooks never reach calamine's other readers."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.errors import BadInputError
from core.imports import import_file, inspect_file
from core.models import ImportBatch


def _ods(path: Path) -> Path:
    # An OpenDocument spreadsheet whose one cell is repeated over a million rows and columns.
    content = (
        '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:spreadsheet>'
        '<table:table table:name="订单"><table:table-row table:number-rows-repeated="1048576">'
        '<table:table-cell table:number-columns-repeated="16384"><text:p xmlns:text="t">1</text:p></table:table-cell>'
        "</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content)
    return path


@pytest.mark.parametrize("name", ["orders.ods", "orders.xlsx"])
def test_an_opendocument_file_is_refused_with_what_to_do(db, tmp_path: Path, name: str):
    path = _ods(tmp_path / name)
    with pytest.raises(BadInputError, match="save it as .xlsx"):
        inspect_file(path)
    with pytest.raises(BadInputError):
        import_file(db, path)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(ImportBatch)) == 0


def test_a_zipped_folder_is_refused(tmp_path: Path):
    path = tmp_path / "exports.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("订单.csv", "订单编号,买家会员名\n1,a\n")
    with pytest.raises(BadInputError, match="not an Excel workbook"):
        inspect_file(path)


def _long_sheet(path: Path, *, hidden: str = "", wide_at: int | None = None, rows: int = 60_000) -> Path:
    """A sheet of several megabytes (the guard reads it a megabyte at a time): two columns from
    row 100,000 on, optionally a cell ``hidden`` two megabytes in and a 62nd column later."""
    from tests.helpers.fuzz_files import _SHEET_HEAD, _SHEET_TAIL, raw_xlsx

    def chunks():
        yield (_SHEET_HEAD + '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1</v></c></row>').encode()
        for i in range(rows):
            n = 100_000 + i
            extra = ""
            if i == rows // 2 and hidden:
                extra = hidden
            if wide_at is not None and i == wide_at:
                extra += f'<c r="BJ{n}"><v>3</v></c>'
            yield f'<row r="{n}"><c r="A{n}"><v>1</v></c><c r="B{n}"><v>2</v></c>{extra}</row>'.encode()
        yield _SHEET_TAIL.encode()

    return raw_xlsx(path, chunks())


def test_a_long_sheet_that_widens_late_is_measured_exactly_and_accepted(tmp_path: Path, monkeypatch):
    """Rows are first bounded by their digits (fast); a 62nd column late in the sheet makes
    that bound too loose (999,999 × 62 cells), so the sheet is measured again exactly: 160,000
    rows × 62 columns is a real size, and the file is read."""
    from core.imports import limits, sniff

    measured: list[tuple[int, int]] = []
    real_check = sniff.check_size

    def check_size(path: Path, rows: int, columns: int) -> None:
        measured.append((rows, columns))
        real_check(path, rows, columns)

    monkeypatch.setattr(sniff, "check_size", check_size)
    limits.check_workbook(_long_sheet(tmp_path / "wide-late.xlsx", wide_at=50_000))  # accepted: no error
    # The sheet's real extent, the grid calamine will build: its last row (100,000 + 59,999)
    # and column BJ.
    assert measured and max(measured) == (159_999, 62)


def test_a_far_cell_hidden_in_a_long_sheet_is_refused(tmp_path: Path):
    from core.imports.limits import check_workbook

    # Within the digit bound while the sheet has two columns, caught once it widens.
    hidden = _long_sheet(tmp_path / "hidden.xlsx", hidden='<c r="B999999"><v>9</v></c>', wide_at=50_000)
    # A row number with more digits than any row tag so far, two megabytes in.
    far = _long_sheet(tmp_path / "far.xlsx", hidden='<c r="XFD1048576"><v>9</v></c>')
    for path in (hidden, far):
        with pytest.raises(BadInputError, match="columns"):
            check_workbook(path)
