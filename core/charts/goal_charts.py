"""The Goals chart: cumulative actual vs target vs last year through a period, today marked.

``draw_goal_progress(fig, progress, *, labels=None) -> hover`` draws a ``core.goal_progress.
GoalProgress`` on a plain ``Figure`` (no pyplot), like the dashboard's charts.
"""
from __future__ import annotations

from typing import Any

from core.charts.style import GREY, PALETTE, chart_title, date_axis, empty_note, merged_labels, money_axis, \
    use_chart_fonts, yuan_text
from core.goal_split import last_year
from core.i18n import t

Hover = list[tuple[Any, list[str]]]


def draw_goal_progress(fig: Any, progress: Any, *, labels: dict | None = None) -> Hover:
    use_chart_fonts()
    lab = merged_labels({"title": t("Cumulative GMV vs target"), "actual": t("Actual"), "target": t("Target"),
                         "last_year": t("Last year"), "today": t("Today")}, labels)
    p = progress
    if p.target is None and not any(p.actual) and not (p.last_year and any(p.last_year)):
        return empty_note(fig, t("No goals and no orders for this period"), lab["title"])
    ax = fig.add_subplot()
    days = list(p.days)
    hover: Hover = []
    if p.last_year is not None:
        first = days.index(p.last_year_from) if p.last_year_from else 0
        name = lab["last_year"] if not p.last_year_from else \
            t("{name} (orders from {day})", name=lab["last_year"], day=last_year(p.last_year_from).isoformat())
        line = ax.plot(days[first:], [v / 100 for v in p.last_year[first:]], color=GREY, linewidth=1.2,
                       label=name)[0]
        hover.append((line, [f"{d}\n{lab['last_year']}: {yuan_text(v)}"
                             for d, v in zip(days[first:], p.last_year[first:])]))
    if p.target is not None:
        line = ax.plot(days, [v / 100 for v in p.target], color=PALETTE[1], linestyle="--", linewidth=1.4,
                       label=lab["target"])[0]
        hover.append((line, [f"{d}\n{lab['target']}: {yuan_text(v)}" for d, v in zip(days, p.target)]))
    if p.actual:
        shown = days[:len(p.actual)]
        line = ax.plot(shown, [v / 100 for v in p.actual], color=PALETTE[0], linewidth=2.2, label=lab["actual"])[0]
        hover.insert(0, (line, [f"{d}\n{lab['actual']}: {yuan_text(v)}" for d, v in zip(shown, p.actual)]))
    if p.today_index is not None:
        ax.axvline(p.today, color="#c62828", linewidth=1, linestyle=":")
        ax.annotate(lab["today"], xy=(p.today, 1), xycoords=("data", "axes fraction"), xytext=(3, -12),
                    textcoords="offset points", color="#c62828", fontsize=9)
    date_axis(ax.xaxis, maxticks=8)
    ax.set_xlim(days[0], days[-1])
    money_axis(ax.yaxis)
    ax.set_ylim(bottom=0)
    ax.grid(axis="y", alpha=0.3)
    ax.legend(loc="upper left", frameon=False, fontsize=9)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    chart_title(fig, lab["title"])
    return hover
