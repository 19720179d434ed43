"""tasks.created_by: the server account that added a task (team mode: staff may delete only their own)

Revision ID: 0011
Revises: 0010
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from core.engines import for_dialect

    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.add_column(sa.Column("created_by", sa.String(length=63), nullable=False, server_default=""))
    for sql in for_dialect(op.get_bind().dialect.name).task_creator_triggers():
        op.execute(sql)


def downgrade() -> None:
    from core.engines import for_dialect

    for sql in for_dialect(op.get_bind().dialect.name).drop_task_creator_triggers():
        op.execute(sql)
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.drop_column("created_by")
