"""follow-up calls: tasks made by rules and their append-only events

Revision ID: 0012_followups
Revises: 0011_shared_settings
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = "0012_followups"
down_revision: str | None = "0011_shared_settings"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "followup_tasks",
        sa.Column(
            "source",
            sa.Enum(
                "visit",
                "discharge",
                "case",
                "survey",
                "no_show",
                name="followup_source",
                native_enum=False,
                length=16,
                create_constraint=False,
            ),
            nullable=False,
        ),
        sa.Column("source_id", sa.String(length=36), nullable=False),
        sa.Column("patient_id", sa.String(length=36), nullable=True),
        sa.Column("visit_id", sa.String(length=36), nullable=True),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("department_id", sa.String(length=36), nullable=True),
        sa.Column("person_name", sa.String(length=40), nullable=False),
        sa.Column("numbers", sa.JSON(), nullable=False),
        sa.Column("callable_from", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("due_at", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("created_at", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("assigned_to", sa.String(length=36), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("closed_at", app.models.base.UTCDateTime(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["departments.id"],
            name=op.f("fk_followup_tasks_department_id_departments"),
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_followup_tasks_patient_id_patients")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_followup_tasks")),
        sa.UniqueConstraint("source", "source_id", name=op.f("uq_followup_tasks_source_source_id")),
    )
    with op.batch_alter_table("followup_tasks", schema=None) as batch_op:
        batch_op.create_index("ix_followup_tasks_patient_id", ["patient_id"], unique=False)
        batch_op.create_index("ix_followup_tasks_state_due", ["state", "due_at"], unique=False)

    op.create_table(
        "followup_events",
        sa.Column("task_id", sa.String(length=36), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "completed",
                "callback_requested",
                "no_answer",
                "busy",
                "powered_off",
                "unreachable",
                "invalid_number",
                "wrong_person",
                "refused",
                "excluded",
                "closed_unreachable",
                "number_added",
                "note",
                name="followup_event_kind",
                native_enum=False,
                length=24,
                create_constraint=False,
            ),
            nullable=False,
        ),
        sa.Column("number", sa.String(length=20), nullable=True),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("occurred_at", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["task_id"],
            ["followup_tasks.id"],
            name=op.f("fk_followup_events_task_id_followup_tasks"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_followup_events")),
    )
    with op.batch_alter_table("followup_events", schema=None) as batch_op:
        batch_op.create_index(
            "ix_followup_events_task_time", ["task_id", "occurred_at"], unique=False
        )
    for statement in APPEND_ONLY[op.get_bind().dialect.name]:
        op.execute(statement)


def downgrade() -> None:
    for statement in DROP[op.get_bind().dialect.name]:
        op.execute(statement)
    with op.batch_alter_table("followup_events", schema=None) as batch_op:
        batch_op.drop_index("ix_followup_events_task_time")
    op.drop_table("followup_events")
    with op.batch_alter_table("followup_tasks", schema=None) as batch_op:
        batch_op.drop_index("ix_followup_tasks_state_due")
        batch_op.drop_index("ix_followup_tasks_patient_id")
    op.drop_table("followup_tasks")


# Follow-up events are never changed or removed — on a desk (SQLite) but for one the server
# refused, which the desk lets go of (its id in undone_rows), as case events (0010_cases).
APPEND_ONLY = {
    "sqlite": (
        """CREATE TRIGGER followup_events_no_update BEFORE UPDATE ON followup_events
        BEGIN SELECT RAISE(ABORT, 'follow-up events are append-only'); END""",
        """CREATE TRIGGER followup_events_no_delete BEFORE DELETE ON followup_events
        WHEN NOT EXISTS (
            SELECT 1 FROM undone_rows
            WHERE entity_type = 'followup_events' AND entity_id = OLD.id
        )
        BEGIN SELECT RAISE(ABORT, 'follow-up events are append-only'); END""",
    ),
    "postgresql": (
        """CREATE FUNCTION followup_events_append_only() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'follow-up events are append-only'; END $$""",
        """CREATE TRIGGER followup_events_no_change BEFORE UPDATE OR DELETE ON followup_events
        FOR EACH ROW EXECUTE FUNCTION followup_events_append_only()""",
    ),
}
DROP = {
    "sqlite": (
        "DROP TRIGGER IF EXISTS followup_events_no_update",
        "DROP TRIGGER IF EXISTS followup_events_no_delete",
    ),
    "postgresql": (
        "DROP TRIGGER IF EXISTS followup_events_no_change ON followup_events",
        "DROP FUNCTION IF EXISTS followup_events_append_only()",
    ),
}
