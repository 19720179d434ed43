"""The KPI dashboard tab on the demo shop (DEMO_END = 2026-11-20)."""
from __future__ import annotations

import warnings

import pytest
from PySide6.QtCore import Qt
from openpyxl import load_workbook

from core import i18n
from core.kpi import compute_dashboard, format_kpi, preset_range
from core.settings import Settings, load
from tests.conftest import DEMO_END
from ui.context import AppContext
from ui.tabs.kpi_tab import KpiTab


def open_tab(qtbot, db, settings=None) -> KpiTab:
    tab = KpiTab(AppContext(db, settings or Settings(), today=DEMO_END))
    qtbot.addWidget(tab)
    tab.resize(1500, 900)
    with qtbot.waitSignal(tab.sig_loaded, timeout=60_000):
        tab.show()
    return tab


def reload_with(qtbot, tab, **changes) -> None:
    with qtbot.waitSignal(tab.sig_loaded, timeout=60_000):
        tab.set_view(**changes)
    qtbot.waitUntil(lambda: not tab.loading, timeout=60_000)


def test_cards_show_the_core_numbers(qtbot, demo_db):
    tab = open_tab(qtbot, demo_db)
    expected = compute_dashboard(demo_db, preset_range("last_30_days", DEMO_END))
    assert tab.cards["gmv"].value.text() == format_kpi("gmv", expected.current.gmv)
    assert tab.cards["orders"].value.text() == f"{expected.current.orders:,}"
    assert tab.cards["gmv"].change_prev.text().startswith("vs previous period ")
    assert "%" in tab.cards["gmv"].change_year.text()
    assert tab.isVisible() and tab.cards["gmv"].progress.isVisibleTo(tab)  # the goal bar is shown
    # the last 30 days are part of October's and November's goals: the bar is a pace
    gmv = expected.card("gmv")
    assert tab.cards["gmv"].progress.format() == f"{gmv.progress * 100:.0f}% of target to date"
    assert f"the whole period: {format_kpi('gmv', gmv.target_full)}" in tab.cards["gmv"].progress.toolTip()


def test_dashboard_pace_matches_the_goals_tab(qtbot, demo_db):
    """This month: the Goals tab's Pace is the card's "% of target to date" over the finished days
    (the month up to yesterday: today is not over), and the Goals tab's Achievement (of the whole
    month) is in the card's tooltip."""
    import datetime as dt

    from core.kpi import DateRange, compute_dashboard
    from ui.tabs.goals_tab import GoalsTab

    tab = open_tab(qtbot, demo_db, Settings(kpi_view={"preset": "this_month"}))
    card = tab.dashboard.card("gmv")
    goals = GoalsTab(AppContext(demo_db, Settings(), today=DEMO_END))
    qtbot.addWidget(goals)
    with qtbot.waitSignal(goals.sig_loaded, timeout=60_000):
        goals.show()
    model = goals.table.proxy
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    row = next(r for r in range(model.rowCount())
               if model.index(r, 0).data() == f"{DEMO_END:%Y-%m}" and model.index(r, 2).data() == "All channels"
               and model.index(r, 3).data() == "All categories")
    pace = model.index(row, headers.index("Pace")).data()
    progress = model.index(row, headers.index("Achievement")).data()
    finished = compute_dashboard(demo_db, DateRange(DEMO_END.replace(day=1), DEMO_END - dt.timedelta(days=1))).card("gmv")
    assert pace == f"{finished.progress * 100:.1f}%"
    assert tab.cards["gmv"].progress.format() == f"{card.progress * 100:.0f}% of target to date"
    assert f"{card.progress_full * 100:.1f}% reached" in tab.cards["gmv"].progress.toolTip()
    assert progress == f"{card.progress_full * 100:.1f}%"


def test_range_presets_change_the_cards(qtbot, demo_db):
    from PySide6.QtCore import QCoreApplication

    from ui.app import install_translators

    tab = open_tab(qtbot, demo_db)
    thirty = tab.cards["gmv"].value.text()
    app = QCoreApplication.instance()
    translators = install_translators(app, "en")  # English plurals, as the app installs them
    try:
        reload_with(qtbot, tab, preset="yesterday")
        assert "2026-11-19 – 2026-11-19 (1 day) ·" in tab.period_label.text()
    finally:
        for t in translators:
            app.removeTranslator(t)
    yesterday = compute_dashboard(demo_db, preset_range("yesterday", DEMO_END))
    assert tab.cards["gmv"].value.text() == format_kpi("gmv", yesterday.current.gmv) != thirty
    reload_with(qtbot, tab, preset="year_to_date", channel="taobao")
    ytd = compute_dashboard(demo_db, preset_range("year_to_date", DEMO_END), "taobao")
    assert tab.cards["orders"].value.text() == f"{ytd.current.orders:,}"
    assert "(whole shop: the channels share the stock)" in tab.charts["turnover"].figure.get_suptitle()
    # the choice is remembered for the next start
    assert load().kpi_view["preset"] == "year_to_date" and load().kpi_view["channel"] == "taobao"
    again = open_tab(qtbot, demo_db, Settings(kpi_view=load().kpi_view))
    assert again.preset_combo.currentData() == "year_to_date"
    assert again.cards["orders"].value.text() == tab.cards["orders"].value.text()


def test_unknown_values_explain_which_import_is_missing(qtbot, db):
    tab = open_tab(qtbot, db)
    card = tab.cards["conversion_rate"]
    assert card.value.text() == "—"
    assert "traffic report" in card.value.toolTip()
    assert "order export" in tab.cards["aov"].value.toolTip()
    assert not tab.charts["trend"].has_chart()  # an empty shop gets a message, not an empty plot


def test_charts_draw_in_chinese_without_missing_glyphs(qtbot, demo_db):
    i18n.set_language("zh_CN")
    tab = open_tab(qtbot, demo_db)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for name, canvas in tab.charts.items():
            assert canvas.has_chart(), name
            canvas.canvas.draw()  # render now, inside the warnings guard
    titles = [tab.charts["category_share"].figure.get_suptitle()]
    assert "类目销售额占比" in titles  # "Sales by category" in Chinese
    assert any(tab.charts["top_skus"].hover_labels())


def test_granularity_changes_the_trend(qtbot, demo_db):
    tab = open_tab(qtbot, demo_db)
    assert len(tab.chart_data.trend) == 30
    reload_with(qtbot, tab, granularity="week")
    assert 5 <= len(tab.chart_data.trend) <= 6
    assert sum(p.gmv for p in tab.chart_data.trend) == tab.dashboard.current.gmv


def test_export_numbers_to_excel(qtbot, demo_db, tmp_path):
    tab = open_tab(qtbot, demo_db)
    path = tmp_path / "kpi.xlsx"
    tab.export_numbers(str(path))
    qtbot.waitUntil(path.exists, timeout=30_000)
    ws = load_workbook(path)["KPIs"]
    rows = list(ws.iter_rows(values_only=True))
    gmv_row = next(r for r in rows if r[0] == "GMV")
    assert gmv_row[1] == pytest.approx(tab.dashboard.current.gmv / 100)


def test_comparisons_without_data_and_rates_in_points(qtbot, demo_db):
    tab = open_tab(qtbot, demo_db, Settings(kpi_view={"preset": "year_to_date"}))
    gmv = tab.cards["gmv"]
    # the demo shop's orders start in 2025: last year's January–November is not all there
    assert gmv.change_year.text() == "vs last year —"
    assert "days of last year's data are in ShopDesk" in gmv.change_year.toolTip()
    reload_with(qtbot, tab, preset="last_30_days")
    card = tab.dashboard.card("refund_rate")
    text = tab.cards["refund_rate"].change_prev.text()
    assert text.endswith(" pp") and f"{abs(card.value - card.previous) * 100:.1f} pp" in text


def test_buyer_cards_say_what_they_count(qtbot, demo_db):
    from ui.labels import platform_name

    tab = open_tab(qtbot, demo_db)
    assert "count as one buyer each" in tab.cards["paying_buyers"].value.toolTip()
    keyed = [p for p, n in tab.dashboard.current.by_channel.items() if n.known_buyers]
    keyless = [p for p, n in tab.dashboard.current.by_channel.items() if n.orders and not n.known_buyers]
    tip = tab.cards["repurchase_rate"].value.toolTip()
    assert keyed and all(platform_name(p) in tip for p in keyed)
    assert not any(platform_name(p) in tip for p in keyless)


def test_a_failing_chart_query_marks_its_charts_and_the_rest_shows_the_new_range(qtbot, demo_db, monkeypatch):
    tab = open_tab(qtbot, demo_db)
    assert tab.chart_data is not None and tab.charts["trend"].has_chart()
    reported: list[str] = []
    monkeypatch.setattr("ui.errors.report_exception", lambda exc, tb, parent=None: reported.append(str(exc)))

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("core.kpi.compute_query_charts", broken)
    reload_with(qtbot, tab, preset="year_to_date")
    assert reported == ["disk on fire"]  # one report
    for name in ("trend", "refunds", "repurchase", "promotions"):  # not last month's picture
        assert not tab.charts[name].has_chart(), name
        assert "could not be drawn" in tab.charts[name]._empty.text()
    assert tab.charts["top_skus"].has_chart() and tab.charts["funnel"].has_chart()
    assert tab.chart_data is None  # no half-old export data
    ytd = compute_dashboard(demo_db, preset_range("year_to_date", DEMO_END))
    assert tab.cards["gmv"].value.text() == format_kpi("gmv", ytd.current.gmv)


def test_a_range_without_orders_says_when_the_shops_orders_are_and_one_click_shows_them(qtbot, db):
    # A new owner imported a shop's old export (Shopify, May 2021) and saw ¥0 for the last 30 days.
    import datetime as dt

    from core.imports import import_file
    from tests.helpers.real_exports import real_export

    import_file(db, real_export("shopify/zar_orders_export.csv"))
    tab = open_tab(qtbot, db)
    note = tab.findChild(type(tab.banner), "kpi.range_note")
    assert note is not None and note.isVisibleTo(tab)
    start = DEMO_END - dt.timedelta(days=29)
    assert note.text().startswith(f"No paid orders from {start} to {DEMO_END}. The shop's paid orders run "
                                  "from 2021-05-13 to 2021-05-17:")
    with qtbot.waitSignal(tab.sig_loaded, timeout=60_000):
        note.linkActivated.emit("span")
    qtbot.waitUntil(lambda: not tab.loading, timeout=60_000)
    assert (tab.view.preset, tab.view.custom_from, tab.view.custom_to) == (
        "custom", dt.date(2021, 5, 13), dt.date(2021, 5, 17))
    # The file's 35 paid orders, in rand without a rate: shown apart, not "no orders".
    assert "Shopify — GMV ZAR" in tab.currency_note.text() and "35 paid order(s)" in tab.currency_note.text()
    assert note.isHidden()


def test_no_range_note_on_a_shop_without_orders_or_with_orders_in_the_range(qtbot, db, demo_db):
    empty = open_tab(qtbot, db)
    assert empty.findChild(type(empty.banner), "kpi.range_note").isHidden()
    demo = open_tab(qtbot, demo_db)
    assert demo.findChild(type(demo.banner), "kpi.range_note").isHidden()
