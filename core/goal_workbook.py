"""The Goals grid as an Excel workbook, and targets read back from that same workbook.

``write_goals_workbook`` writes one sheet per breakdown that has goals (total, channels,
categories, channel × category): months down, columns across, quarter, half and year rows as
SUM formulas (Excel, WPS and LibreOffice keep them right while the owner types), money in
yuan. A hidden second row holds each column's key (``platform|category``) and the sheet's
breakdown and year, so the sheet names and headers may be in Chinese or English.

``read_goals_workbook`` reads it back: only the month rows count (sums are the owner's
spreadsheet's business), an empty cell changes nothing, anything else must be an amount
(``1299.9``, ``¥1,299.90``, ``1.2万``). Every problem is named by sheet and Excel address
("Sheet 渠道, cell C5: …"), and any problem refuses the whole file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.errors import UserFacingError
from core.i18n import t

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

KEY_PREFIX = "shopdesk-goals"
MONTH = re.compile(r"^(\d{4})-(\d{2})$")
MAX_PROBLEMS = 5


def sheet_name(breakdown: str) -> str:
    return {"total": t("Total"), "channel": t("Channels"), "category": t("Categories"),
            "channel_category": t("Channels × categories")}[breakdown]


def write_goals_workbook(session: Session, year: int, path: str | Path) -> tuple[Path, int]:
    """The year's grid, one sheet per breakdown with goals; returns the path and the sheets written."""
    from core.exports import _atomic_write
    from core.goal_grid import BREAKDOWNS, column_name, grid_rows, load_grid

    grids = [g for g in (load_grid(session, year, b) for b in ("total", *[b for b in BREAKDOWNS if b != "total"]))
             if g.columns and (g.breakdown == "total" or g.total())]

    def write(tmp: Path) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Font, PatternFill
        from openpyxl.utils import get_column_letter

        wb = Workbook()
        wb.remove(wb.active)
        bold, fill = Font(bold=True), PatternFill("solid", fgColor="FFF2F2F2")
        for grid in grids:
            ws = wb.create_sheet(sheet_name(grid.breakdown))
            n = len(grid.columns)
            ws.append([t("Month"), *(column_name(p, c) for p, c in grid.columns), *([t("Total")] if n > 1 else [])])
            ws.append([f"{KEY_PREFIX}|{grid.breakdown}|{year}", *(f"{p}|{c}" for p, c in grid.columns)])
            ws.row_dimensions[2].hidden = True
            month_rows: dict[str, int] = {}
            for row in grid_rows(grid):
                r = ws.max_row + 1
                if row.kind == "month":
                    month_rows[row.key] = r
                    ws.append([f"{row.start:%Y-%m}", *(None if v is None else v / 100 for v in row.values)])
                else:
                    first, last = row.start.month, row.end.month
                    label = t("{year} total", year=year) if row.kind == "year" else f"{year} {row.key}"
                    cells = [f"=SUM({L}{month_rows[str(first)]}:{L}{month_rows[str(last)]})" if row.kind != "year"
                             else "=" + "+".join(f"{L}{month_rows[str(m)]}" for m in range(1, 13))
                             for L in (get_column_letter(j + 2) for j in range(n))]  # noqa: N806
                    ws.append([label, *cells])
                    for cell in ws[r]:
                        cell.font, cell.fill = bold, fill
                if n > 1:
                    ws.cell(r, n + 2, f"=SUM(B{r}:{get_column_letter(n + 1)}{r})").font = bold
                for j in range(2, n + 3):
                    ws.cell(r, j).number_format = "#,##0.00"
            for cell in ws[1]:
                cell.font = bold
            ws.freeze_panes = "B3"
            ws.column_dimensions["A"].width = 12
            for j in range(2, n + 3):
                ws.column_dimensions[get_column_letter(j)].width = 16
        wb.save(tmp)

    return _atomic_write(path, write), len(grids)


@dataclass(frozen=True)
class SheetTargets:
    breakdown: str
    cells: tuple[tuple[int, str, str, int], ...]  # (month, platform, category, fen), as SetGoalGrid takes them


def read_goals_workbook(path: str | Path) -> tuple[int, list[SheetTargets]]:
    """The year and each sheet's month targets; ``UserFacingError`` naming every wrong cell
    (the first few) when anything cannot be used."""
    from core.goal_grid import BREAKDOWNS, column_shape
    from core.typed_values import parse_money

    wb = _open(path)
    problems: list[str] = []
    years: set[int] = set()
    out: list[SheetTargets] = []
    for ws in wb.worksheets:
        key = ws.cell(2, 1).value
        parts = str(key or "").split("|")
        if len(parts) != 3 or parts[0] != KEY_PREFIX or parts[1] not in BREAKDOWNS or not parts[2].isdigit():
            continue  # a sheet of the owner's own (notes, a chart): not ours to read
        breakdown, year = parts[1], int(parts[2])
        years.add(year)
        columns: dict[int, tuple[str, str]] = {}
        for j in range(2, ws.max_column + 1):
            raw = ws.cell(2, j).value
            if raw in (None, ""):
                continue
            platform, _, category = str(raw).partition("|")
            if not column_shape(breakdown, platform, category):
                problems.append(_where(ws, 2, j, t("the hidden column key was changed; export the grid again")))
                continue
            columns[j] = (platform, category)
        cells = []
        for r in range(3, ws.max_row + 1):
            label = ws.cell(r, 1).value
            match = MONTH.match(str(label or "").strip())
            if not match:
                continue  # a quarter, half or year row: sums
            if int(match.group(1)) != year or not 1 <= int(match.group(2)) <= 12:
                problems.append(_where(ws, r, 1, t("“{text}” is not a month of {year}", text=label, year=year)))
                continue
            for j, (platform, category) in columns.items():
                value = ws.cell(r, j).value
                if value is None or (isinstance(value, str) and not value.strip()):
                    continue
                try:
                    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
                        raise ValueError(t("“{text}” is not an amount. Type yuan, e.g. 1299.90 or 1.2万.", text=value))
                    # A number cell as plain digits: str(1e16) would be "1e+16", which typing refuses.
                    fen = parse_money(value if isinstance(value, str) else format(Decimal(str(value)), "f"))
                    if fen is None or fen < 0:
                        raise ValueError(t("{text} is below ¥0; a target cannot be negative.", text=value))
                except ValueError as exc:
                    problems.append(_where(ws, r, j, str(exc)))
                    continue
                cells.append((int(match.group(2)), platform, category, fen))
        out.append(SheetTargets(breakdown, tuple(cells)))
    if not out:
        raise UserFacingError(t("{file} is not a Goals grid workbook. Export the grid (Goals → Grid → Export to "
                                "Excel…), fill in the targets, and import that file.", file=Path(path).name))
    if len(years) > 1:
        problems.append(t("its sheets are for different years ({years}); import one year at a time",
                          years=", ".join(map(str, sorted(years)))))
    if problems:
        shown = "\n".join(problems[:MAX_PROBLEMS])
        more = len(problems) - MAX_PROBLEMS
        if more > 0:
            shown += "\n" + t("… and {n} more.", n=more)
        raise UserFacingError(t("Nothing was imported from {file}:\n{problems}", file=Path(path).name, problems=shown))
    return years.pop(), out


def _where(ws: Any, row: int, col: int, problem: str) -> str:
    from openpyxl.utils import get_column_letter

    return t("Sheet {sheet}, cell {cell}: {problem}", sheet=ws.title, cell=f"{get_column_letter(col)}{row}",
             problem=problem)


def _open(path: str | Path) -> Any:
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return load_workbook(path, data_only=False, read_only=False)
    except FileNotFoundError:
        raise UserFacingError(t("{file} was not found.", file=Path(path).name)) from None
    except (zipfile.BadZipFile, InvalidFileException, OSError, ValueError, KeyError):
        raise UserFacingError(t("{file} is not an Excel workbook (.xlsx). Export the grid to Excel, fill it in, and "
                                "import that file.", file=Path(path).name)) from None
