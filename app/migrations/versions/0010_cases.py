"""cases: complaints, enquiries, suggestions and praise, their append-only events and owners

Revision ID: 0010_cases
Revises: 0009_calendar
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = "0010_cases"
down_revision: str | None = "0009_calendar"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "case_owners",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_case_owners")),
    )
    op.create_table(
        "cases",
        sa.Column(
            "kind",
            sa.Enum(
                "complaint",
                "enquiry",
                "suggestion",
                "praise",
                name="case_kind",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column(
            "channel",
            sa.Enum(
                "on_site",
                "phone",
                "hotline",
                "letter",
                "online",
                "kiosk_survey",
                "call_a_guide",
                "follow_up",
                name="case_channel",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("received_at", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("summary", sa.String(length=200), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("demand", sa.Text(), nullable=False),
        sa.Column("contact_name", sa.String(length=40), nullable=True),
        sa.Column("contact_phone", sa.String(length=20), nullable=True),
        sa.Column("relation", sa.String(length=16), nullable=False),
        sa.Column("patient_id", sa.String(length=36), nullable=True),
        sa.Column("visit_id", sa.String(length=36), nullable=True),
        sa.Column("request_id", sa.String(length=36), nullable=True),
        sa.Column("survey_response_id", sa.String(length=36), nullable=True),
        sa.Column("department_id", sa.String(length=36), nullable=True),
        sa.Column("staff_involved", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=24), nullable=False),
        sa.Column("severity", sa.String(length=8), nullable=False),
        sa.Column("created_device_id", sa.String(length=36), nullable=False),
        sa.Column("created_staff_id", sa.String(length=36), nullable=True),
        sa.Column("server_received_at", app.models.base.UTCDateTime(), nullable=True),
        sa.Column("state", sa.String(length=24), nullable=False),
        sa.Column("owner_staff_id", sa.String(length=36), nullable=True),
        sa.Column("due_at", app.models.base.UTCDateTime(), nullable=True),
        sa.Column("closed_at", app.models.base.UTCDateTime(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"], ["departments.id"], name=op.f("fk_cases_department_id_departments")
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_cases_patient_id_patients")
        ),
        sa.ForeignKeyConstraint(["visit_id"], ["visits.id"], name=op.f("fk_cases_visit_id_visits")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
    )
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index("ix_cases_state_due", ["state", "due_at"], unique=False)
        batch_op.create_index("ix_cases_visit_id", ["visit_id"], unique=False)
        batch_op.create_index("ix_cases_patient_id", ["patient_id"], unique=False)
        batch_op.create_index("ix_cases_request_id", ["request_id"], unique=False)

    op.create_table(
        "case_events",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "claimed",
                "released",
                "handed_off",
                "note",
                "corrected",
                "paused",
                "resumed",
                "closed",
                "reopened",
                "apologised",
                "track_set",
                "dispatched",
                "investigated",
                "solution",
                "feedback",
                "satisfied",
                "not_satisfied",
                "extended",
                "followed_up",
                "answered",
                "referred",
                "callback_promised",
                name="case_event_kind",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("occurred_at", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("place", sa.String(length=80), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_events_case_id_cases")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_events")),
    )
    with op.batch_alter_table("case_events", schema=None) as batch_op:
        batch_op.create_index("ix_case_events_case_time", ["case_id", "occurred_at"], unique=False)
    for statement in APPEND_ONLY[op.get_bind().dialect.name]:
        op.execute(statement)


def downgrade() -> None:
    for statement in DROP[op.get_bind().dialect.name]:
        op.execute(statement)
    with op.batch_alter_table("case_events", schema=None) as batch_op:
        batch_op.drop_index("ix_case_events_case_time")

    op.drop_table("case_events")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index("ix_cases_request_id")
        batch_op.drop_index("ix_cases_patient_id")
        batch_op.drop_index("ix_cases_visit_id")
        batch_op.drop_index("ix_cases_state_due")

    op.drop_table("cases")
    op.drop_table("case_owners")


# Case events are never changed or removed — on a desk (SQLite) but for one the server refused,
# which the desk lets go of (its id in undone_rows), as visit events (0006_undone).
APPEND_ONLY = {
    "sqlite": (
        """CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
        BEGIN SELECT RAISE(ABORT, 'case events are append-only'); END""",
        """CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
        WHEN NOT EXISTS (
            SELECT 1 FROM undone_rows
            WHERE entity_type = 'case_events' AND entity_id = OLD.id
        )
        BEGIN SELECT RAISE(ABORT, 'case events are append-only'); END""",
    ),
    "postgresql": (
        """CREATE FUNCTION case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'case events are append-only'; END $$""",
        """CREATE TRIGGER case_events_no_change BEFORE UPDATE OR DELETE ON case_events
        FOR EACH ROW EXECUTE FUNCTION case_events_append_only()""",
    ),
}
DROP = {
    "sqlite": (
        "DROP TRIGGER IF EXISTS case_events_no_update",
        "DROP TRIGGER IF EXISTS case_events_no_delete",
    ),
    "postgresql": (
        "DROP TRIGGER IF EXISTS case_events_no_change ON case_events",
        "DROP FUNCTION IF EXISTS case_events_append_only()",
    ),
}
