"""The Team tab's monthly KPI and bonus table as a view: ``export staff-kpi FILE --month YYYY-MM``.

One row per person (core.staff_kpi.kpi_rows): the month is ``--month`` (or the month of
``--from``; a range over more than one month is refused), by default this month.
"""
from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from core.errors import BadInputError
from core.i18n import t
from core.views.base import View, ViewParams
from core.views.columns import column as _c

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def _rows(session: Session, params: ViewParams) -> list[dict[str, Any]]:
    from core.staff_kpi import kpi_rows, month_start

    month = month_start(params.date_from or params.today)
    if params.date_to is not None and month_start(params.date_to) != month:
        raise BadInputError(t("The staff KPI is per month: give --month YYYY-MM (or --from and --to within one month)."))
    out = []
    for r in kpi_rows(session, month, params.today):
        d = dataclasses.asdict(r)
        d["month"] = month.strftime("%Y-%m")
        out.append(d)
    return out


STAFF_KPI = View(
    "staff-kpi", lambda: t("Staff KPI and bonus"),
    (_c("name", "Person"), _c("role", "Role"), _c("month", "Month"), _c("goal", "Month goal", "money", "goal_fen"),
     _c("target", "GMV target", "money", "target_fen"), _c("share", "Share of the goal", "rate"),
     _c("actual", "GMV actual (share)", "money", "actual_fen"), _c("gmv_achievement", "GMV achievement", "rate"),
     _c("tasks_due", "Tasks due", "int", "tasks_counted"), _c("tasks_on_time", "Tasks on time", "int"),
     _c("on_time_rate", "On-time rate", "rate"), _c("measures", "Own measures", source="measures_text"),
     _c("achievement", "Achievement", "rate"), _c("band", "Band", source="band_text"),
     _c("bonus_rate", "Bonus %", "rate", "bonus_pct"), _c("bonus_base", "Bonus base", "money", "base_fen"),
     _c("bonus", "Bonus", "money", "bonus_fen"), _c("bands", "Bonus bands", source="bands_text")),
    _rows, dated=True,
)
