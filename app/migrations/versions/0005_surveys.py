"""survey answers tied by ticket number, one counted per visit; complaints raised from them

Survey answers and calls for a guide name visits a kiosk may never have seen (a ticket
scanned or typed for a survey): their visit is a plain id, not a foreign key.

Revision ID: 0005_surveys
Revises: 0004_assistance
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_surveys"
down_revision: str | None = "0004_assistance"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("survey_responses") as batch_op:
        batch_op.drop_constraint("fk_survey_responses_visit_id_visits", type_="foreignkey")
        batch_op.add_column(sa.Column("ticket", sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column("day", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("duplicate_of", sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f("ix_survey_responses_day"), ["day"], unique=False)
    with op.batch_alter_table("assistance_requests") as batch_op:
        batch_op.drop_constraint("fk_assistance_requests_visit_id_visits", type_="foreignkey")
        batch_op.add_column(sa.Column("survey_response_id", sa.String(length=36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("assistance_requests") as batch_op:
        batch_op.drop_column("survey_response_id")
        batch_op.create_foreign_key(
            "fk_assistance_requests_visit_id_visits", "visits", ["visit_id"], ["id"]
        )
    with op.batch_alter_table("survey_responses") as batch_op:
        batch_op.drop_index(batch_op.f("ix_survey_responses_day"))
        batch_op.drop_column("duplicate_of")
        batch_op.drop_column("day")
        batch_op.drop_column("ticket")
        batch_op.create_foreign_key(
            "fk_survey_responses_visit_id_visits", "visits", ["visit_id"], ["id"]
        )
