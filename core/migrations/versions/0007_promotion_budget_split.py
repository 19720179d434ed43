"""promotions: a target GMV and the budget split into discount cost and ad spend

Revision ID: 0007
Revises: 0006

``budget_fen`` stays the promotion's whole budget and is from now on always
``discount_budget_fen + ad_budget_fen`` (core.edits.promotions keeps it so). A budget saved before
this revision was one figure the owner typed without saying what it paid for; it is taken as ad
spend (``ad_budget_fen = budget_fen``, ``discount_budget_fen = 0``), so every cost, ROI and export
stays exactly what it was until the owner splits it in the form. ``target_gmv_fen`` is NULL (no
target) for them.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("promotions", sa.Column("target_gmv_fen", sa.Integer(), nullable=True))
    op.add_column("promotions", sa.Column("discount_budget_fen", sa.Integer(), server_default="0", nullable=False))
    op.add_column("promotions", sa.Column("ad_budget_fen", sa.Integer(), server_default="0", nullable=False))
    promotions = sa.table("promotions", sa.column("budget_fen", sa.Integer()), sa.column("ad_budget_fen", sa.Integer()))
    op.execute(promotions.update().values(ad_budget_fen=sa.func.coalesce(promotions.c.budget_fen, 0)))


def downgrade() -> None:
    with op.batch_alter_table("promotions", schema=None) as batch_op:
        batch_op.drop_column("ad_budget_fen")
        batch_op.drop_column("discount_budget_fen")
        batch_op.drop_column("target_gmv_fen")
