"""A file the system will not let ShopDesk read (no permission; locked by Excel on Windows) is one
clear error for that file: the files after it are still imported and the command exits 2."""
from __future__ import annotations

import builtins
import json

import pytest

import main
from core.errors import BadInputError
from core.imports import import_file, sniff
from tests.core.imports.conftest import count, dump
from tests.helpers import exports as X


def _locked(monkeypatch, locked_name: str) -> None:
    """Opening ``locked_name`` fails as Windows does for a workbook Excel holds open (we run as
    root here, so a real chmod 000 would still be readable)."""
    real_open = builtins.open

    def fake_open(file, *args, **kwargs):
        if str(file).endswith(locked_name):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(sniff, "open", fake_open, raising=False)


def _orders(path, first_no: int):
    rows = [X.taobao_order_row(str(first_no + i), buyer=f"buyer{i}") for i in range(3)]
    return X.taobao_orders_csv(path, rows)


def test_an_unreadable_file_is_refused_by_name_and_nothing_is_written(db, files, monkeypatch):
    path = _orders(files / "locked.csv", 100)
    _locked(monkeypatch, "locked.csv")
    before = dump(db)
    with pytest.raises(BadInputError) as info:
        import_file(db, path)
    message = info.value.message
    assert "locked.csv" in message and "cannot be read" in message and "Permission denied" in message
    assert "Close it in Excel" in message and "Nothing was imported" in message
    assert dump(db) == before


def test_the_command_goes_on_after_an_unreadable_file_and_exits_2(db, files, monkeypatch, capsys):
    first, locked, last = _orders(files / "a.csv", 100), _orders(files / "locked.csv", 200), _orders(files / "c.csv", 300)
    _locked(monkeypatch, "locked.csv")
    db_path = db.path
    db.close()
    code = main.main(["--db", str(db_path), "import", str(first), str(locked), str(last), "--json"])
    out = capsys.readouterr()
    assert code == 2
    reports = json.loads(out.out)
    assert [r["file"] for r in reports] == ["a.csv", "locked.csv", "c.csv"]
    assert reports[0]["orders_added"] == 3 and reports[2]["orders_added"] == 3
    assert "cannot be read" in reports[1]["error"]["message"]
    assert "Traceback" not in out.err
    from core.db import open_database

    again = open_database(db_path)
    try:
        assert count(again, "orders") == 6
    finally:
        again.close()


def test_a_refused_files_safety_copy_still_being_written_does_not_fail_the_next_import(db, files):
    """`import a.csv locked.csv c.csv` within one second: the refused file's safety copy (still being
    written on its thread) and the next import's picked the same free name; the first one's removal
    then failed the second ("attempt to write a readonly database") in about one run of four."""
    import_file(db, _orders(files / "a.csv", 100))  # a shop with data: every import makes a copy
    from core.imports.early_backup import EarlyBackup
    from core.integrity import check_backup_file

    for _ in range(15):
        refused = EarlyBackup(db)
        refused.done()  # refused at once, while its copy is written
        following = EarlyBackup(db)
        following.keep()  # raised the copy's error before
        assert following.path is not None and following.path.exists()
        check_backup_file(following.path)
        following.done()
        following.path.unlink()
    refused.thread.join()
    assert not refused.path.exists()  # the refused file's copy is removed once written
