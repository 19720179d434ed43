"""The Goals grid (core.goal_grid, SetGoalGrid, SetGoalLocks): re-balancing exact to the fen,
locked months respected, the keep mode's difference, refusals that write nothing, exact undo."""
from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from sqlalchemy import select

from core.edits import FieldError, History
from core.edits.goals import PlanGoals, SetGoalGrid, SetGoalLocks
from core.goal_grid import SplitError, grid_rows, load_grid, rebalance
from core.goal_split import History as SalesHistory, MonthHistory, PlanRequest, make_plan, plan_months
from core.models import Goal

d = dt.date
YEAR_FEN = 1_000_000_07  # ¥1,000,000.07: odd fen everywhere
SEASON = [3, 2, 4, 4, 5, 9, 4, 4, 5, 6, 12, 8]  # 618 and 双11 peaks


def plan_year(db, target=YEAR_FEN):
    months = plan_months("year", d(2027, 1, 1))
    history = SalesHistory(tuple(
        MonthHistory(a.replace(year=2026), (b - a).days + 1, (b - a).days + 1, w * 10_000_00,
                     channels=(("taobao", w * 6), ("pdd", w * 3), ("douyin", w)),
                     categories=(("女装", 7), ("配饰", 3)))
        for (a, b), w in zip(months, SEASON, strict=True)), platforms=("taobao", "pdd", "douyin"),
        categories=("女装", "配饰"))
    plan = make_plan(PlanRequest("year", d(2027, 1, 1), target, category_method="seasonal"), history)
    History().apply(db, PlanGoals(plan))


def snapshot(db):
    with db.session() as s:
        return sorted((g.id, g.period_start, g.platform, g.category, g.target_gmv_fen, g.locked)
                      for g in s.scalars(select(Goal)))


def grid(db, breakdown="total"):
    with db.session() as s:
        return load_grid(s, 2027, breakdown)


def test_rebalance_shares_what_is_left_by_the_old_amounts_exact_to_the_fen_and_keeps_locked_months():
    current = [100] * 12
    locked = [False, True] + [False] * 10
    new = rebalance(current, locked, {0: 300}, 1200, name="Total")
    assert new[0] == 300 and new[1] == 100  # typed and locked stay
    assert sum(new) == 1200
    # 800 over ten equal months: 80 each, no remainder; with 801 the odd fen goes to the earliest
    assert new[2:] == [80] * 10
    odd = rebalance(current, locked, {0: 299}, 1200, name="Total")
    assert odd[2:] == [81] + [80] * 9 and sum(odd) == 1200
    # by the old shares: a month that had three times as much gets three times as much
    shaped = rebalance([100, 300, 0] + [0] * 9, [False] * 12, {11: 0}, 800, name="Total")
    assert shaped[:3] == [200, 600, 0] and sum(shaped) == 800


def test_rebalance_refuses_what_cannot_hold_and_a_whole_year_typed_sets_the_year():
    with pytest.raises(SplitError, match="Taobao: the typed and locked months total ¥13.00, more than the year.s ¥12.00"):
        rebalance([100] * 12, [False, True] + [False] * 10, {0: 1200}, 1200, name="Taobao")
    with pytest.raises(SplitError, match="every other month is locked"):
        rebalance([100] * 12, [True] * 12, {0: 50}, 1200, name="Taobao")
    assert rebalance([100] * 12, [True] * 12, {m: 7 for m in range(12)}, 1200, name="x") == [7] * 12
    # a year without any month target yet: nothing to hold, the typed month is set
    assert rebalance([None] * 12, [False] * 12, {2: 500}, 0, name="x") == [None, None, 500] + [None] * 9


def test_the_plan_is_exact_over_months_channels_and_categories_and_subtotal_rows_sum_their_months(db):
    plan_year(db)
    total = grid(db)
    assert total.annual_target == YEAR_FEN == total.total() and total.difference() == 0
    months = total.column_values(0)
    for breakdown in ("channel", "category"):
        g = grid(db, breakdown)
        assert g.total() == YEAR_FEN
        for m in range(12):  # each month's channels (categories) add up to the month to the fen
            assert sum(c.fen for c in g.cells[m]) == months[m]
    channels = grid(db, "channel")
    assert [c[0] for c in channels.columns] == ["taobao", "pdd", "douyin"]
    rows = grid_rows(channels)
    assert [r.key for r in rows][:5] == ["1", "2", "3", "Q1", "4"] and rows[-1].key == "Y"
    q1 = next(r for r in rows if r.key == "Q1")
    assert q1.values == tuple(sum(channels.cells[m][c].fen for m in range(3)) for c in range(3))
    h2 = next(r for r in rows if r.key == "H2")
    assert h2.total == sum(months[6:])
    assert rows[-1].total == YEAR_FEN


def test_typing_a_month_rebalances_the_unlocked_months_locks_it_and_undo_redo_are_exact(db):
    plan_year(db)
    before = snapshot(db)
    history = History()
    old = grid(db).column_values(0)
    change = history.apply(db, SetGoalGrid(2027, "total", ((11, "", "", 150_000_00),)))
    assert change.label == "Edit 2027-11 goal"
    g = grid(db)
    new = g.column_values(0)
    assert new[10] == 150_000_00 and g.cells[10][0].locked
    assert sum(new) == YEAR_FEN == g.annual_target  # the year holds, to the fen
    # the other months keep their shape: each moved by the same factor, within a fen
    factor = Fraction(YEAR_FEN - 150_000_00, YEAR_FEN - old[10])
    assert all(abs(new[m] - old[m] * factor) < 1 for m in range(12) if m != 10)
    # a second month typed: November (locked) stays, the others give way
    history.apply(db, SetGoalGrid(2027, "total", ((6, "", "", 50_000_00),)))
    g2 = grid(db).column_values(0)
    assert g2[10] == 150_000_00 and g2[5] == 50_000_00 and sum(g2) == YEAR_FEN
    after = snapshot(db)
    history.undo(db)
    history.undo(db)
    assert snapshot(db) == before
    history.redo(db)
    history.redo(db)
    assert snapshot(db) == after


def test_a_channel_column_keeps_its_own_year_and_other_columns_do_not_move(db):
    plan_year(db)
    g = grid(db, "channel")
    pdd_before, taobao_before = g.column_values(1), g.column_values(0)
    History().apply(db, SetGoalGrid(2027, "channel", ((1, "pdd", "", 1_000_00), (2, "pdd", "", 2_000_00))))
    after = grid(db, "channel")
    assert after.column_values(1)[:2] == [1_000_00, 2_000_00]
    assert sum(after.column_values(1)) == sum(pdd_before)
    assert after.column_values(0) == taobao_before


def test_keep_mode_keeps_the_other_months_and_shows_the_difference_from_the_annual_target(db):
    plan_year(db)
    old = grid(db).column_values(0)
    History().apply(db, SetGoalGrid(2027, "total", ((3, "", "", old[2] + 12_345),), mode="keep"))
    g = grid(db)
    assert g.column_values(0)[:2] == old[:2] and g.column_values(0)[3:] == old[3:]
    assert g.difference() == 12_345 and g.annual_target == YEAR_FEN


def test_unlocked_months_give_way_again_and_a_refused_edit_writes_nothing(db):
    plan_year(db)
    history = History()
    history.apply(db, SetGoalGrid(2027, "total", tuple((m, "", "", 10_000_00) for m in range(1, 12)), mode="keep"))
    g = grid(db)
    assert all(g.cells[m][0].locked for m in range(11)) and not g.cells[11][0].locked
    before = snapshot(db)
    with pytest.raises(FieldError, match="every other month is locked"):  # only December is free: it is typed
        history.apply(db, SetGoalGrid(2027, "total", ((12, "", "", 1),)))
    with pytest.raises(FieldError, match="more than the year's"):
        history.apply(db, SetGoalGrid(2027, "total", ((12, "", "", YEAR_FEN),)))
    assert snapshot(db) == before
    ids = tuple(c[0].goal_id for c in g.cells[:2])
    change = history.apply(db, SetGoalLocks(ids, False))
    assert change.label == "Unlock targets (2)"
    history.apply(db, SetGoalGrid(2027, "total", ((12, "", "", 0),)))
    g = grid(db).column_values(0)
    assert g[11] == 0 and sum(g) == YEAR_FEN and g[2:11] == [10_000_00] * 9
    assert g[0] + g[1] == YEAR_FEN - 9 * 10_000_00


def test_channel_by_category_cells_are_created_by_a_paste_and_stay_exact_when_rebalanced(db):
    plan_year(db)
    g = grid(db, "channel_category")
    assert len(g.columns) == 6 and g.total() == 0  # taobao/pdd/douyin × 女装/配饰, nothing set yet
    cells = tuple((m, p, c, 1_000_01 * m + i) for m in range(1, 13) for i, (p, c) in enumerate(g.columns))
    History().apply(db, SetGoalGrid(2027, "channel_category", cells, mode="keep", lock=False))
    filled = grid(db, "channel_category")
    assert filled.total() == sum(v for *_k, v in cells)
    with db.session() as s:  # linked to their month's goal
        kid = s.scalars(select(Goal).where(Goal.platform == "pdd", Goal.category == "配饰")).first()
        assert s.get(Goal, kid.parent_id).platform == "" and s.get(Goal, kid.parent_id).period_start == kid.period_start
    column = filled.column_values(3)
    History().apply(db, SetGoalGrid(2027, "channel_category", ((5, *filled.columns[3], 7),)))
    assert sum(grid(db, "channel_category").column_values(3)) == sum(column)


def test_typing_into_an_empty_year_creates_month_goals(db):
    History().apply(db, SetGoalGrid(2027, "total", ((3, "", "", 500_00),)))
    g = grid(db)
    assert g.column_values(0) == [None, None, 500_00] + [None] * 9 and g.cells[2][0].locked
    assert g.annual_target is None and g.difference() is None


def test_a_grid_cell_out_of_range_is_refused_naming_the_field(db):
    plan_year(db)
    before = snapshot(db)
    with pytest.raises(FieldError) as err:
        History().apply(db, SetGoalGrid(2027, "total", ((1, "", "", -5),)))
    assert err.value.field == "target_gmv_fen"
    with pytest.raises(FieldError, match="has no goals in 2027"):
        History().apply(db, SetGoalGrid(2027, "channel", ((1, "jd", "", 5),)))
    assert snapshot(db) == before
