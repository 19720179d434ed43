"""Time to the first shown window: ShopDesk from source, ShopDesk frozen, and the floor.

    python bench/startup.py [-n 7] [--platform offscreen|xcb] [--no-size]

The floor is a bare PySide6 window with six empty tabs: what any PySide6 program pays. Each
program prints ``shown-at <epoch seconds>`` on the event loop's first turn after ``show()``
(ShopDesk does so when SHOPDESK_EXIT_AFTER_SHOW=1, see ui/app.py) and quits; the time is that
stamp minus the moment this script started the process. Runs are interleaved (floor, source,
frozen, floor, …) so that a busy machine slows all of them alike; the median is reported.
Each variant starts once unmeasured first (disk cache; the database is created then).

Also reports the bundle's size on disk and as a .tar.gz, against the targets of issue 5:
source ≤ 2.5 × floor, frozen ≤ 1 s, bundle ≤ 200 MB on disk and ≤ 90 MB compressed.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "ShopDesk"
MB = 1_000_000

FLOOR = r"""
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTabWidget
app = QApplication(sys.argv[:1])
window = QMainWindow()
tabs = QTabWidget(window)
for name in ("Goals", "Promotions", "Inventory", "Members", "Team", "KPIs"):
    tabs.addTab(QLabel(name), name)
window.setCentralWidget(tabs)
window.resize(1280, 800)
window.show()
QTimer.singleShot(0, lambda: (print(f"shown-at {time.time():.6f}", flush=True), app.quit()))
app.exec()
"""


def time_to_window(cmd: list[str], env: dict[str, str]) -> float:
    started = time.time()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, check=False)
    stamps = [line.split()[1] for line in out.stdout.splitlines() if line.startswith("shown-at ")]
    if out.returncode != 0 or not stamps:
        raise SystemExit(f"{cmd[0]} failed (exit {out.returncode}):\n{out.stderr[-2000:]}")
    return float(stamps[0]) - started


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def tar_gz_size(folder: Path) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "ShopDesk.tar.gz"
        with tarfile.open(archive, "w:gz", compresslevel=6) as tar:  # gzip's default level, like `tar czf`
            tar.add(folder, arcname=folder.name)
        return archive.stat().st_size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=7, help="measured runs of each program (default 7)")
    parser.add_argument("--platform", default="offscreen", help="QT_QPA_PLATFORM for every run (default offscreen)")
    parser.add_argument("--bundle", type=Path, default=BUNDLE, help="the frozen folder (default dist/ShopDesk)")
    parser.add_argument("--no-size", action="store_true", help="skip the bundle size and tar.gz")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="shopdesk-startup-"))
    env = dict(os.environ, QT_QPA_PLATFORM=args.platform, SHOPDESK_EXIT_AFTER_SHOW="1",
               SHOPDESK_DATA_DIR=str(tmp / "data"))
    variants = {
        "floor (bare PySide6, 6 tabs)": [sys.executable, "-c", FLOOR],
        "ShopDesk from source": [sys.executable, str(ROOT / "main.py"), "--db", str(tmp / "source.db")],
    }
    frozen = args.bundle / ("ShopDesk.exe" if sys.platform == "win32" else "ShopDesk")
    if frozen.exists():
        variants["ShopDesk frozen"] = [str(frozen), "--db", str(tmp / "frozen.db")]
    else:
        print(f"(no frozen bundle at {args.bundle}: build it with `python -m PyInstaller build.spec`)")

    times: dict[str, list[float]] = {name: [] for name in variants}
    for name, cmd in variants.items():
        time_to_window(cmd, env)  # warm-up: disk cache, and creates the database
    for _ in range(args.n):
        for name, cmd in variants.items():
            times[name].append(time_to_window(cmd, env))

    print(f"Time to the first shown window, median of {args.n} (QT_QPA_PLATFORM={args.platform}, "
          f"{os.cpu_count()} CPUs):")
    floor = statistics.median(times["floor (bare PySide6, 6 tabs)"])
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:30} {median:6.3f} s  ({median / floor:4.2f} × floor; min {min(values):.3f}, max {max(values):.3f})")
    verdicts = [("source ≤ 2.5 × floor", statistics.median(times["ShopDesk from source"]) <= 2.5 * floor)]
    if "ShopDesk frozen" in times:
        verdicts.append(("frozen ≤ 1 s", statistics.median(times["ShopDesk frozen"]) <= 1.0))

    if frozen.exists() and not args.no_size:
        on_disk, packed = folder_size(args.bundle), tar_gz_size(args.bundle)
        print(f"Bundle {args.bundle}: {on_disk / MB:.1f} MB on disk, {packed / MB:.1f} MB as .tar.gz")
        verdicts += [("bundle ≤ 200 MB on disk", on_disk <= 200 * MB), ("bundle ≤ 90 MB as .tar.gz", packed <= 90 * MB)]
    for label, ok in verdicts:
        print(f"  target {label}: {'met' if ok else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
