"""inventory purchasing: the owner's order quantity per SKU, the expected arrival of stock in transit

Revision ID: 0003
Revises: 0002
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("skus") as batch:
        batch.add_column(sa.Column("order_qty", sa.Integer(), nullable=True))
    with op.batch_alter_table("stock_levels") as batch:
        batch.add_column(sa.Column("arrival_date", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("stock_levels") as batch:
        batch.drop_column("arrival_date")
    with op.batch_alter_table("skus") as batch:
        batch.drop_column("order_qty")
