"""The one editing path, without Qt: validation, exact undo/redo, refusals, deletes via the trash."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import select

from core.edits import Batch, FieldError, History, UndoRefused, apply_edit
from core.edits.goals import AddGoal, DeleteGoals, SetGoalFields, period_end
from core.edits.stock import SetSkuFields
from core.models import Goal, Sku, StockLevel, TrashItem
from core.trash import list_trash


@pytest.fixture
def shop(db):
    with db.transaction() as s:
        s.add_all([
            Sku(code="TEA-001", title="西湖龙井 250g", cost_fen=4500, lead_time_days=7, order_multiple=1, supplier="杭州茶厂"),
            Sku(code="TEA-002", title="普洱 357g", cost_fen=9000),
            StockLevel(sku_code="TEA-001", on_hand=40, in_transit=0, as_of=dt.datetime(2026, 11, 1, 9, 0)),
        ])
        s.add(Goal(period_kind="month", period_start=dt.date(2026, 11, 1), period_end=dt.date(2026, 11, 30),
                   target_gmv_fen=12_000_000))
        s.add(Goal(period_kind="year", period_start=dt.date(2026, 1, 1), period_end=dt.date(2026, 12, 31),
                   platform="taobao", target_gmv_fen=300_000_000))
    return db


def rows(db, model, *order):
    with db.session() as s:
        return [{c.name: getattr(o, c.name) for c in model.__table__.columns}
                for o in s.scalars(select(model).order_by(*order))]


def stock(db, code):
    with db.session() as s:
        level = s.get(StockLevel, code)
        return None if level is None else (level.on_hand, level.in_transit)


def test_an_edit_writes_and_undo_redo_restore_the_rows_exactly(shop):
    before_skus, before_stock = rows(shop, Sku, Sku.code), rows(shop, StockLevel, StockLevel.sku_code)
    history = History()
    change = history.apply(shop, SetSkuFields.of("TEA-001", on_hand=12, lead_time_days=10, supplier="新供应商",
                                                  order_multiple=6))
    assert stock(shop, "TEA-001") == (12, 0)
    with shop.session() as s:
        sku = s.get(Sku, "TEA-001")
        assert (sku.lead_time_days, sku.supplier, sku.order_multiple) == (10, "新供应商", 6)
    assert change.label == "Edit TEA-001" and change.topics == {"skus", "stock"}
    after_skus, after_stock = rows(shop, Sku, Sku.code), rows(shop, StockLevel, StockLevel.sku_code)

    assert history.undo(shop).label == "Edit TEA-001"
    assert rows(shop, Sku, Sku.code) == before_skus and rows(shop, StockLevel, StockLevel.sku_code) == before_stock
    assert history.redo(shop) is not None
    assert rows(shop, Sku, Sku.code) == after_skus and rows(shop, StockLevel, StockLevel.sku_code) == after_stock


def test_a_sku_without_a_stock_row_gets_one_and_undo_removes_it(shop):
    history = History()
    history.apply(shop, SetSkuFields.of("TEA-002", in_transit=24))
    assert stock(shop, "TEA-002") == (0, 24)
    history.undo(shop)
    assert stock(shop, "TEA-002") is None


@pytest.mark.parametrize("values, field, words", [
    ({"on_hand": -3}, "on_hand", "between 0"),
    ({"lead_time_days": 400}, "lead_time_days", "between 0 and 365"),
    ({"order_multiple": 0}, "order_multiple", "between 1"),
    ({"cost_fen": -100}, "cost_fen", "below ¥0"),
    ({"supplier": "x" * 201}, "supplier", "at most 200"),
    ({"in_transit": 2.5}, "in_transit", "whole number"),
])
def test_invalid_stock_values_are_refused_naming_the_field_and_nothing_is_written(shop, values, field, words):
    before = rows(shop, Sku, Sku.code), rows(shop, StockLevel, StockLevel.sku_code)
    with pytest.raises(FieldError) as err:
        apply_edit(shop, SetSkuFields.of("TEA-001", on_hand=99, **values) if field != "on_hand"
                   else SetSkuFields.of("TEA-001", **values))
    assert err.value.field == field and err.value.row == "TEA-001" and words in err.value.message
    assert (rows(shop, Sku, Sku.code), rows(shop, StockLevel, StockLevel.sku_code)) == before


def test_a_pasted_block_is_one_change_validated_all_or_nothing(shop):
    history = History()
    good = Batch((SetSkuFields.of("TEA-001", on_hand=5), SetSkuFields.of("TEA-002", on_hand=7)), cells=2)
    assert history.apply(shop, good).label == "Paste 2 cells"
    assert (stock(shop, "TEA-001"), stock(shop, "TEA-002")) == ((5, 0), (7, 0))
    bad = Batch((SetSkuFields.of("TEA-001", on_hand=1), SetSkuFields.of("TEA-002", lead_time_days=-1)), cells=2)
    with pytest.raises(FieldError):
        history.apply(shop, bad)
    assert (stock(shop, "TEA-001"), stock(shop, "TEA-002")) == ((5, 0), (7, 0))  # the good half is not written
    assert history.undo_label() == "Paste 2 cells"
    history.undo(shop)
    assert (stock(shop, "TEA-001"), stock(shop, "TEA-002")) == ((40, 0), None)


def test_undo_is_refused_naming_the_row_when_something_newer_changed_it(shop):
    history = History()
    history.apply(shop, SetSkuFields.of("TEA-001", on_hand=12))
    with shop.transaction() as s:  # e.g. a stock import or another window
        s.get(StockLevel, "TEA-001").on_hand = 30
    with pytest.raises(UndoRefused) as err:
        history.undo(shop)
    assert "Stock of TEA-001" in err.value.message and "Edit On hand of TEA-001" in err.value.message
    assert stock(shop, "TEA-001") == (30, 0)  # nothing written
    assert history.undo_label() == "Edit On hand of TEA-001"  # still there to try again


def test_a_new_edit_clears_redo_and_an_unchanged_value_is_no_change(shop):
    history = History()
    history.apply(shop, SetSkuFields.of("TEA-001", on_hand=12))
    history.undo(shop)
    assert history.redo_label() == "Edit On hand of TEA-001"
    history.apply(shop, SetSkuFields.of("TEA-001", on_hand=40))  # the value it already has
    assert history.redo_label() == "Edit On hand of TEA-001" and len(history) == 0
    history.apply(shop, SetSkuFields.of("TEA-001", in_transit=3))
    assert history.redo_label() is None and history.undo_label() == "Edit In transit of TEA-001"


def test_goal_target_edit_is_labelled_with_its_period_in_the_ui_language(shop):
    from core import i18n

    with shop.session() as s:
        month_id = s.scalar(select(Goal.id).where(Goal.period_kind == "month"))
        year_id = s.scalar(select(Goal.id).where(Goal.period_kind == "year"))
    history = History()
    assert history.apply(shop, SetGoalFields.of(month_id, target_gmv_fen=15_000_000)).label == "Edit 2026-11 goal"
    i18n.set_language("zh_CN")
    try:
        change = history.apply(shop, SetGoalFields.of(year_id, target_gmv_fen=350_000_000))
        assert change.label == "修改 2026年 目标（淘宝/天猫）"
        assert history.apply(shop, SetGoalFields.of(month_id, target_gmv_fen=1)).label == "修改 2026年11月 目标"
    finally:
        i18n.set_language("en")
    with pytest.raises(FieldError) as err:
        history.apply(shop, SetGoalFields.of(month_id, target_gmv_fen=-5))
    assert err.value.field == "target_gmv_fen"
    history.undo(shop)
    history.undo(shop)
    history.undo(shop)
    with shop.session() as s:
        assert [g.target_gmv_fen for g in s.scalars(select(Goal).order_by(Goal.id))] == [12_000_000, 300_000_000]


def test_deleting_goals_goes_through_the_trash_and_undo_restores_them(shop):
    before = rows(shop, Goal, Goal.id)
    history = History()
    change = history.apply(shop, DeleteGoals(tuple(g["id"] for g in before)))
    assert rows(shop, Goal, Goal.id) == []
    assert [e.kind for e in list_trash(shop)] == ["goal"] and change.label == "Delete 2 goals"
    history.undo(shop)
    assert rows(shop, Goal, Goal.id) == before and list_trash(shop) == []
    history.redo(shop)  # deleted again, into a new trash item
    assert rows(shop, Goal, Goal.id) == [] and len(list_trash(shop)) == 1
    with shop.transaction() as s:  # deleted for good meanwhile from Edit → Trash…
        s.execute(TrashItem.__table__.delete())
    with pytest.raises(Exception) as err:
        history.undo(shop)
    assert "no longer in the trash" in str(err.value)


def test_adding_a_goal_refuses_a_duplicate_and_misaligned_periods(shop):
    history = History()
    change = history.apply(shop, AddGoal("month", dt.date(2026, 12, 1), period_end("month", dt.date(2026, 12, 1)),
                                         20_000_000, "douyin"))
    assert change.label == "Add 2026-12 goal (Douyin)"
    assert any(g["period_start"] == dt.date(2026, 12, 1) and g["period_end"] == dt.date(2026, 12, 31)
               for g in rows(shop, Goal, Goal.id))
    with pytest.raises(FieldError, match="exists already"):
        apply_edit(shop, AddGoal("month", dt.date(2026, 12, 1), dt.date(2026, 12, 31), 1, "douyin"))
    with pytest.raises(FieldError) as err:
        period_end("quarter", dt.date(2026, 2, 1))
    assert err.value.field == "period_start"
    assert period_end("half", dt.date(2026, 7, 1)) == dt.date(2026, 12, 31)
    assert period_end("quarter", dt.date(2026, 10, 1)) == dt.date(2026, 12, 31)
    history.undo(shop)
    assert not any(g["period_start"] == dt.date(2026, 12, 1) for g in rows(shop, Goal, Goal.id))


@dataclasses.dataclass(frozen=True)
class _TagMany:
    """Tags many customers in one change, the way a tier recompute moves thousands."""

    ids: tuple[int, ...]
    tag: str
    label: str = "Tag many"
    topics: frozenset = frozenset({"customers"})

    def apply(self, session, rec) -> str:
        from core.models import Customer

        rec.prefetch(Customer, self.ids)
        for cid in self.ids:
            rec.update(Customer, cid, {"tags": self.tag})
        return self.label


def test_a_change_of_over_a_thousand_rows_is_recorded_stamped_and_undone_row_by_row(db):
    # Rows are read and stamped a few hundred at a time: every one of 1,201 rows (past two
    # chunks, some stamped by an earlier change, some never) must still be in the change, carry
    # its new version and go back on undo.
    from sqlalchemy import insert, select

    from core.edits import undo_change
    from core.models import Customer, RowVersion

    with db.transaction() as s:
        s.execute(insert(Customer), [{"platform": "taobao", "buyer_key": f"b{i:04d}", "tags": "old"}
                                     for i in range(1201)])
        ids = tuple(s.scalars(select(Customer.id).order_by(Customer.id)))
    first = apply_edit(db, _TagMany(ids[::3], "early"))
    change = apply_edit(db, _TagMany(ids, "vip"))
    assert len(change.rows) == 1201 and change.version > first.version
    with db.session() as s:
        assert set(s.scalars(select(Customer.tags))) == {"vip"}
        stamped = dict(s.execute(select(RowVersion.row_key, RowVersion.version)
                                 .where(RowVersion.table_name == "customers")).all())
    assert len(stamped) == 1201 and set(stamped.values()) == {change.version}
    undo_change(db, change)
    with db.session() as s:
        tags = list(s.scalars(select(Customer.tags).order_by(Customer.id)))
    assert tags == ["early" if i % 3 == 0 else "old" for i in range(1201)]
