"""The views every tab shows, for export: each one's columns and the core function of its rows.

A tab issue that grows its view adds its columns here (and its rows function beside its
service), so the tab's "Export…" and ``export NAME FILE`` never drift apart.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.i18n import t
from core.views.base import View, ViewColumn, ViewParams
from core.views.columns import (channel_or_all, cost_basis, order_status, period_kind, phase_text, priority,
                                promotion_kind, promotion_status, stock_status, task_status, yes_no)
from core.views.columns import column as _c  # short: the column tables below are long
from core.views.channel_views import CHANNELS, EXCHANGE_RATES  # Settings → Channels
from core.views.deliveries import DELIVERIES  # the Inventory tab's Open deliveries
from core.views.goal_views import GOALS_FUNNEL, GOALS_GRID  # the Goals tab's other views
from core.views.member_views import COHORTS, POINTS_LEDGER  # the Members tab's other views
from core.views.promotion_effects import PROMOTION_EFFECTS  # the Promotions tab's comparison table
from core.views.staff_kpi import STAFF_KPI  # the Team tab's KPI table, a module of its own


def _records(rows: Iterable[Any]) -> list[dict[str, Any]]:
    return [dataclasses.asdict(r) for r in rows]


# ---------------------------------------------------------------- goals


def _goal_rows(session: Session, params: ViewParams) -> list[dict[str, Any]]:
    from core.goals import goal_rows
    from core.money import fen_to_yuan

    out = []
    for r in goal_rows(session, params.today):
        d = dataclasses.asdict(r)
        d["breakdowns_off"] = {kind: fen_to_yuan(diff) for kind, _total, diff in r.breakdowns_off}
        out.append(d)
    return out


def _goal_status(code: str) -> str:
    return {"not_started": t("not started"), "on_track": t("on track"), "at_risk": t("at risk"), "behind": t("behind"),
            "achieved": t("achieved"), "missed": t("missed")}.get(code, code)


def _breakdown_text(diffs: dict[str, float]) -> str:
    # JSON keeps {"months": difference in yuan, ...}; a sheet says it in words.
    names = {"months": t("Months"), "channels": t("Channels"), "categories": t("Categories")}
    return "; ".join(f"{names.get(k, k)} {d:+,.0f}" for k, d in diffs.items())


GOALS = View(
    "goals", lambda: t("Goals"),
    (_c("period_kind", "Kind", label=period_kind), _c("start", "Start", "date", source="period_start"),
     _c("end", "End", "date", source="period_end"), _c("platform", "Channel", label=channel_or_all),
     _c("category", "Category"), _c("target", "Target GMV", "money", source="target_gmv_fen"),
     _c("actual", "Actual GMV", "money", source="actual_gmv_fen"),
     _c("achievement", "Achievement", "rate", source="progress"),
     _c("gap", "Gap", "money", source="gap_fen"),
     _c("needed_per_day", "Needed per day", "money", source="needed_per_day_fen"),
     _c("forecast_run_rate", "Forecast (run rate)", "money", source="forecast_run_rate_fen"),
     _c("forecast_seasonal", "Forecast (last year's shape)", "money", source="forecast_seasonal_fen"),
     _c("status", "Status", label=_goal_status), _c("reason", "Why"), _c("pace", "Pace", "rate"),
     _c("elapsed", "Period elapsed", "rate", source="expected_progress"),
     _c("breakdown_differences", "Breakdown check", source="breakdowns_off", label=_breakdown_text)),
    _goal_rows,
)


# ---------------------------------------------------------------- inventory


def _inventory_rows(session: Session, params: ViewParams) -> list[dict[str, Any]]:
    from core.inventory import inventory_params
    from core.inventory_lists import alert_rows

    # The Settings' sales window and service level, promotions raising demand, most urgent
    # first: what the tab shows.
    return _records(alert_rows(session, params.today, inventory_params()))


INVENTORY = View(
    "inventory-alerts", lambda: t("Inventory"),
    (_c("status", "Status", label=stock_status), _c("flags", "Flags", "list", label=stock_status),
     _c("sku", "SKU code", source="sku_code"), _c("title", "Product"), _c("spec", "Spec"),
     _c("category", "Category"), _c("on_hand", "On hand", "int"), _c("in_transit", "In transit", "int"),
     _c("avg_daily_sales", "Sold per day", "float"), _c("sigma", "Daily sales σ", "float"),
     # No sale in the window: infinite cover, "∞" as in the tab (JSON: null).
     ViewColumn("days_of_cover", lambda: t("Days of cover"), "float", missing="∞"), _c("stockout_date", "Runs out", "date"),
     _c("order_by", "Order by", "date"),
     _c("lead_time_days", "Lead time (days)", "int"), _c("safety_stock", "Safety stock", "int"),
     _c("reorder_point", "Reorder point", "int"), _c("suggested_qty", "Suggested order", "int"),
     _c("order_multiple", "Order multiple", "int"), _c("min_order_qty", "Minimum order", "int"),
     _c("abc", "ABC"), _c("xyz", "XYZ"), _c("last_sale", "Last sale", "date"),
     _c("supplier", "Supplier"), _c("cost_fen", "Unit cost", "money"), _c("stock_value_fen", "Stock value", "money"),
     _c("cogs_fen", "Cost of goods sold", "money"), _c("turnover", "Turnover", "float"),
     _c("days_of_inventory", "Days of inventory", "float"),
     _c("uplift_source", "Promotion uplift")),
    _inventory_rows,
)


def _purchase_rows(session: Session, params: ViewParams) -> list[dict[str, Any]]:
    from core.inventory import inventory_params
    from core.inventory_lists import alert_rows, purchase_list

    return _records(purchase_list(alert_rows(session, params.today, inventory_params()), params.today))


PURCHASE_LIST = View(
    "purchase-list", lambda: t("Purchase list"),
    (_c("supplier", "Supplier"), _c("sku", "SKU code", source="sku_code"), _c("title", "Product"),
     _c("spec", "Spec"), _c("order_by", "Order by", "date"), _c("stockout_date", "Runs out", "date"),
     _c("on_hand", "On hand", "int"), _c("in_transit", "In transit", "int"), _c("qty", "Quantity", "int"),
     _c("unit_cost_fen", "Unit cost", "money"), _c("cost_fen", "Cost", "money"),
     _c("status", "Status", label=stock_status)),
    _purchase_rows,
)


# ---------------------------------------------------------------- promotions


def _promotion_rows(session: Session, params: ViewParams) -> list[dict[str, Any]]:
    from core.promotion_effect import with_effects
    from core.promotion_scope import promotion_scopes
    from core.promotion_tiers import tier_text
    from core.promotion_warnings import promotion_warnings
    from core.promotions import promotion_rows

    rows = with_effects(session, promotion_rows(session, params.today), params.today)  # as the list shows them
    if params.date_from and params.date_to:  # the promotions that overlap the range
        rows = [r for r in rows if r.start <= params.date_to and r.end >= params.date_from]
    warnings, scopes = promotion_warnings(session), promotion_scopes(session)
    return [{**dataclasses.asdict(r), "days": (r.end - r.start).days + 1, "target_progress": r.target_progress,
             "phases": [{"name": n, "start": a.isoformat(), "end": b.isoformat()} for n, a, b in r.phases],
             "tiers": [tier_text(rule) for rule in r.rules], "warnings": warnings.get(r.id, []),
             "scope_categories": scopes.get(r.id, {}).get("categories", []),
             "scope_skus": scopes.get(r.id, {}).get("skus", [])}
            for r in rows]


PROMOTIONS = View(
    "promotions", lambda: t("Promotions"),
    (_c("id", "ID", "int"), _c("name", "Promotion"), _c("kind", "Kind", label=promotion_kind),
     _c("platforms", "Channels", label=channel_or_all), _c("start", "Start", "date"),
     _c("end", "End", "date"), _c("days", "Days", "int"), _c("phases", "Phases", label=phase_text),
     _c("tiers", "Tiers"),
     _c("budget_fen", "Budget", "money"), _c("discount_budget_fen", "Discount cost", "money"),
     _c("ad_budget_fen", "Ad spend", "money"), _c("target_gmv_fen", "Target GMV", "money"),
     _c("expected_uplift", "Expected uplift", "rate"),
     _c("status", "Status", label=promotion_status),
     _c("gmv_fen", "GMV", "money"), _c("target_progress", "% of target", "rate"),
     _c("baseline_fen", "Baseline", "money"),
     _c("baseline_last_year_fen", "Same festival last year", "money"), _c("uplift", "Uplift", "rate"),
     _c("cost_fen", "Cost", "money"), _c("discount_cost_fen", "Discount cost (in cost)", "money"),
     _c("ad_cost_fen", "Ad spend (in cost)", "money"),
     _c("cost_basis", "Cost basis", label=cost_basis), _c("days_run", "Days run", "int"),
     _c("roas", "ROAS", "float"), _c("incremental_roi", "Incremental ROI", "float"),
     _c("roi", "ROI (gross profit)", "float"), _c("skus_without_cost", "SKUs without cost", "int"),
     _c("measured", "Measured", label=yes_no), _c("note", "Note"),
     _c("scope_categories", "Categories"), _c("scope_skus", "SKUs"), _c("warnings", "Warnings")),
    _promotion_rows, dated=True,
)


# ---------------------------------------------------------------- members and tasks


def _member_rows(session: Session, params: ViewParams) -> list[dict[str, Any]]:
    from core.members import member_rows

    out = []
    # Highest spend first: the order the tab opens in and the one a recall campaign reads.
    for r in sorted(member_rows(session, params.today), key=lambda r: (-r.spend_fen, r.platform, r.buyer_key)):
        d = dataclasses.asdict(r)
        # The gap to the next tier is money (yuan) under a spend rule and a count under an orders
        # rule; `tier_rule` beside it says which.
        gap = r.to_next_tier
        d["amount_to_next_tier"] = gap / 100 if gap is not None and r.tier_rule == "spend" else gap
        d["next_tier"] = r.next_tier or None
        d["lists"] = sorted(r.lists)
        out.append(d)
    return out


def _segment(code: str) -> str:
    from core.rfm import BY_ID

    return BY_ID[code].label if code in BY_ID else ""


def _tier_rule(code: str) -> str:
    return {"spend": t("Spend"), "orders": t("Orders")}.get(code, code)


def _recall_list(code: str) -> str:
    return {"sleeping": t("Sleeping"), "at_risk": t("At-risk high-value"),
            "near_tier": t("Close to the next tier")}.get(code, code)


MEMBERS = View(
    "members", lambda: t("Members"),
    (_c("platform", "Channel", label=channel_or_all), _c("buyer_key", "Buyer"), _c("name", "Name"), _c("tier", "Tier"),
     _c("segment", "Segment (RFM)", label=_segment), _c("r", "R", "int"), _c("f", "F", "int"), _c("m", "M", "int"),
     _c("orders", "Orders", "int"), _c("spend_fen", "Spend", "money"), _c("refunds", "Refunds", "money", source="refund_fen"),
     _c("first_order", "First order", "datetime"), _c("last_order", "Last order", "datetime"),
     _c("recency_days", "Days since last order", "int", source="days_since_last"),
     _c("next_tier", "Next tier"), _c("tier_rule", "Tier rule", label=_tier_rule),
     _c("amount_to_next_tier", "Still needed", "float"), _c("lists", "Recall lists", label=_recall_list),
     _c("categories", "Favourite categories"), _c("tags", "Tags"), _c("note", "Note"),
     _c("points", "Points", "int")),
    _member_rows,
)


def _task_rows(session: Session, params: ViewParams) -> list[dict[str, Any]]:
    from core.tasks import task_rows

    return _records(task_rows(session, params.today))


TASKS = View(
    "tasks", lambda: t("Tasks"),
    (_c("title", "Task"), _c("owner", "Owner"), _c("start", "Start", "date"), _c("due", "Due", "date"),
     _c("time", "Time"), _c("status", "Status", label=task_status), _c("priority", "Priority", label=priority), _c("promotion", "Promotion"),
     _c("checklist_done", "Checklist done", "int"), _c("checklist_total", "Checklist items", "int"),
     _c("depends_on", "Depends on"), _c("recurrence", "Repeats"), _c("overdue", "Overdue", label=yes_no)),
    _task_rows,
)


def _staff_rows(session: Session, params: ViewParams) -> list[dict[str, Any]]:
    from core.team_views import team_members

    return _records(team_members(session, params.today))


STAFF = View(
    "staff", lambda: t("Team"),
    (_c("name", "Name"), _c("role", "Role"), _c("contact", "Contact"), _c("active", "On the team", label=yes_no),
     _c("open_tasks", "Open tasks", "int"), _c("overdue_tasks", "Overdue tasks", "int")),
    _staff_rows,
)


def _gantt_rows(session: Session, params: ViewParams) -> list[dict[str, Any]]:
    from core.gantt_layout import month_window
    from core.team_views import gantt_lines

    first, last = month_window(params.today.year, params.today.month)  # without --from/--to: this month
    first, last = params.date_from or first, params.date_to or last
    return _records(gantt_lines(session, params.today, first, last))


TASK_GANTT = View(
    "task-gantt", lambda: t("Task Gantt"),
    (_c("title", "Task"), _c("owner", "Owner"), _c("promotion", "Promotion"), _c("start", "Start", "date"),
     _c("due", "Due", "date"), _c("days", "Days", "int"), _c("status", "Status", label=task_status),
     _c("overdue", "Overdue", label=yes_no), _c("milestone", "Milestone", label=yes_no),
     _c("depends_on", "Depends on")),
    _gantt_rows, dated=True,
)


# ---------------------------------------------------------------- orders and products


def _order_rows(session: Session, params: ViewParams) -> list[dict[str, Any]]:
    from core.models import Order

    q = select(Order).order_by(Order.paid_at, Order.id)
    if params.date_from and params.date_to:  # orders created in the range (paid or not)
        q = q.where(Order.created_at >= dt.datetime.combine(params.date_from, dt.time()),
                    Order.created_at < dt.datetime.combine(params.date_to + dt.timedelta(days=1), dt.time()))
    keys = ("platform", "shop", "order_no", "buyer_key", "buyer_name", "province", "created_at", "paid_at",
            "status", "goods_fen", "shipping_fen", "discount_fen", "paid_fen", "refund_fen", "units")
    return [{k: getattr(o, k) for k in keys} for o in session.scalars(q)]


ORDERS = View(
    "orders", lambda: t("Orders"),
    (_c("platform", "Channel", label=channel_or_all), _c("shop", "Shop"), _c("order_no", "Order number"), _c("buyer_key", "Buyer"),
     _c("buyer_name", "Name"), _c("province", "Province"), _c("created_at", "Created at", "datetime"),
     _c("paid_at", "Paid at", "datetime"), _c("status", "Status", label=order_status), _c("goods_fen", "Goods", "money"),
     _c("shipping_fen", "Shipping", "money"), _c("discount_fen", "Discount", "money"),
     _c("paid_fen", "Paid", "money"), _c("refunds", "Refunds", "money", source="refund_fen"), _c("units", "Units", "int")),
    _order_rows, dated=True,
)


def _product_rows(session: Session, params: ViewParams) -> list[dict[str, Any]]:
    from core.models import Sku, StockLevel

    q = select(Sku, StockLevel).outerjoin(StockLevel, StockLevel.sku_code == Sku.code).order_by(Sku.code)
    return [{"sku_code": s.code, "title": s.title, "spec": s.spec, "category": s.category, "price_fen": s.price_fen,
             "cost_fen": s.cost_fen, "supplier": s.supplier, "lead_time_days": s.lead_time_days,
             "order_multiple": s.order_multiple, "on_hand": st.on_hand if st else 0,
             "in_transit": st.in_transit if st else 0, "active": s.active}
            for s, st in session.execute(q)]


PRODUCTS = View(
    "products", lambda: t("Products"),
    (_c("sku_code", "SKU code"), _c("title", "Product"), _c("spec", "Spec"), _c("category", "Category"),
     _c("price_fen", "Price", "money"), _c("cost_fen", "Unit cost", "money"), _c("supplier", "Supplier"),
     _c("lead_time_days", "Lead time (days)", "int"), _c("order_multiple", "Order multiple", "int"),
     _c("on_hand", "On hand", "int"), _c("in_transit", "In transit", "int"), _c("active", "Active", label=yes_no)),
    _product_rows,
)

# ---------------------------------------------------------------- KPIs


def _kpi_rows(session: Session, params: ViewParams) -> list[dict[str, Any]]:
    """The dashboard's numbers for the range: the whole shop, then each channel (spec/kpi.md)."""
    from core.kpi import compute_kpis
    from core.kpi.numbers import KPI_KEYS

    end = params.date_to or params.today
    start = params.date_from or end - dt.timedelta(days=29)  # the dashboard's default: last 30 days
    from core.currency import missing_rate_message
    from core.kpi.output import channel_label

    result = compute_kpis(session, start, end)
    # Amounts in yuan (foreign channels converted, core.currency); a channel without a month's rate
    # is not in the total: its row is in its own currency and the total's note names it.
    left_out = "; ".join(t("excludes {channel}: {why}", channel=channel_label(p), why=missing_rate_message(ex.currency, ex.missing_months))
                         for p, ex in result.excluded.items())
    rows = [{"channel": "", "from": start, "to": end, **{k: result.value(k) for k in KPI_KEYS},
             "currency": result.currency, "note": left_out}]
    rows += [{"channel": p, "from": start, "to": end, **{k: n.value(k) for k in KPI_KEYS}, "currency": result.currency,
              "note": t("converted from {currency}", currency=result.channel_currencies[p]) if p in result.channel_currencies else ""}
             for p, n in result.by_channel.items()]
    rows += [{"channel": p, "from": start, "to": end, **{k: ex.numbers.value(k) for k in KPI_KEYS}, "currency": ex.currency,
              "note": t("not in the total: {why}", why=missing_rate_message(ex.currency, ex.missing_months))}
             for p, ex in result.excluded.items()]
    return rows


KPIS = View(
    "kpi", lambda: t("KPIs"),
    (_c("channel", "Channel", label=channel_or_all), _c("from", "From", "date"), _c("to", "To", "date"),
     _c("gmv", "GMV", "money", source="gmv"), _c("orders", "Paid orders", "int"),
     _c("paying_buyers", "Paying buyers", "int"), _c("aov", "Average order value", "money", source="aov"),
     _c("refund_amount", "Refund amount", "money", source="refund_amount"),
     _c("net_sales", "Net sales", "money", source="net_sales"), _c("refund_rate", "Refund rate", "rate"),
     _c("repurchase_rate", "Repurchase rate", "rate"), _c("visitors", "Visitors", "int"),
     _c("conversion_rate", "Conversion rate", "rate"), _c("units", "Units sold", "int"), _c("currency", "Currency"),
     _c("note", "Note")),
    _kpi_rows, dated=True,
)

# The same rows drawn as a calendar workbook (core.promotion_calendar_xlsx): one sheet per month, plus a list.
PROMOTION_CALENDAR = dataclasses.replace(PROMOTIONS, name="promotion-calendar", title=lambda: t("Promotion calendar"))


VIEWS: dict[str, View] = {v.name: v for v in (GOALS, INVENTORY, PURCHASE_LIST, DELIVERIES, PROMOTIONS, PROMOTION_CALENDAR,
                                              PROMOTION_EFFECTS, MEMBERS, COHORTS, POINTS_LEDGER, TASKS, STAFF,
                                              TASK_GANTT, ORDERS, PRODUCTS, KPIS, STAFF_KPI, GOALS_GRID, GOALS_FUNNEL,
                                              CHANNELS, EXCHANGE_RATES)}
