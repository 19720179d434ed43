"""order_lines.qty may be NULL: an export without a quantity column leaves it unknown

Revision ID: 0006
Revises: 0005
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# The line-fact triggers (core.orders.LINE_FACT_TRIGGERS as of this revision): a NULL quantity
# weighs 0. They are dropped around the table rebuild and created again.
TRIGGERS = {'tr_order_lines_facts_insert': 'CREATE TRIGGER tr_order_lines_facts_insert AFTER INSERT ON order_lines WHEN NEW.sales_fen IS NULL\nBEGIN UPDATE order_lines SET (pay_date, platform, sales_fen) = (SELECT CASE WHEN o.is_paid THEN o.pay_date END, o.platform, CASE\n    WHEN NEW.paid_fen IS NOT NULL THEN NEW.paid_fen\n    WHEN o.open_weight_fen > 0 THEN (CAST(o.paid_fen - o.line_paid_fen AS FLOAT) * NEW.unit_price_fen * COALESCE(NEW.qty, 0)) / o.open_weight_fen\n    WHEN o.open_qty > 0 THEN (CAST(o.paid_fen - o.line_paid_fen AS FLOAT) * COALESCE(NEW.qty, 0)) / o.open_qty\n    ELSE 0.0 END FROM orders AS o WHERE o.id = NEW.order_id) WHERE id = NEW.id; END', 'tr_order_lines_facts_update': 'CREATE TRIGGER tr_order_lines_facts_update AFTER UPDATE OF order_id, qty, unit_price_fen, paid_fen ON order_lines\nBEGIN UPDATE order_lines SET (pay_date, platform, sales_fen) = (SELECT CASE WHEN o.is_paid THEN o.pay_date END, o.platform, CASE\n    WHEN NEW.paid_fen IS NOT NULL THEN NEW.paid_fen\n    WHEN o.open_weight_fen > 0 THEN (CAST(o.paid_fen - o.line_paid_fen AS FLOAT) * NEW.unit_price_fen * COALESCE(NEW.qty, 0)) / o.open_weight_fen\n    WHEN o.open_qty > 0 THEN (CAST(o.paid_fen - o.line_paid_fen AS FLOAT) * COALESCE(NEW.qty, 0)) / o.open_qty\n    ELSE 0.0 END FROM orders AS o WHERE o.id = NEW.order_id) WHERE id = NEW.id; END', 'tr_orders_line_facts': 'CREATE TRIGGER tr_orders_line_facts AFTER UPDATE OF is_paid, pay_date, platform, paid_fen, line_paid_fen, open_weight_fen, open_qty ON orders\nWHEN NEW.is_paid IS NOT OLD.is_paid OR NEW.pay_date IS NOT OLD.pay_date OR NEW.platform IS NOT OLD.platform OR NEW.paid_fen IS NOT OLD.paid_fen OR NEW.line_paid_fen IS NOT OLD.line_paid_fen OR NEW.open_weight_fen IS NOT OLD.open_weight_fen OR NEW.open_qty IS NOT OLD.open_qty\nBEGIN UPDATE order_lines SET pay_date = CASE WHEN NEW.is_paid THEN NEW.pay_date END, platform = NEW.platform, sales_fen = CASE\n    WHEN order_lines.paid_fen IS NOT NULL THEN order_lines.paid_fen\n    WHEN NEW.open_weight_fen > 0 THEN (CAST(NEW.paid_fen - NEW.line_paid_fen AS FLOAT) * order_lines.unit_price_fen * COALESCE(order_lines.qty, 0)) / NEW.open_weight_fen\n    WHEN NEW.open_qty > 0 THEN (CAST(NEW.paid_fen - NEW.line_paid_fen AS FLOAT) * COALESCE(order_lines.qty, 0)) / NEW.open_qty\n    ELSE 0.0 END WHERE order_id = NEW.id; END'}
OLD_TRIGGERS = {'tr_order_lines_facts_insert': 'CREATE TRIGGER tr_order_lines_facts_insert AFTER INSERT ON order_lines WHEN NEW.sales_fen IS NULL\nBEGIN UPDATE order_lines SET (pay_date, platform, sales_fen) = (SELECT CASE WHEN o.is_paid THEN o.pay_date END, o.platform, CASE\n    WHEN NEW.paid_fen IS NOT NULL THEN NEW.paid_fen\n    WHEN o.open_weight_fen > 0 THEN (CAST(o.paid_fen - o.line_paid_fen AS FLOAT) * NEW.unit_price_fen * NEW.qty) / o.open_weight_fen\n    WHEN o.open_qty > 0 THEN (CAST(o.paid_fen - o.line_paid_fen AS FLOAT) * NEW.qty) / o.open_qty\n    ELSE 0.0 END FROM orders AS o WHERE o.id = NEW.order_id) WHERE id = NEW.id; END', 'tr_order_lines_facts_update': 'CREATE TRIGGER tr_order_lines_facts_update AFTER UPDATE OF order_id, qty, unit_price_fen, paid_fen ON order_lines\nBEGIN UPDATE order_lines SET (pay_date, platform, sales_fen) = (SELECT CASE WHEN o.is_paid THEN o.pay_date END, o.platform, CASE\n    WHEN NEW.paid_fen IS NOT NULL THEN NEW.paid_fen\n    WHEN o.open_weight_fen > 0 THEN (CAST(o.paid_fen - o.line_paid_fen AS FLOAT) * NEW.unit_price_fen * NEW.qty) / o.open_weight_fen\n    WHEN o.open_qty > 0 THEN (CAST(o.paid_fen - o.line_paid_fen AS FLOAT) * NEW.qty) / o.open_qty\n    ELSE 0.0 END FROM orders AS o WHERE o.id = NEW.order_id) WHERE id = NEW.id; END', 'tr_orders_line_facts': 'CREATE TRIGGER tr_orders_line_facts AFTER UPDATE OF is_paid, pay_date, platform, paid_fen, line_paid_fen, open_weight_fen, open_qty ON orders\nWHEN NEW.is_paid IS NOT OLD.is_paid OR NEW.pay_date IS NOT OLD.pay_date OR NEW.platform IS NOT OLD.platform OR NEW.paid_fen IS NOT OLD.paid_fen OR NEW.line_paid_fen IS NOT OLD.line_paid_fen OR NEW.open_weight_fen IS NOT OLD.open_weight_fen OR NEW.open_qty IS NOT OLD.open_qty\nBEGIN UPDATE order_lines SET pay_date = CASE WHEN NEW.is_paid THEN NEW.pay_date END, platform = NEW.platform, sales_fen = CASE\n    WHEN order_lines.paid_fen IS NOT NULL THEN order_lines.paid_fen\n    WHEN NEW.open_weight_fen > 0 THEN (CAST(NEW.paid_fen - NEW.line_paid_fen AS FLOAT) * order_lines.unit_price_fen * order_lines.qty) / NEW.open_weight_fen\n    WHEN NEW.open_qty > 0 THEN (CAST(NEW.paid_fen - NEW.line_paid_fen AS FLOAT) * order_lines.qty) / NEW.open_qty\n    ELSE 0.0 END WHERE order_id = NEW.id; END'}


def _rebuild(nullable: bool, triggers: dict[str, str]) -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        for name in triggers:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.alter_column("qty", existing_type=sa.Integer(), nullable=nullable)
    if sqlite:
        for sql in triggers.values():
            op.execute(sql)


def upgrade() -> None:
    _rebuild(True, TRIGGERS)


def downgrade() -> None:
    op.execute("UPDATE order_lines SET qty = 1 WHERE qty IS NULL")
    _rebuild(False, OLD_TRIGGERS)
