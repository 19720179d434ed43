"""The effect panel and the yearly comparison on the hand-computed shop of tests/core/effect_shop.py:
the numbers the owner reads are the ones computed by hand there."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import QPoint, Qt

from core.settings import Settings
from tests.core.effect_shop import TODAY, build_effect_shop
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.tabs.promotions_effect import CompareDialog, EffectDialog
from tests.ui.helpers import open_tab


@pytest.fixture
def window(qtbot, db):
    from PySide6.QtCore import QCoreApplication

    from ui.app import install_translators

    build_effect_shop(db)
    app = QCoreApplication.instance()
    translators = install_translators(app, "en")  # English plurals ("1 SKU"), as the app installs them
    win = MainWindow(AppContext(db, Settings(), today=TODAY))
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    yield win
    for t in translators:
        app.removeTranslator(t)


def cells(dialog) -> list[list[str]]:
    t = dialog.figures
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def test_the_list_shows_each_promotions_effect_and_its_menu_opens_the_panel_with_the_numbers(qtbot, window):
    page = open_tab(qtbot, window, "promotions")
    page.show_view(1)  # the list
    table = page.table
    headers = [table.model.headerData(c, Qt.Orientation.Horizontal) for c in range(table.model.columnCount())]
    row = next(r for r in range(table.proxy.rowCount()) if table.raw_row(r).name == "春茶节")

    def shown(header):
        return table.proxy.index(row, headers.index(header)).data()

    assert (shown("GMV"), shown("Baseline"), shown("Uplift"), shown("Cost"), shown("ROI")) == \
        ("¥380.00", "¥100.00", "+280.0%", "¥300.00", "0.57×")
    menu = page._list_menu(table.view.visualRect(table.proxy.index(row, 0)).center())
    assert [a.text() for a in menu.actions() if a.text()][:2] == ["Edit…", "Effect…"]
    menu.close()
    next(a for a in menu.actions() if a.text() == "Effect…").trigger()
    dialog = page.findChild(EffectDialog, "promotions.effect")
    qtbot.waitUntil(lambda: dialog.effect is not None, timeout=20_000)
    assert dialog.objectName() == "promotions.effect" and "春茶节" in dialog.heading.text()
    assert "茶叶" in dialog.heading.text()  # its scope
    assert cells(dialog) == [
        ["¥380.00", "¥100.00", "+280.0%", "—", "—"],  # GMV: only its 茶叶 lines
        ["3", "1", "+200.0%", "—", "—"],  # orders
        ["¥190.00", "¥100.00", "+90.0%", "—", "—"],  # AOV = GMV ÷ buyers
        ["4", "1", "+300.0%", "—", "—"],  # units
        ["2", "1", "+100.0%", "—", "—"],  # buyers
    ]
    assert "2026-03-07 – 2026-03-09" in dialog.baselines.text()
    assert "belongs to no platform festival" in dialog.baselines.text()
    assert dialog.cost.text() == "Cost: ¥300.00 (whole budget)"
    assert dialog.roi.text() == "ROI 0.57× = incremental gross profit ¥170.00 ÷ cost ¥300.00 — does not pay back"
    assert [(s.sku_code, s.units, s.gmv_fen) for s in dialog.top_skus.visible_rows()] == [("A", 3, 30000), ("B", 1, 8000)]
    ax = dialog.chart.figure.axes[0]
    assert [round(b.get_height()) for b in ax.patches] == [200, 80, 100]  # the window's days, in yuan
    assert [list(line.get_ydata()) for line in ax.lines] == [[0, 100, 0]]  # the 3 days before


def test_a_running_promotion_says_its_cost_is_prorated_and_why_roi_is_unknown(qtbot, window):
    page = open_tab(qtbot, window, "promotions")
    menu = page._calendar_menu(3, TODAY, page.calendar.mapToGlobal(QPoint(5, 5)))
    menu.close()
    next(a for a in menu.actions() if a.text() == "Effect…").trigger()
    dialog = page.findChild(EffectDialog, "promotions.effect")
    qtbot.waitUntil(lambda: dialog.effect is not None, timeout=20_000)
    assert dialog.banner.text().startswith("Running: day 1 of 2.")
    assert dialog.cost.text() == "Cost: ¥100.00 (budget ¥200.00 × 1/2 days run)"
    assert dialog.roi.text().startswith("ROI unknown: 1 SKU sold without a unit cost.")
    assert cells(dialog)[0][:2] == ["¥350.00", "¥0.00"]


def test_the_same_festival_last_year_is_shown_beside_the_days_before(qtbot, window):
    page = open_tab(qtbot, window, "promotions")
    dialog = page.show_effect(4)  # 2026 38女王节, Taobao
    qtbot.waitUntil(lambda: dialog.effect is not None, timeout=20_000)
    assert cells(dialog)[0] == ["¥200.00", "¥0.00", "—", "¥160.00", "+25.0%"]
    assert "2025 38女王节 (last year's promotion), 2025-03-01 – 2025-03-08" in dialog.baselines.text()


def test_the_comparison_of_a_year_sorts_and_sums_up_each_kind_and_exports_the_same_rows(qtbot, window, tmp_path):
    page = open_tab(qtbot, window, "promotions")
    page.compare_button.click()
    dialog = page.findChild(CompareDialog, "promotions.compare")
    qtbot.waitUntil(lambda: dialog.loaded_year == 2026, timeout=20_000)
    table = dialog.table
    assert [r["name"] for r in table.visible_rows()] == ["2026年货节", "2026 38女王节", "春茶节", "京东秒杀", "茶具周", "会员日"]
    headers = [table.model.headerData(c, Qt.Orientation.Horizontal) for c in range(table.model.columnCount())]
    table.view.sortByColumn(headers.index("ROI"), Qt.SortOrder.AscendingOrder)  # unknown ("—") last
    assert [r["name"] for r in table.visible_rows()][:3] == ["春茶节", "2026 38女王节", "京东秒杀"]
    kinds = {k.kind: k for k in dialog.kinds.visible_rows()}
    assert (kinds["own"].promotions, kinds["own"].paid_back, kinds["own"].with_roi) == (4, 1, 2)
    k_headers = [dialog.kinds.model.headerData(c, Qt.Orientation.Horizontal) for c in range(dialog.kinds.model.columnCount())]
    own_row = next(r for r in range(dialog.kinds.proxy.rowCount()) if dialog.kinds.raw_row(r).kind == "own")
    assert dialog.kinds.proxy.index(own_row, k_headers.index("ROI")).data() == f"{22000 / 34000:.2f}×"
    assert dialog.kinds.proxy.index(own_row, k_headers.index("Pay back")).data() == "1 of 2"
    out = tmp_path / "effects.json"
    dialog.export_button.export(str(out))
    qtbot.waitUntil(lambda: dialog.export_button.last_written is not None, timeout=20_000)
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert [r["name"] for r in rows] == ["2026年货节", "2026 38女王节", "春茶节", "京东秒杀", "茶具周", "会员日"]
    assert rows[2]["roi"] == 0.5667
    dialog.prev_button.click()
    qtbot.waitUntil(lambda: dialog.loaded_year == 2025, timeout=20_000)
    assert [r["name"] for r in table.visible_rows()] == ["2025 38女王节"]
    dialog.set_year(2020)
    qtbot.waitUntil(lambda: dialog.loaded_year == 2020, timeout=20_000)
    assert table.visible_rows() == [] and dialog.banner.text() == "No promotions end in 2020."


def test_a_dollar_channel_is_named_apart_without_a_rate_and_counted_in_yuan_with_one(qtbot, window, db):
    from core.edits import apply_edit
    from core.edits.channels import SetChannelCurrency, SetExchangeRate
    from tests.core.kpi_shop import add_order

    with db.transaction() as s:  # a Shopify order of 20.05 USD (one 龙井) on the promotion's first day
        add_order(s, "shopify", "#1001", "x@example.com", "paid", dt.datetime(2026, 3, 10, 9), 2005,
                  lines=[("A", 1, 2005, None)])
    apply_edit(db, SetChannelCurrency("shopify", "USD"))
    page = open_tab(qtbot, window, "promotions")
    dialog = page.show_effect(1)  # 春茶节: 茶叶, every channel
    qtbot.waitUntil(lambda: dialog.effect is not None, timeout=20_000)
    note = dialog.currency_note
    assert not note.isHidden()
    assert note.text() == ("Not counted in these figures: Shopify — GMV USD 20.05, paid orders: 1 (no USD rate for "
                           "2026-03: set it in Settings → Channels).")
    assert cells(dialog)[0][0] == "¥380.00"  # never 20.05 dollars added as yuan
    apply_edit(db, SetExchangeRate("USD", "2026-03", "7.1234"))
    dialog.effect = None
    dialog.load()
    qtbot.waitUntil(lambda: dialog.effect is not None, timeout=20_000)
    assert cells(dialog)[0][0] == "¥522.82"  # ¥380.00 + 20.05 × 7.1234 = 142.82417 → ¥142.82
    assert note.text() == "In yuan: Shopify (USD) converted at the monthly rates of Settings → Channels."
