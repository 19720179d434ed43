"""Python's cycle collector paused while a computation makes many short-lived objects.

The inventory alerts make about a million small objects (rows, tuples, numbers) in half a second;
most live only a moment and are freed by reference counting, yet each 700 of them start a pass
of the cycle collector, and every so often a pass over every object the program holds. Measured
on the 5,000-SKU benchmark: a fifth of the first computation's time. Paused here and started
again after (when it was on): garbage in cycles made meanwhile is collected then.

Nested and concurrent uses (the tab's worker thread and the window's badge) count: the collector
starts again when the last one ends.
"""
from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """``with gc_paused(): …`` or ``@gc_paused()`` on a function."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
