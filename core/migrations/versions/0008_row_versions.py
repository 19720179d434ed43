"""row_versions: who last changed each edited row, for the changed-since-you-opened-it check

Revision ID: 0008
Revises: 0007
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"  # core.migrations reads revision ids from the file names: NNNN
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "row_versions",
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_key", sa.String(length=200), nullable=False),
        sa.Column("version", sa.Integer(), server_default="0", nullable=False),
        sa.Column("session_id", sa.String(length=40), server_default="", nullable=False),
        sa.Column("changed_by", sa.String(length=100), server_default="", nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("label", sa.String(length=300), server_default="", nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_key"),
    )
    with op.batch_alter_table("row_versions", schema=None) as batch_op:
        batch_op.create_index("ix_row_versions_version", ["version"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("row_versions", schema=None) as batch_op:
        batch_op.drop_index("ix_row_versions_version")
    op.drop_table("row_versions")
