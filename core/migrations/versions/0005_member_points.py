"""member points: the earn rule on the tiers, the kind of each ledger entry

Revision ID: 0005
Revises: 0004
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tiers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("points_per_yuan", sa.Integer(), server_default="1", nullable=False))
        batch_op.add_column(sa.Column("points_multiplier", sa.Integer(), server_default="100", nullable=False))
        batch_op.add_column(sa.Column("points_expiry_months", sa.Integer(), server_default="12", nullable=False))
    with op.batch_alter_table("points_ledger", schema=None) as batch_op:
        batch_op.add_column(sa.Column("kind", sa.String(length=20), server_default="", nullable=False))
        batch_op.create_index("ix_points_ledger_order", ["customer_id", "order_no"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("points_ledger", schema=None) as batch_op:
        batch_op.drop_index("ix_points_ledger_order")
        batch_op.drop_column("kind")
    with op.batch_alter_table("tiers", schema=None) as batch_op:
        batch_op.drop_column("points_expiry_months")
        batch_op.drop_column("points_multiplier")
        batch_op.drop_column("points_per_yuan")
