"""The six tabs, one module each. ``TABS`` lists them in the order they appear in.

The main window builds a tab's page only when it is first needed (ui/lazy_tabs.py), so this
registry names each tab's module and class instead of importing them: importing ui.tabs stays
cheap. ``title`` is the tab's English title as its class translates it (``self.tr`` in the
context of ``cls``); ``badge`` names a small module that counts the tab's badge ("Inventory
(12)") without building the page: ``TOPICS``, ``view_params(ctx)`` and ``load(session, params)``.
tests/ui/test_lazy_tabs.py checks the registry against the classes.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TabSpec:
    key: str  # the page's ``key`` (objectName "<key>.page", window.page(key))
    module: str
    cls: str
    title: str
    badge: str = ""


TABS: tuple[TabSpec, ...] = (
    TabSpec("goals", "ui.tabs.goals_tab", "GoalsTab", "Goals"),
    TabSpec("promotions", "ui.tabs.promotions_tab", "PromotionsTab", "Promotions"),
    TabSpec("inventory", "ui.tabs.inventory_tab", "InventoryTab", "Inventory", badge="ui.tabs.inventory_badge"),
    TabSpec("members", "ui.tabs.members_tab", "MembersTab", "Members"),
    TabSpec("team", "ui.tabs.team_tab", "TeamTab", "Team", badge="ui.tabs.team_badge"),
    TabSpec("kpi", "ui.tabs.kpi_tab", "KpiTab", "KPIs"),
)


def tab_class(spec: TabSpec) -> type:
    """Import the tab's module (the expensive part) and return its page class."""
    from importlib import import_module

    return getattr(import_module(spec.module), spec.cls)


def tab_classes() -> list[type]:
    """Every tab's class, in order (imports all six modules)."""
    return [tab_class(spec) for spec in TABS]
