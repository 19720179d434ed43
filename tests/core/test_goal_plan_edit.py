"""Saving a whole plan as one edit (core.edits.goals.PlanGoals): one undo takes it all back."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from core.edits import FieldError, History
from core.goal_split import History as SalesHistory, MonthHistory, PlanRequest, make_plan, plan_months
from core.edits.goals import PlanGoals
from core.models import Goal

d = dt.date


def goals(db):
    with db.session() as s:
        return sorted((g.period_kind, g.period_start, g.platform, g.category, g.target_gmv_fen, g.split_method,
                       g.parent_id is not None) for g in s.scalars(select(Goal)))


def _plan(target=1_200_000, kind="half", start=d(2027, 1, 1)):
    months = plan_months(kind, start)
    history = SalesHistory(tuple(MonthHistory(a.replace(year=a.year - 1), (b - a).days + 1, 0) for a, b in months),
                           platforms=("taobao", "pdd"))
    return make_plan(PlanRequest(kind, start, target, month_method="even", channel_method="even"), history)


def test_a_plan_is_one_change_and_replacing_asks_then_undoes_in_one_step(db):
    with db.transaction() as s:
        s.add(Goal(period_kind="month", period_start=d(2027, 2, 1), period_end=d(2027, 2, 28), target_gmv_fen=5))
        s.add(Goal(period_kind="year", period_start=d(2027, 1, 1), period_end=d(2027, 12, 31), target_gmv_fen=9))
    before = goals(db)
    history = History()
    with pytest.raises(FieldError) as err:  # a goal in the period already: the owner is asked first
        history.apply(db, PlanGoals(_plan()))
    assert err.value.field == "replace" and "1 goal already" in err.value.message
    assert goals(db) == before
    change = history.apply(db, PlanGoals(_plan(), replace=True))
    assert change.label == "Plan 2027 H1"
    saved = goals(db)
    # the half, 6 months of 200000, 2 channels each of 100000; the February goal replaced, the year kept
    assert len(saved) == 1 + 6 + 12 + 1
    assert ("year", d(2027, 1, 1), "", "", 9, "", False) in saved
    assert ("month", d(2027, 2, 1), "", "", 5, "", False) not in saved
    assert ("month", d(2027, 2, 1), "pdd", "", 100_000, "by_channel:even", True) in saved
    with db.session() as s:
        half = s.scalars(select(Goal).where(Goal.period_kind == "half")).one()
        months = s.scalars(select(Goal).where(Goal.parent_id == half.id)).all()
        assert sum(m.target_gmv_fen for m in months) == half.target_gmv_fen == 1_200_000
        assert {m.split_method for m in months} == {"even"}
    history.undo(db)
    assert goals(db) == before
    history.redo(db)
    assert goals(db) == saved
    history.undo(db)
    assert goals(db) == before


def test_a_plan_that_does_not_add_up_is_refused_with_nothing_written(db):
    plan = _plan()
    broken = plan.__class__(**{**plan.__dict__, "target": plan.target + 1})
    with pytest.raises(ValueError):
        History().apply(db, PlanGoals(broken))
    assert goals(db) == []


def test_a_goal_not_starting_on_its_periods_first_day_is_refused_saying_which_day():
    """New goal… for a month starting 2026-12-05 said "月应从其第一个月的 1 日开始" (a month starts on the first day
    of its first month); a quarter from 2026-02-01 was "not the first day of its first month" either."""
    from core import i18n
    from core.edits.goals import period_end

    with pytest.raises(FieldError) as err:
        period_end("month", dt.date(2026, 12, 5))
    assert err.value.message == "A month starts on its first day, such as 2026-12-01; 2026-12-05 is not one."
    with pytest.raises(FieldError) as err:
        period_end("quarter", dt.date(2026, 2, 1))
    assert "such as 2026-01-01; 2026-02-01 is not one" in err.value.message
    i18n.set_language("zh_CN")
    try:
        with pytest.raises(FieldError) as err:
            period_end("month", dt.date(2026, 12, 5))
        assert err.value.message == "月须从第一天开始（例如 2026-12-01）；2026-12-05 不是。"
    finally:
        i18n.set_language("en")
