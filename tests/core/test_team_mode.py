"""Team mode on PostgreSQL: `team init`, `team move-to` both ways, and backups of a server shop.

These need a PostgreSQL server (tests/pg_server.py): they skip with the reason outside CI when
none can be started, and fail in CI.
"""
from __future__ import annotations

import json
import sqlite3

import pytest
from sqlalchemy import create_engine, text

from core.cli import build_parser, run_command
from core.migrations import head_revision

ALL_YEARS = ("--from", "2020-01-01", "--to", "2030-12-31", "--json")


@pytest.fixture
def empty_server_db():
    """An empty database (no tables at all) on the test server; yields its URL."""
    from tests import pg_server
    from tests.conftest import _server_or_skip

    _server_or_skip()
    name = pg_server.create_database()
    yield pg_server.database_url(name)
    pg_server.drop_database(name)


def cli(*argv: str) -> int:
    return run_command(build_parser().parse_args(list(argv)))


def tables(url: str) -> list[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return sorted(r[0] for r in conn.execute(text(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")))
    finally:
        engine.dispose()


def scalar(url: str, sql: str):
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text(sql)).scalar()
    finally:
        engine.dispose()


def kpis(capsys, target: str) -> dict:
    capsys.readouterr()
    assert cli("--db", target, "kpi", *ALL_YEARS) == 0
    return json.loads(capsys.readouterr().out)


def test_team_init_creates_the_schema_once_and_says_so(empty_server_db, capsys):
    assert cli("team", "init", empty_server_db) == 0
    assert "were created" in capsys.readouterr().out
    assert {"orders", "order_lines", "goals", "tasks", "alembic_version"} <= set(tables(empty_server_db))
    assert scalar(empty_server_db, "SELECT version_num FROM alembic_version") == head_revision()
    assert cli("team", "init", empty_server_db) == 0
    assert "nothing was changed" in capsys.readouterr().out


def test_team_init_refuses_a_foreign_or_newer_database_and_changes_nothing(empty_server_db, capsys):
    engine = create_engine(empty_server_db)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (id integer)"))
    assert cli("team", "init", empty_server_db) == 1
    assert "not ShopDesk's" in capsys.readouterr().err
    assert tables(empty_server_db) == ["invoices"]
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE invoices"))
    engine.dispose()
    assert cli("team", "init", empty_server_db) == 0
    engine = create_engine(empty_server_db)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    capsys.readouterr()
    assert cli("team", "init", empty_server_db) == 1
    assert "newer version of ShopDesk" in capsys.readouterr().err


def test_team_init_explains_a_file_name_and_an_unreachable_server(capsys):
    assert cli("team", "init", "shop.db") == 2
    assert "not a server address" in capsys.readouterr().err
    assert cli("team", "init", "postgresql+psycopg://owner:pw@127.0.0.1:1/shop") == 1
    err = capsys.readouterr().err
    assert "Could not use the server database" in err and "pw" not in err.replace("***", "")


def test_move_to_a_server_and_back_keeps_every_row_and_kpi(empty_server_db, demo_db, tmp_path, capsys):
    before = kpis(capsys, demo_db.location)
    assert cli("--db", demo_db.location, "team", "move-to", empty_server_db) == 0
    out = capsys.readouterr().out
    assert "the same count in each" in out and "are the same on both" in out
    assert kpis(capsys, empty_server_db) == before
    with sqlite3.connect(demo_db.path) as conn:
        orders = conn.execute("SELECT count(*) FROM orders").fetchone()[0]
        lines = conn.execute("SELECT sum(sales_fen) FROM order_lines").fetchone()[0]
    assert scalar(empty_server_db, "SELECT count(*) FROM orders") == orders > 1000
    assert scalar(empty_server_db, "SELECT sum(sales_fen) FROM order_lines") == pytest.approx(lines)

    back = tmp_path / "back.db"
    assert cli("--db", empty_server_db, "team", "move-to", str(back)) == 0
    assert kpis(capsys, str(back)) == before
    # the ids the copy wrote do not block the next new row on the server (its sequences moved on)
    from core.db import open_database
    from core.models import Staff

    server = open_database(empty_server_db)
    with server.transaction() as s:
        newcomer = Staff(name="新同事")
        s.add(newcomer)
        s.flush()
        assert newcomer.id > scalar(empty_server_db, "SELECT max(id) FROM staff WHERE name <> '新同事'")
    server.close()


def test_move_to_refuses_a_database_that_holds_a_shop_and_writes_nothing(empty_server_db, demo_db, db, capsys):
    assert cli("team", "init", empty_server_db) == 0
    assert cli("--db", demo_db.location, "team", "move-to", empty_server_db) == 0
    orders = scalar(empty_server_db, "SELECT count(*) FROM orders")
    capsys.readouterr()
    assert cli("--db", db.location, "team", "move-to", empty_server_db) == 1
    assert "already holds shop data" in capsys.readouterr().err
    assert scalar(empty_server_db, "SELECT count(*) FROM orders") == orders


def test_a_copy_whose_kpis_differ_is_rolled_back_whole(empty_server_db, demo_db, monkeypatch, capsys):
    from core import shop_copy

    real = shop_copy.kpi_numbers
    calls = []

    def drifting(conn, first, last):
        calls.append(conn.dialect.name)
        numbers = real(conn, first, last)
        return {**numbers, "gmv": -1} if conn.dialect.name == "postgresql" else numbers

    monkeypatch.setattr(shop_copy, "kpi_numbers", drifting)
    assert cli("--db", demo_db.location, "team", "move-to", empty_server_db) == 1
    assert "KPI numbers of the copy differ" in capsys.readouterr().err
    assert calls == ["sqlite", "postgresql"]
    assert scalar(empty_server_db, "SELECT count(*) FROM orders") == 0
    assert scalar(empty_server_db, "SELECT count(*) FROM order_lines") == 0


def test_move_to_a_file_needs_a_new_db_file(demo_db, tmp_path, capsys):
    taken = tmp_path / "taken.db"
    taken.write_bytes(b"something")
    assert cli("--db", demo_db.location, "team", "move-to", str(taken)) == 1
    assert "already exists" in capsys.readouterr().err
    assert taken.read_bytes() == b"something"
    assert cli("--db", demo_db.location, "team", "move-to", str(tmp_path / "shop.xlsx")) == 2


def test_backup_of_a_server_shop_is_a_shopdesk_file_with_the_same_kpis(pg_demo, tmp_path, capsys):
    from core.integrity import check_backup_file

    before = kpis(capsys, pg_demo)
    out = tmp_path / "server-copy.db"
    assert cli("--db", pg_demo, "backup", str(out)) == 0
    assert str(out) in capsys.readouterr().out
    check_backup_file(out)  # what `restore` checks: sound, a ShopDesk schema this version knows
    assert kpis(capsys, str(out)) == before
    assert not list(tmp_path.glob("*.part*"))


@pytest.fixture
def pg_demo(request):
    """The demo shop on the test server (a copy per test); yields its URL."""
    from tests import pg_server
    from tests.conftest import _server_or_skip, pg_demo_template

    _server_or_skip()
    name = pg_server.create_database(template=pg_demo_template())
    yield pg_server.database_url(name)
    pg_server.drop_database(name)


def test_every_team_mode_message_is_translated():
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    known: dict[str, str] = {}
    for glossary in (root / "resources/translations/zh_CN").glob("*.json"):
        known.update(json.loads(glossary.read_text(encoding="utf-8")))
    files = [*(root / "core/engines").glob("*.py"), root / "core/shop_copy.py", root / "core/cli/team_cmd.py",
             root / "core/team_roles.py", root / "core/team_restore.py",
             root / "core/db.py"]
    missing = [node.args[0].value for f in files for node in ast.walk(ast.parse(f.read_text(encoding="utf-8")))
               if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "t" and node.args
               and isinstance(node.args[0], ast.Constant) and node.args[0].value not in known]
    assert missing == []


def test_a_server_url_without_the_driver_says_what_is_missing(monkeypatch, capsys):
    """The standalone bundle leaves psycopg out (build.spec): a server URL gets a message, not a traceback."""
    import sys

    monkeypatch.setitem(sys.modules, "psycopg", None)
    assert cli("--db", "postgresql+psycopg://owner@127.0.0.1:1/shop", "kpi", *ALL_YEARS) == 1
    assert "no PostgreSQL driver (psycopg)" in capsys.readouterr().err
