"""follow-up calls: who holds a task, and until when (a caller's lease or a lead's assignment);
the tasks by visit (one call per visit, whichever rule makes it)

Revision ID: 0013_followup_holds
Revises: 0012_followups
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = "0013_followup_holds"
down_revision: str | None = "0012_followups"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("followup_tasks", schema=None) as batch_op:
        batch_op.add_column(sa.Column("held_until", app.models.base.UTCDateTime(), nullable=True))
        batch_op.create_index("ix_followup_tasks_visit_id", ["visit_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("followup_tasks", schema=None) as batch_op:
        batch_op.drop_index("ix_followup_tasks_visit_id")
        batch_op.drop_column("held_until")
