"""The Gantt chart's layout: rows by owner or promotion, bars cut at a month's edge, arrows
between the right bars, weekends, today, and dragging turned into days."""
from __future__ import annotations

import datetime as dt

import pytest

from core.gantt_layout import (PROMOTION, GanttTask, drag_days, gantt_layout, month_window, promotion_window,
                               resized_due)

D = dt.date


def task(id_, title, owner="", start=None, due=None, *, promotion="", status="todo", overdue=False, deps=()):
    return GanttTask(id_, title, owner, promotion, start, due, status, overdue, tuple(deps))


TASKS = [
    task(1, "备货", "林晓", D(2026, 10, 25), D(2026, 11, 3), promotion="双11"),  # runs into November
    task(2, "上新", "王芳", D(2026, 11, 4), D(2026, 11, 8), promotion="双11", deps=[1]),
    task(3, "预热", "林晓", D(2026, 11, 9), D(2026, 11, 10), promotion="双11", deps=[2]),
    task(4, "复盘", "", D(2026, 11, 28), D(2026, 12, 2)),  # runs into December
    task(5, "周例会", "王芳", D(2026, 11, 16), D(2026, 11, 16)),  # one day: a milestone
    task(6, "旧任务", "王芳", D(2026, 9, 1), D(2026, 9, 5)),  # not in November
    task(7, "取消的", "林晓", D(2026, 11, 5), D(2026, 11, 6), status="cancelled"),
    task(8, "只有截止日", "林晓", None, D(2026, 11, 20), overdue=True),
    task(9, "没有日期", "林晓"),
]


def test_rows_are_grouped_by_owner_with_nobody_last_and_tasks_by_start():
    first, last = month_window(2026, 11)
    lay = gantt_layout(TASKS, first, last, today=D(2026, 11, 12), none_label="(nobody)")
    assert [(r.label, r.task_id) for r in lay.rows] == [
        ("林晓", None), ("备货", 1), ("预热", 3), ("只有截止日", 8),
        ("王芳", None), ("上新", 2), ("周例会", 5),
        ("(nobody)", None), ("复盘", 4),
    ]
    assert {b.task_id for b in lay.bars} == {1, 2, 3, 4, 5, 8}  # not September's, the cancelled or the undated


def test_bars_running_over_the_month_edges_are_cut_and_marked():
    lay = gantt_layout(TASKS, *month_window(2026, 11), today=D(2026, 11, 12))
    assert lay.days == 30
    stock = lay.bar(1)
    assert (stock.first, stock.last, stock.cut_before, stock.cut_after) == (0, 2, True, False)  # Nov 1–3
    review = lay.bar(4)
    assert (review.first, review.last, review.cut_before, review.cut_after) == (27, 29, False, True)  # Nov 28–30
    # the same task in October's chart runs from the 25th to the month's last column
    october = gantt_layout(TASKS, *month_window(2026, 10), today=D(2026, 11, 12))
    assert [(b.task_id, b.first, b.last, b.cut_after) for b in october.bars] == [(1, 24, 30, True)]
    assert october.today is None


def test_milestones_overdue_and_a_due_date_alone():
    lay = gantt_layout(TASKS, *month_window(2026, 11), today=D(2026, 11, 12))
    assert lay.bar(5).milestone and not lay.bar(2).milestone
    only_due = lay.bar(8)
    assert only_due.milestone and only_due.overdue and only_due.first == only_due.last == 19


def test_arrows_join_the_end_of_the_prerequisite_to_the_start_of_the_task():
    lay = gantt_layout(TASKS, *month_window(2026, 11), today=D(2026, 11, 12))
    rows = {r.task_id: r.index for r in lay.rows if r.task_id}
    assert [(a.before, a.after, a.from_row, a.from_day, a.to_row, a.to_day) for a in lay.arrows] == [
        (1, 2, rows[1], 2, rows[2], 3),  # 备货 ends Nov 3 (column 2) → 上新 starts Nov 4 (column 3)
        (2, 3, rows[2], 7, rows[3], 8),
    ]
    assert not any(a.backwards for a in lay.arrows)
    # a prerequisite off the chart draws no arrow
    december = gantt_layout(TASKS, *month_window(2026, 12), today=D(2026, 11, 12))
    assert december.arrows == ()


def test_an_arrow_into_a_task_that_starts_too_early_is_backwards():
    tasks = [task(1, "A", "x", D(2026, 11, 1), D(2026, 11, 5)), task(2, "B", "x", D(2026, 11, 3), D(2026, 11, 4), deps=[1])]
    (arrow,) = gantt_layout(tasks, *month_window(2026, 11), today=D(2026, 11, 1)).arrows
    assert arrow.backwards


def test_weekends_today_and_month_starts():
    lay = gantt_layout(TASKS, D(2026, 11, 27), D(2026, 12, 3), today=D(2026, 12, 1))
    assert lay.weekends == (1, 2)  # Sat 28th, Sun 29th
    assert lay.today == 4 and lay.month_starts == (4,)
    assert lay.day(4) == D(2026, 12, 1) and lay.column(D(2026, 12, 3)) == 6


def test_grouped_by_promotion_and_a_promotions_window():
    promo = [t for t in TASKS if t.promotion == "双11"]
    first, last = promotion_window(promo, D(2026, 11, 1), D(2026, 11, 11))
    assert (first, last) == (D(2026, 10, 22), D(2026, 11, 14))
    lay = gantt_layout(TASKS, first, last, today=D(2026, 11, 12), group_by=PROMOTION, none_label="—")
    assert [r.label for r in lay.rows if r.is_group] == ["双11"]  # nothing else falls in those days
    month = gantt_layout(TASKS, *month_window(2026, 11), today=D(2026, 11, 12), group_by=PROMOTION, none_label="—")
    assert [(r.label, r.task_id) for r in month.rows][:4] == [("双11", None), ("备货", 1), ("上新", 2), ("预热", 3)]
    assert [r.label for r in month.rows if r.is_group] == ["双11", "—"]
    assert promotion_window([task(9, "x")]) is None


def test_dragging_rounds_to_whole_days_and_resizing_never_ends_before_the_start():
    assert drag_days(100, 100 + 2.4 * 20, 20) == 2
    assert drag_days(100, 100 + 2.6 * 20, 20) == 3
    assert drag_days(100, 100 - 2.6 * 20, 20) == -3
    assert drag_days(100, 109, 20) == 0
    with pytest.raises(ValueError):
        drag_days(0, 1, 0)
    lay = gantt_layout(TASKS, *month_window(2026, 11), today=D(2026, 11, 12))
    assert resized_due(lay.bar(2), 3) == D(2026, 11, 11)
    assert resized_due(lay.bar(2), -10) == D(2026, 11, 4)
