"""visits carry their priority: an emergency, the elderly or the disabled go first on the board

Revision ID: 0016_visit_priority
Revises: 0015_call_scripts
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016_visit_priority"
down_revision: str | None = "0015_call_scripts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.add_column(sa.Column("priority", sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.drop_column("priority")
