"""ChartLayout: every chart's texts stay inside the figure, whatever the names' lengths, and
the plot keeps most of the room."""
from __future__ import annotations

import datetime as dt

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from core import charts
from core.charts.layout import ChartLayout
from core.kpi.series import ChannelRoi, MonthRate, PromotionRoi, RefundGroup, SkuSales, TrendPoint, TurnoverRow

LONG = "夏季新款纯棉宽松短袖T恤男女同款情侣装超长的商品名称"


def _trend():
    start = dt.date(2026, 1, 1)
    return [TrendPoint(start + dt.timedelta(days=i), start + dt.timedelta(days=i), 1_234_567_00 + i * 10_000,
                       1_300_000_00, 1_000_000_00) for i in range(60)]


CASES = {
    "trend": (charts.draw_gmv_trend, _trend()),
    "top_skus": (charts.draw_top_skus, [SkuSales(f"SKU-{i:04d}-XL-红色", LONG, "女装", 10, 99_999_999 - i, 0)
                                        for i in range(10)]),
    "refunds": (charts.draw_refunds, ([RefundGroup(f"SKU-{i}", LONG, 12_345_678_00, 3) for i in range(8)],
                                      [RefundGroup(f"原因{i}{LONG[:8]}", "", 1_000_00 * (i + 1), 2) for i in range(8)])),
    "category_share": (charts.draw_category_share, [(f"{LONG[:10]}{i}", 10_000 * (9 - i)) for i in range(5)]),
    "repurchase": (charts.draw_repurchase, [MonthRate(dt.date(2025, m, 1), dt.date(2025, m, 1), dt.date(2025, m, 28),
                                                      0.3, 100, 30) for m in range(1, 13)]),
    "turnover": (charts.draw_turnover, [TurnoverRow(f"{LONG[:12]}{i}", 100, 50, 2.0 - i / 10, 100.0) for i in range(8)]),
    "promotions": (charts.draw_promotion_roi, [PromotionRoi(f"双11预售狂欢节第{i}波", dt.date(2026, 11, 1),
                                                            dt.date(2026, 11, 11), 5_000_00, 1_000_00, 1_000_00, 5.0, 4.0)
                                               for i in range(6)]),
    "channel_roi": (charts.draw_channel_roi, [ChannelRoi(p, 1_000_000_00, 1_000_00, 1000.0)
                                              for p in ("taobao", "jd", "pdd", "douyin", "kuaishou", "youzan", "shopify")]),
    "funnel": (charts.draw_funnel, [("visitors", 1_000_000), ("paying_buyers", 9_000), ("orders", 10_000)]),
}


@pytest.mark.parametrize("size", [(6, 3), (4.5, 2.6), (10, 3.5)], ids=["dashboard", "narrow", "wide"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_texts_stay_inside_the_figure(case, size):
    draw, payload = CASES[case]
    fig = Figure(figsize=size, dpi=100, layout=ChartLayout())
    FigureCanvasAgg(fig)
    draw(fig, payload)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    frame = fig.bbox.padded(1)  # a pixel of anti-aliasing
    outside = [
        t.get_text() for t in fig.findobj(Text)
        if t.get_visible() and t.get_text() and t.axes is not None and t.figure is fig
        and not _inside(t.get_window_extent(renderer), frame)
    ]
    assert outside == []
    # The names do not squeeze the plot away (refunds: two panels share the width).
    # A pie is a square: in a wide figure its height is what counts.
    plot = max(max(ax.get_position().width, ax.get_position().height if case == "category_share" else 0)
               for ax in fig.axes) * (2 if case == "refunds" else 1)
    assert plot > (0.25 if size[0] < 5 else 0.35)


def _inside(box, frame) -> bool:
    return box.x0 >= frame.x0 and box.y0 >= frame.y0 and box.x1 <= frame.x1 and box.y1 <= frame.y1
