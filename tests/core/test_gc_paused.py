"""core.gc_paused: the cycle collector is off inside, on again after the last one ends (nested,
concurrent, on an error), and stays off when it was off before."""
from __future__ import annotations

import gc
import threading

import pytest

from core.gc_paused import gc_paused


def test_paused_inside_and_started_again_after_the_last_one():
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer one still runs
    assert gc.isenabled()
    with pytest.raises(ZeroDivisionError), gc_paused():
        1 / 0  # noqa: B018
    assert gc.isenabled()


def test_a_computation_on_another_thread_keeps_it_paused_until_it_ends():
    entered, leave = threading.Event(), threading.Event()

    def other() -> None:
        with gc_paused():
            entered.set()
            leave.wait(30)

    thread = threading.Thread(target=other)
    thread.start()
    assert entered.wait(30)
    with gc_paused():
        pass
    assert not gc.isenabled()  # the other thread's computation has not ended
    leave.set()
    thread.join(30)
    assert gc.isenabled()


def test_left_off_when_it_was_off():
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
