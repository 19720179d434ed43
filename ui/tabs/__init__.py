"""The six tabs, one module each. ``TAB_CLASSES`` is the order they appear in."""
from __future__ import annotations


def tab_classes() -> list[type]:
    # Imported here, not at module level, so that importing ui.tabs stays cheap.
    from ui.tabs.goals_tab import GoalsTab
    from ui.tabs.inventory_tab import InventoryTab
    from ui.tabs.kpi_tab import KpiTab
    from ui.tabs.members_tab import MembersTab
    from ui.tabs.promotions_tab import PromotionsTab
    from ui.tabs.team_tab import TeamTab

    return [GoalsTab, PromotionsTab, InventoryTab, MembersTab, TeamTab, KpiTab]
