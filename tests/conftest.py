"""Shared test set-up.

The offscreen platform is chosen before anything can load Qt, and every data folder
(settings, logs, backups, the default database) is redirected into the test's tmp_path so
that tests never touch the real user's files or the source tree.
"""
from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
# matplotlib caches the computer's font list in its config folder the first time it runs and
# never refreshes it: a cache older than the machine's Chinese fonts would decide the chart
# tests. A fresh folder per session (child processes share it) builds the list from the fonts
# installed now; test_charts simulates the stale cache on purpose.
_MPL_CONFIG = tempfile.mkdtemp(prefix="shopdesk-mpl-")
os.environ["MPLCONFIGDIR"] = _MPL_CONFIG
atexit.register(shutil.rmtree, _MPL_CONFIG, ignore_errors=True)
os.environ.setdefault("MPLBACKEND", "Agg")
os.environ["LANG"] = "en_US.UTF-8"  # tests see English unless they switch language
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "userdata"
    data.mkdir()
    monkeypatch.setenv("SHOPDESK_DATA_DIR", str(data))
    monkeypatch.delenv("SHOPDESK_DB", raising=False)
    from core import i18n

    i18n.set_language("en")
    return data


@pytest.fixture
def memory_keyring():
    """The credential store replaced by one in memory for the test; yields what it holds, by
    (service, account) — a test may put a password there or read what was saved."""
    import keyring

    from tests.fakes import MemoryKeyring

    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring.stored
    keyring.set_keyring(before)


# The database-touching core tests run on both engines (team mode, issue 19): their `db` and
# `demo_db` get a "postgresql" twin, a fresh database on a PostgreSQL server per test
# (tests/pg_server.py). The UI suite and the file-level tests (backups, damaged files) stay on SQLite.
BOTH_ENGINES = {
    "test_edits.py", "test_kpi_numbers.py", "test_kpi_periods.py", "test_kpi_series.py", "test_kpi_goals.py",
    "test_kpi_demo.py", "test_tab_services.py", "test_trash.py", "test_team_edits.py", "test_promotion_edits.py",
    "test_stock_count.py", "test_staff_kpi.py", "test_customers_from_orders.py", "test_member_tiers.py", "test_member_index.py",
    "test_goal_plan_edit.py", "test_goal_tracking.py", "test_reimport_undo.py", "test_taobao.py",
    "test_platforms.py", "test_other_kinds.py", "test_promotion_budget.py", "test_promotion_target.py",
    "test_currency.py", "test_import_currency.py", "test_promotion_currency.py", "test_member_currency.py",
    "test_big_order_import.py", "test_streamed_import.py",
    "test_inventory_alerts.py", "test_inventory_uplift.py", "test_inventory_purchasing.py", "test_deliveries.py",
    "test_inventory_speed_reference.py", "test_data_revisions.py", "test_inventory_parallel_reads.py",
    "test_stock_after_orders.py", "test_stored_prefetch.py",
}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    path = metafunc.definition.path
    if path.name not in BOTH_ENGINES or "core" not in path.parts:
        return
    for name in ("db", "demo_db"):
        if name in metafunc.fixturenames:
            metafunc.parametrize(name, ["sqlite", "postgresql"], indirect=True)


def _server_or_skip() -> None:
    from tests import pg_server

    url, why = pg_server.admin_url()
    if url is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the PostgreSQL tests: {why}")
        pytest.skip(f"PostgreSQL twin skipped: {why}")


@pytest.fixture
def pg_database():
    """A fresh, migrated, empty database on the test server; yields its URL."""
    from tests import pg_server

    _server_or_skip()
    name = pg_server.create_database(template=pg_server.migrated_template())
    yield pg_server.database_url(name)
    pg_server.drop_database(name)


@pytest.fixture
def db(request: pytest.FixtureRequest, tmp_path: Path):
    """A fresh, migrated, empty shop database (SQLite; on tests in BOTH_ENGINES also PostgreSQL)."""
    from core.db import open_database

    if getattr(request, "param", "sqlite") == "postgresql":
        url = request.getfixturevalue("pg_database")
        database = open_database(url)
    else:
        database = open_database(tmp_path / "shop.db")
    yield database
    database.close()


_DEMO_CACHE: dict[str, Path] = {}


def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One filled demo database per test session; tests get copies of it."""
    if "path" not in _DEMO_CACHE:
        import datetime as dt

        from core.db import open_database
        from core.demo import fill_demo

        path = tmp_path_factory.mktemp("demo") / "demo.db"
        database = open_database(path)
        fill_demo(database, end=DEMO_END)
        database.close()
        _DEMO_CACHE["path"] = path
    return _DEMO_CACHE["path"]


# Fixed so that demo-based assertions do not move with the calendar.
import datetime as _dt  # noqa: E402

DEMO_END = _dt.date(2026, 11, 20)


def pg_demo_template() -> str:
    """The demo shop on the test server, once per session; tests get copies (CREATE … TEMPLATE)."""
    if "pg" not in _DEMO_CACHE:
        import atexit as _atexit

        from core.db import open_database
        from core.demo import fill_demo
        from tests import pg_server

        name = pg_server.create_database(template=pg_server.migrated_template())
        database = open_database(pg_server.database_url(name))
        fill_demo(database, end=DEMO_END)
        database.close()
        _atexit.register(pg_server.drop_database, name)
        _DEMO_CACHE["pg"] = name  # type: ignore[assignment]
    return str(_DEMO_CACHE["pg"])


@pytest.fixture
def demo_db(request: pytest.FixtureRequest, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory):
    """A private copy of the demo shop (ending on DEMO_END)."""
    from core.db import open_database

    if getattr(request, "param", "sqlite") == "postgresql":
        from tests import pg_server

        _server_or_skip()
        name = pg_server.create_database(template=pg_demo_template())
        database = open_database(pg_server.database_url(name))
        yield database
        database.close()
        pg_server.drop_database(name)
        return
    path = tmp_path / "demo.db"
    shutil.copy(demo_template(tmp_path_factory), path)
    database = open_database(path)
    yield database
    database.close()
