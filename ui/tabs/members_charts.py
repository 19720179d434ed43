"""The Members tab's charts: tiers with this month's moves and the RFM segments (a click on a
segment lists its members), and repurchase by month with the cohort heat map (core.cohorts,
drawn by core.charts.member_charts)."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QWidget

from ui.widgets.chart_canvas import ChartCanvas


class SegmentCharts(QWidget):
    """Tier distribution beside the RFM segments; ``on_segment(id)`` runs on a click on a segment."""

    def __init__(self, on_segment: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiers = ChartCanvas(self, min_height=240, name="member-tiers")
        self.tiers.setObjectName("members.tier_chart")
        self.segments = ChartCanvas(self, min_height=240, name="rfm-segments")
        self.segments.setObjectName("members.segment_chart")
        self.segments.setToolTip(self.tr("Click a segment to list its members in the table above"))
        self.segments.sig_clicked.connect(self._clicked)
        self._ids: list[str] = []
        self._on_segment = on_segment
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.tiers, 2)
        box.addWidget(self.segments, 3)

    def show_data(self, tiers: Sequence, segments: Sequence) -> None:
        from core.charts.member_charts import draw_segments, draw_tier_distribution

        self._ids = [s.segment for s in segments]
        self.tiers.draw(draw_tier_distribution, tiers)
        self.segments.draw(draw_segments, segments)

    def _clicked(self, index: int) -> None:
        if self._ids:
            self._on_segment(self._ids[index % len(self._ids)])


class CohortCharts(QWidget):
    """Repurchase rate by month beside the cohort heat map (objectName ``members.cohorts``)."""

    def __init__(self, page, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QVBoxLayout

        from ui.widgets.export_button import ExportButton

        self.export_button = ExportButton(page.ctx, "member-cohorts", page, parent=self, name="export_cohorts")
        self.export_button.setText(self.tr("Export cohorts…"))
        self.export_button.setToolTip(self.tr("The cohort table behind the heat map (`export member-cohorts FILE`)"))
        self.repurchase = ChartCanvas(self, min_height=240, name="repurchase-by-month")
        self.repurchase.setObjectName("members.repurchase")
        self.cohorts = ChartCanvas(self, min_height=240, name="cohorts")
        self.cohorts.setObjectName("members.cohorts")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        box = QHBoxLayout()
        box.addWidget(self.repurchase, 2)
        box.addWidget(self.cohorts, 3)
        outer.addLayout(box, 1)
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        outer.addLayout(bar)
        self.rows: list[Any] = []

    def show_data(self, data: tuple[list, list]) -> None:
        from core.charts import draw_repurchase
        from core.charts.member_charts import draw_cohorts

        months, rows = data
        self.rows = rows
        self.repurchase.draw(draw_repurchase, months)
        self.cohorts.draw(draw_cohorts, rows)
