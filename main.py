"""ShopDesk 店长台 entry point: the command line, or the window when no command is given.

Kept thin on purpose (reference/style.md): parse arguments, set up logging and language,
then either run a headless command (no Qt imported) or hand over to ``ui.app``.
"""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from core import i18n, settings
    from core.cli import build_parser, run_command
    from core.logsetup import setup_logging

    setup_logging()
    prefs = settings.load()
    i18n.set_language(prefs.language or i18n.system_language())
    args = build_parser().parse_args(argv)
    if args.command:
        return run_command(args)
    from ui.app import run_gui

    return run_gui(args, prefs)


if __name__ == "__main__":
    # Workbooks are read in a worker process (core.imports.workbook_worker, spawn start method):
    # in the frozen app that process is this executable again, and this call makes it the worker.
    # From source it does nothing, so the import (~15 ms) is spared there.
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(main())
