"""Benchmark: the inventory alerts for 5,000 SKUs over 1,000,000 order lines (issue #13).

    .venv/bin/python bench/inventory.py [--skus 5000] [--lines 1000000] [--db FILE] [--runs 5]

Builds (or reuses, with ``--db``: work on a copy, the first open migrates it) a database of ``--skus`` SKUs and ``--lines`` paid order lines
over two years, and a calendar of 14 promotions in the coming year (half with an expected uplift,
half platform festivals whose uplift is measured from last year's orders), then times, in the
same run:

* floor   — ``SELECT sku_code, SUM(qty) FROM order_lines WHERE pay_date BETWEEN … GROUP BY
            sku_code`` over the sales window: the least any per-SKU velocity can cost;
* floor*  — the same over every line (the issue's floor: the alerts read every line for the
            last sale and last year's festival windows);
* plain   — ``inventory_rows`` without promotions, nothing kept from the orders;
* cold    — ``alert_rows``: what the tab and ``export inventory-alerts`` compute, promotion uplift
            included, with nothing kept from the orders (``core.past_orders``): the first
            computation after an import;
* warm    — the same again with the orders' results kept: the tab's reload after a stock edit
            (which leaves the orders' revision alone, core.data_revisions).
Target: ≤ 1 s and ≤ 5× floor*, for both.

The functions take turns, ``--runs`` rounds; printed: the median and the slowest wall clock, the
median CPU time of each (all threads: cold reads past orders on a second connection in a worker
thread, core.parallel_reads) and of the calling thread alone, and cold's and warm's ratios to
floor* of the same run. On a machine shared with other jobs the wall clock mostly measures them
and the worker thread waits for a core; on a quiet one with two cores, cold's wall clock is about
its calling thread's CPU time.
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
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text  # noqa: E402

from core.db import open_database  # noqa: E402
from core.inventory import InventoryParams, inventory_rows  # noqa: E402
from core.inventory_lists import alert_rows  # noqa: E402
from core import past_orders  # noqa: E402

PLATFORMS = ["taobao", "jd", "pdd", "douyin", "kuaishou", "youzan", "shopify"]
CATEGORIES = [f"类目{i:02d}" for i in range(20)]
END = dt.date(2026, 11, 20)
DAYS = 730


def build(path: Path, n_skus: int, n_lines: int, seed: int = 11) -> None:
    open_database(path).close()  # schema and indexes exactly as the app creates them
    rnd = random.Random(seed)
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    codes = [f"SKU{i:05d}" for i in range(n_skus)]
    con.executemany(
        "INSERT INTO skus (code, title, spec, category, cost_fen, price_fen, supplier, lead_time_days, "
        "order_multiple, min_order_qty, active) VALUES (?, ?, '', ?, ?, ?, ?, ?, ?, 0, 1)",
        [(c, f"商品{i}", CATEGORIES[i % 20], 800, 1600, f"供应商{i % 37}", 3 + i % 20, (1, 6, 12)[i % 3])
         for i, c in enumerate(codes)],
    )
    con.executemany("INSERT INTO stock_levels (sku_code, on_hand, in_transit, as_of) VALUES (?, ?, ?, ?)",
                    [(c, rnd.randint(0, 400), rnd.choice((0, 0, 24)), "2026-11-20 12:00:00.000000") for c in codes])
    con.execute("INSERT INTO orders (id, platform, shop, order_no, buyer_name, province, created_at, status, "
                "status_text, goods_fen, shipping_fen, discount_fen, paid_fen, refund_fen, is_paid, units, "
                "line_paid_fen, open_weight_fen, open_qty, source) VALUES (1, 'taobao', '', 'N1', '', '', "
                "'2024-11-21 00:00:00.000000', 'completed', '', 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, '')")
    start = END - dt.timedelta(days=DAYS - 1)
    cum = list(itertools.accumulate(1 / (1 + i) ** 0.8 for i in range(n_skus)))  # a long tail, as shops have
    batch = []
    for i in range(n_lines):
        day = start + dt.timedelta(days=min(DAYS - 1, int(rnd.random() ** 0.9 * DAYS)))
        code = rnd.choices(codes, cum_weights=cum)[0]
        qty = rnd.choice((1, 1, 1, 2, 3))
        # pay_date, platform and sales_fen given, as core.orders.line_facts sets them (a line's
        # facts are its order's; one stand-in order holds every line).
        batch.append((1, code, qty, 1600, 1600 * qty, day.isoformat(), rnd.choice(PLATFORMS), 1600 * qty))
        if len(batch) == 50_000:
            _lines(con, batch)
            batch = []
    _lines(con, batch)
    promos = []
    for k in range(7):  # own promotions with an expected uplift, some on one category or channel
        s = END + dt.timedelta(days=10 + 45 * k)
        promos.append((f"店铺活动 {k + 1}", "own", '["taobao"]' if k % 2 else "[]", s.isoformat(),
                       (s + dt.timedelta(days=6)).isoformat(), 0.3 + 0.1 * k,
                       f'{{"categories": ["{CATEGORIES[k]}"]}}' if k % 3 == 0 else "{}"))
    for name, s, e in (("2026 双12", "2026-12-01", "2026-12-12"), ("2027 年货节", "2027-01-10", "2027-01-25"),
                       ("2027 38节", "2027-03-01", "2027-03-08"), ("2027 618", "2027-05-20", "2027-06-18"),
                       ("2027 99划算节", "2027-09-01", "2027-09-09"), ("2027 双11", "2027-10-20", "2027-11-11"),
                       ("2027 双12", "2027-12-01", "2027-12-12")):
        promos.append((name, "festival", "[]", s, e, None, "{}"))
    con.executemany(
        "INSERT INTO promotions (name, kind, platforms, start, \"end\", phases, rules, scope, budget_fen, "
        "expected_uplift, status, note) VALUES (?, ?, ?, ?, ?, '[]', '[]', ?, 0, ?, 'planned', '')",
        [(n, k, p, s, e, sc, u) for n, k, p, s, e, u, sc in promos],
    )
    con.commit()
    con.execute("ANALYZE")
    con.close()


def _lines(con: sqlite3.Connection, batch: list[tuple]) -> None:
    con.executemany(
        "INSERT INTO order_lines (order_id, line_no, sku_code, item_id, title, spec, qty, unit_price_fen, paid_fen, "
        "refund_fen, pay_date, platform, sales_fen) VALUES (?, '', ?, '', '', '', ?, ?, ?, 0, ?, ?, ?)", batch)


def timed(fns: dict[str, Callable[[], None]], runs: int) -> dict[str, tuple[float, float, float, float]]:
    """Each function ``runs`` times, taking turns (so a busy moment on a shared machine hits them
    alike): per name, the median and slowest wall clock, the median CPU time (every thread) and
    the median CPU time of the calling thread, in seconds."""
    for fn in fns.values():
        fn()  # warm: the page cache, not the code, is what a first run measures
    wall: dict[str, list[float]] = {k: [] for k in fns}
    cpu: dict[str, list[float]] = {k: [] for k in fns}
    main_cpu: dict[str, list[float]] = {k: [] for k in fns}
    for _ in range(runs):
        for name, fn in fns.items():
            t0, c0, m0 = time.perf_counter(), time.process_time(), time.thread_time()
            fn()
            wall[name].append(time.perf_counter() - t0)
            cpu[name].append(time.process_time() - c0)
            main_cpu[name].append(time.thread_time() - m0)
    return {k: (statistics.median(wall[k]), max(wall[k]), statistics.median(cpu[k]), statistics.median(main_cpu[k]))
            for k in fns}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--skus", type=int, default=5000)
    ap.add_argument("--lines", type=int, default=1_000_000)
    ap.add_argument("--db", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    path = a.db or Path(tempfile.mkdtemp()) / "inventory-bench.db"
    if not path.exists():
        t0 = time.perf_counter()
        build(path, a.skus, a.lines)
        print(f"built {path} in {time.perf_counter() - t0:.0f} s")
    db = open_database(path)
    params = InventoryParams()
    window = (END - dt.timedelta(days=params.window_days - 1)).isoformat(), END.isoformat()
    with db.session() as s:
        n_lines = s.execute(text("SELECT COUNT(*) FROM order_lines")).scalar_one()
        n_skus = s.execute(text("SELECT COUNT(*) FROM skus")).scalar_one()
        rows = alert_rows(s, END, params)
    print(f"{n_skus:,} SKUs, {n_lines:,} order lines; {sum(1 for r in rows if r.uplift_source):,} SKUs with a "
          f"promotion uplift")

    def floor() -> None:
        with db.session() as s:
            s.execute(text("SELECT sku_code, SUM(qty) FROM order_lines WHERE pay_date BETWEEN :a AND :b "
                           "GROUP BY sku_code"), {"a": window[0], "b": window[1]}).all()

    def floor_all() -> None:
        with db.session() as s:
            s.execute(text("SELECT sku_code, SUM(qty) FROM order_lines GROUP BY sku_code")).all()

    def plain() -> None:
        with db.session() as s:
            inventory_rows(s, END, params)

    def alerts() -> None:
        with db.session() as s:
            alert_rows(s, END, params)

    def cold() -> None:
        past_orders.forget()  # as after an import: nothing kept from the orders
        alerts()

    def warm() -> None:
        alerts()  # as the tab's reload after a stock edit: the orders' results are kept

    def plain_cold() -> None:
        past_orders.forget()
        plain()

    got = timed({"floor": floor, "floor*": floor_all, "plain": plain_cold, "cold": cold, "warm": warm}, a.runs)
    fa_wall, fa_cpu = got["floor*"][0], got["floor*"][2]
    notes = {"floor": "the sales window's lines", "floor*": "all lines: the issue's floor",
             "plain": "alerts without promotions, nothing kept",
             "cold": "alerts as the tab computes them, first after an order change (nothing kept)",
             "warm": "alerts as the tab computes them, reload after a stock edit (orders' results kept)"}
    print(f"{'':7} {'wall median':>12} {'wall max':>9} {'CPU median':>11} {'main thread':>12}   "
          f"(medians of {a.runs} runs, taking turns)")
    for name, (med, top, cpu, main_cpu) in got.items():
        ratio = f"  {med / fa_wall:4.1f}× / {cpu / fa_cpu:4.1f}× floor* (wall / CPU)" if name in ("cold", "warm") else ""
        print(f"{name:7} {med * 1000:9.0f} ms {top * 1000:6.0f} ms {cpu * 1000:8.0f} ms {main_cpu * 1000:9.0f} ms"
              f"{ratio}   {notes[name]}")
    print("target: alerts ≤ 1,000 ms and ≤ 5× floor*")
    db.close()


if __name__ == "__main__":
    main()
