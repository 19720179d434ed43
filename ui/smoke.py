"""``--smoke-test``: visit every tab, wait for its data, draw its charts, then quit.

Checks an installation (in particular a frozen bundle) end to end: a missing module or
resource shows up here as a non-zero exit code and a message on stderr.
"""
from __future__ import annotations

import sys

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


def run_smoke(app: QApplication, window, failures: list[str]) -> int:
    """``failures`` already collects every error reported since start-up (ui.errors)."""
    demo_task = lambda: getattr(window, "demo_task", None)  # noqa: E731
    _wait(app, lambda: demo_task() is not None or window.ctx.db.has_shop_data(), 5_000)
    if demo_task() is not None and not _wait(app, lambda: not demo_task().running, 120_000):
        failures.append("demo data did not finish")
    for index, page in enumerate(window.pages):
        window.tabs.setCurrentIndex(index)
        page.refresh()
        if not _wait(app, lambda: not page.loading):
            failures.append(f"{page.key}: did not load")
            continue
        if page.banner.isVisible() and "error" in page.banner.styleSheet():
            failures.append(f"{page.key}: {page.banner.text()}")
        charts = page.findChildren(ChartCanvas)
        for chart in charts:
            if chart.has_chart():
                chart.canvas.draw()
        print(f"smoke: {page.key}: ok ({len(charts)} chart(s))", file=sys.stderr)
    window.close()
    if failures:
        for f in failures:
            print(f"smoke FAILED: {f}", file=sys.stderr)
        return 1
    print("smoke: all tabs ok", file=sys.stderr)
    return 0
