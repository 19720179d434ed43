"""The purchase list ready to send: one workbook sheet per supplier, and the same as printable HTML.

The lines are ``core.inventory_lists.purchase_list`` (what the "Order today" view shows, with
the owner's quantities). Each supplier's sheet has a title, the shop's letterhead (the contact and
address lines typed once in Settings, ``Settings.letterhead``), the header row, one line per SKU
and a total line; the printed list (ui/tabs/inventory_print.py lays it out with Qt) holds the
same letterhead and tables, one per supplier.
"""
from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from itertools import groupby
from pathlib import Path

from core.exports import Column, Sheet, write_xlsx
from core.i18n import t
from core.inventory_lists import PurchaseLine
from core.money import format_fen


MAX_LETTERHEAD_LINES = 6


def letterhead_lines(text: str) -> list[str]:
    """The letterhead typed in Settings as lines: blank ones dropped, at most six of 200 characters."""
    return [line.strip()[:200] for line in (text or "").splitlines() if line.strip()][:MAX_LETTERHEAD_LINES]


def _supplier_name(supplier: str) -> str:
    return supplier or t("(no supplier)")


def by_supplier(lines: Sequence[PurchaseLine]) -> list[tuple[str, list[PurchaseLine]]]:
    ordered = sorted(lines, key=lambda p: (p.supplier == "", p.supplier, p.sku_code))
    return [(s, list(group)) for s, group in groupby(ordered, key=lambda p: p.supplier)]


def _columns() -> list[Column]:
    return [Column(t("SKU code")), Column(t("Product")), Column(t("Spec")), Column(t("Quantity"), "int"),
            Column(t("Unit cost"), "money"), Column(t("Cost"), "money"), Column(t("Needed by"), "date")]


def supplier_sheets(lines: Sequence[PurchaseLine], today: dt.date, shop: str = "") -> list[Sheet]:
    """One sheet per supplier: its lines and a total line (units and cost)."""
    sheets = []
    for supplier, group in by_supplier(lines):
        rows: list[list[object]] = [[p.sku_code, p.title, p.spec, p.qty, p.unit_cost_fen, p.cost_fen, p.stockout_date]
                                    for p in group]
        rows.append([t("Total"), t("{n} SKU(s)", n=len(group)), "", sum(p.qty for p in group),
                     None, sum(p.cost_fen for p in group), None])
        title = t("Purchase order to {supplier} · {date}", supplier=_supplier_name(supplier), date=today.isoformat())
        sheets.append(Sheet(_supplier_name(supplier), _columns(), rows, title=f"{shop} · {title}" if shop else title))
    return sheets


def write_purchase_workbook(path: str | Path, lines: Sequence[PurchaseLine], today: dt.date, shop: str = "",
                            letterhead: Sequence[str] = ()) -> Path:
    """The purchase list as an .xlsx with one sheet per supplier (refused when it is empty); under each
    sheet's title the ``letterhead`` lines (contact, address)."""
    from core.errors import UserFacingError

    if not lines:
        raise UserFacingError(t("The purchase list is empty: nothing to send. Add SKUs from the alert list first."))
    written = write_xlsx(path, supplier_sheets(lines, today, shop))
    if letterhead:
        _add_letterhead(written, list(letterhead))
    return written


def _add_letterhead(path: Path, lines: list[str]) -> None:
    """Each sheet gets the letterhead lines between its title and its header row (and one empty row)."""
    from openpyxl import load_workbook
    from openpyxl.styles import Font

    from core.exports import _atomic_write, clean_text

    wb = load_workbook(path)
    for ws in wb.worksheets:
        ws.insert_rows(2, len(lines) + 1)
        for i, line in enumerate(lines):
            cell = ws.cell(row=2 + i, column=1, value=clean_text(line))
            cell.font = Font(size=10, color="555555")
        ws.freeze_panes = f"A{len(lines) + 4}"  # title, letterhead, a gap, the header row
    _atomic_write(path, lambda tmp: wb.save(tmp))


def purchase_html(lines: Sequence[PurchaseLine], today: dt.date, shop: str = "", letterhead: Sequence[str] = ()) -> str:
    """The printable purchase list: a heading with the shop's letterhead, then per supplier a table with its total."""
    e = html.escape
    heads = "".join(f"<th>{e(c.header)}</th>" for c in _columns())
    parts = [f"<h2>{e(shop + ' · ' if shop else '')}{e(t('Purchase list · {date}', date=today.isoformat()))}</h2>"]
    if letterhead:
        parts.append("<p style='color:#555555'>" + "<br>".join(e(line) for line in letterhead) + "</p><hr>")
    grand_units = grand_cost = 0
    for supplier, group in by_supplier(lines):
        units, cost = sum(p.qty for p in group), sum(p.cost_fen for p in group)
        grand_units, grand_cost = grand_units + units, grand_cost + cost
        body = "".join(
            f"<tr><td>{e(p.sku_code)}</td><td>{e(p.title)}</td><td>{e(p.spec)}</td><td align='right'>{p.qty:,}</td>"
            f"<td align='right'>{e(format_fen(p.unit_cost_fen))}</td><td align='right'>{e(format_fen(p.cost_fen))}</td>"
            f"<td>{p.stockout_date.isoformat() if p.stockout_date else '—'}</td></tr>" for p in group)
        total = (f"<tr><td><b>{e(t('Total'))}</b></td><td>{e(t('{n} SKU(s)', n=len(group)))}</td><td></td>"
                 f"<td align='right'><b>{units:,}</b></td><td></td><td align='right'><b>{e(format_fen(cost))}</b></td>"
                 "<td></td></tr>")
        parts.append(f"<h3>{e(_supplier_name(supplier))}</h3><table border='1' cellspacing='0' cellpadding='4' "
                     f"width='100%'><thead><tr>{heads}</tr></thead>{body}{total}</table>")
    parts.append(f"<p><b>{e(t('All suppliers: {units} unit(s), {cost} at cost.', units=f'{grand_units:,}', cost=format_fen(grand_cost)))}</b></p>")
    return "".join(parts)
