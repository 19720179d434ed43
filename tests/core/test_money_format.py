"""Money shown to people: fewer decimals round half up (never to the even yuan); parts keep their fen."""
from __future__ import annotations

from core.money import format_fen, format_fen_whole


def test_whole_yuan_round_half_up_as_money_does():
    """¥0.50 was shown as ¥0 and ¥2.50 as ¥2 (Python rounds a float half to even)."""
    assert [format_fen(f, decimals=0) for f in (50, 150, 250, -250, 49)] == ["¥1", "¥2", "¥3", "-¥3", "¥0"]
    assert format_fen(123_456_789_012) == "¥1,234,567,890.12" and format_fen(None) == "—"


def test_a_part_or_a_difference_keeps_its_fen_when_it_has_some():
    """The Goals breakdown check said "(+¥0)" for a month 30 fen off its channels."""
    assert [format_fen_whole(f) for f in (4_658_850, 4_658_800, 30, -30, 0, None)] == [
        "¥46,588.50", "¥46,588", "¥0.30", "-¥0.30", "¥0", "—"]
