"""The platform festival calendar (年货节, 38女王节, 618, 99划算节, 双11, 双12) for any year.

The dates are ShopDesk's own conventions, modelled on how Taobao/Tmall, JD, Pinduoduo and
Douyin have run these events in recent years; the platforms publish exact dates only weeks
ahead, so the owner adjusts a promotion's dates in the Promotions tab. What moves with the
lunar calendar (春节 and therefore 年货节; 中秋 and its gift-box season) comes from the
``lunar_python`` calendar library, never from a hand-written lunar computation. (It replaced
the ``holidays`` package, 4.5 MB in the bundle for two dates; both agree on every 春节 and
中秋 holiday from 1950 to 2100.)

The owner's choices (``core.festival_choices``: festivals hidden per platform, their own presets)
are merged in when passed (``festivals(year, choices)``).

The presets and their phases are data, ``resources/festivals.json``: each festival's dates are
rules (``05-20``, ``lunar 01-01 -30``, ``11-thu4 +1``) turned into dates for any year here.
Conventions (all dates inclusive):

- 年货节: from 30 days before 春节 until 7 days before it, when couriers stop taking parcels.
- 春节停发 (a note, not a promotion): 5 days before 春节 until 6 days after (初七).
- 春节, 元宵节 (正月十五), 中秋节 (八月十五): festival days the calendar marks.
- 38女王节: 1–8 March.  520: 13–20 May.  618: pre-sale from 20 May, ends 18 June.
- 七夕 (七月初七) and the 6 days before it.  99划算节: 1–9 September.
- 中秋礼盒季 (a gift season): 24 days before 中秋 until the day before it.
- 双11: pre-sale from 20 October, sale 1–11 November.  双12: 1–12 December.
- Shopify: 黑五网一 from the Friday after the 4th Thursday of November to the Monday after;
  Christmas 13–25 December.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Protocol

from core.errors import UserFacingError
from core.i18n import t
from core.paths import resource


class OwnerChoices(Protocol):
    """What ``festivals()`` reads of the owner's choices (``core.festival_choices.FestivalChoices``,
    which builds on this module: the calendar does not import its settings)."""

    hidden: Mapping[str, frozenset[str]]  # platform → festival keys not shown there
    own: tuple[Mapping[str, Any], ...]  # the owner's own presets, in the form of resources/festivals.json

    def is_empty(self) -> bool: ...

ALL_PLATFORMS: tuple[str, ...] = ("taobao", "jd", "pdd", "douyin", "kuaishou")

PROMOTION = "promotion"  # a platform sales event a shop can join
SEASON = "season"  # a buying season the shop plans for, not run by the platforms
NOTE = "note"  # a period that affects the shop, e.g. couriers stop over 春节
HOLIDAY = "holiday"  # a festival day (春节, 元宵, 中秋) the calendar marks


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


_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_RULE = re.compile(r"^(?:(lunar)\s+)?(\d{2})-(?:(\d{2})|(mon|tue|wed|thu|fri|sat|sun)([1-5]))(?:\s+([+-]\d+))?$")


def rule_date(rule: str, year: int) -> dt.date:
    """The date a preset's rule gives in ``year``: ``MM-DD``, ``lunar MM-DD`` (lunar year
    ``year``), ``MM-thu4`` (the 4th Thursday of the month), each with an optional ``+N``/``-N``
    days (``lunar 01-01 -30``: 30 days before 春节)."""
    m = _RULE.match(rule.strip())
    if m is None:
        raise ValueError(f"not a festival date rule: {rule!r}")  # a broken resources/festivals.json
    lunar, month, day, weekday, nth, offset = m.groups()
    if lunar:
        base = _lunar_to_solar(year, int(month), int(day))
    elif day:
        base = dt.date(year, int(month), int(day))
    else:
        first = dt.date(year, int(month), 1)
        base = first + dt.timedelta(days=(_WEEKDAYS.index(weekday) - first.weekday()) % 7 + 7 * (int(nth) - 1))
        if base.month != int(month):
            raise ValueError(f"{rule!r}: no such weekday in {year}-{month}")
    return base + dt.timedelta(days=int(offset or 0))


@lru_cache(maxsize=1)
def presets() -> tuple[dict, ...]:
    """The festival presets (``resources/festivals.json``), as data."""
    data = json.loads(resource("festivals.json").read_text(encoding="utf-8"))
    return tuple(data["festivals"])


def _festival(p: dict, year: int) -> Festival:
    phases = tuple(Phase(ph["name_zh"], ph["name_en"], rule_date(ph["start"], year), rule_date(ph["end"], year))
                   for ph in p.get("phases", ()))
    return Festival(p["key"], p["name_zh"], p["name_en"], rule_date(p["start"], year), rule_date(p["end"], year),
                    tuple(p["platforms"]), p.get("kind", PROMOTION), phases)


@lru_cache(maxsize=64)
def _festivals(year: int) -> tuple[Festival, ...]:
    if not FIRST_YEAR <= year <= LAST_YEAR:  # also for a year whose presets are all fixed dates
        _lunar_to_solar(year, 1, 1)
    return tuple(sorted((_festival(p, year) for p in presets()), key=lambda f: (f.start, f.key)))


def _chosen(found: Iterable[Festival], year: int, choices: OwnerChoices | None) -> list[Festival]:
    """ShopDesk's festivals of ``year`` with the owner's own presets added and, per platform, the
    ones the owner hid taken off that platform (off the calendar when no platform is left)."""
    out = list(found)
    if choices is None or choices.is_empty():
        return out
    out += [_festival(dict(p), year) for p in choices.own]
    kept = []
    for f in out:
        platforms = tuple(p for p in f.platforms if f.key not in choices.hidden.get(p, ()))
        if platforms:
            kept.append(f if platforms == f.platforms else replace(f, platforms=platforms))
    return sorted(kept, key=lambda f: (f.start, f.key))


def festivals(year: int, choices: OwnerChoices | None = None) -> list[Festival]:
    """Every festival, season and shipping note ShopDesk assigns to ``year``, by start; with the
    owner's ``choices`` (core.festival_choices): their own presets added, hidden ones left out.

    The 年货节 of a year belongs to that year's 春节 and may start in the December before.
    """
    return _chosen(_festivals(year), year, choices)


def festivals_between(start: dt.date, end: dt.date, choices: OwnerChoices | None = None) -> list[Festival]:
    """Festivals overlapping ``[start, end]`` (inclusive), by start date (with the owner's ``choices``)."""
    found: list[Festival] = []
    # 年货节 of a year can start in the December before it.
    for year in range(start.year, end.year + 2):
        found.extend(f for f in _chosen(_festivals(year), year, choices) if f.start <= end and f.end >= start)
    return sorted(found, key=lambda f: (f.start, f.key))
