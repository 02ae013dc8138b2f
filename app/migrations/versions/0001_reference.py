"""Reference data: departments, doctors, roster, staff, surveys, appointments

Revision ID: 0001_reference
Revises:
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = "0001_reference"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "departments",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name_zh", sa.String(length=40), nullable=False),
        sa.Column("name_en", sa.String(length=80), nullable=False),
        sa.Column("floor", sa.String(length=8), nullable=False),
        sa.Column("room", sa.String(length=16), nullable=False),
        sa.Column("directions_zh", sa.Text(), nullable=False),
        sa.Column("directions_en", sa.Text(), nullable=False),
        sa.Column("ticket_prefix", sa.String(length=4), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_departments")),
        sa.UniqueConstraint("code", name=op.f("uq_departments_code")),
        sa.UniqueConstraint("ticket_prefix", name=op.f("uq_departments_ticket_prefix")),
    )
    op.create_table(
        "staff",
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("display_name", sa.String(length=40), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "guide",
                "consultant",
                "follow_up",
                "quality",
                "director",
                name="staff_role",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("duty_lead", sa.Boolean(), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
        sa.UniqueConstraint("username", name=op.f("uq_staff_username")),
    )
    op.create_table(
        "survey_definitions",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("title_zh", sa.String(length=80), nullable=False),
        sa.Column("title_en", sa.String(length=120), nullable=False),
        sa.Column("definition", sa.JSON(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_definitions")),
        sa.UniqueConstraint("code", "revision", name=op.f("uq_survey_definitions_code_revision")),
    )
    op.create_table(
        "doctors",
        sa.Column("department_id", sa.String(length=36), nullable=False),
        sa.Column("name_zh", sa.String(length=40), nullable=False),
        sa.Column("name_en", sa.String(length=80), nullable=False),
        sa.Column("title_zh", sa.String(length=40), nullable=False),
        sa.Column("title_en", sa.String(length=80), nullable=False),
        sa.Column("specialties_zh", sa.Text(), nullable=False),
        sa.Column("specialties_en", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"], ["departments.id"], name=op.f("fk_doctors_department_id_departments")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_doctors")),
    )
    with op.batch_alter_table("doctors", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_doctors_department_id"), ["department_id"], unique=False
        )

    op.create_table(
        "appointments",
        sa.Column("checkin_code", sa.String(length=12), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("scheduled_at", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("department_id", sa.String(length=36), nullable=False),
        sa.Column("doctor_id", sa.String(length=36), nullable=True),
        sa.Column("patient_name", sa.String(length=40), nullable=False),
        sa.Column("patient_phone", sa.String(length=11), nullable=False),
        sa.Column("patient_gender", sa.String(length=1), nullable=False),
        sa.Column("patient_age", sa.Integer(), nullable=True),
        sa.Column("booking_channel", sa.String(length=16), nullable=False),
        sa.Column(
            "status",
            sa.Enum("booked", "cancelled", name="appointment_status", native_enum=False, length=16),
            nullable=False,
        ),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["departments.id"],
            name=op.f("fk_appointments_department_id_departments"),
        ),
        sa.ForeignKeyConstraint(
            ["doctor_id"], ["doctors.id"], name=op.f("fk_appointments_doctor_id_doctors")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointments")),
        sa.UniqueConstraint("checkin_code", name=op.f("uq_appointments_checkin_code")),
    )
    with op.batch_alter_table("appointments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_appointments_day"), ["day"], unique=False)
        batch_op.create_index("ix_appointments_phone_day", ["patient_phone", "day"], unique=False)

    op.create_table(
        "roster_slots",
        sa.Column("doctor_id", sa.String(length=36), nullable=False),
        sa.Column("department_id", sa.String(length=36), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column(
            "session",
            sa.Enum("am", "pm", "eve", name="clinic_session", native_enum=False, length=16),
            nullable=False,
        ),
        sa.Column("room", sa.String(length=16), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["departments.id"],
            name=op.f("fk_roster_slots_department_id_departments"),
        ),
        sa.ForeignKeyConstraint(
            ["doctor_id"], ["doctors.id"], name=op.f("fk_roster_slots_doctor_id_doctors")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roster_slots")),
        sa.UniqueConstraint(
            "doctor_id", "day", "session", name=op.f("uq_roster_slots_doctor_id_day_session")
        ),
    )
    with op.batch_alter_table("roster_slots", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_roster_slots_day"), ["day"], unique=False)


def downgrade() -> None:
    op.drop_table("roster_slots")
    op.drop_table("appointments")
    op.drop_table("doctors")
    op.drop_table("survey_definitions")
    op.drop_table("staff")
    op.drop_table("departments")
