"""The server's own tables, beside the shared schema of ``app.models``: devices and their
credentials, staff sessions, the change log, applied mutations, waiting mutations,
quarantine, claims."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.models.base import NAMING, UTCDateTime

BigInt = BigInteger().with_variant(Integer(), "sqlite")  # SQLite: INTEGER PRIMARY KEY = rowid


class ServerBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {  # noqa: RUF012 - read by SQLAlchemy
        dt.datetime: UTCDateTime(),
        dict[str, Any]: JSON(),
    }


class Device(ServerBase):
    __tablename__ = "devices"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    role: Mapped[str] = mapped_column(String(16))  # kiosk | staff
    location: Mapped[str] = mapped_column(String(80), default="")
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    status: Mapped[str] = mapped_column(String(16), default="active")  # active | revoked
    enrolled_at: Mapped[dt.datetime] = mapped_column()
    revoked_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    last_seen_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    program_version: Mapped[str] = mapped_column(String(40), default="")
    printer_state: Mapped[str] = mapped_column(String(40), default="")
    pending_changes: Mapped[int] = mapped_column(Integer, default=0)
    last_device_seq: Mapped[int] = mapped_column(Integer, default=0)


class EnrollmentCode(ServerBase):
    """A one-time code a director hands to a new desk; only its hash is kept."""

    __tablename__ = "enrollment_codes"

    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    role: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(80))
    location: Mapped[str] = mapped_column(String(80), default="")
    created_at: Mapped[dt.datetime] = mapped_column()
    expires_at: Mapped[dt.datetime] = mapped_column()
    used_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    device_id: Mapped[str | None] = mapped_column(String(36), default=None)


class StaffSession(ServerBase):
    __tablename__ = "staff_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    staff_id: Mapped[str] = mapped_column(String(36), index=True)
    device_id: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[dt.datetime] = mapped_column()
    expires_at: Mapped[dt.datetime] = mapped_column()


class StaffKey(ServerBase):
    """A staff member's sign-in key (``app.security.staff_key``), kept by the server alone —
    never sent to a desk — to check the sign-in proof in that person's changes.  A password
    change adds a key; the old ones still prove changes made before it."""

    __tablename__ = "staff_keys"

    staff_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)  # hex
    added_at: Mapped[dt.datetime] = mapped_column()


class SignInFailures(ServerBase):
    """Failed sign-ins per user name *on one desk*: enough of them lock that name on that
    desk only, for longer each time — a desk cannot lock a person out of every other desk.
    ``frontdesk server-admin unlock NAME`` clears them all."""

    __tablename__ = "sign_in_failures"

    username: Mapped[str] = mapped_column(String(40), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locks: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(default=None)


class AppliedMutation(ServerBase):
    """The de-duplication key: one row per (device, mutation), with the answer it got."""

    __tablename__ = "applied_mutations"
    __table_args__ = (UniqueConstraint("device_id", "device_seq"),)

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    mutation_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_seq: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(80))
    result: Mapped[dict[str, Any]] = mapped_column()
    applied_at: Mapped[dt.datetime] = mapped_column()


class ChangeLog(ServerBase):
    """Every accepted row change, once per scope it belongs to; ``seq`` is commit-ordered."""

    __tablename__ = "change_log"
    __table_args__ = (Index("ix_change_log_scope_seq", "scope", "seq"),)

    seq: Mapped[int] = mapped_column(BigInt, primary_key=True, autoincrement=True)
    scope: Mapped[str] = mapped_column(String(60))
    entity_type: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(8))
    version: Mapped[int] = mapped_column(Integer, default=1)
    data: Mapped[dict[str, Any]] = mapped_column()
    origin_device_id: Mapped[str | None] = mapped_column(String(36), default=None)
    origin_mutation_id: Mapped[str | None] = mapped_column(String(36), default=None)
    committed_at: Mapped[dt.datetime] = mapped_column()


class TicketCounter(ServerBase):
    """The last ticket number leased of one department's day: a lease takes the next range
    by one atomic upsert (``routes/sync.py``), so two leases at once never overlap."""

    __tablename__ = "ticket_counters"

    department_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer)


class Quarantine(ServerBase):
    """A mutation the server failed on: kept whole for an administrator, never lost."""

    __tablename__ = "quarantine"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    device_id: Mapped[str] = mapped_column(String(36))
    mutation_id: Mapped[str] = mapped_column(String(36))
    raw: Mapped[dict[str, Any]] = mapped_column()
    error: Mapped[str] = mapped_column(Text)
    received_at: Mapped[dt.datetime] = mapped_column()


class WaitingMutation(ServerBase):
    """A mutation naming a row the server does not have — after a restore from backup, a row
    still to be sent again by the desk that made it.  Kept whole and applied the moment that
    row arrives (``server.sync.waiting``); refused and undone on its desk if it never does."""

    __tablename__ = "waiting_mutations"
    __table_args__ = (Index("ix_waiting_mutations_row", "row_table", "row_id"),)

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    mutation_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_seq: Mapped[int] = mapped_column(Integer)
    payload: Mapped[dict[str, Any]] = mapped_column()
    content_hash: Mapped[str] = mapped_column(String(80))
    occurred_at: Mapped[str] = mapped_column(String(40), default="")
    row_table: Mapped[str] = mapped_column(String(40))  # the row it waits for
    row_id: Mapped[str] = mapped_column(String(36))
    received_at: Mapped[dt.datetime] = mapped_column()


class ServerMeta(ServerBase):
    __tablename__ = "server_meta"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class EscortAssignment(ServerBase):
    """Who escorts a visit, decided here by compare-and-set: the first claim to arrive wins."""

    __tablename__ = "escort_assignments"

    visit_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    staff_id: Mapped[str | None] = mapped_column(String(36), default=None)
    claim_version: Mapped[int] = mapped_column(Integer, default=0)


class ClaimLoss(ServerBase):
    """A guide whose claim on a visit lost: their later moves on it are kept but flagged."""

    __tablename__ = "claim_losses"

    visit_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    staff_id: Mapped[str] = mapped_column(String(36), primary_key=True)


class FieldVersion(ServerBase):
    """The row version at which each field of a mutable row last changed (field-wise merge)."""

    __tablename__ = "field_versions"

    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    field: Mapped[str] = mapped_column(String(40), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)


class AccessChain(ServerBase):
    """The access log's hash chain, in the order rows arrived (``server/access_chain.py``):
    each link hashes its row with the link before it, so a row removed or changed, or a link
    taken out, shows when the chain is checked."""

    __tablename__ = "access_chain"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    entry_id: Mapped[str] = mapped_column(String(36), unique=True)
    received_at: Mapped[dt.datetime] = mapped_column()
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
