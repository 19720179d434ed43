"""A KPI card's change line: what reads as no change is shown as no change (it was a red ▼ 0.0 pp)."""
from __future__ import annotations

from ui.tabs.kpi_cards import change_text, shows_as_flat


def test_a_change_that_rounds_to_zero_has_no_arrow_and_no_colour():
    assert change_text("同比", -0.0004, in_points=True) == "同比 ■ 0.0 pp"
    assert change_text("环比", 0.0004) == "环比 ■ 0.0%"
    assert shows_as_flat(-0.0004) and not shows_as_flat(-0.0006)


def test_a_real_change_keeps_its_arrow():
    assert change_text("同比", -0.0006, in_points=True) == "同比 ▼ 0.1 pp"
    assert change_text("环比", 0.125) == "环比 ▲ 12.5%"
