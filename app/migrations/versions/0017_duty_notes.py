"""the duty log: what each shift saw, and its hand-over to the next

Revision ID: 0017_duty_notes
Revises: 0016_visit_priority
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = "0017_duty_notes"
down_revision: str | None = "0016_visit_priority"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "duty_notes",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "system",
                "case",
                "incident",
                "other",
                "handover",
                "taken_over",
                name="duty_kind",
                native_enum=False,
                length=16,
                create_constraint=False,
            ),
            nullable=False,
        ),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("ref_id", sa.String(length=36), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duty_notes")),
    )
    with op.batch_alter_table("duty_notes", schema=None) as batch_op:
        batch_op.create_index("ix_duty_notes_day_time", ["day", "created_at"], unique=False)
    for statement in APPEND_ONLY[op.get_bind().dialect.name]:
        op.execute(statement)


def downgrade() -> None:
    for statement in DROP[op.get_bind().dialect.name]:
        op.execute(statement)
    with op.batch_alter_table("duty_notes", schema=None) as batch_op:
        batch_op.drop_index("ix_duty_notes_day_time")
    op.drop_table("duty_notes")


# The duty log is never changed or removed — on a desk (SQLite) but for a note the server
# refused, which the desk lets go of (its id in undone_rows), as the follow-up events.
APPEND_ONLY = {
    "sqlite": (
        """CREATE TRIGGER duty_notes_no_update BEFORE UPDATE ON duty_notes
        BEGIN SELECT RAISE(ABORT, 'the duty log is append-only'); END""",
        """CREATE TRIGGER duty_notes_no_delete BEFORE DELETE ON duty_notes
        WHEN NOT EXISTS (
            SELECT 1 FROM undone_rows
            WHERE entity_type = 'duty_notes' AND entity_id = OLD.id
        )
        BEGIN SELECT RAISE(ABORT, 'the duty log is append-only'); END""",
    ),
    "postgresql": (
        """CREATE FUNCTION duty_notes_append_only() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'the duty log is append-only'; END $$""",
        """CREATE TRIGGER duty_notes_no_change BEFORE UPDATE OR DELETE ON duty_notes
        FOR EACH ROW EXECUTE FUNCTION duty_notes_append_only()""",
    ),
}
DROP = {
    "sqlite": (
        "DROP TRIGGER IF EXISTS duty_notes_no_update",
        "DROP TRIGGER IF EXISTS duty_notes_no_delete",
    ),
    "postgresql": (
        "DROP TRIGGER IF EXISTS duty_notes_no_change ON duty_notes",
        "DROP FUNCTION IF EXISTS duty_notes_append_only()",
    ),
}
