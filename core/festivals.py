"""The platform festival calendar (年货节, 38女王节, 618, 99划算节, 双11, 双12) for any year.

The dates are ShopDesk's own conventions, modelled on how Taobao/Tmall, JD, Pinduoduo and
Douyin have run these events in recent years; the platforms publish exact dates only weeks
ahead, so the owner adjusts a promotion's dates in the Promotions tab. What moves with the
lunar calendar (春节 and therefore 年货节; 中秋 and its gift-box season) comes from the
``lunar_python`` calendar library, never from a hand-written lunar computation. (It replaced
the ``holidays`` package, 4.5 MB in the bundle for two dates; both agree on every 春节 and
中秋 holiday from 1950 to 2100.)

Conventions (all dates inclusive):

- 年货节: from 30 days before 春节 until 7 days before it, when couriers stop taking parcels.
- 春节停发 (a note, not a promotion): 5 days before 春节 until 6 days after (初七).
- 38女王节: 1–8 March.  618: 20 May – 18 June.  99划算节: 1–9 September.
- 中秋礼盒季 (a gift season): 24 days before 中秋 until the day before it.
- 双11: pre-sale from 20 October, sale 1–11 November.  双12: 1–12 December.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from core.errors import UserFacingError
from core.i18n import t

ALL_PLATFORMS: tuple[str, ...] = ("taobao", "jd", "pdd", "douyin", "kuaishou")

PROMOTION = "promotion"  # a platform sales event a shop can join
SEASON = "season"  # a buying season the shop plans for, not run by the platforms
NOTE = "note"  # a period that affects the shop, e.g. couriers stop over 春节


@dataclass(frozen=True)
class Phase:
    name_zh: str
    name_en: str
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class Festival:
    key: str
    name_zh: str
    name_en: str
    start: dt.date
    end: dt.date
    platforms: tuple[str, ...] = ALL_PLATFORMS
    kind: str = PROMOTION
    phases: tuple[Phase, ...] = ()

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


# The years ShopDesk plans for: the library's dates were checked against China's official
# holiday calendar over this span; a year outside it is a typo rather than a plan.
FIRST_YEAR, LAST_YEAR = 1950, 2100


def _lunar_to_solar(year: int, month: int, day: int) -> dt.date:
    """The Gregorian date of day ``day`` of lunar month ``month`` of the lunar year starting in ``year``."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise UserFacingError(
            t("ShopDesk has no festival calendar for {year}. Choose a year between 1950 and 2100.", year=year)
        )
    from lunar_python import Lunar  # imported on first use: ~0.1 s, not needed to show the window

    solar = Lunar.fromYmd(year, month, day).getSolar()
    return dt.date(solar.getYear(), solar.getMonth(), solar.getDay())


@lru_cache(maxsize=64)
def spring_festival(year: int) -> dt.date:
    """The first day of Chinese New Year (春节, 正月初一) in ``year``."""
    return _lunar_to_solar(year, 1, 1)


@lru_cache(maxsize=64)
def mid_autumn(year: int) -> dt.date:
    """中秋节 (八月十五) in ``year``."""
    return _lunar_to_solar(year, 8, 15)


def _d(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, day)


@lru_cache(maxsize=64)
def _festivals(year: int) -> tuple[Festival, ...]:
    cny = spring_festival(year)
    one = dt.timedelta(days=1)
    out: list[Festival] = []

    nh_start, nh_end = cny - dt.timedelta(days=30), cny - dt.timedelta(days=7)
    out.append(Festival(
        "nianhuo", "年货节", "New Year Goods Festival", nh_start, nh_end,
        ("taobao", "jd", "pdd", "douyin", "kuaishou"), PROMOTION,
        (Phase("预热", "Warm-up", nh_start, nh_start + 2 * one), Phase("正式", "Sale", nh_start + 3 * one, nh_end)),
    ))
    out.append(Festival(
        "spring_festival", "春节停发", "Spring Festival shipping stop",
        cny - 5 * one, cny + 6 * one, ALL_PLATFORMS, NOTE,
    ))
    out.append(Festival(
        "womens_day", "38女王节", "Women's Day (3.8)", _d(year, 3, 1), _d(year, 3, 8),
        ("taobao", "jd", "douyin"), PROMOTION,
        (Phase("预热", "Warm-up", _d(year, 3, 1), _d(year, 3, 3)), Phase("正式", "Sale", _d(year, 3, 4), _d(year, 3, 8))),
    ))
    out.append(Festival(
        "618", "618", "618 Mid-Year Sale", _d(year, 5, 20), _d(year, 6, 18), ALL_PLATFORMS, PROMOTION,
        (
            Phase("预售", "Pre-sale", _d(year, 5, 20), _d(year, 5, 31)),
            Phase("开门红", "Opening", _d(year, 6, 1), _d(year, 6, 3)),
            Phase("正式", "Sale", _d(year, 6, 4), _d(year, 6, 15)),
            Phase("返场", "Final days", _d(year, 6, 16), _d(year, 6, 18)),
        ),
    ))
    moon = mid_autumn(year)
    out.append(Festival(
        "mid_autumn", "中秋礼盒季", "Mid-Autumn gift season",
        moon - 24 * one, moon - one, ALL_PLATFORMS, SEASON,
    ))
    out.append(Festival(
        "99", "99划算节", "99 Bargain Festival", _d(year, 9, 1), _d(year, 9, 9), ("taobao",), PROMOTION,
        (Phase("正式", "Sale", _d(year, 9, 1), _d(year, 9, 9)),),
    ))
    out.append(Festival(
        "double11", "双11", "Singles' Day (11.11)", _d(year, 10, 20), _d(year, 11, 11), ALL_PLATFORMS, PROMOTION,
        (
            Phase("预售", "Pre-sale", _d(year, 10, 20), _d(year, 10, 31)),
            Phase("正式", "Sale", _d(year, 11, 1), _d(year, 11, 10)),
            Phase("巅峰日", "Peak day", _d(year, 11, 11), _d(year, 11, 11)),
        ),
    ))
    out.append(Festival(
        "double12", "双12", "Double 12 (12.12)", _d(year, 12, 1), _d(year, 12, 12),
        ("taobao", "pdd", "douyin"), PROMOTION,
        (Phase("预热", "Warm-up", _d(year, 12, 1), _d(year, 12, 9)), Phase("正式", "Sale", _d(year, 12, 10), _d(year, 12, 12))),
    ))
    return tuple(sorted(out, key=lambda f: (f.start, f.key)))


def festivals(year: int) -> list[Festival]:
    """Every festival, season and shipping note ShopDesk assigns to ``year``, by start.

    The 年货节 of a year belongs to that year's 春节 and may start in the December before.
    """
    return list(_festivals(year))


def festivals_between(start: dt.date, end: dt.date) -> list[Festival]:
    """Festivals overlapping ``[start, end]`` (inclusive), by start date."""
    found: list[Festival] = []
    # 年货节 of a year can start in the December before it.
    for year in range(start.year, end.year + 2):
        found.extend(f for f in _festivals(year) if f.start <= end and f.end >= start)
    return sorted(found, key=lambda f: (f.start, f.key))
