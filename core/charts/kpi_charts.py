"""The dashboard's charts: ``draw_*(fig, data, *, labels=None) -> hover``.

``data`` is what ``core.kpi.series`` returns; ``labels`` overrides the default (translated)
texts and may map platform ids, categories and reasons to display names. Each function draws
on the plain ``Figure`` it is given (no pyplot) and returns hover data: a list of
``(artist, texts)``, one text per point of a line or one per bar / wedge.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from core.charts.style import (
    chart_title,
    GREY,
    PALETTE,
    empty_note,
    merged_labels,
    money_axis,
    name,
    percent_axis,
    use_chart_fonts,
    yuan_text,
)
from core.i18n import t

Hover = list[tuple[Any, list[str]]]
F = TypeVar("F", bound=Callable[..., Hover])


def _chart(draw: F) -> F:
    """A draw function: its texts get the chart fonts (``style.use_chart_fonts``)."""

    @functools.wraps(draw)
    def wrapper(fig: Any, *args: Any, **kwargs: Any) -> Hover:
        use_chart_fonts()
        return draw(fig, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


def _no_data() -> str:
    return t("No data for this range")


def _title(ax: Any, text: str) -> None:
    chart_title(ax.figure, text)


def _largest(rows: list, n: int, size: Callable[[Any], float]) -> list:
    """The ``n`` rows with the largest ``size``, in their original order (more bars than a
    chart has room for: the ones that matter most, and the caller's title says which)."""
    keep = set(map(id, sorted(rows, key=lambda r: -size(r))[:n]))
    return [r for r in rows if id(r) in keep]


def _tidy(ax: Any) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _plain(text: str) -> str:
    """Text from data drawn as typed: a "$" in a product name must not start mathtext."""
    return text.replace("$", r"\$")


def _weekly(points: Sequence) -> list:
    """Day points regrouped by ISO week (Monday first), for ranges too long to read day by day."""
    from core.kpi.series import TrendPoint

    weeks: dict[dt.date, list] = {}
    for p in points:
        weeks.setdefault(p.start - dt.timedelta(days=p.start.weekday()), []).append(p)
    out = []
    for group in weeks.values():
        targets = [p.target for p in group]
        out.append(TrendPoint(group[0].start, group[-1].end, sum(p.gmv for p in group),
                              None if None in targets else sum(targets), sum(p.last_year for p in group),
                              so_far=any(p.so_far for p in group)))
    return out


def _short(text: str, width: int) -> str:
    """``text`` cut to ``width`` columns of display, a Chinese character counting two (so a
    label takes about the same room in either language), with "…" where it was cut."""
    if _columns(text) <= width:
        return text
    used, cut = 0, 0
    for cut, ch in enumerate(text):
        used += _columns(ch)
        if used > width - 1:  # a column is left for the ellipsis
            break
    return text[:cut] + "…"


def _wrapped(text: str, width: int, lines: int = 2) -> str:
    """``text`` on at most ``lines`` lines of ``width`` display columns (cut with "…"). Lines
    break between Chinese characters or at spaces, never inside a Latin word or a number
    ("会员日 10月" is not split as "1 / 0月"), unless the word alone is wider than a line."""
    text = _short(text, width * lines)
    tokens = re.findall(r"[A-Za-z0-9.%$¥#&+\-]+|\s+|.", text)
    out, line, used = [], "", 0
    for token in tokens:
        w = _columns(token)
        if used + w > width and line.strip():
            out.append(line.rstrip())
            line, used = "", 0
        if not line and token.isspace():
            continue  # no line starts with a space
        while w > width:  # a word wider than a line: cut it where it must be
            head = _short(token, width + 1).rstrip("…")
            out.append(head)
            token = token[len(head):]
            w = _columns(token)
        line, used = line + token, used + w
    return "\n".join([*out, line.rstrip()])


def _columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _hbars(ax: Any, names: list[str], values: list[float], color: str) -> list:
    """Horizontal bars, first item on top."""
    positions = list(range(len(names)))[::-1]
    bars = ax.barh(positions, values, color=color, height=0.6)
    ax.set_yticks(positions, names)
    return list(bars)


# ---------------------------------------------------------------- GMV trend


@_chart
def draw_gmv_trend(fig: Any, points: Sequence, *, labels: dict | None = None) -> Hover:
    """GMV per bucket with the goal (dashed) and last year's GMV (grey).

    The bucket holding today (``so_far``) is not over: it is not part of the GMV line (its few
    hours would read as a drop), but drawn dashed on from the last finished bucket with a hollow
    marker, "Today so far"; left out while nothing has been paid in it yet. A finished bucket
    without orders is a real 0 and stays on the line."""
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    lab = merged_labels(
        {"title": t("GMV trend"), "gmv": t("GMV"), "target": t("Target"), "last_year": t("Last year"),
         "today_so_far": t("Today so far"), "so_far": t("So far (to today)")}, labels
    )
    if not points:
        return empty_note(fig, _no_data(), lab["title"])
    by_month = all(p.start.day == 1 or p is points[0] for p in points) and len(points) > 1 and \
        all((p.end - p.start).days >= 27 for p in points[1:-1])
    if len(points) > 92 and all(p.start == p.end for p in points):
        # A quarter or more day by day is a comb: drawn by week, and the title says so.
        points = _weekly(points)
        lab["title"] = t("{title} (by week)", title=lab["title"]) if lab["title"] else ""
    ax = fig.add_subplot()
    x = [p.start for p in points]
    when = [p.start.isoformat() if p.start == p.end else f"{p.start.isoformat()} – {p.end.isoformat()}" for p in points]
    hover: Hover = []
    # A single bucket (one day) is a point, not a line: every series gets a marker then.
    dot = "o" if len(points) == 1 else None
    ly = ax.plot(x, [p.last_year / 100 for p in points], color=GREY, linewidth=1.2, marker=dot, markersize=4,
                 label=lab["last_year"])[0]
    hover.append((ly, [f"{w}\n{lab['last_year']}: {yuan_text(p.last_year)}" for w, p in zip(when, points)]))
    if any(p.target is not None for p in points):
        tx = [p.start for p in points if p.target is not None]
        ty = [p.target / 100 for p in points if p.target is not None]
        tw = [f"{w}\n{lab['target']}: {yuan_text(p.target)}" for w, p in zip(when, points) if p.target is not None]
        target = ax.plot(tx, ty, color=PALETTE[1], linestyle="--", linewidth=1.2, marker=dot, markersize=4,
                         label=lab["target"])[0]
        hover.append((target, tw))
    marker = "o" if len(points) <= 40 else None
    done = [i for i, p in enumerate(points) if not p.so_far]
    gmv_text = [f"{w}\n{lab['gmv']}: {yuan_text(p.gmv)}" for w, p in zip(when, points)]
    if done:
        gmv = ax.plot([x[i] for i in done], [points[i].gmv / 100 for i in done], color=PALETTE[0], linewidth=2,
                      marker=marker, markersize=3, label=lab["gmv"])[0]
        hover.insert(0, (gmv, [gmv_text[i] for i in done]))
    now = next((i for i, p in enumerate(points) if p.so_far), None)
    if now is not None and (points[now].gmv or not done):
        name = lab["today_so_far"] if points[now].start == points[now].end else lab["so_far"]
        shown = [i for i in done if i < now][-1:] + [now]  # on from the last finished bucket
        so_far = ax.plot([x[i] for i in shown], [points[i].gmv / 100 for i in shown], color=PALETTE[0],
                         linestyle="--", linewidth=1.5, marker="o", markersize=5, markevery=[len(shown) - 1],
                         markerfacecolor="white", label=name)[0]
        texts = [gmv_text[i] for i in shown[:-1]] + [f"{when[now]} ({name})\n{lab['gmv']}: {yuan_text(points[now].gmv)}"]
        hover.insert(1 if done else 0, (so_far, texts))
    if len(points) == 1:  # one day: a date locator has no interval to choose
        ax.set_xticks(x, [when[0]])
        ax.set_xlim(x[0] - dt.timedelta(days=1), x[0] + dt.timedelta(days=1))
    elif by_month:
        # Month buckets: one tick per month, labelled "2026-11" (a bare "11" reads like a day).
        ax.set_xticks(x, [p.start.strftime("%Y-%m") for p in points] if len(points) <= 12
                      else [p.start.strftime("%Y-%m") if i % 3 == 0 else "" for i, p in enumerate(points)])
    else:
        locator = AutoDateLocator(maxticks=8)
        ax.xaxis.set_major_locator(locator)
        # Numeric dates read the same in Chinese and English; the 1st of a month is "11-01",
        # a month tick "2026-11", never a bare "11" that reads like a day.
        ax.xaxis.set_major_formatter(
            ConciseDateFormatter(
                locator,
                formats=["%Y", "%Y-%m", "%m-%d", "%H:%M", "%H:%M", "%S"],
                zero_formats=["", "%Y", "%m-%d", "%m-%d", "%H:%M", "%H:%M"],
                offset_formats=["", "%Y", "%Y", "%Y", "%Y-%m-%d", "%Y-%m-%d %H:%M"],
            )
        )
    money_axis(ax.yaxis)
    ax.set_ylim(bottom=0)
    ax.grid(axis="y", alpha=0.3)
    ax.legend(loc="upper left", frameon=False, fontsize=9)
    _tidy(ax)
    _title(ax, lab["title"])
    return hover


# ---------------------------------------------------------------- shares


def _draw_share(fig: Any, data: Sequence[tuple[str, int]], lab: dict) -> Hover:
    if not data:
        return empty_note(fig, _no_data(), lab["title"])
    ax = fig.add_subplot()
    total = sum(v for _k, v in data) or 1
    # More than 6 slices, or slices under 6 %, are unreadable (their labels overlap): they
    # become one "Other" slice.
    big = [(k, v) for k, v in data if v / total >= 0.06][:6]
    rest = [(k, v) for k, v in data if (k, v) not in big]
    shown = list(big)
    if len(rest) == 1:
        shown.append(rest[0])
    elif rest:
        shown.append((lab["other"], sum(v for _k, v in rest)))
    names = [name(lab, k) if i < len(big) or len(rest) == 1 else k for i, (k, _v) in enumerate(shown)]
    wedges, _texts = ax.pie(
        [v for _k, v in shown],
        labels=[f"{_plain(_short(n, 16))} {v / total * 100:.0f}%" for n, (_k, v) in zip(names, shown)],
        colors=(PALETTE * 2)[: len(shown)],
        # Clockwise from three o'clock, largest first: the small slices end up on the right,
        # where their labels stack vertically instead of running into each other.
        startangle=0,
        counterclock=False,
        wedgeprops={"width": 0.45, "edgecolor": "white"},
        textprops={"fontsize": 9},
    )
    ax.set_aspect("equal")
    _title(ax, lab["title"])
    return [(w, [f"{n}: {yuan_text(v)} ({v / total * 100:.1f}%)"]) for w, n, (_k, v) in zip(wedges, names, shown)]


@_chart
def draw_channel_share(fig: Any, data: Sequence[tuple[str, int]], *, labels: dict | None = None) -> Hover:
    """Donut of GMV by channel: ``[(platform, fen), …]`` largest first."""
    return _draw_share(fig, data, merged_labels({"title": t("GMV by channel"), "other": t("Other")}, labels))


@_chart
def draw_category_share(fig: Any, data: Sequence[tuple[str, int]], *, labels: dict | None = None) -> Hover:
    """Donut of sales by category: ``[(category, fen), …]``."""
    defaults = {"title": t("Sales by category"), "other": t("Other"), "": t("Uncategorized")}
    return _draw_share(fig, data, merged_labels(defaults, labels))


# ---------------------------------------------------------------- SKUs, refunds


@_chart
def draw_top_skus(fig: Any, skus: Sequence, *, labels: dict | None = None) -> Hover:
    """Horizontal bars of sales for the best-selling SKUs (``SkuSales``)."""
    lab = merged_labels({"title": t("Top SKUs by sales"), "units": t("units")}, labels)
    if not skus:
        return empty_note(fig, _no_data(), lab["title"])
    ax = fig.add_subplot()
    names = [_plain(s.sku_code if not s.title else f"{_short(s.sku_code, 14)} {_short(s.title, 20)}") for s in skus]
    bars = _hbars(ax, names, [s.sales / 100 for s in skus], PALETTE[0])
    money_axis(ax.xaxis)
    _few_ticks(ax.xaxis, 4)  # amounts are wide: more ticks would run into each other
    ax.tick_params(axis="y", labelsize=8)
    ax.grid(axis="x", alpha=0.3)
    _tidy(ax)
    _title(ax, lab["title"])
    return [
        (bar, [f"{s.sku_code} {s.title}\n{yuan_text(s.sales)} · {s.units:,} {lab['units']}"]) for bar, s in zip(bars, skus)
    ]


@_chart
def draw_refunds(fig: Any, data: tuple[Sequence, Sequence], *, labels: dict | None = None) -> Hover:
    """Two panels: refund amount by SKU and by reason (``(by_sku, by_reason)``, top 8 each)."""
    lab = merged_labels(
        {"title": t("Refunds"), "by_sku": t("By SKU"), "by_reason": t("By reason"), "": t("(none)"),
         "refunds": t("refunds")},
        labels,
    )
    by_sku, by_reason = (list(data[0])[:8], list(data[1])[:8])
    if not by_sku and not by_reason:
        return empty_note(fig, t("No refunds in this range"), lab["title"])
    hover: Hover = []
    panels = ((by_sku, lab["by_sku"], PALETTE[5]), (by_reason, lab["by_reason"], PALETTE[1]))
    for i, (rows, heading, color) in enumerate(panels):
        ax = fig.add_subplot(1, 2, i + 1)
        names = [name(lab, r.label) for r in rows]
        # A SKU code alone means nothing to the owner: the product's title (shortened) beside it.
        # Two panels share the width, so names are kept short; hover shows them whole.
        shown = [_plain(f"{_short(n, 14)} {_short(r.title, 16)}" if r.title and rows is by_sku else _short(n, 20))
                 for n, r in zip(names, rows)]
        bars = _hbars(ax, shown, [r.amount / 100 for r in rows], color)
        money_axis(ax.xaxis)
        _few_ticks(ax.xaxis, 3)  # half the width: amounts would collide
        ax.tick_params(axis="both", labelsize=8)
        _tidy(ax)
        ax.set_title(heading, loc="left", fontsize=10, fontweight="bold")
        hover += [
            (bar, [f"{n} {r.title}".strip() + f"\n{yuan_text(r.amount)} · {r.count} {lab['refunds']}"])
            for bar, n, r in zip(bars, names, rows)
        ]
    _title(fig.axes[0], lab["title"])
    return hover


# ---------------------------------------------------------------- funnel, repurchase


@_chart
def draw_funnel(fig: Any, stages: Sequence[tuple[str, int | None]], *, labels: dict | None = None) -> Hover:
    """Visitors → paying buyers → orders, centred bars with the step conversion."""
    lab = merged_labels(
        {"title": t("Conversion funnel"), "visitors": t("Visitors"), "paying_buyers": t("Paying buyers"),
         "orders": t("Paid orders"), "unknown": t("unknown: import traffic data")},
        labels,
    )
    if not stages or all(not v for _k, v in stages):
        return empty_note(fig, _no_data(), lab["title"])
    ax = fig.add_subplot()
    widest = max(v or 0 for _k, v in stages) or 1
    positions = list(range(len(stages)))[::-1]
    hover: Hover = []
    previous = None
    for pos, (key, value), color in zip(positions, stages, PALETTE):
        if value is None:
            ax.text(0, pos, f"{lab[key]}: {lab['unknown']}", ha="center", va="center", color=GREY, fontsize=9)
            previous = None
            continue
        # Bars keep a visible minimum width: buyers are often 1 % of visitors.
        width = max(value / widest, 0.04)
        bar = ax.barh(pos, width, left=-width / 2, color=color, height=0.7)[0]
        # The step rate is the conversion (buyers ÷ visitors); orders per buyer is not a rate.
        step = f" ({value / previous * 100:.1f}%)" if previous and key == "paying_buyers" else ""
        text = f"{lab[key]} {value:,}{step}"
        if width > 0.35:
            ax.text(0, pos, text, ha="center", va="center", fontsize=9, color="white")
        else:  # beside a narrow bar, not over it
            ax.text(width / 2 + 0.02, pos, text, ha="left", va="center", fontsize=9)
        hover.append((bar, [f"{lab[key]}: {value:,}{step}"]))
        previous = value
    ax.set_xlim(-0.55, 0.55)
    ax.set_ylim(-0.6, len(stages) - 0.4)
    ax.set_axis_off()
    _title(ax, lab["title"])
    return hover


@_chart
def draw_repurchase(fig: Any, months: Sequence, *, labels: dict | None = None) -> Hover:
    """Repurchase rate per month (``MonthRate``); months without known buyers are gaps."""
    lab = merged_labels({"title": t("Repurchase rate by month"), "buyers": t("buyers with a known account")}, labels)
    if not months or all(m.rate is None for m in months):
        return empty_note(fig, t("No buyer accounts in this range (repurchase needs them)"), lab["title"])
    ax = fig.add_subplot()
    names = [m.month.strftime("%Y-%m") for m in months]
    rates = [m.rate if m.rate is not None else 0.0 for m in months]
    bars = ax.bar(range(len(months)), rates, color=PALETTE[2], width=0.6)
    ax.set_xticks(range(len(months)), names, rotation=45 if len(months) > 6 else 0, ha="right" if len(months) > 6 else "center")
    _few_bars(ax, len(months))
    percent_axis(ax.yaxis)
    ax.tick_params(axis="x", labelsize=8)
    ax.grid(axis="y", alpha=0.3)
    _tidy(ax)
    _title(ax, lab["title"])
    return [
        (bar, [f"{n}: {_pct(m.rate)}\n{m.repeat_buyers:,} / {m.known_buyers:,} {lab['buyers']}"])
        for bar, n, m in zip(bars, names, months)
    ]


# ---------------------------------------------------------------- turnover, ROI


MAX_CATEGORIES = 10


@_chart
def draw_turnover(fig: Any, rows: Sequence, *, labels: dict | None = None) -> Hover:
    """Inventory turnover per category (``TurnoverRow``), with days of inventory in hover."""
    lab = merged_labels(
        {"title": t("Inventory turnover by category"), "": t("Uncategorized"), "days": t("days of inventory"),
         "cogs": t("cost of goods sold"), "stock": t("stock at cost"), "no_sales": t("no sales in this range")},
        labels,
    )
    rows = [r for r in rows if r.turnover is not None]
    if not any(r.turnover for r in rows):  # nothing sold: every bar would be 0
        return empty_note(fig, t("No stock or sales at cost in this range"), lab["title"])
    if len(rows) > MAX_CATEGORIES:  # where the most money sits in stock, still fastest first
        rows = _largest(rows, MAX_CATEGORIES, lambda r: r.inventory_value)
        if lab["title"]:
            lab["title"] = t("{title} (the {n} with the most stock)", title=lab["title"], n=MAX_CATEGORIES)
    ax = fig.add_subplot()
    names = [name(lab, r.category) for r in rows]
    bars = _hbars(ax, [_plain(_short(n, 24)) for n in names], [r.turnover for r in rows], PALETTE[4])
    ax.xaxis.set_major_formatter(lambda v, _p: f"{v:g}×")
    ax.grid(axis="x", alpha=0.3)
    _tidy(ax)
    _title(ax, lab["title"])
    ax.set_xlim(left=0)  # a category with stock and no sales is a bar of 0, not a negative axis
    return [
        (bar, [f"{n}: {r.turnover:.2f}× · "
               + (f"{r.days_of_inventory:,.0f} {lab['days']}" if r.days_of_inventory is not None else lab["no_sales"])
               + f"\n{lab['cogs']} {yuan_text(r.cogs)} · {lab['stock']} {yuan_text(r.inventory_value)}"])
        for bar, n, r in zip(bars, names, rows)
    ]


def _few_ticks(axis: Any, bins: int) -> None:
    from core.charts.style import fitting_ticks

    fitting_ticks(axis, bins)


def _few_bars(ax: Any, count: int) -> None:
    """One or two bars should not fill the whole width."""
    pad = max(0.6, (4 - count) / 2 + 0.1)
    ax.set_xlim(-pad, count - 1 + pad)


def _grouped_bars(ax: Any, names: list[str], series: list[tuple[str, list[float | None], str]]) -> list[list]:
    width = 0.8 / len(series)
    out = []
    for i, (label, values, color) in enumerate(series):
        xs = [j + (i - (len(series) - 1) / 2) * width for j in range(len(names))]
        bars = ax.bar(xs, [v or 0 for v in values], width=width, color=color, label=label)
        out.append(list(bars))
    ax.set_xticks(range(len(names)), names)
    return out


MAX_PROMOTIONS = 8


@_chart
def draw_promotion_roi(fig: Any, promos: Sequence, *, labels: dict | None = None) -> Hover:
    """ROAS (GMV ÷ cost) and incremental ROI ((GMV − baseline) ÷ cost) per promotion."""
    lab = merged_labels(
        {"title": t("Promotion ROI"), "roas": t("GMV ÷ cost"), "incremental": t("(GMV − baseline) ÷ cost"),
         "cost": t("cost")},
        labels,
    )
    promos = [p for p in promos if p.roas is not None]
    if not promos:
        return empty_note(fig, t("No measured promotions in this range"), lab["title"])
    if len(promos) > MAX_PROMOTIONS:  # the ones that cost the most, still in date order
        promos = _largest(promos, MAX_PROMOTIONS, lambda p: p.cost)
        if lab["title"]:
            lab["title"] = t("{title} (the {n} that cost the most)", title=lab["title"], n=MAX_PROMOTIONS)
    ax = fig.add_subplot()
    names = [_plain(_wrapped(p.name, 8, 3)) for p in promos]
    roas_bars, inc_bars = _grouped_bars(
        ax, names,
        [(lab["roas"], [p.roas for p in promos], PALETTE[0]),
         (lab["incremental"], [p.incremental_roi for p in promos], PALETTE[2])],
    )
    _few_bars(ax, len(promos))
    ax.axhline(0, color=GREY, linewidth=0.8)
    ax.yaxis.set_major_formatter(lambda v, _p: f"{v:g}×")
    ax.tick_params(axis="x", labelsize=8)
    if fig.get_layout_engine() is None:  # the canvas' layout engine makes room by itself
        fig.subplots_adjust(bottom=0.22)
    # Above the plot, not over the first bars.
    ax.legend(frameon=False, fontsize=8, loc="lower left", bbox_to_anchor=(0, 1), ncol=2, borderaxespad=0.2)
    ax.grid(axis="y", alpha=0.3)
    _tidy(ax)
    _title(ax, lab["title"])
    hover: Hover = []
    for bar_r, bar_i, p in zip(roas_bars, inc_bars, promos):
        detail = f"{p.name} ({p.start.isoformat()} – {p.end.isoformat()})\nGMV {yuan_text(p.gmv)} · {lab['cost']} {yuan_text(p.cost)}"
        hover.append((bar_r, [f"{detail}\n{lab['roas']}: {p.roas:.2f}×"]))
        inc = "—" if p.incremental_roi is None else f"{p.incremental_roi:.2f}×"
        hover.append((bar_i, [f"{detail}\n{lab['incremental']}: {inc}"]))
    return hover


@_chart
def draw_channel_roi(fig: Any, rows: Sequence, *, labels: dict | None = None) -> Hover:
    """GMV ÷ ad spend per channel (``ChannelRoi``); channels without spend are listed as such."""
    lab = merged_labels(
        {"title": t("Channel ROI (GMV ÷ ad spend)"), "spend": t("ad spend"),
         "no_spend": t("No ad spend imported (traffic reports carry it)")},
        labels,
    )
    rows = [r for r in rows if r.roi is not None]
    if not rows:
        return empty_note(fig, lab["no_spend"], lab["title"])
    ax = fig.add_subplot()
    names = [name(lab, r.platform) for r in rows]
    bars = ax.bar(range(len(rows)), [r.roi for r in rows], color=PALETTE[3], width=0.6)
    ax.set_xticks(range(len(rows)), names)
    _few_bars(ax, len(rows))
    ax.yaxis.set_major_formatter(lambda v, _p: f"{v:g}×")
    ax.grid(axis="y", alpha=0.3)
    _tidy(ax)
    _title(ax, lab["title"])
    return [
        (bar, [f"{n}: {r.roi:.2f}×\nGMV {yuan_text(r.gmv)} · {lab['spend']} {yuan_text(r.ad_spend)}"])
        for bar, n, r in zip(bars, names, rows)
    ]
