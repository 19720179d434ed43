"""A mistyped output path is a one-line message and exit 2: no traceback, and no stray folders
created (export and report used to create any missing folder, or crash on a missing one)."""
from __future__ import annotations

from pathlib import Path

import pytest

import main


@pytest.mark.parametrize("command", [["export", "goals"], ["export", "orders"], ["report", "--month", "2026-11", "--pdf"]])
def test_a_missing_folder_is_refused_and_not_created(db, tmp_path: Path, capsys, command):
    target = tmp_path / "no such folder" / ("plan.pdf" if command[0] == "report" else "out.xlsx")
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
