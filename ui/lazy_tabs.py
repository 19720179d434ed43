"""Tabs built when first needed, so the window paints after building only the tab it opens on.

``LazyTabs(tabs, ctx)`` fills the window's tab widget with every tab's title at once (from the
registry ``ui.tabs.TABS``, translated without importing the tab's module) and an empty
placeholder page each. A tab's module is imported and its page built, in the placeholder's
place, when it first becomes the current tab, when code asks for it (``page(key)``,
``pages()``), or after the window's first paint in idle time, one tab per event-loop turn, so
that switching to it later is instant.

Badges ("库存预警 (12)") of tabs whose page has not loaded are counted off the GUI thread by
the tab's small badge module (``TabSpec.badge``), after the first paint and again whenever an
edit names one of the badge's topics while the tab is hidden; a shown tab counts its own.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QTabBar, QTabWidget, QWidget

from ui.context import ALL
from ui.tabs import TABS, TabSpec, tab_class
from ui.tasks import run_task

if TYPE_CHECKING:
    from ui.context import AppContext
    from ui.tabs.base import TabPage

log = logging.getLogger(__name__)


def tab_title(spec: TabSpec, count: int = 0) -> str:
    """The tab bar's text: the tab's title in the UI's language, with its badge count if any."""
    title = QCoreApplication.translate(spec.cls, spec.title)
    return f"{title} ({count})" if count else title


class LazyTabs(QObject):
    def __init__(self, tabs: QTabWidget, ctx: AppContext, specs: tuple[TabSpec, ...] = TABS) -> None:
        super().__init__(tabs)
        self.tabs, self.ctx, self.specs = tabs, ctx, specs
        self._pages: dict[str, TabPage] = {}
        self._badge_asked: dict[str, int] = {}  # the latest badge count asked for, per tab
        self._painted = False
        self._waiting: list[Callable[[], None]] = []  # after_first_paint
        # A placeholder is swapped for its page by inserting the page before it, making the page
        # current, then removing the placeholder: no other tab is ever shown (and so loaded) meanwhile.
        tabs.tabBar().setSelectionBehaviorOnRemove(QTabBar.SelectionBehavior.SelectLeftTab)
        for spec in specs:
            holder = QWidget(tabs)
            holder.setObjectName(f"{spec.key}.placeholder")
            tabs.addTab(holder, tab_title(spec))
        tabs.currentChanged.connect(self._on_current)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(0)
        self._idle.timeout.connect(self._build_next)
        tabs.installEventFilter(self)
        ctx.sig_data_changed.connect(self._on_data_changed)

    # -- pages
    def page(self, key: str) -> TabPage:
        """The tab's page, built now if it was not yet."""
        if key not in self._pages:
            self._build(next(s for s in self.specs if s.key == key))
        return self._pages[key]

    def pages(self) -> list[TabPage]:
        """Every tab's page in tab order (builds those not yet built)."""
        return [self.page(spec.key) for spec in self.specs]

    def built(self) -> list[TabPage]:
        return [self._pages[s.key] for s in self.specs if s.key in self._pages]

    def build_current(self) -> None:
        self._on_current(self.tabs.currentIndex())

    def _on_current(self, index: int) -> None:
        if 0 <= index < len(self.specs) and self.specs[index].key not in self._pages:
            self._build(self.specs[index])

    def _build(self, spec: TabSpec) -> None:
        tabs = self.tabs
        page = tab_class(spec)(self.ctx, tabs)
        self._pages[spec.key] = page
        index = self.specs.index(spec)
        holder = tabs.widget(index)
        current = tabs.currentIndex() == index
        blocked = tabs.blockSignals(True)  # the current tab does not change: nobody needs to hear it
        try:
            tabs.insertTab(index, page, tabs.tabText(index))  # keeps a badge counted meanwhile
            if current:
                tabs.setCurrentIndex(index)
            tabs.removeTab(index + 1)
        finally:
            tabs.blockSignals(blocked)
        holder.deleteLater()
        page.sig_title_changed.connect(lambda text, page=page: tabs.setTabText(tabs.indexOf(page), text))

    # -- after the first paint: badges, then the other tabs one per event-loop turn
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.tabs and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.tabs.removeEventFilter(self)
            # Queued: this paint and the rest of the window's first paint finish first.
            QTimer.singleShot(0, self, self._after_first_paint)
        return False

    def after_first_paint(self, fn: Callable[[], None], fallback_ms: int = 2000) -> None:
        """Run ``fn`` once, on the event-loop turn after the window's first paint, or after
        ``fallback_ms`` if no paint comes (a window started minimized): start-up work that must
        not delay the first paint."""
        ran = False

        def run() -> None:
            nonlocal ran
            if not ran:
                ran = True
                fn()

        if self._painted:
            QTimer.singleShot(0, self, run)
            return
        self._waiting.append(run)
        QTimer.singleShot(fallback_ms, self, run)

    def _after_first_paint(self) -> None:
        waiting, self._waiting = self._waiting, []
        for run in waiting:
            run()
        for spec in self.specs:
            if spec.badge:
                self._count_badge(spec)
        self._idle.start()

    def _build_next(self) -> None:
        spec = next((s for s in self.specs if s.key not in self._pages), None)
        if spec is None:
            return
        self._build(spec)
        self._idle.start()

    # -- badges
    def _on_data_changed(self, topics: frozenset[str]) -> None:
        if not self._painted:
            return  # counted after the first paint anyway
        for spec in self.specs:
            if spec.badge and (ALL in topics or topics & import_module(spec.badge).TOPICS):
                page = self._pages.get(spec.key)
                if page is None or not page.isVisible():  # a shown tab reloads and counts itself
                    self._count_badge(spec)

    def _count_badge(self, spec: TabSpec) -> None:
        counter = import_module(spec.badge)
        params = counter.view_params(self.ctx)
        asked = self._badge_asked[spec.key] = self._badge_asked.get(spec.key, 0) + 1
        page = self._pages.get(spec.key)
        loads = page.loads if page is not None else 0
        db = self.ctx.db

        def work(_task) -> int:
            with db.session() as session:
                return counter.load(session, params)

        def done(count: int) -> None:
            page = self._pages.get(spec.key)
            if asked != self._badge_asked[spec.key]:
                return  # a newer count is on its way
            if page is not None and (page.loads != loads or page.loading or page.isVisible()):
                return  # the page has loaded (or is loading) and shows its own count
            self.tabs.setTabText(self.specs.index(spec), tab_title(spec, count))

        def failed(exc: BaseException, _tb: str) -> None:
            # The badge is a courtesy: the tab itself reports the problem when it is opened.
            log.warning("the %s badge could not be counted: %s", spec.key, exc)

        run_task(self.tabs, work, on_done=done, on_error=failed)


def install_lazy_tabs(window: Any) -> LazyTabs:
    """The window's tab widget (``window.tabs``) gets its tabs through a ``LazyTabs``."""
    return LazyTabs(window.tabs, window.ctx)
