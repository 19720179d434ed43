"""Opening, migrating, backing up and restoring the shop database."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import insert, select, text

from core.db import Database, head_revision, open_database
from core.errors import DamagedDatabaseError, DatabaseError, NewerDatabaseError
from core.models import Base, Order, Sku


def test_empty_database_is_migrated_to_head_with_every_table(tmp_path: Path):
    db = open_database(tmp_path / "new.db")
    assert db.current_revision() == head_revision()
    with db.engine.connect() as conn:
        tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
        assert set(Base.metadata.tables) <= tables
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    db.close()


def test_migrations_produce_exactly_the_models(tmp_path: Path):
    """The migration chain and models.py must agree column for column."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    db = Database(tmp_path / "m.db")
    db._run_alembic_upgrade()  # the chain itself: a new file is made from the models (core.new_shop)
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    db.close()
    assert diff == []


def test_newer_schema_is_refused_and_left_untouched(tmp_path: Path):
    path = tmp_path / "future.db"
    open_database(path).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num='9999'")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(NewerDatabaseError, match="newer version"):
        open_database(path)
    assert path.read_bytes() == before


def test_random_bytes_are_refused_not_replaced(tmp_path: Path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"\x00garbage" * 100)
    with pytest.raises(DamagedDatabaseError):
        open_database(path)
    assert path.read_bytes() == b"\x00garbage" * 100


def test_foreign_sqlite_file_is_refused(tmp_path: Path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes (x)")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError, match="not a ShopDesk database"):
        open_database(path)


def test_backup_and_restore_round_trip_while_open(db, tmp_path: Path):
    with db.transaction() as s:
        s.execute(insert(Sku).values(code="A-1", title="杯子"))
        s.execute(insert(Order).values(platform="taobao", order_no="1001", status="paid", paid_fen=1299))
    backup = db.backup(tmp_path / "b.db")
    # change after the backup, with a second connection still open
    reader = db.session()
    reader.execute(select(Order)).all()
    with db.transaction() as s:
        s.execute(insert(Order).values(platform="taobao", order_no="1002", status="paid", paid_fen=5))
    kept = db.restore(backup, keep_dir=tmp_path / "kept")
    reader.close()
    with db.session() as s:
        assert [o.order_no for o in s.scalars(select(Order))] == ["1001"]
    # the replaced data (with order 1002) is kept
    con = sqlite3.connect(kept)
    assert sorted(r[0] for r in con.execute("SELECT order_no FROM orders")) == ["1001", "1002"]
    con.close()


def test_restore_refuses_a_file_that_is_not_a_backup(db, tmp_path: Path):
    bad = tmp_path / "bad.db"
    bad.write_text("hello")
    with pytest.raises(DatabaseError):
        db.restore(bad)


def test_a_migration_that_fails_half_way_leaves_no_half_schema(tmp_path: Path, monkeypatch):
    """The first start killed during its migration must not leave a file no start can open."""
    from alembic.operations import Operations

    real_create = Operations.create_table
    calls = {"n": 0}

    def create_then_die(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 6:
            raise KeyboardInterrupt  # like the app being closed mid-migration
        return real_create(self, *args, **kwargs)

    monkeypatch.setattr(Operations, "create_table", create_then_die)
    # The migration chain on an empty file (a new file is made from the models: test_new_shop.py).
    monkeypatch.setattr(Database, "_create_new_shop", Database._run_alembic_upgrade)
    path = tmp_path / "first.db"
    with pytest.raises(KeyboardInterrupt):
        open_database(path)
    con = sqlite3.connect(path)
    tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    con.close()
    assert tables == []
    monkeypatch.setattr(Operations, "create_table", real_create)
    db = open_database(path)  # the next start simply creates the schema
    assert db.current_revision() == head_revision()
    db.close()
