"""The monthly plan's cover: one page with the shop, the month, the month's goals by channel and
category beside last month's results against its goals, and the headline KPIs with 环比/同比.

It is its own QTextDocument, painted on the first page: laid out at COVER_PT and, when a shop
with many channels, categories or long names does not fit, at smaller sizes down to MIN_PT, then
scaled down as a whole, so the cover's content always ends on page 1.
"""
from __future__ import annotations

from PySide6.QtGui import QTextDocument

from core.i18n import t
from core.kpi.output import channel_label, format_kpi, kpi_label
from core.money import format_rate
from core.report import GoalLine, MonthlyPlan, month_stage
from ui.report.html_parts import change_text, empty_note, esc, report_font, status_text

COVER_PT = 11.0  # the cover's body text when it fits
MIN_PT = 6.5  # the smallest before scaling the page down as a whole
HEAD = ' style="background:#e8eef5"'
NUM = ' align="right"'
# Column widths (%): the goals (name, this month's target, actual, achieved, status, last month's
# target, actual, achieved). Without them Qt squeezes the name column to a letter.
GOAL_W = (27, 11, 11, 9, 11, 11, 11, 9)
KPI_COLUMNS = 5  # KPI cards a row


def _yuan(fen: int | None) -> str:
    """Whole yuan: the cover reads at a glance (the goals page has the fen)."""
    return "—" if fen is None else f"¥{round(fen / 100):,}"


def _goal_name(g: GoalLine) -> str:
    """Whole shop, a channel, a category, or "channel · category"."""
    if g.channel and g.category:
        return f"{channel_label(g.channel)} · {g.category}"
    if g.channel:
        return channel_label(g.channel)
    return g.category or t("Whole shop")


def _order(g: GoalLine) -> tuple:
    # The whole shop, then each channel, then each category, then channel × category.
    return (bool(g.channel) + 2 * bool(g.category) if g.channel or g.category else -1, g.channel, g.category)


def _goals_table(plan: MonthlyPlan) -> str:
    """This month's goals and last month's results side by side, a row per channel or category."""
    this = {(g.channel, g.category): g for g in plan.goals}
    last = {(g.channel, g.category): g for g in plan.last_month_goals}
    keys = sorted(set(this) | set(last), key=lambda k: _order((this.get(k) or last[k])))
    rows = []
    for k in keys:
        g, p = this.get(k), last.get(k)
        cells = [esc(_goal_name(g or p))]
        cells += ([_yuan(g.target_fen), _yuan(g.actual_fen), format_rate(g.progress), esc(status_text(g.status))]
                  if g else ["—"] * 4)
        cells += [_yuan(p.target_fen), _yuan(p.actual_fen), format_rate(p.progress)] if p else ["—"] * 3
        rows.append("<tr>" + "".join(f"<td{NUM if 0 < i < 4 or i > 4 else ''}>{c}</td>"
                                     for i, c in enumerate(cells)) + "</tr>")
    prev = plan.month.previous()
    # A future month's last month may still be running (December planned in November): so far.
    last = (t("Last month {month}, so far", month=str(prev)) if month_stage(prev, plan.today) == "running"
            else t("Last month {month}", month=str(prev)))
    names = (t("Target"), t("Actual"), t("Achieved"), t("Status"), t("Target"), t("Actual"), t("Achieved"))
    head = (f'<tr{HEAD}><th rowspan="2" align="left" width="{GOAL_W[0]}%">{esc(t("Channel / category"))}</th>'
            f'<th colspan="4">{esc(t("This month {month}", month=str(plan.month)))}</th>'
            f'<th colspan="3">{esc(last)}</th></tr>'
            f'<tr{HEAD}>' + "".join(f'<th align="{"left" if i == 3 else "right"}" width="{w}%">{esc(h)}</th>'
                                    for i, (h, w) in enumerate(zip(names, GOAL_W[1:], strict=True))) + "</tr>")
    return ('<table width="100%" border="0.5" cellspacing="0" cellpadding="2" style="border-color:#999">'
            f"<thead>{head}</thead>{''.join(rows)}</table>")


def _kpi_cards(plan: MonthlyPlan) -> str:
    """The headline KPIs as the dashboard's cards: the value large, 环比 and 同比 under it."""
    cells = []
    for k in plan.kpis:
        changes = (esc(t("vs prev. {change}", change=change_text(k.change_prev, k.in_points))) + "<br>"
                   + esc(t("vs last year {change}", change=change_text(k.change_year, k.in_points))))
        cells.append(f'<td width="{100 // KPI_COLUMNS}%"><span style="color:#444">{esc(kpi_label(k.key))}</span><br>'
                     f'<span style="font-size:x-large;font-weight:bold">{format_kpi(k.key, k.value)}</span><br>'
                     f'<span style="font-size:small;color:#444">{changes}</span></td>')
    rows = ["<tr>" + "".join(cells[i:i + KPI_COLUMNS]) + "</tr>" for i in range(0, len(cells), KPI_COLUMNS)]
    return ('<table width="100%" border="0.5" cellspacing="0" cellpadding="4" style="border-color:#999">'
            + "".join(rows) + "</table>")


def _facts(plan: MonthlyPlan) -> str:
    """The month at a glance: what the following pages hold, counted."""
    owners = {x.owner for x in plan.tasks if x.owner}
    return esc(t("{promotions} promotion(s) · {tasks} task(s) for {people} (person|people) · {orders} SKU(s) to order now "
                "(+{later} later this month) · {stockouts} expected stock-out(s)",
                promotions=len(plan.promotions), tasks=sum(1 for x in plan.tasks if not x.repeating),
                people=len(owners), orders=len(plan.orders), later=len(plan.orders_later),
                stockouts=len(plan.stockouts)))


def _goals_heading(plan: MonthlyPlan) -> str:
    # The goals' actuals count today's sales so far (as the Goals tab does), the headline KPIs only
    # finished days: in a running month the two GMV figures differ, and the headings say why.
    if plan.stage == "running":
        return t("Goals of the month · actual to {day}, today so far", day=plan.today.isoformat())
    if plan.stage == "closed":
        return t("Goals of the month · final results")
    return t("Goals of the month")


def _as_of(plan: MonthlyPlan) -> str:
    """What the cover's figures are: a closed month's final results, a running month's so far, a
    future month's none (only its targets)."""
    if plan.stage == "closed":
        return t("Month closed: final results for the whole month ({start} – {end})",
                 start=plan.month.start.isoformat(), end=plan.month.end.isoformat())
    if plan.stage == "running":
        return t("Month in progress: figures so far, as of {day}", day=plan.today.isoformat())
    return t("Not started yet: targets only, no actual figures (planned on {day})", day=plan.today.isoformat())


def _kpi_heading(plan: MonthlyPlan) -> str:
    if not plan.kpis:  # a future month has no KPI days to name
        return t("Headline KPIs")
    start, end = plan.kpi_period
    return t("Headline KPIs {start} – {end}", start=start.isoformat(), end=end.isoformat())


def cover_html(plan: MonthlyPlan) -> str:
    goals = (_goals_table(plan) if plan.goals or plan.last_month_goals
             else empty_note(t("No goals set for this month")))
    if plan.kpis:
        kpis = _kpi_cards(plan)
    elif plan.stage == "future":
        kpis = empty_note(t("The month has not started: no KPIs yet"))
    else:  # the month's first day: none of its days is over yet
        kpis = empty_note(t("No whole day of the month yet: KPIs from tomorrow"))
    return (
        "<html><head><style>h1{font-size:220%;margin:0} h3{font-size:120%;margin-top:16px;margin-bottom:5px}"
        "p.sub{color:#444;font-size:115%} th{font-weight:bold}</style></head><body>"
        f'<h1>{esc(plan.shop_name)}</h1>'
        f'<p class="sub"><b>{esc(t("Monthly plan {month}", month=str(plan.month)))}</b> · '
        f'{esc(_as_of(plan))}<br>{_facts(plan)}</p>'
        f'<h3>{esc(_goals_heading(plan))}</h3>{goals}'
        f'<h3>{esc(_kpi_heading(plan))}</h3>{kpis}'
        "</body></html>"
    )


def cover_document(plan: MonthlyPlan, device, width: float, height: float) -> tuple[QTextDocument, float]:
    """The cover laid out for ``device`` to fit ``width`` × ``height``, and the scale to paint it at
    (1 unless even MIN_PT text is too tall: then the page is laid out wider and drawn smaller)."""
    html = cover_html(plan)
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDocumentMargin(0)
    pt = COVER_PT
    while True:
        doc.setDefaultFont(report_font(pt))
        doc.setHtml(html)
        doc.setTextWidth(width)
        if doc.size().height() <= height or pt <= MIN_PT:
            break
        pt -= 0.5
    scale = 1.0
    for _ in range(6):  # laid out wider, it wraps less: converge on a scale that fits
        tall = doc.size().height() * scale
        if tall <= height:
            break
        scale *= height / tall * 0.98
        doc.setTextWidth(width / scale)
    return doc, scale
