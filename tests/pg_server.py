"""A PostgreSQL server for the tests that run on both engines.

``SHOPDESK_TEST_PG_URL`` (``postgresql+psycopg://user@host:port/postgres``, a role allowed to
CREATE DATABASE) names one; without it a throwaway cluster is started in a temp folder with the
machine's ``initdb`` (Debian's postgresql package), listening on a unix socket only, and stopped
when the test session ends. Each test gets its own database, made from a migrated template
(``CREATE DATABASE … TEMPLATE``) and dropped afterwards.
"""
from __future__ import annotations

import atexit
import contextlib
import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

_STATE: dict[str, object] = {}
HBA = "local all postgres trust\nlocal all all scram-sha-256\n"


def _initdb() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    return Path(versions[-1]).parent if versions else None


def _as_user() -> list[str]:
    """initdb refuses to run as root: run the cluster as the ``postgres`` system user then."""
    if os.geteuid() != 0:
        return []
    import pwd

    try:
        pwd.getpwnam("postgres")
    except KeyError:
        return ["__no_user__"]
    return ["runuser", "-u", "postgres", "--"]


def _start_cluster() -> tuple[str | None, str]:
    bindir = _initdb()
    if bindir is None:
        return None, "no PostgreSQL server: set SHOPDESK_TEST_PG_URL or install Debian's postgresql package"
    prefix = _as_user()
    if prefix == ["__no_user__"]:
        return None, "running as root without a 'postgres' system user to run initdb as"
    folder = Path(tempfile.mkdtemp(prefix="shopdesk-pg-"))
    if prefix:
        shutil.chown(folder, "postgres")
    data = folder / "data"
    # The tests set LANG to a locale the machine may not have; the server needs none.
    env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    try:
        subprocess.run(prefix + [str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                                 "-E", "UTF8", "--locale=C", "--no-sync"], check=True, capture_output=True, timeout=120, env=env)
        # The postgres superuser connects without a password; every other account (the team-mode
        # tests' people) must give its own, so a wrong password is refused as on a real server.
        (data / "pg_hba.conf").write_text(HBA)
        subprocess.run(prefix + [str(bindir / "pg_ctl"), "-D", str(data), "-w", "-l", str(folder / "log"), "-o",
                                 f"-c listen_addresses='' -k {folder} -c fsync=off -c full_page_writes=off", "start"],
                       check=True, capture_output=True, timeout=120, env=env)
    except (subprocess.SubprocessError, OSError) as exc:
        shutil.rmtree(folder, ignore_errors=True)
        detail = getattr(exc, "stderr", b"") or b""
        return None, f"could not start a throwaway PostgreSQL cluster: {exc} {detail.decode(errors='replace')[-300:]}"

    def stop() -> None:
        subprocess.run(prefix + [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, timeout=60)
        shutil.rmtree(folder, ignore_errors=True)

    atexit.register(stop)
    return f"postgresql+psycopg://postgres@/postgres?host={folder}", ""


def admin_url() -> tuple[str | None, str]:
    """(URL of the server's maintenance database, or None and why not)."""
    if "admin" not in _STATE:
        url = os.environ.get("SHOPDESK_TEST_PG_URL")
        _STATE["admin"] = (url, "") if url else _start_cluster()
    return _STATE["admin"]  # type: ignore[return-value]


def _admin_engine():
    if "engine" not in _STATE:
        from sqlalchemy import create_engine

        _STATE["engine"] = create_engine(admin_url()[0], isolation_level="AUTOCOMMIT")
    return _STATE["engine"]


def database_url(name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(admin_url()[0]).set(database=name).render_as_string(hide_password=False)


def create_database(template: str | None = None) -> str:
    """A new, empty (or a copy of ``template``) database; returns its name."""
    name = f"shopdesk_test_{uuid.uuid4().hex[:12]}"
    with _admin_engine().connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    return name


def drop_database(name: str) -> None:
    with _admin_engine().connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def migrated_template() -> str:
    """One database migrated to head per test session; each test's database is a copy of it."""
    if "template" not in _STATE:
        from core.db import open_database

        name = create_database()
        open_database(database_url(name)).close()
        _STATE["template"] = name
        atexit.register(drop_database, name)
    return _STATE["template"]  # type: ignore[return-value]


@contextlib.contextmanager
def staff_account(database_url_: str, password: str):
    """A fresh staff login on the ShopDesk shop at ``database_url_``, as Settings → Database would
    choose it (a ``ServerChoice``); afterwards the shop's database and the login are dropped."""
    from sqlalchemy.engine import make_url

    from core.db import open_database
    from core.team_connection import ServerChoice
    from core.team_roles import add_person, drop_roles, setup_roles

    owner = open_database(database_url_)
    login = f"t{uuid.uuid4().hex[:10]}"
    with owner.engine.begin() as conn:
        setup_roles(conn)
        add_person(conn, login, "staff", password)
    owner.close()
    url = make_url(database_url_)
    try:
        yield ServerChoice("server", url.query["host"], url.port or 5432, url.database, login)
    finally:
        drop_database(url.database)
        with _admin_engine().connect() as conn:
            drop_roles(conn, url.database, [login])
