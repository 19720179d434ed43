"""What the dashboard's charts print: date labels, merged slices, titles beside SKU codes, "$"."""
from __future__ import annotations

import datetime as dt

from matplotlib.figure import Figure

from core.charts import draw_category_share, draw_gmv_trend, draw_refunds, draw_top_skus
from core.kpi.series import RefundGroup, SkuSales, TrendPoint


def _labels(fig: Figure) -> list[str]:
    fig.canvas.draw()
    return [t.get_text() for t in fig.axes[0].get_xticklabels() if t.get_text()]


def test_trend_month_starts_are_not_labelled_like_days():
    days = [dt.date(2026, 10, 1) + dt.timedelta(days=i) for i in range(51)]
    fig = Figure(figsize=(9, 3))
    draw_gmv_trend(fig, [TrendPoint(d, d, 10000, None, 0) for d in days])
    labels = _labels(fig)
    assert "11-01" in labels and "10" not in labels and "11" not in labels
    months = [TrendPoint(dt.date(2026, m, 1), dt.date(2026, m, 28), 10000, None, 0) for m in range(1, 12)]
    fig = Figure(figsize=(9, 3))
    draw_gmv_trend(fig, months)
    assert _labels(fig)[:2] == ["2026-01", "2026-02"]


def test_long_day_ranges_draw_by_week_and_say_so():
    days = [dt.date(2026, 1, 1) + dt.timedelta(days=i) for i in range(200)]
    fig = Figure()
    hover = draw_gmv_trend(fig, [TrendPoint(d, d, 100, None, 0) for d in days])
    assert len(hover[0][1]) == 29  # ISO weeks touched by Thu 1 Jan – Sun 19 Jul
    assert hover[0][1][0].endswith("¥4.00")  # the first, partial week: 4 days
    assert "(by week)" in fig.get_suptitle()


def test_small_category_slices_merge_into_other():
    fig = Figure()
    hover = draw_category_share(fig, [("服饰", 9000), ("家居", 350), ("配件", 300), ("食品", 200)])
    names = [texts[0].split(":")[0] for _w, texts in hover]
    assert names == ["服饰", "Other"]


def test_product_titles_beside_codes_and_dollar_signs_drawn_as_typed():
    fig = Figure()
    draw_refunds(fig, ([RefundGroup("SKU-1", "Cap $5 off $10 summer hat", 1000, 1)], []))
    label = fig.axes[0].get_yticklabels()[0]
    assert label.get_text().startswith("SKU-1 Cap")
    fig.canvas.draw()  # mathtext would turn "$5 off $" into italics; escaped, it renders as typed
    fig = Figure()
    draw_top_skus(fig, [SkuSales("A1", "Tee $9 $5", "服饰", 3, 3000, 900)])
    fig.canvas.draw()
    assert fig.axes[0].get_yticklabels()[0].get_text() == r"A1 Tee \$9 \$5"


def test_many_promotions_show_the_ones_that_cost_most_in_date_order():
    from core.charts import draw_promotion_roi
    from core.kpi.series import PromotionRoi

    promos = [PromotionRoi(f"P{i:02d}", dt.date(2026, 1, 1) + dt.timedelta(days=10 * i), dt.date(2026, 1, 3)
                           + dt.timedelta(days=10 * i), 100_00, (i % 5 + 1) * 10_00 + i, None, 2.0, None)
              for i in range(12)]
    fig = Figure(figsize=(6, 3))
    draw_promotion_roi(fig, promos)
    shown = _labels(fig)
    most = sorted(promos, key=lambda p: -p.cost)[:8]
    assert shown == [p.name for p in promos if p in most]  # eight, the costliest, by date
    assert fig.get_suptitle() == "Promotion ROI (the 8 that cost the most)"
    fig = Figure(figsize=(6, 3))
    draw_promotion_roi(fig, promos[:8])
    assert len(_labels(fig)) == 8 and fig.get_suptitle() == "Promotion ROI"


def test_long_names_are_cut_by_display_width_in_either_script():
    from core.charts.kpi_charts import _short

    assert _short("Taobao/Tmall", 16) == "Taobao/Tmall"
    assert _short("夏季新款纯棉宽松短袖T恤", 20) == "夏季新款纯棉宽松短…"  # 9 wide characters and "…"
    assert _short("abcdefghijklmnopqrstuvwxyz", 10) == "abcdefghi…"


def test_many_categories_show_the_ones_with_most_stock_fastest_first():
    from core.charts import draw_turnover
    from core.kpi.series import TurnoverRow

    rows = [TurnoverRow(f"类目{i:02d}", 1000, 100 * (i % 7 + 1) + i, 3.0 - i / 10, 100.0) for i in range(15)]
    fig = Figure(figsize=(6, 3))
    draw_turnover(fig, rows)
    fig.canvas.draw()
    shown = [t.get_text() for t in fig.axes[0].get_yticklabels()]  # top bar first
    most = sorted(rows, key=lambda r: -r.inventory_value)[:10]
    assert shown == [r.category for r in rows if r in most]  # ten, most stock, fastest on top
    assert fig.get_suptitle() == "Inventory turnover by category (the 10 with the most stock)"


def test_a_category_with_stock_and_no_sales_is_a_zero_bar_not_an_error():
    from core.charts import draw_turnover
    from core.kpi.series import TurnoverRow

    fig = Figure(figsize=(6, 3))
    hover = draw_turnover(fig, [TurnoverRow("茶叶", 500, 1000, 0.5, 730.0), TurnoverRow("茶具", 0, 800, 0.0, None)])
    fig.canvas.draw()
    assert fig.axes[0].get_xlim()[0] == 0
    assert "no sales in this range" in hover[1][1][0] and "730 days of inventory" in hover[0][1][0]


def test_one_day_trend_shows_its_points_and_empty_charts_keep_their_title():
    from core.charts import draw_repurchase

    day = dt.date(2026, 11, 19)
    fig = Figure(figsize=(6, 3))
    draw_gmv_trend(fig, [TrendPoint(day, day, 10000, 12000, 8000)])
    assert all(line.get_marker() == "o" for line in fig.axes[0].get_lines())  # GMV, target, last year
    fig = Figure(figsize=(6, 3))
    draw_repurchase(fig, [])
    assert fig.get_suptitle() == "Repurchase rate by month"
    assert "No buyer accounts" in fig.axes[0].texts[0].get_text()


def test_rate_ticks_keep_the_decimals_their_spacing_needs():
    from core.charts import draw_repurchase
    from core.kpi.series import MonthRate

    months = [MonthRate(dt.date(2026, m, 1), dt.date(2026, m, 1), dt.date(2026, m, 28), rate, 1000, int(rate * 1000))
              for m, rate in ((9, 0.012), (10, 0.018), (11, 0.015))]
    fig = Figure(figsize=(6, 3))
    draw_repurchase(fig, months)
    fig.canvas.draw()
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels() if t.get_text()]
    assert len(labels) == len(set(labels)) > 2  # no "1% 1% 2% 2%"
