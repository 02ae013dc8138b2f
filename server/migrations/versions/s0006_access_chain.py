"""the access log's hash chain: each access row as it arrived, linked to the one before

Revision ID: s0006
Revises: s0005
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = "s0006"
down_revision: str | None = "s0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "access_chain",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.String(length=36), nullable=False),
        sa.Column("received_at", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_access_chain")),
        sa.UniqueConstraint("entry_id", name=op.f("uq_access_chain_entry_id")),
    )


def downgrade() -> None:
    op.drop_table("access_chain")
