"""departments: what a follow-up caller asks about their patients (回访话术)

Revision ID: 0015_call_scripts
Revises: 0014_survey_mode
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015_call_scripts"
down_revision: str | None = "0014_survey_mode"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("departments", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("call_script_zh", sa.Text(), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("call_script_en", sa.Text(), server_default="", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("departments", schema=None) as batch_op:
        batch_op.drop_column("call_script_en")
        batch_op.drop_column("call_script_zh")
