"""The Goals grid in the window, on the demo shop: type (the year holds), keep mode, paste a
block from Excel as one change, lock and unlock, undo and redo, read-only subtotal rows."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from sqlalchemy import select

from core.models import Goal
from tests.ui.helpers import wait_saved


def wait_loaded(qtbot, page):
    qtbot.waitUntil(lambda: not page.loading and not page._stale and page.loads > 0, timeout=30_000)


def open_grid(qtbot, window, breakdown="total"):
    page = window.page("goals")
    window.tabs.setCurrentWidget(page)
    wait_loaded(qtbot, page)
    page.views.setCurrentWidget(page.grid)
    combo = page.grid.breakdown
    if combo.currentData() != breakdown:
        loads = page.loads
        combo.setCurrentIndex(combo.findData(breakdown))
        qtbot.waitUntil(lambda: page.loads > loads and not page.loading, timeout=30_000)
    assert page.grid.table.objectName() == "goals.grid"
    return page


def months_2026(db, platform=""):
    with db.session() as s:
        return [g.target_gmv_fen for g in s.scalars(select(Goal).where(
            Goal.period_kind == "month", Goal.period_start >= dt.date(2026, 1, 1),
            Goal.period_end <= dt.date(2026, 12, 31), Goal.platform == platform, Goal.category == "")
            .order_by(Goal.period_start))]


def year_2026(db):
    with db.session() as s:
        return s.scalar(select(Goal.target_gmv_fen).where(Goal.period_kind == "year",
                                                          Goal.period_start == dt.date(2026, 1, 1)))


def cell(table, key, col):
    return table.model.index(table.model.row_of(key), col)


def at(table, key, col):
    return table.proxy.mapFromSource(cell(table, key, col))


def shown(table, key, col):
    return table.model.index(table.model.row_of(key), col).data()


def test_typing_a_month_keeps_the_years_total_locks_it_and_undo_redo_follow(qtbot, window, demo_db):
    page = open_grid(qtbot, window)
    table = page.grid.table
    before = months_2026(demo_db)
    assert sum(before) == year_2026(demo_db)
    labels = [table.model.index(r, 0).data() for r in range(table.model.rowCount())]
    assert labels[:5] == ["2026-01", "2026-02", "2026-03", "2026 Q1", "2026-04"] and labels[-1] == "Year 2026"
    assert not table.model.is_editable(table.model.row_of("Q1"), 1)  # sums are read-only
    assert table.model.setData(cell(table, "11", 1), "1.2万")
    wait_saved(qtbot, window)
    after = months_2026(demo_db)
    assert after[10] == 1_200_000 and sum(after) == sum(before)  # the year holds, to the fen
    assert shown(table, "11", 1) == "¥12,000.00"
    assert cell(table, "11", 1).data(Qt.ItemDataRole.DecorationRole) is not None  # the padlock
    assert cell(table, "10", 1).data(Qt.ItemDataRole.DecorationRole) is None
    assert shown(table, "Y", 1) == shown(table, "Y", 1) and table.model.row(table.model.row_of("Y"))["c0"] == sum(before)
    q4 = table.model.row(table.model.row_of("Q4"))["c0"]
    assert q4 == sum(after[9:12])
    assert "The months add up to it exactly" in page.grid.status.text()
    assert window.action_undo.text() == "&Undo “Edit 2026-11 goal”"
    window.action_undo.trigger()
    wait_saved(qtbot, window)
    assert months_2026(demo_db) == before
    assert cell(table, "11", 1).data(Qt.ItemDataRole.DecorationRole) is None
    window.action_redo.trigger()
    wait_saved(qtbot, window)
    assert months_2026(demo_db) == after


def test_keep_other_months_shows_the_difference_from_the_annual_target(qtbot, window, demo_db):
    page = open_grid(qtbot, window)
    table = page.grid.table
    before = months_2026(demo_db)
    page.grid.keep.setChecked(True)
    assert table.model.setData(cell(table, "3", 1), f"{(before[2] + 50_000) / 100:.2f}")
    wait_saved(qtbot, window)
    after = months_2026(demo_db)
    assert after[:2] == before[:2] and after[3:] == before[3:] and after[2] == before[2] + 50_000
    assert page.grid.status.text() == (f"Year 2026: the months add up to ¥{sum(after) / 100:,.2f}, ¥500.00 over the "
                                       f"year's target of ¥{year_2026(demo_db) / 100:,.2f}.")


def test_pasting_a_12_month_block_skips_the_subtotals_and_is_one_undoable_change(qtbot, window, demo_db):
    page = open_grid(qtbot, window, "channel")
    table = page.grid.table
    assert [table.model.headerData(c, Qt.Orientation.Horizontal) for c in range(1, 4)] == \
        ["Taobao/Tmall", "Pinduoduo", "Douyin"]  # in the order the plan made them
    taobao, pdd = months_2026(demo_db, "taobao"), months_2026(demo_db, "pdd")
    table.view.setCurrentIndex(at(table, "1", 1))
    block = "".join(f"{10_000 + m}\t{5_000 + m}\r\n" for m in range(1, 13))  # 12 × 2, as Excel puts it
    QGuiApplication.clipboard().setText(block)
    qtbot.keyClick(table.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    wait_saved(qtbot, window)
    assert months_2026(demo_db, "taobao") == [(10_000 + m) * 100 for m in range(1, 13)]
    assert months_2026(demo_db, "pdd") == [(5_000 + m) * 100 for m in range(1, 13)]
    assert page.grid.table is table, "replaced"
    assert table.model.row(table.model.row_of("Q1"))["c0"] == (10_001 + 10_002 + 10_003) * 100
    assert window.action_undo.text() == "&Undo “Paste 24 targets into 2026”"
    window.action_undo.trigger()
    wait_saved(qtbot, window)
    assert months_2026(demo_db, "taobao") == taobao and months_2026(demo_db, "pdd") == pdd


def test_a_block_with_a_wrong_cell_or_too_many_rows_is_refused_and_nothing_is_written(qtbot, window, demo_db, english):
    page = open_grid(qtbot, window)
    table = page.grid.table
    before = months_2026(demo_db)
    table.view.setCurrentIndex(at(table, "1", 1))
    assert not page.grid.paste("100\nabc\n300\n")
    assert "2026-02" in page.banner.text() and "Nothing was pasted" in page.banner.text()
    table.view.setCurrentIndex(at(table, "12", 1))
    assert not page.grid.paste("1\n2\n")
    assert "only 1 month follows from" in page.banner.text()
    wait_saved(qtbot, window)
    assert months_2026(demo_db) == before and window.ctx.edits.undo_label() is None


def test_lock_and_unlock_decide_which_months_give_way(qtbot, window, demo_db):
    page = open_grid(qtbot, window)
    table = page.grid.table
    before = months_2026(demo_db)
    table.view.setCurrentIndex(at(table, "1", 1))
    page.grid.lock_button.click()
    wait_saved(qtbot, window)
    assert cell(table, "1", 1).data(Qt.ItemDataRole.DecorationRole) is not None
    assert table.model.setData(cell(table, "2", 1), "0")
    wait_saved(qtbot, window)
    after = months_2026(demo_db)
    assert after[0] == before[0] and after[1] == 0 and sum(after) == sum(before)  # January held: locked
    table.view.setCurrentIndex(at(table, "1", 1))
    page.grid.unlock_button.click()
    wait_saved(qtbot, window)
    assert cell(table, "1", 1).data(Qt.ItemDataRole.DecorationRole) is None
    with demo_db.session() as s:
        assert not s.scalars(select(Goal.locked).where(Goal.period_kind == "month", Goal.platform == "",
                                                       Goal.period_start == dt.date(2026, 1, 1))).one()


def test_excel_round_trip_from_the_grid_and_a_wrong_workbook_refused(qtbot, window, demo_db, tmp_path):
    from openpyxl import load_workbook

    page = open_grid(qtbot, window)
    path = tmp_path / "goals-2026.xlsx"
    page.grid.export_workbook(str(path))
    qtbot.waitUntil(lambda: "written to" in page.banner.text(), timeout=20_000)
    wb = load_workbook(path)
    assert wb.sheetnames[:2] == ["Total", "Channels"]
    before = months_2026(demo_db)
    wb["Total"]["B3"] = "12万"
    wb.save(path)
    page.grid.import_workbook(str(path))
    wait_saved(qtbot, window)
    assert months_2026(demo_db)[0] == 12_000_000 and months_2026(demo_db)[1:] == before[1:]
    assert window.action_undo.text() == "&Undo “Import 2026 targets from goals-2026.xlsx (1 changed)”"
    window.action_undo.trigger()
    wait_saved(qtbot, window)
    assert months_2026(demo_db) == before
    wb["Channels"]["C5"] = "abc"
    wb.save(path)
    page.grid.import_workbook(str(path))
    wait_saved(qtbot, window)
    qtbot.waitUntil(lambda: "cell C5" in page.banner.text(), timeout=10_000)
    assert "Sheet Channels, cell C5: “abc” is not an amount" in page.banner.text()
    assert months_2026(demo_db) == before


def test_enter_moves_down_past_the_sum_rows_and_tab_moves_right(qtbot, window, demo_db):
    page = open_grid(qtbot, window, "channel")
    table = page.grid.table
    march = at(table, "3", 1)
    table.view.setCurrentIndex(march)
    table.view.edit(march)
    editor = table.view.focusWidget()
    editor.setText("9,999.5")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the editor closes on the next turn of the event loop (Qt queues it)
    qtbot.waitUntil(lambda: table.raw_row(table.view.currentIndex().row())["key"] == "4", timeout=30_000)  # not Q1
    wait_saved(qtbot, window)
    assert months_2026(demo_db, "taobao")[2] == 999_950
    table.view.setCurrentIndex(at(table, "4", 1))
    table.view.edit(at(table, "4", 1))
    qtbot.keyClick(table.view.focusWidget(), Qt.Key.Key_Tab)
    assert table.view.currentIndex().column() == 2


def test_a_breakdown_planned_for_some_months_says_so_and_by_channel_adds_up(qtbot, window, demo_db):
    page = open_grid(qtbot, window, "category")  # the demo plans categories from last month on: Oct–Dec
    status = page.grid.status.text()
    assert status.startswith("Year 2026: 3 of its 12 months have goals in these columns, adding up to ¥")
    assert status.endswith(f"the year's target is ¥{year_2026(demo_db) / 100:,.2f}.")
    page = open_grid(qtbot, window, "channel")
    assert page.grid.status.text().endswith("The months add up to it exactly.")


def test_the_summary_says_in_words_when_the_years_months_do_not_add_up(qtbot, window, demo_db):
    page = open_grid(qtbot, window)
    assert "add up to" not in page.summary.text()
    before = months_2026(demo_db)
    page.grid.keep.setChecked(True)
    assert page.grid.table.model.setData(cell(page.grid.table, "3", 1), f"{(before[2] + 1_919_000) / 100:.2f}")
    wait_saved(qtbot, window)
    qtbot.waitUntil(lambda: "add up to" in page.summary.text(), timeout=30_000)
    assert page.summary.text().endswith(f"Its months' goals add up to ¥{(sum(before) + 1_919_000) / 100:,.2f}, "
                                        "¥19,190.00 over the year's target.")
