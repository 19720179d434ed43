"""``export promotion-effects FILE --year Y``: the comparison table of the Promotions tab
(core.promotion_compare), one row per promotion ending in the range (default: this year)."""
from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from core.i18n import t
from core.views.base import View, ViewParams
from core.views.columns import channel_or_all, cost_basis, promotion_kind, promotion_status, yes_no
from core.views.columns import column as _c


def _rows(session: Session, params: ViewParams) -> list[dict[str, Any]]:
    from core.promotion_compare import compare_effects, effect_record, year_range

    start, end = (params.date_from, params.date_to) if params.date_from and params.date_to \
        else year_range(params.today.year)
    return [effect_record(e) for e in compare_effects(session, start, end, params.today)]


PROMOTION_EFFECTS = View(
    "promotion-effects", lambda: t("Promotion effects"),
    (_c("id", "ID", "int"), _c("name", "Promotion"), _c("kind", "Kind", label=promotion_kind),
     _c("mechanics", "Mechanics"), _c("platforms", "Channels", label=channel_or_all), _c("scope", "Scope"),
     _c("start", "Start", "date"), _c("end", "End", "date"), _c("days", "Days", "int"),
     _c("status", "Status", label=promotion_status), _c("days_measured", "Days measured", "int"),
     _c("gmv_fen", "GMV", "money"), _c("orders", "Orders", "int"), _c("buyers", "Buyers", "int"),
     _c("units", "Units", "int"), _c("aov_fen", "AOV", "money"),
     _c("baseline_fen", "Baseline (days before)", "money"), _c("uplift", "Uplift", "rate"),
     _c("baseline_last_year_fen", "Same festival last year", "money"),
     _c("uplift_last_year", "Uplift on last year", "rate"), _c("last_year_from", "Last year's figures from"),
     _c("target_gmv_fen", "Target GMV", "money"), _c("target_progress", "% of target", "rate"),
     _c("cost_fen", "Cost", "money"), _c("discount_cost_fen", "Discount cost (in cost)", "money"),
     _c("ad_cost_fen", "Ad spend (in cost)", "money"), _c("cost_basis", "Cost basis", label=cost_basis),
     _c("incremental_gross_profit_fen", "Incremental gross profit", "money"),
     _c("roi", "ROI (gross profit)", "float"), _c("roas", "ROAS", "float"),
     _c("skus_without_cost", "SKUs without cost", "int"), _c("pays_back", "Pays back", label=yes_no),
     _c("not_counted", "Not counted (no exchange rate)")),
    _rows, dated=True,
)
