"""Charts drawn on a plain matplotlib ``Figure`` (no pyplot, no GUI backend).

The UI's canvas and the PDF/PNG writers pass in a figure; every ``draw_*`` returns hover
data ``[(artist, texts)]``. matplotlib is imported when a chart is drawn, not at start-up.
"""
from __future__ import annotations

from core.charts.kpi_charts import (
    draw_category_share,
    draw_channel_roi,
    draw_channel_share,
    draw_funnel,
    draw_gmv_trend,
    draw_promotion_roi,
    draw_refunds,
    draw_repurchase,
    draw_top_skus,
    draw_turnover,
)
from core.charts.goal_charts import draw_goal_progress
from core.charts.style import configure_fonts, use_chart_fonts

__all__ = [
    "configure_fonts", "draw_category_share", "draw_channel_roi", "draw_channel_share",
    "draw_funnel", "draw_gmv_trend", "draw_goal_progress", "draw_promotion_roi", "draw_refunds", "draw_repurchase",
    "draw_top_skus", "draw_turnover", "use_chart_fonts",
]
