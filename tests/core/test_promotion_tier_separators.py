"""Tiers typed with spaces, 、 or ， between them are read like commas; 每满减 (so much off for every so
much spent), which a stored 满减 tier cannot hold, is refused saying what to type instead (issue #14)."""
from __future__ import annotations

import pytest

from core.edits import FieldError
from core.promotion_tiers import parse_tiers, validate_tiers

M300 = {"type": "满减", "threshold_fen": 30000, "off_fen": 3000}
M500 = {"type": "满减", "threshold_fen": 50000, "off_fen": 6000}
M800 = {"type": "满减", "threshold_fen": 80000, "off_fen": 10000}


@pytest.mark.parametrize("text", [
    "满300减30 满500减60 满800减100",
    "满300减30　满500减60　满800减100",  # full-width spaces, as a Chinese input method types them
    "满300减30、满500减60、满800减100",
    "满300减30，满500减60；满800减100",
    "满300减30;满500减60 满800减100",
    " 满300减30   满500减60\n满800减100 ",
])
def test_tiers_between_spaces_and_chinese_separators_are_read_like_commas(text):
    assert validate_tiers(parse_tiers(text)) == [M300, M500, M800]


def test_a_tier_holding_spaces_is_still_read_whole_between_others():
    assert parse_tiers("满 300 减 30 满500减60") == [M300, M500]
    assert parse_tiers("满300减30 券 满199减20 3人团 ¥59 15% off") == [
        M300, {"type": "优惠券", "threshold_fen": 19900, "off_fen": 2000},
        {"type": "拼团", "group_size": 3, "price_fen": 5900}, {"type": "折扣", "rate": 0.85}]
    assert parse_tiers("满399送汝窑主人杯 天青") == [{"type": "赠品", "threshold_fen": 39900, "gift": "汝窑主人杯 天青"}]
    assert parse_tiers("满399送主人杯 满500减60") == [{"type": "赠品", "threshold_fen": 39900, "gift": "主人杯"}, M500]


def test_words_no_tier_reads_are_named():
    with pytest.raises(FieldError, match="“满500减6x” is not a tier") as caught:
        parse_tiers("满300减30 满500减6x")
    assert caught.value.field == "rules"


@pytest.mark.parametrize("text, named, example", [
    ("每满300减30", "每满300减30", "满300减30, 满600减60, 满900减90"),
    ("满200减10 每满 500 减 60", "每满 500 减 60", "满500减60, 满1000减120, 满1500减180"),
    ("每满300", "每满300", "满300减30, 满600减60"),
])
def test_per_every_reductions_are_refused_with_the_tiers_to_type_instead(text, named, example):
    with pytest.raises(FieldError) as caught:
        parse_tiers(text)
    message = str(caught.value)
    assert f"“{named}”" in message and "每满减" in message and "not supported" in message and example in message
    assert caught.value.field == "rules"
