"""File → Backup…/Restore…: the list of backups, Back up now, Restore keeping the replaced data."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from core import backups
from core.models import Order
from core.settings import Settings
from tests.helpers.safety_data import add_orders
from ui.context import AppContext
from ui.dialogs.backups_dialog import BackupsDialog


def order_count(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Order))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(backup_dir=str(tmp_path / "backups"))


@pytest.fixture
def quiet(monkeypatch):
    """Answer Yes to every question and collect the information boxes."""
    shown = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    return shown


@pytest.fixture
def ctx(db, settings) -> AppContext:
    return AppContext(db, settings)


def cells(dialog) -> list[list[str]]:
    """The rows as the owner reads them, top to bottom."""
    proxy = dialog.table.proxy
    return [[proxy.index(r, c).data() for c in range(proxy.columnCount())] for r in range(proxy.rowCount())]


def test_lists_backups_newest_first_with_what_made_them(qtbot, db, settings, ctx):
    add_orders(db, 10)
    folder = settings.backup_path()
    backups.auto_backup(db, "import", folder)
    old = backups.backup_path(folder, "shop", "daily", dt.datetime(2026, 11, 20, 9, 0, 5))
    db.backup(old)
    dialog = BackupsDialog(ctx, None)
    qtbot.addWidget(dialog)
    rows = cells(dialog)
    assert [dialog.table.model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == ["Made at", "Why", "Size"]
    assert [r[1] for r in rows] == ["Before an import", "Daily (first start of the day)"]
    assert rows[1][0] == "2026-11-20 09:00:05"
    assert rows[1][2].endswith("KB")
    assert [i.path for i in dialog.table.visible_rows()][1] == old
    assert str(folder) in dialog.folder_label.text()
    assert dialog.selected() == dialog.table.visible_rows()[0] and dialog.button_restore.isEnabled()


def test_backup_now_then_restore_it_keeps_the_replaced_data(qtbot, db, ctx, quiet):
    add_orders(db, 10)
    changed = []
    ctx.sig_data_changed.connect(changed.append)
    dialog = BackupsDialog(ctx, None)
    qtbot.addWidget(dialog)
    assert cells(dialog) == [] and not dialog.button_restore.isEnabled()
    qtbot.mouseClick(dialog.button_backup, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(cells(dialog)) == 1, timeout=20_000)
    assert cells(dialog)[0][1] == "Manual backup"
    assert "Backup written to" in quiet[-1] and changed == []  # a backup changes no data

    add_orders(db, 5, start=100)
    assert order_count(db) == 15
    dialog.table.view.selectRow(0)
    qtbot.mouseClick(dialog.button_restore, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: changed == [frozenset({"*"})], timeout=20_000)  # every tab reloads
    assert order_count(db) == 10
    assert sorted(r[1] for r in cells(dialog)) == ["Data replaced by a restore", "Manual backup"]
    assert "kept as a backup" in quiet[-1]


def test_a_file_that_is_no_backup_is_refused_and_nothing_changes(qtbot, db, ctx, quiet, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    add_orders(db, 3)
    changed = []
    ctx.sig_data_changed.connect(changed.append)
    junk = tmp_path / "not a backup.db"
    junk.write_bytes(b"this is not a database" * 100)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(junk), ""))
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    dialog = BackupsDialog(ctx, None)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.button_file, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(warned), timeout=20_000)
    assert order_count(db) == 3 and changed == [] and cells(dialog) == []


def test_delete_asks_and_removes_the_file(qtbot, db, settings, quiet):
    add_orders(db, 1)
    path = backups.auto_backup(db, "manual", settings.backup_path())
    dialog = BackupsDialog(AppContext(db, settings), None)
    qtbot.addWidget(dialog)
    assert cells(dialog)[0][1] == "Manual backup"
    dialog.table.view.selectRow(0)
    qtbot.mouseClick(dialog.button_delete, Qt.MouseButton.LeftButton)
    assert not path.exists() and cells(dialog) == []


def test_screenshots(qtbot, db, settings, tmp_path):
    """For a person to look at (English here; the Chinese one is taken by tools/screens)."""
    add_orders(db, 10)
    folder = settings.backup_path()
    for reason in ("daily", "import", "manual", "pre-restore"):
        backups.auto_backup(db, reason, folder)
    dialog = BackupsDialog(AppContext(db, settings), None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    out = tmp_path / "backups_dialog.png"
    assert dialog.grab().save(str(out))
    assert out.stat().st_size > 1000
