"""The Members tab's other views, for export: the cohort table behind the heat map and the points
ledger (every customer's lines with the running balance). Registered in core.views.catalogue."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.cohorts import COHORT_MONTHS
from core.i18n import t
from core.views.base import View, ViewColumn, ViewParams
from core.views.columns import channel
from core.views.columns import column as _c


def _later(k: int) -> ViewColumn:
    return ViewColumn(f"month_{k}", lambda: t("Month +{k}", k=k), "rate")


def _cohort_rows(session: Session, params: ViewParams) -> list[dict[str, Any]]:
    from core.cohorts import activity, cohort_rows, cohorts

    out = []
    for r in cohort_rows(cohorts(activity(session.connection(), params.today), params.today)):
        d = {"cohort": r.cohort, "customers": r.customers}
        d.update({f"month_{k}": v for k, v in enumerate(r.shares, 1)})
        out.append(d)
    return out


COHORTS = View(
    "member-cohorts", lambda: t("Cohorts"),
    (_c("cohort", "First-order month"), _c("customers", "Customers", "int"),
     *(_later(k) for k in range(1, COHORT_MONTHS + 1))),
    _cohort_rows,
)


def _ledger_rows(session: Session, params: ViewParams) -> list[dict[str, Any]]:
    from core.models import Customer, PointsEntry

    c, p = Customer.__table__, PointsEntry.__table__
    stmt = (select(c.c.platform, c.c.buyer_key, c.c.name, p.c.id, p.c.at, p.c.delta, p.c.kind, p.c.reason, p.c.order_no,
                   p.c.expires_at).join(c, c.c.id == p.c.customer_id)
            .order_by(c.c.platform, c.c.buyer_key, p.c.at, p.c.id))
    out, balance, who = [], 0, None
    for r in session.execute(stmt).mappings().all():
        if (r["platform"], r["buyer_key"]) != who:
            who, balance = (r["platform"], r["buyer_key"]), 0
        balance += r["delta"]
        d = dict(r)
        d["balance"] = balance
        out.append(d)
    return out


def _kind(code: str) -> str:
    from core.points import kind_label

    return kind_label(code)


POINTS_LEDGER = View(
    "points-ledger", lambda: t("Points ledger"),
    (_c("platform", "Channel", label=channel), _c("buyer_key", "Buyer"), _c("name", "Name"),
     _c("at", "When", "datetime"), _c("change", "Change", "int", source="delta"),
     _c("kind", "Kind", label=_kind), _c("reason", "Reason"), _c("order_no", "Order"),
     _c("expires_at", "Expires", "datetime"), _c("balance", "Balance", "int")),
    _ledger_rows,
)
