"""The amounts under the Top SKUs chart never run into each other (newuser4: at a 1024-px window the
chart is ~390 px wide, the SKU names take half of it, and "¥0 ¥10,000¥20,000¥30,000" overlapped)."""
from __future__ import annotations

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from core.charts import draw_top_skus
from core.charts.layout import ChartLayout
from core.kpi.series import SkuSales

SALES = [3_400_000, 2_600_000, 2_300_000, 2_100_000, 1_500_000, 1_450_000, 1_400_000, 1_300_000, 1_000_000, 990_000]
SKUS = [SkuSales(f"TEA00{i}-03", "2026新茶 明前特级西湖龙井 礼盒装 250g", "茶叶", 10, fen, 0) for i, fen in enumerate(SALES)]


def _shown_amounts(width: int, height: int) -> list[tuple[str, float, float]]:
    """The x-axis labels drawn (inside the axis' range), with their left and right edges in pixels."""
    fig = Figure(figsize=(width / 100, height / 100), dpi=100, layout=ChartLayout())
    FigureCanvasAgg(fig)
    draw_top_skus(fig, SKUS)
    fig.canvas.draw()
    ax, renderer = fig.axes[0], fig.canvas.get_renderer()
    low, high = ax.get_xlim()
    out = []
    for tick, label in zip(ax.get_xticks(), ax.get_xticklabels()):
        if low <= tick <= high and label.get_text():
            box = label.get_window_extent(renderer)
            out.append((label.get_text(), box.x0, box.x1))
    return out


def test_the_amounts_under_a_narrow_top_skus_chart_do_not_overlap():
    shown = _shown_amounts(391, 260)  # the chart's size in a 1024 × 640 window
    assert len(shown) >= 2
    for (left, _x0, right_edge), (right, next_left, _x1) in zip(shown, shown[1:]):
        assert right_edge < next_left, f"{left} runs into {right}"


def test_a_wide_top_skus_chart_keeps_its_steps():
    assert [text for text, _a, _b in _shown_amounts(900, 300)] == ["¥0", "¥10,000", "¥20,000", "¥30,000"]
