"""The team: four people with KPIs and bonus tiers, two SOP templates and the task board.

Tasks are placed relative to ``end`` ("today"): the last big promotion's SOP is done, the next
ones are upcoming or in progress, a few chores are overdue, and the Monday meeting recurs.
"""
from __future__ import annotations

import datetime as dt
import random

DAY = dt.timedelta(days=1)

# Bonus bands (core.staff_kpi, basis points: from achievement → bonus % of the base); 客服 has its own.
BANDS = [{"from_bp": 0, "bonus_bp": 0}, {"from_bp": 8000, "bonus_bp": 500}, {"from_bp": 10000, "bonus_bp": 800},
         {"from_bp": 12000, "bonus_bp": 1200}]
SERVICE_BANDS = [{"from_bp": 0, "bonus_bp": 0}, {"from_bp": 9000, "bonus_bp": 600}, {"from_bp": 10000, "bonus_bp": 1000}]

STAFF = (
    ("林晓", "店长", {"metric": "gmv", "period": "month", "target": 30000000, "bonus_bands": BANDS,
                     "bonus_tiers": [{"reach": 0.9, "bonus_fen": 100000}, {"reach": 1.0, "bonus_fen": 300000},
                                     {"reach": 1.2, "bonus_fen": 600000}]}),
    ("陈默", "运营", {"metric": "conversion_rate", "period": "month", "target": 0.035, "bonus_bands": BANDS,
                     "bonus_tiers": [{"reach": 0.9, "bonus_fen": 50000}, {"reach": 1.0, "bonus_fen": 150000},
                                     {"reach": 1.15, "bonus_fen": 300000}]}),
    ("周小雨", "客服", {"metric": "refund_rate", "period": "month", "target": 0.05, "lower_is_better": True,
                      "bonus_bands": SERVICE_BANDS,
                      "bonus_tiers": [{"reach": 1.0, "bonus_fen": 50000}, {"reach": 1.2, "bonus_fen": 100000}]}),
    ("王强", "仓管/美工", {"metric": "stockout_skus", "period": "month", "target": 3, "lower_is_better": True,
                        "bonus_bands": BANDS,
                        "bonus_tiers": [{"reach": 1.0, "bonus_fen": 50000}, {"reach": 1.5, "bonus_fen": 80000}]}),
)

PROMO_SOP = [
    {"title": "选品与定价", "offset_days": -30, "duration_days": 5, "role": "运营",
     "checklist": ["确定主推款和引流款", "核对成本与活动价毛利", "确定满减档位"]},
    {"title": "平台活动报名", "offset_days": -21, "duration_days": 3, "role": "运营",
     "checklist": ["提交报名商品", "设置活动价", "确认审核结果"]},
    {"title": "备货下单", "offset_days": -14, "duration_days": 5, "role": "仓管/美工",
     "checklist": ["按预测下采购单", "确认供应商交期", "预留仓位与包材"]},
    {"title": "详情页与主图更新", "offset_days": -7, "duration_days": 4, "role": "仓管/美工",
     "checklist": ["活动主图", "详情页活动模块", "直播间贴片"]},
    {"title": "客服话术与快捷短语", "offset_days": -3, "duration_days": 2, "role": "客服",
     "checklist": ["活动规则问答", "催付话术", "售后与发货时效说明"]},
    {"title": "活动开场盯盘", "offset_days": 0, "duration_days": 1, "role": "店长",
     "checklist": ["检查价格与库存", "每小时看成交与转化", "异常及时调整"]},
    {"title": "活动复盘", "offset_days": 3, "duration_days": 2, "role": "店长",
     "checklist": ["对比目标与实际", "计算ROI", "整理下次改进点"]},
]
LAUNCH_SOP = [
    {"title": "样品确认与拍摄", "offset_days": -14, "duration_days": 4, "role": "仓管/美工",
     "checklist": ["确认样品", "棚拍主图与细节图", "短视频素材"]},
    {"title": "商品上架与SKU设置", "offset_days": -5, "duration_days": 2, "role": "运营",
     "checklist": ["标题与关键词", "SKU规格与价格", "商家编码"]},
    {"title": "老客种草与预告", "offset_days": -3, "duration_days": 3, "role": "客服",
     "checklist": ["会员群预告", "微淘/订阅推送"]},
    {"title": "首发日推广", "offset_days": 0, "duration_days": 1, "role": "运营",
     "checklist": ["直通车新品计划", "直播间首发讲解"]},
    {"title": "首周数据复盘", "offset_days": 7, "duration_days": 1, "role": "店长",
     "checklist": ["点击率", "转化率", "评价与问答"]},
]

CHORES = (
    ("整理10月发票与对账", "店长", 1, -9), ("更新冷泡茶主图（夏季款下架）", "仓管/美工", 3, -4),
    ("处理差评回复：快客杯破损", "客服", 1, -2), ("盘点茶具仓库", "仓管/美工", 2, 3),
    ("联系紫砂壶供应商补货", "仓管/美工", 1, 2), ("优化龙井标题关键词", "运营", 2, 5),
    ("整理会员群年末福利方案", "客服", 2, 10), ("谈下一年度快递合同", "店长", 2, 25),
    ("抖音直播排班表（12月）", "运营", 2, 6), ("年货礼盒打样", "仓管/美工", 1, 12),
    ("滞销款清仓方案", "运营", 1, 8), ("客服绩效月度评估", "店长", 3, 11),
)


def staff_rows(first_id: int) -> list[dict]:
    return [{"id": first_id + i, "name": n, "role": r, "active": True, "kpi": k} for i, (n, r, k) in enumerate(STAFF)]


def template_rows(first_id: int) -> list[dict]:
    return [
        {"id": first_id, "name": "大促SOP", "description": "平台大促（618、双11、双12、年货节）前30天到活动后复盘",
         "steps": [{**{k: v for k, v in s.items() if k != "checklist"}, "after": [i - 1] if i else []}
                   for i, s in enumerate(PROMO_SOP)]},
        {"id": first_id + 1, "name": "新品上架SOP", "description": "新品从拍摄到首周复盘",
         "steps": [{**{k: v for k, v in s.items() if k != "checklist"}, "after": [i - 1] if i else []}
                   for i, s in enumerate(LAUNCH_SOP)]},
    ]


def task_rows(rng: random.Random, end: dt.date, staff: list[dict], templates: list[dict],
              promotions: list[dict]) -> list[dict]:
    by_role = {s["role"]: s["id"] for s in staff}
    rows: list[dict] = []

    def add(title, owner, start, due, priority, checklist, promotion=None, template=None, recurrence="", notes="",
            late=False):
        # only recent deadlines are still open; older work was finished long ago
        overdue = late or ((end - due).days <= 14 and rng.random() < 0.35)
        if due < end:
            status = "doing" if overdue else "done"
        elif start <= end:
            status = "doing"
        else:
            status = "todo"
        done_items = len(checklist) if status == "done" else (rng.randint(0, len(checklist) - 1) if status == "doing" else 0)
        rows.append({
            "title": title, "owner_id": owner, "start": start, "due": due, "status": status, "priority": priority,
            "promotion_id": promotion, "template_id": template,
            "checklist": [{"text": c, "done": j < done_items} for j, c in enumerate(checklist)],
            "recurrence": recurrence, "notes": notes,
            "done_at": dt.datetime.combine(due - DAY * rng.randint(0, 2), dt.time(18)) if status == "done" else None,
        })

    festivals = [p for p in promotions if p["kind"] == "festival"]
    last_done = max((p for p in festivals if p["end"] < end), key=lambda p: p["end"], default=None)
    upcoming = sorted((p for p in festivals if p["start"] > end), key=lambda p: p["start"])[:2]
    for promo in [last_done, *upcoming]:
        if promo is None:
            continue
        for step in PROMO_SOP:
            due = promo["start"] + step["offset_days"] * DAY
            start = due - (step["duration_days"] - 1) * DAY
            add(f"{promo['name']}：{step['title']}", by_role.get(step["role"]), start, due, 1 if step["offset_days"] >= -14 else 2,
                step["checklist"], promo["id"], templates[0]["id"])
    launch = next((p for p in promotions if p["name"].startswith("新品首发")), None)
    if launch:
        for step in LAUNCH_SOP:
            due = launch["start"] + step["offset_days"] * DAY
            add(f"{launch['name']}：{step['title']}", by_role.get(step["role"]), due - (step["duration_days"] - 1) * DAY,
                due, 2, step["checklist"], launch["id"], templates[1]["id"])
    for title, role, prio, offset in CHORES:
        due = end + offset * DAY
        add(title, by_role[role], due - rng.randint(2, 7) * DAY, due, prio, ["准备资料", "执行", "结果同步到群里"],
            late=-7 <= offset < 0)
    monday = end + ((7 - end.weekday()) % 7 or 7) * DAY
    rows.append({
        "title": "周例会：上周数据复盘与本周计划", "owner_id": by_role["店长"], "start": monday, "due": monday, "status": "todo",
        "priority": 2, "promotion_id": None, "template_id": None,
        "checklist": [{"text": t, "done": False} for t in ("上周GMV与目标差距", "库存预警清单", "本周活动与任务分工")],
        "recurrence": "FREQ=WEEKLY;BYDAY=MO;BYHOUR=10;BYMINUTE=0", "notes": "每周一上午10点，全员参加", "done_at": None,
    })
    return rows


# Each person's share of the month goal (%), bonus base (fen) and own measures (name, target, actual
# for a finished month; the current month's actuals are typed in as it goes).
TARGETS = {
    "店长": ("40", 300000, (("好评率", "98", "98.6"),)),
    "运营": ("35", 200000, (("上新款数", "5", "6"), ("直通车ROI", "3", "2.6"))),
    "客服": ("15", 150000, (("询单转化率", "40", "37.5"), ("好评率", "98", "99.1"))),
    "仓管/美工": ("10", 150000, (("发货及时率", "98", "99.2"),)),
}


def staff_target_rows(end: dt.date, staff: list[dict], goals: list[dict]) -> list[dict]:
    """Targets for last month, this month and next: the month goal split by TARGETS' shares,
    exact to the fen (core.goal_split), as the Team tab's “Split the goal…” would."""
    from decimal import Decimal
    from fractions import Fraction

    from core.goal_split import split_exact

    this = end.replace(day=1)
    last = (this - DAY).replace(day=1)
    nxt = (this + 32 * DAY).replace(day=1)
    month_goals = {g["period_start"]: g["target_gmv_fen"] for g in goals
                   if g["period_kind"] == "month" and not g.get("platform") and not g.get("category")}
    rows = []
    for month in (last, this, nxt):
        goal = month_goals.get(month)
        if not goal:
            continue
        people = [p for p in staff if p["role"] in TARGETS]
        parts = split_exact(goal, [Fraction(Decimal(TARGETS[p["role"]][0])) for p in people])
        for person, fen in zip(people, parts):
            _share, base, measures = TARGETS[person["role"]]
            rows.append({"staff_id": person["id"], "month": month, "target_fen": fen, "base_fen": base,
                         "measures": [{"name": n, "target": tgt, "actual": act if month <= this else None}
                                      for n, tgt, act in measures]})
    return rows


def dependency_rows(tasks: list[dict]) -> list[dict]:
    """Each SOP step waits for the step before it (the demo templates' ``after``), per promotion."""
    last: dict[tuple[int, int], int] = {}
    rows = []
    for task in tasks:
        key = (task.get("promotion_id"), task.get("template_id"))
        if None in key:
            continue
        if key in last:
            rows.append({"task_id": task["id"], "depends_on_id": last[key]})
        last[key] = task["id"]
    return rows
