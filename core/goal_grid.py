"""The Goals grid: one year's month targets by channel, category, channel × category or in total.

Each cell is one month goal (``period_kind`` ``month``) of the shape the breakdown names:
``total`` — all channels and categories; ``channel`` — one channel, all categories;
``category`` — one category, all channels; ``channel_category`` — one of each. A cell without
a goal is empty (``None``); typing into it creates the goal.

Typing a month re-balances the column's other months so that the column's year holds
(``rebalance``): the months typed by hand before (``locked``) stay, the others share what is
left in proportion to what they had, exact to the fen by the largest-remainder split of
``core.goal_split``. The year a column holds is the year goal's target for the total column
(when the year has one) and the column's own sum before the edit for the others. The
alternative keeps every other month and shows the difference from the annual target.

Quarter, half and year rows are sums of their months, computed here and never stored.
``load_grid`` reads (SQL that also runs on PostgreSQL); the rest is pure.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.goal_split import SplitError, month_range, split_exact
from core.i18n import t

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

BREAKDOWNS = ("channel", "category", "channel_category", "total")
MODES = ("rebalance", "keep")


@dataclass(frozen=True)
class Cell:
    goal_id: int | None
    fen: int | None  # None: no goal for this month and column
    locked: bool = False


@dataclass(frozen=True)
class Grid:
    year: int
    breakdown: str
    columns: tuple[tuple[str, str], ...]  # (platform, category), "" = all
    cells: tuple[tuple[Cell, ...], ...]  # [month 0..11][column]
    year_goal_id: int | None = None
    annual_target: int | None = None  # the year goal's target (all channels and categories)
    month_goal_ids: tuple[int | None, ...] = (None,) * 12  # the months' total goals (parents)
    month_targets: tuple[int | None, ...] = (None,) * 12  # those goals' targets

    def months_off(self) -> list[tuple[int, int, int]]:
        """``(month index, the columns' sum, the month goal's target)`` for each month whose channel (or category)
        columns do not add up to its month goal: typing one channel's month re-balances that channel's year, not
        the month, so the month goals the Tracking view and the funnel use stay where they were."""
        if self.breakdown not in ("channel", "category"):
            return []
        off = []
        for m, target in enumerate(self.month_targets):
            known = [c.fen for c in self.cells[m] if c.fen is not None]
            if target is not None and known and sum(known) != target:
                off.append((m, sum(known), target))
        return off

    def column_values(self, col: int) -> list[int | None]:
        return [self.cells[m][col].fen for m in range(12)]

    def total(self) -> int:
        return sum(c.fen or 0 for row in self.cells for c in row)

    def held_total(self, col: int) -> int:
        """What the column's year must stay at when a month is re-balanced."""
        if self.columns[col] == ("", "") and self.annual_target is not None:
            return self.annual_target
        return sum(v or 0 for v in self.column_values(col))

    def difference(self) -> int | None:
        """The grid's year − the annual target (None without a year goal)."""
        return None if self.annual_target is None else self.total() - self.annual_target


@dataclass(frozen=True)
class GridRow:
    """One row as shown: a month (editable) or a quarter, half or the year (sums)."""

    key: str  # "1".."12" for months; "Q1".."Q4", "H1", "H2", "Y"
    kind: str  # month|quarter|half|year
    start: dt.date
    end: dt.date
    values: tuple[int | None, ...]  # per column
    locked: tuple[bool, ...]

    @property
    def total(self) -> int | None:
        known = [v for v in self.values if v is not None]
        return sum(known) if known else None


def column_shape(breakdown: str, platform: str, category: str) -> bool:
    """Whether a goal of ``platform`` and ``category`` belongs to ``breakdown``'s columns."""
    return {"total": not platform and not category, "channel": bool(platform) and not category,
            "category": not platform and bool(category),
            "channel_category": bool(platform) and bool(category)}[breakdown]


def load_grid(session: Session, year: int, breakdown: str) -> Grid:
    from sqlalchemy import select

    from core.models import Goal

    if breakdown not in BREAKDOWNS:
        raise ValueError(f"unknown breakdown: {breakdown}")
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    year_goal = session.execute(select(Goal.id, Goal.target_gmv_fen).where(
        Goal.period_kind == "year", Goal.period_start == start, Goal.period_end == end,
        Goal.platform == "", Goal.category == "")).first()
    months = session.execute(select(Goal.id, Goal.period_start, Goal.platform, Goal.category, Goal.target_gmv_fen,
                                    Goal.locked).where(Goal.period_kind == "month", Goal.period_start >= start,
                                                       Goal.period_end <= end).order_by(Goal.id)).all()
    month_ids: list[int | None] = [None] * 12
    month_targets: list[int | None] = [None] * 12
    found: dict[tuple[int, str, str], Cell] = {}
    platforms: dict[str, None] = {}  # ordered sets, in the order the goals were made
    categories: dict[str, None] = {}
    for gid, first, platform, category, fen, locked in months:
        if first.day != 1:
            continue
        m = first.month - 1
        if not platform and not category:
            month_ids[m], month_targets[m] = gid, fen
        if platform:
            platforms.setdefault(platform, None)
        if category:
            categories.setdefault(category, None)
        if column_shape(breakdown, platform, category):
            found.setdefault((m, platform, category), Cell(gid, fen, bool(locked)))
    # Columns in the order their goals were made (the plan saves the largest channel first), so
    # they stay put when an edit changes which is largest.
    if breakdown == "total":
        columns = [("", "")]
    elif breakdown == "channel_category":  # every channel × category the year's goals name
        columns = [(p, c) for p in platforms for c in categories]
        columns += [(p, c) for _m, p, c in found if (p, c) not in columns]
    else:
        columns = list(dict.fromkeys((p, c) for _m, p, c in found))
    cells = tuple(tuple(found.get((m, p, c), Cell(None, None)) for p, c in columns) for m in range(12))
    return Grid(year, breakdown, tuple(columns), cells, year_goal[0] if year_goal else None,
                year_goal[1] if year_goal else None, tuple(month_ids), tuple(month_targets))


def grid_rows(grid: Grid) -> list[GridRow]:
    """Months in order with each quarter after its months, each half after its quarter, the year last."""
    def span(kind: str, key: str, first: int, last: int) -> GridRow:
        values = []
        for col in range(len(grid.columns)):
            known = [grid.cells[m][col].fen for m in range(first, last + 1) if grid.cells[m][col].fen is not None]
            values.append(sum(known) if known else None)
        return GridRow(key, kind, month_range(grid.year, first + 1)[0], month_range(grid.year, last + 1)[1],
                       tuple(values), (False,) * len(grid.columns))

    rows: list[GridRow] = []
    for m in range(12):
        start, end = month_range(grid.year, m + 1)
        rows.append(GridRow(str(m + 1), "month", start, end, tuple(c.fen for c in grid.cells[m]),
                            tuple(c.locked for c in grid.cells[m])))
        if m % 3 == 2:
            rows.append(span("quarter", f"Q{m // 3 + 1}", m - 2, m))
        if m % 6 == 5:
            rows.append(span("half", f"H{m // 6 + 1}", m - 5, m))
    rows.append(span("year", "Y", 0, 11))
    return rows


def column_name(platform: str, category: str) -> str:
    """A column as the owner reads it: ``Taobao/Tmall · 女装``, ``All`` for the total."""
    from core.kpi.output import channel_label

    return " · ".join(x for x in (channel_label(platform) if platform else "", category) if x) or t("Total")


def rebalance(current: Sequence[int | None], locked: Sequence[bool], typed: Mapping[int, int], held: int,
              *, name: str) -> list[int | None]:
    """One column's 12 months after ``typed`` (month index → fen), with the year kept at ``held``.

    The months neither typed nor locked share ``held`` − the typed and locked months, in
    proportion to what they had (evenly when they had nothing), exact to the fen. Typing all
    twelve months sets the year to their sum; a column without any amount yet has no year to
    hold, so what is typed is simply set. ``SplitError`` (naming the column ``name``) when
    the typed and locked months alone exceed the year, or every other month is locked."""
    new = list(current)
    for m, fen in typed.items():
        new[m] = fen
    if len(typed) == len(current) or not any(current):  # a whole year typed, or nothing yet to hold
        return new
    free = [m for m in range(len(current)) if m not in typed and not locked[m]]
    fixed = sum(new[m] or 0 for m in range(len(current)) if m not in free)
    rest = held - fixed
    if rest < 0:
        raise SplitError(t("{column}: the typed and locked months total {amount}, more than the year's {year}. "
                           "Lower them, unlock months, or choose “Keep other months”.", column=name,
                           amount=_yuan(fixed), year=_yuan(held)), field="target_gmv_fen")
    if not free:
        if rest:
            raise SplitError(t("{column}: every other month is locked, so the year's {year} cannot hold. "
                               "Unlock a month or choose “Keep other months”.", column=name, year=_yuan(held)),
                             field="target_gmv_fen")
        return new
    for m, fen in zip(free, split_exact(rest, [current[m] or 0 for m in free]), strict=True):
        new[m] = fen
    return new


def _yuan(fen: int) -> str:
    from core.money import format_fen

    return format_fen(fen)
