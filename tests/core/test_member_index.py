"""The Members table over arrays (core.member_index) and the recompute's grouped SQL (core.tiers.candidates)
give exactly what the straightforward per-customer computation gives, on a random shop."""
from __future__ import annotations

import datetime as dt
import random

import pytest
from sqlalchemy import insert, select

from core.edits import apply_edit
from core.edits.members import RecomputeTiers, SetTierRules, TierSpec
from core.member_index import SEGMENT_IDS, build_index, quintiles
from core.members import NEAR_TIER, MemberRow, member_rows, segment_summary, tier_distribution
from core.models import Customer, Order, Tier
from core.rfm import HIGH_VALUE_SLIPPING, quintile_scores, score
from core.tiers import load_rules, measures, plan_moves, plan_today, standings

TODAY = dt.date(2026, 11, 20)
SPECS = (TierSpec("普通", 0, 0, "", 100), TierSpec("银卡", 50_000, 30_000, "", 120),
         TierSpec("金卡", 200_000, 120_000, "", 150), TierSpec("黑卡", 500_000, 300_000, "", 200))


def reference_rows(session, today: dt.date, sleeping_days: int = 180) -> list[MemberRow]:
    """The straightforward computation the tab used before (every customer in Python)."""
    conn = session.connection()
    rules = load_rules(conn)
    names = dict(session.execute(select(Tier.id, Tier.name)).all())
    rank_of = {r.id: i for i, r in enumerate(rules)}
    got = measures(conn, rules, today)
    customers = session.execute(select(Customer.__table__).order_by(Customer.id)).mappings().all()
    scored_at = [i for i, c in enumerate(customers) if c["last_order_at"] is not None and c["orders_count"] > 0]
    scores = score([(today - customers[i]["last_order_at"].date()).days for i in scored_at],
                   [customers[i]["orders_count"] for i in scored_at], [customers[i]["spend_fen"] for i in scored_at])
    by_index = dict(zip(scored_at, scores, strict=True))
    rows = []
    for i, c in enumerate(customers):
        since = (today - c["last_order_at"].date()).days if c["last_order_at"] else None
        s = by_index.get(i)
        nxt, need, target = "", None, None
        if rules:
            at = rank_of.get(c["tier_id"], -1)
            if at + 1 < len(rules):
                target = rules[at + 1]
                nxt, need = target.name, max(target.threshold - got.get((c["platform"], c["buyer_key"]), 0), 0)
        lists = set()
        if since is not None and since > sleeping_days:
            lists.add("sleeping")
        if s is not None and s.segment.id in HIGH_VALUE_SLIPPING:
            lists.add("at_risk")
        if target is not None and need and need <= (1 - NEAR_TIER) * target.threshold:
            lists.add("near_tier")
        rows.append(MemberRow(
            id=c["id"], platform=c["platform"], buyer_key=c["buyer_key"], name=c["name"],
            tier=names.get(c["tier_id"], ""), orders=c["orders_count"], spend_fen=c["spend_fen"],
            refund_fen=c["refund_fen"], first_order=c["first_order_at"], last_order=c["last_order_at"],
            days_since_last=since, points=c["points"], categories=c["categories"], tags=c["tags"], note=c["note"],
            r=s.r if s else None, f=s.f if s else None, m=s.m if s else None,
            segment=s.segment.id if s else "", segment_label=s.segment.label if s else "",
            next_tier=nxt, to_next_tier=need, tier_rule=rules[0].rule if rules else "spend", lists=frozenset(lists),
            on_sleeping="sleeping" in lists, on_at_risk="at_risk" in lists, on_near_tier="near_tier" in lists,
            phone=c["phone"],
        ))
    return rows


def random_shop(db, seed: int, *, customers: int = 240, rule: str = "spend") -> None:
    """Buyers on three channels with orders over two years (some only outside the window, some with
    none), ties in orders and spend, a few without a last order, tiers set by hand at random (some
    stale, some whose validity ended), and a customer with a tier that no longer exists."""
    rnd = random.Random(seed)
    specs = SPECS if rule == "spend" else tuple(TierSpec(s.name, n, k) for s, n, k in
                                                 zip(SPECS, (0, 3, 6, 10), (0, 2, 4, 8), strict=True))
    apply_edit(db, SetTierRules(rule, 365, 365, specs))
    with db.transaction() as s:
        tiers = [i for (i,) in s.execute(select(Tier.id).order_by(Tier.rank))]
        orders, rows = [], []
        for i in range(customers):
            platform = ("taobao", "jd", "douyin")[i % 3]
            key = f"b{i:04d}"
            n = rnd.choice((0, 1, 1, 2, 3, 5, 8, 13))
            days = sorted(rnd.randrange(0, 730) for _ in range(n))
            total = 0
            for k, ago in enumerate(days):
                paid = rnd.choice((3_900, 12_800, 29_900, 59_900, 150_000))
                refund = paid if rnd.random() < 0.05 else 0
                day = TODAY - dt.timedelta(days=ago)
                total += paid - refund
                orders.append(dict(platform=platform, order_no=f"{key}-{k}", buyer_key=key, status="completed",
                                   paid_fen=paid, refund_fen=refund, is_paid=True, pay_date=day,
                                   created_at=dt.datetime.combine(day, dt.time(rnd.randrange(24), rnd.randrange(60)))))
            last = (dt.datetime.combine(TODAY - dt.timedelta(days=days[0]), dt.time(rnd.randrange(24)))
                    if days and rnd.random() > 0.05 else None)
            tier = rnd.choice([None, *tiers, *tiers])
            since = TODAY - dt.timedelta(days=rnd.choice((0, 10, 364, 365, 366, 800))) if tier else None
            rows.append(dict(platform=platform, buyer_key=key, name=rnd.choice(("", f"客户{i}", f"Buyer {i}")),
                             orders_count=len(days), spend_fen=total, last_order_at=last,
                             first_order_at=last, tier_id=tier, tier_since=since, tags=rnd.choice(("", "老客")),
                             points=rnd.choice((0, 10))))
        s.execute(insert(Order), orders)
        s.execute(insert(Customer), rows)


@pytest.mark.parametrize("seed, rule", [(1, "spend"), (2, "orders"), (3, "spend")])
def test_the_index_gives_the_rows_of_the_straightforward_computation(db, seed, rule):
    random_shop(db, seed, rule=rule)
    with db.session() as s:
        expected = reference_rows(s, TODAY)
        assert member_rows(s, TODAY) == expected
        conn = s.connection()
        index = build_index(conn, TODAY)
        by_id = {r.id: r for r in expected}
        # A page read before the gaps of everyone are known: the same rows.
        page = index.order(conn, "spend_fen", True)[:25]
        assert index.rows(conn, page) == sorted((by_id[int(index.ids[p])] for p in page),
                                                key=lambda r: (-r.spend_fen, -r.id))
        assert index.segment_summary() == segment_summary(expected)
        assert index.tier_counts() == {t: sum(1 for r in expected if r.tier == t) for t in {r.tier for r in expected} if t}
        assert index.repeat_buyers() == sum(1 for r in expected if r.orders >= 2)
        assert index.sleeping_count() == sum(1 for r in expected if "sleeping" in r.lists)
        assert tier_distribution(s, TODAY, index.tier_counts()) == tier_distribution(s, TODAY, expected)
        for name in ("sleeping", "at_risk", "near_tier"):
            chosen = index.ids[index.mask(conn, lists=[name])]
            assert sorted(chosen.tolist()) == sorted(r.id for r in expected if name in r.lists)
        segment = expected[0].segment or "lost"
        kept = index.ids[index.mask(conn, segment=segment, platform="jd", tier="银卡")]
        assert sorted(kept.tolist()) == sorted(r.id for r in expected if r.segment == segment and r.platform == "jd"
                                               and r.tier == "银卡")
        found = index.ids[index.mask(conn, text="老客")]
        assert sorted(found.tolist()) == sorted(r.id for r in expected if "老客" in r.tags)


@pytest.mark.parametrize("sort", ["spend_fen", "orders", "days_since_last", "to_next_tier", "points", "last_order",
                                  "rfm"])
def test_sorting_follows_the_values_with_unknown_last(db, sort):
    random_shop(db, 4)
    with db.session() as s:
        expected = reference_rows(s, TODAY)
        conn = s.connection()
        index = build_index(conn, TODAY)
        shown = index.rows(conn, index.order(conn, sort, False))

    def value(r: MemberRow):
        return (r.r, r.f, r.m) if sort == "rfm" and r.r is not None else None if sort == "rfm" else getattr(r, sort)

    got = [value(r) for r in shown]
    known = [v for v in got if v is not None]
    assert known == sorted(known) and got == known + [None] * (len(got) - len(known))
    assert len(shown) == len(expected)


def test_quintiles_over_arrays_match_the_definition():
    rnd = random.Random(7)
    for _ in range(20):
        values = [rnd.choice((1, 2, 2, 3, 5, 8, 8, 8, 40)) for _ in range(rnd.randrange(1, 60))]
        import numpy as np

        assert quintiles(np.array(values)).tolist() == quintile_scores(values)
        assert quintiles(np.array(values), lower_is_better=True).tolist() == quintile_scores(values, lower_is_better=True)
    assert SEGMENT_IDS[0] == "champions"


@pytest.mark.parametrize("seed, rule", [(5, "spend"), (6, "orders")])
def test_recompute_plans_the_moves_of_the_full_per_customer_rule(db, seed, rule):
    random_shop(db, seed, rule=rule)
    with db.session() as s:
        conn = s.connection()
        rules = load_rules(conn)
        everyone = plan_moves(rules, standings(conn, rules, TODAY), TODAY)
        assert everyone  # the shop has moves to make
        assert plan_today(conn, TODAY) == everyone
    apply_edit(db, RecomputeTiers(TODAY))
    with db.session() as s:  # after it, nothing is left to move, as the full rule also says
        conn = s.connection()
        assert plan_today(conn, TODAY) == [] == plan_moves(rules, standings(conn, rules, TODAY), TODAY)
    assert apply_edit(db, RecomputeTiers(TODAY)).empty


@pytest.mark.parametrize("seed, rule", [(7, "spend"), (8, "orders")])
def test_one_scan_finds_the_tier_candidates_and_the_customers_still_to_earn(db, seed, rule):
    from dateutil.relativedelta import relativedelta

    from core.member_scan import scan
    from core.points import _short_of_lines, load_rule
    from core.tiers import candidates

    random_shop(db, seed, rule=rule)
    for step in range(2):  # before any recompute (most to do), and after one (nothing left)
        with db.session() as s:
            conn = s.connection()
            found = scan(conn, TODAY)
            rules = load_rules(conn)
            since = (dt.datetime.combine(TODAY, dt.time()) - relativedelta(months=load_rule(conn).expiry_months)).date()
            assert found.standings == candidates(conn, rules, TODAY)
            assert found.short == sorted(_short_of_lines(conn, since, TODAY))
            assert bool(found.short) == (step == 0)
        apply_edit(db, RecomputeTiers(TODAY))
