"""The demo shop's goals add up: each month's channel (and category) goals split the month's goal
exactly, so neither the Goals grid nor the Breakdown check shows the demo's own plan as wrong. Before,
the demo drew each channel's goal at random around its share: the grid's months came to ¥28,590 more
than the year's target, and every month was flagged."""
from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select

from core.goal_grid import load_grid
from core.goals import goal_rows
from core.models import Goal
from tests.conftest import DEMO_END


def test_every_months_channel_and_category_goals_add_up_to_the_months_goal(demo_db):
    with demo_db.session() as s:
        goals = s.scalars(select(Goal).where(Goal.period_kind == "month")).all()
    month = {g.period_start: g.target_gmv_fen for g in goals if not g.platform and not g.category}
    channels, categories = defaultdict(int), defaultdict(int)
    for g in goals:
        if g.platform:
            channels[g.period_start] += g.target_gmv_fen
        elif g.category:
            categories[g.period_start] += g.target_gmv_fen
    assert channels and categories
    assert dict(channels) == {start: month[start] for start in channels}
    assert dict(categories) == {start: month[start] for start in categories}
    assert all(g.target_gmv_fen % 1000 == 0 for g in goals)  # whole ¥10s, as an owner plans


def test_the_demo_years_grid_by_channel_is_the_years_target_and_nothing_is_flagged(demo_db):
    year = DEMO_END.year
    with demo_db.session() as s:
        grid = load_grid(s, year, "channel")
        rows = goal_rows(s, DEMO_END)
    assert len(grid.columns) == 3 and grid.total() == grid.annual_target and grid.difference() == 0
    assert [r for r in rows if r.breakdowns_off] == []
