"""Benchmark: the KPI dashboard's refresh on a shop with 1,000,000 order lines.

    .venv/bin/python bench/kpi.py [--orders 400000] [--db FILE|URL] [--runs 5]

Builds (or reuses, with ``--db``) a database of about 400,000 orders over two years with
1,000,000 order lines, then times, for the last 365 days:

* floor    — ``SELECT pay_date, SUM(paid_fen) FROM orders WHERE is_paid … GROUP BY pay_date``
             over the same rows: the least any GMV-by-day refresh can cost;
* numbers  — every card: the range, 环比 and 同比 periods and goal progress
             (``compute_dashboard``); target ≤ 300 ms;
* charts   — all chart series (``compute_charts``) and drawing the ten charts on Agg figures;
* refresh  — numbers + charts together, as the dashboard tab does it: the numbers, the SKU
             charts' query and the other charts' queries start together and each group of
             charts is drawn as soon as its part is in; target ≤ 1.5 s.

Prints the median and the slowest of ``--runs`` runs. Timings are wall-clock on this machine.

With ``--db postgresql+psycopg://…`` (team mode) the shop is built in a temporary SQLite file,
copied to that server database when it holds no orders yet (``team move-to``'s copy), and the
same steps are timed on both engines in the same run, side by side.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text  # noqa: E402

from core.db import Database, open_database  # noqa: E402
from core.kpi import (  # noqa: E402
    DateRange,
    compute_charts,
    compute_dashboard,
    compute_query_charts,
    compute_sku_charts,
    kpi_charts,
)
from core.orders import line_facts, line_totals  # noqa: E402

PLATFORMS = ["taobao", "jd", "pdd", "douyin", "kuaishou", "youzan", "shopify"]
WEIGHTS = [40, 15, 15, 15, 5, 5, 5]
KEYLESS = {"pdd", "douyin", "kuaishou"}  # exports without buyer identity
CATEGORIES = [f"类目{i:02d}" for i in range(20)]
END = dt.date(2026, 11, 20)
DAYS = 730


def build(path: Path, n_orders: int, n_lines: int, seed: int = 7) -> None:
    open_database(path).close()  # schema and indexes exactly as the app creates them
    rnd = random.Random(seed)
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    skus = [(f"SKU{i:05d}", f"商品{i}", CATEGORIES[i % 20], rnd.randint(500, 20000)) for i in range(2000)]
    con.executemany(
        "INSERT INTO skus (code, title, spec, category, cost_fen, price_fen, supplier, lead_time_days, "
        "order_multiple, active) VALUES (?, ?, '', ?, ?, ?, '', 7, 1, 1)",
        [(c, t, cat, cost, cost * 2) for c, t, cat, cost in skus],
    )
    now = "2026-11-20 12:00:00.000000"
    con.executemany(
        "INSERT INTO stock_levels (sku_code, on_hand, in_transit, as_of) VALUES (?, ?, 0, ?)",
        [(c, rnd.randint(0, 500), now) for c, *_ in skus],
    )
    start = END - dt.timedelta(days=DAYS - 1)
    extra = n_lines - n_orders  # lines beyond the first of each order
    orders, lines = [], []
    line_id = 0
    statuses = ["completed"] * 85 + ["shipped"] * 5 + ["refunded"] * 3 + ["closed"] * 4 + ["pending_payment"] * 3
    for oid in range(1, n_orders + 1):
        platform = rnd.choices(PLATFORMS, WEIGHTS)[0]
        day = start + dt.timedelta(days=min(DAYS - 1, int(rnd.random() ** 0.9 * DAYS)))
        at = dt.datetime.combine(day, dt.time(rnd.randint(0, 23), rnd.randint(0, 59), rnd.randint(0, 59)))
        status = rnd.choice(statuses)
        paid = status not in ("closed", "pending_payment")
        buyer = None if platform in KEYLESS else f"{platform}_b{int(rnd.paretovariate(1.2) * 1000) % 120000}"
        n = 1 + sum(1 for _ in range(4) if rnd.random() < extra / n_orders / 4 * 1.0)
        total = 0
        order_lines = []
        for _ in range(n):
            code, _t, _c, cost = skus[rnd.randrange(2000)]
            qty = rnd.choice((1, 1, 1, 2, 3))
            price = cost * 2
            line_id += 1
            line_paid = price * qty if platform == "douyin" else None
            order_lines.append({"id": line_id, "code": code, "qty": qty, "unit_price_fen": price, "paid_fen": line_paid})
            total += price * qty
        derived = line_totals(order_lines)  # as every writer of orders sets them
        facts_of = {"is_paid": paid, "pay_date": day.isoformat(), "platform": platform, "paid_fen": total, **derived}
        for ln in order_lines:
            f = line_facts(facts_of, ln)
            lines.append((ln["id"], oid, ln["code"], ln["qty"], ln["unit_price_fen"], ln["paid_fen"],
                          f["pay_date"], f["platform"], f["sales_fen"]))
        refund = total if status == "refunded" else (total // 3 if rnd.random() < 0.03 else 0)
        ts = at.strftime("%Y-%m-%d %H:%M:%S.000000")
        orders.append((
            oid, platform, f"N{oid:08d}", buyer, ts, ts if paid else None, status, total, total, refund,
            1 if paid else 0, day.isoformat(), derived["units"], derived["line_paid_fen"], derived["open_weight_fen"],
            derived["open_qty"],
        ))
    con.executemany(
        "INSERT INTO orders (id, platform, shop, order_no, buyer_key, buyer_name, province, created_at, paid_at, "
        "status, status_text, goods_fen, shipping_fen, discount_fen, paid_fen, refund_fen, is_paid, pay_date, units, "
        "line_paid_fen, open_weight_fen, open_qty, source) "
        "VALUES (?, ?, '', ?, ?, '', '', ?, ?, ?, '', ?, 0, 0, ?, ?, ?, ?, ?, ?, ?, ?, '')",
        orders,
    )
    con.executemany(
        "INSERT INTO order_lines (id, order_id, line_no, sku_code, item_id, title, spec, qty, unit_price_fen, "
        "paid_fen, refund_fen, pay_date, platform, sales_fen) VALUES (?, ?, '', ?, '', '', '', ?, ?, ?, 0, ?, ?, ?)",
        lines,
    )
    refunds = [
        (o[1], f"R{o[0]}", o[2], o[9], rnd.choice(["质量问题", "尺码不合适", "不想要了", "发货慢"]))
        for o in orders if o[9] > 0
    ]
    con.executemany(
        "INSERT INTO refunds (platform, refund_no, order_no, sku_code, title, amount_fen, status, status_text, "
        "reason) VALUES (?, ?, ?, '', '', ?, 'success', '', ?)",
        refunds,
    )
    con.executemany(
        "INSERT INTO traffic_daily (day, platform, visitors, page_views, ad_spend_fen) VALUES (?, ?, ?, ?, ?)",
        [((start + dt.timedelta(days=i)).isoformat(), p, rnd.randint(2000, 9000), 0, rnd.randint(10000, 90000))
         for i in range(DAYS) for p in PLATFORMS],
    )
    month = start.replace(day=1)
    while month <= END:
        following = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        con.execute(
            "INSERT INTO goals (period_kind, period_start, period_end, platform, category, target_gmv_fen, "
            "target_orders, split_method, note) VALUES ('month', ?, ?, '', '', ?, ?, '', '')",
            (month.isoformat(), (following - dt.timedelta(days=1)).isoformat(), 400_000_000, 16000),
        )
        month = following
    for i in range(20):
        p_start = start + dt.timedelta(days=36 * i)
        cur = con.execute(
            "INSERT INTO promotions (name, kind, platforms, start, \"end\", phases, rules, scope, budget_fen, status, "
            "note) VALUES (?, 'own', '[]', ?, ?, '[]', '[]', '{}', 100000, 'done', '')",
            (f"活动{i}", p_start.isoformat(), (p_start + dt.timedelta(days=3)).isoformat()),
        )
        con.execute(
            "INSERT INTO promotion_results (promotion_id, measured_at, gmv_fen, orders, cost_fen, baseline_gmv_fen) "
            "VALUES (?, ?, ?, 100, ?, ?)",
            (cur.lastrowid, now, rnd.randint(10**6, 10**7), rnd.randint(10**5, 10**6), rnd.randint(10**5, 10**6)),
        )
    con.commit()
    con.close()
    Database(path).refresh_statistics()  # what the app does after every import


def _charts():
    from core import charts

    # (key, draw function, payload from a part) per group, as ui/tabs/kpi_tab.py draws them.
    return {
        "kpi": [("channel_share", charts.draw_channel_share, lambda d: d.channel_share),
                ("funnel", charts.draw_funnel, lambda d: d.funnel),
                ("channel_roi", charts.draw_channel_roi, lambda d: d.channel_roi)],
        "skus": [("category_share", charts.draw_category_share, lambda d: d.category_share),
                 ("top_skus", charts.draw_top_skus, lambda d: d.top_skus),
                 ("turnover", charts.draw_turnover, lambda d: d.turnover)],
        "queries": [("trend", charts.draw_gmv_trend, lambda d: d.trend),
                    ("refunds", charts.draw_refunds, lambda d: (d.refunds_by_sku, d.refunds_by_reason)),
                    ("repurchase", charts.draw_repurchase, lambda d: d.repurchase),
                    ("promotions", charts.draw_promotion_roi, lambda d: d.promotions)],
    }


FIGURES: dict = {}


def draw_group(group: str, part) -> None:
    """Draw one group's charts as the dashboard's canvases do: each on its own Agg figure of the
    canvas' size, kept from one refresh to the next, cleared and drawn with ChartLayout."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from core.charts.layout import ChartLayout
    from core.charts.style import clear_figure

    for key, draw, payload in _charts()[group]:
        fig = FIGURES.get(key)
        if fig is None:
            fig = FIGURES[key] = Figure(figsize=(6, 3), dpi=100, layout=ChartLayout())
            FigureCanvasAgg(fig)
        clear_figure(fig)  # as ChartCanvas.draw does
        draw(fig, payload(part))
        fig.canvas.draw()


def draw_all(data) -> None:
    """All ten charts from a ``ChartData`` (it has every group's fields)."""
    for group in ("kpi", "skus", "queries"):
        draw_group(group, data)


def timed(fn, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), max(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--orders", type=int, default=400_000)
    ap.add_argument("--lines", type=int, default=1_000_000)
    ap.add_argument("--db", help="reuse (or create) this database file, or a PostgreSQL URL, instead of a temporary file")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    if args.db and "://" in args.db:
        return compare_engines(args)

    tmp = None
    path = Path(args.db) if args.db else None
    if path is None:
        tmp = tempfile.TemporaryDirectory()
        path = Path(tmp.name) / "bench.db"
    if not path.exists():
        t0 = time.perf_counter()
        build(path, args.orders, args.lines)
        print(f"built {path} in {time.perf_counter() - t0:.1f} s")
    db = open_database(path)
    rows = bench(db, args.runs)
    print(f"\n{'step':<44}{'median ms':>10}{'max ms':>10}{'target':>9}")
    for label, med, worst, target in rows:
        verdict = "" if target is None else (f"≤{target} ✓" if med <= target else f"≤{target} ✗")
        print(f"{label:<44}{med:>10.0f}{worst:>10.0f}{verdict:>9}")
    db.close()
    if tmp:
        tmp.cleanup()
    return 0


def compare_engines(args: argparse.Namespace) -> int:
    """The same steps on a SQLite file and on the PostgreSQL database of ``--db``, one run."""
    from core.shop_copy import copy_shop

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        t0 = time.perf_counter()
        build(path, args.orders, args.lines)
        print(f"built {path} in {time.perf_counter() - t0:.1f} s")
        lite, server = open_database(path), open_database(args.db)
        with server.engine.connect() as conn:
            has_orders = conn.execute(text("SELECT 1 FROM orders LIMIT 1")).first() is not None
        if not has_orders:
            t0 = time.perf_counter()
            copy_shop(lite, server)
            print(f"copied to {server.display_name} in {time.perf_counter() - t0:.1f} s")
        print("\nSQLite:")
        a = bench(lite, args.runs)
        print("\nPostgreSQL:")
        b = bench(server, args.runs)
        print(f"\n{'step':<44}{'SQLite ms':>10}{'PostgreSQL ms':>15}{'ratio':>7}")
        for (label, med_a, _w, _t), (_l, med_b, _wb, _tb) in zip(a, b):
            print(f"{label:<44}{med_a:>10.0f}{med_b:>15.0f}{med_b / med_a:>7.1f}")
        lite.close()
        server.close()
    return 0


def bench(db: Database, runs: int) -> list[tuple]:
    """Median and slowest ms of each step on ``db``: (label, median, max, target or None)."""
    with db.engine.connect() as conn:
        n_orders = conn.execute(text("SELECT count(*) FROM orders")).scalar()
        n_lines = conn.execute(text("SELECT count(*) FROM order_lines")).scalar()
    period = DateRange(END - dt.timedelta(days=364), END)
    with db.engine.connect() as conn:
        in_range = conn.execute(
            text("SELECT count(*) FROM orders WHERE is_paid AND pay_date BETWEEN :a AND :b"),
            {"a": period.start.isoformat(), "b": period.end.isoformat()},
        ).scalar()
    print(f"{n_orders:,} orders, {n_lines:,} lines; range {period.start} – {period.end}: {in_range:,} paid orders")

    floor_sql = text(
        # "is_paid = TRUE" rather than "is_paid": the same rows, and the form an index can serve.
        "SELECT pay_date, SUM(paid_fen) FROM orders WHERE is_paid = TRUE AND pay_date BETWEEN :a AND :b GROUP BY pay_date"
    )

    def floor() -> None:
        with db.engine.connect() as conn:
            conn.execute(floor_sql, {"a": period.start.isoformat(), "b": period.end.isoformat()}).all()

    def numbers():
        return compute_dashboard(db, period)

    def refresh() -> None:
        # As the dashboard tab does it (ui/tabs/kpi_tab.py): the numbers, the SKU charts and the
        # other charts' queries start together; each group is drawn when its part is in, the
        # KPI-derived charts right after the numbers.
        with ThreadPoolExecutor(max_workers=3) as pool:
            parts = {
                pool.submit(numbers): "numbers",
                pool.submit(compute_sku_charts, db, period): "skus",
                pool.submit(compute_query_charts, db, period, "day"): "queries",
            }
            for done in as_completed(parts):
                part = done.result()
                if parts[done] == "numbers":
                    draw_group("kpi", kpi_charts(part.current))
                else:
                    draw_group(parts[done], part)

    draw_all(compute_charts(db, period, "day"))  # warm-up: imports, fonts, page cache
    rows = [
        ("floor: SUM(paid) GROUP BY day", *timed(floor, runs), None),
        ("numbers: cards + 环比/同比 + goal", *timed(numbers, runs), 300),
        ("refresh: numbers + chart data + 10 redraws", *timed(refresh, runs), 1500),
    ]
    dash = numbers()
    t_series = timed(lambda: compute_charts(db, period, "day", kpis=dash.current), runs)
    data = compute_charts(db, period, "day", kpis=dash.current)
    t_draw = timed(lambda: draw_all(data), runs)
    rows.insert(2, ("  chart data only", *t_series, None))
    rows.insert(3, ("  10 redraws (Agg) only", *t_draw, None))
    return rows


if __name__ == "__main__":
    sys.exit(main())
