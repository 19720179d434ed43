"""A repeating task's rule in words, as the task form shows it (core.recurrence.describe)."""
from __future__ import annotations

import pytest

from core import i18n
from core.recurrence import describe


@pytest.mark.parametrize("rule, words", [
    ("FREQ=WEEKLY;BYDAY=MO", "Every Monday"),
    ("FREQ=WEEKLY;BYDAY=MO;BYHOUR=10;BYMINUTE=0", "Every Monday at 10:00"),
    ("FREQ=WEEKLY;BYDAY=MO,TH", "Every Monday, Thursday"),
    ("FREQ=MONTHLY;BYMONTHDAY=-1", "The last day of every month"),
    ("FREQ=MONTHLY;BYMONTHDAY=15", "Day 15 of every month"),
    ("FREQ=DAILY;BYHOUR=9", "Every day at 09:00"),
    ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"),  # no words for it: the rule itself
])
def test_a_rule_in_english_words(rule, words):
    assert describe(rule) == words


def test_a_rule_in_chinese_words():
    i18n.set_language("zh_CN")
    try:
        assert describe("FREQ=WEEKLY;BYDAY=MO") == "每周一"
        assert describe("FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=9") == "每周一、周四 09:00"
    finally:
        i18n.set_language("en")
