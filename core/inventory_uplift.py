"""Promotion-aware demand: the calendar's promotions raise a SKU's forecast inside their windows.

A promotion that has not ended yet raises the demand of the SKUs in its scope (all of them when
it has none) by

* its **expected uplift** when the owner typed one in the promotion form (0.5 → 1.5× normal
  sales), else
* the uplift **the same festival had last year**, measured from the orders: daily units in last
  year's festival window ÷ daily units in the ``BASELINE_DAYS`` before it — for the SKU when it
  sold at least ``MIN_UNITS`` in both, else for its category, else not at all. Only a platform
  festival or event matched to a festival preset (core/festivals.py) has a "last year"; an own
  promotion without an expected uplift changes nothing.

Stock is shared by every channel, so a promotion on some channels raises only their part of the
SKU's sales: factor = 1 + (uplift − 1) × those channels' share of its units in the sales window.
The factors feed ``core.inventory.stockout_date``, which moves the stock-out and order-by dates
earlier; ``Uplift.source`` says in one line where each factor comes from.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, fields
from functools import partial
from itertools import compress, repeat
from typing import Any

from sqlalchemy import Connection, case, func, select
from sqlalchemy.orm import Session

from core.errors import UserFacingError
from core.festivals import PROMOTION, Festival, festivals, festivals_between
from core.gc_paused import gc_paused
from core.i18n import language, t
from core.inventory import InventoryParams, Uplift, UpliftsBySku
from core.models import OrderLine, Promotion, Sku
from core.parallel_reads import rows_at_once

BASELINE_DAYS = 28
MIN_UNITS = 5  # fewer units than this in either window: the SKU's own ratio is noise
MAX_FACTOR = 10.0  # a launch from almost nothing is not a forecast


@dataclass(frozen=True)
class _Measure:
    window: tuple[dt.date, dt.date]
    baseline: tuple[dt.date, dt.date]
    festival: Festival  # last year's


def _measure(p: Promotion, today: dt.date) -> _Measure | None:
    """Where a promotion's uplift is measured: last year's festival window and the days before it;
    None without a last year, or when it has not happened yet (nothing sold in it to measure)."""
    fest = festival_of(p)
    last = _last_year(fest) if fest else None
    if last is None or last.start > today:
        return None
    return _Measure((last.start, last.end),
                    (last.start - dt.timedelta(days=BASELINE_DAYS), last.start - dt.timedelta(days=1)), last)


@gc_paused()  # core.gc_paused
def promotion_uplifts(session: Session, today: dt.date, params: InventoryParams = InventoryParams()
                      ) -> dict[str, list[Uplift]]:
    """Per SKU code, the uplift windows of the promotions still to come or running.

    Kept between computations (core.past_orders) while the orders, the promotions, the active SKUs'
    categories and the language stay the same: a stock edit's reload computes none of it again."""
    from core.past_orders import PastOrders

    horizon = today + dt.timedelta(days=params.horizon_days)
    promos = session.scalars(
        select(Promotion).where(Promotion.status != "cancelled", Promotion.end > today, Promotion.start <= horizon)
        .order_by(Promotion.start, Promotion.id)
    ).all()
    if not promos:
        return {}
    # Plain rows through the connection: the ORM's row processing was a fifth of this function.
    conn = session.connection()
    categories = dict(conn.execute(select(Sku.code, Sku.category).where(Sku.active.is_(True))).all())
    past = PastOrders(conn)
    key = ("inventory.uplifts", today, params.window_days, language(), frozenset(categories.items()),
           tuple((p.id, p.name, p.kind, tuple(p.platforms or ()), p.start, p.end, p.expected_uplift,
                  json.dumps(p.scope or {}, sort_keys=True, ensure_ascii=False)) for p in promos))
    if not past.has(key):
        # Not kept: read what it needs from the orders, last year's festival windows and the
        # channels' units on a second connection while this one reads the sales window.
        from core.inventory_sales import past_order_reads

        with past_order_reads(conn, past, today, params, _reads(promos, today, params)):
            return past.get(key, lambda: _uplifts(conn, past, promos, categories, today, params))
    return past.get(key, lambda: _uplifts(conn, past, promos, categories, today, params))


def _reads(promos: Sequence[Promotion], today: dt.date, params: InventoryParams) -> dict[tuple, Any]:
    """The past-order reads ``_uplifts`` will ask for (by their keys in core.past_orders), in that order."""
    reads: dict[tuple, Any] = {}
    for p in promos:
        if p.expected_uplift is None:
            m = _measure(p, today)
            if m is not None:
                reads[_festival_key(m)] = partial(_festival_units, m=m)
        if p.platforms:
            first = today - dt.timedelta(days=params.window_days - 1)
            channels = tuple(p.platforms)
            reads[("inventory.channels", first, today, channels)] = partial(_channel_shares, start=first, end=today,
                                                                             channels=channels)
    return reads


def _festival_key(m: _Measure) -> tuple:
    return ("inventory.festival", *m.baseline, *m.window)


def _festival_units(conn: Connection, m: _Measure) -> tuple[dict[str, int], dict[str, int]]:
    return _units_before_and_in(conn, m.baseline[0], m.window[0], m.window[1])


def _uplifts(conn: Connection, past: Any, promos: Sequence[Promotion], categories: dict[str, str], today: dt.date,
             params: InventoryParams) -> UpliftsBySku:
    first = today - dt.timedelta(days=params.window_days - 1)
    out: dict[str, list[Uplift]] = defaultdict(list)
    windows: dict[tuple, Uplift] = {}  # one object per distinct window, shared by the SKUs it raises
    members: dict[str, list[str]] | None = None
    for p in promos:
        codes = _in_scope(p, categories)
        if not codes:
            continue
        start, end = max(p.start, today + dt.timedelta(days=1)), p.end
        # The SKUs by the (factor, sentence) that raises them (a few groups, not a pass per SKU and factor).
        if p.expected_uplift is not None:
            if p.expected_uplift <= 0:
                continue
            factor = 1 + p.expected_uplift
            source = t("{name}: expected {factor}× normal sales (promotion calendar)", name=p.name,
                       factor=_times(factor))
            groups = {(factor, source): codes}
        else:
            if members is None:
                members = _members(categories)
            groups = _measured(conn, past, p, codes, categories, today, members)
        if p.platforms:  # per set of channels: each SKU's share of its units in the sales window
            channels = tuple(p.platforms)
            share_of = past.get(("inventory.channels", first, today, channels),
                                lambda: _channel_shares(conn, first, today, channels))
        else:
            share_of = None
        # One window per factor (on every channel) or per factor and share (on some): SKUs share them.
        for factor_source, group in groups.items():
            if share_of is None:
                made = _window(windows, start, end, *factor_source, 1.0)
                if made is not None:
                    for code in group:
                        out[code].append(made)
                continue
            by_share: dict[float, Uplift | None] = {}
            get_share = share_of.get
            for code in group:
                # No recent sales on record: share 1 (the rate is 0 anyway, the factor changes nothing).
                share = get_share(code, 1.0)
                made = by_share.get(share, _UNSEEN)
                if made is _UNSEEN:
                    made = by_share[share] = _window(windows, start, end, *factor_source, share)
                if made is not None:
                    out[code].append(made)
    # SKUs raised by the same promotions get the same list object: core.inventory flattens each
    # set once. (One object per distinct window, so the windows' ids name a set.)
    shared: dict[tuple[int, ...], list[Uplift]] = {}
    return UpliftsBySku({code: shared.setdefault(tuple(map(id, ups)), ups) for code, ups in out.items()})


_UNSEEN: Any = object()


def _window(windows: dict[tuple, Uplift], start: dt.date, end: dt.date, factor: float, source: str,
            share: float) -> Uplift | None:
    """The window raising the promotion's channels' ``share`` of a SKU's sales by ``factor``, one
    object per distinct window; None when it raises nothing."""
    effective = 1 + (factor - 1) * share
    if effective <= 1:
        return None
    key = (start, end, round(effective, 4), source)
    made = windows.get(key)
    if made is None:
        made = windows[key] = _new_uplift(key)
    return made


_UPLIFT_FIELDS = tuple(f.name for f in fields(Uplift))


def _new_uplift(values: tuple) -> Uplift:
    """``Uplift(*values)`` made at once: the frozen dataclass's __init__ sets each field through
    object.__setattr__ (2,000 windows on the benchmark; core.inventory._new_row does the same for rows)."""
    made = object.__new__(Uplift)
    made.__dict__.update(zip(_UPLIFT_FIELDS, values))
    return made


def _in_scope(p: Promotion, categories: dict[str, str]) -> list[str]:
    scope = p.scope or {}
    skus, cats = set(scope.get("skus") or ()), set(scope.get("categories") or ())
    if not skus and not cats:
        return list(categories)
    return [c for c, cat in categories.items() if c in skus or cat in cats]


def _channel_shares(conn: Connection, start: dt.date, end: dt.date, channels: tuple[str, ...]) -> dict[str, float]:
    """Per SKU that sold from ``start`` to ``end``, the share of its units sold on ``channels``
    (1 when none of its lines has a quantity: the rate is 0 anyway, the factor changes nothing)."""
    on_them = func.sum(case((OrderLine.platform.in_(channels), OrderLine.qty), else_=0))
    q = (select(OrderLine.sku_code, on_them, func.sum(OrderLine.qty))
         .where(OrderLine.pay_date.between(start, end)).group_by(OrderLine.sku_code))
    # Read on a worker thread: the rows at once (core.parallel_reads).
    return {code: (mine or 0) / total if total else 1.0 for code, mine, total in rows_at_once(conn, q, (str, int, int))}


def festival_of(p: Promotion) -> Festival | None:
    """The festival preset a platform promotion runs for: the platform event whose dates overlap
    the promotion's the most (ties: the one whose name it carries)."""
    if p.kind not in ("festival", "platform"):
        return None
    best, best_key = None, (0, False)
    for f in festivals_between(p.start, p.end):
        if f.kind != PROMOTION:
            continue
        overlap = (min(f.end, p.end) - max(f.start, p.start)).days + 1
        key = (overlap, f.name_zh in p.name or f.name_en.lower() in p.name.lower())
        if key > best_key:
            best, best_key = f, key
    return best


def _last_year(f: Festival) -> Festival | None:
    for year in (f.start.year - 1, f.end.year - 1):
        try:
            found = [g for g in festivals(year) if g.key == f.key]
        except UserFacingError:  # a year the lunar calendar does not cover
            return None
        for g in found:
            if g.start < f.start:
                return g
    return None


def _measured(conn: Connection, past: Any, p: Promotion, codes: list[str], categories: dict[str, str], today: dt.date,
              members: dict[str, list[str]] | None = None) -> dict[tuple[float, str], list[str]]:
    """The SKUs of ``codes`` last year's festival raises, by their (factor, sentence): their own
    ratio when they sold enough in both windows, else their category's; those not raised left out.
    ``members``: the active SKUs of each category (``_members``; made here when not given)."""
    if members is None:
        members = _members(categories)
    m = _measure(p, today)
    if m is None:
        return {}
    last = m.festival
    window, baseline = past.get(_festival_key(m), lambda: _festival_units(conn, m))
    days_w = (m.window[1] - m.window[0]).days + 1
    name = last.name_zh if language() == "zh_CN" else last.name_en
    # Category totals over the active SKUs and the SKUs' own ratios, from the SKUs that sold.
    cat_w, cat_b, own = _sums_and_ratios(window, baseline, categories, days_w)
    this_sku = t("this SKU")
    festival = f"{name} {last.start.year}"
    texts: dict[tuple[str, str], str] = {}  # a few distinct sentences, not one per SKU

    def text(ratio: float, whose: str) -> str:
        key = (f"{ratio:.1f}", whose)  # _times
        found = texts.get(key)
        if found is None:
            found = texts[key] = t("{name}: {factor}× normal sales ({whose}, last year's {festival})", name=p.name,
                                   factor=key[0], whose=whose, festival=festival)
        return found

    # Per category, the (factor, sentence) of its SKUs without enough units of their own; None: not raised.
    by_category: dict[str, tuple[float, str] | None] = {}
    for cat in members:
        w, b = cat_w.get(cat, 0), cat_b.get(cat, 0)
        ratio = _ratio(w, b, days_w) if w >= MIN_UNITS and b >= MIN_UNITS else 0.0
        by_category[cat] = (ratio, text(ratio, t("its category {category}", category=cat or "—"))) if ratio > 1 else None
    # The SKUs by what raises them: their own ratio, else their category's (one group per category).
    everyone = len(codes) == len(categories)  # _in_scope's list of every active SKU
    in_scope = categories if everyone else set(codes)
    groups: dict[tuple[float, str], list[str]] = {}
    keys: dict[float, tuple[float, str]] = {}  # SKUs of the same units share their ratio
    for code, ratio in own.items():
        if ratio > 1 and code in in_scope:
            key = keys.get(ratio)
            if key is None:
                key = keys[ratio] = (ratio, text(ratio, this_sku))
            found_codes = groups.get(key)
            if found_codes is None:
                groups[key] = [code]
            else:
                found_codes.append(code)
    for cat, found in by_category.items():
        if found is not None:
            cat_codes = [c for c in members[cat] if c not in own] if everyone else \
                [c for c in members[cat] if c not in own and c in in_scope]
            if cat_codes:
                groups.setdefault(found, []).extend(cat_codes)
    return groups


def _sums_and_ratios(window: dict[str, int], baseline: dict[str, int], categories: dict[str, str], days_w: int
                     ) -> tuple[dict[str, int], dict[str, int], dict[str, float]]:
    """Per category of ``categories``, the units of its SKUs in last year's festival window and in
    the baseline days before it; per SKU that sold at least ``MIN_UNITS`` in both, its own ratio.
    Column by column (numpy) when the units are small enough for floats and int64 (checked), else
    one by one: the same whole numbers and the same floats (``_ratio``)."""
    import numpy as np

    w_codes, b_codes = list(window), list(baseline)
    small = 2 ** 53 // max(len(w_codes) + len(b_codes), 1)
    if not all(type(v) is int and 0 <= v < small for v in (*window.values(), *baseline.values())):
        return _sums_and_ratios_one_by_one(window, baseline, categories, days_w)
    cats = list(dict.fromkeys(categories.values()))
    index = {cat: i for i, cat in enumerate(cats)}
    w_units = np.fromiter(window.values(), dtype=np.int64, count=len(w_codes))
    b_units = np.fromiter(baseline.values(), dtype=np.int64, count=len(b_codes))
    totals = []
    for codes_, units in ((w_codes, w_units), (b_codes, b_units)):
        at = np.fromiter(map(index.get, map(categories.get, codes_), repeat(-1)), dtype=np.int64, count=len(codes_))
        sums = np.zeros(len(cats), dtype=np.int64)
        np.add.at(sums, at[at >= 0], units[at >= 0])
        totals.append({cat: total for cat, total in zip(cats, sums.tolist()) if total})
    b_of_w = np.fromiter(map(baseline.get, w_codes, repeat(0)), dtype=np.int64, count=len(w_codes))
    enough = (w_units >= MIN_UNITS) & (b_of_w >= MIN_UNITS)
    ratios = np.minimum((w_units[enough] / days_w) / (b_of_w[enough] / BASELINE_DAYS), MAX_FACTOR)
    own = dict(zip(compress(w_codes, enough.tolist()), ratios.tolist()))
    return totals[0], totals[1], own


def _sums_and_ratios_one_by_one(window: dict[str, int], baseline: dict[str, int], categories: dict[str, str],
                                days_w: int) -> tuple[dict[str, int], dict[str, int], dict[str, float]]:
    cat_w: dict[str, int] = defaultdict(int)
    cat_b: dict[str, int] = defaultdict(int)
    for code, w in window.items():
        cat = categories.get(code)
        if cat is not None:
            cat_w[cat] += w
    for code, b in baseline.items():
        cat = categories.get(code)
        if cat is not None:
            cat_b[cat] += b
    own: dict[str, float] = {}
    for code, w in window.items():
        if w >= MIN_UNITS:
            b = baseline.get(code, 0)
            if b >= MIN_UNITS:
                own[code] = _ratio(w, b, days_w)
    return cat_w, cat_b, own


def _members(categories: dict[str, str]) -> dict[str, list[str]]:
    """The SKUs of each category, in ``categories``' order."""
    members: dict[str, list[str]] = defaultdict(list)
    for code, cat in categories.items():
        members[cat].append(code)
    return members


def _units_before_and_in(conn: Connection, start: dt.date, window_start: dt.date, end: dt.date
                         ) -> tuple[dict[str, int], dict[str, int]]:
    """Units per SKU from ``window_start`` to ``end``, and in the baseline days before it (from
    ``start``): one pass over the lines instead of two."""
    inside = OrderLine.pay_date >= window_start
    q = (select(OrderLine.sku_code, func.sum(case((inside, OrderLine.qty), else_=0)),
                func.sum(case((inside, 0), else_=OrderLine.qty)))
         .where(OrderLine.pay_date.between(start, end)).group_by(OrderLine.sku_code))
    window: dict[str, int] = {}
    baseline: dict[str, int] = {}
    for code, w, b in rows_at_once(conn, q, (str, int, int)):  # read on a worker thread
        if w:
            window[code] = int(w)
        if b:
            baseline[code] = int(b)
    return window, baseline


def _ratio(window_units: int, baseline_units: int, window_days: int) -> float:
    return min((window_units / window_days) / (baseline_units / BASELINE_DAYS), MAX_FACTOR)


def _times(factor: float) -> str:
    return f"{factor:.1f}"
