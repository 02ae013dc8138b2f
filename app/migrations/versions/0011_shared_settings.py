"""settings every desk shares (the cases' clocks), departments' phone numbers, a case's track

Revision ID: 0011_shared_settings
Revises: 0010_cases
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = "0011_shared_settings"
down_revision: str | None = "0010_cases"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value_json", sa.Text(), nullable=False),
        sa.Column("changed_at", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("changed_by", sa.String(length=80), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_settings")),
        sa.UniqueConstraint("key", name=op.f("uq_settings_key")),
    )
    with op.batch_alter_table("departments") as batch:
        batch.add_column(
            sa.Column("phone", sa.String(length=32), server_default="", nullable=False)
        )
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("track", sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("track")
    with op.batch_alter_table("departments") as batch:
        batch.drop_column("phone")
    op.drop_table("settings")
