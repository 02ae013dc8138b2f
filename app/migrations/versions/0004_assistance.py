"""assistance requests say why (a patient asked, or the kiosk's printer failed) and which
guide answered, by the name the kiosk may show

Revision ID: 0004_assistance
Revises: 0003_sync
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_assistance"
down_revision: str | None = "0003_sync"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "assistance_requests",
        sa.Column("reason", sa.String(length=16), server_default="help", nullable=False),
    )
    op.add_column(
        "assistance_requests",
        sa.Column("guide_name", sa.String(length=40), nullable=True),
    )


def downgrade() -> None:
    with op.batch_alter_table("assistance_requests") as batch_op:
        batch_op.drop_column("guide_name")
        batch_op.drop_column("reason")
