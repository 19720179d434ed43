"""Smoke test of the frozen program: does dist/ShopDesk work where no Python is installed?

    python packaging/smoke_frozen.py [dist/ShopDesk]

Runs the bundle's own executables (never the sources) the way an owner and a script would:
fill a demo shop, print its KPIs, import a Taobao .xlsx and a GBK .csv export into an empty
shop and read the KPIs back, run every other headless command the program lists in its
``--help`` that writes a file (``export``, ``report``) and check that file, then open the
window offscreen, visit every tab and draw every chart (``--smoke-test``) with the debug and
the windowed executable. Any failure (exit code, missing output) stops it with exit 1.
A missing hidden import or data file shows up here, not on an owner's computer.

Needs the Python that built the bundle only for generating the two export files (openpyxl).
"""
from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from make_sample_exports import order_rows, write_gbk_csv, write_xlsx  # noqa: E402

EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""


class SmokeFailure(Exception):
    pass


def run(exe: Path, *args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    started = time.perf_counter()
    out = subprocess.run([str(exe), *args], capture_output=True, text=True, encoding="utf-8",
                         errors="replace", timeout=timeout, check=False)
    print(f"$ {exe.name} {' '.join(args)}  -> exit {out.returncode} in {time.perf_counter() - started:.1f} s", flush=True)
    if out.returncode != 0:
        raise SmokeFailure(f"{exe.name} {' '.join(args)} exited {out.returncode}\n--- stdout\n{out.stdout[-3000:]}"
                           f"\n--- stderr\n{out.stderr[-3000:]}")
    return out


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeFailure(message)


def commands(debug: Path) -> set[str]:
    """The headless commands this build offers, read from its own --help."""
    text = run(debug, "--help").stdout
    # argparse lists each subcommand on its own line, indented four spaces.
    return set(re.findall(r"^ {4}([a-z][a-z-]*)(?:\s|$)", text, flags=re.MULTILINE))


def kpis(debug: Path, db: Path, first: dt.date, last: dt.date) -> dict:
    out = run(debug, "--db", str(db), "kpi", "--from", first.isoformat(), "--to", last.isoformat(), "--json")
    return json.loads(out.stdout)


@contextlib.contextmanager
def scratch_database(server_url: str):
    """A new, empty database on ``server_url``'s server for one check, dropped afterwards. Made with
    the building Python's psycopg (requirements.txt), never the bundle's."""
    import psycopg

    base = server_url.replace("postgresql+psycopg://", "postgresql://", 1)
    name = f"shopdesk_frozen_{os.getpid()}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    head, _, query = server_url.partition("?")
    try:
        yield f"{head.rsplit('/', 1)[0]}/{name}" + (f"?{query}" if query else "")
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def smoke(bundle: Path, work: Path) -> None:
    debug = bundle / f"ShopDesk-debug{EXE_SUFFIX}"
    windowed = bundle / f"ShopDesk{EXE_SUFFIX}"
    check(debug.exists() and windowed.exists(), f"{bundle} lacks ShopDesk{EXE_SUFFIX} or ShopDesk-debug{EXE_SUFFIX}")
    available = commands(debug)
    print(f"commands: {', '.join(sorted(available))}")
    for needed in ("demo", "kpi", "import"):
        check(needed in available, f"the frozen program has no `{needed}` command")

    # 1. The demo shop, and its KPIs over the last year.
    demo_db = work / "demo.db"
    run(debug, "--db", str(demo_db), "demo")
    today = dt.date.today()
    year = kpis(debug, demo_db, today - dt.timedelta(days=365), today)
    check((year.get("orders") or 0) > 0 and (year.get("gmv") or 0) > 0, f"demo shop KPIs are empty: {year}")
    print(f"demo KPIs: {year['orders']} orders, GMV {year['gmv']}")

    # 2. Two platform exports into an empty shop, then the KPIs of what they hold.
    xlsx, gbk = work / "淘宝订单报表.xlsx", work / "ExportOrderList202611.csv"
    write_xlsx(xlsx, order_rows(4_102_938_475_610_000, 30, seed=1))
    write_gbk_csv(gbk, order_rows(4_102_938_475_620_000, 30, seed=2))
    shop_db = work / "shop.db"
    reports = json.loads(run(debug, "--db", str(shop_db), "import", str(xlsx), str(gbk), "--json").stdout)
    check(isinstance(reports, list) and len(reports) == 2, f"import --json did not report two files: {reports}")
    for report in reports:
        check(report.get("platform") == "taobao" and not report.get("error"), f"import of {report.get('file')}: {report}")
        check(report.get("rows_read") == 30 and report.get("orders_added") == 30,
              f"{report.get('file')}: expected 30 rows read and 30 orders added, got {report}")
    november = kpis(debug, shop_db, dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    check((november.get("orders") or 0) > 0 and (november.get("gmv") or 0) > 0,
          f"KPIs after importing the two exports are empty: {november}")
    print(f"imported KPIs: {november['orders']} paid orders, GMV {november['gmv']}")

    # 3. Whatever else writes files (later work adds commands; each joins the smoke test here).
    if "export" in available:
        for name in ("orders", "inventory-alerts", "kpi"):
            target = work / f"{name}.xlsx"
            run(debug, "--db", str(demo_db), "export", name, str(target))
            check(zipfile.is_zipfile(target), f"export {name} did not write an .xlsx workbook")
        ics = work / "promotions.ics"  # icalendar is imported lazily: make sure the bundle has it
        run(debug, "--db", str(demo_db), "export", "promotions", str(ics))
        check(ics.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR"), "export promotions .ics wrote no calendar")
    if "report" in available:
        target = work / "plan.pdf"
        run(debug, "--db", str(demo_db), "report", "--month", today.strftime("%Y-%m"), "--pdf", str(target))
        check(target.read_bytes()[:5] == b"%PDF-", "report did not write a PDF")

    # 4. Team mode: the bundle carries the PostgreSQL driver. With a server to talk to (CI starts
    #    one and names it in SHOPDESK_TEST_PG_URL), move the imported shop onto a fresh database
    #    there and read the same KPIs back through the frozen driver.
    server = os.environ.get("SHOPDESK_TEST_PG_URL")
    if server:
        with scratch_database(server) as url:
            run(debug, "team", "init", url)
            run(debug, "--db", str(shop_db), "team", "move-to", url)
            on_server = kpis(debug, url, dt.date(2026, 11, 1), dt.date(2026, 11, 30))
            check((on_server.get("orders"), on_server.get("gmv")) == (november.get("orders"), november.get("gmv")),
                  f"KPIs on the server {on_server} differ from the file's {november}")
            print(f"team mode: the shop on PostgreSQL shows {on_server['orders']} paid orders, GMV {on_server['gmv']}")
    else:
        print("team mode: not checked (no SHOPDESK_TEST_PG_URL server)")

    # 5. The window: every tab, every chart, with both executables.
    for exe in (debug, windowed):
        out = run(exe, "--db", str(demo_db), "--smoke-test")
        if exe is debug:  # the windowed program has no console on Windows: its exit code speaks
            check("smoke: all tabs ok" in out.stderr, f"--smoke-test did not report its tabs:\n{out.stderr[-3000:]}")
            print("\n".join(line for line in out.stderr.splitlines() if line.startswith("smoke:")))


def main() -> int:
    bundle = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist" / "ShopDesk"
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["PYTHONUTF8"] = "1"
    with tempfile.TemporaryDirectory(prefix="shopdesk-frozen-") as tmp:
        work = Path(tmp)
        # Keep the frozen program's settings, logs and backups out of the real user's folders.
        os.environ["SHOPDESK_DATA_DIR"] = str(work / "data")
        try:
            smoke(bundle.resolve(), work)
        except (SmokeFailure, subprocess.TimeoutExpired) as exc:
            print(f"FROZEN SMOKE TEST FAILED: {exc}", file=sys.stderr)
            return 1
    print("frozen smoke test: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
