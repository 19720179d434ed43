"""A new shop file's schema, made from the models in one transaction instead of replaying every migration.

Alembic's own recipe for "building an up to date database from scratch": create the tables from
the models, then record the head revision. Replaying the 13 migrations on an empty file took
~0.28 s (Alembic's import, 13 scripts, tables rebuilt by later revisions); this takes ~0.07 s,
which a new shop's first import, the demo shop and every test database wait for.

What the migrations add beside the models is added here the same way: the triggers of the
engine (core.engines), the data revision's first row (core.data_revisions) and the planner's
statistics. ``tests/core/test_new_shop.py`` proves both ways leave the same schema and rows.
Only files take this way: an existing shop, or a server, is migrated as before.
"""
from __future__ import annotations

from sqlalchemy import Column, Connection, MetaData, PrimaryKeyConstraint, String, Table, insert

# The table Alembic keeps its revision in, as Alembic creates it (its name for the key included).
ALEMBIC_VERSION = Table("alembic_version", MetaData(), Column("version_num", String(32), nullable=False),
                        PrimaryKeyConstraint("version_num", name="alembic_version_pkc"))


def create_schema(conn: Connection, revision: str) -> None:
    """The whole schema at ``revision`` (the head this version ships) in ``conn``'s transaction."""
    from core import data_revisions
    from core.engines import for_dialect
    from core.models import Base

    Base.metadata.create_all(conn)
    engine = for_dialect(conn.dialect.name)
    for sql in [*engine.line_fact_triggers(), *engine.task_creator_triggers()]:
        conn.exec_driver_sql(sql)
    data_revisions.bump(conn)  # the "orders" row, a random number as the migration writes
    ALEMBIC_VERSION.create(conn)
    conn.execute(insert(ALEMBIC_VERSION).values(version_num=revision))
    engine.refresh_statistics(conn)
