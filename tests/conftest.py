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
def db(tmp_path: Path):
    """A fresh, migrated, empty shop database."""
    from core.db import open_database

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


@pytest.fixture
def demo_db(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory):
    """A private copy of the demo shop (ending on DEMO_END)."""
    from core.db import open_database

    path = tmp_path / "demo.db"
    shutil.copy(demo_template(tmp_path_factory), path)
    database = open_database(path)
    yield database
    database.close()
