"""Sort arrows (ui/widgets/sort_arrows.py): a table sorted ascending (A→Z, smallest first) shows ▲,
descending shows ▼, in every sortable table (RecordTable: goals, inventory, promotions, members,
team, KPI lists, import history). Fusion, the style on Linux and of these tests, draws them the
other way round by itself."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from ui.widgets.record_table import RecordTable
from ui.widgets.table_model import Column

ROWS = [("bowl", 990), ("龙井", 129990), ("cup", 5)]


def _arrow(header, section: int) -> str:
    """What the header draws at the right end of ``section``: "▲", "▼" or "" (no arrow), read from
    its pixels: a triangle pointing up is wider at its bottom."""
    image = header.grab().toImage()
    right = header.sectionViewportPosition(section) + header.sectionSize(section)
    widths = []
    for y in range(image.height()):
        dark = sum(1 for x in range(right - 24, right) if image.pixelColor(x, y).lightness() < 140)
        if dark:
            widths.append(dark)
    if len(widths) < 3:
        return ""
    return "▲" if widths[-1] > widths[0] else "▼" if widths[0] > widths[-1] else "?"


def _table(qtbot) -> RecordTable:
    table = RecordTable([Column("Product"), Column("Amount", "money")])
    qtbot.addWidget(table)
    table.resize(500, 300)
    header = table.view.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)  # text away from the arrow
    table.set_rows(ROWS)
    for column in (0, 1):
        table.view.setColumnWidth(column, 200)
    table.show()
    qtbot.waitExposed(table)
    return table


def _click(qtbot, table: RecordTable, section: int) -> None:
    header = table.view.horizontalHeader()
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 3
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def _column(table: RecordTable, column: int) -> list[str]:
    return [table.proxy.index(r, column).data() for r in range(table.proxy.rowCount())]


def test_ascending_shows_up_arrow_and_descending_down_arrow(qtbot):
    table = _table(qtbot)
    header = table.view.horizontalHeader()
    assert _arrow(header, 1) == ""  # core's order, no column sorted

    _click(qtbot, table, 1)
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert _column(table, 1) == ["¥0.05", "¥9.90", "¥1,299.90"]  # smallest first
    assert _arrow(header, 1) == "▲"

    _click(qtbot, table, 1)
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert _column(table, 1) == ["¥1,299.90", "¥9.90", "¥0.05"]
    assert _arrow(header, 1) == "▼"


def test_a_table_sorted_by_the_tab_descending_shows_down_arrow(qtbot):
    # The Members tab opens sorted by spend, highest first; set_rows does the same for any tab.
    table = _table(qtbot)
    table.set_rows(ROWS, sort_column=1, order=Qt.SortOrder.DescendingOrder)
    header = table.view.horizontalHeader()
    assert _column(table, 0) == ["龙井", "bowl", "cup"]
    assert _arrow(header, 1) == "▼" and _arrow(header, 0) == ""
    table.set_rows(ROWS, sort_column=0, order=Qt.SortOrder.AscendingOrder)
    assert _arrow(header, 0) == "▲" and _arrow(header, 1) == ""
