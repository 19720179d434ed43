"""Tabs load in named parts: each shows when it is in, stale results are dropped, topics decide reloads."""
from __future__ import annotations

import threading

from core.settings import Settings
from ui.context import AppContext
from ui.tabs.base import Part, TabPage


class TwoParts(TabPage):
    key = "demo_parts"
    topics = frozenset({"tasks"})

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.filter = "mine"
        self.shown: list[tuple[str, str]] = []
        self.gate = threading.Event()
        self.gate.set()

    def title(self) -> str:
        return "Parts"

    def view_params(self):
        return (self.filter, self.ctx.today())

    def parts(self):
        return [Part("board", self._load_board, lambda d: self.shown.append(("board", d))),
                Part("gantt", self._load_gantt, lambda d: self.shown.append(("gantt", d)))]

    def _load_board(self, _session, params):
        return f"board of {params[0]}"

    def _load_gantt(self, _session, params):
        self.gate.wait(10)  # the slow part
        return f"gantt of {params[0]}"


def test_parts_show_as_they_arrive_and_stale_ones_are_dropped(qtbot, db):
    tab = TwoParts(AppContext(db, Settings()))
    qtbot.addWidget(tab)
    tab.gate.clear()
    tab.show()
    qtbot.waitUntil(lambda: ("board", "board of mine") in tab.shown, timeout=10_000)
    assert tab.loading  # the Gantt is still out
    tab.filter = "overdue"  # the owner moved on before the Gantt came back
    tab.refresh()  # asked while loading: runs once this load is over
    with qtbot.waitSignal(tab.sig_loaded, timeout=10_000):
        tab.gate.set()
    qtbot.waitUntil(lambda: not tab.loading and tab.loads == 2, timeout=10_000)
    assert ("gantt", "gantt of mine") not in tab.shown  # arrived for a view no longer shown
    assert tab.shown[-2:] in ([("board", "board of overdue"), ("gantt", "gantt of overdue")],
                              [("gantt", "gantt of overdue"), ("board", "board of overdue")])


def test_only_changes_to_the_tabs_topics_reload_it(qtbot, db):
    ctx = AppContext(db, Settings())
    tab = TwoParts(ctx)
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.sig_loaded, timeout=10_000):
        tab.show()
    ctx.notify_changed({"goals", "stock"})
    # The tab decides when told (ui/tabs/base.py: stale and reloading at once, or not at all).
    assert tab.loads == 1 and not tab.loading and not tab._stale
    with qtbot.waitSignal(tab.sig_loaded, timeout=10_000):
        ctx.notify_changed({"tasks"})
    with qtbot.waitSignal(tab.sig_loaded, timeout=10_000):
        ctx.notify_changed()  # "*": an import or a restore
    assert tab.loads == 3


class SlowParts(TwoParts):
    def _load_board(self, _session, params):
        self.gate.wait(10)
        return f"board of {params[0]}"


def test_a_refusal_shown_while_the_tab_loads_outlives_that_load_and_the_next_load_clears_it(qtbot, db):
    # A refusal (e.g. the server saying "staff cannot change goals") can come back before the
    # tab's own first load; that load must not wipe it, the next one may.
    tab = SlowParts(AppContext(db, Settings()))
    qtbot.addWidget(tab)
    tab.gate.clear()
    tab.show()
    assert tab.loading
    tab.banner.show_message("Your role (staff) cannot change goals; ask the owner.", "error")
    with qtbot.waitSignal(tab.sig_loaded, timeout=10_000):
        tab.gate.set()
    assert tab.banner.isVisible()
    assert tab.banner.text() == "Your role (staff) cannot change goals; ask the owner."
    with qtbot.waitSignal(tab.sig_loaded, timeout=10_000):
        tab.refresh()
    assert tab.banner.isHidden() and tab.banner.text() == ""
