"""The promotions page's SOP task schedules: under the promotions table, each promotion's tasks
from an applied SOP template (core.report_sop), with owner, start and due as dates and as days
from the promotion's start (T-30 … T+3), and status."""
from __future__ import annotations

from core.i18n import t
from core.report import MonthlyPlan
from core.report_sop import SopSchedule, day_label
from ui.report.html_parts import day_text, empty_note, esc, html_table, status_text


def _when(day, offset) -> str:
    return day_text(day) if offset is None else f"{day_text(day)} · {day_label(offset)}"


def _schedule(s: SopSchedule) -> str:
    title = t("{promotion}: SOP schedule (T = {start}; {templates})", promotion=s.promotion,
              start=s.start.isoformat(), templates=", ".join(s.templates))
    rows = [[esc(x.title), esc(x.owner or t("Unassigned")), _when(x.start, x.start_day), _when(x.due, x.due_day),
             esc(status_text(x.status))] for x in s.steps]
    return f"<h3>{esc(title)}</h3>" + html_table([t("Step"), t("Owner"), t("Start"), t("Due"), t("Status")], rows,
                                            [42, 16, 15, 15, 12])


def sop_schedule_html(plan: MonthlyPlan) -> str:
    """Each promotion's SOP schedule, or one line saying there is none."""
    if not plan.sop_schedules:
        return (f"<h3>{esc(t('SOP task schedules'))}</h3>"
                + empty_note(t("No SOP tasks for this month's promotions")))
    return "".join(_schedule(s) for s in plan.sop_schedules)
