"""Member points (core.points, core.edits.members): earning with tier multipliers, FIFO expiry
across the boundary day, manual adjustments and their undo, and the ledger = balance check."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import insert, select, update

from core.edits import FieldError, apply_edit, undo_change
from core.edits.members import AdjustPoints, RecomputeTiers, SetTierRules, TierSpec
from core.models import Customer, Order, PointsEntry
from core.points import Line, earned_points, expiry_of, fifo, ledger_mismatches, ledger_rows

TODAY = dt.date(2026, 11, 20)
SPECS = (TierSpec("普通", 0, 0, multiplier=100), TierSpec("银卡", 50_000, 30_000, multiplier=150),
         TierSpec("金卡", 200_000, 120_000, multiplier=200), TierSpec("黑卡", 500_000, 300_000, multiplier=300))


def test_earned_points_are_whole_yuan_times_the_rate_times_the_multiplier():
    assert earned_points(12_345, 1, 100) == 123  # ¥123.45 → 123
    assert earned_points(12_345, 1, 150) == 185  # 185.175
    assert earned_points(12_345, 2, 120) == 296  # 296.28
    assert earned_points(99, 1, 200) == 1 and earned_points(-500, 1, 100) == 0


def _order(s, no: str, buyer: str, fen: int, day: dt.date, refund: int = 0) -> None:
    s.execute(insert(Order).values(platform="taobao", order_no=no, buyer_key=buyer, status="completed", paid_fen=fen,
                                   refund_fen=refund, is_paid=True, pay_date=day,
                                   created_at=dt.datetime.combine(day, dt.time(10))))


@pytest.fixture
def shop(db):
    """Two buyers: 小王 reaches 银卡 (×1.5), 小李 stays 普通 (×1); one old order has lapsed."""
    with db.transaction() as s:
        _order(s, "A1", "小王", 40_000, TODAY - dt.timedelta(days=40))
        _order(s, "A2", "小王", 20_050, TODAY - dt.timedelta(days=10), refund=50)
        _order(s, "B1", "小李", 10_000, TODAY - dt.timedelta(days=5))
        _order(s, "B0", "小李", 90_000, dt.date(2025, 11, 20))  # exactly 12 months ago: already lapsed
        for key, fen in (("小王", 60_000), ("小李", 100_000)):
            s.execute(insert(Customer).values(platform="taobao", buyer_key=key, name=key, orders_count=2, spend_fen=fen,
                                              last_order_at=dt.datetime.combine(TODAY, dt.time())))
    apply_edit(db, SetTierRules("spend", 365, 365, SPECS, points_per_yuan=1, points_expiry_months=12))
    return db


def _points(db) -> dict[str, int]:
    with db.session() as s:
        return dict(s.execute(select(Customer.buyer_key, Customer.points)).all())


def test_recompute_earns_with_the_tier_multiplier_once_and_undo_takes_it_back(shop):
    change = apply_edit(shop, RecomputeTiers(TODAY))
    # 小王: 600 yuan in the window → 银卡 ×1.5: (400 + 200) × 1.5 = 900; 小李 普通 ×1: 100 (B0 lapsed already).
    assert _points(shop) == {"小王": 900, "小李": 100}
    with shop.session() as s:
        assert sorted(s.scalars(select(PointsEntry.order_no))) == ["A1", "A2", "B1"]
        assert ledger_mismatches(s.connection()) == (0, [])
    assert apply_edit(shop, RecomputeTiers(TODAY)).empty  # recomputing again never earns twice
    undo_change(shop, change)
    assert _points(shop) == {"小王": 0, "小李": 0}
    with shop.session() as s:
        assert s.scalar(select(PointsEntry.id)) is None


def test_fifo_expiry_across_the_boundary_day():
    earned = dt.date(2025, 11, 20)
    lines = [Line(dt.datetime(2025, 11, 20, 12), 100, "earn", expiry_of(earned, 12), 1),
             Line(dt.datetime(2026, 3, 1, 12), 50, "earn", expiry_of(dt.date(2026, 3, 1), 12), 2),
             Line(dt.datetime(2026, 5, 1, 9), -120, "adjust", None, 3)]  # takes the 100 first, then 20 of the 50
    assert expiry_of(earned, 12) == dt.datetime(2026, 11, 20)
    assert expiry_of(dt.date(2026, 1, 31), 1) == dt.datetime(2026, 2, 28)
    before = fifo(lines, dt.date(2027, 2, 28))  # the day before the 50-lot lapses
    assert (before.available, before.due) == (30, {})
    on = fifo(lines, dt.date(2027, 3, 1))  # its expiry day: the 30 left lapse
    assert (on.available, on.due) == (0, {dt.datetime(2027, 3, 1): 30})
    # Without the deduction the oldest lot lapses alone on its boundary day, the newer one stays.
    plain = fifo(lines[:2], dt.date(2026, 11, 20))
    assert (plain.available, plain.due) == (50, {dt.datetime(2026, 11, 20): 100})
    assert fifo(lines[:2], dt.date(2026, 11, 19)).due == {}


def test_expiry_is_written_once_on_the_boundary_day(shop):
    apply_edit(shop, RecomputeTiers(TODAY))
    lapse_day = dt.date(2027, 10, 11)  # A1 (paid 2026-10-11) lapses at the start of this day
    assert apply_edit(shop, RecomputeTiers(lapse_day - dt.timedelta(days=1))).empty
    apply_edit(shop, RecomputeTiers(lapse_day))
    assert _points(shop)["小王"] == 300  # 600 of A1 lapsed, A2's 300 left
    with shop.session() as s:
        rows = ledger_rows(s.connection(), s.scalar(select(Customer.id).where(Customer.buyer_key == "小王")))
    assert [(r.kind, r.delta, r.balance) for r in rows] == [("earn", 600, 600), ("earn", 300, 900), ("expire", -600, 300)]
    assert apply_edit(shop, RecomputeTiers(lapse_day)).empty


def test_a_manual_adjustment_takes_the_oldest_points_first_and_undo_restores_it(shop):
    apply_edit(shop, RecomputeTiers(TODAY))
    with shop.session() as s:
        wang = s.scalar(select(Customer.id).where(Customer.buyer_key == "小王"))
    change = apply_edit(shop, AdjustPoints(wang, -700, "积分兑换：汝窑主人杯", TODAY))
    assert change.label == "Adjust points of 小王 (-700)"
    assert _points(shop)["小王"] == 200
    # The 600 of A1 and 100 of A2 were taken: on A1's expiry day nothing lapses, 200 stay until A2's.
    with shop.session() as s:
        from core.points import read_lines

        replay = fifo(read_lines(s.connection(), [wang])[wang], dt.date(2027, 10, 11))
    assert (replay.available, replay.due) == (200, {})
    undo_change(shop, change)
    assert _points(shop)["小王"] == 900
    with shop.session() as s:
        assert s.scalar(select(PointsEntry.id).where(PointsEntry.kind == "adjust")) is None


@pytest.mark.parametrize("delta, reason, field", [(0, "x", "delta"), (-901, "兑换", "delta"), (50, "  ", "reason"),
                                                  (50, "x" * 201, "reason")])
def test_bad_adjustments_are_refused_naming_the_field(shop, delta, reason, field):
    apply_edit(shop, RecomputeTiers(TODAY))
    with shop.session() as s:
        wang = s.scalar(select(Customer.id).where(Customer.buyer_key == "小王"))
    with pytest.raises(FieldError) as err:
        apply_edit(shop, AdjustPoints(wang, delta, reason, TODAY))
    assert err.value.field == field
    assert _points(shop)["小王"] == 900


def test_the_ledger_check_fails_when_a_balance_is_changed_behind_its_back(shop):
    apply_edit(shop, RecomputeTiers(TODAY))
    with shop.transaction() as s:
        s.execute(update(Customer).where(Customer.buyer_key == "小李").values(points=150))
    with shop.session() as s:
        count, rows = ledger_mismatches(s.connection())
    assert count == 1 and (rows[0].name, rows[0].points, rows[0].ledger) == ("小李", 150, 100)
    apply_edit(shop, RecomputeTiers(TODAY))  # a recompute brings the balance back to its ledger
    with shop.session() as s:
        assert ledger_mismatches(s.connection())[0] == 0


def test_points_rule_fields_are_validated(db):
    with pytest.raises(FieldError) as err:
        apply_edit(db, SetTierRules("spend", 365, 365, SPECS, points_expiry_months=0))
    assert err.value.field == "points_expiry_months"
    bad = (SPECS[0], TierSpec("银卡", 50_000, 30_000, multiplier=1001), *SPECS[2:])
    with pytest.raises(FieldError) as err:
        apply_edit(db, SetTierRules("spend", 365, 365, bad))
    assert err.value.field == "multiplier_1"


def test_imports_earn_points_once_and_undoing_the_import_takes_them_back(db, tmp_path):
    from core.imports import import_file, undo_batch
    from tests.helpers import exports as X

    apply_edit(db, SetTierRules("spend", 365, 365, SPECS))
    day = dt.date.today() - dt.timedelta(days=3)
    rows = [X.taobao_order_row(str(700 + i), buyer=b, paid=p, status="交易成功", created=f"{day:%Y/%m/%d} 10:00",
                               paid_at=f"{day:%Y/%m/%d} 10:01")
            for i, (b, p) in enumerate((("甲", "120.50"), ("甲", "80.00"), ("乙", "33.00")))]
    first = import_file(db, X.taobao_orders_csv(tmp_path / "a.csv", rows))
    assert _points(db) == {"甲": 200, "乙": 33}  # 120 + 80 at ×1 (甲's 200.50 is below 银卡)
    second = import_file(db, X.taobao_orders_csv(tmp_path / "b.csv", rows))  # the same orders again
    assert _points(db) == {"甲": 200, "乙": 33}
    with db.session() as s:
        assert s.scalar(select(PointsEntry.id).where(PointsEntry.order_no == "700")) is not None
        assert len(s.scalars(select(PointsEntry.id)).all()) == 3
        assert ledger_mismatches(s.connection())[0] == 0
    undo_batch(db, second.batch_id)
    undo_batch(db, first.batch_id)
    with db.session() as s:
        assert s.scalar(select(PointsEntry.id)) is None and ledger_mismatches(s.connection())[0] == 0


def test_a_member_exports_points_become_an_opening_line_once(db, tmp_path):
    from core.imports import import_file
    from tests.helpers import exports as X

    row = {"客户昵称": "小王", "客户姓名": "王*", "客户手机号": "138****1234", "消费次数": "9", "消费金额": "900.00",
           "标签": "老客", "客户积分": "50"}
    import_file(db, X.youzan_customers_csv(tmp_path / "c.csv", [row]))
    assert _points(db) == {"小王": 50}
    with db.session() as s:
        lines = s.execute(select(PointsEntry.kind, PointsEntry.delta)).all()
        assert [tuple(x) for x in lines] == [("opening", 50)] and ledger_mismatches(s.connection())[0] == 0
    import_file(db, X.youzan_customers_csv(tmp_path / "d.csv", [dict(row, 客户积分="80")]))  # a later export
    with db.session() as s:  # the ledger rules from then on: the balance stays its sum, no second opening
        assert len(s.scalars(select(PointsEntry.id)).all()) == 1 and ledger_mismatches(s.connection())[0] == 0
    assert _points(db) == {"小王": 50}
