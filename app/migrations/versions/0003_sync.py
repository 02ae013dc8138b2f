"""sync bookkeeping: outbox, pull state, event flags, local sign-in failures;
visits may mark a duplicate check-in

Revision ID: 0003_sync
Revises: 0002_visits
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = "0003_sync"
down_revision: str | None = "0002_visits"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "local_sign_in_failures",
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", app.models.base.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("username", name=op.f("pk_local_sign_in_failures")),
    )
    with op.batch_alter_table("visits") as batch_op:
        batch_op.add_column(sa.Column("duplicate_of", sa.String(length=36), nullable=True))
    op.create_table(
        "event_flags",
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("visit_id", sa.String(length=36), nullable=False),
        sa.Column("flag", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("holder_staff_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_event_flags")),
    )
    with op.batch_alter_table("event_flags", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_flags_visit_id"), ["visit_id"], unique=False)

    op.create_table(
        "outbox",
        sa.Column("mutation_id", sa.String(length=36), nullable=False),
        sa.Column("device_seq", sa.Integer(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("content_hash", sa.String(length=80), nullable=False),
        sa.Column("occurred_at", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("result", sa.JSON(), nullable=True),
        sa.Column("acked_at", app.models.base.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("mutation_id", name=op.f("pk_outbox")),
        sa.UniqueConstraint("device_seq", name=op.f("uq_outbox_device_seq")),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outbox_state"), ["state"], unique=False)

    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cursor", sa.Integer(), nullable=False),
        sa.Column("server_epoch", sa.String(length=36), nullable=True),
        sa.Column("scope_set", sa.String(length=200), nullable=True),
        sa.Column("last_pull_at", app.models.base.UTCDateTime(), nullable=True),
        sa.Column("last_push_at", app.models.base.UTCDateTime(), nullable=True),
        sa.Column("kiosk_day", sa.String(length=10), nullable=True),
        sa.Column("kiosk_key", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_state")),
    )


def downgrade() -> None:
    op.drop_table("local_sign_in_failures")
    with op.batch_alter_table("visits") as batch_op:
        batch_op.drop_column("duplicate_of")
    op.drop_table("sync_state")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_state"))

    op.drop_table("outbox")
    with op.batch_alter_table("event_flags", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_flags_visit_id"))

    op.drop_table("event_flags")
