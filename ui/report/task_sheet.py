"""Prints the weekly task sheet (core.task_sheet.WeeklySheet): A4 portrait, one page per person.

The same way as the monthly plan (ui/report/render.py, whose page frame it uses): one
QTextDocument of HTML tables, each person's part starting on a new page, painted into the print
preview's printer or a QPdfWriter, so the preview, the paper and ``report --week … --pdf`` are
the same document. Strings go through core.i18n.t (the headless command has no QTranslator).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QPageLayout, QTextDocument

from core.i18n import t
from core.task_sheet import PersonSheet, SheetTask, WeeklySheet
from ui.report.html_parts import esc, report_font
from ui.report.render import (draw_body_page, draw_header_footer, header_band, page_layout, pdf_writer,
                              with_gui_application)

BODY_PT = 9.5
PORTRAIT = QPageLayout.Orientation.Portrait
STATUS = {"todo": "To do", "doing": "In progress", "done": "Done", "cancelled": "Cancelled"}
PRIORITY = {1: "High", 2: "Normal", 3: "Low"}
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _d(day: dt.date | None) -> str:
    return "—" if day is None else f"{day.month:02d}-{day.day:02d} {t(WEEKDAYS[day.weekday()])}"


def week_span(sheet: WeeklySheet) -> str:
    return f"{sheet.week.start.isoformat()} – {sheet.week.end.isoformat()}"


def _checklist(task: SheetTask) -> str:
    return "<br>".join(f"{'☑' if done else '☐'} {esc(text)}" for text, done in task.checklist) or "—"


def _task_row(task: SheetTask) -> str:
    colour = ' style="color:#c62828"' if task.overdue else ""
    title = ("⚠ " if task.overdue else "") + esc(task.title)
    notes = []
    if task.carried_over:
        notes.append(t("carried over from before this week"))
    if task.time:
        notes.append(t("at {time}", time=task.time))
    if notes:
        title += f'<br><span style="color:#555">{esc("; ".join(notes))}</span>'
    cells = [title, _d(task.start), _d(task.due), esc(t(STATUS.get(task.status, task.status))),
             esc(t(PRIORITY.get(task.priority, str(task.priority)))), _checklist(task), esc(task.promotion or "—"), "☐"]
    return f"<tr{colour}>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def _person(sheet: WeeklySheet, person: PersonSheet, first: bool) -> str:
    brk = "" if first else ' style="page-break-before:always"'
    name = person.name or t("Unassigned")
    role = f' <span style="font-size:11pt;color:#555">{esc(person.role)}</span>' if person.role else ""
    out = [f"<h1{brk}>{esc(name)}{role}</h1>",
           f"<p>{esc(t('Tasks of week {week} ({span})', week=str(sheet.week), span=week_span(sheet)))} · "
           f"{esc(t('{n} task(s)', n=len(person.tasks)))}</p>"]
    if not person.tasks:
        out.append(f'<p style="color:#555"><i>{esc(t("No tasks this week"))}</i></p>')
    else:
        heads = [t("Task"), t("Start"), t("Due"), t("Status"), t("Priority"), t("Checklist"), t("Promotion"), t("Done")]
        widths = [22, 11, 11, 12, 9, 16, 12, 7]
        cols = "".join(f'<th align="left" width={w}%>{esc(h)}</th>' for h, w in zip(heads, widths, strict=True))
        out.append('<table width="100%" border="0.5" cellspacing="0" cellpadding="3" style="border-color:#999">'
                   f'<thead><tr style="background:#e8eef5">{cols}</tr></thead>'
                   + "".join(_task_row(x) for x in person.tasks) + "</table>")
    out.append(f"<h3>{esc(t('Notes for the week'))}</h3>"
               '<table width="100%" border="0.5" cellspacing="0" cellpadding="6" style="border-color:#bbb">'
               + "<tr><td>&nbsp;</td></tr>" * 5 + "</table>")
    return "".join(out)


def sheet_html(sheet: WeeklySheet) -> str:
    style = "<style>h1{font-size:17pt;margin:0} h3{font-size:10.5pt;margin-top:10px} th{font-weight:bold}</style>"
    if not sheet.people:
        body = f'<h1>{esc(t("Weekly task sheet"))}</h1><p><i>{esc(t("No one is on the team yet: add team members in the Team tab."))}</i></p>'
    else:
        body = "".join(_person(sheet, p, i == 0) for i, p in enumerate(sheet.people))
    return f"<html><head>{style}</head><body>{body}</body></html>"


def title_of(sheet: WeeklySheet) -> str:
    return f"{sheet.shop_name} · {t('Weekly task sheet {week}', week=str(sheet.week))}"


def render(sheet: WeeklySheet, device) -> int:
    """Paint the sheet on ``device`` (a QPrinter or QPdfWriter); returns the page count."""
    from PySide6.QtGui import QPainter

    device.setPageLayout(page_layout(PORTRAIT))
    painter = QPainter(device)
    try:
        width, height = device.width(), device.height()
        band = header_band(device)
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(device)
        doc.setDefaultFont(report_font(BODY_PT))
        doc.setDocumentMargin(0)
        body_h = height - 2 * band
        doc.setPageSize(QSizeF(width * 0.99, body_h))  # the tables' right border inside the page
        doc.setHtml(sheet_html(sheet))
        pages = doc.pageCount()
        footer = f"{sheet.shop_name} · {week_span(sheet)}"
        for page in range(pages):
            if page:
                device.newPage()
            draw_header_footer(painter, width, height, band, title_of(sheet), footer, page, pages)
            painter.save()
            draw_body_page(painter, doc, page, width, body_h, band)
            painter.restore()
        return pages
    finally:
        painter.end()


def write_pdf(sheet: WeeklySheet, path: str | Path) -> int:
    return render(sheet, pdf_writer(path, title_of(sheet)))


def write_pdf_standalone(sheet: WeeklySheet, path: str | Path) -> int:
    """write_pdf from the command line."""
    return with_gui_application(lambda: write_pdf(sheet, path))
