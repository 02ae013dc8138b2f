"""staff keys: each person's sign-in key, to check the sign-in proof a staff desk's change
carries (a desk acts only for people who signed in on it)

Revision ID: s0005
Revises: s0004
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = "s0005"
down_revision: str | None = "s0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "staff_keys",
        sa.Column("staff_id", sa.String(length=36), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("added_at", app.models.base.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("staff_id", "key", name=op.f("pk_staff_keys")),
    )


def downgrade() -> None:
    op.drop_table("staff_keys")
