"""The Goals chart (objectName ``goals.chart``): cumulative actual vs target vs last year
through the chosen period of the year, today marked (core.charts.draw_goal_progress)."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.widgets.chart_canvas import ChartCanvas

if TYPE_CHECKING:
    from core.goal_progress import GoalProgress

PERIODS = ("Y", "H1", "H2", "Q1", "Q2", "Q3", "Q4", *(str(m) for m in range(1, 13)))


def period_range(year: int, period: str) -> tuple[dt.date, dt.date]:
    """The first and last day of ``period`` (``Y``, ``H1``, ``Q3``, ``11``) of ``year``."""
    first, months = ((1, 12) if period == "Y" else (1 + 6 * (int(period[1]) - 1), 6) if period[0] == "H"
                     else (1 + 3 * (int(period[1]) - 1), 3) if period[0] == "Q" else (int(period), 1))
    last = first + months - 1
    end = dt.date(year + last // 12, last % 12 + 1, 1) - dt.timedelta(days=1)
    return dt.date(year, first, 1), end


class GoalsChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.period = QComboBox(self)
        self.period.setObjectName("goals.chart_period")
        names = {"Y": self.tr("Whole year"), "H1": self.tr("First half"), "H2": self.tr("Second half")}
        for key in PERIODS:
            text = names.get(key) or (key if key[0] == "Q" else self.tr("Month %1").replace("%1", key))
            self.period.addItem(text, key)
        self.canvas = ChartCanvas(self, min_height=320, name="goals_progress")
        self.canvas.setObjectName("goals.chart")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Through:"), self))
        bar.addWidget(self.period)
        bar.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(bar)
        box.addWidget(self.canvas, 1)

    def show_progress(self, progress: GoalProgress) -> None:
        from core.charts import draw_goal_progress

        title = self.tr("Cumulative GMV vs target, %1 – %2").replace("%1", progress.start.isoformat()) \
            .replace("%2", progress.end.isoformat())
        self.canvas.draw(draw_goal_progress, progress, labels={"title": title})
