"""Lays the monthly plan (core.report.MonthlyPlan) out on A4 landscape pages with Qt's print support.

The one renderer: File → Print monthly plan… paints it into the print preview's printer and
the ``report`` command into a QPdfWriter, so the preview, the paper and the PDF are the same
document. The body is one QTextDocument (HTML tables with repeated header rows; Qt breaks
pages between text lines, so a one-line row is never cut); header and footer are painted on
each page around it. Strings go through core.i18n.t so the headless CLI, which has no
QTranslator, prints in the UI language too.
"""
from __future__ import annotations

import calendar
import datetime as dt
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from core.i18n import t
from core.kpi.output import channel_label
from core.money import format_fen, format_rate
from core.report import MonthlyPlan
from ui.report.html_parts import (LISTS, category_text, channel_text, day_text, empty_note, esc, html_table, report_font, section, status_text)

MARGIN_MM = 12.0
BODY_PT = 8.5


def page_layout(orientation: QPageLayout.Orientation = QPageLayout.Orientation.Landscape) -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation,
                       QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)


def header_band(device) -> int:
    """The height of the header and of the footer band on ``device`` (8 mm each)."""
    return int(device.logicalDpiY() * 0.32)


def draw_header_footer(painter: QPainter, width: int, height: int, band: int, title: str, footer: str,
                       page: int, pages: int) -> None:
    """A printed page's frame: ``title`` top left over a rule, ``footer`` bottom left, "Page n of m"
    bottom right (every printed document of ShopDesk uses it)."""
    painter.save()
    painter.setFont(report_font(8))
    painter.setPen(Qt.GlobalColor.darkGray)
    painter.drawText(QRectF(0, 0, width, band * 0.8), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, title)
    painter.drawText(QRectF(0, height - band * 0.8, width, band * 0.8),
                     Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, t("Page {n} of {m}", n=page + 1, m=pages))
    painter.drawText(QRectF(0, height - band * 0.8, width, band * 0.8),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, footer)
    painter.drawLine(0, int(band * 0.85), width, int(band * 0.85))
    painter.restore()


def _goal_rows(goals, with_pace: bool) -> list[list[str]]:
    out = []
    for g in goals:
        row = [esc(channel_text(g.channel)), esc(category_text(g.category)), format_fen(g.target_fen), format_fen(g.actual_fen)
               if g.actual_fen is not None else "—", format_rate(g.progress)]
        if with_pace:
            row.append(format_fen(g.needed_per_day_fen) if g.needed_per_day_fen is not None else "—")
        row.append(esc(status_text(g.status)))
        out.append(row)
    return out


CAL_LANES = 3  # bars per week row; more say "+N" on their days (the full list is on the promotions page)
CAL_LINES = 36  # text lines a calendar page holds (7.5 pt on A4 landscape, under its title and header)
CAL_CHARS = 12  # a calendar cell holds about 12 Chinese characters a line (7.5 pt)
BAR_FILL = {"festival": "#f6cfc8", "platform": "#fbe0c0", "own": "#cfe0f5"}
BAR_LEAD = {"festival": "#fbe7e3", "platform": "#fdeedb", "own": "#e6eefa"}  # 预热/预售/定金: lighter
BAR_PEAK = {"festival": "#eda99e", "platform": "#f5c48c", "own": "#a9c6ea"}  # 巅峰: darker
_LEAD, _PEAK = ("预热", "预售", "定金", "蓄水", "warm", "pre"), ("巅峰", "peak")


def _short(text: str, width: int = CAL_CHARS) -> str:
    """At most ``width`` columns (a CJK character counts two), ending in … when cut."""
    out, used = "", 0
    for ch in text:
        w = 2 if ord(ch) > 0x2E7F else 1
        if used + w > 2 * width - 1:
            return out + "…"
        out, used = out + ch, used + w
    return out


def _fill(kind: str, phase: str) -> str:
    low = phase.casefold()
    if any(w in low for w in _PEAK):
        return BAR_PEAK.get(kind, "#dddddd")
    if any(w in low for w in _LEAD):
        return BAR_LEAD.get(kind, "#eeeeee")
    return BAR_FILL.get(kind, "#e4e4e4")


def _pieces(p, first: dt.date, last: dt.date) -> list[tuple[str, dt.date, dt.date]]:
    """The bar's days ``first``…``last`` cut where its phases change: (phase or "", from, to)."""
    out: list[tuple[str, dt.date, dt.date]] = []
    day = first
    while day <= last:
        phase = next((n for n, a, b in p.phases if a <= day <= b), "")
        if out and out[-1][0] == phase and out[-1][2] == day - dt.timedelta(days=1):
            out[-1] = (phase, out[-1][1], day)
        else:
            out.append((phase, day, day))
        day += dt.timedelta(days=1)
    return out


# Every calendar cell draws its own border (collapsed into one line with its neighbours): with only
# the table's border, Qt left cells without one, and a blank cell beside a blank cell (the days of
# the month before, e.g. Thu and Fri of a month that starts on a Saturday) lost the line between them.
CAL_BORDER = "border:1px solid #888"


def _bar_cells(p, seg) -> list[str]:
    """One bar in a week row: a cell per phase spanning its days, the name in the first."""
    cells = []
    for n, (phase, a, b) in enumerate(_pieces(p, seg.first, seg.last)):
        span = (b - a).days + 1
        width = CAL_CHARS * span
        if n == 0:
            name = ("◂ " if p.start < seg.first else "") + p.name  # it began before this week (or month)
            label = f"{_short(name, max(4, width - len(phase) - 1))} · {phase}" if phase else _short(name, width)
        else:
            label = _short(phase, width)
        cells.append(f'<td colspan="{span}" bgcolor="{_fill(p.kind, phase)}" style="{CAL_BORDER}">{esc(label)}</td>')
    return cells


def _calendar(plan: MonthlyPlan) -> str:
    """The month as a grid of weeks, each promotion a bar across its days (cut at the week's and the
    month's edges, phases as shaded parts), in at most CAL_LANES lanes a week; tasks due under them."""
    from core.calendar_layout import Span, lay_out_rows

    month = plan.month
    names = [t("Mon"), t("Tue"), t("Wed"), t("Thu"), t("Fri"), t("Sat"), t("Sun")]
    # whole percents (Qt misreads 14.28%) that fill the width: Monday and Sunday 1 % wider
    head = "".join(f'<th width="{15 if i in (0, 6) else 14}%" style="background:#e8eef5;{CAL_BORDER}">{esc(n)}</th>'
                   for i, n in enumerate(names))
    weeks = calendar.Calendar().monthdatescalendar(month.year, month.month)
    rows_of = [(max(w[0], month.start), min(w[-1], month.end)) for w in weeks]
    spans = [Span(i, max(p.start, month.start), min(p.end, month.end)) for i, p in enumerate(plan.promotions)]
    segments = lay_out_rows(spans, rows_of)
    blank = f'<td style="background:#f4f4f4;{CAL_BORDER}"></td>'
    empty = f'<td style="{CAL_BORDER}"></td>'
    rows = []
    for w, week in enumerate(weeks):
        rows.append("<tr>" + "".join(f'<td style="{CAL_BORDER}"><b>{day.day}</b></td>' if day.month == month.month else blank
                                     for day in week) + "</tr>")
        here = [s for s in segments if s.week == w]
        lanes = min(max((s.lane + 1 for s in here), default=0), CAL_LANES)
        room = max(CAL_LINES // len(weeks) - 1 - lanes, 2)  # lines to write in under the bars: still one page
        for lane in range(lanes):
            cells, col = [], 0
            for seg in sorted((s for s in here if s.lane == lane), key=lambda s: s.first):
                start_col = seg.first.weekday()
                cells += [empty if week[c].month == month.month else blank for c in range(col, start_col)]
                cells += _bar_cells(plan.promotions[seg.key], seg)
                col = seg.last.weekday() + 1
            cells += [empty if week[c].month == month.month else blank for c in range(col, 7)]
            rows.append("<tr>" + "".join(cells) + "</tr>")
        hidden = [s for s in here if s.lane >= CAL_LANES]
        notes = []
        for day in week:
            if day.month != month.month:
                notes.append(blank)
                continue
            n = sum(1 for s in hidden if s.first <= day <= s.last)
            due = [x for x in plan.tasks if x.due == day]
            shown = due[:room - 1] if n or len(due) > room else due  # one line kept for what did not fit
            lines = [f'<span style="color:#1f4e79">▸ {esc(_short(x.title, CAL_CHARS - 1))}</span>' for x in shown]
            more = ([t("+{n} promotion(s)", n=n)] if n else []) + (
                [t("+{n} task(s) due", n=len(due) - len(shown))] if len(due) > len(shown) else [])
            if more:
                lines.append(f'<span style="color:#555">{esc(", ".join(more))}</span>')
            # Blank lines, not a cell height (which Qt's rich text ignores), keep room to write in.
            lines += ["&nbsp;"] * max(room - len(lines), 0)
            notes.append(f'<td valign="top" style="{CAL_BORDER}">{"<br>".join(lines)}</td>')
        rows.append("<tr>" + "".join(notes) + "</tr>")
    return (section(t("Calendar {month}", month=str(month)), first=True)
            + '<table width="100%" border="0.5" cellspacing="0" cellpadding="1" '
              'style="font-size:7.5pt;border-collapse:collapse;border-color:#888">'
            + f'<thead><tr>{head}</tr></thead>'
            + "".join(rows) + "</table>")


def _promotions(plan: MonthlyPlan) -> str:
    out = [section(t("Promotions of the month"))]
    if not plan.promotions:
        return out[0] + empty_note(t("No promotions this month"))
    rows = []
    for p in plan.promotions:
        phases = "; ".join(f"{n} {day_text(a)}–{day_text(b)}" for n, a, b in p.phases) or "—"
        budget = format_fen(p.budget_fen)
        if p.discount_budget_fen or p.ad_budget_fen:  # the split under the sum
            budget += '<br><span style="color:#555">' + esc(t("discount {discount} + ads {ad}", discount=format_fen(
                p.discount_budget_fen), ad=format_fen(p.ad_budget_fen))) + "</span>"
        rows.append([esc(p.name), esc(", ".join(channel_label(c) for c in p.channels) or t("All channels")),
                     f"{p.start.isoformat()} – {p.end.isoformat()}", budget,
                     format_fen(p.target_gmv_fen) if p.target_gmv_fen else "—", esc(phases),
                     esc("; ".join(p.rules) or "—"), esc(p.scope or "—"), esc(status_text(p.status))])
    out.append(html_table([t("Promotion"), t("Channels"), t("Dates"), t("Budget"), t("Target GMV"), t("Phases"), t("Rules"),
                       t("Scope"), t("Status")], rows, [18, 9, 11, 11, 8, 15, 12, 9, 7]))
    return "".join(out)


def _goals(plan: MonthlyPlan) -> str:
    head = section(t("Goals by channel and category"))
    if not plan.goals:
        return head + empty_note(t("No goals set for this month"))
    return head + html_table([t("Channel"), t("Category"), t("Target"), t("Actual"), t("Achieved"),
                          t("Needed per day"), t("Status")], _goal_rows(plan.goals, True))


def _order_table(plan: MonthlyPlan, lines) -> str:
    def by(day) -> str:  # a past order-by date is overdue, not a deadline still to meet
        return t("overdue since {date}", date=day.isoformat()) if day < plan.today else day.isoformat()

    return html_table([t("Order by"), t("SKU"), t("Product"), t("Supplier"), t("Quantity"), t("Order cost"), t("Runs out")],
                  [[esc(by(o.order_by)), esc(o.sku_code), esc(o.title), esc(o.supplier or "—"), f"{o.qty:,}",
                    format_fen(o.cost_fen), o.stockout_date.isoformat() if o.stockout_date else "—"]
                   for o in lines], [9, 12, 33, 18, 8, 10, 10])


def _inventory(plan: MonthlyPlan) -> str:
    out = [section(t("Inventory actions")),
           f"<h3>{esc(t('Order now ({n}): what the Inventory tab flags', n=len(plan.orders)))}</h3>"]
    if plan.orders:
        out.append(_order_table(plan, plan.orders))
    else:
        out.append(empty_note(t("Nothing to order now")))
    out.append(f"<h3>{esc(t('Order later this month ({n}): order-by dates before the month ends', n=len(plan.orders_later)))}</h3>")
    if plan.orders_later:
        out.append(_order_table(plan, plan.orders_later))
    else:
        out.append(empty_note(t("Nothing else to order this month")))
    out.append(f"<h3>{esc(t('Expected stock-outs'))}</h3>")
    if plan.stockouts:
        out.append(html_table([t("Runs out"), t("SKU"), t("Product"), t("Supplier"), t("Order by")],
                          [[o.stockout_date.isoformat() if o.stockout_date else "—", esc(o.sku_code), esc(o.title),
                            esc(o.supplier or "—"), o.order_by.isoformat() if o.order_by else "—"]
                           for o in plan.stockouts], [10, 14, 46, 20, 10]))
    else:
        out.append(empty_note(t("No stock-outs expected this month")))
    out.append(f"<h3>{esc(t('Slow movers to clear'))}</h3>")
    if plan.slow_movers:
        out.append(html_table([t("SKU"), t("Product"), t("Flag"), t("On hand"), t("Stock value"), t("Last sale")],
                          [[esc(s.sku_code), esc(s.title), esc(status_text(s.status)), f"{s.on_hand:,}",
                            format_fen(s.stock_value_fen), s.last_sale.isoformat() if s.last_sale else "—"]
                           for s in plan.slow_movers], [14, 40, 12, 10, 12, 12]))
    else:
        out.append(empty_note(t("No slow movers")))
    return "".join(out)


WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _meetings(plan: MonthlyPlan) -> str:
    out = [f"<h3>{esc(t('Weekly meetings and repeating tasks ({n})', n=len(plan.meetings)))}</h3>"]
    if not plan.meetings:
        return out[0] + empty_note(t("No repeating tasks this month"))
    out.append(html_table([t("Date"), t("Time"), t("Task"), t("Owner"), t("Status")],
                      [[f"{day_text(m.day)} {esc(t(WEEKDAYS[m.day.weekday()]))}", esc(m.time or "—"), esc(m.title),
                        esc(m.owner or t("Unassigned")), esc(status_text(m.status) if m.status else t("not planned yet"))]
                       for m in plan.meetings], [14, 8, 46, 16, 16]))
    return "".join(out)


def _staff_kpi(plan: MonthlyPlan) -> str:
    """Each person's KPI targets and bonus bands (core.staff_kpi), above their tasks."""
    if not plan.staff_kpi:
        return ""
    rows = [[esc(k.name), esc(k.role or "—"),
             format_fen(k.target_fen) + (f" ({format_rate(k.share)})" if k.share is not None else "")
             if k.target_fen is not None else "—", esc(k.measures or "—"), format_fen(k.base_fen), esc(k.bands),
             (f"{format_rate(k.achievement)} · {esc(k.band)} · {format_fen(k.bonus_fen or 0)}"
              if k.achievement is not None else "—")] for k in plan.staff_kpi]
    return f"<h3>{esc(t('KPI targets and bonus bands'))}</h3>" + html_table(
        [t("Person"), t("Role"), t("GMV target"), t("Own measures"), t("Bonus base"), t("Bonus bands"),
         t("So far: achievement · band · bonus")], rows, [10, 8, 14, 20, 9, 24, 15])


def _team(plan: MonthlyPlan) -> str:
    out = [section(t("Team: each person's tasks")), _staff_kpi(plan)]
    if not plan.tasks and not plan.meetings:
        return "".join(out) + empty_note(t("No tasks this month"))
    out.append(_meetings(plan))
    for owner, tasks in plan.tasks_by_owner():
        out.append(f"<h3>{esc(owner or t('Unassigned'))} ({len(tasks)})</h3>")
        out.append(html_table([t("Task"), t("Start"), t("Due"), t("Status"), t("Promotion")],
                          [[esc(x.title), day_text(x.start), day_text(x.due), esc(status_text(x.status)), esc(x.promotion or "—")]
                           for x in tasks], [46, 8, 8, 10, 28]))
    return "".join(out)


def _members(plan: MonthlyPlan) -> str:
    out = [section(t("Members")),
           f"<p>{esc(t('Tier changes this month: {n}', n=f'{plan.tier_changes:,}'))}</p>",
           f"<h3>{esc(t('Recall lists (customers)'))}</h3>"]
    if any(n for _, n in plan.recall_counts):
        out.append(html_table([t("Recall list"), t("Customers")],
                          [[esc(t(LISTS.get(k, k))), f"{n:,}"] for k, n in plan.recall_counts], [70, 30]))
    else:
        out.append(empty_note(t("No customers on the recall lists")))
    out.append(f"<h3>{esc(t('Repurchase rate, last {n} month(s)', n=len(plan.repurchase) or 6))}</h3>")
    if plan.repurchase:
        rows = [[esc(m.strftime("%Y-%m")), f"{known:,}", f"{repeat:,}",
                 format_rate(repeat / known) if known else "—"] for m, repeat, known in plan.repurchase]
        out.append(html_table([t("Month"), t("Buyers with an account"), t("Bought twice or more"), t("Repurchase rate")],
                          rows, [25, 25, 25, 25]))
    else:
        out.append(empty_note(t("No buyer accounts yet (repurchase needs them)")))
    if plan.segments:
        out.append(f"<h3>{esc(t('RFM segments (customers)'))}</h3>")
        out.append(html_table([t("Segment"), t("Customers")], [[esc(t(s)), f"{n:,}"] for s, n in plan.segments], [70, 30]))
    return "".join(out)


def plan_html(plan: MonthlyPlan) -> str:
    style = ("<style>h1{font-size:18pt;margin:0} h2{font-size:14pt;color:#1f4e79} h3{font-size:10.5pt;margin-top:8px}"
             "th{font-weight:bold}</style>")
    from ui.report.sop_schedule import sop_schedule_html

    return ("<html><head>" + style + "</head><body>" + _calendar(plan) + _promotions(plan) + sop_schedule_html(plan)
            + _goals(plan) + _inventory(plan) + _team(plan) + _members(plan) + "</body></html>")


KEEP_MM = 16.0  # a heading this close to a page's foot goes to the next page, with its table


def keep_headings_with_next(doc: QTextDocument, device) -> int:
    """Move each heading that would end a page (its table starting on the next one) to the next
    page: Qt's rich text has no keep-with-next. Returns how many moved."""
    from PySide6.QtGui import QTextBlockFormat, QTextCursor

    page_h = doc.pageSize().height()
    room = device.logicalDpiY() / 25.4 * KEEP_MM
    layout = doc.documentLayout()
    moved = 0
    block = doc.begin()
    while block.isValid():
        fmt = block.blockFormat()
        if fmt.headingLevel() and fmt.pageBreakPolicy() == QTextBlockFormat.PageBreakFlag.PageBreak_Auto:
            rect = layout.blockBoundingRect(block)
            foot = (int(rect.top() // page_h) + 1) * page_h
            if foot - rect.bottom() < room and rect.top() % page_h > room:
                fmt.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).setBlockFormat(fmt)
                # Lay the whole document out again (Qt's incremental relayout left later headings
                # where they were), then go on from this heading with fresh positions.
                doc.markContentsDirty(0, doc.characterCount())
                layout.documentSize()
                moved += 1
        block = block.next()
    return moved


def draw_body_page(painter: QPainter, doc: QTextDocument, at: int, width: float, body_h: float, top: float) -> None:
    """Paint page ``at`` of ``doc`` (laid out in pages of ``body_h``) with its top at ``top``.

    Qt draws every line whose box touches the clip rectangle, edges included, and a clipped line
    is invisible on paper but still written to the PDF's text layer. A heading whose page break
    puts its top exactly on the page's top edge (the promotions title after the calendar) was so
    written below the foot of the page before as well, where text extraction found it. The clip keeps
    half a device pixel off both edges (at 300 dpi, 0.04 mm), so only this page's lines are drawn.
    """
    painter.translate(0, top - at * body_h)
    doc.drawContents(painter, QRectF(0, at * body_h + 0.5, width, body_h - 1))


def render(plan: MonthlyPlan, device) -> int:
    """Paint the plan on ``device`` (a QPrinter or QPdfWriter, already set up); returns pages."""
    device.setPageLayout(page_layout())
    painter = QPainter(device)
    try:
        width, height = device.width(), device.height()
        dpi = device.logicalDpiY()
        band = header_band(device)
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(device)
        doc.setDefaultFont(report_font(BODY_PT))
        doc.setDocumentMargin(0)
        body_h = height - 2 * band
        doc.setPageSize(QSizeF(width, body_h))
        doc.setHtml(plan_html(plan))
        keep_headings_with_next(doc, device)
        text_pages = doc.pageCount()
        from ui.report.cover import cover_document

        cover, scale = cover_document(plan, device, width, body_h)
        # The cover, the text pages, then the KPI page, drawn with QPainter so its charts stay vectors.
        pages = 1 + text_pages + 1
        title = f"{plan.shop_name} · {t('Monthly plan {month}', month=str(plan.month))}"
        for page in range(pages):
            if page:
                device.newPage()
            draw_header_footer(painter, width, height, band, title, f"{plan.shop_name} · {plan.month}", page, pages)
            painter.save()
            if page == 0:
                painter.translate(0, band)
                painter.scale(scale, scale)
                cover.drawContents(painter, QRectF(0, 0, width / scale, body_h / scale))
            elif page <= text_pages:
                draw_body_page(painter, doc, page - 1, width, body_h, band)
            else:
                from ui.report.kpi_page import draw_kpi_page

                draw_kpi_page(painter, plan, QRectF(0, band, width, body_h), dpi)
            painter.restore()
        return pages
    finally:
        painter.end()


def pdf_writer(path: str | Path, title: str) -> QPdfWriter:
    """A 300 dpi PDF writer titled ``title``: the monthly plan and the weekly task sheet."""
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setTitle(title)
    writer.setCreator("ShopDesk")
    return writer


def with_gui_application(write):
    """Run ``write()`` from the command line, where no QApplication runs yet (fonts need one)."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])
    try:
        return write()
    finally:
        del app


def write_pdf(plan: MonthlyPlan, path: str | Path) -> int:
    """The plan as a PDF file; returns its page count."""
    return render(plan, pdf_writer(path, f"{plan.shop_name} {plan.month}"))


def write_pdf_standalone(plan: MonthlyPlan, path: str | Path) -> int:
    """write_pdf from the command line."""
    return with_gui_application(lambda: write_pdf(plan, path))
