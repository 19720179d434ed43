"""Stock count (盘点): counted quantities typed or pasted for many SKUs, and their differences.

The owner pastes two columns from Excel (SKU code, counted quantity; a header row is skipped)
or types counts into a table of the current SKUs. ``parse_count_text`` reads the pasted block and
names every line it cannot use; ``count_lines`` compares the counts with the system's on hand and
values each difference at cost. Saving is one edit (``core.edits.stock.CountStock``), so one
Ctrl+Z restores every SKU's on hand.
"""
from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.i18n import t
from core.models import Sku, StockLevel
from core.typed_values import parse_int


@dataclass(frozen=True)
class CountLine:
    sku_code: str
    title: str
    spec: str
    system: int  # on hand before the count
    counted: int | None  # None: not counted (yet)
    difference: int | None  # counted − system
    difference_value_fen: int | None  # difference × unit cost
    cost_fen: int = 0


# Header words of an owner's own count sheet (商家编码 ⇥ 商品名称 ⇥ 规格 ⇥ 系统库存 ⇥ 盘点数量): where the code and the
# counted quantity are when more than two columns are pasted. The counted column is named first, 数量 last.
_CODE_HEADER = re.compile(r"商家编码|sku|编码|货号|code", re.IGNORECASE)
_COUNT_HEADERS = (re.compile(r"盘点|实盘|实点|实际|counted|count", re.IGNORECASE),
                  re.compile(r"数量|qty|quantity", re.IGNORECASE))


def _cells(raw: str) -> list[str]:
    if "\t" in raw:  # from Excel: keep the empty cells, so that the columns stay where they are
        return [c.strip().strip('"') for c in raw.split("\t")]
    return [c for c in re.split(r"\s*,\s*|\s+", raw.strip()) if c != ""]


def _header_columns(cells: list[str]) -> tuple[int, int] | None:
    """The code's and the count's column in a header row of more than two columns, or None."""
    code = next((i for i, c in enumerate(cells) if _CODE_HEADER.search(c)), None)
    for pattern in _COUNT_HEADERS:
        count = next((i for i, c in enumerate(cells) if i != code and pattern.search(c)), None)
        if code is not None and count is not None:
            return code, count
    return None


def parse_count_text(text: str, known: Collection[str]) -> tuple[dict[str, int], list[str]]:
    """``SKU code ⇥ counted`` lines (tabs from Excel; a comma or spaces also separate) → counts,
    and one message per line that cannot be used (unknown SKU, unreadable or negative quantity,
    a SKU counted twice). A first line that is neither a SKU nor a number is a header; a header of
    more than two columns (商家编码 ⇥ 商品名称 ⇥ 盘点数量) says which columns hold the code and the count.
    Without one, a line of more than two columns is refused, saying which two to paste."""
    counts: dict[str, int] = {}
    first_line: dict[str, int] = {}
    problems: list[str] = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    seen_data = False
    columns: tuple[int, int] | None = None
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        cells = _cells(raw)
        if not seen_data and (found := _header_columns(cells)) and cells[found[0]] not in known:
            seen_data, columns = True, found  # the header of an owner's own count sheet
            continue
        if columns is not None:
            code = cells[columns[0]] if columns[0] < len(cells) else ""
            qty_text = cells[columns[1]] if columns[1] < len(cells) else ""
        else:
            filled = [c for c in cells if c != ""]
            code = filled[0] if filled else ""
            qty_text = filled[1] if len(filled) > 1 else ""
            if len(filled) > 2:
                if not seen_data and code not in known:  # a header whose words say nothing ShopDesk knows
                    seen_data = True
                    continue
                seen_data = True
                problems.append(t("line {n}: {k} columns; paste two, the SKU code and the counted quantity (or "
                                  "copy the header row with them, e.g. 商家编码 and 盘点数量)", n=number, k=len(filled)))
                continue
        try:
            qty = parse_int(qty_text) if qty_text else None
        except ValueError as exc:
            if not seen_data and code not in known:
                seen_data = True  # a header such as 商家编码 / 盘点数量
                continue
            problems.append(t("line {n}: {reason}", n=number, reason=str(exc)))
            continue
        seen_data = True
        if code not in known:
            problems.append(t("line {n}: SKU “{sku}” is not in the shop", n=number, sku=code))
        elif qty is None:
            problems.append(t("line {n}: no counted quantity for {sku}", n=number, sku=code))
        elif qty < 0:
            problems.append(t("line {n}: a count cannot be below 0 ({sku}: {qty})", n=number, sku=code, qty=qty))
        elif code in counts:
            problems.append(t("line {n}: {sku} is counted already on line {m}", n=number, sku=code, m=first_line[code]))
        else:
            counts[code] = qty
            first_line[code] = number
    return counts, problems


def count_lines(session: Session, counts: Mapping[str, int | None] | None = None) -> list[CountLine]:
    """Every active SKU with its on hand, and, where counted, the count and its difference."""
    counts = counts or {}
    rows = session.execute(
        select(Sku.code, Sku.title, Sku.spec, Sku.cost_fen, StockLevel.on_hand)
        .outerjoin(StockLevel, StockLevel.sku_code == Sku.code)
        .where(Sku.active.is_(True))
        .order_by(Sku.code)
    ).all()
    return [count_line(code, title, spec, on_hand or 0, cost, counts.get(code))
            for code, title, spec, cost, on_hand in rows]


def count_line(code: str, title: str, spec: str, system: int, cost_fen: int, counted: int | None) -> CountLine:
    diff = None if counted is None else counted - system
    return CountLine(code, title, spec, system, counted, diff, None if diff is None else diff * cost_fen, cost_fen)
