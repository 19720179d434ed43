"""The shop's data model (SQLAlchemy 2, typed).

Conventions (DESIGN.md): money is integer fen, ids from platforms are text, times are naive
local datetimes. Every row an import writes points to its ``ImportBatch`` so a batch can be
undone. Change the schema only through Alembic migrations (``core/migrations``).
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    event,
    false as sa_false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


# ---------------------------------------------------------------- channels and catalogue


class Channel(Base):
    """A sales channel: one platform (``taobao``, ``jd`` …), optionally with its shop name."""

    __tablename__ = "channels"
    platform: Mapped[str] = mapped_column(String(20), primary_key=True)
    shop_name: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # ISO 4217 code of the channel's amounts (core.currency); orders keep them in this currency.
    currency: Mapped[str] = mapped_column(String(3), default="CNY", server_default="CNY")


class ExchangeRate(Base):
    """What one unit of ``currency`` is worth in yuan during ``month`` (``YYYY-MM``), as the owner
    typed it in Settings → Channels. ``rate`` is the exact decimal text (``7.1234``), so
    conversions (core.currency) are exact on both engines."""

    __tablename__ = "exchange_rates"
    currency: Mapped[str] = mapped_column(String(3), primary_key=True)
    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    rate: Mapped[str] = mapped_column(String(24))


class Product(Base):
    """An SPU: the listing a buyer sees; its SKUs are the sellable variants."""

    __tablename__ = "products"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(80), unique=True)  # 商家编码-商品维度 / 货号
    title: Mapped[str] = mapped_column(String(300), default="")
    category: Mapped[str] = mapped_column(String(80), default="")
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))


class Sku(Base):
    """A sellable variant, keyed by the merchant's own code (商家编码)."""

    __tablename__ = "skus"
    code: Mapped[str] = mapped_column(String(80), primary_key=True)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(300), default="")
    spec: Mapped[str] = mapped_column(String(200), default="")
    category: Mapped[str] = mapped_column(String(80), default="")
    cost_fen: Mapped[int] = mapped_column(Integer, default=0)
    price_fen: Mapped[int] = mapped_column(Integer, default=0)
    supplier: Mapped[str] = mapped_column(String(200), default="")
    lead_time_days: Mapped[int] = mapped_column(Integer, default=7)
    order_multiple: Mapped[int] = mapped_column(Integer, default=1)
    min_order_qty: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # the supplier's minimum; 0 = none
    safety_stock_override: Mapped[int | None] = mapped_column(Integer)
    # The owner's quantity for the purchase list (None: the suggested order; 0: not this time).
    order_qty: Mapped[int | None] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))

    stock: Mapped[StockLevel | None] = relationship(back_populates="sku", uselist=False)


class StockLevel(Base):
    __tablename__ = "stock_levels"
    sku_code: Mapped[str] = mapped_column(ForeignKey("skus.code", ondelete="CASCADE"), primary_key=True)
    on_hand: Mapped[int] = mapped_column(Integer, default=0)
    in_transit: Mapped[int] = mapped_column(Integer, default=0)
    # When what is in transit is expected (Mark as ordered: today + lead time); None = unknown.
    arrival_date: Mapped[dt.date | None] = mapped_column(Date)
    as_of: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))

    sku: Mapped[Sku] = relationship(back_populates="stock")


class Delivery(Base):
    """One purchase on its way (core.deliveries): "Mark as ordered" adds it, "Received" takes what arrived.
    A SKU's ``stock_levels.in_transit`` is the sum of its open deliveries' open quantities (qty − received),
    its ``arrival_date`` the earliest expected date among them."""

    __tablename__ = "deliveries"
    __table_args__ = (Index("ix_deliveries_sku_status", "sku_code", "status"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sku_code: Mapped[str] = mapped_column(ForeignKey("skus.code", ondelete="CASCADE"))
    supplier: Mapped[str] = mapped_column(String(200), default="", server_default="")
    qty: Mapped[int] = mapped_column(Integer, server_default="0")  # ordered
    received: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    ordered_on: Mapped[dt.date | None] = mapped_column(Date)  # None: in transit before deliveries were kept
    expected_on: Mapped[dt.date | None] = mapped_column(Date)  # None: unknown (after the lead time)
    # open | received (all of it) | short (closed with less than ordered) | cancelled (nothing came)
    status: Mapped[str] = mapped_column(String(12), default="open", server_default="open")
    closed_on: Mapped[dt.date | None] = mapped_column(Date)


# ---------------------------------------------------------------- orders


class Order(Base):
    """One platform order. ``paid_fen`` is counted once per order (spec/kpi.md "Amounts").

    ``is_paid`` and ``pay_date`` are derived on write (``core.orders.derive_payment``) so
    that every KPI is a plain indexed SQL aggregate; so are the line totals (``units`` …
    ``open_qty``, ``core.orders.line_totals``), so that units and SKU sales need no join
    from a year of orders to their lines.
    """

    __tablename__ = "orders"
    __table_args__ = (
        UniqueConstraint("platform", "order_no", name="uq_orders_platform_no"),
        Index("ix_orders_pay_date", "pay_date", "platform"),
        # Covers every KPI scan (core.kpi): paid orders of a date range without table lookups.
        Index("ix_orders_kpi", "is_paid", "pay_date", "platform", "buyer_key", "paid_fen", "refund_fen", "status", "units"),
        # Also covering, in buyer order: paying and repeat buyers of long ranges without a sort.
        Index("ix_orders_buyer", "platform", "buyer_key", "is_paid", "pay_date", "paid_fen", "refund_fen", "status", "units"),
        Index("ix_orders_batch", "batch_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(20))
    shop: Mapped[str] = mapped_column(String(200), default="")
    order_no: Mapped[str] = mapped_column(String(80))
    buyer_key: Mapped[str | None] = mapped_column(String(200))
    buyer_name: Mapped[str] = mapped_column(String(200), default="")
    province: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    paid_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    shipped_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    completed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(20))  # pending_payment|paid|shipped|completed|closed|refunded
    status_text: Mapped[str] = mapped_column(String(100), default="")
    goods_fen: Mapped[int] = mapped_column(Integer, default=0)
    shipping_fen: Mapped[int] = mapped_column(Integer, default=0)
    discount_fen: Mapped[int] = mapped_column(Integer, default=0)
    paid_fen: Mapped[int] = mapped_column(Integer, default=0)
    refund_fen: Mapped[int] = mapped_column(Integer, default=0)
    is_paid: Mapped[bool] = mapped_column(Boolean, default=False)
    pay_date: Mapped[dt.date | None] = mapped_column(Date)
    # Totals of the order's lines (None: no lines): units, and what SKU sales share the paid amount by.
    # Server defaults so that a row written by other tools (or raw SQL) is still valid.
    units: Mapped[int | None] = mapped_column(Integer)
    line_paid_fen: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # lines that carry their own paid amount
    open_weight_fen: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # price × qty of the other lines
    open_qty: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # qty of the other lines
    source: Mapped[str] = mapped_column(String(80), default="")  # traffic source / sales channel detail
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))

    lines: Mapped[list[OrderLine]] = relationship(back_populates="order", cascade="all, delete-orphan")


class OrderLine(Base):
    __tablename__ = "order_lines"
    __table_args__ = (
        Index("ix_order_lines_order", "order_id"),
        # Covers SKU sales and velocity (core.kpi, core.inventory) from the lines' own copies of
        # their order's facts: SQLite skip-scans it per SKU on pay_date, with no join and no sort.
        # paid_fen and unit_price_fen: the inventory's sales value (ABC) without table reads.
        Index("ix_order_lines_sales", "sku_code", "pay_date", "platform", "qty", "sales_fen", "paid_fen",
              "unit_price_fen"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    line_no: Mapped[str] = mapped_column(String(80), default="")  # 子订单编号 where the export has one
    sku_code: Mapped[str] = mapped_column(String(80), default="")  # not a FK: orders may name unknown SKUs
    item_id: Mapped[str] = mapped_column(String(80), default="")
    title: Mapped[str] = mapped_column(String(300), default="")
    spec: Mapped[str] = mapped_column(String(200), default="")
    qty: Mapped[int | None] = mapped_column(Integer, default=1)  # None: the export had no quantity
    unit_price_fen: Mapped[int] = mapped_column(Integer, default=0)
    paid_fen: Mapped[int | None] = mapped_column(Integer)  # None where the export has no per-line amount
    refund_fen: Mapped[int] = mapped_column(Integer, default=0)
    # Copies of the order's facts (core.orders.line_facts), kept right by triggers on both tables.
    pay_date: Mapped[dt.date | None] = mapped_column(Date)  # NULL unless the order is paid
    platform: Mapped[str | None] = mapped_column(String(20))
    sales_fen: Mapped[float | None] = mapped_column(Float)  # this line's share of the order's paid amount

    order: Mapped[Order] = relationship(back_populates="lines")


@event.listens_for(Order, "before_insert")
def _order_line_totals(_mapper: object, _conn: object, order: Order) -> None:
    """ORM writers (tests, small tools) get the derived line totals of a new order for free;
    bulk writers call ``core.orders.line_totals`` themselves."""
    if "lines" in order.__dict__ and order.units is None:
        from core.orders import line_totals

        rows = [{"qty": ln.qty, "unit_price_fen": ln.unit_price_fen, "paid_fen": ln.paid_fen}
                for ln in order.lines]
        for key, value in line_totals(rows).items():
            setattr(order, key, value)


class Refund(Base):
    """An after-sale record (退款管理 / 售后表); importing it also updates ``orders.refund_fen``."""

    __tablename__ = "refunds"
    __table_args__ = (
        UniqueConstraint("platform", "refund_no", name="uq_refunds_platform_no"),
        Index("ix_refunds_order", "platform", "order_no"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(20))
    refund_no: Mapped[str] = mapped_column(String(80))
    order_no: Mapped[str] = mapped_column(String(80))
    sku_code: Mapped[str] = mapped_column(String(80), default="")
    title: Mapped[str] = mapped_column(String(300), default="")
    amount_fen: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(20), default="")  # success|pending|closed
    status_text: Mapped[str] = mapped_column(String(100), default="")
    reason: Mapped[str] = mapped_column(String(200), default="")
    applied_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    completed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))


class TrafficDaily(Base):
    __tablename__ = "traffic_daily"
    __table_args__ = (UniqueConstraint("day", "platform", name="uq_traffic_day_platform"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date)
    platform: Mapped[str] = mapped_column(String(20))
    visitors: Mapped[int] = mapped_column(Integer, default=0)
    page_views: Mapped[int] = mapped_column(Integer, default=0)
    paying_buyers: Mapped[int | None] = mapped_column(Integer)
    ad_spend_fen: Mapped[int] = mapped_column(Integer, default=0)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))


# ---------------------------------------------------------------- members


class Customer(Base):
    __tablename__ = "customers"
    __table_args__ = (UniqueConstraint("platform", "buyer_key", name="uq_customers_platform_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(20))
    buyer_key: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")  # may be masked; never a key
    first_order_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_order_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    orders_count: Mapped[int] = mapped_column(Integer, default=0)
    spend_fen: Mapped[int] = mapped_column(Integer, default=0)
    tier_id: Mapped[int | None] = mapped_column(ForeignKey("tiers.id", ondelete="SET NULL"))
    points: Mapped[int] = mapped_column(Integer, default=0)
    tags: Mapped[str] = mapped_column(String(300), default="")
    source: Mapped[str] = mapped_column(String(80), default="")
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))
    # Built from the buyer's paid orders (core.customers): refunds and the most bought categories.
    refund_fen: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    categories: Mapped[str] = mapped_column(String(200), default="", server_default="")
    note: Mapped[str] = mapped_column(Text, default="", server_default="")  # the owner's own
    tier_since: Mapped[dt.date | None] = mapped_column(Date)  # start of the tier's validity (core.tiers)


class TierChange(Base):
    """One move of a customer between tiers (core.tiers): who moved it, from, to, why, when."""

    __tablename__ = "tier_changes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    day: Mapped[dt.date] = mapped_column(Date)  # the day the rule was applied for
    from_tier: Mapped[str] = mapped_column(String(40), default="")  # names as they were then
    to_tier: Mapped[str] = mapped_column(String(40), default="")
    reason: Mapped[str] = mapped_column(String(20))  # assign|upgrade|downgrade
    rule: Mapped[str] = mapped_column(String(20), default="spend")  # spend|orders
    measure: Mapped[int] = mapped_column(Integer, default=0)  # spend (fen) or orders in the window
    threshold: Mapped[int] = mapped_column(Integer, default=0)  # the upgrade or 保级 line it was compared with
    by: Mapped[str] = mapped_column(String(20), default="recompute")  # recompute|import|rules
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))


class Tier(Base):
    """A membership tier (普通/银卡/金卡/黑卡): threshold, retention (保级) and validity."""

    __tablename__ = "tiers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    rank: Mapped[int] = mapped_column(Integer, default=0)
    rule: Mapped[str] = mapped_column(String(20), default="spend")  # spend|orders
    threshold: Mapped[int] = mapped_column(Integer, default=0)  # fen for spend, count for orders
    retention_threshold: Mapped[int] = mapped_column(Integer, default=0)
    window_days: Mapped[int] = mapped_column(Integer, default=365)
    validity_days: Mapped[int] = mapped_column(Integer, default=365)
    benefits: Mapped[str] = mapped_column(Text, default="")
    # Points (core.points): earned per yuan paid (the same for every tier), times this tier's
    # multiplier in percent (150 = ×1.5), valid this many months after earning.
    points_per_yuan: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    points_multiplier: Mapped[int] = mapped_column(Integer, default=100, server_default="100")
    points_expiry_months: Mapped[int] = mapped_column(Integer, default=12, server_default="12")


class PointsEntry(Base):
    """One line of a customer's points ledger (core.points); ``customers.points`` is their sum."""

    __tablename__ = "points_ledger"
    __table_args__ = (Index("ix_points_ledger_order", "customer_id", "order_no"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    delta: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(200), default="")
    order_no: Mapped[str] = mapped_column(String(80), default="")
    expires_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(20), default="", server_default="")  # earn|adjust|expire|opening


# ---------------------------------------------------------------- plan: goals and promotions


class Goal(Base):
    """A target for one period; ``platform``/``category`` empty means "all"."""

    __tablename__ = "goals"
    __table_args__ = (Index("ix_goals_period", "period_start", "period_end"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period_kind: Mapped[str] = mapped_column(String(10))  # year|half|quarter|month
    period_start: Mapped[dt.date] = mapped_column(Date)
    period_end: Mapped[dt.date] = mapped_column(Date)
    platform: Mapped[str] = mapped_column(String(20), default="")
    category: Mapped[str] = mapped_column(String(80), default="")
    target_gmv_fen: Mapped[int] = mapped_column(Integer, default=0)
    target_orders: Mapped[int | None] = mapped_column(Integer)
    target_aov_fen: Mapped[int | None] = mapped_column(Integer)
    target_conversion: Mapped[float | None] = mapped_column(Float)
    split_method: Mapped[str] = mapped_column(String(40), default="")  # how it was derived from its parent
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"))
    note: Mapped[str] = mapped_column(Text, default="")
    # Typed by hand in the Goals grid: re-balancing the year leaves it alone until unlocked.
    locked: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())


class Promotion(Base):
    __tablename__ = "promotions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default="own")  # festival|platform|own
    platforms: Mapped[list] = mapped_column(JSON, default=list)  # platform ids; empty = all
    start: Mapped[dt.date] = mapped_column(Date)
    end: Mapped[dt.date] = mapped_column(Date)
    phases: Mapped[list] = mapped_column(JSON, default=list)  # [{"name": "预热", "start": ..., "end": ...}]
    rules: Mapped[list] = mapped_column(JSON, default=list)  # [{"type": "满减", "threshold_fen": .., "off_fen": ..}]
    scope: Mapped[dict] = mapped_column(JSON, default=dict)  # {"categories": [...], "skus": [...]}
    budget_fen: Mapped[int] = mapped_column(Integer, default=0)  # always discount + ad (core.edits.promotions)
    discount_budget_fen: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # discounts given
    ad_budget_fen: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # ads, fees, samples …
    target_gmv_fen: Mapped[int | None] = mapped_column(Integer)  # None: no target
    expected_uplift: Mapped[float | None] = mapped_column(Float)  # 0.3 = +30 %
    status: Mapped[str] = mapped_column(String(20), default="planned")  # planned|running|done|cancelled
    note: Mapped[str] = mapped_column(Text, default="")


class PromotionResult(Base):
    __tablename__ = "promotion_results"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    promotion_id: Mapped[int] = mapped_column(ForeignKey("promotions.id", ondelete="CASCADE"), index=True)
    measured_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    gmv_fen: Mapped[int] = mapped_column(Integer, default=0)
    orders: Mapped[int] = mapped_column(Integer, default=0)
    cost_fen: Mapped[int] = mapped_column(Integer, default=0)
    baseline_gmv_fen: Mapped[int | None] = mapped_column(Integer)


# ---------------------------------------------------------------- team


class Staff(Base):
    __tablename__ = "staff"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    role: Mapped[str] = mapped_column(String(80), default="")
    contact: Mapped[str] = mapped_column(String(200), default="")  # phone, WeChat …: free text
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    kpi: Mapped[dict] = mapped_column(JSON, default=dict)  # {"metric": "gmv", "target_fen": .., "bonus_tiers": [...]}
    # Team mode: the server account this person signs in with ("" = none); their own tasks are
    # those whose owner_id is this row (row-level security, core.team_roles).
    login: Mapped[str] = mapped_column(String(63), default="", server_default="")


class StaffTarget(Base):
    """One person's KPI for one month (core.staff_kpi): their share of the month's goal GMV in fen,
    the bonus base, and the owner's own measures [{"name", "target", "actual"}] (decimal text)."""

    __tablename__ = "staff_targets"
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"), primary_key=True)
    month: Mapped[dt.date] = mapped_column(Date, primary_key=True)  # the month's first day
    target_fen: Mapped[int | None] = mapped_column(Integer)  # None: no share of the goal GMV
    base_fen: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    measures: Mapped[list] = mapped_column(JSON, default=list, server_default="[]")


class TaskTemplate(Base):
    """An SOP: steps with day offsets relative to an event (e.g. a promotion's start)."""

    __tablename__ = "task_templates"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    steps: Mapped[list] = mapped_column(JSON, default=list)  # [{"title", "offset_days", "duration_days", "role", "after"}]
    # The built-in SOP this row overrides (core.sop.BUILTIN keys: "promo", "launch", "review"); "" = the owner's own.
    builtin: Mapped[str] = mapped_column(String(40), default="", server_default="")


class Task(Base):
    __tablename__ = "tasks"
    __table_args__ = (Index("ix_tasks_due", "due"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    start: Mapped[dt.date | None] = mapped_column(Date)
    due: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="todo")  # todo|doing|done|cancelled
    priority: Mapped[int] = mapped_column(Integer, default=2)  # 1 high, 2 normal, 3 low
    promotion_id: Mapped[int | None] = mapped_column(ForeignKey("promotions.id", ondelete="SET NULL"))
    template_id: Mapped[int | None] = mapped_column(ForeignKey("task_templates.id", ondelete="SET NULL"))
    checklist: Mapped[list] = mapped_column(JSON, default=list)  # [{"text": .., "done": bool}]
    recurrence: Mapped[str] = mapped_column(String(100), default="")  # RFC 5545 RRULE, e.g. FREQ=WEEKLY;BYDAY=MO
    notes: Mapped[str] = mapped_column(Text, default="")
    done_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # A recurring task's later occurrences point at the first one (which holds the RRULE), each
    # with the date the rule gave it: moving one does not make the rule generate it again.
    series_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id", ondelete="SET NULL"))
    occurrence: Mapped[dt.date | None] = mapped_column(Date)
    # Team mode: the server account that added the task (set by the server, never changed after:
    # core.engines.postgresql); staff may delete only tasks they added (undoing their own "add").
    created_by: Mapped[str] = mapped_column(String(63), default="", server_default="")


class TaskDependency(Base):
    """Finish-to-start: ``task_id`` starts after ``depends_on_id`` is done."""

    __tablename__ = "task_dependencies"
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), primary_key=True)
    depends_on_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), primary_key=True)


# ---------------------------------------------------------------- imports, undo, settings


class ImportBatch(Base):
    """One imported file. Rows it wrote point here; ``import_undo`` keeps what it replaced."""

    __tablename__ = "import_batches"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_name: Mapped[str] = mapped_column(String(500))
    file_hash: Mapped[str] = mapped_column(String(64), default="")
    platform: Mapped[str] = mapped_column(String(20), default="")
    kind: Mapped[str] = mapped_column(String(20), default="")  # orders|lines|refunds|traffic|products|members
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    rows_read: Mapped[int] = mapped_column(Integer, default=0)
    added: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[list] = mapped_column(JSON, default=list)
    warnings: Mapped[list] = mapped_column(JSON, default=list)
    undone_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class ImportUndo(Base):
    """The state of a row before a batch changed it; ``before`` is NULL for rows it added."""

    __tablename__ = "import_undo"
    __table_args__ = (Index("ix_import_undo_batch", "batch_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batches.id", ondelete="CASCADE"))
    table_name: Mapped[str] = mapped_column(String(40))
    row_key: Mapped[str] = mapped_column(String(200))
    before: Mapped[dict | None] = mapped_column(JSON)


class ColumnMapping(Base):
    """A column mapping the user confirmed for files whose headers hash to ``signature``."""

    __tablename__ = "column_mappings"
    signature: Mapped[str] = mapped_column(String(64), primary_key=True)
    platform: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(20))
    mapping: Mapped[dict] = mapped_column(JSON, default=dict)  # canonical field -> file header
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)


class TrashItem(Base):
    """Something the owner deleted, kept so it can be restored (see ``core.trash``)."""

    __tablename__ = "trash"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(300), default="")
    payload: Mapped[dict] = mapped_column(JSON, default=dict)
    deleted_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)


class Setting(Base):
    """Per-shop settings (the per-machine ones live in settings.json, see ``core.settings``)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[dict | list | str | int | float | None] = mapped_column(JSON)


class RowVersion(Base):
    """Who last changed a row through an edit, and when (team mode's changed-since-you-opened-it
    check, core.row_versions). ``version`` grows with every change; all rows of one change share it."""

    __tablename__ = "row_versions"
    __table_args__ = (Index("ix_row_versions_version", "version"),)
    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_key: Mapped[str] = mapped_column(String(200), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, server_default="0")
    session_id: Mapped[str] = mapped_column(String(40), server_default="")
    changed_by: Mapped[str] = mapped_column(String(100), server_default="")
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    label: Mapped[str] = mapped_column(String(300), server_default="")


class DataRevision(Base):
    """A number that changes with every write to a kind of data (``core.data_revisions``): the
    "orders" row moves in the same transaction as every write to orders, order lines or refunds,
    so a result computed from past orders can be kept until it moves (core.past_orders)."""

    __tablename__ = "data_revisions"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    revision: Mapped[int] = mapped_column(BigInteger, server_default="0")
