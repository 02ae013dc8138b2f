"""the access log: who opened, searched, revealed, printed, exported or changed which
patient's data (PIPL); append-only

Revision ID: 0020_access_log
Revises: 0019_outbox_seq_floor
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = "0020_access_log"
down_revision: str | None = "0019_outbox_seq_floor"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ACTIONS = ("view", "search", "reveal", "print", "export", "edit")


def upgrade() -> None:
    op.create_table(
        "access_log",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("at", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column(
            "action",
            sa.Enum(
                *ACTIONS,
                name="access_action",
                native_enum=False,
                length=16,
                create_constraint=False,
            ),
            nullable=False,
        ),
        sa.Column("what", sa.String(length=24), nullable=False),
        sa.Column("patient_id", sa.String(length=36), nullable=True),
        sa.Column("visit_id", sa.String(length=36), nullable=True),
        sa.Column("ref_id", sa.String(length=36), nullable=True),
        sa.Column("purpose", sa.String(length=200), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_access_log")),
    )
    with op.batch_alter_table("access_log", schema=None) as batch_op:
        batch_op.create_index("ix_access_log_day", ["day", "at"], unique=False)
        batch_op.create_index("ix_access_log_staff", ["staff_id", "at"], unique=False)
        batch_op.create_index("ix_access_log_patient", ["patient_id", "at"], unique=False)
    for statement in APPEND_ONLY[op.get_bind().dialect.name]:
        op.execute(statement)


def downgrade() -> None:
    for statement in DROP[op.get_bind().dialect.name]:
        op.execute(statement)
    with op.batch_alter_table("access_log", schema=None) as batch_op:
        batch_op.drop_index("ix_access_log_patient")
        batch_op.drop_index("ix_access_log_staff")
        batch_op.drop_index("ix_access_log_day")
    op.drop_table("access_log")


# Never changed.  A row the server refused is undone on its desk (removed); on the server a
# row removed or changed shows in the hash chain (server/access_chain.py).
APPEND_ONLY = {
    "sqlite": (
        """CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
        BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END""",
    ),
    "postgresql": (
        """CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'the access log is append-only'; END $$""",
        """CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
        FOR EACH ROW EXECUTE FUNCTION access_log_append_only()""",
    ),
}
DROP = {
    "sqlite": ("DROP TRIGGER IF EXISTS access_log_no_update",),
    "postgresql": (
        "DROP TRIGGER IF EXISTS access_log_no_update ON access_log",
        "DROP FUNCTION IF EXISTS access_log_append_only()",
    ),
}
