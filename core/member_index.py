"""The Members table over compact arrays: every customer's figures in a few NumPy columns, the
rows themselves read only for the page on screen.

``build_index`` reads one narrow row per customer (id, channel, tier, orders, spend, last order)
and scores RFM, the segments, the recall lists and the summary over arrays, so the tab's first
screen never builds 200,000 records in Python. ``next_tier_gaps`` adds the amount still needed
for the next tier from one grouped query (the window's measure per customer) when a list or a
sort needs it; ``rows`` builds ``core.members.MemberRow`` records for the given customers only
(their window measure looked up for just those), and ``order`` sorts and filters: by the arrays,
or for a plain customer column by the database (``ORDER BY``, ``LIKE``), never by a Python loop
over every customer. The numbers are those of ``core.members.member_rows`` (a test compares them
on a random shop).
"""
from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import Connection, and_, func, or_, select

from core.member_row import NEAR_TIER, SLEEPING_DAYS, MemberRow, SegmentSummary
from core.rfm import BY_ID, HIGH, HIGH_VALUE_SLIPPING, SEGMENTS
from core.tiers import CUSTOMERS, TIERS, TierRule, load_rules, measure_query, window_start

SEGMENT_IDS = tuple(s.id for s in SEGMENTS.values())  # code = position; -1 not scored
# Record fields sorted by the database (the customers table's own columns).
SQL_SORT = {"platform": CUSTOMERS.c.platform, "orders": CUSTOMERS.c.orders_count, "spend_fen": CUSTOMERS.c.spend_fen,
            "refund_fen": CUSTOMERS.c.refund_fen, "first_order": CUSTOMERS.c.first_order_at,
            "last_order": CUSTOMERS.c.last_order_at, "categories": CUSTOMERS.c.categories, "tags": CUSTOMERS.c.tags,
            "note": CUSTOMERS.c.note, "points": CUSTOMERS.c.points,
            "buyer": func.coalesce(func.nullif(CUSTOMERS.c.name, ""), CUSTOMERS.c.buyer_key)}
TEXT_COLUMNS = (CUSTOMERS.c.name, CUSTOMERS.c.buyer_key, CUSTOMERS.c.tags, CUSTOMERS.c.note, CUSTOMERS.c.categories,
                CUSTOMERS.c.phone)


def quintiles(values: np.ndarray, *, lower_is_better: bool = False) -> np.ndarray:
    """core.rfm.quintile_scores over an array: 1 + ⌊5 × customers strictly worse ÷ customers⌋."""
    n = len(values)
    if not n:
        return np.zeros(0, dtype=np.int8)
    ordered = np.sort(values)
    worse = n - np.searchsorted(ordered, values, "right") if lower_is_better else np.searchsorted(ordered, values, "left")
    return (1 + (5 * worse) // n).astype(np.int8)


@dataclass
class MemberIndex:
    today: dt.date
    rules: list[TierRule]
    tier_names: dict[int, str]
    ids: np.ndarray  # customer id per position
    platform: np.ndarray  # channel code (str objects)
    tier_id: np.ndarray  # -1: no tier
    tier_rank: np.ndarray  # position in ``rules``; -1: none (or a tier no longer in the rules)
    orders: np.ndarray
    spend: np.ndarray
    recency: np.ndarray  # days since the last paid order (0 without one: see ``has_last``)
    has_last: np.ndarray  # bool: a last paid order is known
    r: np.ndarray  # 1–5, 0 not scored
    f: np.ndarray
    m: np.ndarray
    segment: np.ndarray  # index into SEGMENT_IDS, -1 not scored
    sleeping: np.ndarray  # bool
    at_risk: np.ndarray  # bool
    gap: np.ndarray | None = None  # still needed for the next tier; -1 at the top or without tiers
    near_tier: np.ndarray | None = None  # bool, with ``gap``
    sleeping_days: int = SLEEPING_DAYS
    _position: dict[int, int] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return len(self.ids)

    @property
    def rule(self) -> str:
        return self.rules[0].rule if self.rules else "spend"

    def position_of(self, customer_id: int) -> int | None:
        if not self._position:
            self._position = {int(c): i for i, c in enumerate(self.ids)}
        return self._position.get(customer_id)

    # -- the summary lines
    def tier_counts(self) -> dict[str, int]:
        """Customers per tier name (tiers that exist; no tier left out)."""
        ids, counts = np.unique(self.tier_id[self.tier_id >= 0], return_counts=True)
        return {self.tier_names[int(i)]: int(n) for i, n in zip(ids, counts, strict=True) if int(i) in self.tier_names}

    def repeat_buyers(self) -> int:
        return int(np.count_nonzero(self.orders >= 2))

    def sleeping_count(self) -> int:
        return int(np.count_nonzero(self.sleeping))

    def segment_summary(self) -> list[SegmentSummary]:
        """core.members.segment_summary over the arrays."""
        out = []
        for code, seg in enumerate(SEGMENTS.values()):
            members = self.segment == code
            n = int(np.count_nonzero(members))
            if not n:
                continue
            days = self.recency[members & self.has_last]
            out.append(SegmentSummary(seg.id, seg.label, n, int(self.spend[members].sum()),
                                      float(days.sum()) / len(days) if len(days) else None))
        return out

    def top_spender(self) -> int | None:
        """The customer with the highest spend (the lowest id among equals), as the tab first shows."""
        if not self.count:
            return None
        best = self.spend.max()
        return int(self.ids[self.spend == best].min())

    # -- next tier
    def next_tier_names(self) -> list[str]:
        return [r.name for r in self.rules]

    def with_gaps(self, conn: Connection) -> MemberIndex:
        """Fill ``gap`` and ``near_tier`` from one grouped query (the window's measure per customer)."""
        if self.gap is not None:
            return self
        got = np.zeros(self.count, dtype=np.int64)
        if self.rules:
            from core.member_currency import tier_spend_channels
            from core.tiers import foreign_standings

            currencies, foreign = tier_spend_channels(conn, self.rules)
            q = measure_query(self.rules, self.today, exclude=foreign)
            stmt = (select(CUSTOMERS.c.id, q.c.measure)
                    .select_from(CUSTOMERS.join(q, and_(q.c.platform == CUSTOMERS.c.platform,
                                                        q.c.buyer_key == CUSTOMERS.c.buyer_key))))
            rows = conn.execute(stmt).all()
            if foreign:  # in yuan, each order at its month's rate (core.member_currency)
                rows += [(s.customer_id, s.measure) for s in
                         foreign_standings(conn, self.rules, self.today, currencies, foreign)]  # type: ignore[arg-type]
            if rows:
                pairs = np.array([(c, int(v or 0)) for c, v in rows], dtype=np.int64)
                pos = self._positions(pairs[:, 0])
                keep = pos >= 0
                got[pos[keep]] = pairs[keep, 1]
        self.gap, self.near_tier = self._gaps(got)
        return self

    def _gaps(self, measure: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Still needed for the next tier (-1 at the top or without tiers) and who is close to it."""
        gap = np.full(self.count, -1, dtype=np.int64)
        if not self.rules:
            return gap, np.zeros(self.count, dtype=bool)
        thresholds = np.array([r.threshold for r in self.rules] + [0], dtype=np.int64)
        target = self.tier_rank + 1  # no tier: the lowest one is next
        has = target < len(self.rules)
        line = thresholds[np.where(has, target, len(self.rules))]
        need = np.maximum(line - measure, 0)
        gap[has] = need[has]
        return gap, has & (need > 0) & (need <= (1 - NEAR_TIER) * line)

    def _positions(self, customer_ids: np.ndarray) -> np.ndarray:
        """Positions of ``customer_ids`` (-1 for an id not in the index)."""
        order = np.argsort(self.ids, kind="stable")
        sorted_ids = self.ids[order]
        at = np.searchsorted(sorted_ids, customer_ids)
        at = np.minimum(at, max(len(sorted_ids) - 1, 0))
        found = (sorted_ids[at] == customer_ids) if len(sorted_ids) else np.zeros(len(customer_ids), dtype=bool)
        return np.where(found, order[at] if len(order) else -1, -1)

    # -- sorting and filtering
    def mask(self, conn: Connection | None, *, tier: str | None = None, platform: str | None = None,
             segment: str | None = None, lists: Sequence[str] = (), text: str = "") -> np.ndarray:
        """Which positions the filters keep (the tab's *Show:* choices and the search box)."""
        keep = np.ones(self.count, dtype=bool)
        if tier is not None:
            ids = [i for i, n in self.tier_names.items() if n == tier]
            keep &= np.isin(self.tier_id, ids)
        if platform is not None:
            keep &= self.platform == platform
        if segment is not None:
            keep &= self.segment == (SEGMENT_IDS.index(segment) if segment in SEGMENT_IDS else -2)
        for name in lists:
            if name == "near_tier" and self.near_tier is None and conn is not None:
                self.with_gaps(conn)
            flags = {"sleeping": self.sleeping, "at_risk": self.at_risk, "near_tier": self.near_tier}.get(name)
            if flags is not None:
                keep &= flags
        if text and conn is not None:
            keep &= self._text_mask(conn, text)
        return keep

    def _text_mask(self, conn: Connection, text: str) -> np.ndarray:
        """Customers whose name, buyer, tags, note, categories or phone hold ``text`` (any case),
        or whose tier, channel (its code or its name) or segment name does."""
        needle = text.strip().casefold()
        if not needle:
            return np.ones(self.count, dtype=bool)
        pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        stmt = select(CUSTOMERS.c.id).where(or_(*(func.lower(c).like(pattern, escape="\\") for c in TEXT_COLUMNS)))
        found = np.array([c for (c,) in conn.execute(stmt)], dtype=np.int64)
        keep = np.isin(self.ids, found)
        tiers = [i for i, n in self.tier_names.items() if needle in n.casefold()]
        if tiers:
            keep |= np.isin(self.tier_id, tiers)
        segs = [k for k, s in enumerate(SEGMENTS.values()) if needle in s.label.casefold() or needle in s.zh]
        if segs:
            keep |= np.isin(self.segment, segs)
        from core.kpi.output import channel_label

        channels = [p for p in set(self.platform.tolist()) if needle in p or needle in channel_label(p).casefold()]
        if channels:
            keep |= np.isin(self.platform, channels)
        return keep

    def order(self, conn: Connection | None, sort: str | None, descending: bool) -> np.ndarray:
        """Every position in the order of ``sort`` (a MemberRow field; unknown values last when
        ascending, first when descending, as the app's tables sort); ties by customer id."""
        key = self._sort_key(conn, sort)
        if key is None:
            return np.arange(self.count)
        ascending = np.lexsort((self.ids, key))
        return ascending[::-1] if descending else ascending

    def _sort_key(self, conn: Connection | None, sort: str | None) -> np.ndarray | None:
        big = np.iinfo(np.int64).max
        if sort in ("tier", "next_tier"):
            rank = self.tier_rank.astype(np.int64) + (1 if sort == "next_tier" else 0)
            names = [r.name for r in self.rules]
            # by the shown name, as text; no name (no tier, or none above) last
            shown = np.array(sorted(range(len(names)), key=lambda i: names[i]), dtype=np.int64)
            place = np.empty(len(names), dtype=np.int64)
            place[shown] = np.arange(len(names))
            valid = (rank >= 0) & (rank < len(names))
            return np.where(valid, place[np.clip(rank, 0, max(len(names) - 1, 0))] if names else 0, big)
        if sort == "segment_label":
            labels = [s.label for s in SEGMENTS.values()]
            place = np.argsort(np.argsort(np.array(labels, dtype=object), kind="stable"), kind="stable")
            return np.where(self.segment >= 0, place[np.clip(self.segment, 0, 7)], big)
        if sort == "rfm":
            return np.where(self.r > 0, self.r.astype(np.int64) * 100 + self.f * 10 + self.m, big)
        if sort == "spend_fen":
            return self.spend
        if sort == "orders":
            return self.orders
        if sort == "days_since_last":
            return np.where(self.has_last, self.recency, big)
        if sort == "to_next_tier":
            if self.gap is None and conn is not None:
                self.with_gaps(conn)
            return np.where(self.gap >= 0, self.gap, big) if self.gap is not None else None
        column = SQL_SORT.get(sort or "")
        if column is None or conn is None:
            return None
        # The database's order (no value last), turned into a rank per position.
        ranked = [c for (c,) in conn.execute(select(CUSTOMERS.c.id).order_by(column.is_(None), column, CUSTOMERS.c.id))]
        key = np.empty(self.count, dtype=np.int64)
        pos = self._positions(np.array(ranked, dtype=np.int64))
        ok = pos >= 0
        key[pos[ok]] = np.arange(len(ranked))[ok]
        return key

    # -- the rows on screen
    def rows(self, conn: Connection, positions: Sequence[int]) -> list[MemberRow]:
        """MemberRow records for ``positions`` (in that order): one query for their customer rows and
        one for their window measures, whatever the size of the shop."""
        positions = [int(p) for p in positions]
        if not positions:
            return []
        wanted = [int(self.ids[p]) for p in positions]
        found = {r["id"]: r for r in conn.execute(select(CUSTOMERS).where(CUSTOMERS.c.id.in_(wanted))).mappings()}
        measure: dict[tuple[str, str], int] = {}
        if self.rules and self.gap is None:
            measure = page_measures(conn, self.rules, self.today, [(r["platform"], r["buyer_key"]) for r in found.values()])
        out = []
        for p, cid in zip(positions, wanted, strict=True):
            c = found.get(cid)
            if c is None:  # removed since the index was built: shown as it was scored
                continue
            out.append(self._row(p, c, measure))
        return out

    def all_rows(self, conn: Connection) -> list[MemberRow]:
        """Every customer's MemberRow (for the exports), in the index's order (by id)."""
        self.with_gaps(conn)
        out = []
        for c in conn.execute(select(CUSTOMERS).order_by(CUSTOMERS.c.id)).mappings():
            p = self.position_of(c["id"])
            if p is not None:
                out.append(self._row(p, c, {}))
        return out

    def _row(self, p: int, c, measure: dict[tuple[str, str], int]) -> MemberRow:
        rank = int(self.tier_rank[p])
        nxt, need, near = "", None, False
        if self.rules and rank + 1 < len(self.rules):
            target = self.rules[rank + 1]
            nxt = target.name
            if self.gap is not None:
                need, near = int(self.gap[p]), bool(self.near_tier[p])
            else:
                need = max(target.threshold - measure.get((c["platform"], c["buyer_key"]), 0), 0)
                near = bool(need and need <= (1 - NEAR_TIER) * target.threshold)
        seg = int(self.segment[p])
        s = BY_ID[SEGMENT_IDS[seg]] if seg >= 0 else None
        since = int(self.recency[p]) if self.has_last[p] else None
        lists = frozenset(n for n, on in (("sleeping", bool(self.sleeping[p])), ("at_risk", bool(self.at_risk[p])),
                                          ("near_tier", near)) if on)
        scored = s is not None
        return MemberRow(
            id=c["id"], platform=c["platform"], buyer_key=c["buyer_key"], name=c["name"],
            tier=self.tier_names.get(c["tier_id"], ""), orders=c["orders_count"], spend_fen=c["spend_fen"],
            refund_fen=c["refund_fen"], first_order=c["first_order_at"], last_order=c["last_order_at"],
            days_since_last=since, points=c["points"], categories=c["categories"],
            tags=c["tags"], note=c["note"], r=int(self.r[p]) if scored else None, f=int(self.f[p]) if scored else None,
            m=int(self.m[p]) if scored else None, segment=s.id if s else "", segment_label=s.label if s else "",
            next_tier=nxt, to_next_tier=need, tier_rule=self.rule, lists=lists,
            on_sleeping="sleeping" in lists, on_at_risk="at_risk" in lists, on_near_tier="near_tier" in lists,
            phone=c["phone"],
        )


def raw_rows(conn: Connection, stmt) -> list[tuple]:
    """``stmt`` (SQLAlchemy Core, so the SQL suits the engine) run on the driver's own cursor: plain
    tuples without a Row object per customer, which for 200,000 customers halves the read. Values
    come as the driver gives them (SQLite: datetimes as ISO text; see ``_ordinal``)."""
    compiled = stmt.compile(dialect=conn.dialect)
    params = compiled.construct_params()
    args = tuple(params[k] for k in compiled.positiontup) if compiled.positional else params
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        cursor.execute(str(compiled), args)
        return cursor.fetchall()
    finally:
        cursor.close()


def _days(values: Sequence) -> np.ndarray:
    """Datetimes as the driver returns them (datetime objects, or ISO text on SQLite; None) → their
    days as ``datetime64[D]`` (NaT for None); text is cut to its date and parsed by NumPy in C."""
    if any(isinstance(v, str) for v in values):
        return np.array([v[:10] if isinstance(v, str) else "NaT" if v is None else v.date().isoformat()
                         for v in values], dtype="datetime64[D]")
    return np.array([v.date() if isinstance(v, dt.datetime) else v for v in values], dtype="datetime64[D]")


def page_measures(conn: Connection, rules: list[TierRule], today: dt.date,
                  buyers: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """The window's measure of a page of customers: the channels and keys both as ``IN`` lists, so the
    database walks the buyer index for just these (a row-value ``IN`` is not used by every engine)."""
    if not buyers:
        return {}
    wanted = set(buyers)
    from core.member_currency import tier_spend_channels, window_spend

    currencies, foreign = tier_spend_channels(conn, rules)
    platforms, keys = sorted({p for p, _ in wanted}), sorted({k for _, k in wanted})
    q = measure_query(rules, today, platforms=platforms, keys=keys, exclude=foreign)
    out = {(p, k): int(v or 0) for p, k, v in conn.execute(select(q)) if (p, k) in wanted}
    mine = [p for p in foreign if p in platforms]
    if mine:
        out.update(((p, k), v) for (p, k), v in window_spend(conn, currencies, mine, window_start(rules, today), today,  # type: ignore[arg-type]
                                                          keys).items() if (p, k) in wanted)
    return out


def build_index(conn: Connection, today: dt.date, *, sleeping_days: int = SLEEPING_DAYS) -> MemberIndex:
    """One narrow read of the customers, then RFM, segments and the recall lists over arrays."""
    rules = load_rules(conn)
    names = dict(conn.execute(select(TIERS.c.id, TIERS.c.name)).all())
    rank_of = {r.id: i for i, r in enumerate(rules)}
    c = CUSTOMERS.c
    stmt = select(c.id, c.platform, func.coalesce(c.tier_id, -1), func.coalesce(c.orders_count, 0),
                  func.coalesce(c.spend_fen, 0), c.last_order_at).order_by(c.id)
    paused = gc.isenabled()
    gc.disable()  # 200,000 small tuples: a collection pass over them costs more than the read
    try:
        rows = raw_rows(conn, stmt)
        n = len(rows)
        columns = list(zip(*rows, strict=True)) if n else [()] * 6
    finally:
        if paused:
            gc.enable()
    ids, tier_id, orders, spend = (np.array(columns[k], dtype=np.int64) for k in (0, 2, 3, 4))
    platform = np.array(columns[1], dtype=object)
    last = _days(columns[5])
    has_last = ~np.isnat(last)
    recency = np.where(has_last, (np.datetime64(today, "D") - last).astype(np.int64), 0)
    lookup = np.array([rank_of.get(i, -1) for i in range(max(names, default=0) + 1)], dtype=np.int64)
    tier_rank = np.where((tier_id >= 0) & (tier_id < len(lookup)), lookup[np.clip(tier_id, 0, len(lookup) - 1)], -1)
    scored = has_last & (orders > 0)
    r = np.zeros(n, dtype=np.int8)
    f = np.zeros(n, dtype=np.int8)
    m = np.zeros(n, dtype=np.int8)
    r[scored] = quintiles(recency[scored], lower_is_better=True)
    f[scored] = quintiles(orders[scored])
    m[scored] = quintiles(spend[scored])
    high = (r >= HIGH).astype(np.int64), (f >= HIGH).astype(np.int64), (m >= HIGH).astype(np.int64)
    code_of = np.zeros(8, dtype=np.int64)  # (R high, F high, M high) as bits → position in SEGMENTS
    for k, (rh, fh, mh) in enumerate(SEGMENTS):
        code_of[int(rh) * 4 + int(fh) * 2 + int(mh)] = k
    segment = np.where(scored, code_of[high[0] * 4 + high[1] * 2 + high[2]], -1)
    slipping = [SEGMENT_IDS.index(s) for s in HIGH_VALUE_SLIPPING]
    return MemberIndex(today, rules, names, ids, platform, tier_id, tier_rank, orders, spend, recency, has_last,
                       r, f, m, segment, has_last & (recency > sleeping_days), np.isin(segment, slipping), sleeping_days=sleeping_days)
