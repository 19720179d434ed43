"""data revisions: a number every write to the orders changes (core.data_revisions)

Revision ID: 0011
Revises: 0010
"""
from __future__ import annotations

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        "data_revisions",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("revision", sa.BigInteger(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    # A random number, as core.data_revisions.bump writes: never one another copy of the shop had.
    op.bulk_insert(table, [{"name": "orders", "revision": secrets.randbits(62)}])


def downgrade() -> None:
    op.drop_table("data_revisions")
