"""Screenshots of every tab on the demo shop, for the README and for reviewing the UI.

    xvfb-run -a -s "-screen 0 1440x900x24" python tools/screenshots.py OUT_DIR [--lang zh_CN] [--size 1360x820]

Uses a real window (run it under Xvfb on a machine without a screen), the demo database in
the data folder (created when missing), and the same start-up path as the app.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--size", default="1360x820")
    parser.add_argument("--db", help="database to show (default: the demo shop)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QEventLoop, QTimer

    from core import i18n, paths, settings
    from core.cli import ensure_demo
    from core.db import open_database
    from ui.app import create_application, install_translators
    from ui.context import AppContext
    from ui.main_window import MainWindow

    i18n.set_language(args.lang)
    app = create_application()
    install_translators(app, args.lang)
    db = open_database(args.db or paths.demo_db_path())
    if not args.db:
        ensure_demo(db)
    window = MainWindow(AppContext(db, settings.load()))
    w, h = (int(v) for v in args.size.split("x"))
    window.resize(w, h)
    window.show()

    def wait(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    for index, page in enumerate(window.pages):
        window.tabs.setCurrentIndex(index)
        wait(300)
        while page.loading:
            wait(100)
        wait(700)  # let charts finish their deferred draw
        path = args.out / f"{args.lang}_{index + 1}_{page.key}.png"
        window.grab().save(str(path))
        print(path)
    window.close()
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
