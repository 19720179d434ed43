"""Membership: tiers, one customer row per keyed buyer, and the points ledger.

A customer's ``spend_fen`` is what their paid orders kept after successful refunds; the tier
follows spend over the 365 days up to ``end``. Points follow core.points: 1 per yuan kept times the
tier's multiplier (×1, ×1.2, ×1.5, ×2), dated the day paid, valid 12 months; the ledger holds
earnings, a few redemptions and the expiries core.points.fifo finds, so its sum per customer equals
``customers.points`` and a recompute on ``end`` has nothing to add.
"""
from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

from core.points import Line, earn_line, earned_points, expire_line, fifo

TIERS = (
    ("普通会员", 0, 0, 0, "积分1倍；生日当月领10元无门槛券", 100),
    ("银卡会员", 1, 50000, 30000, "积分1.2倍；每月会员日9折；新茶优先试饮", 120),
    ("金卡会员", 2, 200000, 120000, "积分1.5倍；会员日88折；全年包邮；专属客服", 150),
    ("黑卡会员", 3, 500000, 300000, "积分2倍；会员日85折；每季度赠送新茶礼盒；生日礼；专属茶艺顾问", 200),
)
EXPIRY_MONTHS = 12
REDEEM = ("积分兑换：冷泡茶体验装", "积分兑换：10元无门槛券", "积分兑换：汝窑主人杯", "积分抵现")


def tier_rows(first_id: int) -> list[dict]:
    return [
        {"id": first_id + i, "name": name, "rank": rank, "rule": "spend", "threshold": th,
         "retention_threshold": keep, "window_days": 365, "validity_days": 365, "benefits": benefits,
         "points_per_yuan": 1, "points_multiplier": multiplier, "points_expiry_months": EXPIRY_MONTHS}
        for i, (name, rank, th, keep, benefits, multiplier) in enumerate(TIERS)
    ]


def customer_rows(rng: random.Random, orders: list[dict], tiers: list[dict], end: dt.date,
                  now: dt.datetime, first_id: int) -> tuple[list[dict], list[dict], dict[int, int]]:
    """The demo's members, their points ledger, and each member's spend in the tier window (fen, by
    customer id: what the tier log's upgrade says was reached)."""
    by_buyer: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for o in orders:
        if o["buyer_key"] and o["is_paid"]:
            by_buyer[o["platform"], o["buyer_key"]].append(o)
    window_start = dt.datetime.combine(end - dt.timedelta(days=364), dt.time())
    customers, ledger = [], []
    window_spend: dict[int, int] = {}
    for i, ((platform, key), own) in enumerate(sorted(by_buyer.items())):
        cid = first_id + i
        own.sort(key=lambda o: o["created_at"])
        kept = [o["paid_fen"] - o["refund_fen"] for o in own]
        recent = sum(k for o, k in zip(own, kept) if o["created_at"] >= window_start)
        tier = max((t for t in tiers if recent >= t["threshold"]), key=lambda t: t["rank"])
        window_spend[cid] = recent
        entries = []
        for o, k in zip(own, kept):
            pts = earned_points(k, 1, tier["points_multiplier"])
            if pts and o["pay_date"]:
                entries.append(dict(earn_line(cid, o["order_no"], o["pay_date"], pts, EXPIRY_MONTHS), reason="购物得积分"))
        earned = sum(e["delta"] for e in entries)
        if earned >= 300 and rng.random() < 0.3:
            at = entries[-1]["at"] + dt.timedelta(days=rng.randint(1, 20))
            if at < now:
                entries.append({"customer_id": cid, "at": at, "delta": -rng.choice((100, 200, 300)), "kind": "adjust",
                                "reason": rng.choice(REDEEM), "order_no": "", "expires_at": None})
        lines = [Line(e["at"], e["delta"], e["kind"], e["expires_at"], i) for i, e in enumerate(entries)]
        replay = fifo(lines, end + dt.timedelta(days=1))
        if replay.balance - sum(replay.due.values()) < 0:  # a redemption larger than what was left: the shop would not allow it
            entries = [e for e in entries if e["kind"] != "adjust"]
            replay = fifo([x for x in lines if x.kind != "adjust"], end + dt.timedelta(days=1))
        for when, amount in replay.due.items():
            entries.append(dict(expire_line(cid, when, amount), reason="积分过期"))
        ledger.extend(entries)
        tags = []
        if len(own) >= 5:
            tags.append("老客")
        if max(o["goods_fen"] for o in own) >= 150000:
            tags.append("企业采购")
        customers.append({
            "id": cid, "platform": platform, "buyer_key": key, "name": own[-1]["buyer_name"],
            "phone": f"1{rng.choice('3578')}{rng.randrange(10)}****{rng.randrange(10000):04d}",
            "first_order_at": own[0]["created_at"], "last_order_at": own[-1]["created_at"],
            "orders_count": len(own), "spend_fen": sum(kept), "tier_id": tier["id"],
            # validity counted from the last order, so no demo member is due for 保级 at ``end``
            "tier_since": own[-1]["created_at"].date() if tier["rank"] else None,
            "points": sum(e["delta"] for e in entries), "tags": ",".join(tags), "source": platform, "batch_id": None,
        })
    return customers, ledger, window_spend


def tier_log_rows(customers: list[dict], tiers: list[dict], window_spend: dict[int, int]) -> list[dict]:
    """The upgrade that brought each member above the base tier, on the day its validity began, with
    the spend that reached it (not the threshold itself: every row read "spent exactly ¥2,000.00")."""
    by_id = {t["id"]: t for t in tiers}
    base = min(tiers, key=lambda t: t["rank"])
    out = []
    for c in customers:
        tier = by_id[c["tier_id"]]
        if tier["rank"] == base["rank"] or c["tier_since"] is None:
            continue
        out.append({"customer_id": c["id"], "at": dt.datetime.combine(c["tier_since"], dt.time(23, 0)),
                    "day": c["tier_since"], "from_tier": base["name"], "to_tier": tier["name"], "reason": "upgrade",
                    "rule": "spend", "measure": window_spend[c["id"]], "threshold": tier["threshold"], "by": "recompute",
                    "batch_id": None})
    return out
