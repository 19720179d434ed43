"""Benchmark: RFM, tiers and points for 200,000 customers over 1,000,000 orders (issue #16).

    .venv/bin/python bench/members.py [--customers 200000] [--orders 1000000] [--db FILE] [--runs 3]

Builds (or reuses, with ``--db``) a database of ``--customers`` buyers on seven channels and
``--orders`` paid orders over two years (a long tail: a few buyers order often), the default tiers
(普通 / 银卡 / 金卡 / 黑卡, ×1 … ×2 points) and the customers as an import leaves them. Then, once,
the first recompute of a shop that never had one (every customer gets a tier, every order of the
last 12 months earns points, written in bulk as an import does), and in the same run, each timed
over ``--runs`` runs:

* floor     — ``SELECT platform, buyer_key, COUNT(*), SUM(paid_fen − refund_fen) FROM orders
              WHERE is_paid GROUP BY platform, buyer_key``: the least any per-customer figure costs;
* recompute — Recompute tiers and points as the button runs it (``apply_edit(RecomputeTiers)``:
              the tier rule over the window, every customer's points replayed FIFO, expiries,
              RFM is not stored so not part of it); target ≤ 3 s;
* rules     — saving new tier rules from the tab's form (``SetTierRules(…, today=…)``: 银卡 lowered
              from ¥500 to ¥300, so tens of thousands of members move up in the rules' own change,
              as the owner sees them at once), against the two steps it replaces — the rules alone,
              then Recompute — back to back in each run; each run's change is undone (untimed);
* screen    — the tab's first screen, as its load reads it: ``build_index`` (every customer's RFM
              scores, segment, lists over arrays), the first page of 200 rows highest spend first
              (``MemberPages``), the summary figures, ``segment_summary``, ``tier_distribution``,
              the tier log and the top spender's ledger; target ≤ 1 s;
* all rows  — ``member_rows``: every customer as a record with the next-tier gap (the exports);
* cohorts   — the tab's cohort part (``activity`` + ``cohorts`` + ``repurchase_by_month``);
* check     — the ledger = balance check (``ledger_mismatches``).

Prints the median and the slowest run (wall clock, this machine), the median CPU time of this
process (the machine is shared: CPU time is the fairer figure) and each as a multiple of the floor.
"""
from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text  # noqa: E402

from core.db import open_database  # noqa: E402

PLATFORMS = ["taobao", "jd", "pdd", "douyin", "kuaishou", "youzan", "shopify"]
END = dt.date(2026, 11, 20)
DAYS = 730


def build(path: Path, n_customers: int, n_orders: int, seed: int = 16) -> None:
    open_database(path).close()  # schema and indexes exactly as the app creates them
    rnd = random.Random(seed)
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    for rank, (name, th, keep, mult) in enumerate((("普通会员", 0, 0, 100), ("银卡会员", 50_000, 30_000, 120),
                                                   ("金卡会员", 200_000, 120_000, 150),
                                                   ("黑卡会员", 500_000, 300_000, 200))):
        con.execute("INSERT INTO tiers (name, rank, rule, threshold, retention_threshold, window_days, validity_days, "
                    "benefits, points_per_yuan, points_multiplier, points_expiry_months) "
                    "VALUES (?, ?, 'spend', ?, ?, 365, 365, '', 1, ?, 12)", (name, rank, th, keep, mult))
    buyers = [(PLATFORMS[i % 7], f"buyer{i:07d}") for i in range(n_customers)]
    cum = list(itertools.accumulate(1 / (1 + i) ** 0.6 for i in range(n_customers)))
    start = END - dt.timedelta(days=DAYS - 1)
    figures: dict[int, list] = {}
    batch = []
    # Every buyer orders at least once; the rest of the orders follow the long tail.
    picks = itertools.chain(range(n_customers), (rnd.choices(range(n_customers), cum_weights=cum, k=1)[0]
                                                 for _ in range(max(n_orders - n_customers, 0))))
    for i, b in enumerate(picks):
        day = start + dt.timedelta(days=min(DAYS - 1, int(rnd.random() ** 0.8 * DAYS)))
        paid = rnd.choice((3900, 8800, 12800, 19900, 29900, 59900))
        refund = paid if rnd.random() < 0.03 else 0
        at = dt.datetime.combine(day, dt.time(10)).isoformat(sep=" ")
        platform, key = buyers[b]
        batch.append((platform, f"N{i:08d}", key, at, paid, refund, day.isoformat()))
        f = figures.setdefault(b, [at, at, 0, 0, 0])
        f[0], f[1] = min(f[0], at), max(f[1], at)
        f[2] += 1
        f[3] += paid - refund
        f[4] += refund
        if len(batch) == 50_000:
            _orders(con, batch)
            batch = []
    _orders(con, batch)
    con.executemany(
        "INSERT INTO customers (platform, buyer_key, name, phone, first_order_at, last_order_at, orders_count, "
        "spend_fen, points, tags, source, refund_fen, categories, note) "
        "VALUES (?, ?, ?, '138****0000', ?, ?, ?, ?, 0, '', '', ?, '', '')",
        [(buyers[b][0], buyers[b][1], f"客户{b}", f[0], f[1], f[2], f[3], f[4]) for b, f in figures.items()])
    con.commit()
    con.execute("ANALYZE")
    con.close()


def _orders(con: sqlite3.Connection, batch: list[tuple]) -> None:
    con.executemany(
        "INSERT INTO orders (platform, shop, order_no, buyer_key, buyer_name, province, created_at, paid_at, status, "
        "status_text, goods_fen, shipping_fen, discount_fen, paid_fen, refund_fen, is_paid, pay_date, units, "
        "line_paid_fen, open_weight_fen, open_qty, source) VALUES (?, '', ?, ?, '', '', ?, ?, 'completed', '', "
        "0, 0, 0, ?, ?, 1, ?, 1, 0, 0, 0, '')",
        [(p, no, k, at, at, paid, refund, day) for p, no, k, at, paid, refund, day in batch])


class _NoUndo:
    """The first recompute is written in bulk, as an import writes it (its undo log left out here)."""

    def change(self, *_a) -> None: ...

    def add(self, *_a) -> None: ...


def first_recompute(db) -> None:
    from core.imports.write import bulk_update
    from core.points import write_points_for_import
    from core.tiers import CUSTOMERS, plan_today

    with db.engine.begin() as conn:
        moves = plan_today(conn, END)
        bulk_update(conn, CUSTOMERS, "id", [{"tier_id": m.to_id, "tier_since": m.since, "_key": m.customer_id}
                                           for m in moves], ("tier_id", "tier_since"))
        write_points_for_import(conn, _NoUndo(), END)


def timed(fn, runs: int) -> tuple[float, float, float]:
    """(median wall, slowest wall, median CPU) seconds."""
    fn()  # warm: the page cache, not the code, is what a first run measures
    times, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return statistics.median(times), max(times), statistics.median(cpu)


def main() -> None:
    from core.cohorts import activity, cohorts, repurchase_by_month
    from core.edits import apply_edit
    from core.edits.members import RecomputeTiers
    from core.member_index import build_index
    from core.member_pages import MemberPages
    from core.members import currency_note, member_rows, tier_distribution, tier_log_rows
    from core.points import ledger_mismatches, ledger_rows

    ap = argparse.ArgumentParser()
    ap.add_argument("--customers", type=int, default=200_000)
    ap.add_argument("--orders", type=int, default=1_000_000)
    ap.add_argument("--db", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", default="", help="comma-separated figures to measure (the floor always is)")
    a = ap.parse_args()
    path = a.db or Path(tempfile.mkdtemp()) / "members-bench.db"
    db = open_database(path) if path.exists() else None
    if db is None:
        t0 = time.perf_counter()
        build(path, a.customers, a.orders)
        print(f"built {path} in {time.perf_counter() - t0:.0f} s")
        db = open_database(path)
        t0 = time.perf_counter()
        first_recompute(db)
        print(f"first recompute (every tier assigned, 12 months of points earned, bulk): "
              f"{time.perf_counter() - t0:.2f} s")
    with db.session() as s:
        n_orders = s.execute(text("SELECT COUNT(*) FROM orders")).scalar_one()
        n_customers = s.execute(text("SELECT COUNT(*) FROM customers")).scalar_one()
        n_lines = s.execute(text("SELECT COUNT(*) FROM points_ledger")).scalar_one()
    print(f"{n_customers:,} customers, {n_orders:,} orders, {n_lines:,} ledger lines")

    def floor() -> None:
        with db.session() as s:
            s.execute(text("SELECT platform, buyer_key, COUNT(*), SUM(paid_fen - refund_fen) FROM orders "
                           "WHERE is_paid GROUP BY platform, buyer_key")).all()

    def recompute() -> None:
        apply_edit(db, RecomputeTiers(END))

    def rules_timed(today) -> tuple[float, float]:
        from core.edits import undo_change
        from core.edits.members import SetTierRules, TierSpec

        specs = (TierSpec("普通会员", 0, 0, "", 100), TierSpec("银卡会员", 30_000, 20_000, "", 120),
                 TierSpec("金卡会员", 200_000, 120_000, "", 150), TierSpec("黑卡会员", 500_000, 300_000, "", 200))
        old = (TierSpec("普通会员", 0, 0, "", 100), TierSpec("银卡会员", 50_000, 30_000, "", 120),
               TierSpec("金卡会员", 200_000, 120_000, "", 150), TierSpec("黑卡会员", 500_000, 300_000, "", 200))
        t0, c0 = time.perf_counter(), time.process_time()
        changes = [apply_edit(db, SetTierRules("spend", 365, 365, specs, today=today))]
        if today is None:
            changes.append(apply_edit(db, RecomputeTiers(END)))
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        for change in reversed(changes):
            if not change.empty:
                undo_change(db, change)
        apply_edit(db, SetTierRules("spend", 365, 365, old))
        return wall, cpu

    if not a.only or "rules" in a.only.split(","):
        pairs = [(rules_timed(None), rules_timed(END)) for _ in range(a.runs)]
        for i, (two, one) in enumerate(pairs):
            print(f"rules run {i + 1}: rules then Recompute {two[0]:6.2f} s (CPU {two[1]:6.2f} s); "
                  f"rules moving the members at once {one[0]:6.2f} s (CPU {one[1]:6.2f} s)")

    def screen() -> None:
        with db.session() as s:
            conn = s.connection()
            index = build_index(conn, END)
            pages = MemberPages(db, index)
            pages.arrange("spend_fen", True, {}, "", conn=conn)
            pages.fetch(0, 200, conn=conn)
            index.segment_summary()
            counts = index.tier_counts()
            index.repeat_buyers(), index.sleeping_count()
            tier_distribution(s, END, counts)
            tier_log_rows(s)
            ledger_rows(conn, index.top_spender())
            currency_note(conn)  # the banner about channels in other currencies (none here: one channel query)

    def all_rows() -> None:
        with db.session() as s:
            member_rows(s, END)

    def cohort_part() -> None:
        with db.session() as s:
            buyers = activity(s.connection(), END)
            cohorts(buyers, END)
            repurchase_by_month(buyers, END)

    def check() -> None:
        with db.session() as s:
            ledger_mismatches(s.connection())

    results: dict[str, tuple[float, float]] = {}
    for name, fn, target in (("floor", floor, None), ("recompute", recompute, 3.0), ("screen", screen, 1.0),
                             ("all rows", all_rows, None), ("cohorts", cohort_part, None), ("check", check, None)):
        if a.only and name != "floor" and name not in a.only.split(","):
            continue
        med, worst, cpu = timed(fn, a.runs)
        results[name] = (med, cpu)
        goal = f"  target ≤ {target:.0f} s" if target else ""
        ratio = (f"  {med / results['floor'][0]:.1f}× floor (CPU {cpu / results['floor'][1]:.1f}×)"
                 if name != "floor" else "")
        print(f"{name:<10} median {med:6.2f} s  slowest {worst:6.2f} s  CPU {cpu:6.2f} s{ratio}{goal}")
    db.close()


if __name__ == "__main__":
    main()
