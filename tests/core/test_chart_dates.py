"""What a new owner saw on the Inventory detail chart in the Chinese UI: the date axis read "Oct",
"Nov", "2027-Jan" (matplotlib's English month names). Dates on every chart are numeric, so they
read the same in Chinese and English, as the dashboard's and the Goals chart's already did."""
from __future__ import annotations

import re

from matplotlib.figure import Figure

from core.charts.inventory_chart import draw_sku_detail
from tests.core.test_inventory_alerts import shop  # noqa: F401 - the fixture
from tests.core.test_inventory_detail import detail


def test_the_sku_detail_chart_dates_have_no_month_names(shop):
    d = detail(shop, "MIN")
    fig = Figure(figsize=(8, 4))
    draw_sku_detail(fig, d)
    fig.canvas.draw()
    axis = fig.axes[-1].xaxis
    labels = [tick.get_text() for tick in axis.get_ticklabels()] + [axis.get_offset_text().get_text()]
    shown = [text for text in labels if text]
    assert shown, "the date axis has labels"
    assert not [text for text in shown if re.search(r"[A-Za-z]", text)], shown
    assert any(re.fullmatch(r"\d{4}-\d{2}|\d{2}-\d{2}|\d{4}", text) for text in shown), shown


def test_a_past_order_by_date_is_marked_overdue_on_the_chart_not_order_by(shop):
    # MIN, raised by a promotion, should have been ordered four days ago: the sentence beside the
    # chart says overdue, and the chart's marker must not say "Order by" a past day.
    from tests.core.test_inventory_detail import TODAY, UP

    d = detail(shop, "MIN", UP)
    assert d.row.order_by < TODAY
    fig = Figure(figsize=(8, 4))
    draw_sku_detail(fig, d)
    texts = [text.get_text().strip() for text in fig.axes[-1].texts]
    assert f"Overdue since {d.row.order_by:%m-%d}" in texts, texts
    assert not [text for text in texts if text.startswith("Order by")], texts
