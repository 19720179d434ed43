"""The promotion calendar workbook read back: a sheet per month drawn as a Monday-first calendar,
the right promotion (with its phase) in the right day's cell, and a list sheet."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from core.cli import build_parser, run_command
from core.edits import apply_edit
from core.edits.promotions import AddPromotion
from core.errors import BadInputError
from core.views import ViewParams, export_view

D = dt.date


def _cell_of(ws, day: dt.date) -> tuple[int, int]:
    """(row, column) of the promotions cell of ``day`` on its month sheet, found by its day number."""
    for row in ws.iter_rows(min_row=3):
        for cell in row:
            if cell.value is not None and str(cell.value).split()[0] == str(day.day) and cell.row % 2 == 1:
                return cell.row + 1, cell.column
    raise AssertionError(f"no cell for {day}")


@pytest.fixture
def planned(db):
    apply_edit(db, AddPromotion(name="2027 38节", start=D(2027, 3, 1), end=D(2027, 3, 8), platforms=("taobao",),
                                phases=(("预热", D(2027, 3, 1), D(2027, 3, 3)), ("正式", D(2027, 3, 4), D(2027, 3, 8)))))
    apply_edit(db, AddPromotion(name="月末清仓", start=D(2027, 3, 30), end=D(2027, 4, 2), budget_fen=50000))
    return db


def test_one_sheet_per_month_with_each_promotion_and_phase_in_its_days(planned, tmp_path):
    path, n = export_view(planned, "promotion-calendar", tmp_path / "cal.xlsx", ViewParams(D(2027, 1, 1)))
    assert n == 2
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["2027-03", "2027-04", "List"]
    march = wb["2027-03"]
    assert march["A1"].value == "March 2027"
    assert [c.value for c in march[2]] == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    # 1 March 2027 is a Monday: the first week row starts with it
    assert str(march.cell(3, 1).value).split()[0] == "1"
    assert march.cell(*_cell_of(march, D(2027, 3, 2))).value == "2027 38节 · 预热"
    assert march.cell(*_cell_of(march, D(2027, 3, 4))).value == "2027 38节 · 正式"
    assert march.cell(*_cell_of(march, D(2027, 3, 9))).value is None
    assert march.cell(*_cell_of(march, D(2027, 3, 31))).value == "月末清仓"
    april = wb["2027-04"]
    assert april.cell(*_cell_of(april, D(2027, 4, 2))).value == "月末清仓"
    assert april.cell(*_cell_of(april, D(2027, 4, 3))).value is None
    rows = list(wb["List"].iter_rows(values_only=True))
    assert rows[0][:5] == ("Promotion", "Kind", "Channels", "Start", "End")
    assert [r[0] for r in rows[1:]] == ["2027 38节", "月末清仓"]
    assert rows[1][5] == "预热 03-01~03-03, 正式 03-04~03-08" and rows[2][7] == "Whole shop" and rows[2][8] == 500


def test_the_cli_writes_it_with_calendar_and_a_range_and_refuses_other_files(planned, tmp_path, capsys):
    def cli(*argv: str) -> int:
        return run_command(build_parser().parse_args(["--db", str(planned.path), *argv]))

    out = tmp_path / "march.xlsx"
    assert cli("export", "promotions", str(out), "--calendar", "--from", "2027-03-01", "--to", "2027-03-31") == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["2027-03", "List"]
    with pytest.raises(BadInputError, match="must end in .xlsx, .csv or .json"):
        export_view(planned, "promotion-calendar", tmp_path / "cal.pdf", ViewParams(D(2027, 1, 1)))
    _path, n = export_view(planned, "promotion-calendar", tmp_path / "cal.csv", ViewParams(D(2027, 1, 1)))
    assert n == 2  # .csv and .json are its list, as `export promotions` writes it
    assert cli("export", "goals", str(out), "--calendar") != 0
    assert "--calendar goes with the promotions" in capsys.readouterr().err
