"""a desk keeps the highest number of the outbox entries it let go, so numbering never restarts

Revision ID: 0019_outbox_seq_floor
Revises: 0018_visit_language
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019_outbox_seq_floor"
down_revision: str | None = "0018_visit_language"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("sync_state", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("seq_floor", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("sync_state", schema=None) as batch_op:
        batch_op.drop_column("seq_floor")
