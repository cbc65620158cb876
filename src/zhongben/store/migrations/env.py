"""Alembic environment: runs on the connection handed in by ``zhongben.store.db.upgrade``, or on
``sqlalchemy.url`` when run from the alembic command line."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from zhongben.store import (
    collab_models,  # noqa: F401  (its tables belong to the schema)
    petition_models,  # noqa: F401  (its tables belong to the schema)
)
from zhongben.store.models import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
        with engine.begin() as con:
            _migrate(con)
        return
    _migrate(connection)


def _migrate(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


run()
