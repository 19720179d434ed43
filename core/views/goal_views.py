"""The Goals tab's grid and funnel as exportable views (``export goals-grid FILE``,
``export goals-funnel FILE``): the year of ``--from``/``--to`` (every year they span), else
this year. The grid is written long, one record per month or sum row and column, so JSON keeps
stable keys whatever the shop's channels and categories."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.i18n import t
from core.views.base import View, ViewParams
from core.views.columns import channel_or_all
from core.views.columns import column as _c

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def _years(params: ViewParams) -> range:
    if params.date_from and params.date_to:
        return range(params.date_from.year, params.date_to.year + 1)
    return range(params.today.year, params.today.year + 1)


def _breakdown(code: str) -> str:
    return {"total": t("Total"), "channel": t("Channels"), "category": t("Categories"),
            "channel_category": t("Channels × categories")}.get(code, code)


def _grid_rows(session: Session, params: ViewParams) -> list[dict[str, Any]]:
    from core.goal_grid import BREAKDOWNS, grid_rows, load_grid

    out = []
    for year in _years(params):
        for breakdown in ("total", *(b for b in BREAKDOWNS if b != "total")):
            grid = load_grid(session, year, breakdown)
            if not grid.columns or (breakdown != "total" and not grid.total()):
                continue
            for row in grid_rows(grid):
                period = f"{row.start:%Y-%m}" if row.kind == "month" else \
                    str(year) if row.kind == "year" else f"{year} {row.key}"
                for (platform, category), fen, locked in zip(grid.columns, row.values, row.locked, strict=True):
                    out.append({"year": year, "breakdown": breakdown, "period": period, "period_kind": row.kind,
                                "start": row.start, "end": row.end, "platform": platform, "category": category,
                                "target_fen": fen, "locked": locked})
    return out


GOALS_GRID = View(
    "goals-grid", lambda: t("Goals grid"),
    (_c("year", "Year", "int"), _c("breakdown", "Columns", label=_breakdown), _c("period", "Period"),
     _c("period_kind", "Kind"), _c("start", "Start", "date"), _c("end", "End", "date"),
     _c("platform", "Channel", label=channel_or_all), _c("category", "Category"),
     _c("target", "Target GMV", "money", source="target_fen"),
     _c("locked", "Locked", label=lambda v: t("locked") if v else "")),
    _grid_rows, dated=True,
)


def _funnel_rows(session: Session, params: ViewParams) -> list[dict[str, Any]]:
    from core.goal_funnel import funnel, load_funnel_basis

    out = []
    for year in _years(params):
        for m in funnel(load_funnel_basis(session, year)):
            out.append({"month": m.start, "target_fen": m.target, "basis": m.basis,
                        "conversion": float(m.conversion) if m.conversion is not None else None,
                        "aov_fen": m.aov, "visitors_needed": m.visitors, "ad_spend_fen": m.ad_spend})
    return out


def _basis(code: str) -> str:
    return {"last_year": t("last year's month"), "traffic": t("all imported traffic")}.get(code, t("unknown"))


GOALS_FUNNEL = View(
    "goals-funnel", lambda: t("Goals funnel"),
    (_c("month", "Month", "date"), _c("target", "Target GMV", "money", source="target_fen"),
     _c("basis", "Based on", label=_basis), _c("conversion", "Conversion", "rate"),
     _c("aov", "AOV", "money", source="aov_fen"), _c("visitors_needed", "Visitors needed", "int"),
     _c("ad_spend", "Ad spend", "money", source="ad_spend_fen")),
    _funnel_rows, dated=True,
)
