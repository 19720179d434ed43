"""The pieces every page of the printed monthly plan is made of: escaped text, dates, changes and
statuses as the plan writes them, a table whose header repeats on each page, and the report's font.
(``render`` lays the plan out; ``cover``, ``kpi_page`` and ``sop_schedule`` draw their pages with these.)"""
from __future__ import annotations

import datetime as dt
import html

from PySide6.QtGui import QFont

from core.i18n import t
from core.kpi.output import channel_label


def esc(text: object) -> str:
    return html.escape(str(text))


def day_text(day: dt.date | None) -> str:
    return "—" if day is None else day.strftime("%m-%d")


def change_text(value: float | None, in_points: bool) -> str:
    if value is None:
        return "—"
    if in_points:
        return f"{value * 100:+.1f} pp"
    return f"{value * 100:+.1f}%"


def channel_text(platform: str) -> str:
    return channel_label(platform) if platform else t("All channels")


def category_text(category: str) -> str:
    return category or t("All categories")


STATUS = {
    "not_started": "not started", "on_track": "on track", "at_risk": "at risk", "behind": "behind",
    "achieved": "achieved", "missed": "missed", "planned": "Planned", "running": "Running", "done": "Done",
    "cancelled": "Cancelled", "todo": "To do", "doing": "Doing", "dead": "Dead stock", "slow": "Slow mover",
    "overstock": "Overstock",
}
LISTS = {"sleeping": "Sleeping (no order for 180 days)", "at_risk": "At risk of churning",
         "near_tier": "Close to the next tier"}


def status_text(code: str | None) -> str:
    return t(STATUS[code]) if code in STATUS else (code or "—")


def html_table(headers: list[str], rows: list[list[str]], widths: list[int] | None = None) -> str:
    """A table whose header row repeats on every page it runs onto (<thead>)."""
    cols = "".join(
        f'<th align="left"{f" width={w}%" if widths else ""}>{esc(h)}</th>' for h, w in zip(headers, widths or headers)
    )
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return (f'<table width="100%" border="0.5" cellspacing="0" cellpadding="2" style="border-color:#999">'
            f'<thead><tr style="background:#e8eef5">{cols}</tr></thead>{body}</table>')


def empty_note(text: str) -> str:
    return f'<p style="color:#555"><i>{esc(text)}</i></p>'


def section(title: str, first: bool = False) -> str:
    brk = "" if first else ' style="page-break-before:always"'
    return f"<h2{brk}>{esc(title)}</h2>"


def report_font(pt: float) -> QFont:
    font = QFont()
    # Latin text (digits, dates, amounts) from a Latin font, Chinese from a CJK one. With a CJK
    # font first, Qt draws Latin-script digits with alternate glyphs its PDF text layer cannot
    # map back, so "2026-11" copied or searched out of the PDF came back empty.
    font.setFamilies(["DejaVu Sans", "Segoe UI", "Arial", "Helvetica", "Noto Sans CJK SC", "Microsoft YaHei",
                      "PingFang SC", "Source Han Sans SC"])
    font.setPointSizeF(pt)
    return font
