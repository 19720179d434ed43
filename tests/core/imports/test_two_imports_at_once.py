"""Two imports into one shop at once (the window and a scripted `import`, or two computers on a
shared folder): the second waits its turn, says so, can be cancelled while waiting, and never
ends in a raw "database is locked" traceback."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from core import write_lock
from core.errors import Cancelled, DatabaseLockedError
from core.imports import import_file
from tests.core.imports.conftest import count, dump
from tests.helpers import exports as X

ROOT = Path(__file__).resolve().parents[3]

HOLDER = r"""
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from core.db import open_database
from core.write_lock import exclusive_writes
db = open_database(sys.argv[2])
release = Path(sys.argv[3])
with exclusive_writes(db):
    print("holding", flush=True)
    deadline = time.monotonic() + 60
    while not release.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
db.close()
"""


def _hold(db_path: Path, release: Path) -> subprocess.Popen:
    """Another process in the middle of a long import into the same shop."""
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(ROOT), str(db_path), str(release)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "holding"
    return proc


def _orders(folder: Path, first: int) -> Path:
    return X.taobao_orders_csv(folder / f"orders{first}.csv", [X.taobao_order_row(str(first + i)) for i in range(5)])


def test_the_second_import_waits_for_the_first_then_goes_in(db, files):
    release = files / "release"
    holder = _hold(db.path, release)
    told = []

    def waiting() -> None:
        told.append(time.monotonic())
        release.touch()  # the other import finishes once this one says it is waiting

    try:
        result = import_file(db, _orders(files, 100), waiting=waiting)
    finally:
        holder.wait(timeout=30)
    assert len(told) == 1
    assert result.orders_added == 5 and count(db, "orders") == 5


def test_cancel_while_waiting_stops_within_a_second_and_writes_nothing(db, files):
    release = files / "release"
    holder = _hold(db.path, release)
    before = dump(db)
    pressed: list[float] = []
    try:
        with pytest.raises(Cancelled):
            import_file(db, _orders(files, 100), waiting=lambda: pressed.append(time.monotonic()),
                        cancelled=lambda: bool(pressed))
        assert time.monotonic() - pressed[0] < 1.0
    finally:
        release.touch()
        holder.wait(timeout=30)
    assert dump(db) == before


def test_a_wait_past_the_limit_is_a_message(db, files, monkeypatch):
    monkeypatch.setattr(write_lock, "WAIT_S", 0.5)
    release = files / "release"
    holder = _hold(db.path, release)
    try:
        with pytest.raises(DatabaseLockedError) as err:
            import_file(db, _orders(files, 100))
    finally:
        release.touch()
        holder.wait(timeout=30)
    assert "Another import into shop.db" in err.value.message and "nothing was imported" in err.value.message
    assert count(db, "orders") == 0


def test_the_import_command_says_it_waits_and_then_imports(db, files):
    release = files / "release"
    holder = _hold(db.path, release)
    cli = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--db", str(db.path), "import", str(_orders(files, 100))],
                           stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    said_waiting = False
    try:
        for line in cli.stderr:
            if "waiting for it to finish" in line:
                said_waiting = True
                release.touch()
                break
        out, err = cli.communicate(timeout=120)
    finally:
        release.touch()
        holder.wait(timeout=30)
    assert said_waiting
    assert cli.returncode == 0, err
    assert "Traceback" not in err
    assert count(db, "orders") == 5
