"""目标 Goals: targets by period, channel and category, with progress so far."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel

from core.money import format_fen
from ui.labels import period_kind_name, platform_name
from ui.tabs.base import TabPage
from ui.widgets.filter_combo import FilterCombo
from ui.widgets.record_table import RecordTable
from ui.widgets.table_model import Column

if TYPE_CHECKING:  # core.goals loads SQLAlchemy: only in load(), after the window is shown
    from sqlalchemy.orm import Session

    from core.goals import GoalRow

BEHIND = "#c62828"
AHEAD = "#2e7d32"


def _progress_colour(value, row) -> str | None:
    expected = row[9]
    if value is None or expected is None:
        return None
    return BEHIND if value < expected - 0.05 else AHEAD if value >= expected else None


def _pace_colour(value, _row) -> str | None:
    if value is None:
        return None
    return BEHIND if value < 0.95 else AHEAD if value >= 1 else None


def period_label(kind: str, start: dt.date, end: dt.date) -> str:
    """``2026``, ``2026 H1``, ``2026 Q3``, ``2026-11``: sorts years first, then halves,
    quarters and months, and reads the way owners write their plans."""
    if kind == "year" and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return f"{start.year}"
    if kind == "half" and start.day == 1 and start.month in (1, 7):
        return f"{start.year} H{1 if start.month == 1 else 2}"
    if kind == "quarter" and start.day == 1 and start.month in (1, 4, 7, 10):
        return f"{start.year} Q{(start.month - 1) // 3 + 1}"
    if kind == "month" and start.day == 1:
        return f"{start:%Y-%m}"
    return f"{start} – {end}"  # a fiscal year or a custom period


class GoalsTab(TabPage):
    key = "goals"

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.kind_filter = FilterCombo(self.tr("All periods"), self)
        self.kind_filter.set_choices([(period_kind_name(k), k) for k in ("year", "half", "quarter", "month")])
        self.channel_filter = FilterCombo(self.tr("All channels"), self)
        self.table = RecordTable(
            [
                Column(self.tr("Period")),
                Column(self.tr("Kind")),
                Column(self.tr("Channel")),
                Column(self.tr("Category")),
                Column(self.tr("Target GMV"), "money"),
                Column(self.tr("Actual GMV"), "money", tooltip=self.tr("Paid GMV so far in the period (spec: 支付金额)")),
                Column(self.tr("Progress"), "rate", colour=_progress_colour,
                       tooltip=self.tr("Actual ÷ the whole period's target; red when behind the share of the period already elapsed")),
                Column(self.tr("Pace"), "rate", colour=_pace_colour,
                       tooltip=self.tr("Actual ÷ the target for the days so far (the whole period's target × the share "
                                       "elapsed); the dashboard's \"of target to date\" is this number")),
                Column(self.tr("Gap to target"), "money"),
                Column(self.tr("Period elapsed"), "rate"),
            ],
            self,
        )
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show:"), self))
        bar.addWidget(self.kind_filter)
        bar.addWidget(self.channel_filter)
        bar.addStretch(1)
        self.body.addWidget(self.summary)
        self.body.addLayout(bar)
        self.body.addWidget(self.table, 1)
        self.kind_filter.currentIndexChanged.connect(lambda: self.table.proxy.set_exact(1, self._kind_label()))
        self.channel_filter.currentIndexChanged.connect(
            lambda: self.table.proxy.set_exact(2, self.channel_filter.currentText() if self.channel_filter.value() is not None else None)
        )

    def _scroll_to_current_month(self) -> None:
        # Periods sort oldest first; the owner's question is about now, so start there.
        current = f"{self.ctx.today():%Y-%m}"
        for row in range(self.table.proxy.rowCount()):
            if self.table.proxy.index(row, 0).data() == current:
                self.table.view.scrollTo(self.table.proxy.index(row, 0), self.table.view.ScrollHint.PositionAtTop)
                return

    def _kind_label(self) -> str | None:
        return self.kind_filter.currentText() if self.kind_filter.value() is not None else None

    def title(self) -> str:
        return self.tr("Goals")

    def load(self, session: Session, today: dt.date) -> list[GoalRow]:
        from core.goals import goal_rows

        return goal_rows(session, today)

    def show_data(self, rows: list[GoalRow]) -> None:
        if not rows:
            self.banner.show_message(self.tr("No goals yet. Goals set for the year, month, channel or category appear here with their progress."))
        self.channel_filter.set_choices(sorted({(platform_name(r.platform), r.platform) for r in rows if r.platform}))
        self.table.set_rows(
            [
                (
                    period_label(r.period_kind, r.period_start, r.period_end),
                    period_kind_name(r.period_kind),
                    platform_name(r.platform),
                    r.category or self.tr("All categories"),
                    r.target_gmv_fen,
                    r.actual_gmv_fen,
                    r.progress,
                    r.pace,
                    None if r.actual_gmv_fen is None else max(r.target_gmv_fen - r.actual_gmv_fen, 0),
                    r.expected_progress,
                )
                for r in rows
            ],
            sort_column=0,
        )
        # After the view has laid out the new rows (the scroll range is updated by a posted
        # layout pass after the model reset; scrolling before it would be undone).
        QTimer.singleShot(50, self._scroll_to_current_month)
        year = next((r for r in rows if r.period_kind == "year" and not r.platform and not r.category
                     and r.period_start <= self.ctx.today() <= r.period_end), None)
        if year and year.actual_gmv_fen is not None:
            self.summary.setText(
                self.tr("This year: %1 of %2 (%3), with %4 of the year gone.")
                .replace("%1", format_fen(year.actual_gmv_fen))
                .replace("%2", format_fen(year.target_gmv_fen))
                .replace("%3", f"{(year.progress or 0) * 100:.1f}%")
                .replace("%4", f"{(year.expected_progress or 0) * 100:.0f}%")
            )
        else:
            self.summary.setText("")
