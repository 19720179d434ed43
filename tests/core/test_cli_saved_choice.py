"""Headless commands open Settings → Database's saved choice when neither --db nor SHOPDESK_DB is
given: a shared server with the password from the credential store (a memory keyring here), or a
clear message saying how to give the password when none is stored."""
from __future__ import annotations

from core import paths
from core.cli import build_parser, run_command
from core.team_connection import SERVICE, ServerChoice, save_choice

PASSWORD = "correct horse 1"


def cli(*argv: str) -> int:
    return run_command(build_parser().parse_args(list(argv)))


def test_a_saved_server_without_a_stored_password_says_how_to_give_it(memory_keyring, capsys):
    save_choice(ServerChoice("server", "db.example", 5432, "shop", "wang"))
    assert cli("kpi", "--from", "2026-11-01", "--to", "2026-11-30") == 1
    err = capsys.readouterr().err
    assert "Settings → Database opens the shared server wang@db.example:5432/shop, but this computer keeps no " \
           "password for it" in err
    assert "--db postgresql+psycopg://wang:PASSWORD@db.example:5432/shop or the SHOPDESK_DB environment" in err
    assert not (paths.data_dir() / "shop.db").exists()  # nothing opened, nothing created


def test_this_computer_dash_dash_db_and_shopdesk_db_still_open_files(memory_keyring, capsys, monkeypatch, tmp_path):
    save_choice(ServerChoice())  # "This computer"
    assert cli("kpi", "--from", "2026-11-01", "--to", "2026-11-30", "--json") == 0
    assert (paths.data_dir() / "shop.db").exists()
    # A saved server does not override what the command line or SHOPDESK_DB says.
    save_choice(ServerChoice("server", "db.example", 5432, "shop", "wang"))
    assert cli("--db", str(tmp_path / "a.db"), "kpi", "--from", "2026-11-01", "--to", "2026-11-30") == 0
    monkeypatch.setenv("SHOPDESK_DB", str(tmp_path / "b.db"))
    assert cli("kpi", "--from", "2026-11-01", "--to", "2026-11-30") == 0
    assert (tmp_path / "a.db").exists() and (tmp_path / "b.db").exists()
    assert "keeps no password" not in capsys.readouterr().err


def test_a_saved_server_signs_in_with_the_stored_password(pg_database, memory_keyring, capsys):
    from tests import pg_server

    with pg_server.staff_account(pg_database, PASSWORD) as choice:
        save_choice(choice)
        memory_keyring[(SERVICE, choice.account)] = PASSWORD
        capsys.readouterr()
        assert cli("team", "users") == 0
        assert f"{choice.user}\tstaff\t" in capsys.readouterr().out
        assert not (paths.data_dir() / "shop.db").exists()
        # A wrong stored password is the server's refusal, said plainly; nothing is opened instead.
        memory_keyring[(SERVICE, choice.account)] = "wrong password"
        assert cli("team", "users") == 1
        assert "password" in capsys.readouterr().err.lower()
        assert not (paths.data_dir() / "shop.db").exists()
