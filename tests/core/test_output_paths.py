"""A mistyped output path is a one-line message and exit 2: no traceback, and no stray folders
created (export and report used to create any missing folder, or crash on a missing one)."""
from __future__ import annotations

from pathlib import Path

import pytest

import main


@pytest.mark.parametrize("command", [["export", "goals"], ["export", "orders"], ["export", "promotions"],
                                     ["report", "--month", "2026-11", "--pdf"], ["backup"]])
def test_a_missing_folder_is_refused_and_not_created(db, tmp_path: Path, capsys, command):
    """Every command that writes a file where the owner says refuses a folder that is not there, in the
    same words (`backup FILE` used to create it while `export` refused)."""
    name = {"report": "plan.pdf", "backup": "shop-copy.db"}.get(command[0], "out.xlsx")
    if command[1:] == ["promotions"]:
        name = "promotions.ics"
    target = tmp_path / "no such folder" / name
    db_path = db.path
    db.close()
    code = main.main(["--db", str(db_path), *command, str(target)])
    err = capsys.readouterr().err
    assert code == 2
    assert "does not exist" in err and "nothing was written" in err and "Traceback" not in err
    assert not target.parent.exists()


def test_a_folder_given_as_the_file_is_refused(db, tmp_path: Path, capsys):
    db_path = db.path
    db.close()
    folder = tmp_path / "goals.xlsx"
    folder.mkdir()
    assert main.main(["--db", str(db_path), "export", "goals", str(folder)]) == 2
    assert "is a folder" in capsys.readouterr().err


def test_core_writers_refuse_a_missing_folder_and_create_nothing(db, tmp_path: Path):
    from core.errors import BadInputError
    from core.imports import write_template

    missing = tmp_path / "unplugged drive" / "ShopDesk"
    with pytest.raises(BadInputError, match="does not exist"):
        db.backup(missing / "shop.db")
    with pytest.raises(BadInputError, match="does not exist"):
        write_template("stock", missing / "stock-template.xlsx")
    assert not (tmp_path / "unplugged drive").exists()
    # An existing folder: both write, as before.
    assert db.backup(tmp_path / "shop-copy.db").stat().st_size > 0
    assert write_template("stock", tmp_path / "stock-template.xlsx").stat().st_size > 0


def test_a_folder_given_as_the_backup_file_is_refused(db, tmp_path: Path, capsys):
    db_path = db.path
    db.close()
    assert main.main(["--db", str(db_path), "backup", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "is a folder. Choose a file name to write." in err and "Traceback" not in err
