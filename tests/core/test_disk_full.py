"""A full disk during an import or a backup: "the disk is full: nothing was changed", partial files
removed, the shop exactly as it was. SQLite's own full-disk error (SQLITE_FULL) is produced with
``PRAGMA max_page_count``, which makes the file unable to grow just as a full disk does."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import core.db
import main
from core import sqlite_files
from core.backups import auto_backup
from core.db import open_database
from core.errors import DiskFullError
from tests.core.imports.conftest import count, dump
from tests.helpers import exports as X
from tests.helpers.safety_data import add_orders


def fill_disk(monkeypatch) -> None:
    """From now on, no connection to a shop may grow its file by a single page."""
    pragmas = core.db._sqlite_pragmas

    def full(dbapi_conn, record):
        pragmas(dbapi_conn, record)
        dbapi_conn.execute("PRAGMA max_page_count=1")  # SQLite keeps it at the current size

    monkeypatch.setattr(core.db, "_sqlite_pragmas", full)


def _orders_file(folder: Path, n: int = 300) -> Path:
    return X.taobao_orders_csv(folder / "orders.csv", [X.taobao_order_row(str(1000 + i), buyer=f"b{i}") for i in range(n)])


def test_an_import_onto_a_full_disk_says_so_and_writes_nothing(tmp_path, monkeypatch):
    from core.imports import import_file

    path = tmp_path / "shop.db"
    open_database(path).close()  # created before the disk fills
    fill_disk(monkeypatch)
    db = open_database(path)
    try:
        before = dump(db)
        with pytest.raises(DiskFullError) as err:
            import_file(db, _orders_file(tmp_path))
        assert "is full: nothing was changed" in err.value.message and "shop.db" in err.value.message
        assert dump(db) == before
        assert count(db, "import_batches") == 0
    finally:
        db.close()


def test_the_import_command_on_a_full_disk_prints_the_message_not_a_traceback(tmp_path, monkeypatch, capsys):
    path = tmp_path / "shop.db"
    open_database(path).close()
    fill_disk(monkeypatch)
    code = main.main(["--db", str(path), "import", str(_orders_file(tmp_path))])
    err = capsys.readouterr().err
    assert code == 1
    assert "is full: nothing was changed" in err and "Traceback" not in err


def test_a_first_start_on_a_full_disk_says_so(tmp_path, monkeypatch):
    fill_disk(monkeypatch)
    with pytest.raises(DiskFullError) as err:
        open_database(tmp_path / "new.db")
    assert "is full: nothing was changed" in err.value.message


def test_a_backup_onto_a_full_disk_leaves_no_partial_file(tmp_path, monkeypatch):
    db = open_database(tmp_path / "shop.db")
    add_orders(db, 500)
    real_connect = sqlite3.connect

    def connect(target, *args, **kwargs):
        conn = real_connect(target, *args, **kwargs)
        if str(target).endswith(sqlite_files.PART_SUFFIX):
            conn.execute("PRAGMA max_page_count=3")  # the backup's disk fills after three pages
        return conn

    monkeypatch.setattr(sqlite_files.sqlite3, "connect", connect)
    folder = tmp_path / "backups"
    try:
        with pytest.raises(DiskFullError) as err:
            auto_backup(db, "manual", folder)
        assert "is full: no backup was written" in err.value.message
        assert sorted(p.name for p in folder.iterdir()) == []  # no .part left to fill the disk further
        assert count(db, "orders") == 500
    finally:
        db.close()
