"""``--smoke-test``: visit every tab, wait for its data, draw its charts, then quit.

Checks an installation (in particular a frozen bundle) end to end: a missing module or
resource shows up here as a non-zero exit code and a message on stderr. It goes over
``window.pages`` and every ``ChartCanvas`` inside them, so a new tab or chart is covered as
soon as it exists: each page is painted (``grab``), each chart is drawn, checked not to be
blank and saved as PNG and PDF (the backends a bundle must carry).
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from ui.widgets.chart_canvas import ChartCanvas


def _wait(app: QApplication, done, timeout_ms: int = 60_000) -> bool:
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if done() else None)
    timer.start(50)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    timer.stop()
    return done()


def _check_chart(chart: ChartCanvas, out_dir: Path) -> list[str]:
    """Draw synchronously, look at the pixels, save it both ways; returns what went wrong."""
    chart.canvas.draw()
    import numpy as np  # matplotlib is loaded by now, and numpy with it

    pixels = np.asarray(chart.canvas.buffer_rgba()).reshape(-1, 4)
    if pixels.size == 0 or (pixels == pixels[0]).all():
        return ["the chart is blank"]
    problems = []
    for suffix, magic in ((".png", b"\x89PNG"), (".pdf", b"%PDF-")):
        path = out_dir / f"chart{id(chart)}{suffix}"
        chart.save(str(path))
        if not path.exists() or path.read_bytes()[:len(magic)] != magic:
            problems.append(f"saving as {suffix} wrote no {suffix[1:].upper()} file")
    return problems


def _collation_problems() -> list[str]:
    """Qt sorts Chinese by pinyin only with ICU's Chinese collation data. The Linux bundle carries
    a rebuilt, thinner ICU data library (packaging/trim_icu.py): this proves Qt can read it."""
    if not sys.platform.startswith("linux"):  # Windows and macOS collate with the system's own data
        return []
    from functools import cmp_to_key

    from PySide6.QtCore import QCollator, QLocale

    collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    ordered = sorted(["张三", "王五", "李四", "阿里"], key=cmp_to_key(collator.compare))
    expected = ["阿里", "李四", "王五", "张三"]  # a-li, li-si, wang-wu, zhang-san
    return [] if ordered == expected else [f"Chinese names sort as {ordered}, not by pinyin: ICU data missing"]


def run_smoke(app: QApplication, window, failures: list[str]) -> int:
    """``failures`` already collects every error reported since start-up (ui.errors)."""
    demo_task = lambda: getattr(window, "demo_task", None)  # noqa: E731
    _wait(app, lambda: demo_task() is not None or window.ctx.db.has_shop_data(), 5_000)
    if demo_task() is not None and not _wait(app, lambda: not demo_task().running, 120_000):
        failures.append("demo data did not finish")
    drawn = 0
    saved = tempfile.TemporaryDirectory(prefix="shopdesk-smoke-")
    out_dir = Path(saved.name)
    for index, page in enumerate(window.pages):
        window.tabs.setCurrentIndex(index)
        page.refresh()
        if not _wait(app, lambda: not page.loading):
            failures.append(f"{page.key}: did not load")
            continue
        if not page.banner.isHidden() and "error" in page.banner.styleSheet():
            failures.append(f"{page.key}: {page.banner.text()}")
        if page.grab().isNull():
            failures.append(f"{page.key}: the page could not be painted")
        charts = page.findChildren(ChartCanvas)
        for n, chart in enumerate(charts):
            if chart.has_chart():
                drawn += 1
                failures.extend(f"{page.key}: chart {n + 1}: {problem}" for problem in _check_chart(chart, out_dir))
        print(f"smoke: {page.key}: ok ({len(charts)} chart(s))", file=sys.stderr)
    failures.extend(_collation_problems())
    if window.ctx.db.has_shop_data() and drawn == 0:
        failures.append("no tab drew a chart of the shop's data")
    saved.cleanup()
    window.close()
    if failures:
        for f in failures:
            print(f"smoke FAILED: {f}", file=sys.stderr)
        return 1
    print("smoke: all tabs ok", file=sys.stderr)
    return 0
