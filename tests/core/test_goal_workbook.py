"""The Goals grid's Excel round trip: export one sheet per breakdown, import the same workbook
back (one undoable change), and a wrong workbook refused cell by cell with nothing written."""
from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from core.edits import FieldError, History
from core.edits.goals import ImportGoalWorkbook
from core.goal_grid import load_grid
from core.goal_workbook import write_goals_workbook
from core.models import Goal
from tests.core.test_goal_grid import YEAR_FEN, plan_year, snapshot


def export(db, path):
    with db.session() as s:
        return write_goals_workbook(s, 2027, path)


def test_the_workbook_has_a_sheet_per_breakdown_with_months_and_sum_rows(db, tmp_path):
    plan_year(db)
    path, sheets = export(db, tmp_path / "goals.xlsx")
    assert sheets == 3  # total, channels, categories (no channel × category goals yet)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Total", "Channels", "Categories"]
    ws = wb["Channels"]
    assert [c.value for c in ws[1]] == ["Month", "Taobao/Tmall", "Pinduoduo", "Douyin", "Total"]
    assert ws.row_dimensions[2].hidden and ws["B2"].value == "taobao|"
    assert ws["A3"].value == "2027-01" and ws["A6"].value == "2027 Q1" and ws["B6"].value == "=SUM(B3:B5)"
    assert ws["B3"].number_format == "#,##0.00" and ws.freeze_panes == "B3"
    with db.session() as s:
        jan_taobao = load_grid(s, 2027, "channel").cells[0][0].fen
    assert round(ws["B3"].value * 100) == jan_taobao
    total = wb["Total"]
    assert round(sum(total.cell(r, 2).value * 100 for r in range(3, total.max_row + 1)
                     if str(total.cell(r, 1).value).count("-") == 1)) == YEAR_FEN


def test_changed_targets_come_back_as_one_undoable_change(db, tmp_path):
    plan_year(db)
    path, _ = export(db, tmp_path / "goals.xlsx")
    wb = load_workbook(path)
    wb["Channels"]["C3"] = "1.2万"  # Pinduoduo, January: typed as the owner types
    wb["Categories"]["B14"] = 8888.88  # 女装, September (rows 3–14: Jan–Mar, Q1, Apr–Jun, Q2, H1, Jul–Sep)
    wb.save(path)
    before = snapshot(db)
    history = History()
    change = history.apply(db, ImportGoalWorkbook(str(path)))
    assert change.label == "Import 2027 targets from goals.xlsx (2 changed)"
    with db.session() as s:
        assert load_grid(s, 2027, "channel").cells[0][1].fen == 1_200_000
        assert load_grid(s, 2027, "category").cells[8][0].fen == 888_888
        assert not load_grid(s, 2027, "channel").cells[0][1].locked
    assert len([a for a, b in zip(before, snapshot(db)) if a != b]) == 2  # nothing else moved
    history.undo(db)
    assert snapshot(db) == before
    with pytest.raises(FieldError, match="nothing changed"):  # the untouched export: nothing to do
        History().apply(db, ImportGoalWorkbook(str(export(db, tmp_path / "same.xlsx")[0])))


def test_a_wrong_workbook_is_refused_naming_each_cell_and_nothing_is_written(db, tmp_path):
    plan_year(db)
    path, _ = export(db, tmp_path / "goals.xlsx")
    wb = load_workbook(path)
    wb["Channels"]["C5"] = "abc"
    wb["Channels"]["B3"] = 100  # a good cell: still not written, all or nothing
    wb["Total"]["B4"] = -5
    wb["Channels"]["C7"] = 1e16  # April: a number cell far too large (its text would be "1e+16")
    wb["Channels"]["D7"] = "1e5"  # typed: how no amount is written
    wb.save(path)
    before = snapshot(db)
    with pytest.raises(FieldError) as err:
        History().apply(db, ImportGoalWorkbook(str(path)))
    message = err.value.message
    assert "Sheet Channels, cell C5: “abc” is not an amount" in message
    assert "Sheet Total, cell B4: -5 is below ¥0" in message
    assert "Sheet Channels, cell C7: 10000000000000000 is too large for an amount" in message
    assert "Sheet Channels, cell D7: “1e5” is not an amount" in message
    assert snapshot(db) == before
    other = tmp_path / "notes.xlsx"
    other.write_text("not a workbook")
    with pytest.raises(FieldError, match="notes.xlsx is not an Excel workbook"):
        History().apply(db, ImportGoalWorkbook(str(other)))
    with pytest.raises(FieldError, match="shop.db is not an Excel workbook"):  # not even named .xlsx
        History().apply(db, ImportGoalWorkbook(str(tmp_path / "shop.db")))
    from openpyxl import Workbook

    plain = Workbook()
    plain.active["A1"] = "月份"
    plain.save(tmp_path / "plain.xlsx")
    with pytest.raises(FieldError, match="plain.xlsx is not a Goals grid workbook"):
        History().apply(db, ImportGoalWorkbook(str(tmp_path / "plain.xlsx")))
    assert snapshot(db) == before


def test_sheet_names_follow_the_language_and_import_still_reads_them(db, tmp_path):
    from core import i18n

    plan_year(db)
    i18n.set_language("zh_CN")
    try:
        path, _ = export(db, tmp_path / "目标.xlsx")
        wb = load_workbook(path)
        assert wb.sheetnames == ["合计", "渠道", "各品类"]
        wb["渠道"]["C5"] = "abc"
        wb.save(path)
        with pytest.raises(FieldError, match="工作表 渠道，单元格 C5"):
            History().apply(db, ImportGoalWorkbook(str(path)))
    finally:
        i18n.set_language("en")
    with db.session() as s:
        assert s.scalar(select(Goal.id).where(Goal.period_start == dt.date(2027, 1, 1), Goal.locked.is_(True))) is None
