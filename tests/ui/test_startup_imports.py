"""Start-up stays light: nothing heavy is imported before the first window appears.

Each check runs in a fresh interpreter, because this test session has long since imported
pandas and matplotlib. The child follows main.py's path (the parser with every command
module, the QApplication, the database, the main window) and reports which heavy modules
``sys.modules`` holds by then.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

CHILD = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
import main  # noqa: F401  (the entry module itself)
from core import settings
from core.cli import build_parser
from core.db import open_database
from ui.app import create_application
from ui.context import AppContext
from ui.main_window import MainWindow

args = build_parser().parse_args(["--db", sys.argv[2]])
app = create_application()
db = open_database(args.db)
window = MainWindow(AppContext(db, settings.load()))
heavy = ("pandas", "numpy", "matplotlib", "openpyxl", "python_calamine", "alembic", "sqlalchemy", "psycopg")
print(json.dumps({"tabs": window.tabs.count(), "loaded": [m for m in heavy if m in sys.modules]}))
db.close()
"""


def _start_window(db_path: Path, data_dir: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SHOPDESK_DATA_DIR=str(data_dir))
    env.pop("SHOPDESK_EXIT_AFTER_SHOW", None)
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(ROOT), str(db_path)],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_building_the_main_window_imports_no_heavy_library(tmp_path: Path) -> None:
    db_path = tmp_path / "fresh.db"
    first = _start_window(db_path, tmp_path / "data")
    assert first["tabs"] == 6
    # A fresh database is made from the models (core.new_shop), so SQLAlchemy is allowed on this
    # first start only; Alembic is not needed for it.
    assert [m for m in first["loaded"] if m != "sqlalchemy"] == []

    again = _start_window(db_path, tmp_path / "data")
    assert again["tabs"] == 6
    assert again["loaded"] == [], "an up-to-date database must open without SQLAlchemy, Alembic or the data libraries"


def test_status_codes_spelled_out_in_tabs_match_core() -> None:
    # The inventory and team tabs spell out core's status codes so that building them does
    # not import SQLAlchemy; a renamed code in core must not silently break their filters.
    from core import inventory, tasks
    from ui.tabs import inventory_tab, team_tab

    assert inventory_tab.STATUS_ORDER == inventory.STATUS_ORDER
    assert team_tab.DONE == tasks.DONE


def test_kpi_keys_spelled_out_in_the_kpi_tab_match_core() -> None:
    # The KPI tab builds its cards and range presets without importing core.kpi (SQLAlchemy):
    # a card or preset added in core must show up in the tab too.
    from core import kpi
    from ui.tabs import kpi_tab

    assert kpi_tab.CARD_KEYS == kpi.CARD_KEYS
    assert kpi_tab.PRESETS == kpi.PRESETS


def test_chinese_names_sort_by_pinyin() -> None:
    # The check the smoke test (and so the frozen bundle, with its thinner ICU data) runs: Qt sorts
    # 张三/王五/李四/阿里 as a-li, li-si, wang-wu, zhang-san only when ICU's Chinese collation loads.
    from ui.smoke import _collation_problems

    assert _collation_problems() == []
