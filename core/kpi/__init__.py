"""The dashboard's numbers (spec/kpi.md) and chart series, all as SQL aggregates.

``compute_kpis`` is what the `kpi` command prints and what every card shows;
``compute_dashboard`` adds 环比/同比 and goal progress; ``compute_charts`` gives each chart's
data. Everything returned is plain data (dataclasses, tuples) for the UI and exports.
"""
from __future__ import annotations

from core.kpi.cards import CARD_KEYS, Card, Dashboard, compute_dashboard
from core.kpi.numbers import KPI_KEYS, MONEY_KEYS, RATE_KEYS, KpiNumbers, KpiResult, compute_kpis
from core.kpi.output import format_kpi, kind_of, kpi_json, kpi_label, kpi_rows_for_export, kpi_table_text
from core.kpi.periods import (
    PRESETS,
    DateRange,
    buckets,
    compare,
    preset_range,
    previous_period,
    same_period_last_year,
    shift_years,
)
from core.kpi.series import (
    ChartData,
    KpiCharts,
    QueryCharts,
    SkuCharts,
    compute_charts,
    compute_query_charts,
    compute_sku_charts,
    kpi_charts,
)
from core.kpi.targets import GoalBook, GoalTarget, goal_target, progress

__all__ = [
    "CARD_KEYS", "KPI_KEYS", "MONEY_KEYS", "PRESETS", "RATE_KEYS",
    "Card", "ChartData", "Dashboard", "DateRange", "GoalBook", "GoalTarget", "KpiCharts", "KpiNumbers", "KpiResult",
    "QueryCharts", "SkuCharts",
    "buckets", "compare", "compute_charts", "compute_dashboard", "compute_kpis", "compute_query_charts",
    "compute_sku_charts", "format_kpi", "goal_target", "kind_of", "kpi_charts", "kpi_json", "kpi_label",
    "kpi_rows_for_export", "kpi_table_text", "preset_range", "previous_period", "progress", "same_period_last_year",
    "shift_years",
]
