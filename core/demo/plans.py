"""Traffic, goals and promotion rows, derived from the generated orders so that they agree."""
from __future__ import annotations

import calendar
import datetime as dt
import random
from collections import defaultdict

from core.demo.calendar import DAY, DEMO_PLATFORMS, PromoPlan

CONVERSION = {"taobao": 0.032, "pdd": 0.045, "douyin": 0.022}
ROI = {"taobao": 6.0, "pdd": 7.0, "douyin": 3.8}


def daily_actuals(orders: list[dict]) -> tuple[dict, dict]:
    """Paid GMV and paying buyers per (day, platform) (spec/kpi.md: unkeyed orders are one buyer each)."""
    gmv: dict[tuple[dt.date, str], int] = defaultdict(int)
    buyers: dict[tuple[dt.date, str], set] = defaultdict(set)
    for o in orders:
        if o["is_paid"]:
            k = (o["pay_date"], o["platform"])
            gmv[k] += o["paid_fen"]
            buyers[k].add(o["buyer_key"] or ("#", o["id"]))
    return gmv, {k: len(v) for k, v in buyers.items()}


def traffic_rows(rng: random.Random, first: dt.date, end: dt.date, plans: list[PromoPlan], gmv, buyers) -> list[dict]:
    rows = []
    day = first
    while day <= end:
        for p in DEMO_PLATFORMS:
            demand = max([pl.demand(day) for pl in plans if pl.active(day, p)], default=1.0)
            conv = CONVERSION[p] * (1.0 + min(0.5, (demand - 1) * 0.25)) * rng.lognormvariate(0, 0.1)
            n = buyers.get((day, p), 0)
            visitors = round(n / conv) if n else rng.randint(120, 400)
            roi = min(10.0, max(3.0, ROI[p] * rng.uniform(0.8, 1.25)))
            rows.append({
                "day": day, "platform": p, "visitors": visitors,
                "page_views": round(visitors * rng.uniform(2.5, 4.0)), "paying_buyers": n,
                "ad_spend_fen": round(gmv.get((day, p), 0) / roi, -2), "batch_id": None,
            })
        day += DAY
    return rows


def _month_range(y: int, m: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])


def goal_rows(rng: random.Random, end: dt.date, first_id: int, orders: list[dict], lines: list[dict],
              line_category: list[str], categories: tuple[str, ...]) -> list[dict]:
    """Year goals split by month (seasonal), per platform for each month, per category for a few."""
    month_gmv: dict[tuple[int, int], int] = defaultdict(int)
    month_orders: dict[tuple[int, int], int] = defaultdict(int)
    plat_gmv: dict[tuple[int, int, str], int] = defaultdict(int)
    cat_gmv: dict[tuple[int, int, str], int] = defaultdict(int)
    paid = {o["id"]: o for o in orders if o["is_paid"]}
    for o in paid.values():
        ym = (o["pay_date"].year, o["pay_date"].month)
        month_gmv[ym] += o["paid_fen"]
        month_orders[ym] += 1
        plat_gmv[(*ym, o["platform"])] += o["paid_fen"]
    for ln, cat in zip(lines, line_category):
        o = paid.get(ln["order_id"])
        if o:
            cat_gmv[(o["pay_date"].year, o["pay_date"].month, cat)] += ln["paid_fen"]

    def expected(y: int, m: int) -> float:
        """Actual for finished months, the pace for the current one, last year + 20 % after."""
        if (y, m) == (end.year, end.month):
            days = calendar.monthrange(y, m)[1]
            return max(month_gmv[(y, m)] * days / end.day * 0.8, expected(y - 1, m) * 1.2)
        if (y, m) < (end.year, end.month):
            return month_gmv.get((y, m)) or sum(month_gmv.values()) / max(len(month_gmv), 1)
        return expected(y - 1, m) * 1.2

    months = []
    y, m = end.year, 1
    last = (end.year + (end.month + 2) // 12, (end.month + 2) % 12 + 1)
    while (y, m) <= last:
        months.append((y, m))
        y, m = (y, m + 1) if m < 12 else (y + 1, 1)
    prev = (end.year, end.month - 1) if end.month > 1 else (end.year - 1, 12)
    aov = sum(month_gmv.values()) / max(sum(month_orders.values()), 1)
    rows, next_id = [], first_id
    for year in sorted({y for y, _ in months}):
        ms = [(y, m) for y, m in months if y == year]
        all_months = [(year, mm) for mm in range(1, 13)]
        targets = {ym: round(expected(*ym) * rng.uniform(0.9, 1.14), -4) for ym in all_months}
        year_id = next_id
        next_id += 1
        total = sum(targets.values())
        rows.append(_goal(year_id, "year", dt.date(year, 1, 1), dt.date(year, 12, 31), "", "", total,
                          round(total / aov), None, "", f"{year}年度销售目标"))
        rows[-1]["target_conversion"] = 0.035
        rows[-1]["target_aov_fen"] = round(total / max(rows[-1]["target_orders"], 1), -2)
        for ym in ms:
            a, b = _month_range(*ym)
            month_id = next_id
            next_id += 1
            tgt = targets[ym]
            rows.append(_goal(month_id, "month", a, b, "", "", tgt, round(tgt / aov), round(aov, -2), "seasonal", "", year_id))
            share_sum = sum(plat_gmv.get((ym[0] - (0 if ym in month_gmv else 1), ym[1], p), 0) for p in DEMO_PLATFORMS)
            shares = [(plat_gmv.get((ym[0] - (0 if ym in month_gmv else 1), ym[1], p), 0) / share_sum
                       if share_sum else {"taobao": 0.55, "pdd": 0.25, "douyin": 0.2}[p]) * rng.uniform(0.95, 1.08)
                      for p in DEMO_PLATFORMS]
            # The month's target split exactly (to ¥10), as “Plan a year…” splits: the channels add up to it.
            for p, fen in zip(DEMO_PLATFORMS, _split_tens(tgt, shares)):
                rows.append(_goal(next_id, "month", a, b, p, "", fen, None, None, "by_channel", "", month_id))
                next_id += 1
            if ym >= prev:
                cat_sum = sum(cat_gmv.get((*prev, c), 0) for c in categories) or 1
                shares = [cat_gmv.get((*prev, c), 0) / cat_sum * rng.uniform(0.9, 1.12) for c in categories]
                for c, fen in zip(categories, _split_tens(tgt, shares)):
                    rows.append(_goal(next_id, "month", a, b, "", c, fen, None, None, "by_category", "", month_id))
                    next_id += 1
    return rows


def _split_tens(total_fen: int, shares: list[float]) -> list[int]:
    """``total_fen`` (whole ¥10s) in parts of whole ¥10s proportional to ``shares``, adding up exactly."""
    from fractions import Fraction

    from core.goal_split import split_exact

    return [part * 1000 for part in split_exact(int(total_fen) // 1000, [Fraction(x) for x in shares])]


def _goal(gid, kind, start, end, platform, category, gmv, orders, aov, split, note, parent=None) -> dict:
    return {"id": gid, "period_kind": kind, "period_start": start, "period_end": end, "platform": platform,
            "category": category, "target_gmv_fen": int(gmv), "target_orders": orders, "target_aov_fen": aov,
            "target_conversion": None, "split_method": split, "parent_id": parent, "note": note}


def promotion_rows(rng: random.Random, plans: list[PromoPlan], first: dt.date, end: dt.date, first_id: int,
                   orders: list[dict], dead_skus: list[str]) -> tuple[list[dict], list[dict], dict[str, int]]:
    """Promotion rows, results for the finished ones, and each plan's id by name."""
    gmv_day: dict[tuple[dt.date, str], int] = defaultdict(int)
    n_day: dict[tuple[dt.date, str], int] = defaultdict(int)
    disc_day: dict[tuple[dt.date, str], int] = defaultdict(int)
    for o in orders:
        if o["is_paid"]:
            k = (o["pay_date"], o["platform"])
            gmv_day[k] += o["paid_fen"]
            n_day[k] += 1
            disc_day[k] += o["discount_fen"]
    clearance = end + 12 * DAY
    plans = plans + [PromoPlan(
        name="滞销清仓特卖", kind="own", platforms=("taobao", "pdd"), start=clearance, end=clearance + 6 * DAY,
        phases=[("正式", clearance, clearance + 6 * DAY)], rules=[{"type": "折扣", "rate": 0.6}],
        scope={"skus": dead_skus}, expected_uplift=0.1, note="库存预警中的滞销款6折清仓，回笼资金")]
    rows, results, ids = [], [], {}
    for i, p in enumerate(sorted(plans, key=lambda p: (p.start, p.name))):
        pid = first_id + i
        ids[p.name] = pid
        status = "done" if p.end < end else "running" if p.start <= end else "planned"
        plats = p.platforms or DEMO_PLATFORMS
        days = [p.start + k * DAY for k in range((p.end - p.start).days + 1)]
        g = sum(gmv_day[d, pl] for d in days for pl in plats)
        before = [p.start - k * DAY for k in range(1, 15)]
        if p.start > end:  # not started: plan on the recent pace
            before = [end - k * DAY for k in range(14)]
        known = before[-1] >= first
        baseline = round(sum(gmv_day[d, pl] for d in before for pl in plats) / 14 * len(days)) if known else None
        cost = sum(disc_day[d, pl] for d in days for pl in plats) + round(g * 0.04)
        budget = round(max(cost, (baseline or 0) * (p.expected_uplift + 1) * 0.1) * rng.uniform(0.9, 1.2), -4)
        # split as the cost is: the discounts given, the rest ads (4 % of GMV); the target is the
        # baseline grown by the expected uplift
        discounts = sum(disc_day[d, pl] for d in days for pl in plats)
        discount_budget = int(round(budget * (discounts / cost if cost else 0.6), -2))  # not started: 60 %
        target = int(round(baseline * (1 + p.expected_uplift), -4)) if baseline else None
        rows.append({
            "id": pid, "name": p.name, "kind": p.kind, "platforms": list(p.platforms), "start": p.start, "end": p.end,
            "phases": p.phases_json(), "rules": p.rules, "scope": p.scope, "budget_fen": int(budget),
            "discount_budget_fen": discount_budget, "ad_budget_fen": int(budget) - discount_budget,
            "target_gmv_fen": target,
            "expected_uplift": p.expected_uplift, "status": status, "note": p.note,
        })
        if status == "done":
            results.append({
                "promotion_id": pid, "measured_at": dt.datetime.combine(p.end + 2 * DAY, dt.time(10)), "gmv_fen": g,
                "orders": sum(n_day[d, pl] for d in days for pl in plats), "cost_fen": cost,
                "baseline_gmv_fen": baseline,
            })
    return rows, results, ids
