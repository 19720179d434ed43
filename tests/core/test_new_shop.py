"""A new shop file is made from the models in one go (core.new_shop), not by replaying every
migration. Both ways must leave the same shop — tables, columns, keys, indexes, triggers, rows,
planner statistics, revision — or a shop made today and one migrated from an old version would
behave differently."""
from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from core import data_revisions
from core.db import Database, head_revision, open_database


def _migrated(path: Path) -> None:
    db = Database(path)
    db._run_alembic_upgrade()
    db.close()


def _items(create_sql: str) -> set[str]:
    """A CREATE TABLE's columns and constraints as a set: a column a migration added with ALTER TABLE
    comes last there and in model order here, and SQLite keeps each statement as written (quotes,
    line breaks). No code reads rows by position (every statement names its columns)."""
    body = create_sql[create_sql.index("(") + 1:create_sql.rindex(")")]
    items, depth, start = [], 0, 0
    for i, ch in enumerate(body):
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            items.append(body[start:i])
            start = i + 1
    items.append(body[start:])
    return {re.sub(r"\s+", " ", item).strip() for item in items}


def _shop(path: Path) -> dict:
    con = sqlite3.connect(path)
    try:
        out: dict = {}
        for kind, name, table, sql in con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"):
            if kind == "table" and sql:
                out[(kind, name)] = (table, _items(sql), {tuple(c[1:]) for c in con.execute(f'PRAGMA table_xinfo("{name}")')})
            else:
                out[(kind, name)] = (table, re.sub(r"\s+", " ", sql or ""))
        for (kind, name) in list(out):
            if kind == "table":
                rows = con.execute(f'SELECT * FROM "{name}"').fetchall()
                if name == "data_revisions":  # a random number each time (core.data_revisions): its row, not its value
                    rows = [r[0] for r in rows]
                out[("rows", name)] = sorted(rows, key=repr)
        return out
    finally:
        con.close()


def test_a_new_shop_file_is_the_shop_the_migrations_make(tmp_path: Path):
    made = tmp_path / "new.db"
    open_database(made).close()
    migrated = tmp_path / "migrated.db"
    _migrated(migrated)
    new, old = _shop(made), _shop(migrated)
    assert sorted(new) == sorted(old)
    for key in old:
        assert new[key] == old[key], key
    # The parts that make the shop work, named, so that an empty comparison cannot pass unnoticed.
    assert ("trigger", "tr_order_lines_facts_insert") in new and ("index", "ix_order_lines_sales") in new
    assert new[("rows", "alembic_version")] == [(head_revision(),)]
    assert new[("rows", "data_revisions")] == ["orders"]
    assert any(r[0] == "data_revisions" for r in new[("rows", "sqlite_stat1")])


def test_a_new_shop_file_opens_again_without_a_migration(tmp_path: Path):
    path = tmp_path / "shop.db"
    db = open_database(path)
    assert db.current_revision() == head_revision()
    with db.engine.begin() as conn:
        before = data_revisions.current(conn)
        data_revisions.bump(conn)
        assert data_revisions.current(conn) not in (None, before)
    db.close()
    again = Database(path)
    assert again.migrate() is False
    again.close()


def test_a_first_start_stopped_while_the_shop_is_made_leaves_an_empty_file(tmp_path: Path, monkeypatch):
    """The tables, triggers and revision are made in one transaction: a start closed half-way
    leaves nothing that the next start could not open."""
    real_bump = data_revisions.bump

    def die(*args, **kwargs):
        raise KeyboardInterrupt  # like the app being closed while the shop is made

    monkeypatch.setattr(data_revisions, "bump", die)
    path = tmp_path / "first.db"
    with pytest.raises(KeyboardInterrupt):
        open_database(path)
    con = sqlite3.connect(path)
    assert con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    con.close()
    monkeypatch.setattr(data_revisions, "bump", real_bump)
    db = open_database(path)
    assert db.current_revision() == head_revision()
    assert db.is_empty() is False
    db.close()
