"""Keyboard-only owners: Tab reaches every view button of a tab (Qt's button groups made the row
one stop, its first button, whatever view was shown), goes through the controls in the order they
are seen, and leaves a table instead of walking it cell by cell."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import open_tab


def focused() -> str:
    widget = QApplication.focusWidget()
    return widget.objectName() if widget is not None else ""


def tab_chain(qtbot, window, count: int) -> list[str]:
    """The named controls Tab visits, starting from the tab bar (unnamed parts of a control, such as
    a date box's line edit, left out, and each control once)."""
    window.tabs.tabBar().setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tabs.tabBar(), timeout=10_000)
    seen: list[str] = []
    for _ in range(count):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        name = focused()
        if name and name not in seen:
            seen.append(name)
    return seen


def test_tab_goes_through_the_team_tab_as_it_is_seen_and_reaches_every_view(qtbot, window):
    team = open_tab(qtbot, window, "team")
    chain = tab_chain(qtbot, window, 16)
    assert chain[:16] == [
        "team.new_task", "team.schedule_ahead", "team.sop_button", "team.new_staff", "team.print_week", "team.delete",
        "team.show_board", "team.show_list", "team.show_gantt", "team.show_staff", "team.show_kpi",
        "team.owner_filter", "team.when_filter", "team.promotion_filter", "team.show_done", "team.board.todo"]

    # Tab to "List", Space shows it; Tab then goes on into the list's filter, its export and the table,
    # and out of the table again.
    window.tabs.tabBar().setFocus()
    while focused() != "team.show_list":
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(team.list_button, Qt.Key.Key_Space)
    assert team.stack.currentWidget() is team.table
    assert team.list_button.isChecked() and not team.board_button.isChecked()
    for _ in range(8):  # Gantt, Team members, KPI, the three filters, the done box, the list's filter
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert focused() == "team.list.search"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert focused() == "team.export"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert focused() == "team.list.view"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert focused() != "team.list.view"  # out of the table, not to its next cell


def test_each_team_view_is_reached_with_tab_and_its_controls_follow(qtbot, window):
    team = open_tab(qtbot, window, "team")
    team.gantt_button.click()
    qtbot.waitUntil(lambda: team.stack.currentWidget() is team.gantt, timeout=10_000)
    chain = tab_chain(qtbot, window, 30)
    start = chain.index("team.show_done") + 1
    assert chain[start:start + 4] == ["team.gantt.which", "team.gantt.month", "team.gantt.group", "team.export_gantt"]
    # The checked view is not the only stop: Board is still reached, and Space on it goes back.
    assert chain.index("team.show_board") < chain.index("team.show_gantt") < chain.index("team.show_kpi")

    team.kpi_button.click()
    chain = tab_chain(qtbot, window, 30)
    start = chain.index("team.show_kpi") + 1  # the task filters are hidden for the KPI table
    assert chain[start:start + 6] == ["team.kpi_month", "team.kpi_split", "team.kpi_bands", "team.kpi.search", "team.kpi_export", "team.kpi.view"]


def test_the_arrow_keys_still_move_along_the_view_buttons(qtbot, window):
    team = open_tab(qtbot, window, "team")
    team.board_button.setFocus()
    qtbot.keyClick(team.board_button, Qt.Key.Key_Right)
    assert team.list_button.hasFocus() and team.list_button.isChecked() and team.stack.currentWidget() is team.table
    qtbot.keyClick(team.list_button, Qt.Key.Key_Left)
    assert team.board_button.isChecked() and team.stack.currentWidget() is team.board
    # Clicking the view shown keeps it shown (a group has one button checked at all times).
    team.board_button.click()
    assert team.board_button.isChecked()


def test_every_view_button_of_the_promotions_and_inventory_tabs_is_a_tab_stop(qtbot, window):
    open_tab(qtbot, window, "promotions")
    chain = tab_chain(qtbot, window, 14)
    views = ["promotions.show_month", "promotions.show_week", "promotions.show_year", "promotions.show_list"]
    assert [name for name in chain if name in views] == views

    inventory = open_tab(qtbot, window, "inventory")
    chain = tab_chain(qtbot, window, 15)
    assert chain[:14] == [
        "inventory.view_alerts", "inventory.view_purchase_list", "inventory.view_deliveries", "inventory.status_filter", "inventory.category_filter",
        "inventory.supplier_filter", "inventory.abc_filter", "inventory.stock_count", "inventory.edit_sku",
        "inventory.add_to_purchase", "inventory.received", "inventory.table.search", "inventory.export",
        "inventory.table.view"]
    window.tabs.tabBar().setFocus()
    for _ in range(2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert focused() == "inventory.view_purchase_list"
    qtbot.keyClick(inventory.show_order, Qt.Key.Key_Space)
    assert inventory.stack.currentWidget() is inventory.purchase
