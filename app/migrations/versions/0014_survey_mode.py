"""survey answers say how they were asked: on the kiosk or by a follow-up caller on the phone

Revision ID: 0014_survey_mode
Revises: 0013_followup_holds
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_survey_mode"
down_revision: str | None = "0013_followup_holds"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("survey_responses", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("mode", sa.String(length=8), server_default="kiosk", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("survey_responses", schema=None) as batch_op:
        batch_op.drop_column("mode")
