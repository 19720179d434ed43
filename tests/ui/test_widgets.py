"""The shared widgets every tab relies on."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from core.errors import UserFacingError
from ui.tasks import run_task
from ui.widgets.record_table import RecordTable
from ui.widgets.roles import SORT_ROLE
from ui.widgets.table_model import Column, RecordFilterProxy, RecordTableModel

COLUMNS = [Column("Name"), Column("Amount", "money"), Column("Rate", "rate"), Column("Day", "date")]
ROWS = [
    ("龙井", 129990, 0.125, dt.date(2026, 6, 18)),
    ("bowl", 990, None, dt.date(2026, 11, 11)),
    ("Pu'er", 1000000, 0.5, None),
]


def test_model_passes_qt_model_tester(qtmodeltester):
    model = RecordTableModel(COLUMNS, ROWS)
    qtmodeltester.check(model)
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)


def test_values_are_shown_as_an_owner_reads_them():
    model = RecordTableModel(COLUMNS, ROWS)
    assert model.index(0, 1).data() == "¥1,299.90"
    assert model.index(0, 2).data() == "12.5%"
    assert model.index(1, 2).data() == "—"
    assert model.index(0, 3).data() == "2026-06-18"
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight


def test_sorting_uses_amounts_not_text_and_unknown_last(qtbot):
    table = RecordTable(COLUMNS)
    qtbot.addWidget(table)
    table.set_rows(ROWS, sort_column=1)
    assert [table.raw_row(r)[0] for r in range(3)] == ["bowl", "龙井", "Pu'er"]  # 9.90 < 1,299.90 < 10,000
    table.view.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    assert [table.raw_row(r)[0] for r in range(3)] == ["龙井", "Pu'er", "bowl"]


def test_search_filters_case_insensitively(qtbot):
    table = RecordTable(COLUMNS)
    qtbot.addWidget(table)
    table.set_rows(ROWS)
    table.search.setText("PU'")
    assert [r[0] for r in table.visible_rows()] == ["Pu'er"]
    assert table.count_label.text() == "1 of 3 row(s)"  # the source: no English catalogue here (tests/ui/test_plurals_in_the_window.py)
    table.search.clear()
    assert table.count_label.text() == "3 row(s)"


def test_task_result_arrives_on_the_gui_thread(qtbot):
    import threading

    seen = {}

    def work(ctx):
        ctx.progress(1, 2)
        return threading.get_ident()

    run_task(None, work, on_done=lambda r: seen.update(worker=r, gui=threading.get_ident()))
    qtbot.waitUntil(lambda: "gui" in seen, timeout=30_000)
    assert seen["gui"] == threading.main_thread().ident
    assert seen["worker"] != seen["gui"]


def test_task_errors_and_cancellation_reach_their_callbacks(qtbot):
    got = {}
    run_task(None, lambda ctx: (_ for _ in ()).throw(UserFacingError("bad file")),
             on_error=lambda exc, tb: got.update(error=exc.message))
    qtbot.waitUntil(lambda: "error" in got, timeout=30_000)
    assert got["error"] == "bad file"

    import time

    def slow(ctx):
        while True:
            ctx.check()
            time.sleep(0.01)

    task = run_task(None, slow, on_cancelled=lambda: got.update(cancelled=True))
    task.cancel()
    qtbot.waitUntil(lambda: got.get("cancelled"), timeout=30_000)


def test_closing_the_widget_that_started_a_task_is_safe(qtbot):
    import threading

    from PySide6.QtWidgets import QWidget

    release = threading.Event()
    finished = []
    widget = QWidget()
    # The work waits for the test (not a fixed time): the widget goes while it still runs.
    task = run_task(widget, lambda ctx: release.wait(120), on_done=lambda r: finished.append("callback ran"),
                    progress_label="Working…", delay_ms=0)
    qtbot.waitUntil(lambda: task._dialog is not None and task._dialog.isVisible(), timeout=30_000)  # its progress shown
    widget.deleteLater()
    qtbot.waitUntil(lambda: not _alive(widget), timeout=30_000)
    release.set()
    qtbot.waitUntil(lambda: not task.running, timeout=30_000)
    assert finished == []  # the callback of a closed widget is skipped, nothing crashes


def _alive(obj) -> bool:
    from shiboken6 import isValid

    return isValid(obj)


def test_rows_keep_cores_order_until_the_owner_sorts(qtbot):
    """Inventory and tasks come most urgent first; a refresh must not re-sort them by title."""
    table = RecordTable(COLUMNS)
    qtbot.addWidget(table)
    urgent_first = [ROWS[2], ROWS[0], ROWS[1]]
    table.set_rows(urgent_first)
    assert [r[0] for r in table.visible_rows()] == ["Pu'er", "龙井", "bowl"]
    table.view.horizontalHeader().sectionClicked.emit(1)  # the owner clicks "Amount"
    table.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    table.set_rows(urgent_first)  # a refresh keeps the owner's choice
    assert [r[0] for r in table.visible_rows()] == ["bowl", "龙井", "Pu'er"]


def test_english_plurals_come_from_the_english_catalogue(qtbot):
    from PySide6.QtCore import QCoreApplication

    from ui.app import install_translators

    app = QCoreApplication.instance()
    translators = install_translators(app, "en")
    try:
        assert translators
        table = RecordTable(COLUMNS)
        qtbot.addWidget(table)
        table.set_rows(ROWS[:1])
        assert table.count_label.text() == "1 row"
        table.set_rows(ROWS)
        assert table.count_label.text() == "3 rows"
    finally:
        for t in translators:
            app.removeTranslator(t)
