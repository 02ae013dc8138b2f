"""ticket ranges: one range starts at each number of a department's day (no two overlap)

Revision ID: 0007_ticket_range_unique
Revises: 0006_undone
Create Date: 2026-12-02
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007_ticket_range_unique"
down_revision: str | None = "0006_undone"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("ticket_ranges", schema=None) as batch_op:
        batch_op.create_unique_constraint(
            op.f("uq_ticket_ranges_department_id_day_start_seq"),
            ["department_id", "day", "start_seq"],
        )


def downgrade() -> None:
    with op.batch_alter_table("ticket_ranges", schema=None) as batch_op:
        batch_op.drop_constraint(
            op.f("uq_ticket_ranges_department_id_day_start_seq"), type_="unique"
        )
