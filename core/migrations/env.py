"""Alembic environment: ShopDesk passes an open connection in ``config.attributes``."""
from __future__ import annotations

from alembic import context

from core.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # `alembic` run from the command line (tools/regen_initial_migration.py)
    from sqlalchemy import create_engine

    connection = create_engine(config.get_main_option("sqlalchemy.url")).connect()

# render_as_batch: SQLite cannot ALTER most things; batch mode copies the table instead.
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
