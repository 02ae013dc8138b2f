"""waiting mutations: changes that name a row the server does not have yet (after a restore)

Revision ID: s0002
Revises: s0001
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = "s0002"
down_revision: str | None = "s0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "waiting_mutations",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("mutation_id", sa.String(length=36), nullable=False),
        sa.Column("device_seq", sa.Integer(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("content_hash", sa.String(length=80), nullable=False),
        sa.Column("occurred_at", sa.String(length=40), nullable=False),
        sa.Column("row_table", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("received_at", app.models.base.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "mutation_id", name=op.f("pk_waiting_mutations")),
    )
    with op.batch_alter_table("waiting_mutations", schema=None) as batch_op:
        batch_op.create_index("ix_waiting_mutations_row", ["row_table", "row_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("waiting_mutations", schema=None) as batch_op:
        batch_op.drop_index("ix_waiting_mutations_row")
    op.drop_table("waiting_mutations")
