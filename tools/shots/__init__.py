"""The scenes of tools/screenshots.py, one module per area of the window: each scene is a
function ``scene(window, args, wait)`` that drives the open main window and saves PNGs (and the
odd PDF) into ``args.out`` named ``<lang>_<what>.png``."""

from collections.abc import Callable


def settler(window, page, wait, *, after_ms: int = 400) -> Callable[[], None]:
    """A ``settle()`` for a scene: wait until ``page`` has loaded and no edit is still being
    written, then a little longer for charts' deferred drawing."""
    def settle() -> None:
        wait(300)
        while page.loading or window.ctx.edits.pending:
            wait(100)
        wait(after_ms)

    return settle
