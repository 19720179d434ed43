"""The owner's festival calendar: which of ShopDesk's festivals to show on each platform, and the
owner's own presets (店庆, 会员节, a supplier's new-tea day …), stored in the shop's settings
(``settings`` row ``festival_calendar``) and merged with ``resources/festivals.json`` by
``core.festivals`` (``festivals(year, choices)``, ``festivals_between(start, end, choices)``).

Stored as::

    {"hidden": {"taobao": ["qixi", "520"], "shopify": ["christmas"]},
     "own": [{"key": "own-店庆", "name_zh": "店庆", "name_en": "店庆", "kind": "promotion",
              "platforms": ["taobao", "douyin"], "start": "08-16", "end": "08-18",
              "phases": [{"name_zh": "预热", "name_en": "预热", "start": "08-14", "end": "08-15"}]}]}

An own preset's dates are rules as in festivals.json: ``MM-DD``, ``lunar MM-DD`` (the lunar
calendar), ``MM-thu4`` (the 4th Thursday), each with an optional ``+N``/``-N`` days.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from core.edits.base import FieldError
from core.festivals import rule_date
from core.i18n import t

SETTING_KEY = "festival_calendar"
PLATFORMS = ("taobao", "jd", "pdd", "douyin", "kuaishou", "youzan", "shopify", "wechat", "xiaohongshu")
KINDS = ("promotion", "season", "holiday", "note")
MAX_OWN = 50
CHECK_YEARS = (2024, 2027, 2030)  # a rule must give a date (and an end after its start) in these


@dataclass(frozen=True)
class FestivalChoices:
    hidden: Mapping[str, frozenset[str]] = field(default_factory=dict)  # platform → festival keys not shown
    own: tuple[Mapping[str, Any], ...] = ()

    def is_empty(self) -> bool:
        return not any(self.hidden.values()) and not self.own

    def as_json(self) -> dict[str, Any]:
        return {"hidden": {p: sorted(keys) for p, keys in sorted(self.hidden.items()) if keys},
                "own": [dict(o) for o in self.own]}


def from_json(value: Any) -> FestivalChoices:
    """The stored value read leniently: what cannot be read is left out (a hand-edited database)."""
    if not isinstance(value, Mapping):
        return FestivalChoices()
    hidden = {str(p): frozenset(str(k) for k in keys) for p, keys in (value.get("hidden") or {}).items()
              if isinstance(keys, (list, tuple))}
    own = []
    for preset in value.get("own") or ():
        try:
            own.append(check_preset(preset))
        except (FieldError, KeyError, TypeError, ValueError):
            continue
    return FestivalChoices(hidden, tuple(own))


def load_choices(session) -> FestivalChoices:
    from core.models import Setting

    row = session.get(Setting, SETTING_KEY)
    return from_json(row.value if row is not None else None)


def _check_rule(rule: Any, what: str) -> str:
    text = re.sub(r"\s+", " ", str(rule or "").strip().lower())
    try:
        for year in CHECK_YEARS:
            rule_date(text, year)
    except ValueError:
        raise FieldError(t("{what}: “{rule}” is not a date rule. Type MM-DD (05-20), lunar MM-DD (lunar 08-15), "
                           "MM-thu4 (the 4th Thursday of the month), each with an optional +N or -N days "
                           "(lunar 01-01 -30).", what=what, rule=rule), field="festivals") from None
    return text


def _check_span(start: str, end: str, what: str) -> None:
    for year in CHECK_YEARS:
        a, b = rule_date(start, year), rule_date(end, year)
        if b < a:
            raise FieldError(t("{what} ends ({end}) before it starts ({start}) in {year}.", what=what,
                               start=a.isoformat(), end=b.isoformat(), year=year), field="festivals")
        if (b - a).days > 92:
            raise FieldError(t("{what} runs {n} day(s) in {year}; a festival runs at most 92 days.", what=what,
                               n=(b - a).days + 1, year=year), field="festivals")


def check_preset(preset: Mapping[str, Any]) -> dict[str, Any]:
    """An own festival preset as stored, or a FieldError naming what is wrong."""
    name = str(preset.get("name_zh") or preset.get("name") or "").strip()
    if not name:
        raise FieldError(t("Give the festival a name, e.g. 店庆."), field="festivals")
    if len(name) > 40:
        raise FieldError(t("The festival's name is {n} characters long; at most 40 fit.", n=len(name)),
                         field="festivals")
    platforms = [str(p).strip() for p in preset.get("platforms") or ()]
    unknown = [p for p in platforms if p not in PLATFORMS]
    if unknown or not platforms:
        raise FieldError(t("{name}: choose the platforms it runs on ({known}).", name=name, known=", ".join(PLATFORMS)),
                         field="festivals")
    kind = str(preset.get("kind") or "promotion")
    if kind not in KINDS:
        kind = "promotion"
    start, end = _check_rule(preset.get("start"), name), _check_rule(preset.get("end") or preset.get("start"), name)
    _check_span(start, end, name)
    phases = []
    for ph in preset.get("phases") or ():
        ph_name = str(ph.get("name_zh") or ph.get("name") or "").strip()
        if not ph_name:
            raise FieldError(t("{name}: every phase needs a name, e.g. 预热.", name=name), field="festivals")
        what = f"{name} · {ph_name}"
        a, b = _check_rule(ph.get("start"), what), _check_rule(ph.get("end") or ph.get("start"), what)
        _check_span(a, b, what)
        for year in CHECK_YEARS:
            if rule_date(a, year) < rule_date(start, year) or rule_date(b, year) > rule_date(end, year):
                raise FieldError(t("{what} is outside the festival's dates in {year}.", what=what, year=year),
                                 field="festivals")
        phases.append({"name_zh": ph_name, "name_en": ph_name, "start": a, "end": b})
    return {"key": f"own-{name}", "name_zh": name, "name_en": name, "kind": kind, "platforms": platforms,
            "start": start, "end": end, "phases": phases}


def parse_phases(text: str) -> list[dict[str, str]]:
    """Phases as typed in the dialog: ``预热 08-14~08-15; 正式 08-16~08-18`` (a name without spaces,
    then two date rules; lunar rules too: ``预热 lunar 08-15 -10 ~ lunar 08-15 -1``)."""
    out = []
    for part in re.split(r"[;；\n]+", text or ""):
        part = part.strip()
        if not part:
            continue
        m = re.match(r"^(\S+)\s+(.+?)\s*[~～]\s*(.+)$", part)
        if not m:
            raise FieldError(t("Type each phase as a name and two dates, e.g. 预热 11-01~11-03; “{text}” is not one.",
                               text=part), field="festivals")
        out.append({"name_zh": m.group(1), "name_en": m.group(1), "start": m.group(2), "end": m.group(3)})
    return out


def phases_text(phases: Iterable[Mapping[str, Any]]) -> str:
    return "; ".join(f"{p['name_zh']} {p['start']}~{p['end']}" for p in phases)


def validated(hidden: Mapping[str, Iterable[str]], own: Sequence[Mapping[str, Any]]) -> FestivalChoices:
    """What ``SetFestivalChoices`` stores: hidden keys per known platform, checked own presets with
    distinct names."""
    if len(own) > MAX_OWN:
        raise FieldError(t("{n} own festivals is more than the calendar shows; keep at most {max}.", n=len(own),
                           max=MAX_OWN), field="festivals")
    checked = [check_preset(p) for p in own]
    names = [p["name_zh"] for p in checked]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise FieldError(t("Two own festivals are called {name}; give each its own name.", name=twice[0]),
                         field="festivals")
    clean = {str(p): frozenset(str(k) for k in keys) for p, keys in hidden.items() if p in PLATFORMS}
    return FestivalChoices({p: k for p, k in clean.items() if k}, tuple(checked))

