"""server tables: devices, sessions, change log, mutations, claims

Revision ID: s0001
Revises:
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = "s0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "applied_mutations",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("mutation_id", sa.String(length=36), nullable=False),
        sa.Column("device_seq", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=80), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("applied_at", app.models.base.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "mutation_id", name=op.f("pk_applied_mutations")),
        sa.UniqueConstraint(
            "device_id", "device_seq", name=op.f("uq_applied_mutations_device_id_device_seq")
        ),
    )
    op.create_table(
        "change_log",
        sa.Column(
            "seq",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("scope", sa.String(length=60), nullable=False),
        sa.Column("entity_type", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("op", sa.String(length=8), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("origin_device_id", sa.String(length=36), nullable=True),
        sa.Column("origin_mutation_id", sa.String(length=36), nullable=True),
        sa.Column("committed_at", app.models.base.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_change_log")),
    )
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.create_index("ix_change_log_scope_seq", ["scope", "seq"], unique=False)

    op.create_table(
        "claim_losses",
        sa.Column("visit_id", sa.String(length=36), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("visit_id", "staff_id", name=op.f("pk_claim_losses")),
    )
    op.create_table(
        "devices",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("location", sa.String(length=80), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("enrolled_at", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("revoked_at", app.models.base.UTCDateTime(), nullable=True),
        sa.Column("last_seen_at", app.models.base.UTCDateTime(), nullable=True),
        sa.Column("program_version", sa.String(length=40), nullable=False),
        sa.Column("printer_state", sa.String(length=40), nullable=False),
        sa.Column("pending_changes", sa.Integer(), nullable=False),
        sa.Column("last_device_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_devices")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_devices_token_hash")),
    )
    op.create_table(
        "enrollment_codes",
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("location", sa.String(length=80), nullable=False),
        sa.Column("created_at", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("expires_at", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("used_at", app.models.base.UTCDateTime(), nullable=True),
        sa.Column("device_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("code_hash", name=op.f("pk_enrollment_codes")),
    )
    op.create_table(
        "escort_assignments",
        sa.Column("visit_id", sa.String(length=36), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("claim_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("visit_id", name=op.f("pk_escort_assignments")),
    )
    op.create_table(
        "field_versions",
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id", "field", name=op.f("pk_field_versions")),
    )
    op.create_table(
        "quarantine",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("mutation_id", sa.String(length=36), nullable=False),
        sa.Column("raw", sa.JSON(), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("received_at", app.models.base.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quarantine")),
    )
    op.create_table(
        "server_meta",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_server_meta")),
    )
    op.create_table(
        "sign_in_failures",
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", app.models.base.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("username", name=op.f("pk_sign_in_failures")),
    )
    op.create_table(
        "staff_sessions",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("expires_at", app.models.base.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_staff_sessions")),
    )
    with op.batch_alter_table("staff_sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_staff_sessions_staff_id"), ["staff_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("staff_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_sessions_staff_id"))

    op.drop_table("staff_sessions")
    op.drop_table("sign_in_failures")
    op.drop_table("server_meta")
    op.drop_table("quarantine")
    op.drop_table("field_versions")
    op.drop_table("escort_assignments")
    op.drop_table("enrollment_codes")
    op.drop_table("devices")
    op.drop_table("claim_losses")
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.drop_index("ix_change_log_scope_seq")

    op.drop_table("change_log")
    op.drop_table("applied_mutations")
