"""English says "1 task", "2 tasks": core's messages mark the words that follow a count
(core.i18n: "(s)", "(singular|plural)"); Chinese has one form and shows no marks."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from core import i18n
from core.edits.stock import CountStock, ReceiveStock
from core.edits.team import DeleteTasks, MoveTask
from core.i18n import plural_marks, t

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def chinese():
    i18n.set_language("zh_CN")
    yield
    i18n.set_language("en")


def test_a_count_of_one_reads_singular_and_any_other_count_plural():
    assert MoveTask(task_id=1, days=1).label == "Move task by 1 day"
    assert MoveTask(task_id=1, days=-1).label == "Move task by -1 day"
    assert MoveTask(task_id=1, days=3).label == "Move task by 3 days"
    assert DeleteTasks(task_ids=(1,)).label == "Delete 1 task"
    assert DeleteTasks(task_ids=(1, 2)).label == "Delete 2 tasks"
    assert CountStock(counts=(("A", 1), ("B", 2))).label == "Stock count of 2 SKUs"
    assert ReceiveStock(codes=("A", "B", "C")).label == "Receive 3 SKUs"
    # Each mark follows the count before it; counts passed already formatted count too.
    text = "Move {task} and {n} dependent task(s) by {days} day(s)"
    assert t(text, task="“Banner”", n=1, days=7) == "Move “Banner” and 1 dependent task by 7 days"
    assert t(text, task="“Banner”", n=2, days=1) == "Move “Banner” and 2 dependent tasks by 1 day"
    assert t("{view}: {n} row(s) written to {path}", view="goals", n="1", path="a.csv") == "goals: 1 row written to a.csv"
    assert t("{view}: {n} row(s) written to {path}", view="goals", n="1,001", path="a.csv") == \
        "goals: 1,001 rows written to a.csv"
    assert t("{count} row(s) (has|have) the same buyer and time as an earlier row and (was|were) taken as part of its "
             "order (the first: row {row}, the same as row {first}).", count=1, row=9, first=3) == \
        "1 row has the same buyer and time as an earlier row and was taken as part of its order (the first: row 9, " \
        "the same as row 3)."


def test_chinese_has_one_form_and_no_marks(chinese):
    assert MoveTask(task_id=1, days=1).label == "任务移动 1 天"
    assert DeleteTasks(task_ids=(1,)).label == "删除 1 个任务"


def _core_sources() -> set[str]:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from translations import core_strings
    finally:
        sys.path.remove(str(ROOT / "tools"))
    return core_strings()


def test_every_marked_core_message_reads_cleanly_in_both_forms():
    names = re.compile(r"\{(\w+)[^{}]*\}")
    marked = [s for s in _core_sources() if "(s)" in s or "(es)" in s or re.search(r"\([A-Za-z' ]*\|[A-Za-z' ]+\)", s)]
    assert len(marked) > 40
    for source in marked:
        for n in (1, 2):
            text = plural_marks(source, {name: n for name in names.findall(source)})
            assert "(s)" not in text and "(es)" not in text and "|" not in text, (source, text)
