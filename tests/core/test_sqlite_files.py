"""SQLite files: a copy is one consistent state or nothing, quick_check sees damage, revisions read."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from core.migrations import head_revision
from core.sqlite_files import copy_to_new_file, quick_check, schema_revision
from tests.helpers.safety_data import damage

ROWS = 2000


def _file(path: Path) -> Path:
    """A database of ~500 pages in WAL mode (like a shop's), every row with v = 0."""
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER NOT NULL, pad BLOB)")
    con.execute("CREATE INDEX ix_t_v ON t (v)")
    con.execute(f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {ROWS}) "
                "INSERT INTO t (v, pad) SELECT 0, randomblob(900) FROM n")
    con.close()
    return path


def _one(path: Path, sql: str):
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchone()
    finally:
        con.close()


def test_copy_is_one_consistent_state_while_another_connection_writes(tmp_path: Path):
    source = _file(tmp_path / "shop.db")
    writer = sqlite3.connect(source, isolation_level=None)  # another program, say the window
    writes = 0
    reported: list[tuple[int, int]] = []

    def between_steps(done: int, total: int) -> None:
        nonlocal writes
        reported.append((done, total))
        if done < total and writes < 3:  # half-way through a copy: every page changes
            writer.execute("UPDATE t SET v = v + 1")
            writes += 1

    dest = copy_to_new_file(source, tmp_path / "copy.db", pages=16, progress=between_steps)
    writer.close()
    assert writes == 3
    # Not a mix of pages from before and after the writes: the state after the last one, whole.
    assert _one(dest, "SELECT min(v), max(v), count(*) FROM t") == (3, 3, ROWS)
    assert quick_check(dest) == []
    assert _one(dest, "PRAGMA journal_mode") == ("delete",)  # one file, no -wal to carry along
    assert reported[-1][0] == reported[-1][1]  # the progress the owner sees ends at 100 %


@pytest.mark.parametrize("failure", ["cut short half-way", "source unreadable"])
def test_a_copy_that_fails_leaves_no_file_with_the_real_name(tmp_path: Path, failure: str):
    source = _file(tmp_path / "shop.db")
    dest = tmp_path / "backups" / "shop-copy.db"
    dest.parent.mkdir()
    seen_mid_copy: list[bool] = []
    progress = None
    if failure == "cut short half-way":
        def progress(done: int, total: int) -> None:
            if done < total:
                seen_mid_copy.append(dest.exists())  # what a power cut at this moment would leave
                raise OSError("No space left on device")
    else:
        damage(source, offset=0, length=100)  # the header: SQLite cannot read the file at all
    with pytest.raises((OSError, sqlite3.DatabaseError)):
        copy_to_new_file(source, dest, pages=16, progress=progress)
    assert True not in seen_mid_copy
    assert list(dest.parent.iterdir()) == []  # neither the real name nor a leftover .part


def test_quick_check_finds_a_damaged_page(tmp_path: Path):
    path = _file(tmp_path / "shop.db")
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=DELETE")  # every page in the file itself, none in a WAL
    con.close()
    assert quick_check(path) == []
    # A whole page overwritten, as a failing disk would: the index's top page, whose number
    # the schema tells (damage elsewhere may make SQLite stop with an error instead: below).
    page = _one(path, "SELECT rootpage FROM sqlite_master WHERE name = 'ix_t_v'")[0]
    page_size = _one(path, "PRAGMA page_size")[0]
    damage(path, offset=(page - 1) * page_size, length=page_size)
    problems = quick_check(path, read_only=True)
    assert problems and f"Page {page}:" in problems[0]


def test_quick_check_raises_for_a_file_sqlite_cannot_read(tmp_path: Path):
    path = tmp_path / "orders.db"
    path.write_bytes(b"PK\x03\x04 an xlsx renamed to .db " * 200)
    with pytest.raises(sqlite3.DatabaseError):
        quick_check(path)


def test_schema_revision_of_a_shop_and_of_a_foreign_file(db, tmp_path: Path):
    assert schema_revision(db.path) == head_revision()
    foreign = _file(tmp_path / "other.db")
    assert schema_revision(foreign, read_only=True) is None
