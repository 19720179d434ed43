"""The main window as the owner first sees it: six tabs, each with the demo shop's data."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from core.settings import Settings
from tests.conftest import DEMO_END
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.widgets.record_table import RecordTable

ROOT = Path(__file__).resolve().parents[2]
TAB_TITLES_EN = ["Goals", "Promotions", "Inventory", "Members", "Team", "KPIs"]
TAB_TITLES_ZH = ["目标", "促销日历", "库存预警", "会员", "团队任务", "数据看板"]


def _window(qtbot, db) -> MainWindow:
    window = MainWindow(AppContext(db, Settings(), today=DEMO_END))
    qtbot.addWidget(window)
    return window


def _show_all_tabs(qtbot, window: MainWindow) -> None:
    window.show()
    for index, page in enumerate(window.pages):
        window.tabs.setCurrentIndex(index)
        qtbot.waitUntil(lambda: not page.loading and not page._stale, timeout=20_000)


def test_six_tabs_in_planning_order(qtbot, db):
    window = _window(qtbot, db)
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == TAB_TITLES_EN
    assert str(db.path) in window.db_label.text()


def test_every_tab_shows_demo_data(qtbot, demo_db):
    window = _window(qtbot, demo_db)
    _show_all_tabs(qtbot, window)
    for page in window.pages:
        assert page.banner.isHidden() or "error" not in page.banner.styleSheet(), page.key
        tables = page.findChildren(RecordTable)
        for table in tables:
            assert table.model.rowCount() > 0, page.key
    inventory = window.page("inventory").findChild(RecordTable, "inventory.table")
    statuses = {inventory.model.index(r, 0).data() for r in range(inventory.model.rowCount())}
    assert {"Reorder now", "Slow-moving", "OK"} <= statuses
    assert "SKU(s):" in window.page("inventory").summary.text()


def test_empty_shop_shows_guidance_not_errors(qtbot, db):
    window = _window(qtbot, db)
    _show_all_tabs(qtbot, window)
    goals = window.page("goals")
    assert not goals.banner.isHidden() and "No goals yet" in goals.banner.text()
    assert "Import a stock list" in window.page("inventory").banner.text()


def test_filter_narrows_rows_and_says_so(qtbot, demo_db):
    window = _window(qtbot, demo_db)
    window.show()
    window.tabs.setCurrentIndex(2)
    page = window.page("inventory")
    qtbot.waitUntil(lambda: not page.loading and not page._stale, timeout=20_000)
    table = page.findChild(RecordTable, "inventory.table")
    total = table.model.rowCount()
    table.search.setText("茶")
    shown = table.proxy.rowCount()
    assert 0 < shown < total
    assert f"{shown:,} of {total:,} row(s)" == table.count_label.text()  # the source: no English catalogue


def test_choosing_chinese_in_settings_gives_chinese_tabs_on_next_start(qtbot, db):
    from core import settings as settings_mod
    from ui.app import install_translators
    from ui.dialogs.settings_dialog import SettingsDialog

    prefs = Settings()
    dialog = SettingsDialog(prefs)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    assert dialog.restart_note.isVisibleTo(dialog)
    dialog.apply()
    saved = settings_mod.load()
    assert saved.language == "zh_CN"

    # "Next start": the app installs the catalogues for the saved language.
    app = QCoreApplication.instance()
    translators = install_translators(app, saved.language)
    try:
        assert translators, "the Chinese catalogue must ship and load"
        window = _window(qtbot, db)
        assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == TAB_TITLES_ZH
        assert window.file_menu.title() == "文件(&F)"
    finally:
        for t in translators:
            app.removeTranslator(t)
        from PySide6.QtCore import QLocale

        QLocale.setDefault(QLocale("en_US"))


def test_second_window_on_the_same_database_is_refused(tmp_path):
    code = (
        "import sys; sys.path.insert(0, %r)\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from ui.app import lock_database\n"
        "from pathlib import Path\n"
        "print('locked' if lock_database(Path(sys.argv[1])) is None else 'free')\n"
    ) % str(ROOT)
    from ui.app import lock_database

    db_file = tmp_path / "shop.db"
    held = lock_database(db_file)
    assert held is not None
    out = subprocess.run([sys.executable, "-c", code, str(db_file)], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "locked"
    held.unlock()
    out = subprocess.run([sys.executable, "-c", code, str(db_file)], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "free"


def test_goal_periods_read_like_a_plan(qtbot, db):
    import datetime as dt

    from core.models import Goal
    from ui.tabs.goals_tab import GoalsTab, period_label

    assert period_label("year", dt.date(2026, 1, 1), dt.date(2026, 12, 31)) == "2026"
    assert period_label("half", dt.date(2026, 7, 1), dt.date(2026, 12, 31)) == "2026 H2"
    assert period_label("quarter", dt.date(2026, 4, 1), dt.date(2026, 6, 30)) == "2026 Q2"
    assert period_label("month", dt.date(2026, 11, 1), dt.date(2026, 11, 30)) == "2026-11"
    assert period_label("year", dt.date(2026, 4, 1), dt.date(2027, 3, 31)) == "2026-04-01 – 2027-03-31"
    # The order of a written plan: the year, its halves, quarters and months, then next year.
    plan = [
        ("year", dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
        ("half", dt.date(2026, 1, 1), dt.date(2026, 6, 30)),
        ("half", dt.date(2026, 7, 1), dt.date(2026, 12, 31)),
        ("quarter", dt.date(2026, 1, 1), dt.date(2026, 3, 31)),
        ("quarter", dt.date(2026, 4, 1), dt.date(2026, 6, 30)),
        ("month", dt.date(2026, 1, 1), dt.date(2026, 1, 31)),
        ("month", dt.date(2026, 2, 1), dt.date(2026, 2, 28)),
        ("month", dt.date(2026, 12, 1), dt.date(2026, 12, 31)),
        ("year", dt.date(2027, 1, 1), dt.date(2027, 12, 31)),
    ]
    with db.transaction() as s:  # entered in another order than the plan's
        s.add_all(Goal(period_kind=k, period_start=a, period_end=b, target_gmv_fen=100_000)
                  for k, a, b in plan[1::2] + plan[::2])
    tab = GoalsTab(AppContext(db, Settings(), today=DEMO_END))
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.sig_loaded, timeout=20_000):
        tab.show()
    shown = [tab.table.proxy.index(r, 0).data() for r in range(tab.table.proxy.rowCount())]
    assert shown == [period_label(*p) for p in plan]


def test_goals_tab_opens_at_the_current_month(qtbot, demo_db):
    window = _window(qtbot, demo_db)
    window.resize(1200, 600)
    window.show()
    page = window.page("goals")
    qtbot.waitUntil(lambda: not page.loading and not page._stale, timeout=20_000)
    table = page.findChild(RecordTable, "goals.table")  # the tracking table (the grid and funnel are tables too)
    top = lambda: table.proxy.index(table.view.rowAt(0), 0).data()  # noqa: E731
    qtbot.waitUntil(lambda: top() == f"{DEMO_END:%Y-%m}", timeout=30_000)
