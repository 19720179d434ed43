"""The Inventory detail panel's chart: a SKU's daily sales and forecast above, its projected stock below.

``draw_sku_detail(fig, detail)`` takes a ``core.inventory_detail.SkuDetail``: the last 90 days
of sales as bars, the forecast from tomorrow with the promotions' uplift (solid) and without
(dashed); below, the projected stock down to the stock-out date, the expected delivery, and
the order-by and run-out days marked. Plain ``Figure``, no pyplot; returns hover data.
"""
from __future__ import annotations

from typing import Any

from core.charts.kpi_charts import Hover, _chart, _plain, _short, _tidy
from core.charts.style import GREY, PALETTE, chart_title, date_axis, merged_labels
from core.i18n import t


@_chart
def draw_sku_detail(fig: Any, detail: Any, *, labels: dict | None = None) -> Hover:
    lab = merged_labels({
        "sold": t("Sold per day"), "forecast": t("Forecast with promotions"),
        "base": t("Forecast without promotions"), "stock": t("Projected stock"), "delivery": t("Delivery"),
        "order_by": t("Order by"), "overdue": t("Overdue since"), "runs_out": t("Runs out"), "today": t("Today"), "units": t("Units"),
    }, labels)
    row = detail.row
    chart_title(fig, _plain(_short(f"{row.sku_code} {row.title} {row.spec}".strip(), 70)))
    top, bottom = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 2]})
    hover: Hover = []
    days = [d for d, _q in detail.sales]
    bars = top.bar(days, [q for _d, q in detail.sales], width=0.8, color=PALETTE[4], label=lab["sold"])
    hover.append((bars, [f"{d.isoformat()}\n{lab['sold']}: {q:,}" for d, q in detail.sales]))
    if detail.forecast:
        fx = [d for d, _v in detail.forecast]
        base = top.plot(fx, [v for _d, v in detail.forecast_base], color=GREY, linestyle="--", linewidth=1.2,
                        label=lab["base"])[0]
        hover.append((base, [f"{d.isoformat()}\n{lab['base']}: {v:.1f}" for d, v in detail.forecast_base]))
        if detail.uplifts:
            up = top.plot(fx, [v for _d, v in detail.forecast], color=PALETTE[5], linewidth=1.6,
                          label=lab["forecast"])[0]
            hover.append((up, [f"{d.isoformat()}\n{lab['forecast']}: {v:.1f}" for d, v in detail.forecast]))
    today = detail.stock[0][0]
    for ax in (top, bottom):
        ax.axvline(today, color=GREY, linewidth=0.8)
        _tidy(ax)
    peak = max([q for _d, q in detail.sales] + [v for _d, v in detail.forecast] + [1])
    top.set_ylim(0, peak * 1.3)  # room for the legend; a SKU without sales still has a 0 at the bottom
    top.legend(loc="upper left", fontsize=8, frameon=False, ncol=3)
    top.set_ylabel(lab["units"], fontsize=8)
    sx, sy = [d for d, _v in detail.stock], [v for _d, v in detail.stock]
    line = bottom.step(sx, sy, where="post", color=PALETTE[0], linewidth=1.6, label=lab["stock"])[0]
    hover.append((line, [f"{d.isoformat()}\n{lab['stock']}: {v:,.0f}" for d, v in detail.stock]))
    bottom.fill_between(sx, sy, step="post", color=PALETTE[0], alpha=0.12)
    if row.safety_stock:
        bottom.axhline(row.safety_stock, color=PALETTE[1], linewidth=0.8, linestyle=":")
    # Each open delivery on its own date, the labels on alternating heights so two close ones stay apart.
    for i, (when, qty) in enumerate(getattr(detail, "deliveries", ()) or ([detail.delivery] if detail.delivery else [])):
        bottom.annotate(f"{lab['delivery']} +{qty:,}", (when, 0), xytext=(0, 18 + 14 * (i % 2)),
                        textcoords="offset points", ha="center", fontsize=8, color=PALETTE[2],
                        arrowprops={"arrowstyle": "->", "color": PALETTE[2]})
    end = detail.forecast[-1][0] if detail.forecast else today
    # Order by (left of its line) and runs out (right of its line), on two heights: never on top of each other.
    marks = ((row.order_by, "order_by", PALETTE[1], "right", 1.0), (row.stockout_date, "runs_out", "#c62828", "left", 0.8))
    for when, key, colour, side, height in marks:
        if key == "order_by" and when is not None and when < today:
            key = "overdue"  # the sentence beside the chart says overdue too: never "order by" a past day
        if when is not None and days[0] <= when <= end:
            bottom.axvline(when, color=colour, linewidth=1, linestyle="--")
            text = f"{lab[key]} {when:%m-%d} " if side == "right" else f" {lab[key]} {when:%m-%d}"
            bottom.text(when, height, text, transform=bottom.get_xaxis_transform(), fontsize=8, color=colour,
                        va="top", ha=side)
    bottom.set_ylim(bottom=0)
    bottom.set_ylabel(lab["stock"], fontsize=8)
    date_axis(bottom.xaxis)
    return hover
