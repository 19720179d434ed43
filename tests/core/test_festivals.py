"""The platform festival calendar: lunar-calendar dates from lunar_python, fixed ones by convention."""
from __future__ import annotations

import datetime as dt

import pytest

from core.errors import UserFacingError
from core import festivals as fest_module
from core.festivals import festivals, festivals_between, mid_autumn, rule_date, spring_festival


def _by_key(year: int) -> dict:
    return {f.key: f for f in festivals(year)}


def test_spring_festival_dates_come_from_the_chinese_calendar():
    assert spring_festival(2026) == dt.date(2026, 2, 17)
    assert spring_festival(2027) == dt.date(2027, 2, 6)
    assert spring_festival(2028) == dt.date(2028, 1, 26)
    assert spring_festival(2033) == dt.date(2033, 1, 31)  # the year with the "2033 problem" leap month


@pytest.mark.parametrize("year, day", [
    (2020, dt.date(2020, 10, 1)),  # falls on National Day
    (2023, dt.date(2023, 9, 29)),
    (2025, dt.date(2025, 10, 6)),
    (2026, dt.date(2026, 9, 25)),
])
def test_mid_autumn_dates_come_from_the_chinese_calendar(year, day):
    assert mid_autumn(year) == day


@pytest.mark.parametrize("year, cny", [(2026, dt.date(2026, 2, 17)), (2027, dt.date(2027, 2, 6))])
def test_nianhuo_ends_days_before_spring_festival_and_couriers_stop(year, cny):
    f = _by_key(year)
    nianhuo, stop = f["nianhuo"], f["spring_festival"]
    assert nianhuo.end < cny and (cny - nianhuo.end).days >= 5
    assert nianhuo.start < nianhuo.end
    assert stop.kind == "note" and stop.start <= cny <= stop.end
    assert nianhuo.end < stop.start


def test_nianhuo_of_a_january_new_year_starts_in_december_and_is_found_by_range():
    found = festivals_between(dt.date(2027, 12, 20), dt.date(2027, 12, 31))
    nianhuo = [f for f in found if f.key == "nianhuo"]
    assert nianhuo and nianhuo[0].start.year == 2027 and nianhuo[0].end.year == 2028


@pytest.mark.parametrize("year", [2024, 2025, 2026, 2027, 2030])
def test_fixed_date_festivals(year):
    f = _by_key(year)
    assert f["618"].end == dt.date(year, 6, 18) and f["618"].start.month == 5
    assert f["double11"].end == dt.date(year, 11, 11) and f["double11"].start.month == 10
    assert dt.date(year, 12, 1) <= f["double12"].start <= f["double12"].end == dt.date(year, 12, 12)
    assert f["womens_day"].end == dt.date(year, 3, 8)
    assert f["99"].end == dt.date(year, 9, 9)
    assert f["double11"].name_zh == "双11" and f["618"].name_zh == "618"


@pytest.mark.parametrize("year", [2026, 2027])
def test_phases_cover_their_festival_in_order(year):
    for f in festivals(year):
        if not f.phases:
            continue
        assert f.phases[0].start == f.start and f.phases[-1].end == f.end
        for a, b in zip(f.phases, f.phases[1:]):
            assert b.start == a.end + dt.timedelta(days=1)


def test_calendar_is_sorted_and_platforms_are_known_ids():
    items = festivals(2026)
    assert [f.start for f in items] == sorted(f.start for f in items)
    assert {"nianhuo", "spring_festival", "womens_day", "618", "99", "double11", "double12"} <= {f.key for f in items}
    for f in items:
        assert f.platforms and set(f.platforms) <= {"taobao", "jd", "pdd", "douyin", "kuaishou", "shopify"}


def test_mid_autumn_gift_season_ends_before_the_festival():
    season = _by_key(2026)["mid_autumn"]
    assert season.kind == "season" and season.end == dt.date(2026, 9, 24)  # 中秋 2026-09-25


def test_year_outside_the_calendar_is_a_clear_error():
    with pytest.raises(UserFacingError, match="1950 and 2100"):
        festivals(2300)


# Known dates (China's official holiday calendar; Black Friday = the day after the 4th Thursday).
KNOWN = {
    2024: {"chunjie": (2, 10), "lantern": (2, 24), "qixi": (8, 10), "mid_autumn_day": (9, 17), "bf": (11, 29)},
    2025: {"chunjie": (1, 29), "lantern": (2, 12), "qixi": (8, 29), "mid_autumn_day": (10, 6), "bf": (11, 28)},
    2026: {"chunjie": (2, 17), "lantern": (3, 3), "qixi": (8, 19), "mid_autumn_day": (9, 25), "bf": (11, 27)},
    2027: {"chunjie": (2, 6), "lantern": (2, 20), "qixi": (8, 8), "mid_autumn_day": (9, 15), "bf": (11, 26)},
    2028: {"chunjie": (1, 26), "lantern": (2, 9), "qixi": (8, 26), "mid_autumn_day": (10, 3), "bf": (11, 24)},
    2030: {"chunjie": (2, 3), "lantern": (2, 17), "qixi": (8, 5), "mid_autumn_day": (9, 12), "bf": (11, 29)},
}


@pytest.mark.parametrize("year", sorted(KNOWN))
def test_presets_give_the_known_dates_of_every_year(year):
    f, known = _by_key(year), KNOWN[year]
    for key in ("chunjie", "lantern", "qixi", "mid_autumn_day"):
        assert f[key].end == dt.date(year, *known[key]), key
    assert f["chunjie"].kind == "holiday" and f["chunjie"].start == f["chunjie"].end
    cny = dt.date(year, *known["chunjie"])
    assert (f["nianhuo"].start, f["nianhuo"].end) == (cny - dt.timedelta(days=30), cny - dt.timedelta(days=7))
    assert f["mid_autumn"].end == dt.date(year, *known["mid_autumn_day"]) - dt.timedelta(days=1)
    assert f["qixi"].start == f["qixi"].end - dt.timedelta(days=6)
    black_friday = dt.date(year, *known["bf"])
    bfcm = f["bfcm"]
    assert (bfcm.start, bfcm.end, bfcm.platforms) == (black_friday, black_friday + dt.timedelta(days=3), ("shopify",))
    assert [p.name_zh for p in bfcm.phases] == ["黑五", "网一"] and bfcm.phases[1].start.weekday() == 0
    assert f["christmas"].end == dt.date(year, 12, 25) and f["christmas"].platforms == ("shopify",)
    assert (f["520"].start, f["520"].end) == (dt.date(year, 5, 13), dt.date(year, 5, 20))
    # 618's pre-sale from late May, 双11's phases from late October
    assert [(p.name_zh, p.start) for p in f["618"].phases][0] == ("预售", dt.date(year, 5, 20))
    assert [(p.name_zh, p.start) for p in f["double11"].phases][0] == ("预售", dt.date(year, 10, 20))


@pytest.mark.parametrize("rule, day", [
    ("05-20", dt.date(2026, 5, 20)),
    ("lunar 01-01 -30", dt.date(2026, 1, 18)),
    ("lunar 08-15", dt.date(2026, 9, 25)),
    ("11-thu4 +1", dt.date(2026, 11, 27)),
    ("11-thu4", dt.date(2026, 11, 26)),
    ("03-mon1", dt.date(2026, 3, 2)),
    ("12-25 -12", dt.date(2026, 12, 13)),
])
def test_date_rules(rule, day):
    assert rule_date(rule, 2026) == day


def test_rules_the_data_file_cannot_hold_are_refused():
    for bad in ("5-20", "lunar", "11-thu6", "02-30", "05-20 +x"):
        with pytest.raises(ValueError):
            rule_date(bad, 2026)


def test_the_presets_are_data_a_changed_file_changes_the_calendar(monkeypatch):
    data = [{"key": "own_day", "name_zh": "店庆", "name_en": "Shop birthday", "kind": "promotion",
             "platforms": ["taobao"], "start": "lunar 01-15 -2", "end": "lunar 01-15",
             "phases": [{"name_zh": "正式", "name_en": "Sale", "start": "lunar 01-15 -2", "end": "lunar 01-15"}]}]
    monkeypatch.setattr(fest_module, "presets", lambda: tuple(data))
    fest_module._festivals.cache_clear()
    try:
        (only,) = festivals(2027)
        assert (only.key, only.start, only.end) == ("own_day", dt.date(2027, 2, 18), dt.date(2027, 2, 20))
    finally:
        monkeypatch.undo()
        fest_module._festivals.cache_clear()
    assert "own_day" not in _by_key(2027)
