"""Tabs are built when first needed (ui/lazy_tabs.py): the window paints after building only the
tab it opens on; the other tabs' titles and badges are right from the start, and a tab shown
later is complete."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from core.models import Task
from core.settings import Settings
from tests.conftest import DEMO_END
from ui.context import AppContext
from ui.lazy_tabs import tab_title
from ui.main_window import MainWindow
from ui.tabs import TABS, tab_class
from ui.widgets.record_table import RecordTable

ROOT = Path(__file__).resolve().parents[2]
AREAS = [spec.key for spec in TABS]

# main.py's path up to the window's first paint, in a fresh interpreter: which modules are
# loaded when the tab widget first paints? (A module a worker thread imports meanwhile, like
# SQLAlchemy for the first tab's load, is allowed; the other tabs' modules are not.)
CHILD = r"""
import json, sys, traceback
sys.path.insert(0, sys.argv[1])
import main  # noqa: F401
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from core import settings
from core.db import open_database
from ui.app import create_application
from ui.context import AppContext
from ui.main_window import MainWindow

app = create_application()
if sys.argv[3] != "-":
    QSettings().setValue("main_window/tab", int(sys.argv[3]))
db = open_database(sys.argv[2])
seen = {}

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not seen:
            # A copy first: the first tab's load imports on a worker thread meanwhile, and iterating
            # sys.modules itself then raised "dictionary changed size during iteration" on a loaded
            # machine; the filter failed, LazyTabs went on to count the badges (importing
            # ui.tabs.inventory_badge) and the next paint was taken for the first one.
            try:
                modules = sys.modules.copy()
                seen["lazy_tabs_painted"] = window.lazy_tabs._painted  # False: this is the first paint
                seen["modules"] = sorted(m for m in modules if m.startswith(("ui.", "core.", "matplotlib", "openpyxl", "psycopg")))
                seen["built"] = [p.key for p in window.lazy_tabs.built()]
                seen["current"] = window.tabs.currentWidget().objectName()
                seen["titles"] = [window.tabs.tabText(i) for i in range(window.tabs.count())]
            except Exception:
                seen["error"] = traceback.format_exc()  # told, not taken for a later paint
            QTimer.singleShot(0, app.quit)
        return False

window = MainWindow(AppContext(db, settings.load()))
spy = FirstPaint()
window.tabs.installEventFilter(spy)  # installed after LazyTabs' own filter: Qt calls it first
window.show()
QTimer.singleShot(60_000, app.quit)
app.exec()
print(json.dumps(seen))
db.close()
"""


def _first_paint(tmp_path: Path, tab: int | None = None) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SHOPDESK_DATA_DIR=str(tmp_path / "data"))
    env.pop("SHOPDESK_EXIT_AFTER_SHOW", None)
    out = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(tmp_path / "shop.db"), "-" if tab is None else str(tab)],
                         env=env, capture_output=True, text=True, timeout=180, check=False)
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert "error" not in seen, seen["error"]
    assert seen["lazy_tabs_painted"] is False
    return seen


def _other_tabs_modules(modules: list[str], key: str) -> list[str]:
    return [m for m in modules if m.startswith("ui.tabs.") and m.split(".")[2].split("_")[0] in set(AREAS) - {key}]


def test_the_first_paint_builds_and_imports_only_the_tab_the_window_opens_on(tmp_path):
    first = _first_paint(tmp_path)
    assert first["built"] == ["goals"] and first["current"] == "goals.page"
    assert first["titles"] == ["Goals", "Promotions", "Inventory", "Members", "Team", "KPIs"]
    assert "ui.tabs.goals_tab" in first["modules"]
    assert _other_tabs_modules(first["modules"], "goals") == []
    heavy = [m for m in first["modules"] if m.startswith(("matplotlib", "openpyxl", "psycopg", "core.imports", "core.charts"))]
    assert heavy == []

    # The tab the owner left it on (QSettings) is the one built first.
    again = _first_paint(tmp_path, tab=AREAS.index("team"))
    assert again["built"] == ["team"] and again["current"] == "team.page"
    assert _other_tabs_modules(again["modules"], "team") == []


def _inventory_rows(db) -> list:
    from core.inventory import inventory_params, inventory_rows
    from core.inventory_uplift import promotion_uplifts

    inv = inventory_params(Settings())
    with db.session() as s:
        return inventory_rows(s, DEMO_END, inv, promotion_uplifts(s, DEMO_END, inv))


def _urgent(rows: list) -> int:
    """What the owner must buy: out, below safety, at the reorder point, due within the review period."""
    return sum(1 for r in rows if r.status in ("out", "below_safety", "reorder", "low"))


@pytest.fixture
def lazy_window(qtbot, demo_db):
    window = MainWindow(AppContext(demo_db, Settings(), today=DEMO_END))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    return window


def test_a_tab_shown_later_is_built_then_and_complete(qtbot, lazy_window, demo_db):
    window = lazy_window
    window.show()
    assert [p.key for p in window.lazy_tabs.built()] == ["goals"]  # no event-loop turn yet: nothing else built
    goals = window.page("goals")
    qtbot.mouseClick(window.tabs.tabBar(), Qt.MouseButton.LeftButton,
                     pos=window.tabs.tabBar().tabRect(AREAS.index("inventory")).center())
    inv = window.tabs.currentWidget()
    assert inv.objectName() == "inventory.page" and window.tabs.currentIndex() == AREAS.index("inventory")
    assert window.tabs.indexOf(inv) == AREAS.index("inventory") and window.page("inventory") is inv
    qtbot.waitUntil(lambda: inv.loads > 0 and not inv.loading, timeout=30_000)
    rows = _inventory_rows(demo_db)
    table = inv.findChild(RecordTable, "inventory.table")
    assert sorted(r.sku_code for r in table.model._rows) == sorted(r.sku_code for r in rows) != []
    assert window.tabs.tabText(AREAS.index("inventory")) == f"Inventory ({_urgent(rows)})"
    # Swapping the page in showed no other tab: Goals loaded once (shown first), no hidden tab loaded.
    qtbot.waitUntil(lambda: not goals.loading, timeout=30_000)
    assert goals.loads == 1
    assert [p.key for p in window.lazy_tabs.built() if p.loads and p.key not in ("goals", "inventory")] == []


def test_badges_are_counted_before_the_tabs_load_and_idle_time_builds_every_tab(qtbot, lazy_window, demo_db):
    window = lazy_window
    urgent = _urgent(_inventory_rows(demo_db))
    with demo_db.session() as s:
        overdue = [t.id for t in s.scalars(select(Task)) if t.status in ("todo", "doing") and t.due and t.due < DEMO_END]
    assert urgent and overdue
    window.show()
    inventory, team = AREAS.index("inventory"), AREAS.index("team")
    qtbot.waitUntil(lambda: window.tabs.tabText(inventory) == f"Inventory ({urgent})"
                    and window.tabs.tabText(team) == f"Team ({len(overdue)})", timeout=30_000)
    # ... with neither page having loaded (built in idle time perhaps, but hidden: not loaded).
    assert all(p.loads == 0 for p in window.lazy_tabs.built() if p.key in ("inventory", "team"))
    qtbot.waitUntil(lambda: len(window.lazy_tabs.built()) == 6, timeout=30_000)
    assert [window.tabs.widget(i).objectName() for i in range(6)] == [f"{k}.page" for k in AREAS]
    assert [p.key for p in window.lazy_tabs.built() if p.loads] in ([], ["goals"])

    # An edit while the Team tab is hidden updates its badge; opening the tab agrees with it.
    from core.edits.team import SetTaskFields

    window.ctx.edits.run(SetTaskFields.of(overdue[0], status="done"), parent=window)
    qtbot.waitUntil(lambda: window.tabs.tabText(team) == f"Team ({len(overdue) - 1})", timeout=30_000)
    page = window.page("team")
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.loads > 0 and not page.loading, timeout=30_000)
    assert window.tabs.tabText(team) == f"Team ({len(overdue) - 1})"


def test_the_registry_matches_the_tab_classes(qtbot, demo_db):
    from ui.tabs import inventory_badge, team_badge

    ctx = AppContext(demo_db, Settings(), today=DEMO_END)
    for spec in TABS:
        cls = tab_class(spec)
        assert cls.__name__ == spec.cls and cls.key == spec.key
        page = cls(ctx)
        qtbot.addWidget(page)
        assert tab_title(spec) == page.title() and tab_title(spec, 3) == f"{page.title()} (3)"
        if spec.badge == "ui.tabs.inventory_badge":
            assert inventory_badge.TOPICS == cls.topics and inventory_badge.view_params(ctx) == page.view_params()
        if spec.badge == "ui.tabs.team_badge":
            assert team_badge.TOPICS == cls.topics and team_badge.view_params(ctx) == page.view_params()
    assert [s.badge for s in TABS if s.badge] == ["ui.tabs.inventory_badge", "ui.tabs.team_badge"]


def test_start_up_duties_wait_for_the_first_paint(qtbot, lazy_window):
    # ui.app runs today's backup this way: after the first paint, or after a fallback delay when
    # the window does not paint (started minimized).
    lazy = lazy_window.lazy_tabs
    painted: list[bool] = []
    lazy.after_first_paint(lambda: painted.append(lazy._painted), fallback_ms=60_000)
    lazy_window.show()
    qtbot.waitUntil(lambda: painted == [True], timeout=30_000)

    hidden = MainWindow(AppContext(lazy_window.ctx.db, Settings(), today=DEMO_END))
    qtbot.addWidget(hidden)
    unpainted: list[bool] = []
    hidden.lazy_tabs.after_first_paint(lambda: unpainted.append(hidden.lazy_tabs._painted), fallback_ms=50)
    qtbot.waitUntil(lambda: unpainted == [False], timeout=30_000)
