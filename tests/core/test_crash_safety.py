"""Killing ShopDesk at any moment: the database stays sound and an import is all or nothing.

Each test starts the real program in a subprocess, SIGKILLs it after a random delay (no
clean-up code runs: like a power cut for the process), and checks the database file the
way the next start would: ``PRAGMA integrity_check``, then the shop's own invariants.
The delays are drawn from a fixed seed so that a failure can be reproduced.
"""
from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core.db import open_database
from tests.helpers.safety_data import write_taobao_csv

ROOT = Path(__file__).resolve().parents[2]
BIG = 20_000
EXISTING = 100
RUNS = 10

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL semantics")

# What `main.py import` does (core.cli): open the database, then import_file in one transaction.
_IMPORT = (
    "import sys; from core.db import open_database; from core.imports import import_file; "
    "db = open_database(sys.argv[1]); print('started', flush=True); import_file(db, sys.argv[2]); print('done', flush=True)"
)


def _env(tmp_path: Path) -> dict:
    return {**os.environ, "SHOPDESK_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(ROOT)}


def _kill_after(cmd: list[str], delay: float, env: dict) -> int:
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    return proc.wait(timeout=60)


def _integrity(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("PRAGMA integrity_check")]
    finally:
        con.close()


def _q(path: Path, sql: str) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


@pytest.fixture(scope="module")
def shop_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A shop with one earlier import, and a 20,000-order Taobao export to import into it."""
    folder = tmp_path_factory.mktemp("crash")
    mp = pytest.MonkeyPatch()
    mp.setenv("SHOPDESK_DATA_DIR", str(folder / "data"))  # the import's safety backup goes here
    try:
        base = folder / "base.db"
        db = open_database(base)
        from core.imports import import_file

        import_file(db, write_taobao_csv(folder / "earlier.csv", EXISTING, start=10_000_000))
        db.close()
        big = write_taobao_csv(folder / "big.csv", BIG)
    finally:
        mp.undo()
    return base, big


def test_import_killed_at_random_moments_is_all_or_nothing(shop_files, tmp_path: Path):
    base, big = shop_files
    rng = random.Random(20261122)
    outcomes = []
    for run in range(RUNS):
        path = tmp_path / f"shop{run}.db"
        shutil.copy(base, path)
        code = _kill_after([sys.executable, "-c", _IMPORT, str(path), str(big)], rng.uniform(0.3, 4.0), _env(tmp_path))
        assert _integrity(path) == ["ok"], f"run {run}"
        orders = _q(path, "SELECT count(*) FROM orders")
        lines = _q(path, "SELECT count(*) FROM order_lines")
        batches = _q(path, "SELECT count(*) FROM import_batches")
        orphans = _q(path, "SELECT count(*) FROM import_batches b WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.batch_id = b.id)")
        undo_rows = _q(path, "SELECT count(*) FROM import_undo")
        if batches == 1:
            assert (orders, lines, undo_rows) == (EXISTING, EXISTING, _q(base, "SELECT count(*) FROM import_undo")), f"run {run}"
        else:
            assert (batches, orders, lines) == (2, EXISTING + BIG, EXISTING + BIG), f"run {run}"
        assert orphans == 0
        # and the next start opens it normally
        open_database(path).close()
        outcomes.append("killed" if code == -signal.SIGKILL else "finished")
    # the random delays must really have interrupted some imports, or this proved nothing
    assert "killed" in outcomes


def test_demo_killed_midway_leaves_a_sound_database(tmp_path: Path):
    rng = random.Random(7)
    for run in range(4):
        path = tmp_path / f"demo{run}.db"
        _kill_after([sys.executable, "main.py", "--db", str(path), "demo"], rng.uniform(0.8, 3.0), _env(tmp_path))
        if path.exists():
            assert _integrity(path) == ["ok"], f"run {run}"
            open_database(path).close()


def test_backup_killed_midway_never_leaves_a_half_backup_under_the_real_name(shop_files, tmp_path: Path):
    base, big = shop_files
    path = tmp_path / "shop.db"
    shutil.copy(base, path)
    db = open_database(path)
    from core.imports import import_file

    import_file(db, big)
    db.close()
    rng = random.Random(3)
    for run in range(4):
        out = tmp_path / f"copy{run}.db"
        _kill_after([sys.executable, "main.py", "--db", str(path), "backup", str(out)], rng.uniform(0.2, 1.5), _env(tmp_path))
        assert _integrity(path) == ["ok"]
        if out.exists():  # complete, or not there at all
            assert _integrity(out) == ["ok"]
            assert _q(out, "SELECT count(*) FROM orders") == EXISTING + BIG
    assert _q(path, "SELECT count(*) FROM orders") == EXISTING + BIG
