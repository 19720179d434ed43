"""The dashboard's numbers (spec/kpi.md) and chart series, all as SQL aggregates.

``compute_kpis`` is what the `kpi` command prints and what every card shows;
``compute_dashboard`` adds 环比/同比 and goal progress; ``compute_charts`` gives each chart's
data. Everything returned is plain data (dataclasses, tuples) for the UI and exports.
"""
from __future__ import annotations

# Names are looked up in their module when first asked for (PEP 562), not imported here: the
# tabs load on worker threads, and two threads importing this package's modules at once
# while __init__ imported all of them could each hold a module the other was waiting for
# (Python then hands one of them a half-initialised module: "cannot import name").
_WHERE = {
    "CARD_KEYS": "cards",
    "Card": "cards",
    "ChartData": "series",
    "Dashboard": "cards",
    "DateRange": "periods",
    "GoalBook": "targets",
    "GoalTarget": "targets",
    "KPI_KEYS": "numbers",
    "KpiCharts": "series",
    "KpiNumbers": "numbers",
    "KpiResult": "numbers",
    "MONEY_KEYS": "numbers",
    "PRESETS": "periods",
    "QueryCharts": "series",
    "RATE_KEYS": "numbers",
    "SkuCharts": "series",
    "buckets": "periods",
    "compare": "periods",
    "compute_charts": "series",
    "compute_dashboard": "cards",
    "compute_kpis": "numbers",
    "compute_query_charts": "series",
    "compute_sku_charts": "series",
    "format_kpi": "output",
    "goal_target": "targets",
    "kind_of": "output",
    "kpi_charts": "series",
    "kpi_json": "output",
    "kpi_label": "output",
    "kpi_rows_for_export": "output",
    "kpi_table_text": "output",
    "preset_range": "periods",
    "previous_period": "periods",
    "progress": "targets",
    "same_period_last_year": "periods",
    "shift_years": "periods",
}


def __getattr__(name: str):
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'core.kpi' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"core.kpi.{module}"), name)


__all__ = [
    "CARD_KEYS", "KPI_KEYS", "MONEY_KEYS", "PRESETS", "RATE_KEYS",
    "Card", "ChartData", "Dashboard", "DateRange", "GoalBook", "GoalTarget", "KpiCharts", "KpiNumbers", "KpiResult",
    "QueryCharts", "SkuCharts",
    "buckets", "compare", "compute_charts", "compute_dashboard", "compute_kpis", "compute_query_charts",
    "compute_sku_charts", "format_kpi", "goal_target", "kind_of", "kpi_charts", "kpi_json", "kpi_label",
    "kpi_rows_for_export", "kpi_table_text", "preset_range", "previous_period", "progress", "same_period_last_year",
    "shift_years",
]
