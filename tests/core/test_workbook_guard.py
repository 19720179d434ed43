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
