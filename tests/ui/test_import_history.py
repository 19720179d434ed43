"""File → Import history…: the list of imported files and Undo for one of them."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from core.models import Order
from core.settings import Settings
from tests.ui.import_files import taobao_orders_csv
from ui.context import AppContext
from ui.dialogs.import_history import COL_ADDED, COL_FILE, COL_STATE, ImportHistoryDialog
from ui.main_window import MainWindow


def order_count(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Order))


@pytest.fixture
def imported(db, tmp_path):
    from core.imports import import_file

    import_file(db, taobao_orders_csv(tmp_path / "june.csv", 3))
    import_file(db, taobao_orders_csv(tmp_path / "july-with-a-rather-long-export-name-20260718.csv", 5))
    return db


def open_dialog(qtbot, db) -> ImportHistoryDialog:
    dialog = ImportHistoryDialog(AppContext(db, Settings()))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=20_000)
    return dialog


def select_file(dialog, name: str) -> None:
    rows = dialog.table.visible_rows()
    dialog.table.view.selectRow(next(i for i, r in enumerate(rows) if r[COL_FILE] == name))


def test_lists_every_import_with_counts(qtbot, imported):
    dialog = open_dialog(qtbot, imported)
    rows = dialog.table.visible_rows()
    assert sorted(r[COL_FILE] for r in rows) == ["july-with-a-rather-long-export-name-20260718.csv", "june.csv"]
    by_name = {r[COL_FILE]: r for r in rows}
    assert by_name["june.csv"][COL_ADDED] == 3
    assert by_name["july-with-a-rather-long-export-name-20260718.csv"][COL_ADDED] == 2  # 3 already known
    shown = dialog.table.model.index(0, COL_STATE).data()
    assert shown == "Imported"
    assert not dialog.undo_button.isEnabled()  # nothing selected yet


def test_undo_asks_first_then_removes_the_orders(qtbot, imported, monkeypatch):
    dialog = open_dialog(qtbot, imported)
    select_file(dialog, "july-with-a-rather-long-export-name-20260718.csv")
    assert dialog.undo_button.isEnabled()

    questions = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: questions.append(a[2]) or QMessageBox.StandardButton.No)
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert questions == [
        "Undo the import of july-with-a-rather-long-export-name-20260718.csv? "
        "The orders it added are removed and the ones it changed are put back."
    ]
    assert order_count(imported) == 5

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: order_count(imported) == 3, timeout=20_000)
    qtbot.waitUntil(lambda: dialog.loaded and any(r[COL_STATE] is not None for r in dialog.table.visible_rows()), timeout=20_000)
    assert "was undone" in dialog.banner.text()
    undone = [r for r in dialog.table.visible_rows() if r[COL_STATE] is not None]
    assert [r[COL_FILE] for r in undone] == ["july-with-a-rather-long-export-name-20260718.csv"]
    select_file(dialog, "july-with-a-rather-long-export-name-20260718.csv")
    assert not dialog.undo_button.isEnabled()


def test_refusal_is_shown_and_nothing_changes(qtbot, db, tmp_path, monkeypatch):
    from core.imports import import_file

    # A later export changed the same orders: the first import cannot be undone before it.
    import_file(db, taobao_orders_csv(tmp_path / "paid.csv", 3, status="买家已付款，等待卖家发货"))
    import_file(db, taobao_orders_csv(tmp_path / "completed.csv", 3, status="交易成功"))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog = open_dialog(qtbot, db)
    select_file(dialog, "paid.csv")
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.banner.isVisible(), timeout=20_000)
    assert "cannot be undone" in dialog.banner.text() and "completed.csv" in dialog.banner.text()
    assert "#fdecea" in dialog.banner.styleSheet()  # shown as an error, inline
    assert order_count(db) == 3
    assert all(r[COL_STATE] is None for r in dialog.table.visible_rows())


def test_empty_history_says_how_to_import(qtbot, db):
    dialog = open_dialog(qtbot, db)
    assert dialog.table.visible_rows() == []
    assert "File → Import…" in dialog.banner.text()


def test_menu_opens_the_history(qtbot, db):
    window = MainWindow(AppContext(db, Settings()))
    qtbot.addWidget(window)
    window.action_import_history.trigger()
    dialog = window.import_history
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and dialog.windowTitle() == "Import history"


def test_history_reopens_up_to_date(qtbot, db, tmp_path):
    from core.imports import import_file

    window = MainWindow(AppContext(db, Settings()))
    qtbot.addWidget(window)
    window.action_import_history.trigger()
    dialog = window.import_history
    qtbot.waitUntil(lambda: dialog.loaded, timeout=20_000)
    assert dialog.table.visible_rows() == []
    dialog.close()
    import_file(db, taobao_orders_csv(tmp_path / "new.csv", 2))
    window.action_import_history.trigger()
    assert window.import_history is dialog and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.loaded and len(dialog.table.visible_rows()) == 1, timeout=20_000)
    assert not dialog.banner.isVisible()


def test_newest_first_to_the_second_with_problem_counts(qtbot, db, tmp_path):
    import datetime as dt
    import re

    from sqlalchemy import update

    from core.imports import import_file
    from core.models import ImportBatch
    from ui.dialogs.import_history import COL_PROBLEMS, COL_TIME

    for name, bad in (("may.csv", 2), ("june.csv", 0), ("july.csv", 0), ("august.csv", 0)):
        import_file(db, taobao_orders_csv(tmp_path / name, 2, bad_rows=bad))
    # The clock went back between may and june (a corrected PC clock); july and august came
    # within the same second.
    times = {"may.csv": dt.datetime(2026, 7, 1, 9, 0, 30), "june.csv": dt.datetime(2026, 7, 1, 9, 0, 5),
             "july.csv": dt.datetime(2026, 7, 1, 9, 0, 40), "august.csv": dt.datetime(2026, 7, 1, 9, 0, 40)}
    with db.transaction() as s:
        for name, when in times.items():
            s.execute(update(ImportBatch).where(ImportBatch.file_name == name).values(created_at=when))

    dialog = open_dialog(qtbot, db)
    rows = dialog.table.visible_rows()
    assert [r[COL_FILE] for r in rows] == ["august.csv", "july.csv", "may.csv", "june.csv"]
    model = dialog.table.view.model()
    shown = [model.index(r, COL_TIME).data() for r in range(4)]
    assert shown[2] == "2026-07-01 09:00:30" and all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", t) for t in shown)
    problems = [model.index(r, COL_PROBLEMS).data() for r in range(4)]
    assert problems == ["none", "none", "2 error(s)", "none"]
    assert model.index(2, COL_PROBLEMS).data(Qt.ItemDataRole.ForegroundRole).color().name() == "#8a1c12"
    assert model.headerData(COL_PROBLEMS, Qt.Orientation.Horizontal) == "Problems"

    select_file(dialog, "may.csv")
    assert dialog.undo_button.isEnabled()  # Undo still there
