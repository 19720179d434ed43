"""The printed plan's calendar page draws every cell's border (issue #17): in a month that starts on a
Saturday (2020-02) the blank days before the 1st sit side by side, and Thu and Fri lost the line
between them in the header and the first week."""
from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtGui import QTextDocument, QTextFrameFormat, QTextTable

from core.report import Month, PromotionLine, build_plan
from ui.report.render import _calendar


def _calendar_table(html_text: str) -> tuple[QTextDocument, QTextTable]:
    doc = QTextDocument()
    doc.setHtml(html_text)
    tables = [f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable)]
    assert len(tables) == 1
    return doc, tables[0]


def _cells_without_border(table: QTextTable) -> list[tuple[int, int, str]]:
    missing = []
    for row in range(table.rows()):
        for col in range(table.columns()):
            cell = table.cellAt(row, col)
            if cell.row() != row or cell.column() != col:
                continue  # covered by a cell spanning columns, checked at its first column
            fmt = cell.format().toTableCellFormat()
            for side, width, style in (("left", fmt.leftBorder(), fmt.leftBorderStyle()),
                                       ("right", fmt.rightBorder(), fmt.rightBorderStyle()),
                                       ("top", fmt.topBorder(), fmt.topBorderStyle()),
                                       ("bottom", fmt.bottomBorder(), fmt.bottomBorderStyle())):
                if width <= 0 or style == QTextFrameFormat.BorderStyle.BorderStyle_None:
                    missing.append((row, col, side))
    return missing


def test_every_calendar_cell_has_its_border_in_a_month_starting_on_a_saturday(qapp, db):
    plan = build_plan(db, Month(2020, 2), dt.date(2020, 2, 15))
    doc, table = _calendar_table(_calendar(plan))
    assert table.format().borderCollapse()
    assert table.columns() == 7 and table.rows() >= 1 + 5 * 2  # header, then a day row and a notes row a week
    assert table.cellAt(1, 5).firstCursorPosition().block().text() == "1"  # Saturday the 1st
    assert _cells_without_border(table) == []


def test_bars_and_the_blank_days_after_the_month_keep_their_borders(qapp, db):
    plan = build_plan(db, Month(2020, 2), dt.date(2020, 2, 15))
    promo = PromotionLine("情人节 520 大促", "own", ("taobao",), dt.date(2020, 2, 10), dt.date(2020, 2, 14), 100_000,
                          "planned", (("预热", dt.date(2020, 2, 10), dt.date(2020, 2, 11)),), ("满300减30",), "")
    plan = dataclasses.replace(plan, promotions=(promo,))
    doc, table = _calendar_table(_calendar(plan))
    texts = [table.cellAt(r, c).firstCursorPosition().block().text()
             for r in range(table.rows()) for c in range(table.columns())]
    assert any("情人节" in x for x in texts)
    assert _cells_without_border(table) == []
