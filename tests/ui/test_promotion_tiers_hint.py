"""The promotion form's Tiers hint says what the field accepts (issue #14): tiers separated by spaces,
commas, 、 or ; (core.promotion_tiers), not only “;” as it said after the parser learnt the others;
its own example, typed as shown, saves the tiers it names."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from core.models import Promotion
from tests.ui.helpers import open_tab


def test_the_tiers_hint_names_every_separator_and_its_example_is_saved(qtbot, window, demo_db):
    page = open_tab(qtbot, window, "promotions")
    form = page.new_promotion()
    qtbot.addWidget(form)
    qtbot.waitExposed(form)
    hint = next(label.text() for label in form.findChildren(QLabel) if label.text().startswith("Optional: from"))
    assert "separated by spaces, commas, 、 or ;" in hint and "每满300减30" in hint
    example = hint.split("e.g. ")[1].split(" —")[0]
    assert example == "满300减30 满500减60"
    form.widgets["name"].setText("店庆 hint")
    form.widgets["rules"].setText(example)
    form.submit()
    qtbot.waitUntil(lambda: window.ctx.edits.pending == 0, timeout=20_000)
    with demo_db.session() as s:
        rules = s.scalar(select(Promotion.rules).where(Promotion.name == "店庆 hint"))
    assert rules == [{"type": "满减", "threshold_fen": 30000, "off_fen": 3000},
                     {"type": "满减", "threshold_fen": 50000, "off_fen": 6000}]
