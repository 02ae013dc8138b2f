"""rows a desk undid because the server refused them; the desk's append-only event table
lets go of exactly those events and no others

Revision ID: 0006_undone
Revises: 0005_surveys
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = "0006_undone"
down_revision: str | None = "0005_surveys"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STRICT = """CREATE TRIGGER visit_events_no_delete BEFORE DELETE ON visit_events
        BEGIN SELECT RAISE(ABORT, 'visit events are append-only'); END"""
UNLESS_REFUSED = """CREATE TRIGGER visit_events_no_delete BEFORE DELETE ON visit_events
        WHEN NOT EXISTS (
            SELECT 1 FROM undone_rows
            WHERE entity_type = 'visit_events' AND entity_id = OLD.id
        )
        BEGIN SELECT RAISE(ABORT, 'visit events are append-only'); END"""


def upgrade() -> None:
    op.create_table(
        "undone_rows",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entity_type", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("op", sa.String(length=8), nullable=False),
        sa.Column("mutation_id", sa.String(length=36), nullable=True),
        sa.Column("undone_at", app.models.base.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_undone_rows")),
    )
    with op.batch_alter_table("undone_rows", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_undone_rows_entity_id"), ["entity_id"], unique=False)
    # Desks (SQLite) only: the server never holds a refused event, and keeps its rule strict.
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER visit_events_no_delete")
        op.execute(UNLESS_REFUSED)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER visit_events_no_delete")
        op.execute(STRICT)
    with op.batch_alter_table("undone_rows", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_undone_rows_entity_id"))
    op.drop_table("undone_rows")
