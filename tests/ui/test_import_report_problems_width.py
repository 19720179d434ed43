"""What a new owner saw after importing the real Shopify exports: each problem's sentence was cut
("此文件的金额币种为 ZAR：Shopify 渠道的币种现已设为 ZAR…") while half the table beside it stayed
empty. The Problem column takes the table's free width."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core.settings import Settings
from tests.helpers.real_exports import real_export
from tests.ui.test_import_wizard import go_to_report, wizard_for
from ui.context import AppContext
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, db):
    w = MainWindow(AppContext(db, Settings()))
    qtbot.addWidget(w)
    return w


def test_the_problem_column_fills_the_table(window, qtbot):
    wizard = wizard_for(window, qtbot, [real_export("shopify/zar_orders_export.csv")])
    wizard.resize(1024, 640)
    wizard.show()
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    go_to_report(wizard, qtbot)
    table = wizard.report_page.problems
    qtbot.waitUntil(lambda: table.model.rowCount() > 0, timeout=10_000)
    header = table.view.horizontalHeader()
    last = header.count() - 1
    assert "ZAR" in table.model.index(0, last).data()
    assert header.sectionPosition(last) + header.sectionSize(last) >= table.view.viewport().width() - 1

