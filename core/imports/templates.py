"""Empty ShopDesk templates the owner can fill in (File → Import → "Get an empty template")."""
from __future__ import annotations

from pathlib import Path

from core.errors import UserFacingError
from core.i18n import t
from core.imports.platforms.shopdesk import STOCK_HEADERS, TRAFFIC_HEADERS

TEMPLATES: dict[str, str] = {
    "stock": "Products and stock (商品库存模板)",
    "traffic": "Daily traffic (每日流量模板)",
}

_HEADERS = {"stock": STOCK_HEADERS, "traffic": TRAFFIC_HEADERS}
_EXAMPLES = {
    "stock": ("A001-RED-M", "纯棉T恤", "红色 M", "服装", 35.5, 89, 120, 50, "义乌某某服饰", 10, 10),
    "traffic": ("2026-06-18", "taobao", 1520, 4310, 268.5),
}
_WIDTHS = {"stock": (16, 24, 14, 10, 10, 10, 8, 8, 18, 13, 10), "traffic": (12, 10, 10, 10, 10)}


def write_template(kind: str, path: str | Path) -> Path:
    """Write the empty template ``kind`` ("stock" or "traffic") as .xlsx: the header row, and
    a notes sheet with an example row (kept out of the data sheet so it is never imported)."""
    if kind not in TEMPLATES:
        raise UserFacingError(t("Unknown template “{kind}”; use one of: {kinds}", kind=kind, kinds=", ".join(TEMPLATES)))
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    path = Path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = "stock" if kind == "stock" else "traffic"
    ws.append(list(_HEADERS[kind]))
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for cell in ws[1]:
        cell.font, cell.fill = bold, fill
    for i, width in enumerate(_WIDTHS[kind], start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
        # Codes typed into the template must stay text (Excel would turn long ones into 1.2E+15).
        if kind == "stock" and i == 1:
            for row in range(2, 2000):
                ws.cell(row=row, column=i).number_format = "@"
    ws.freeze_panes = "A2"
    note = wb.create_sheet(t("Notes"))
    for line in _notes(kind):
        note.append([line])
    note.append([])
    # One text line, not a table: a second header row would make this sheet importable too.
    example = " | ".join(f"{h}: {v}" for h, v in zip(_HEADERS[kind], _EXAMPLES[kind]))
    note.append([t("Example row: {example}", example=example)])
    note.column_dimensions["A"].width = 100
    from core.exports import _atomic_write  # all or nothing, and a missing folder refused, as the exports

    return _atomic_write(path, wb.save)


def _notes(kind: str) -> list[str]:
    if kind == "stock":
        return [
            t("One row per SKU. 商家编码 (your SKU code) is required; it must match the code in your orders."),
            t("Prices in yuan (成本价 cost, 售价 selling price). 库存 = on hand, 在途 = ordered and on the way."),
            t("采购周期(天) = days from ordering to arrival; 起订倍数 = the supplier's order multiple."),
            t("Importing again updates the SKUs that changed."),
        ]
    return [
        t("One row per day and platform. 日期 as 2026-06-18; 平台 as taobao, jd, pdd, douyin, kuaishou, youzan, shopify, wechat or 淘宝/京东/拼多多/抖音…"),
        t("访客数 = visitors, 浏览量 = page views, 推广花费 = ad spend in yuan."),
        t("Importing a day again replaces that day's figures."),
    ]
