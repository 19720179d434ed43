"""Untrusted workbooks: zip files that are not Excel workbooks never reach calamine's other
readers, and a workbook that makes calamine panic or abort ends only its worker process
(core.imports.workbook_worker): the app refuses the file and carries on, nothing written."""
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


def _sheet(path: Path, rows: list[str], sst: str | None = None) -> Path:
    from tests.helpers.fuzz_files import _SHEET_HEAD, _SHEET_TAIL, raw_xlsx

    def chunks():
        yield _SHEET_HEAD.encode()
        for row in rows:
            yield row.encode()
        yield _SHEET_TAIL.encode()

    return raw_xlsx(path, chunks(), sst)


def _refused_and_unchanged(db, path: Path, words: str) -> None:
    with pytest.raises(BadInputError, match=words):
        import_file(db, path)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(ImportBatch)) == 0


def test_a_sharedstrings_count_that_lies_is_a_refusal_not_a_crash(db, tmp_path: Path):
    # 1.8 kB: calamine sizes its string table by the declared count and panics or aborts.
    from tests.helpers.fuzz_files import _SST_HEAD

    path = _sheet(tmp_path / "liar.xlsx", ['<row r="1"><c r="A1" t="s"><v>0</v></c></row>'],
                  _SST_HEAD + '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                  'count="4294967295" uniqueCount="4294967295"><si><t>订单编号</t></si></sst>')
    _refused_and_unchanged(db, path, "damaged or too large to read safely")


def test_one_long_string_referenced_a_million_times_stays_within_the_workers_memory(db, tmp_path: Path):
    # 1 MB on disk; calamine copies the 60 kB string into each of a million cells (~60 GB).
    from tests.helpers.fuzz_files import _SST_HEAD, _SST_OPEN

    cols = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    rows = [f'<row r="{r}">' + "".join(f'<c r="{c}{r}" t="s"><v>0</v></c>' for c in cols) + "</row>"
            for r in range(1, 40_001)]
    path = _sheet(tmp_path / "one-string.xlsx", rows, _SST_HEAD + _SST_OPEN + "<si><t>" + "长" * 20_000 + "</t></si></sst>")
    _refused_and_unchanged(db, path, "damaged or too large to read safely")


def test_a_cell_at_the_last_column_and_row_is_refused(db, tmp_path: Path):
    path = _sheet(tmp_path / "far.xlsx", ['<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
                                          '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'])
    _refused_and_unchanged(db, path, "damaged or too large to read safely|more than ShopDesk reads")


def test_the_worker_is_ready_for_the_next_file_after_a_refusal(db, tmp_path: Path):
    from tests.helpers import exports as X

    bad = _sheet(tmp_path / "far.xlsx", ['<row r="1"><c r="XFD1048576"><v>1</v></c></row>'])
    with pytest.raises(BadInputError):
        import_file(db, bad)
    good = X.kuaishou_xlsx(tmp_path / "good.xlsx", [[{"订单号": "1", "实付款": "12.50", "成交数量": "2", "收货地址-省": "浙江"}]])
    assert import_file(db, good).orders_added == 1


def test_cancel_while_the_worker_parses_stops_within_a_second(db, tmp_path: Path):
    import time

    from core.errors import Cancelled
    from core.imports import workbook_worker

    rows = [f'<row r="{r}">' + "".join(f'<c r="{c}{r}"><v>{r}</v></c>' for c in "ABCDEFGHIJ") + "</row>"
            for r in range(1, 200_001)]
    path = _sheet(tmp_path / "long.xlsx", rows)
    started = time.monotonic()
    asked: list[float] = []

    def cancelled() -> bool:
        if time.monotonic() - started > 0.3 and not asked:
            asked.append(time.monotonic())
        return bool(asked)

    with pytest.raises(Cancelled):
        import_file(db, path, cancelled=cancelled)
    assert time.monotonic() - asked[0] < 1.0 + workbook_worker.WATCH_S
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(ImportBatch)) == 0
