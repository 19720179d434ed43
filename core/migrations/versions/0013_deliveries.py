"""deliveries: each "Mark as ordered" is a delivery of its own (quantity, ordered on, expected on, received);
each SKU's stock in transit (stock_levels.in_transit + arrival_date) becomes one open delivery

Revision ID: 0013
Revises: 0012
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        "deliveries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sku_code", sa.String(length=80), nullable=False),
        sa.Column("supplier", sa.String(length=200), server_default="", nullable=False),
        sa.Column("qty", sa.Integer(), server_default="0", nullable=False),
        sa.Column("received", sa.Integer(), server_default="0", nullable=False),
        sa.Column("ordered_on", sa.Date(), nullable=True),
        sa.Column("expected_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=12), server_default="open", nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["sku_code"], ["skus.code"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.create_index("ix_deliveries_sku_status", ["sku_code", "status"], unique=False)
    _existing_stock_in_transit(table)
    _grant_to_team()


def _existing_stock_in_transit(deliveries: sa.Table) -> None:
    """Each SKU's stock in transit, one figure and one date so far, becomes one open delivery of that
    quantity expected on that date (unknown when none was stored); when it was ordered is not known."""
    bind = op.get_bind()
    meta = sa.MetaData()
    stock = sa.Table("stock_levels", meta, sa.Column("sku_code", sa.String(80)), sa.Column("in_transit", sa.Integer),
                     sa.Column("arrival_date", sa.Date))
    skus = sa.Table("skus", meta, sa.Column("code", sa.String(80)), sa.Column("supplier", sa.String(200)))
    rows = bind.execute(
        sa.select(stock.c.sku_code, stock.c.in_transit, stock.c.arrival_date, skus.c.supplier)
        .join(skus, skus.c.code == stock.c.sku_code).where(stock.c.in_transit > 0).order_by(stock.c.sku_code)).all()
    if rows:
        op.bulk_insert(deliveries, [
            {"sku_code": code, "supplier": supplier or "", "qty": qty, "received": 0, "ordered_on": None,
             "expected_on": arrival, "status": "open", "closed_on": None}
            for code, qty, arrival, supplier in rows])


def _grant_to_team() -> None:
    """On a team server whose roles exist already, each role's rights on the new table (``team add-user``
    grants them on new servers)."""
    from core.team_roles import grant_new_table

    grant_new_table(op.get_bind(), "deliveries", "deliveries_id_seq")


def downgrade() -> None:
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.drop_index("ix_deliveries_sku_status")
    op.drop_table("deliveries")
