"""The command line as a shop owner scripts it (spec/cli.md): demo, backup, restore, help."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=300)


def order_numbers(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return sorted(r[0] for r in con.execute("SELECT order_no FROM orders"))
    finally:
        con.close()


def test_help_explains_every_option_and_command():
    out = run("--help")
    assert out.returncode == 0
    for word in ("--db", "--demo", "demo", "backup", "restore", "SHOPDESK_DB"):
        assert word in out.stdout


def test_demo_backup_restore_round_trip(tmp_path: Path):
    db, backup = tmp_path / "x.db", tmp_path / "b.db"
    assert run("--db", str(db), "demo").returncode == 0
    original = order_numbers(db)
    assert len(original) > 10_000

    out = run("--db", str(db), "backup", str(backup))
    assert out.returncode == 0, out.stderr
    assert order_numbers(backup) == original

    # Change the live database, then restore: the data comes back and the replaced file is kept.
    con = sqlite3.connect(db)
    con.execute("DELETE FROM orders WHERE id % 2 = 0")
    con.commit()
    con.close()
    changed = order_numbers(db)
    assert len(changed) < len(original)

    out = run("--db", str(db), "restore", str(backup))
    assert out.returncode == 0, out.stderr
    assert order_numbers(db) == original
    kept = [p for p in (Path(os.environ["SHOPDESK_DATA_DIR"]) / "backups").glob("*pre-restore*.db")]
    assert len(kept) == 1 and order_numbers(kept[0]) == changed


def test_demo_refuses_a_shop_with_data(tmp_path: Path):
    db = tmp_path / "x.db"
    assert run("--db", str(db), "demo").returncode == 0
    out = run("--db", str(db), "demo")
    assert out.returncode == 1
    assert "--force" in out.stderr


def test_restore_of_a_non_backup_fails_cleanly_and_changes_nothing(tmp_path: Path):
    db, junk = tmp_path / "x.db", tmp_path / "junk.db"
    assert run("--db", str(db), "demo").returncode == 0
    before = order_numbers(db)
    junk.write_bytes(os.urandom(4096))
    out = run("--db", str(db), "restore", str(junk))
    assert out.returncode != 0
    assert "not a ShopDesk backup" in out.stderr
    assert order_numbers(db) == before


def test_default_database_follows_shopdesk_db(tmp_path: Path):
    target = tmp_path / "env.db"
    out = run("backup", str(tmp_path / "b.db"), env_extra={"SHOPDESK_DB": str(target)})
    assert out.returncode == 0, out.stderr
    assert target.exists()


def test_chinese_messages_when_the_system_is_chinese(tmp_path: Path):
    db = tmp_path / "x.db"
    run("--db", str(db), "demo")
    out = run("--db", str(db), "demo", env_extra={"LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8"})
    assert "已有店铺数据" in out.stderr
