"""The monthly plan's last page: paid GMV per day (bars, the same days last year as a line) and
each channel's share, drawn with QPainter so they print as vectors. It covers the headline
KPIs' days (the month's finished days), so its bars and shares add up to the cover's GMV."""
from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from core.i18n import t
from core.kpi.output import channel_label
from core.money import format_fen, format_rate
from core.report import MonthlyPlan
from ui.report.html_parts import report_font

BAR, LAST_YEAR, GRID = QColor("#2e75b6"), QColor("#c55a11"), QColor("#bfbfbf")


def _money_short(fen: int) -> str:
    yuan = fen / 100
    return f"¥{yuan / 10000:,.1f}万" if language_is_zh() and yuan >= 10000 else f"¥{yuan:,.0f}"


def language_is_zh() -> bool:
    from core.i18n import language

    return language().startswith("zh")


def _nice_top(peak_fen: int, steps: int = 4) -> int:
    """The axis' top: the least ``steps`` × a round step (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10ⁿ) holding
    ``peak_fen``, so the grid lines read ¥12,000 / ¥24,000 …, not ¥11,853 / ¥23,706."""
    raw = max(peak_fen, 100) / steps
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) if m * power >= raw)
    return int(step * steps)


def _draw_legend(painter: QPainter, rect: QRectF, mm: float, last_year: bool) -> None:
    """The daily chart's title and its key: a blue square for this month's bars, an orange line
    for last year's, in the colours the chart draws them with."""
    painter.setFont(report_font(9))
    painter.setPen(Qt.GlobalColor.black)
    metrics = painter.fontMetrics()
    x = rect.left()

    def text(label: str) -> None:
        nonlocal x
        painter.setPen(Qt.GlobalColor.black)
        painter.drawText(QRectF(x, rect.top(), rect.width(), rect.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
        x += metrics.horizontalAdvance(label) + 2 * mm

    text(t("Paid GMV per day"))
    x += 4 * mm
    mid = rect.center().y()
    painter.fillRect(QRectF(x, mid - 1.5 * mm, 3 * mm, 3 * mm), BAR)
    x += 4.5 * mm
    text(t("this month"))
    if last_year:
        x += 4 * mm
        painter.setPen(QPen(LAST_YEAR, 0.5 * mm))
        painter.drawLine(QPointF(x, mid), QPointF(x + 6 * mm, mid))
        x += 7.5 * mm
        text(t("same days last year"))


def draw_kpi_page(painter: QPainter, plan: MonthlyPlan, rect: QRectF, dpi: int) -> None:
    """Paid GMV per day (bars, last year as a line) and the channels' shares (bars), as vectors."""
    mm = dpi / 25.4
    painter.setPen(QColor("#1f4e79"))
    painter.setFont(report_font(14))
    start, end = plan.kpi_period
    # The same days as the headline KPIs' table (the month's finished days), said in the title.
    title = (t("KPI charts {start} – {end}", start=start.isoformat(), end=end.isoformat()) if plan.kpis
             else t("KPI charts"))
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), 9 * mm), Qt.AlignmentFlag.AlignLeft, title)
    top = rect.top() + 11 * mm
    chart = QRectF(rect.left() + 22 * mm, top + 7 * mm, rect.width() - 24 * mm, rect.height() * 0.5)
    _draw_legend(painter, QRectF(rect.left(), top, rect.width(), 6 * mm), mm, bool(plan.daily_gmv_last_year))
    small = report_font(7)
    days = plan.month.end.day
    if not any(v for _, v in plan.daily_gmv):  # no sales: one line, not an empty axis
        painter.drawText(chart, Qt.AlignmentFlag.AlignCenter, t("No sales yet this month"))
    else:
        peak = _nice_top(max([v for _, v in plan.daily_gmv] + [v for _, v in plan.daily_gmv_last_year] + [1]))
        painter.setFont(small)
        for i in range(5):  # grid lines with their amounts
            y = chart.bottom() - chart.height() * i / 4
            painter.setPen(QPen(GRID, 0))
            painter.drawLine(QPointF(chart.left(), y), QPointF(chart.right(), y))
            painter.setPen(Qt.GlobalColor.darkGray)
            painter.drawText(QRectF(rect.left(), y - 3 * mm, 20 * mm, 6 * mm),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, _money_short(peak * i // 4))
        slot = chart.width() / days
        for day, value in plan.daily_gmv:
            h = chart.height() * value / peak
            painter.fillRect(QRectF(chart.left() + (day.day - 1) * slot + slot * 0.15, chart.bottom() - h,
                                    slot * 0.7, h), BAR)
        if plan.daily_gmv_last_year:
            path = QPainterPath()
            for i, (day, value) in enumerate(plan.daily_gmv_last_year):
                pt = QPointF(chart.left() + (day.day - 0.5) * slot, chart.bottom() - chart.height() * value / peak)
                path.moveTo(pt) if i == 0 else path.lineTo(pt)
            painter.setPen(QPen(LAST_YEAR, 0.5 * mm))
            painter.drawPath(path)
        painter.setPen(Qt.GlobalColor.black)
        for d in range(1, days + 1):
            painter.drawText(QRectF(chart.left() + (d - 1) * slot, chart.bottom() + 0.5 * mm, slot, 4 * mm),
                             Qt.AlignmentFlag.AlignHCenter, str(d))
    # Channel shares, one bar each.
    share_top = chart.bottom() + 10 * mm
    painter.setFont(report_font(9))
    painter.setPen(Qt.GlobalColor.black)
    painter.drawText(QRectF(rect.left(), share_top, rect.width(), 6 * mm), Qt.AlignmentFlag.AlignLeft,
                     t("GMV share by channel") if not plan.channel_gmv else
                     t("GMV share by channel (together {amount})", amount=format_fen(sum(v for _, v in plan.channel_gmv))))
    total = sum(v for _, v in plan.channel_gmv)
    row_h = min(7 * mm, (rect.bottom() - share_top - 8 * mm) / max(1, len(plan.channel_gmv)))
    label_w, value_w = 40 * mm, 45 * mm
    bar_w = rect.width() - label_w - value_w
    if not total:
        painter.drawText(QRectF(rect.left(), share_top + 7 * mm, rect.width(), 6 * mm), Qt.AlignmentFlag.AlignLeft,
                         t("No sales yet this month"))
    for i, (platform, value) in enumerate(plan.channel_gmv if total else ()):
        y = share_top + 7 * mm + i * row_h
        painter.drawText(QRectF(rect.left(), y, label_w, row_h), Qt.AlignmentFlag.AlignVCenter, channel_label(platform))
        painter.fillRect(QRectF(rect.left() + label_w, y + row_h * 0.2, bar_w * value / total, row_h * 0.6), BAR)
        painter.drawText(QRectF(rect.left() + label_w + bar_w + 2 * mm, y, value_w, row_h), Qt.AlignmentFlag.AlignVCenter,
                         f"{format_fen(value)}  {format_rate(value / total)}")
