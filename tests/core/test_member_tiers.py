"""Tier rules (core.tiers, core.edits.members): thresholds, 保级 at the validity's end, the log, undo."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import insert, select

from core.edits import FieldError, apply_edit, undo_change
from core.edits.members import RecomputeTiers, SetTierRules, TierSpec
from core.members import member_rows, tier_log_rows
from core.models import Customer, Order, Tier, TierChange
from core.tiers import Standing, TierRule, plan_moves

TODAY = dt.date(2026, 11, 20)
RULES = [
    TierRule(1, "普通", 0, "spend", 0, 0, 365, 365, ""),
    TierRule(2, "银卡", 1, "spend", 50_000, 30_000, 365, 365, ""),
    TierRule(3, "金卡", 2, "spend", 200_000, 120_000, 365, 365, ""),
    TierRule(4, "黑卡", 3, "spend", 500_000, 300_000, 365, 365, ""),
]


def _move(tier: int | None, since: dt.date | None, measure: int):
    moves = plan_moves(RULES, [Standing(9, tier, since, measure)], TODAY)
    return (moves[0].reason, moves[0].to_name) if moves else None


@pytest.mark.parametrize("measure, expected", [
    (49_999, ("assign", "普通")), (50_000, ("assign", "银卡")), (199_999, ("assign", "银卡")),
    (200_000, ("assign", "金卡")), (500_000, ("assign", "黑卡")),
])
def test_a_customer_without_a_tier_gets_the_one_the_spend_reaches(measure, expected):
    assert _move(None, None, measure) == expected


def test_upgrades_happen_at_once_even_inside_the_validity():
    recent = TODAY - dt.timedelta(days=10)
    assert _move(2, recent, 199_999) is None  # 1 fen short of 金卡
    assert _move(2, recent, 200_000) == ("upgrade", "金卡")
    assert _move(1, recent, 600_000) == ("upgrade", "黑卡")  # straight past two tiers


def test_below_retention_changes_nothing_until_the_validity_ends():
    since = TODAY - dt.timedelta(days=364)  # validity ends tomorrow
    assert _move(3, since, 0) is None


def test_at_the_validity_end_just_above_retention_keeps_and_just_below_drops_one_tier():
    since = TODAY - dt.timedelta(days=365)  # validity ends today
    assert _move(3, since, 120_000) == ("renew", "金卡")  # exactly 保级: kept for a new period
    assert _move(3, since, 119_999) == ("downgrade", "银卡")
    assert _move(4, since, 0) == ("downgrade", "金卡")  # one tier at a time, whatever the spend


def test_the_lowest_tier_is_never_renewed_or_logged():
    assert _move(1, TODAY - dt.timedelta(days=900), 0) is None


@pytest.fixture
def shop(db):
    """Three Taobao buyers with paid orders inside the last year, tiers from the rule editor."""
    with db.transaction() as s:
        for i, (key, fen) in enumerate((("小额", 10_000), ("银卡边", 50_000), ("金卡边", 199_999))):
            s.execute(insert(Order).values(platform="taobao", order_no=str(i), buyer_key=key, status="completed",
                                           paid_fen=fen, is_paid=True, pay_date=TODAY - dt.timedelta(days=30),
                                           created_at=dt.datetime(2026, 10, 21, 10)))
            s.execute(insert(Customer).values(platform="taobao", buyer_key=key, name=key, orders_count=1, spend_fen=fen,
                                              last_order_at=dt.datetime(2026, 10, 21, 10)))
    apply_edit(db, SetTierRules("spend", 365, 365, tuple(TierSpec(r.name, r.threshold, r.retention) for r in RULES)))
    return db


def _tiers(db) -> dict[str, str | None]:
    with db.session() as s:
        names = dict(s.execute(select(Tier.id, Tier.name)).all())
        return {k: names.get(t) for k, t in s.execute(select(Customer.buyer_key, Customer.tier_id))}


def test_recompute_is_one_logged_edit_and_one_undo_takes_it_back(shop):
    change = apply_edit(shop, RecomputeTiers(TODAY))
    assert _tiers(shop) == {"小额": "普通", "银卡边": "银卡", "金卡边": "银卡"}
    with shop.session() as s:
        log = tier_log_rows(s)
        rows = {r.buyer_key: r for r in member_rows(s, TODAY)}
    assert len(log) == 3 and {(r.customer, r.to_tier) for r in log} == {("小额", "普通"), ("银卡边", "银卡"), ("金卡边", "银卡")}
    assert "¥500.00" in next(r.why for r in log if r.customer == "银卡边")
    assert (rows["金卡边"].next_tier, rows["金卡边"].to_next_tier) == ("金卡", 1)
    assert "near_tier" in rows["金卡边"].lists and "near_tier" not in rows["小额"].lists
    undo_change(shop, change)
    assert set(_tiers(shop).values()) == {None}
    with shop.session() as s:
        assert s.scalar(select(TierChange.id)) is None
    assert apply_edit(shop, RecomputeTiers(TODAY)).label == \
        "Recompute tiers and points (3 moved, 2,599 points earned, 0 expired)"
    assert apply_edit(shop, RecomputeTiers(TODAY)).empty  # nothing more to do on the same day


@pytest.mark.parametrize("index, threshold, retention, field", [
    (2, 50_000, 40_000, "threshold_2"),  # 金卡 not above 银卡
    (3, 150_000, 100_000, "threshold_3"),  # 黑卡 below 金卡
    (1, 50_000, 50_001, "retention_1"),  # 保级 above the upgrade line
])
def test_rules_that_do_not_increase_or_retain_above_upgrade_are_refused_naming_the_field(db, index, threshold, retention, field):
    specs = [TierSpec(r.name, r.threshold, r.retention) for r in RULES]
    specs[index] = TierSpec(specs[index].name, threshold, retention)
    with pytest.raises(FieldError) as err:
        apply_edit(db, SetTierRules("spend", 365, 365, tuple(specs)))
    assert err.value.field == field
    with db.session() as s:
        assert s.scalar(select(Tier.id)) is None  # nothing written


def test_editing_the_rules_is_one_change_that_undo_restores(shop):
    with shop.session() as s:
        before = [tuple(r) for r in s.execute(select(Tier.__table__).order_by(Tier.rank))]
    specs = [TierSpec(r.name, r.threshold * 2, r.retention, "包邮") for r in RULES]
    change = apply_edit(shop, SetTierRules("spend", 180, 90, tuple(specs)))
    with shop.session() as s:
        assert [t.threshold for t in s.scalars(select(Tier).order_by(Tier.rank))] == [0, 100_000, 400_000, 1_000_000]
    undo_change(shop, change)
    with shop.session() as s:
        assert [tuple(r) for r in s.execute(select(Tier.__table__).order_by(Tier.rank))] == before


def test_saving_the_rules_gives_the_members_their_tiers_at_once_and_one_undo_takes_both_back(shop):
    """The window's form passes today: members get their tiers (and points) in the rules' own change,
    logged as caused by the rules; undoing it brings back the old rules and the empty tiers together."""
    with shop.session() as s:
        before = [tuple(r) for r in s.execute(select(Tier.__table__).order_by(Tier.rank))]
    specs = [TierSpec(r.name, r.threshold // 2, r.retention // 2) for r in RULES]  # 银卡 at ¥250, 金卡 at ¥1,000
    change = apply_edit(shop, SetTierRules("spend", 365, 365, tuple(specs), today=TODAY))
    assert _tiers(shop) == {"小额": "普通", "银卡边": "银卡", "金卡边": "金卡"}
    assert change.label == "Edit tier rules (3 members moved, 2,599 points earned, 0 expired)"
    with shop.session() as s:
        assert {r.by for r in tier_log_rows(s)} == {"Tier rules"}
    undo_change(shop, change)
    assert set(_tiers(shop).values()) == {None}
    with shop.session() as s:
        assert [tuple(r) for r in s.execute(select(Tier.__table__).order_by(Tier.rank))] == before
        assert s.scalar(select(TierChange.id)) is None
