"""The Goals chart on the demo shop: cumulative actual vs target vs last year, today marked,
through the period chosen."""
from __future__ import annotations

from tests.conftest import DEMO_END
from tests.ui.helpers import open_tab
from ui.tabs.goals_chart import period_range


def test_period_range_knows_years_halves_quarters_and_leap_februaries():
    import datetime as dt

    assert period_range(2028, "2") == (dt.date(2028, 2, 1), dt.date(2028, 2, 29))
    assert period_range(2026, "H2") == (dt.date(2026, 7, 1), dt.date(2026, 12, 31))
    assert period_range(2026, "Q4") == (dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    assert period_range(2026, "Y") == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))


def test_the_chart_draws_the_year_and_follows_the_period(qtbot, window):
    page = open_tab(qtbot, window, "goals")
    page.views.setCurrentWidget(page.chart)
    canvas = page.chart.canvas
    assert canvas.has_chart()
    ax = canvas.figure.axes[0]
    # the demo's orders start in October 2025: last year's line starts there, and says so
    assert [t.get_text() for t in ax.get_legend().get_texts()] == \
        ["Last year (orders from 2025-10-01)", "Target", "Actual"]
    assert any(t.get_text() == "Today" for t in ax.texts)
    assert canvas.figure.get_suptitle() == "Cumulative GMV vs target, 2026-01-01 – 2026-12-31"
    actual = next(line for line in ax.get_lines() if line.get_label() == "Actual")
    assert len(actual.get_xdata()) == DEMO_END.timetuple().tm_yday  # up to today
    loads = page.loads
    page.chart.period.setCurrentIndex(page.chart.period.findData("11"))
    qtbot.waitUntil(lambda: page.loads > loads and not page.loading, timeout=30_000)
    assert canvas.figure.get_suptitle() == "Cumulative GMV vs target, 2026-11-01 – 2026-11-30"
    lines = canvas.figure.axes[0].get_lines()
    assert len(next(line for line in lines if line.get_label() == "Actual").get_xdata()) == 20
