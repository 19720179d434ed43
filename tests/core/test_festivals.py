"""The platform festival calendar: lunar-calendar dates from lunar_python, fixed ones by convention."""
from __future__ import annotations

import datetime as dt

import pytest

from core.errors import UserFacingError
from core.festivals import festivals, festivals_between, mid_autumn, spring_festival


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
        assert f.platforms and set(f.platforms) <= {"taobao", "jd", "pdd", "douyin", "kuaishou"}


def test_mid_autumn_gift_season_ends_before_the_festival():
    season = _by_key(2026)["mid_autumn"]
    assert season.kind == "season" and season.end == dt.date(2026, 9, 24)  # 中秋 2026-09-25


def test_year_outside_the_calendar_is_a_clear_error():
    with pytest.raises(UserFacingError, match="1950 and 2100"):
        festivals(2300)
