"""The Team tab's badge, "Team (3)": the overdue tasks.

Counted here, without Qt widgets, so that the tab bar shows it from the start, before the Team
page is built (ui/lazy_tabs.py); the page shows the same count once it has loaded
(``overdue_count`` in ``TeamTab.show_data``).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # core.tasks loads SQLAlchemy: only in load(), off the GUI thread
    from sqlalchemy.orm import Session

TOPICS = frozenset({"tasks", "staff", "promotions", "goals"})  # TeamTab.topics


def view_params(ctx: Any) -> dt.date:
    return ctx.today()


def overdue_count(rows: Iterable[Any]) -> int:
    return sum(1 for r in rows if r.overdue)


def load(session: Session, today: dt.date) -> int:
    from core.tasks import task_rows

    return overdue_count(task_rows(session, today))
