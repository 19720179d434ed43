"""What the owner types into a cell → values, and the messages for what cannot be read."""
from __future__ import annotations

import datetime as dt

import pytest

from core import typed_values as tv


@pytest.mark.parametrize("text, fen", [
    ("1,299.9", 129990), ("¥1299.90", 129990), ("1.2万", 1_200_000), ("3k", 300_000), ("0.005", 1),
    ("  88 元 ", 8800), ("", None), ("—", None), ("1亿", 10_000_000_000),
])
def test_money_is_read_in_yuan_and_stored_in_fen(text, fen):
    assert tv.parse_money(text) == fen


@pytest.mark.parametrize("text", ["abc", "1.2.3", "万", "1e5", "2E3", "1e400", "Infinity", "NaN"])
def test_money_that_cannot_be_read_says_how_to_type_it(text):
    with pytest.raises(ValueError, match="is not an amount"):
        tv.parse_money(text)
    with pytest.raises(ValueError, match="too large"):
        tv.parse_money("99999999999万")


def test_percent_int_date_and_round_trips():
    assert tv.parse_percent("12.5%") == pytest.approx(0.125) and tv.parse_percent("12.5") == pytest.approx(0.125)
    assert tv.parse_int("1,204") == 1204 and tv.parse_int("12件") == 12 and tv.parse_int("3.0") == 3
    with pytest.raises(ValueError, match="whole number"):
        tv.parse_int("2.5")
    today = dt.date(2026, 11, 20)
    for text in ("2026-11-03", "2026/11/3", "2026年11月3日", "20261103", "11-3", "46329"):
        assert tv.parse_date(text, today=today) == dt.date(2026, 11, 3), text
    with pytest.raises(ValueError, match="not a date"):
        tv.parse_date("2026-02-30")
    assert tv.parse_money(tv.money_text(-129990)) == -129990 and tv.money_text(5) == "0.05"
    assert tv.percent_text(0.125) == "12.5%" and tv.parse_percent(tv.percent_text(0.125)) == pytest.approx(0.125)
