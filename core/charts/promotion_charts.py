"""The effect panel's chart: a promotion's GMV per day against its baselines, day by day.

``draw_effect_daily(fig, effect, *, labels=None) -> hover`` takes a ``core.promotion_effect.Effect``
measured with ``detail=True``: the window's bars, the equal-length period before it as a line
(its day 1 under the promotion's day 1) and, when known, the same festival last year, dashed.
"""
from __future__ import annotations

from typing import Any

from core.charts.kpi_charts import Hover, _chart, _tidy
from core.charts.style import GREY, PALETTE, chart_title, empty_note, merged_labels, money_axis, yuan_text
from core.i18n import t


@_chart
def draw_effect_daily(fig: Any, effect: Any, *, labels: dict | None = None) -> Hover:
    lab = merged_labels(
        {"title": t("GMV per day against the baseline"), "window": t("This promotion"),
         "before": t("The same days before it"), "last_year": t("Same festival last year"),
         "empty": t("Not started yet: nothing to measure")},
        labels,
    )
    w = effect.window
    if w is None or not w.daily_gmv_fen:
        return empty_note(fig, lab["empty"], lab["title"])
    ax = fig.add_subplot()
    n = len(w.daily_gmv_fen)
    xs = list(range(n))
    bars = ax.bar(xs, [v / 100 for v in w.daily_gmv_fen], color=PALETTE[0], width=0.7, label=lab["window"])
    hover: Hover = [(bar, [f"{(w.start + _days(i)).isoformat()}\n{lab['window']}: {yuan_text(v)}"])
                    for i, (bar, v) in enumerate(zip(bars, w.daily_gmv_fen, strict=True))]
    for key, figures, style, colour in (("before", effect.before, "-", PALETTE[2]),
                                         ("last_year", effect.last_year, "--", GREY)):
        if figures is None or not figures.daily_gmv_fen:
            continue
        values = list(figures.daily_gmv_fen[:n])
        (line,) = ax.plot(xs[:len(values)], [v / 100 for v in values], style, color=colour, marker="o", markersize=3,
                          linewidth=1.6, label=lab[key])
        hover.append((line, [f"{(figures.start + _days(i)).isoformat()}\n{lab[key]}: {yuan_text(v)}"
                             for i, v in enumerate(values)]))
    step = max(1, n // 10)
    ticks = xs[::step]
    ax.set_xticks(ticks, [f"{(w.start + _days(i)):%m-%d}" for i in ticks], fontsize=8)
    money_axis(ax.yaxis)
    ax.grid(axis="y", alpha=0.3)
    ax.legend(frameon=False, fontsize=8, loc="lower left", bbox_to_anchor=(0, 1), ncol=2, borderaxespad=0.2)
    _tidy(ax)
    chart_title(fig, lab["title"])
    return hover


def _days(n: int):
    import datetime as dt

    return dt.timedelta(days=n)
