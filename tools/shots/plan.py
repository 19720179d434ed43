"""Screenshots: File → Print monthly plan…: the busy dialog, then the print preview."""
from __future__ import annotations


def plan(window, args, wait) -> None:
    """File → Print monthly plan… as the owner sees it: the screen while the plan is gathered in
    a worker (the busy dialog over a window that still paints), then the print preview."""
    import time

    from PySide6.QtGui import QGuiApplication
    from PySide6.QtPrintSupport import QPrintPreviewDialog
    from PySide6.QtWidgets import QApplication, QProgressDialog

    import core.report
    from core.report import Month
    from ui.report.dialog import start_preview

    wait(4000)  # the window's own first loads
    real = core.report.build_plan

    def slow(*a, **k):  # as on a big shop: long enough to see the busy dialog
        time.sleep(2)
        return real(*a, **k)

    core.report.build_plan = slow
    today = window.ctx.today()
    month = Month.parse(args.month) if args.month else Month(today.year, today.month)
    start_preview(window, month)
    wait(1200)
    QGuiApplication.primaryScreen().grabWindow(0).save(str(args.out / f"{args.lang}_plan_busy.png"))
    for _ in range(200):
        dlg = next((w for w in QApplication.topLevelWidgets()
                    if isinstance(w, QPrintPreviewDialog) and w.isVisible()), None)
        if dlg is not None:
            break
        wait(100)
    assert not any(isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
    dlg.resize(1300, 850)
    wait(1500)
    dlg.grab().save(str(args.out / f"{args.lang}_plan_preview.png"))
    dlg.close()
    core.report.build_plan = real
    print(args.out)
