"""A year of orders, order lines and refunds for the demo shop.

Volume per day and platform = base × growth × weekday × promotion demand × noise, so the KPI
charts show a weekly rhythm, growth over the year and the festival peaks. Buyers are drawn
from a pool in which about 30 % buy more than once. Every order's times and status follow its
age relative to the demo's "now" (the evening of ``end``).
"""
from __future__ import annotations

import datetime as dt
import itertools
import random
from dataclasses import dataclass, field

from core import orders as st
from core.demo.calendar import DAY, DEMO_PLATFORMS, PromoPlan, discount_for, shipping_stops
from core.demo.catalog import SHOPS, CatalogSku

PLATFORM_SHARE = {"taobao": 0.57, "pdd": 0.25, "douyin": 0.18}
WEEKDAY = (0.93, 0.95, 0.98, 1.0, 1.04, 1.12, 1.16)
HOURS = (2.2, 1.0, 0.5, 0.3, 0.2, 0.2, 0.3, 0.7, 1.3, 2.0, 2.6, 2.9, 3.0, 2.6, 2.4, 2.4, 2.5, 2.6,
         2.8, 3.4, 4.1, 4.6, 4.2, 3.1)
STATUS_TEXT = {
    "taobao": {st.PENDING_PAYMENT: "等待买家付款", st.PAID: "买家已付款，等待卖家发货", st.SHIPPED: "卖家已发货，等待买家确认",
               st.COMPLETED: "交易成功", st.CLOSED: "交易关闭", st.REFUNDED: "交易关闭"},
    "pdd": {st.PENDING_PAYMENT: "待支付", st.PAID: "待发货", st.SHIPPED: "已发货，待签收",
            st.COMPLETED: "已签收", st.CLOSED: "已取消", st.REFUNDED: "退款成功"},
    "douyin": {st.PENDING_PAYMENT: "待支付", st.PAID: "待发货", st.SHIPPED: "已发货",
               st.COMPLETED: "已完成", st.CLOSED: "已关闭", st.REFUNDED: "已关闭"},
}
PROVINCES = (("广东省", 14), ("浙江省", 11), ("江苏省", 10), ("上海", 7), ("北京", 6), ("山东省", 6),
             ("福建省", 5), ("四川省", 5), ("湖北省", 4), ("河南省", 4), ("湖南省", 3), ("安徽省", 3),
             ("天津", 2), ("重庆", 2), ("陕西省", 2), ("辽宁省", 2), ("河北省", 2), ("江西省", 2),
             ("云南省", 1.5), ("广西壮族自治区", 1.5), ("黑龙江省", 1), ("山西省", 1), ("贵州省", 1),
             ("吉林省", 0.8), ("海南省", 0.6), ("内蒙古自治区", 0.5), ("甘肃省", 0.5), ("新疆维吾尔自治区", 0.4),
             ("宁夏回族自治区", 0.2), ("青海省", 0.2), ("西藏自治区", 0.1))
REMOTE = {"新疆维吾尔自治区", "西藏自治区", "青海省", "内蒙古自治区"}
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁沈任姚卢钟姜崔谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "丽静敏燕艳娟霞芳娜秀英华慧巧美婷雪琳晶妍茜倩玉兰萍红梅莉洁佳伟强磊军勇杰涛明超斌浩鹏宇飞鑫波辉刚健峰帆"
NICK_HEAD = ("tb", "小", "阿", "茶", "sunny", "lily", "喵", "快乐的", "清风", "木子", "一只", "jack", "momo", "大",
             "小小", "coco", "爱喝茶的", "南山", "echo", "yoyo", "老", "暖暖", "kiki", "Tina")
NICK_CORE = ("鱼", "茶客", "兔子", "猫", "小白", "阳光", "云朵", "饼干", "米粒", "豆豆", "明月", "橙子", "芒果",
             "叶子", "熊", "阿狸", "小鹿", "土豆", "布丁", "蘑菇", "星星", "麦兜", "七七", "安安")
FULL_REFUND_PRE = ("不想要了", "拍错/多拍", "地址填错", "未按约定时间发货")
FULL_REFUND_POST = ("七天无理由退换货", "质量问题", "尺码/规格不符", "发错货", "物流太慢", "包装破损", "不想要了")
PARTIAL_REFUND = ("质量问题", "少件/漏发", "包装破损", "商品与描述不符")


@dataclass
class Buyer:
    key: str | None
    name: str
    province: str
    big: bool = False


@dataclass
class ShopOrders:
    orders: list[dict] = field(default_factory=list)
    lines: list[dict] = field(default_factory=list)
    refunds: list[dict] = field(default_factory=list)
    line_category: list[str] = field(default_factory=list)  # parallel to ``lines``


class _Ids:
    """Unique platform numbers in each platform's own format."""

    def __init__(self, rng: random.Random) -> None:
        self.rng, self.seen = rng, set()

    def digits(self, lo: int, hi: int, prefix: str = "") -> str:
        while True:
            v = prefix + str(self.rng.randrange(lo, hi))
            if v not in self.seen:
                self.seen.add(v)
                return v

    def order_no(self, platform: str, day: dt.date) -> str:
        if platform == "pdd":
            return self.digits(10**14, 10**15, day.strftime("%y%m%d-"))
        if platform == "douyin":
            return self.digits(6 * 10**18, 7 * 10**18)
        return self.digits(10**18, 4 * 10**18)


def _nickname(rng: random.Random, seen: set[str]) -> str:
    while True:
        head = rng.choice(NICK_HEAD)
        nick = (head + str(rng.randrange(10**8, 10**10)) if head == "tb"
                else head + rng.choice(NICK_CORE) + (str(rng.randrange(1, 9999)) if rng.random() < 0.7 else ""))
        if nick not in seen:
            seen.add(nick)
            return nick


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2, 2))))


def _buyer_slots(rng: random.Random, n_orders: int, prov_names, prov_cum) -> list[Buyer]:
    """One buyer per keyed order, shuffled: ~30 % of buyers order twice or more, a few 5–15 times."""
    seen: set[str] = set()
    slots: list[Buyer] = []
    while len(slots) < n_orders:
        if rng.random() < 0.02:  # masked nickname: not a key on its own (spec/kpi.md "Buyer key")
            nick = _nickname(rng, seen)
            slots.append(Buyer(None, nick[0] + "**" + nick[-1], rng.choices(prov_names, cum_weights=prov_cum)[0]))
            continue
        r = rng.random()
        n = 1 if r < 0.70 else 2 if r < 0.86 else 3 if r < 0.925 else 4 if r < 0.955 else (
            rng.randint(5, 8) if r < 0.99 else rng.randint(9, 15))
        buyer = Buyer(_nickname(rng, seen), _person(rng), rng.choices(prov_names, cum_weights=prov_cum)[0],
                      big=n >= 5 and rng.random() < 0.35)
        slots.extend([buyer] * n)
    del slots[n_orders:]
    rng.shuffle(slots)
    return slots


def generate_orders(rng: random.Random, skus: list[CatalogSku], plans: list[PromoPlan], first: dt.date,
                    end: dt.date, now: dt.datetime, stop_dates: dict[str, dt.date],
                    launch_dates: dict[str, dt.date], item_ids: dict[tuple[str, int], str],
                    target_orders: int = 15000) -> ShopOrders:
    days = [first + i * DAY for i in range((end - first).days + 1)]
    stops = shipping_stops(first - 40 * DAY, end + 10 * DAY)
    span = len(days)

    # -- how many orders each day on each platform
    weights: dict[tuple[dt.date, str], float] = {}
    for i, day in enumerate(days):
        growth = 0.72 + 0.56 * i / max(span - 1, 1)
        douyin_share = 0.12 + 0.14 * i / max(span - 1, 1)  # the newer channel grows fastest
        stop = any(a <= day <= b for a, b in stops)
        for p in DEMO_PLATFORMS:
            share = douyin_share if p == "douyin" else PLATFORM_SHARE[p] * (1 - douyin_share) / 0.82
            demand = max([pl.demand(day) for pl in plans if pl.active(day, p)], default=1.0)
            w = share * growth * WEEKDAY[day.weekday()] * demand * rng.lognormvariate(0, 0.12)
            weights[day, p] = w * (0.22 if stop else 1.0)
    scale = target_orders * span / 410 / sum(weights.values())
    counts = {k: max(0, round(w * scale + rng.uniform(-0.5, 0.5))) for k, w in weights.items()}

    prov_names = [p for p, _ in PROVINCES]
    prov_cum = list(itertools.accumulate(w for _, w in PROVINCES))
    n_taobao = sum(c for (_, p), c in counts.items() if p == "taobao")
    taobao_buyers = iter(_buyer_slots(rng, n_taobao, prov_names, prov_cum))
    ids = _Ids(rng)
    hour_cum = list(itertools.accumulate(HOURS))
    peak_hour_cum = list(itertools.accumulate(h * (9 if i == 0 else 1) for i, h in enumerate(HOURS)))
    out = ShopOrders()
    order_id = 0

    for day in days:
        for p in DEMO_PLATFORMS:
            n = counts[day, p]
            if not n:
                continue
            active = [pl for pl in plans if pl.active(day, p)]
            cat_boost: dict[str, float] = {}
            for pl in active:
                for c, b in pl.category_boost.items():
                    cat_boost[c] = max(cat_boost.get(c, 1.0), b)
            sku_w = [
                0.0 if (s.code in stop_dates and day > stop_dates[s.code]) or day < launch_dates.get(s.code, first)
                else s.popularity * cat_boost.get(s.category, 1.0) * (0.6 if p == "pdd" and s.price_fen > 30000 else 1.0)
                for s in skus
            ]
            sku_cum = list(itertools.accumulate(sku_w))
            peak = max((pl.demand(day) for pl in active), default=1.0) >= 3.0
            presale = next((b for pl in active for name, a, b in pl.phases if name == "预售" and a <= day <= b), None)
            for _ in range(n):
                order_id += 1
                hour = rng.choices(range(24), cum_weights=peak_hour_cum if peak else hour_cum)[0]
                if day == end:
                    hour = min(hour, now.hour - 1)
                created = dt.datetime.combine(day, dt.time(hour, rng.randrange(60), rng.randrange(60)))
                if p == "taobao":
                    buyer = next(taobao_buyers)
                else:
                    buyer = Buyer(None, _person(rng), rng.choices(prov_names, cum_weights=prov_cum)[0])
                _one_order(rng, out, order_id, p, day, created, now, buyer, skus, sku_cum, active, ids,
                           stops, presale, peak, item_ids)
    return out


def _one_order(rng, out: ShopOrders, order_id: int, p: str, day: dt.date, created: dt.datetime,
               now: dt.datetime, buyer: Buyer, skus, sku_cum, active, ids: _Ids, stops, presale, peak,
               item_ids) -> None:
    n_lines = 1 if p == "pdd" else rng.choices((1, 2, 3, 4), weights=(62, 24, 10, 4))[0]
    picked: list[CatalogSku] = []
    for _ in range(n_lines):
        s = rng.choices(skus, cum_weights=sku_cum)[0]
        if s not in picked:
            picked.append(s)
    basket = []
    for s in picked:
        qty = rng.choices((1, 2, 3), weights=(60, 28, 12))[0] if s.category == "零食" else (
            rng.choices((1, 2), weights=(85, 15))[0])
        if buyer.big and s.category in ("礼盒", "茶叶"):
            qty *= rng.randint(2, 6)
        basket.append((s, qty, s.price_fen * qty))
    goods = sum(g for _, _, g in basket)
    discount = discount_for(active, [(s.code, s.category, g) for s, _, g in basket])
    if p == "pdd":
        discount += round(goods * rng.uniform(0.03, 0.08))  # 平台券/拼单优惠
    elif discount == 0 and goods >= 9900 and rng.random() < 0.15:
        discount = 1000 if goods >= 19900 else 500  # 店铺优惠券
    shipping = 0 if p == "pdd" or goods >= 4900 else 600
    if buyer.province in ("新疆维吾尔自治区", "西藏自治区") and p != "pdd":
        shipping += 1500
    paid_total = goods + shipping - discount

    # -- times and status by the order's age
    status = st.COMPLETED
    paid_at = shipped_at = completed_at = None
    age_h = (now - created).total_seconds() / 3600
    if rng.random() < 0.03:
        status = st.CLOSED
    elif age_h < 48 and rng.random() < 0.22:
        status = st.PENDING_PAYMENT
    else:
        paid_at = created + dt.timedelta(seconds=rng.randint(8, 900))
        ship_from = paid_at
        if presale:
            ship_from = dt.datetime.combine(presale + DAY, dt.time(9))
        for a, b in stops:
            if a <= ship_from.date() <= b:
                ship_from = dt.datetime.combine(b + DAY, dt.time(9))
        delay_h = rng.uniform(30, 90) if peak else rng.uniform(3, 40)
        shipped_at = ship_from + dt.timedelta(hours=delay_h)
        completed_at = shipped_at + dt.timedelta(days=rng.uniform(2.5, 10))
        if shipped_at > now:
            status, shipped_at, completed_at = st.PAID, None, None
        elif completed_at > now:
            status, completed_at = st.SHIPPED, None

    # -- lines, with shipping and discount spread so that the lines add up to the order
    line_rows = []
    allocated = 0
    for i, (s, qty, g) in enumerate(basket):
        line_paid = paid_total - allocated if i == len(basket) - 1 else g * paid_total // goods
        allocated += line_paid
        line_rows.append({
            "order_id": order_id,
            "line_no": ids.digits(10**18, 4 * 10**18) if p != "pdd" else "",
            "sku_code": s.code, "item_id": item_ids[p, s.product_index], "title": s.title, "spec": s.spec,
            "qty": qty, "unit_price_fen": s.price_fen, "paid_fen": line_paid, "refund_fen": 0,
        })

    order_no = ids.order_no(p, day)
    refund_total = 0
    if paid_at is not None and rng.random() < 0.052:
        refund_total, status, shipped_at, completed_at = _refund(
            rng, out, p, order_no, line_rows, status, paid_at, shipped_at, completed_at, now, ids)
    is_paid, pay_date = st.derive_payment(status, paid_at, created)
    out.orders.append({
        "id": order_id, "platform": p, "shop": SHOPS[p], "order_no": order_no, "buyer_key": buyer.key,
        "buyer_name": buyer.name, "province": buyer.province, "created_at": created, "paid_at": _sec(paid_at),
        "shipped_at": _sec(shipped_at), "completed_at": _sec(completed_at), "status": status,
        "status_text": STATUS_TEXT[p][status], "goods_fen": goods, "shipping_fen": shipping,
        "discount_fen": discount, "paid_fen": paid_total, "refund_fen": refund_total, "is_paid": is_paid,
        "pay_date": pay_date, "source": rng.choice(SOURCES[p]), "batch_id": None,
    })
    out.lines.extend(line_rows)
    out.line_category.extend(s.category for s, _, _ in basket)


def _sec(t: dt.datetime | None) -> dt.datetime | None:
    return t.replace(microsecond=0) if t else None


SOURCES = {
    "taobao": ("手淘搜索", "手淘推荐", "直通车", "购物车", "我的淘宝", "淘宝直播", "万相台"),
    "pdd": ("搜索", "百亿补贴", "多多进宝", "首页推荐", "场景推广"),
    "douyin": ("直播间", "短视频", "商品卡", "达人带货", "千川投放"),
}


def _refund(rng, out: ShopOrders, p: str, order_no: str, lines: list[dict], status: str, paid_at, shipped_at,
            completed_at, now: dt.datetime, ids: _Ids):
    """Refund part or all of a paid order; returns the order's new refund total, status and times."""
    orig = (status, shipped_at, completed_at)
    partial = status == st.COMPLETED and rng.random() < 0.45
    if partial:
        line = rng.choice(lines)
        amount = line["paid_fen"] if len(lines) > 1 and rng.random() < 0.6 else max(
            100, round(line["paid_fen"] * rng.uniform(0.1, 0.5), -2))
        amount = min(amount, line["paid_fen"])
        applied = completed_at - dt.timedelta(hours=rng.uniform(2, 48))
        targets, reasons = [(line, amount)], PARTIAL_REFUND
    else:
        before_ship = shipped_at is None or rng.random() < 0.35
        if before_ship:
            applied = paid_at + dt.timedelta(hours=rng.uniform(0.2, 20))
            if shipped_at is not None and applied >= shipped_at:
                applied = paid_at + (shipped_at - paid_at) / 2
            shipped_at, reasons = None, FULL_REFUND_PRE
        else:
            applied = shipped_at + dt.timedelta(days=rng.uniform(1, 6))
            reasons = FULL_REFUND_POST
        targets = [(ln, ln["paid_fen"]) for ln in lines]
    done = applied + dt.timedelta(hours=rng.uniform(2, 72))
    if applied > now:  # the buyer has not asked yet
        return (0, *orig)
    settled = done <= now
    for ln, amount in targets:
        out.refunds.append({
            "platform": p,
            "refund_no": ids.digits(10**14, 10**15, "7") if p == "douyin" else ids.digits(10**15, 10**16, "2"),
            "order_no": order_no, "sku_code": ln["sku_code"], "title": ln["title"], "amount_fen": amount,
            "status": "success" if settled else "pending",
            "status_text": "退款成功" if settled else "买家已经申请退款，等待卖家同意",
            "reason": rng.choice(reasons if not (reasons is FULL_REFUND_POST and ln["sku_code"].startswith("AP"))
                                 else ("尺码/规格不符", "七天无理由退换货")),
            "applied_at": applied.replace(microsecond=0), "completed_at": done.replace(microsecond=0) if settled else None,
            "batch_id": None,
        })
        if settled:
            ln["refund_fen"] = amount
    if not settled:
        return (0, *orig)
    total = sum(a for _, a in targets)
    if partial:
        return total, status, shipped_at, completed_at
    return total, st.REFUNDED, shipped_at, None

