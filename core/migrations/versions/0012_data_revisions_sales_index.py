"""data revisions: a number every write to the orders changes (core.data_revisions); the lines'
paid_fen and unit_price_fen in ix_order_lines_sales (the inventory's sales value without table reads)

Revision ID: 0012
Revises: 0011
"""
from __future__ import annotations

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


NARROW = ["sku_code", "pay_date", "platform", "qty", "sales_fen"]
WIDE = NARROW + ["paid_fen", "unit_price_fen"]


def upgrade() -> None:
    table = op.create_table(
        "data_revisions",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("revision", sa.BigInteger(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    # A random number, as core.data_revisions.bump writes: never one another copy of the shop had.
    op.bulk_insert(table, [{"name": "orders", "revision": secrets.randbits(62)}])
    _grant_to_team()
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.drop_index("ix_order_lines_sales")
        batch_op.create_index("ix_order_lines_sales", WIDE, unique=False)
    _statistics()


def _grant_to_team() -> None:
    """On a team server whose roles exist already, each role's rights on the new table (``team add-user``
    grants them on new servers)."""
    from core.team_roles import grant_new_table

    grant_new_table(op.get_bind(), "data_revisions")


def _statistics() -> None:
    """The new index's statistics: without them SQLite scans it whole instead of per SKU."""
    from core.engines import for_dialect

    bind = op.get_bind()
    for_dialect(bind.dialect.name).refresh_statistics(bind)


def downgrade() -> None:
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.drop_index("ix_order_lines_sales")
        batch_op.create_index("ix_order_lines_sales", NARROW, unique=False)
    _statistics()
    op.drop_table("data_revisions")
