"""The promotion form's discount cost, ad spend and target GMV, and what the effect panel, the list
and the comparison show of them — on the hand-computed shop of tests/core/effect_shop.py (today
2026-03-12; 茶具周 runs 12–13 March with a ¥200 budget and has sold ¥350 on day 1)."""
from __future__ import annotations

from PySide6.QtCore import Qt

from core.models import Promotion
from tests.ui.helpers import open_tab, wait_saved
from tests.ui.test_promotions_effect import window  # noqa: F401  (the fixture)
from ui.tabs.promotions_effect import CompareDialog, EffectDialog
from ui.tabs.promotions_texts import budget_text


def money(db, pid):
    with db.session() as s:
        p = s.get(Promotion, pid)
        return p.discount_budget_fen, p.ad_budget_fen, p.budget_fen, p.target_gmv_fen


def test_the_form_refuses_a_negative_ad_spend_then_saves_the_split_and_the_panel_shows_it(qtbot, window, db):  # noqa: F811
    page = open_tab(qtbot, window, "promotions")
    before = money(db, 3)
    form = page.edit_promotion(3)
    qtbot.addWidget(form)
    # the fixture wrote a ¥200 budget without its parts, and no target
    assert [form.widgets[n].text() for n in ("discount_budget_fen", "ad_budget_fen", "target_gmv_fen")] == ["0.00", "0.00", ""]
    form.widgets["discount_budget_fen"].setText("123.45")
    form.widgets["ad_budget_fen"].setText("-76.55")
    form.widgets["target_gmv_fen"].setText("1000")
    form.submit()
    qtbot.waitUntil(lambda: form.errors["ad_budget_fen"].isVisibleTo(form), timeout=10_000)
    assert form.errors["ad_budget_fen"].text() == "The ad spend cannot be below ¥0; type 0 when there is none."
    assert money(db, 3) == before
    form.widgets["ad_budget_fen"].setText("76.55")
    form.submit()
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=10_000)
    wait_saved(qtbot, window)
    assert money(db, 3) == (12345, 7655, 20000, 100000)

    dialog = page.show_effect(3)
    qtbot.waitUntil(lambda: dialog.effect is not None, timeout=20_000)
    assert isinstance(dialog, EffectDialog)
    # ¥200 × 1/2 = ¥100, split 12345 : 7655 to the fen (¥61.725 + ¥38.275, the odd fen to the first)
    assert dialog.cost.text() == ("Cost: ¥100.00 (budget ¥200.00 × 1/2 days run) = discount cost ¥61.73 + "
                                  "ad spend ¥38.27")
    assert dialog.target.text() == "Target GMV ¥1,000.00: ¥350.00 so far, 35.0% of the target."
    dialog.close()

    page.show_view(1)  # the list: budget, target and % of target
    table = page.table
    headers = [table.model.headerData(c, Qt.Orientation.Horizontal) for c in range(table.model.columnCount())]
    def shown():
        row = next(r for r in range(table.proxy.rowCount()) if table.raw_row(r).id == 3)
        return [table.proxy.index(row, headers.index(h)).data() for h in ("Budget", "Target GMV", "% of target")]

    qtbot.waitUntil(lambda: shown() == ["¥200.00", "¥1,000.00", "35.0%"], timeout=20_000)
    row = next(r for r in range(table.proxy.rowCount()) if table.raw_row(r).id == 3)
    assert budget_text(table.raw_row(row)) == "Budget ¥200.00 (discount ¥123.45 + ads ¥76.55)"

    window.action_undo.trigger()
    wait_saved(qtbot, window)
    assert money(db, 3) == before


def test_the_comparison_shows_target_progress_and_the_split_cost(qtbot, window, db):  # noqa: F811
    from core.edits import apply_edit
    from core.edits.promotions import SetPromotionFields

    apply_edit(db, SetPromotionFields.of(1, discount_budget_fen=20000, ad_budget_fen=10000, target_gmv_fen=50000))
    page = open_tab(qtbot, window, "promotions")
    dialog = page.compare_promotions(2026)
    qtbot.waitUntil(lambda: dialog.table.proxy.rowCount() > 0, timeout=20_000)
    assert isinstance(dialog, CompareDialog)
    table = dialog.table
    headers = [table.model.headerData(c, Qt.Orientation.Horizontal) for c in range(table.model.columnCount())]
    row = next(r for r in range(table.proxy.rowCount()) if table.raw_row(r)["name"] == "春茶节")
    shown = [table.proxy.index(row, headers.index(h)).data()
             for h in ("GMV", "Target GMV", "% of target", "Cost", "Discount cost", "Ad spend")]
    assert shown == ["¥380.00", "¥500.00", "76.0%", "¥300.00", "¥200.00", "¥100.00"]
