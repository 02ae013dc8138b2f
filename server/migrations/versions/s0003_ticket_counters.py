"""ticket counters: the last ticket number leased per department and day, taken by one
atomic statement so that two leases at once never overlap

Revision ID: s0003
Revises: s0002
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "s0003"
down_revision: str | None = "s0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "ticket_counters",
        sa.Column("department_id", sa.String(length=36), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("department_id", "day", name=op.f("pk_ticket_counters")),
    )
    op.execute(
        "INSERT INTO ticket_counters (department_id, day, last_seq) "
        "SELECT department_id, day, MAX(end_seq) FROM ticket_ranges GROUP BY department_id, day"
    )


def downgrade() -> None:
    op.drop_table("ticket_counters")
