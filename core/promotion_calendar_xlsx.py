"""The promotion calendar as an Excel workbook: one sheet per month drawn as a calendar, plus a list.

Each month sheet (named ``2026-11``) is the month's Monday-first grid: a title row, the weekday
names, then two rows per week — the day numbers (with the festivals of the shop's channels named
beside them, tinted) and under them the promotions running that day, one line each, with the phase
of that day (``双11 · 正式``), the cell tinted in the colour of the first promotion's kind. The
list sheet has one row per promotion: dates, channels, phases, tiers, scope, budget (and its discount
cost, ad spend), target GMV, status and
warnings. ``export promotion-calendar FILE.xlsx`` (or ``export promotions FILE.xlsx --calendar``)
and the tab's Export calendar (Excel)… write it; the months are those of --from/--to, else those
the promotions run in (at most 36).
"""
from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from core.calendar_layout import shift_month
from core.errors import BadInputError
from core.i18n import language, list_text, t

KIND_FILLS = {"festival": "FBE3DF", "platform": "FCEBD5", "own": "DDE8F6"}
FESTIVAL_FILL = "FFF1E6"
MAX_MONTHS = 36
DAY_WIDTH = 24


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def months_between(first: dt.date, last: dt.date) -> list[tuple[int, int]]:
    out, (y, m) = [], (first.year, first.month)
    while (y, m) <= (last.year, last.month):
        out.append((y, m))
        y, m = shift_month(y, m, 1)
    return out


def phase_on(row: Mapping[str, Any], day: dt.date) -> str:
    for phase in row.get("phases") or ():
        if _date(phase["start"]) <= day <= _date(phase["end"]):
            return str(phase["name"])
    return ""


def day_lines(rows: Sequence[Mapping[str, Any]], day: dt.date) -> list[str]:
    """What the calendar writes in ``day``'s cell: each promotion running that day, with its phase."""
    out = []
    for r in rows:
        if _date(r["start"]) <= day <= _date(r["end"]):
            phase = phase_on(r, day)
            out.append(f"{r['name']} · {phase}" if phase else str(r["name"]))
    return out


def write_calendar(rows: Sequence[Mapping[str, Any]], path: str | Path, *, first: dt.date | None = None,
                   last: dt.date | None = None, festivals: Iterable[Any] = ()) -> Path:
    """Write the workbook; ``rows`` are the ``promotions`` view's rows (core.views.catalogue)."""
    from core.exports import _atomic_write

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise BadInputError(t("{name}: the promotion calendar is an Excel workbook; the file must end in .xlsx.",
                              name=path.name))
    rows = [r for r in rows if r.get("status") != "cancelled"] + [r for r in rows if r.get("status") == "cancelled"]
    if first is None or last is None:
        if rows:
            first = min(_date(r["start"]) for r in rows)
            last = max(_date(r["end"]) for r in rows)
        else:
            first = last = dt.date.today()
    months = months_between(first, last)
    if len(months) > MAX_MONTHS:
        raise BadInputError(t("{n} months is more than one workbook holds; choose at most {max} months with "
                              "--from/--to.", n=len(months), max=MAX_MONTHS))
    fests = list(festivals)

    def write(tmp: Path) -> None:
        from openpyxl import Workbook

        wb = Workbook()
        wb.remove(wb.active)
        for year, month in months:
            _month_sheet(wb, rows, year, month, fests)
        _list_sheet(wb, rows)
        wb.save(tmp)

    return _atomic_write(path, write)


def _month_title(year: int, month: int) -> str:
    if language() == "zh_CN":
        return f"{year}年{month}月"
    return f"{calendar.month_name[month]} {year}"


def _weekday_names() -> list[str]:
    if language() == "zh_CN":
        return ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"]
    return list(calendar.day_name)


def _month_sheet(wb, rows: Sequence[Mapping[str, Any]], year: int, month: int, fests: list[Any]) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    from core.exports import _set_text

    ws = wb.create_sheet(f"{year}-{month:02d}")
    thin = Side(style="thin", color="BFBFBF")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=7)
    ws.cell(1, 1, _month_title(year, month)).font = Font(bold=True, size=14)
    for col, name in enumerate(_weekday_names(), start=1):
        cell = ws.cell(2, col, name)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
        cell.fill = PatternFill("solid", fgColor="EDEDED")
        cell.border = box
        ws.column_dimensions[cell.column_letter].width = DAY_WIDTH
    zh = language() == "zh_CN"
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    for w, days in enumerate(weeks):
        head, body = 3 + 2 * w, 4 + 2 * w
        most = 1
        for col, day in enumerate(days, start=1):
            in_month = day.month == month
            names = [f.name_zh if zh else f.name_en for f in fests if f.start <= day <= f.end] if in_month else []
            number = ws.cell(head, col)
            if in_month:
                _set_text(number, f"{day.day}  {' · '.join(names)}" if names else str(day.day))
            number.font = Font(bold=True, color="222222" if in_month else "A0A0A0")
            number.border = box
            if names:
                number.fill = PatternFill("solid", fgColor=FESTIVAL_FILL)
            cell = ws.cell(body, col)
            cell.border = box
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if not in_month:
                cell.fill = PatternFill("solid", fgColor="F6F6F6")
                continue
            running = [r for r in rows if _date(r["start"]) <= day <= _date(r["end"])]
            lines = day_lines(running, day)
            if lines:
                _set_text(cell, "\n".join(lines))
                cell.fill = PatternFill("solid", fgColor=KIND_FILLS.get(str(running[0].get("kind")), "EEEEEE"))
                most = max(most, len(lines))
        ws.row_dimensions[body].height = max(45, 15 * most + 4)
    ws.print_options.horizontalCentered = True
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _list_sheet(wb, rows: Sequence[Mapping[str, Any]]) -> None:
    from openpyxl.styles import Alignment, Font

    from core.exports import _set_text

    ws = wb.create_sheet(t("List"))
    headers = [t("Promotion"), t("Kind"), t("Channels"), t("Start"), t("End"), t("Phases"), t("Tiers"), t("Scope"),
               t("Budget"), t("Discount cost"), t("Ad spend"), t("Target GMV"), t("Status"), t("Warnings")]
    for col, header in enumerate(headers, start=1):
        ws.cell(1, col, header).font = Font(bold=True)
    from core.promotion_scope import scope_text
    from core.views.columns import channel_or_all, phase_text, promotion_kind, promotion_status

    for n, r in enumerate(rows, start=2):
        scope = {"categories": r.get("scope_categories") or [], "skus": r.get("scope_skus") or []}
        values = [r["name"], promotion_kind(str(r.get("kind"))), list_text(channel_or_all(c) for c in r.get("platforms") or ())
                  or channel_or_all(""), _date(r["start"]), _date(r["end"]),
                  list_text(phase_text(p) for p in r.get("phases") or ()), "; ".join(r.get("tiers") or ()),
                  scope_text(scope), (r.get("budget_fen") or 0) / 100, (r.get("discount_budget_fen") or 0) / 100,
                  (r.get("ad_budget_fen") or 0) / 100,
                  r["target_gmv_fen"] / 100 if r.get("target_gmv_fen") else None, promotion_status(str(r.get("status"))),
                  "\n".join(r.get("warnings") or ())]
        for col, value in enumerate(values, start=1):
            cell = ws.cell(n, col)
            if isinstance(value, str):
                _set_text(cell, value)
            else:
                cell.value = value
            if col in (4, 5):
                cell.number_format = "yyyy-mm-dd"
            if col in (9, 10, 11, 12):
                cell.number_format = "#,##0.00"
            if col == 14:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCDEFGHIJKLMN", (28, 12, 24, 12, 12, 36, 30, 24, 12, 12, 12, 14, 10, 60), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
