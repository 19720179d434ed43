"""The Members tab's charts: tiers with this month's moves, RFM segments, the cohort heat map.

Each ``draw_*(fig, data)`` draws on the plain ``Figure`` it is given and returns hover data
``[(artist, texts)]`` (core.charts.kpi_charts conventions); the segment bars come in the order of
the rows given, so a click on bar i is segment i.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from core.charts.kpi_charts import Hover, _chart, _tidy
from core.charts.style import PALETTE, chart_title, empty_note, money_axis, yuan_text
from core.i18n import t


@_chart
def draw_tier_distribution(fig: Any, bars: Sequence) -> Hover:
    """Members per tier (``core.members.TierBar``), lowest tier at the bottom, with this month's moves."""
    title = t("Members per tier, and this month's moves")
    if not bars or not any(b.customers for b in bars):
        return empty_note(fig, t("No member has a tier yet: set the tier rules, then Recompute."), title)
    ax = fig.add_subplot()
    ys = range(len(bars))
    drawn = ax.barh(ys, [b.customers for b in bars], color=[PALETTE[i % len(PALETTE)] for i in ys], height=0.6)
    ax.set_yticks(list(ys), [b.tier for b in bars])
    top = max(b.customers for b in bars)
    for y, b in zip(ys, bars):
        moves = f"  {b.customers:,}   ↑{b.up:,}  ↓{b.down:,}"
        ax.text(b.customers, y, moves, va="center", fontsize=9)
    ax.set_xlim(0, top * 1.35 if top else 1)
    ax.tick_params(axis="x", labelsize=8)
    _tidy(ax)
    chart_title(fig, title)
    return [(bar, [t("{tier}: {n} member(s); this month {up} moved up into it, {down} dropped into it",
                     tier=b.tier, n=f"{b.customers:,}", up=f"{b.up:,}", down=f"{b.down:,}")])
            for bar, b in zip(drawn, bars)]


@_chart
def draw_segments(fig: Any, segments: Sequence) -> Hover:
    """RFM segments (``core.members.SegmentSummary``): size, spend and average recency."""
    title = t("RFM segments: customers, spend and days since the last order (click a bar to list them)")
    if not segments:
        return empty_note(fig, t("No customer with a paid order yet"), title)
    size_ax, spend_ax = fig.subplots(1, 2, sharey=True)
    ys = list(range(len(segments)))[::-1]
    colours = [PALETTE[i % len(PALETTE)] for i in range(len(segments))]
    sizes = size_ax.barh(ys, [s.customers for s in segments], color=colours, height=0.6)
    spends = spend_ax.barh(ys, [s.spend_fen / 100 for s in segments], color=colours, height=0.6, alpha=0.75)
    size_ax.set_yticks(ys, [s.label for s in segments])
    size_ax.set_title(t("Customers"), fontsize=9)
    spend_ax.set_title(t("Spend · average days since the last order"), fontsize=9)
    for y, s in zip(ys, segments):
        days = "—" if s.average_recency_days is None else t("{n} day(s)", n=f"{s.average_recency_days:,.0f}")
        spend_ax.text(s.spend_fen / 100, y, f"  {days}", va="center", fontsize=8)
    top = max(s.spend_fen for s in segments) / 100
    spend_ax.set_xlim(0, top * 1.45 if top else 1)
    from matplotlib.ticker import MaxNLocator

    money_axis(spend_ax.xaxis)
    spend_ax.xaxis.set_major_locator(MaxNLocator(3))
    for ax in (size_ax, spend_ax):
        ax.tick_params(axis="x", labelsize=8)
        _tidy(ax)
    chart_title(fig, title)

    def text(s) -> str:
        days = "—" if s.average_recency_days is None else f"{s.average_recency_days:,.0f}"
        return t("{segment}: {n} customer(s), {spend}, {days} day(s) since the last order on average",
                 segment=s.label, n=f"{s.customers:,}", spend=yuan_text(s.spend_fen), days=days)

    return [(bar, [text(s)]) for bar, s in zip(sizes, segments)] + [(bar, [text(s)]) for bar, s in zip(spends, segments)]


@_chart
def draw_cohorts(fig: Any, rows: Sequence) -> Hover:
    """The cohort heat map (``core.cohorts.CohortRow``): first-order month × share buying in month +k."""
    title = t("Cohorts: % of each first-order month's customers buying again k months later")
    if not rows or not any(r.customers for r in rows):
        return empty_note(fig, t("No buyer accounts yet (cohorts need them)"), title)
    import numpy as np

    later = len(rows[0].shares)
    data = np.array([[np.nan if v is None else v for v in r.shares] for r in rows], dtype=float)
    ax = fig.add_subplot()
    masked = np.ma.masked_invalid(data)
    top = float(np.nanmax(data)) if np.isfinite(data).any() else 0.0
    ax.imshow(masked, aspect="auto", cmap="YlGn", vmin=0, vmax=max(top, 0.01))
    ax.set_xticks(range(later), [f"+{k}" for k in range(1, later + 1)])
    ax.set_yticks(range(len(rows)), [f"{r.cohort} ({r.customers:,})" for r in rows])
    ax.tick_params(labelsize=8)
    ax.set_xlabel(t("Months after the first order"), fontsize=9)
    for i, r in enumerate(rows):
        for k, v in enumerate(r.shares):
            if v is not None and r.customers:
                ax.text(k, i, f"{v * 100:.0f}", ha="center", va="center", fontsize=7,
                        color="white" if top and v > top * 0.6 else "#333")
    chart_title(fig, title)
    return []  # every cell carries its percentage
