"""Visit data: patients, visits, append-only events, assistance, surveys, tickets;
departments gain plain-language descriptions for the kiosk

Revision ID: 0002_visits
Revises: 0001_reference
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = "0002_visits"
down_revision: str | None = "0001_reference"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("departments") as batch_op:
        batch_op.add_column(
            sa.Column("description_zh", sa.Text(), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("description_en", sa.Text(), server_default="", nullable=False)
        )

    op.create_table(
        "patients",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("gender", sa.String(length=1), nullable=False),
        sa.Column("age", sa.Integer(), nullable=True),
        sa.Column("phone", sa.String(length=11), nullable=True),
        sa.Column("district", sa.String(length=40), nullable=False),
        sa.Column(
            "source_channel",
            sa.Enum(
                "network",
                "phone",
                "walk_in",
                "referral",
                "returning",
                name="source_channel",
                native_enum=False,
                length=16,
            ),
            nullable=True,
        ),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.Column("vip", sa.Boolean(), nullable=False),
        sa.Column("created_at", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patients")),
    )
    with op.batch_alter_table("patients", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_patients_phone"), ["phone"], unique=False)

    op.create_table(
        "ticket_ranges",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("department_id", sa.String(length=36), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("start_seq", sa.Integer(), nullable=False),
        sa.Column("end_seq", sa.Integer(), nullable=False),
        sa.Column("next_seq", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["departments.id"],
            name=op.f("fk_ticket_ranges_department_id_departments"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_ranges")),
    )
    with op.batch_alter_table("ticket_ranges", schema=None) as batch_op:
        batch_op.create_index("ix_ticket_ranges_dept_day", ["department_id", "day"], unique=False)

    op.create_table(
        "visits",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("patient_id", sa.String(length=36), nullable=True),
        sa.Column("appointment_id", sa.String(length=36), nullable=True),
        sa.Column("department_id", sa.String(length=36), nullable=True),
        sa.Column("doctor_id", sa.String(length=36), nullable=True),
        sa.Column("designated_doctor", sa.Boolean(), nullable=False),
        sa.Column(
            "purpose",
            sa.Enum("consultation", "treatment", name="purpose", native_enum=False, length=16),
            nullable=True,
        ),
        sa.Column("purpose_text", sa.String(length=200), nullable=False),
        sa.Column("needs_escort", sa.Boolean(), nullable=False),
        sa.Column(
            "arrival_channel",
            sa.Enum("kiosk", "desk", name="arrival_channel", native_enum=False, length=16),
            nullable=False,
        ),
        sa.Column(
            "source_channel",
            sa.Enum(
                "network",
                "phone",
                "walk_in",
                "referral",
                "returning",
                name="source_channel",
                native_enum=False,
                length=16,
            ),
            nullable=True,
        ),
        sa.Column("is_appointment", sa.Boolean(), nullable=False),
        sa.Column("is_returning", sa.Boolean(), nullable=False),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.Column("ticket_prefix", sa.String(length=4), nullable=True),
        sa.Column("ticket_seq", sa.Integer(), nullable=True),
        sa.Column("created_at", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("created_device_id", sa.String(length=36), nullable=False),
        sa.Column("created_staff_id", sa.String(length=36), nullable=True),
        sa.Column("stage", sa.String(length=24), nullable=False),
        sa.Column("stage_since", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("escort_staff_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["appointment_id"],
            ["appointments.id"],
            name=op.f("fk_visits_appointment_id_appointments"),
        ),
        sa.ForeignKeyConstraint(
            ["department_id"], ["departments.id"], name=op.f("fk_visits_department_id_departments")
        ),
        sa.ForeignKeyConstraint(
            ["doctor_id"], ["doctors.id"], name=op.f("fk_visits_doctor_id_doctors")
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_visits_patient_id_patients")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visits")),
        sa.UniqueConstraint(
            "department_id",
            "day",
            "ticket_seq",
            name=op.f("uq_visits_department_id_day_ticket_seq"),
        ),
    )
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_visits_appointment_id"), ["appointment_id"], unique=False
        )
        batch_op.create_index("ix_visits_day_stage", ["day", "stage"], unique=False)

    op.create_table(
        "assistance_requests",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("location", sa.String(length=80), nullable=False),
        sa.Column("visit_id", sa.String(length=36), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("created_at", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("acknowledged_at", app.models.base.UTCDateTime(), nullable=True),
        sa.Column("acknowledged_by", sa.String(length=36), nullable=True),
        sa.Column("escalated_at", app.models.base.UTCDateTime(), nullable=True),
        sa.Column("resolved_at", app.models.base.UTCDateTime(), nullable=True),
        sa.Column("resolved_by", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_assistance_requests_visit_id_visits")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assistance_requests")),
    )
    with op.batch_alter_table("assistance_requests", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_assistance_requests_created_at"), ["created_at"], unique=False
        )

    op.create_table(
        "survey_responses",
        sa.Column("survey_id", sa.String(length=36), nullable=False),
        sa.Column("survey_code", sa.String(length=40), nullable=False),
        sa.Column("survey_revision", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.String(length=36), nullable=True),
        sa.Column("department_id", sa.String(length=36), nullable=True),
        sa.Column("doctor_id", sa.String(length=36), nullable=True),
        sa.Column("guide_id", sa.String(length=36), nullable=True),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("complaint", sa.Boolean(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["survey_id"],
            ["survey_definitions.id"],
            name=op.f("fk_survey_responses_survey_id_survey_definitions"),
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_survey_responses_visit_id_visits")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_responses")),
    )
    with op.batch_alter_table("survey_responses", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_survey_responses_visit_id"), ["visit_id"], unique=False
        )

    op.create_table(
        "visit_events",
        sa.Column("visit_id", sa.String(length=36), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "arrived",
                "registered",
                "triaged",
                "stage_changed",
                "claimed",
                "released",
                "handed_off",
                "note",
                "admitted",
                "departed",
                "reopened",
                "corrected",
                "verified",
                name="event_kind",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("stage", sa.String(length=24), nullable=True),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("to_staff_id", sa.String(length=36), nullable=True),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("occurred_at", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("supersedes_id", sa.String(length=36), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_visit_events_visit_id_visits")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_events")),
    )
    with op.batch_alter_table("visit_events", schema=None) as batch_op:
        batch_op.create_index(
            "ix_visit_events_visit_time", ["visit_id", "occurred_at"], unique=False
        )
    # Visit events are append-only: the database itself refuses to change or remove one.
    dialect = op.get_bind().dialect.name
    for statement in APPEND_ONLY_TRIGGERS[dialect]:
        op.execute(statement)


APPEND_ONLY_TRIGGERS = {
    "sqlite": (
        """CREATE TRIGGER visit_events_no_update BEFORE UPDATE ON visit_events
        BEGIN SELECT RAISE(ABORT, 'visit events are append-only'); END""",
        """CREATE TRIGGER visit_events_no_delete BEFORE DELETE ON visit_events
        BEGIN SELECT RAISE(ABORT, 'visit events are append-only'); END""",
    ),
    "postgresql": (
        """CREATE FUNCTION visit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'visit events are append-only'; END $$""",
        """CREATE TRIGGER visit_events_no_change BEFORE UPDATE OR DELETE ON visit_events
        FOR EACH ROW EXECUTE FUNCTION visit_events_append_only()""",
    ),
}
DROP_TRIGGERS = {
    "sqlite": (
        "DROP TRIGGER IF EXISTS visit_events_no_update",
        "DROP TRIGGER IF EXISTS visit_events_no_delete",
    ),
    "postgresql": (
        "DROP TRIGGER IF EXISTS visit_events_no_change ON visit_events",
        "DROP FUNCTION IF EXISTS visit_events_append_only()",
    ),
}


def downgrade() -> None:
    for statement in DROP_TRIGGERS[op.get_bind().dialect.name]:
        op.execute(statement)
    op.drop_table("visit_events")
    op.drop_table("survey_responses")
    op.drop_table("assistance_requests")
    op.drop_table("visits")
    op.drop_table("ticket_ranges")
    op.drop_table("patients")
    with op.batch_alter_table("departments") as batch_op:
        batch_op.drop_column("description_en")
        batch_op.drop_column("description_zh")
