"""Opening a damaged or locked database: a clear refusal, the file left exactly as it was."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import insert

from core.db import open_database
from core.errors import DamagedDatabaseError, DatabaseLockedError
from core.models import Order

from tests.helpers.safety_data import add_orders, damage


def make_shop(path: Path, orders: int = 3000) -> None:
    db = open_database(path)
    add_orders(db, orders)
    db.close()


@pytest.mark.parametrize(
    "how",
    ["pages in the middle", "schema page", "header", "truncated", "zeroed tail"],
)
def test_damaged_file_is_refused_and_left_untouched(tmp_path: Path, how: str):
    path = tmp_path / "shop.db"
    make_shop(path)
    if how == "pages in the middle":
        damage(path, offset=8192, length=16384)
    elif how == "schema page":
        damage(path, offset=100, length=400)
    elif how == "header":
        damage(path, offset=0, length=16)
    elif how == "truncated":
        os.truncate(path, path.stat().st_size // 2)
    else:
        size = path.stat().st_size
        with open(path, "r+b") as fh:
            fh.seek(size - 8192)
            fh.write(b"\x00" * 8192)
    before = path.read_bytes()
    with pytest.raises(DamagedDatabaseError) as err:
        open_database(path)
    assert "damaged" in err.value.message and "Nothing has been changed" in err.value.message
    assert err.value.path == path
    assert path.read_bytes() == before
    # no empty database was created in its place, and no stray files either
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("shop")) == ["shop.db"]


def test_sound_file_with_a_leftover_wal_opens_with_its_data(tmp_path: Path):
    """A crash leaves a -wal file; that is recovery, not damage."""
    path = tmp_path / "shop.db"
    make_shop(path, 10)
    code = textwrap.dedent(
        f"""
        import os, sqlite3
        c = sqlite3.connect({str(path)!r})
        c.execute("PRAGMA journal_mode=WAL")
        c.execute("PRAGMA wal_autocheckpoint=0")
        c.execute("INSERT INTO orders (platform, order_no, status, shop, buyer_name, province, status_text, goods_fen, shipping_fen, discount_fen, paid_fen, refund_fen, is_paid, source) VALUES ('jd','late','paid','','','','',0,0,0,5,0,1,'')")
        c.commit()
        os._exit(0)  # no checkpoint, no clean close
        """
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    assert path.with_name("shop.db-wal").stat().st_size > 0
    db = open_database(path)
    with db.session() as s:
        assert s.query(Order).filter_by(order_no="late").count() == 1
    db.close()


def _hold_lock(path: Path, statements: list[str]) -> subprocess.Popen:
    """Another program holding the database: runs ``statements`` and waits for stdin to close."""
    code = textwrap.dedent(
        f"""
        import sqlite3, sys
        c = sqlite3.connect({str(path)!r}, isolation_level=None)
        for sql in {statements!r}:
            c.execute(sql)
        print("locked", flush=True)
        sys.stdin.read()
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def _release(proc: subprocess.Popen) -> None:
    proc.stdin.close()
    proc.wait(timeout=30)


def test_write_while_another_program_holds_an_exclusive_lock_is_a_message_not_a_hang(tmp_path: Path):
    path = tmp_path / "shop.db"
    make_shop(path, 5)
    holder = _hold_lock(path, ["BEGIN EXCLUSIVE", "DELETE FROM orders WHERE order_no='000000000000'"])
    try:
        db = open_database(path)  # WAL: reading still works, so the window can show the shop
        with pytest.raises(DatabaseLockedError, match="locked by another program"):
            with db.transaction() as s:
                s.execute(insert(Order).values(platform="jd", order_no="x", status="paid"))
        db.close()
    finally:
        _release(holder)
    db = open_database(path)
    with db.transaction() as s:  # usable again once the other program lets go
        s.execute(insert(Order).values(platform="jd", order_no="x", status="paid"))
    db.close()


def test_database_held_exclusively_by_another_program_cannot_be_opened_and_says_so(tmp_path: Path):
    path = tmp_path / "shop.db"
    make_shop(path, 5)
    holder = _hold_lock(path, ["PRAGMA locking_mode=EXCLUSIVE", "BEGIN EXCLUSIVE", "SELECT count(*) FROM orders"])
    try:
        with pytest.raises(DatabaseLockedError, match="locked by another program"):
            open_database(path)
    finally:
        _release(holder)


def test_rollback_journal_database_locked_by_another_program(tmp_path: Path):
    """Files copied or edited with other tools may not be in WAL mode; still a message."""
    path = tmp_path / "shop.db"
    make_shop(path, 5)
    import sqlite3

    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=DELETE")
    con.close()
    holder = _hold_lock(path, ["BEGIN EXCLUSIVE", "DELETE FROM orders WHERE order_no='000000000001'"])
    try:
        with pytest.raises(DatabaseLockedError):
            open_database(path)
    finally:
        _release(holder)
