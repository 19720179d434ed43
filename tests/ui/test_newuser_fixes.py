"""What a new user ran into on first use (issue #11, item 9): the KPI export button, the wheel
over a chart, the Chinese window title, the empty Members header, the template menu in Chinese."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QScrollArea
from openpyxl import load_workbook

from core import i18n
from core.kpi import format_kpi
from core.settings import Settings
from tests.conftest import DEMO_END
from ui.context import AppContext
from ui.main_window import MainWindow


def _shown(qtbot, tab, size=(1500, 900)):
    qtbot.addWidget(tab)
    tab.resize(*size)
    with qtbot.waitSignal(tab.sig_loaded, timeout=60_000):
        tab.show()
    qtbot.waitUntil(lambda: not tab.loading, timeout=60_000)
    return tab


@pytest.fixture
def chinese():
    """The Chinese UI as the app starts it: Qt's catalogues and core's language."""
    from ui.app import install_translators

    app = QCoreApplication.instance()
    display_name = QGuiApplication.applicationDisplayName()
    i18n.set_language("zh_CN")
    translators = install_translators(app, "zh_CN")
    assert translators, "the Chinese catalogue must ship and load"
    yield
    for translator in translators:
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale("en_US"))
    QGuiApplication.setApplicationDisplayName(display_name)


@pytest.fixture
def errors(monkeypatch):
    """Unexpected errors are collected instead of blocking the test in a modal error dialog."""
    collected: list[str] = []
    monkeypatch.setattr("ui.errors._collected", collected)
    return collected


# -- 1. KPI tab: "Export numbers to Excel…" -------------------------------------------------

def test_export_button_asks_where_and_writes_the_cards_numbers(qtbot, demo_db, tmp_path, monkeypatch, errors):
    from ui.tabs.kpi_tab import KpiTab

    tab = _shown(qtbot, KpiTab(AppContext(demo_db, Settings(), today=DEMO_END)))
    target = tmp_path / "my numbers.xlsx"
    asked: list[str] = []

    def save_dialog(_parent, _caption, suggested, *_rest, **_kw):
        asked.append(suggested)
        return str(target), "Excel workbook (*.xlsx)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    assert tab.export_button.isEnabled()
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Numbers exported to" in tab.banner.text() or bool(errors), timeout=30_000)
    assert errors == []
    assert asked == ["kpi-2026-10-22-2026-11-20.xlsx"]  # the last 30 days up to DEMO_END
    rows = list(load_workbook(target)["KPIs"].iter_rows(values_only=True))
    gmv = next(r for r in rows if r[0] == "GMV")
    assert format_kpi("gmv", round(gmv[1] * 100)) == tab.cards["gmv"].value.text()


# -- 2. the mouse wheel over a chart scrolls the dashboard ----------------------------------

def test_wheel_over_a_chart_scrolls_the_dashboard(qtbot, demo_db):
    from ui.tabs.kpi_tab import KpiTab

    tab = _shown(qtbot, KpiTab(AppContext(demo_db, Settings(), today=DEMO_END)))
    bar = tab.findChild(QScrollArea).verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    chart = tab.charts["trend"].canvas
    assert chart is not None and chart.isVisible()
    centre = chart.mapTo(tab, QPoint(chart.width() // 2, chart.height() // 2))
    assert tab.childAt(centre) is chart  # the pointer is over the chart itself
    # A real (spontaneous) wheel event at that point of the window, as the mouse sends it.
    QTest.wheelEvent(tab.windowHandle(), QPointF(centre), QPoint(0, -120))
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=2_000)


# -- 4. the window title names the app once -------------------------------------------------

def _visible_title(window) -> str:
    """The title bar's text: Qt appends " — " and the application's display name unless the
    window's title already ends with it (QPlatformWindow::formatWindowTitle)."""
    title, name = window.windowTitle(), QGuiApplication.applicationDisplayName()
    return title if not name or title.endswith(name) else f"{title} \u2014 {name}"


@pytest.fixture
def app_names():
    """The application's names as ui.app sets them; put back afterwards for the other tests."""
    from ui.app import create_application

    app = QCoreApplication.instance()
    saved = (app.organizationName(), app.applicationName(), QGuiApplication.applicationDisplayName())
    create_application()
    yield
    app.setOrganizationName(saved[0])
    app.setApplicationName(saved[1])
    QGuiApplication.setApplicationDisplayName(saved[2])


def test_window_title_names_the_app_once_in_english(qtbot, db, app_names):
    from ui.app import install_translators

    app = QCoreApplication.instance()
    translators = install_translators(app, "en")
    try:
        window = MainWindow(AppContext(db, Settings()))
        qtbot.addWidget(window)
        assert _visible_title(window) == "ShopDesk 店长台"
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def test_window_title_names_the_app_once_in_chinese(qtbot, db, app_names, chinese):
    window = MainWindow(AppContext(db, Settings()))
    qtbot.addWidget(window)
    title = _visible_title(window)
    assert title.count("店长台") == 1 and title.count("ShopDesk") == 1, title
    assert title == "店长台 ShopDesk"


# -- 5. the Members tab's header ------------------------------------------------------------

def _members(qtbot, db):
    from ui.tabs.members_tab import MembersTab

    return _shown(qtbot, MembersTab(AppContext(db, Settings(), today=DEMO_END)), (1200, 700))


def test_empty_members_tab_shows_guidance_not_zero_customers(qtbot, db):
    tab = _members(qtbot, db)
    assert tab.banner.isVisible() and "No members yet" in tab.banner.text()
    assert not tab.summary.isVisible()
    assert "0 customers" not in tab.summary.text() and "()" not in tab.summary.text()


def test_customers_without_a_tier_have_no_empty_brackets(qtbot, db):
    from core.models import Customer

    with db.transaction() as s:
        s.add_all([
            Customer(platform="taobao", buyer_key="alice", orders_count=2, spend_fen=30000,
                     first_order_at=dt.datetime(2026, 1, 5, 10), last_order_at=dt.datetime(2026, 11, 1, 10)),
            Customer(platform="jd", buyer_key="bob", orders_count=1, spend_fen=9900,
                     first_order_at=dt.datetime(2026, 3, 5, 10), last_order_at=dt.datetime(2026, 3, 5, 10)),
        ])
    tab = _members(qtbot, db)
    assert tab.banner.isHidden()
    assert tab.summary.isVisible()
    assert tab.summary.text() == ("2 customers. 1 bought more than once; 1 have not bought for over 180 days. "
                                  "No tier rules yet: “Tier rules…” sets them (普通/银卡/金卡/黑卡 by spend, points).")


def test_demo_members_header_is_unchanged(qtbot, demo_db):
    from collections import Counter

    from core.members import member_rows, tier_names

    with demo_db.session() as s:
        rows, tiers = member_rows(s, DEMO_END), tier_names(s)
    by_tier = Counter(r.tier for r in rows)
    tier_text = ", ".join(f"{t} {by_tier[t]:,}" for t in tiers if by_tier[t])  # English commas in English
    tab = _members(qtbot, demo_db)
    assert tab.summary.isVisible() and tab.banner.isHidden()
    assert tab.summary.text().startswith(f"{len(rows):,} customers ({tier_text}). ")
    assert tab.summary.text().endswith(" have not bought for over 180 days.")


# -- 6. the template menu in the Chinese UI -------------------------------------------------

def test_template_menu_is_chinese_in_the_chinese_ui(qtbot, db, tmp_path, monkeypatch, chinese):
    from ui.dialogs.import_wizard import open_import_wizard

    window = MainWindow(AppContext(db, Settings()))
    qtbot.addWidget(window)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([], ""))
    wizard = open_import_wizard(window)
    page = wizard.files_page
    assert page.template_button.text().startswith("下载空白模板")
    page.template_menu.aboutToShow.emit()
    assert [a.text() for a in page.template_menu.actions()] == ["商品库存模板", "每日流量模板"]
    suggested: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda _p, _c, name, *a, **k: (suggested.append(name), ("", ""))[1])
    page.template_menu.actions()[0].trigger()
    assert suggested and suggested[0].endswith("店长台模板 - 商品库存模板.xlsx")
    wizard.close()


# -- 3. (the dashboard side) the trend's last day is today's, so far ------------------------

def test_dashboard_trend_draws_today_as_so_far(qtbot, demo_db):
    from ui.tabs.kpi_tab import KpiTab

    tab = _shown(qtbot, KpiTab(AppContext(demo_db, Settings(), today=DEMO_END)))
    assert tab.chart_data.trend[-1].so_far and not tab.chart_data.trend[-2].so_far
    lines = {line.get_label(): line for line in tab.charts["trend"].figure.axes[0].get_lines()}
    assert max(lines["GMV"].get_xdata()) == DEMO_END - dt.timedelta(days=1)
    assert max(lines["Today so far"].get_xdata()) == DEMO_END
    assert any("(Today so far)" in text for text in sum(tab.charts["trend"].hover_labels(), []))
