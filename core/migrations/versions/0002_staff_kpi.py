"""staff KPI targets per month; built-in SOP templates the owner edited

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staff_targets",
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("target_fen", sa.Integer(), nullable=True),
        sa.Column("base_fen", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("measures", sa.JSON(), nullable=False, server_default="[]"),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("staff_id", "month"),
    )
    with op.batch_alter_table("task_templates") as batch:
        batch.add_column(sa.Column("builtin", sa.String(length=40), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("task_templates") as batch:
        batch.drop_column("builtin")
    op.drop_table("staff_targets")
