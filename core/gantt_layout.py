"""Where things go on the team's Gantt chart: rows, bars, dependency arrows, weekends, today.

Pure date arithmetic, no Qt: ``ui/widgets/gantt.py`` paints what ``gantt_layout`` returns, in
day columns ``0 … days-1`` counted from the window's first day, and turns a drag back into days
with ``drag_days``. Tests check rows, bars that run over a month's edge and which bars an arrow
joins without a window.

A task without a start is drawn from its due date (and one without a due on its start); a task
whose start and due are the same day is a milestone (a diamond). Cancelled tasks are left out.
"""
from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

OWNER, PROMOTION = "owner", "promotion"
GROUPS = (OWNER, PROMOTION)
ONE = dt.timedelta(days=1)
PROMOTION_MARGIN_DAYS = 3  # a promotion's chart shows a few days either side of its tasks


@dataclass(frozen=True)
class GanttTask:
    """What the chart needs of a task (core.tasks.TaskRow has all of it)."""

    id: int
    title: str
    owner: str
    promotion: str
    start: dt.date | None
    due: dt.date | None
    status: str
    overdue: bool
    depends_on_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class Row:
    """One line of the chart: a group heading (``task_id`` None) or one task."""

    index: int
    label: str
    task_id: int | None = None

    @property
    def is_group(self) -> bool:
        return self.task_id is None


@dataclass(frozen=True)
class Bar:
    """A task's bar on ``row``: day columns ``first``…``last`` (inclusive) of the window; when the
    task runs past the window's edge the bar is cut there and ``cut_before``/``cut_after`` say so."""

    task_id: int
    row: int
    first: int
    last: int
    start: dt.date
    due: dt.date
    milestone: bool
    overdue: bool
    closed: bool
    cut_before: bool
    cut_after: bool
    title: str


@dataclass(frozen=True)
class Arrow:
    """Finish-to-start: from the end of ``before``'s bar (after column ``from_day``) to the start of
    ``after``'s bar (column ``to_day``)."""

    before: int
    after: int
    from_row: int
    from_day: int  # the arrow leaves at the right edge of this column
    to_row: int
    to_day: int  # and arrives at the left edge of this one

    @property
    def backwards(self) -> bool:
        """The task starts before the one it waits for has finished: drawn as a warning."""
        return self.to_day <= self.from_day


@dataclass(frozen=True)
class GanttLayout:
    first: dt.date
    last: dt.date
    rows: tuple[Row, ...]
    bars: tuple[Bar, ...]
    arrows: tuple[Arrow, ...]
    weekends: tuple[int, ...]  # columns of Saturdays and Sundays
    today: int | None  # today's column, when the window shows it
    month_starts: tuple[int, ...]  # columns where a new month begins (after the first)

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def column(self, day: dt.date) -> int:
        return (day - self.first).days

    def day(self, column: int) -> dt.date:
        return self.first + dt.timedelta(days=column)

    def bar(self, task_id: int) -> Bar | None:
        return next((b for b in self.bars if b.task_id == task_id), None)


def month_window(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def span(task: GanttTask) -> tuple[dt.date, dt.date] | None:
    """The days a task's bar covers, or None when it has no date at all."""
    start, due = task.start or task.due, task.due or task.start
    if start is None or due is None:
        return None
    return (start, due) if start <= due else (due, start)


def promotion_window(tasks: Sequence[GanttTask], promo_start: dt.date | None = None,
                     promo_end: dt.date | None = None) -> tuple[dt.date, dt.date] | None:
    """The days a promotion's chart shows: its tasks and the promotion itself, a few days either side."""
    days = [d for t in tasks if (s := span(t)) for d in s] + [d for d in (promo_start, promo_end) if d]
    if not days:
        return None
    margin = dt.timedelta(days=PROMOTION_MARGIN_DAYS)
    return min(days) - margin, max(days) + margin


def _group(task: GanttTask, group_by: str) -> str:
    return task.owner if group_by == OWNER else task.promotion


def gantt_layout(tasks: Sequence[GanttTask], first: dt.date, last: dt.date, *, today: dt.date,
                 group_by: str = OWNER, none_label: str = "") -> GanttLayout:
    """The chart of ``tasks`` that touch ``first``…``last``: a heading row per owner (or promotion),
    by name with the tasks of nobody last (headed ``none_label``), then one row per task by start,
    due and title; arrows only between tasks both on the chart."""
    if last < first:
        raise ValueError("the window ends before it starts")
    if group_by not in GROUPS:
        raise ValueError(f"group by {group_by!r}")
    shown: list[tuple[GanttTask, dt.date, dt.date]] = []
    for task in tasks:
        s = span(task)
        if s is None or task.status == "cancelled" or s[1] < first or s[0] > last:
            continue
        shown.append((task, s[0], s[1]))
    groups: dict[str, list[tuple[GanttTask, dt.date, dt.date]]] = {}
    for item in shown:
        groups.setdefault(_group(item[0], group_by), []).append(item)
    rows: list[Row] = []
    bars: list[Bar] = []
    days = (last - first).days
    for name in sorted(groups, key=lambda n: (n == "", n)):
        rows.append(Row(len(rows), name or none_label))
        for task, start, due in sorted(groups[name], key=lambda i: (i[1], i[2], i[0].title, i[0].id)):
            index = len(rows)
            rows.append(Row(index, task.title, task.id))
            bars.append(Bar(
                task_id=task.id, row=index,
                first=max(0, (start - first).days), last=min(days, (due - first).days),
                start=start, due=due, milestone=start == due, overdue=task.overdue,
                closed=task.status in ("done", "cancelled"),
                cut_before=start < first, cut_after=due > last, title=task.title,
            ))
    by_id = {b.task_id: b for b in bars}
    arrows = []
    for task, _s, _d in shown:
        after = by_id[task.id]
        for dep in task.depends_on_ids:
            before = by_id.get(dep)
            if before is None:
                continue
            arrows.append(Arrow(before.task_id, after.task_id, before.row, before.last, after.row, after.first))
    arrows.sort(key=lambda a: (a.from_row, a.to_row))
    weekends = tuple(i for i in range(days + 1) if (first + dt.timedelta(days=i)).weekday() >= 5)
    month_starts = tuple(i for i in range(1, days + 1) if (first + dt.timedelta(days=i)).day == 1)
    today_col = (today - first).days if first <= today <= last else None
    return GanttLayout(first, last, tuple(rows), tuple(bars), tuple(arrows), weekends, today_col, month_starts)


# ---------------------------------------------------------------- dragging


MOVE, RESIZE = "move", "resize"


def drag_days(press_x: float, release_x: float, day_width: float) -> int:
    """Whole days a bar was dragged (to the nearest day; half a day either way moves nothing)."""
    if day_width <= 0:
        raise ValueError("day width must be positive")
    shift = (release_x - press_x) / day_width
    return int(shift + 0.5) if shift >= 0 else -int(-shift + 0.5)


def resized_due(bar: Bar, days: int) -> dt.date:
    """The due date after dragging ``bar``'s end by ``days``: never before its start."""
    return max(bar.start, bar.due + dt.timedelta(days=days))
