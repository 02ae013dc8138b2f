"""Alembic environment for the server's own tables (version table: server_alembic_version)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from server.models import ServerBase

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=ServerBase.metadata,
        version_table="server_alembic_version",
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    with config.attributes["engine"].begin() as conn:
        _run(conn)
