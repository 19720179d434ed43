"""The demo shop's promotion plan and the demand curve it drives.

Promotions are planned first (platform festivals from ``core.festivals`` plus the shop's own
events); the order generator then asks this plan how busy each day was on each platform,
which categories sold more, and what discount a basket got.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from core import festivals as fest

DAY = dt.timedelta(days=1)
DEMO_PLATFORMS = ("taobao", "pdd", "douyin")


@dataclass
class PromoPlan:
    name: str
    kind: str  # festival|own
    platforms: tuple[str, ...]  # empty = every platform
    start: dt.date
    end: dt.date
    phases: list[tuple[str, dt.date, dt.date]]
    rules: list[dict]
    scope: dict
    expected_uplift: float
    boost: float = 1.3
    peaks: dict[dt.date, float] = field(default_factory=dict)  # day -> demand multiplier
    category_boost: dict[str, float] = field(default_factory=dict)
    note: str = ""
    key: str = ""

    def active(self, day: dt.date, platform: str) -> bool:
        return self.start <= day <= self.end and (not self.platforms or platform in self.platforms)

    def demand(self, day: dt.date) -> float:
        return self.peaks.get(day, self.boost)

    def phases_json(self) -> list[dict]:
        return [{"name": n, "start": s.isoformat(), "end": e.isoformat()} for n, s, e in self.phases]


def _manjian(*tiers: tuple[int, int]) -> list[dict]:
    return [{"type": "满减", "threshold_fen": th, "off_fen": off} for th, off in tiers]


def _festival_plan(f: fest.Festival) -> PromoPlan | None:
    phases = [(p.name_zh, p.start, p.end) for p in f.phases]
    platforms = tuple(p for p in f.platforms if p in DEMO_PLATFORMS)
    y = f.end.year
    base = dict(kind="festival", platforms=platforms, start=f.start, end=f.end, phases=phases, key=f.key)
    if f.key == "nianhuo":
        return PromoPlan(name=f"{y}年货节", rules=_manjian((19900, 2000), (39900, 5000)),
                         scope={"categories": ["礼盒", "茶叶", "零食"]}, expected_uplift=0.8, boost=1.8,
                         category_boost={"礼盒": 3.0, "零食": 1.6}, note="年货礼盒主推，春节前7天停止发货", **base)
    if f.key == "womens_day":
        return PromoPlan(name=f"{y} 38女王节", rules=[{"type": "折扣", "rate": 0.9}],
                         scope={"categories": ["服饰", "家居", "茶具"]}, expected_uplift=0.3, boost=1.3,
                         peaks={f.end: 1.9}, category_boost={"服饰": 2.0, "家居": 1.5}, **base)
    if f.key == "618":
        peaks = {d: 2.2 for d in _days(dt.date(y, 6, 1), dt.date(y, 6, 3))}
        peaks.update({dt.date(y, 6, 16): 2.2, dt.date(y, 6, 17): 2.5, dt.date(y, 6, 18): 3.6})
        return PromoPlan(name=f"{y} 618年中大促", rules=_manjian((15000, 2000), (30000, 5000)), scope={},
                         expected_uplift=0.6, boost=1.45, peaks=peaks, category_boost={"茶叶": 1.3}, **base)
    if f.key == "99":
        return PromoPlan(name=f"{y} 99划算节", rules=_manjian((9900, 1000)), scope={"categories": ["茶叶", "零食"]},
                         expected_uplift=0.2, boost=1.2, **base)
    if f.key == "double11":
        peaks = {d: 2.1 for d in _days(dt.date(y, 11, 1), dt.date(y, 11, 10))}
        peaks.update({dt.date(y, 10, 20): 2.0, dt.date(y, 11, 1): 3.0, dt.date(y, 11, 11): 6.5})
        return PromoPlan(name=f"{y} 双11全球狂欢节",
                         rules=_manjian((20000, 3000), (30000, 5000)) + [{"type": "赠品", "threshold_fen": 39900, "gift": "汝窑主人杯 天青"}],
                         scope={}, expected_uplift=1.2, boost=1.5, peaks=peaks, category_boost={"礼盒": 1.5, "茶具": 1.3},
                         note="预售定金膨胀，11月1日开门红，11日巅峰", **base)
    if f.key == "double12":
        return PromoPlan(name=f"{y} 双12年终盛典", rules=_manjian((19900, 2500)), scope={}, expected_uplift=0.35,
                         boost=1.25, peaks={dt.date(y, 12, 12): 2.4}, **base)
    return None


def _days(a: dt.date, b: dt.date) -> list[dt.date]:
    return [a + i * DAY for i in range((b - a).days + 1)]


def _own_plans(first: dt.date, last: dt.date, end: dt.date, launch_skus: list[str]) -> list[PromoPlan]:
    plans: list[PromoPlan] = []
    for y in range(first.year, last.year + 1):
        plans.append(PromoPlan(
            name=f"明前春茶首发 {y}", kind="own", platforms=(), start=dt.date(y, 3, 20), end=dt.date(y, 4, 5),
            phases=[("预售", dt.date(y, 3, 20), dt.date(y, 3, 27)), ("正式", dt.date(y, 3, 28), dt.date(y, 4, 5))],
            rules=[{"type": "折扣", "rate": 0.88}], scope={"categories": ["茶叶"]}, expected_uplift=0.35, boost=1.3,
            category_boost={"茶叶": 1.8}, note="龙井、碧螺春新茶上市"))
        plans.append(PromoPlan(
            name=f"山野茶舍{y - 2019}周年店庆", kind="own", platforms=(), start=dt.date(y, 8, 16), end=dt.date(y, 8, 18),
            phases=[("正式", dt.date(y, 8, 16), dt.date(y, 8, 18))],
            rules=_manjian((19900, 3000)) + [{"type": "赠品", "threshold_fen": 29900, "gift": "冷泡茶 10包"}],
            scope={}, expected_uplift=0.5, boost=1.6))
        moon = fest.mid_autumn(y)
        if moon:
            plans.append(PromoPlan(
                name=f"{y}中秋茶礼季", kind="own", platforms=(), start=moon - 24 * DAY, end=moon - 2 * DAY,
                phases=[("预售", moon - 24 * DAY, moon - 15 * DAY), ("正式", moon - 14 * DAY, moon - 2 * DAY)],
                rules=_manjian((39900, 5000)), scope={"categories": ["礼盒"]}, expected_uplift=0.6, boost=1.35,
                category_boost={"礼盒": 3.5}, note="企业团购请提前15天下单"))
    # the monthly member day, for the months around "today"
    month = dt.date(end.year, end.month, 1)
    for back in range(-4, 3):
        y, m = divmod(month.month - 1 + back, 12)
        day = dt.date(month.year + y, m + 1, 18)
        plans.append(PromoPlan(
            name=f"会员日 {day.month}月", kind="own", platforms=("taobao",), start=day, end=day,
            phases=[("正式", day, day)], rules=[{"type": "折扣", "rate": 0.9}], scope={},
            expected_uplift=0.25, boost=1.3, note="会员专享9折，金卡及以上再送茶样"))
    launch = end - 40 * DAY
    plans.append(PromoPlan(
        name="新品首发：建盏系列", kind="own", platforms=(), start=launch, end=launch + 6 * DAY,
        phases=[("预热", launch, launch + 1 * DAY), ("正式", launch + 2 * DAY, launch + 6 * DAY)],
        rules=[{"type": "折扣", "rate": 0.85}], scope={"skus": launch_skus}, expected_uplift=0.2, boost=1.15,
        key="launch"))
    return [p for p in plans if p.start <= last and p.end >= first]


def plan_promotions(first: dt.date, end: dt.date, horizon: dt.date, launch_skus: list[str]) -> list[PromoPlan]:
    """Festival and own promotions overlapping ``[first, horizon]``, by start date."""
    plans = [p for f in fest.festivals_between(first, horizon) if (p := _festival_plan(f))]
    plans += _own_plans(first, horizon, end, launch_skus)
    # one that began before the demo's first day could not be measured
    return sorted((p for p in plans if p.start >= first), key=lambda p: (p.start, p.name))


def shipping_stops(first: dt.date, last: dt.date) -> list[tuple[dt.date, dt.date]]:
    return [(f.start, f.end) for f in fest.festivals_between(first, last) if f.key == "spring_festival"]


def discount_for(plans: list[PromoPlan], lines: list[tuple[str, str, int]]) -> int:
    """The best single promotion discount for a basket of ``(sku, category, goods_fen)`` lines."""
    best = 0
    for p in plans:
        cats, skus = p.scope.get("categories"), p.scope.get("skus")
        eligible = sum(g for sku, cat, g in lines if (not cats or cat in cats) and (not skus or sku in skus))
        if not eligible:
            continue
        for rule in p.rules:
            if rule["type"] == "满减" and eligible >= rule["threshold_fen"]:
                best = max(best, rule["off_fen"])
            elif rule["type"] == "折扣":
                best = max(best, round(eligible * (1 - rule["rate"])))
    return best
