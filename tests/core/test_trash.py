"""Delete with undo: gone, restored identically (same ids, same links), expired after 30 days."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from core import trash
from core.errors import UserFacingError
from core.models import (
    Goal,
    Order,
    OrderLine,
    Promotion,
    PromotionResult,
    Staff,
    Task,
    TaskTemplate,
    TrashItem,
)


def rows(db, model) -> list[dict]:
    """Every row of a table as plain dicts, for before/after comparisons."""
    table = model.__table__
    with db.session() as s:
        return sorted((dict(r._mapping) for r in s.execute(select(table))), key=lambda r: str(r))


def make_plan(db) -> dict:
    with db.transaction() as s:
        boss = Staff(name="王店长", role="店长", kpi={"metric": "gmv", "target_fen": 1_000_000})
        ops = Staff(name="小李", role="运营")
        promo = Promotion(
            name="双11", kind="festival", platforms=["taobao", "jd"], start=dt.date(2026, 11, 1),
            end=dt.date(2026, 11, 11), rules=[{"type": "满减", "threshold_fen": 30000, "off_fen": 3000}],
            scope={"categories": ["杯子"]}, budget_fen=500000, expected_uplift=0.3,
        )
        tpl = TaskTemplate(name="大促SOP", steps=[{"title": "备货", "offset_days": -20, "duration_days": 5, "role": "采购"}])
        s.add_all([boss, ops, promo, tpl])
        s.flush()
        s.add_all([
            PromotionResult(promotion_id=promo.id, measured_at=dt.datetime(2026, 11, 12, 9, 30), gmv_fen=8_800_000, orders=420),
            PromotionResult(promotion_id=promo.id, measured_at=dt.datetime(2026, 11, 13, 9, 30), gmv_fen=9_100_000, orders=431),
            Task(title="备货", owner_id=ops.id, promotion_id=promo.id, template_id=tpl.id, due=dt.date(2026, 10, 20),
                 checklist=[{"text": "下采购单", "done": True}]),
            Task(title="周会", owner_id=boss.id, recurrence="FREQ=WEEKLY;BYDAY=MO"),
        ])
        year = Goal(period_kind="year", period_start=dt.date(2026, 1, 1), period_end=dt.date(2026, 12, 31), target_gmv_fen=10**9)
        s.add(year)
        s.flush()
        half = Goal(period_kind="half", period_start=dt.date(2026, 7, 1), period_end=dt.date(2026, 12, 31),
                    target_gmv_fen=6 * 10**8, parent_id=year.id, split_method="seasonal")
        s.add(half)
        s.flush()
        s.add(Goal(period_kind="month", period_start=dt.date(2026, 11, 1), period_end=dt.date(2026, 11, 30),
                   target_gmv_fen=2 * 10**8, parent_id=half.id, target_conversion=0.031))
        return {"promo": promo.id, "ops": ops.id, "boss": boss.id, "tpl": tpl.id, "year": year.id}


def snapshot_all(db) -> dict:
    return {m.__name__: rows(db, m) for m in (Goal, Promotion, PromotionResult, Staff, Task, TaskTemplate)}


def test_deleting_a_promotion_removes_its_results_and_unlinks_tasks_then_restores_exactly(db):
    ids = make_plan(db)
    before = snapshot_all(db)
    with db.transaction() as s:
        item = trash.delete(s, s.get(Promotion, ids["promo"]), "promotion", "双11")
    with db.session() as s:
        assert s.get(Promotion, ids["promo"]) is None
        assert s.scalar(select(func.count()).select_from(PromotionResult)) == 0
        assert s.scalar(select(Task.promotion_id).where(Task.title == "备货")) is None
    [entry] = trash.list_trash(db)
    assert (entry.id, entry.kind, entry.title, entry.rows) == (item.id, "promotion", "双11", 3)
    assert entry.expires_at - entry.deleted_at == dt.timedelta(days=30)

    restored = trash.restore(db, item.id)
    assert restored.title == "双11"
    assert snapshot_all(db) == before  # same ids, JSON rules, dates and the task's link
    assert trash.list_trash(db) == []


def test_deleting_a_goal_takes_its_sub_goals_and_brings_them_back(db):
    ids = make_plan(db)
    before = rows(db, Goal)
    with db.transaction() as s:
        item = trash.delete(s, s.get(Goal, ids["year"]), "goal", "2026 全年目标")
    assert rows(db, Goal) == []
    trash.restore(db, item.id)
    assert rows(db, Goal) == before


@pytest.mark.parametrize("model,kind", [(Staff, "staff"), (TaskTemplate, "task_template"), (Task, "task")])
def test_every_plan_kind_round_trips(db, model, kind):
    make_plan(db)
    before = snapshot_all(db)
    with db.transaction() as s:
        objs = s.scalars(select(model)).all()
        item = trash.delete(s, objs, kind, f"{len(objs)} items")
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(model)) == 0
    if model is Staff:
        with db.session() as s:
            assert set(s.scalars(select(Task.owner_id))) == {None}
    trash.restore(db, item.id)
    assert snapshot_all(db) == before


def test_an_order_keeps_its_lines(db):
    with db.transaction() as s:
        order = Order(platform="taobao", order_no="3301", status="paid", paid_fen=5980, is_paid=True,
                      created_at=dt.datetime(2026, 11, 11, 0, 0, 5))
        order.lines = [OrderLine(sku_code="CUP-1", qty=2, unit_price_fen=2990, title="杯子")]
        s.add(order)
    before = rows(db, Order), rows(db, OrderLine)
    with db.transaction() as s:
        item = trash.delete(s, s.scalars(select(Order)).one(), "order", "3301")
    assert rows(db, OrderLine) == []
    trash.restore(db, item.id)
    assert (rows(db, Order), rows(db, OrderLine)) == before


def test_restore_never_overwrites_something_new_that_took_the_id(db):
    ids = make_plan(db)
    with db.transaction() as s:
        item = trash.delete(s, s.get(Promotion, ids["promo"]), "promotion", "双11")
    with db.transaction() as s:
        # SQLite hands out the freed id again by itself; a PostgreSQL sequence never does, but a
        # row copied in (team move-to) may carry it: either way the id is taken when 双11 comes back.
        newer = Promotion(id=ids["promo"], name="双12", start=dt.date(2026, 12, 1), end=dt.date(2026, 12, 12))
        s.add(newer)
        s.flush()
        assert newer.id == ids["promo"]
    trash.restore(db, item.id)
    with db.session() as s:
        promos = {p.name: p.id for p in s.scalars(select(Promotion))}
        assert promos["双12"] == ids["promo"]
        assert promos["双11"] != ids["promo"]
        # the results and the task link follow the restored promotion to its new id
        assert set(s.scalars(select(PromotionResult.promotion_id))) == {promos["双11"]}
        assert s.scalar(select(Task.promotion_id).where(Task.title == "备货")) == promos["双11"]


def test_restore_leaves_a_link_the_owner_changed_meanwhile(db):
    ids = make_plan(db)
    with db.transaction() as s:
        item = trash.delete(s, s.get(Staff, ids["ops"]), "staff", "小李")
    with db.transaction() as s:
        task = s.scalars(select(Task).where(Task.title == "备货")).one()
        task.owner_id = ids["boss"]  # reassigned while 小李 was deleted
    trash.restore(db, item.id)
    with db.session() as s:
        assert s.scalar(select(Task.owner_id).where(Task.title == "备货")) == ids["boss"]
        assert s.get(Staff, ids["ops"]).name == "小李"


def test_name_clash_is_a_clear_message_and_the_item_stays_in_the_trash(db):
    ids = make_plan(db)
    with db.transaction() as s:
        item = trash.delete(s, s.get(TaskTemplate, ids["tpl"]), "task_template", "大促SOP")
    with db.transaction() as s:
        s.add(TaskTemplate(name="大促SOP"))
    with pytest.raises(UserFacingError, match="same name"):
        trash.restore(db, item.id)
    assert [e.id for e in trash.list_trash(db)] == [item.id]


def test_undo_last_restores_the_most_recent_delete(db):
    ids = make_plan(db)
    with db.transaction() as s:
        trash.delete(s, s.get(Staff, ids["boss"]), "staff", "王店长")
    with db.transaction() as s:
        trash.delete(s, s.get(Promotion, ids["promo"]), "promotion", "双11")
    assert trash.undo_last(db).title == "双11"
    assert [e.title for e in trash.list_trash(db)] == ["王店长"]
    assert trash.undo_last(db).title == "王店长"
    assert trash.undo_last(db) is None


def test_a_failed_delete_leaves_everything_in_place(db):
    ids = make_plan(db)
    before = snapshot_all(db)
    with pytest.raises(RuntimeError):
        with db.transaction() as s:
            trash.delete(s, s.get(Promotion, ids["promo"]), "promotion", "双11")
            raise RuntimeError("power cut before commit")
    assert snapshot_all(db) == before
    assert trash.list_trash(db) == []


def test_items_expire_after_thirty_days(db):
    ids = make_plan(db)
    with db.transaction() as s:
        old = trash.delete(s, s.get(Staff, ids["boss"]), "staff", "王店长")
        old.deleted_at = dt.datetime.now() - dt.timedelta(days=31)
        trash.delete(s, s.get(Staff, ids["ops"]), "staff", "小李")
    assert trash.purge_expired(db) == 1
    assert [e.title for e in trash.list_trash(db)] == ["小李"]
    with pytest.raises(UserFacingError, match="no longer in the trash"):
        trash.restore(db, old.id)


def test_recorded_undo_of_a_bulk_change_is_redone_on_restore(db):
    """The shape an import undo uses: capture what will change, change it, restore re-applies."""
    with db.transaction() as s:
        s.add_all([Order(platform="jd", order_no=str(n), status="paid", paid_fen=n) for n in range(1, 6)])
    before = rows(db, Order)

    def capture(session, snap):
        snap.add(session, Order.__table__, Order.platform == "jd")

    def apply(session):
        session.query(Order).filter(Order.paid_fen > 3).delete()
        session.query(Order).update({Order.status: "closed"})

    with db.transaction() as s:
        item = trash.record_undo(s, "import_batch", "ExportOrderList.csv", capture, apply)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Order)) == 3
    trash.restore(db, item.id)
    assert rows(db, Order) == before
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(TrashItem)) == 0


def _table_rows(db, names=("orders", "order_lines", "customers", "import_batches", "import_undo", "skus")) -> dict:
    from sqlalchemy import text

    with db.engine.connect() as conn:
        return {n: sorted(map(tuple, conn.execute(text(f"SELECT * FROM {n}")))) for n in names}


def test_undoing_an_import_goes_to_the_trash_and_restoring_re_applies_it_exactly(db, tmp_path):
    from core.imports import import_file
    from tests.helpers.safety_data import taobao_rows, write_taobao_csv

    first = write_taobao_csv(tmp_path / "ExportOrderList1.csv", 30)
    import_file(db, first)
    # the second export repeats 10 orders with new amounts and adds 20 more
    rows = taobao_rows(30, start=20)
    for r in rows[:10]:
        r[8] = "1.00"
    import csv

    second = tmp_path / "ExportOrderList2.csv"
    with open(second, "w", encoding="gbk", newline="") as fh:
        w = csv.writer(fh)
        from tests.helpers.safety_data import TAOBAO_HEADERS

        w.writerow(TAOBAO_HEADERS)
        w.writerows(rows)
    before_second = _table_rows(db)
    result = import_file(db, second)
    after_second = _table_rows(db)

    entry = trash.undo_import(db, result.batch_id)
    assert entry.kind == "import_batch" and entry.title == "ExportOrderList2.csv"
    undone = _table_rows(db)
    assert undone["orders"] == before_second["orders"] and undone["order_lines"] == before_second["order_lines"]
    assert [e.kind for e in trash.list_trash(db)] == ["import_batch"]

    trash.restore(db, entry.id)
    restored = _table_rows(db)
    # Customers without orders left are removed by the undo and added again by the restore: the
    # same rows, under new ids on PostgreSQL (a sequence never hands an id out twice).
    assert sorted(r[1:] for r in restored.pop("customers")) == sorted(r[1:] for r in after_second.pop("customers"))
    assert restored == after_second
    assert trash.list_trash(db) == []


def test_an_import_undo_that_core_refuses_leaves_no_trash_item(db, tmp_path):
    from core.imports import import_file
    from tests.helpers.safety_data import write_taobao_csv

    first = import_file(db, write_taobao_csv(tmp_path / "a.csv", 5))
    later = tmp_path / "b.csv"
    later.write_bytes((tmp_path / "a.csv").read_bytes().replace("交易关闭".encode("gbk"), "交易成功".encode("gbk")))
    assert import_file(db, later).orders_updated > 0  # a later export changed the same orders
    before = _table_rows(db)
    with pytest.raises(UserFacingError, match="later imports"):
        trash.undo_import(db, first.batch_id)
    assert trash.list_trash(db) == []
    assert _table_rows(db) == before
