"""The printed monthly plan (issue #17): what the pages say, assembled from the tabs' own rows.

Qt-free on purpose: the renderer (ui/report/render.py) only lays these sections out, so the
CLI's ``report`` and File → Print monthly plan… print the same document, and tests can check
the content without a printer. Each section reads what its tab reads (core.goals,
core.promotions, core.inventory_lists, core.tasks, core.members, core.kpi), computed as of
``today``; an empty tuple is an empty section, which the page says in one line.
"""
from __future__ import annotations

import calendar
import datetime as dt
import os
from dataclasses import dataclass, field

from sqlalchemy import func, select

from core.i18n import t
from core.models import Channel


@dataclass(frozen=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        from core.errors import BadInputError

        try:
            year, month = (int(p) for p in text.strip().split("-"))
            dt.date(year, month, 1)
        except ValueError:
            raise BadInputError(t("{value!r} is not a month; write it as YYYY-MM, e.g. 2026-11", value=text)) from None
        return cls(year, month)

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def end(self) -> dt.date:
        return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def previous(self) -> Month:
        return Month(self.year - 1, 12) if self.month == 1 else Month(self.year, self.month - 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True)
class GoalLine:
    channel: str  # "" = all channels
    category: str  # "" = all categories
    target_fen: int
    actual_fen: int | None
    progress: float | None
    needed_per_day_fen: int | None
    status: str | None


@dataclass(frozen=True)
class KpiLine:
    key: str
    value: int | float | None
    change_prev: float | None  # 环比
    change_year: float | None  # 同比
    in_points: bool


@dataclass(frozen=True)
class PromotionLine:
    name: str
    kind: str
    channels: tuple[str, ...]
    start: dt.date
    end: dt.date
    budget_fen: int
    status: str
    phases: tuple[tuple[str, dt.date, dt.date], ...]
    rules: tuple[str, ...] = ()  # its tiers as the form shows them: 满300减30, 3人团 ¥59 …
    scope: str = ""  # what it covers in words (core.promotion_scope.scope_text): Whole shop, Categories: 茶叶 …
    discount_budget_fen: int = 0  # budget_fen = discount cost + ad spend
    ad_budget_fen: int = 0
    target_gmv_fen: int | None = None  # None: no target


@dataclass(frozen=True)
class TaskLine:
    title: str
    owner: str
    start: dt.date | None
    due: dt.date | None
    status: str
    priority: int
    promotion: str
    repeating: bool = False  # an occurrence of a repeating task: listed with the meetings instead


@dataclass(frozen=True)
class StaffKpiLine:
    """One person's KPI targets and bonus bands for the month (core.staff_kpi), for the team page."""

    name: str
    role: str
    target_fen: int | None
    share: float | None
    measures: str  # "好评率: 98 / 95; …" (name: actual / target)
    base_fen: int
    bands: str  # "< 80 % → 0 %, 80–100 % → 5 %, …"
    achievement: float | None
    band: str
    bonus_fen: int | None


@dataclass(frozen=True)
class OrderLine:
    sku_code: str
    title: str
    supplier: str
    order_by: dt.date
    stockout_date: dt.date | None
    qty: int
    cost_fen: int


@dataclass(frozen=True)
class SlowLine:
    sku_code: str
    title: str
    status: str  # overstock|slow|dead
    on_hand: int
    stock_value_fen: int
    last_sale: dt.date | None


REPURCHASE_MONTHS = 6  # the members page's repurchase trend


@dataclass(frozen=True)
class MonthlyPlan:
    month: Month
    today: dt.date
    shop_name: str
    goals: tuple[GoalLine, ...]
    last_month_goals: tuple[GoalLine, ...]
    kpis: tuple[KpiLine, ...]
    kpi_period: tuple[dt.date, dt.date]
    promotions: tuple[PromotionLine, ...]
    tasks: tuple[TaskLine, ...]
    # What to order now: exactly the SKUs the Inventory tab counts on its title ("库存预警 (12)":
    # out of stock, below safety stock, reorder now, running low), whatever their order-by date.
    orders: tuple[OrderLine, ...]
    stockouts: tuple[OrderLine, ...]  # expected stock-outs in the month
    slow_movers: tuple[SlowLine, ...]
    tier_changes: int  # tier changes logged in the month
    recall_counts: tuple[tuple[str, int], ...]  # (list id, customers); counts only, no personal data
    segments: tuple[tuple[str, int], ...] = field(default=())  # (segment label, customers)
    # Repurchase trend (core.cohorts): the last six months up to the plan's month, each
    # (first day, buyers with 2+ paid orders in it, buyers with a known account).
    repurchase: tuple[tuple[dt.date, int, int], ...] = field(default=())
    # The KPI page's charts: paid GMV per day of the KPI period (and of the same month last year),
    # and per channel over the KPI period (so both add up to the headline GMV).
    daily_gmv: tuple[tuple[dt.date, int], ...] = field(default=())
    daily_gmv_last_year: tuple[tuple[dt.date, int], ...] = field(default=())
    channel_gmv: tuple[tuple[str, int], ...] = field(default=())
    # The weekly meetings and other repeating tasks of the month (core.report_meetings.MeetingLine)
    meetings: tuple = field(default=())
    staff_kpi: tuple[StaffKpiLine, ...] = field(default=())  # each person's targets and bonus bands
    # Not due yet but with an order-by date later in the plan's month: to order before it ends.
    orders_later: tuple[OrderLine, ...] = field(default=())
    # Each promotion's SOP task schedule (core.report_sop.SopSchedule): those of the month's
    # promotions and of later ones whose SOP steps fall in the month.
    sop_schedules: tuple = field(default=())

    @property
    def stage(self) -> str:
        """Where the month stands on the plan's day: "closed" (over: its figures are final),
        "running" (the figures so far) or "future" (not started: targets only, no actuals)."""
        return month_stage(self.month, self.today)

    def tasks_by_owner(self) -> list[tuple[str, list[TaskLine]]]:
        """Each person's tasks of the month (not the repeating ones: those are the meetings),
        people by name, the unassigned last."""
        groups: dict[str, list[TaskLine]] = {}
        for task in self.tasks:
            if task.repeating:
                continue
            groups.setdefault(task.owner, []).append(task)
        return sorted(groups.items(), key=lambda kv: (kv[0] == "", kv[0]))


def month_stage(month: Month, today: dt.date) -> str:
    """"closed" when ``month`` ended before ``today``, "future" when it starts after it, else "running"."""
    if month.end < today:
        return "closed"
    return "future" if month.start > today else "running"


def _in_month(start: dt.date | None, end: dt.date | None, month: Month) -> bool:
    first = start or end
    last = end or start
    return first is not None and last is not None and first <= month.end and last >= month.start


def _goal_lines(rows, month: Month) -> tuple[GoalLine, ...]:
    lines = [
        GoalLine(r.platform, r.category, r.target_gmv_fen, r.actual_gmv_fen, r.progress, r.needed_per_day_fen, r.status)
        for r in rows
        if r.period_kind == "month" and r.period_start == month.start
    ]
    # The whole shop first, then channels, then categories: the order the owner reads a plan in.
    return tuple(sorted(lines, key=lambda g: (g.channel != "", g.category != "", g.channel, g.category)))


def _daily(session, start: dt.date, end: dt.date) -> dict[dt.date, int]:
    from core.currency import daily_paid

    return daily_paid(session, start, end).fen  # foreign channels converted (core.currency)


def _by_channel(session, start: dt.date, end: dt.date) -> tuple[tuple[str, int], ...]:
    from core.currency import Currencies, daily_paid
    from core.models import Order

    q = (select(Order.platform, func.coalesce(func.sum(Order.paid_fen), 0))
         .where(Order.is_paid.is_(True), Order.pay_date.between(start, end)).group_by(Order.platform))
    foreign = Currencies.load(session).foreign
    out = []
    for p, v in session.execute(q):
        if p in foreign:  # another currency: converted, or left out without a month's rate (core.currency)
            paid = daily_paid(session, start, end, p)
            if paid.excluded:
                continue
            v = paid.total
        if v:
            out.append((p, int(v)))
    return tuple(sorted(out, key=lambda pv: (-pv[1], pv[0])))


def shop_name(session) -> str:
    """The shop as its owner calls it: one channel's shop name, or what the channels' names have in
    common ("山野茶舍" for 山野茶舍旗舰店 / 山野茶舍官方店 / 山野茶舍抖音小店), else all of them."""
    names = list(dict.fromkeys(n.strip() for n in session.scalars(select(Channel.shop_name).order_by(Channel.platform))
                               if n and n.strip()))
    if not names:
        return "ShopDesk"
    if len(names) == 1:
        return names[0]
    common = os.path.commonprefix(names).rstrip(" -·_|/（(")
    return common if len(common) >= 2 else " · ".join(names)


def build_plan(db, month: Month, today: dt.date | None = None) -> MonthlyPlan:
    """The monthly plan for ``month`` as of ``today`` (default: the month's last day when it is
    over, else today; a future month is planned as of today)."""
    from core.goals import goal_rows
    from core.inventory import NEEDS_BUYING, inventory_params, inventory_rows
    from core.inventory_uplift import promotion_uplifts
    from core.kpi.cards import compute_dashboard
    from core.kpi.periods import DateRange
    from core.members import LISTS, member_rows, segment_summary
    from core.models import TierChange
    from core.promotion_scope import scope_text
    from core.promotion_tiers import tier_text
    from core.promotions import promotion_rows
    from core.tasks import CANCELLED, task_rows

    today = today or dt.date.today()
    # Headline KPIs: the month so far (the whole month once it is over), against the previous
    # equal period (环比) and the same days last year (同比), as the dashboard's cards.
    kpi_end = min(month.end, max(today - dt.timedelta(days=1), month.start))
    has_kpis = month.start <= today - dt.timedelta(days=1) or month.end < today
    with db.session() as s:
        name = shop_name(s)
        goals = goal_rows(s, today)
        promos = [p for p in promotion_rows(s, today) if _in_month(p.start, p.end, month)]
        from core.promotion_scope import promotion_scopes

        scopes = promotion_scopes(s)
        tasks = [x for x in task_rows(s, today)
                 if x.status != CANCELLED and _in_month(x.start, x.due, month)]
        # Stock actions are what to do from today on, with today's stock, whatever the month: a past
        # month's page must not list "expected stock-outs" dated before today.
        # The same rows as the Inventory tab: the calendar's promotions raise the forecast.
        params = inventory_params()
        inv = inventory_rows(s, today, params, promotion_uplifts(s, today, params))
        members = member_rows(s, today)
        from core.cohorts import activity, repurchase_by_month

        trend_day = min(today, month.end)
        trend = tuple((m.month, m.repeat_buyers, m.known_buyers)
                      for m in repurchase_by_month(activity(s.connection(), trend_day), trend_day, months=REPURCHASE_MONTHS))
        from core.kpi.periods import shift_years

        days = [month.start + dt.timedelta(days=i) for i in range(month.end.day)]
        # The KPI page's charts cover the days the headline KPIs cover (the finished days), so
        # their bars and channel shares add up to the KPI table's GMV: today, half sold, is left out.
        this_year = _daily(s, month.start, kpi_end) if has_kpis else {}
        ly = _daily(s, shift_years(month.start, -1), shift_years(month.end, -1))
        daily = tuple((d, this_year.get(d, 0)) for d in days if d <= kpi_end) if has_kpis else ()
        daily_ly = tuple((d, ly.get(shift_years(d, -1), 0)) for d in days) if ly else ()
        channels = _by_channel(s, month.start, kpi_end) if has_kpis else ()
        from core.report_meetings import meeting_lines

        meetings = meeting_lines(s, month.start, month.end)
        from core.report_sop import sop_schedules

        schedules = sop_schedules(s, month.start, month.end)
        from core.staff_kpi import kpi_rows

        staff_kpi = tuple(StaffKpiLine(r.name, r.role, r.target_fen, r.share, r.measures_text, r.base_fen, r.bands_text,
                                       r.achievement, r.band_text, r.bonus_fen)
                          for r in kpi_rows(s, month.start, today))
        changes = s.scalar(select(func.count()).select_from(TierChange).where(
            TierChange.at >= dt.datetime.combine(month.start, dt.time()),
            TierChange.at < dt.datetime.combine(month.end + dt.timedelta(days=1), dt.time()))) or 0

    kpis: tuple[KpiLine, ...] = ()
    if has_kpis:
        dash = compute_dashboard(db, DateRange(month.start, kpi_end))
        kpis = tuple(KpiLine(c.key, c.value, c.change_prev, c.change_year, c.in_points) for c in dash.cards)

    by_date = sorted(inv, key=lambda r: (r.order_by or today, r.sku_code))
    orders = tuple(
        OrderLine(r.sku_code, r.title, r.supplier, r.order_by or today, r.stockout_date, r.suggested_qty,
                  r.suggested_qty * r.cost_fen)
        for r in by_date if r.status in NEEDS_BUYING
    )
    orders_later = tuple(
        OrderLine(r.sku_code, r.title, r.supplier, r.order_by, r.stockout_date, r.suggested_qty,
                  r.suggested_qty * r.cost_fen)
        for r in by_date
        if r.status not in NEEDS_BUYING and r.order_by is not None and r.order_by <= month.end and r.suggested_qty > 0
    )
    stockouts = tuple(
        OrderLine(r.sku_code, r.title, r.supplier, r.order_by or r.stockout_date, r.stockout_date, r.suggested_qty,
                  r.suggested_qty * r.cost_fen)
        for r in sorted(inv, key=lambda r: (r.stockout_date or dt.date.max, r.sku_code))
        if r.stockout_date is not None and r.stockout_date <= month.end
    )
    slow = tuple(
        SlowLine(r.sku_code, r.title, r.status, r.on_hand, r.stock_value_fen, r.last_sale)
        for r in sorted(inv, key=lambda r: (-r.stock_value_fen, r.sku_code))
        if r.status in ("dead", "slow", "overstock")
    )
    recall = tuple((lst, sum(1 for m in members if lst in m.lists)) for lst in LISTS)
    return MonthlyPlan(
        month=month,
        today=today,
        shop_name=name,
        goals=_goal_lines(goals, month),
        last_month_goals=_goal_lines(goals, month.previous()),
        kpis=kpis,
        kpi_period=(month.start, kpi_end),
        promotions=tuple(PromotionLine(p.name, p.kind, p.platforms, p.start, p.end, p.budget_fen, p.status, p.phases,
                                       tuple(tier_text(r) for r in p.rules), scope_text(scopes.get(p.id)),
                                       p.discount_budget_fen, p.ad_budget_fen, p.target_gmv_fen)
                         for p in promos),
        tasks=tuple(TaskLine(x.title, x.owner, x.start, x.due, x.status, x.priority, x.promotion, bool(x.recurrence))
                    for x in tasks),
        orders=orders,
        orders_later=orders_later,
        stockouts=stockouts,
        slow_movers=slow,
        tier_changes=int(changes),
        recall_counts=recall,
        segments=tuple((g.label, g.customers) for g in segment_summary(members)),
        repurchase=trend if any(k for _, _, k in trend) else (),
        daily_gmv=daily,
        daily_gmv_last_year=daily_ly,
        channel_gmv=channels,
        meetings=meetings,
        staff_kpi=staff_kpi,
        sop_schedules=schedules,
    )
