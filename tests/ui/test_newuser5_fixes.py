"""What a fifth new owner (a Taobao + Pinduoduo + Shopify shop of three) ran into before 双12 and 年货节
(newuser5): the promotion form, the Goals grid's paste, the stock count's paste."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from core.models import Promotion
from tests.ui.helpers import open_tab, wait_saved


def test_a_promotion_across_new_year_takes_its_phases_typed_without_the_year(qtbot, window, demo_db):
    """2028's 年货节 runs 2027-12-27 – 2028-01-19 (春节 is 2028-01-26). Typed as the form's hint says,
    `正式 12-30~01-19` was read as 2027-12-30 – 2027-01-19 and refused: "Phase 正式 ends before it starts"."""
    page = open_tab(qtbot, window, "promotions")
    form = page.new_promotion(dt.date(2027, 12, 27))
    form.widgets["name"].setText("2028 年货节")
    form.widgets["end"].setDate(dt.date(2028, 1, 19))
    form.widgets["phases"].setText("预热 12-27~12-29; 正式 12-30~01-19")
    form.submit()
    qtbot.waitUntil(lambda: form.saved is not None or form.buttons.isEnabled(), timeout=60_000)
    assert [e.text() for e in form.errors.values() if not e.isHidden()] == []
    wait_saved(qtbot, window)
    with demo_db.session() as s:
        promotion = s.scalars(select(Promotion).where(Promotion.name == "2028 年货节")).one()
        phases = [(p["name"], p["start"], p["end"]) for p in promotion.phases]
    assert phases == [("预热", "2027-12-27", "2027-12-29"), ("正式", "2027-12-30", "2028-01-19")]


def test_a_pasted_block_with_empty_cells_changes_the_filled_ones_and_leaves_the_empty_ones(qtbot, window, demo_db):
    """Excel blocks have gaps (a channel not planned for a month yet). The whole paste was refused: "Nothing was
    pasted: 2 cells could not be used (2026-01, Pinduoduo: This cell cannot be empty. Type a value, or press Esc
    to keep the old one …)". An empty cell now changes nothing, as in Import from Excel…."""
    from tests.ui.test_goals_grid import at, months_2026, open_grid

    page = open_grid(qtbot, window, "channel")
    page.grid.keep.setChecked(True)  # Keep other months: only the pasted cells change
    table = page.grid.table
    taobao, pdd, douyin = (months_2026(demo_db, p) for p in ("taobao", "pdd", "douyin"))
    table.view.setCurrentIndex(at(table, "1", 1))
    assert page.grid.paste("12000\t\t3000\r\n13000\t4500\t\r\n")
    wait_saved(qtbot, window)
    assert months_2026(demo_db, "taobao") == [1_200_000, 1_300_000, *taobao[2:]]
    assert months_2026(demo_db, "pdd") == [pdd[0], 450_000, *pdd[2:]]
    assert months_2026(demo_db, "douyin") == [300_000, *douyin[1:]]
    assert window.action_undo.text() == "&Undo “Paste 4 targets into 2026”"
    table.view.setCurrentIndex(at(table, "3", 1))
    assert not page.grid.paste("\t\n")
    assert page.banner.text() == "The pasted block has no amounts. Nothing was changed."


def test_a_stock_count_pasted_from_the_owners_own_sheet_fills_in_the_counts(qtbot, window, demo_db, chinese):
    """Inventory → 盘点…: the owner's sheet has the product name and the system's stock between the code and the
    count. Every line was refused (第 2 行：“…”不是整数); the header says which columns to read."""
    page = open_tab(qtbot, window, "inventory")
    dialog = page.stock_count()
    rows = sorted(dialog._skus.values(), key=lambda r: r.sku_code)[:2]
    sheet = "商家编码\t商品名称\t系统库存\t盘点数量\r\n" + "".join(
        f"{r.sku_code}\t{r.title}\t{r.on_hand}\t{r.on_hand + 3}\r\n" for r in rows)
    assert dialog.fill_from_text(sheet)
    assert dialog.problems.isHidden()
    table = dialog.table
    shown = {table.model.row(i).sku_code: table.model.index(i, table.model.column_of("difference")).data()
             for i in range(table.model.rowCount())}
    assert shown == {r.sku_code: "+3" for r in rows}
    assert dialog.fill_from_text(f"{rows[0].sku_code}\t{rows[0].title}\t5\r\n") is False
    assert "有 3 列；请只粘贴商家编码和盘点数量两列" in dialog.problems.text()
    dialog.reject()


def test_plan_a_years_preview_shows_each_channels_part_to_the_fen_so_they_add_up_to_the_month(qtbot, window, demo_db):
    """The preview said "2027-01 ¥46,588.50 … Taobao/Tmall ¥46,588 · Shopify ¥0": the parts were shown in whole yuan,
    rounded half to even, so they did not add up to the month shown beside them."""
    import re

    from core.models import Goal  # noqa: F401 - the plan writes goals; only the preview is read here

    goals = open_tab(qtbot, window, "goals")
    wizard = goals.plan_year()
    setup = wizard.setup
    qtbot.waitUntil(lambda: wizard.history is not None, timeout=20_000)
    setup.by_amount.setChecked(True)
    setup.amount.setText("1,000,000.10")
    setup.months.setCurrentIndex(setup.months.findData("even"))
    setup.channels.setCurrentIndex(setup.channels.findData("seasonal"))
    wizard.next()
    assert wizard.currentPage() is wizard.preview
    table = wizard.preview.table

    def fen(text: str) -> int:
        return round(float(text.replace("¥", "").replace(",", "")) * 100)

    with_fen = 0
    for row in range(table.rowCount()):
        month = fen(table.item(row, 1).text())
        parts = re.findall(r"¥[\d,]+(?:\.\d\d)?", table.item(row, 3).text())
        assert len(parts) == 3 and sum(fen(p) for p in parts) == month, table.item(row, 3).text()
        with_fen += any("." in p for p in parts)
    assert with_fen  # the case this test is about: parts that are not whole yuan
    wizard.reject()


def test_enter_in_the_stock_count_table_does_not_save_the_count_and_close_the_dialog(qtbot, window, demo_db):
    """Typing counts down the list, an Enter on a row not being edited pressed the dialog's Save: the count so far
    was saved and the dialog closed in the middle of the count."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    page = open_tab(qtbot, window, "inventory")
    dialog = page.stock_count()
    qtbot.waitUntil(dialog.isVisible, timeout=10_000)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=10_000)
    view, model = dialog.table.view, dialog.table.model
    view.setCurrentIndex(dialog.table.proxy.mapFromSource(model.index(0, model.column_of("counted"))))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.setText("38")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # commits, moves down a row
    qtbot.waitUntil(lambda: view.currentIndex().row() == 1, timeout=10_000)
    qtbot.keyClick(view, Qt.Key.Key_Return)  # a row the owner does not count
    qtbot.keyClick(view, Qt.Key.Key_Enter)
    QApplication.processEvents()
    assert dialog.isVisible() and dialog.saved is None
    assert window.ctx.edits.pending == 0 and window.ctx.edits.undo_label() is None
    assert len(dialog.counts) == 1
    dialog.reject()


def test_the_grid_says_which_months_no_longer_add_up_to_their_month_goal(qtbot, window, demo_db, chinese):
    """By channel, typing November's Taobao target re-balances Taobao's year, not the month: the grid's 合计 for
    2026-11 read ¥458,820.00 while the Tracking view and the funnel kept November's goal of ¥426,200.00, and the line
    under the grid said only "各月之和与之完全相等"."""
    from tests.ui.test_goals_grid import cell, open_grid

    page = open_grid(qtbot, window, "channel")
    table = page.grid.table
    assert "不等于当月目标" not in page.grid.status.text()  # the demo's plan adds up, month by month
    with demo_db.session() as s:
        from core.models import Goal

        november = s.scalars(select(Goal).where(Goal.period_kind == "month", Goal.period_start == dt.date(2026, 11, 1),
                                                Goal.platform == "", Goal.category == "")).one().target_gmv_fen
    assert table.model.setData(cell(table, "11", 1), "30万")
    wait_saved(qtbot, window)
    status = page.grid.status.text()
    assert "个月这些列之和已不等于当月目标" in status
    channels = table.model.row(table.model.row_of("11"))["total"]  # the grid's 合计 of November
    assert channels != november
    assert f"（2026-11：¥{channels / 100:,.2f}，当月目标 ¥{november / 100:,.2f}；" in status, status
    assert "完全相等" not in status


def _fits(dialog, free) -> None:
    from ui.widgets.screen_fit import FRAME

    assert dialog.width() + FRAME[0] <= free.width() and dialog.height() + FRAME[1] <= free.height(), \
        (dialog.objectName() or type(dialog).__name__, dialog.size(), free)


def test_the_import_wizard_stock_count_and_history_open_within_a_small_screen(qtbot, window, demo_db, monkeypatch):
    """Opened at 1040 × 680, 1040 × 660 and 1120 × 540: on a 1366 × 768 laptop at 125 % (1093 × 574 pixels free
    above the taskbar; any screen at 200 % is smaller still) Next, Save and Close were below the screen's edge."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QScreen

    from ui.dialogs.import_history import ImportHistoryDialog
    from ui.dialogs.import_wizard.wizard import ImportWizard

    page = open_tab(qtbot, window, "inventory")
    free = QRect(0, 0, 1093, 574)
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: free)
    count = page.stock_count()
    qtbot.waitUntil(count.isVisible, timeout=10_000)
    _fits(count, free)
    count.reject()
    wizard = ImportWizard(window.ctx, window, [])
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(wizard.isVisible, timeout=10_000)
    _fits(wizard, free)
    wizard.reject()
    history = ImportHistoryDialog(window.ctx, window)
    qtbot.addWidget(history)
    history.show()
    qtbot.waitUntil(lambda: history.loaded, timeout=30_000)
    _fits(history, free)
    history.reject()


def test_the_window_opens_within_a_small_screen_on_first_start(qtbot, demo_db, monkeypatch):
    """The first start opened the window at 1280 × 800, taller than a 1366 × 768 laptop's free area at 125 %."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QScreen

    from core.settings import Settings
    from ui.context import AppContext
    from ui.main_window import MainWindow

    free = QRect(0, 0, 1093, 574)
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: free)
    win = MainWindow(AppContext(demo_db, Settings()))
    qtbot.addWidget(win)
    _fits(win, free)


def test_the_new_goal_forms_channel_says_all_channels_instead_of_a_blank(qtbot, window, demo_db):
    """Goals → New goal…: the Channel list began with an empty line: all channels, but nothing said so."""
    goals = open_tab(qtbot, window, "goals")
    form = goals.new_goal()
    box = form.widgets["platform"]
    assert box.itemText(0) == "All channels" and box.currentIndex() == 0
    field = next(f for f in form.fields if f.name == "platform")
    assert field.editor.parse(field.editor.widget_text(box)) is None  # still every channel
    box.setCurrentIndex(box.findText("Pinduoduo"))
    assert field.editor.parse(field.editor.widget_text(box)) == "pdd"
    form.reject()
