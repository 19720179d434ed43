"""currencies: each channel's currency and the owner's exchange rates per currency and month

Revision ID: 0010
Revises: 0009
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("channels", schema=None) as batch_op:
        batch_op.add_column(sa.Column("currency", sa.String(length=3), server_default="CNY", nullable=False))
    op.create_table(
        "exchange_rates",
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("rate", sa.String(length=24), nullable=False),
        sa.PrimaryKeyConstraint("currency", "month"),
    )


def downgrade() -> None:
    op.drop_table("exchange_rates")
    with op.batch_alter_table("channels", schema=None) as batch_op:
        batch_op.drop_column("currency")
