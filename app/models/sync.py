"""Sync bookkeeping kept in every desk's database: the outbox of changes not yet confirmed by
the server, the pull cursor, and flags the server puts on events (shared with the server)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base

PENDING = "pending"
TERMINAL = ("applied", "duplicate", "conflict", "rejected", "quarantined")


class OutboxEntry(Base):
    """One local transaction's changes, frozen when it committed, until the server answers.

    ``payload`` is never edited after the row is written.  Acknowledged rows are kept for the
    retention period: a server restored from backup (new epoch) gets them all again."""

    __tablename__ = "outbox"

    mutation_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_seq: Mapped[int] = mapped_column(Integer, unique=True)
    payload: Mapped[dict[str, Any]] = mapped_column()
    content_hash: Mapped[str] = mapped_column(String(80))
    occurred_at: Mapped[dt.datetime] = mapped_column()
    state: Mapped[str] = mapped_column(String(16), default=PENDING, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text, default=None)
    result: Mapped[dict[str, Any] | None] = mapped_column(default=None)
    acked_at: Mapped[dt.datetime | None] = mapped_column(default=None)


class SyncState(Base):
    """The desk's one row of pull state."""

    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    cursor: Mapped[int] = mapped_column(Integer, default=0)
    server_epoch: Mapped[str | None] = mapped_column(String(36), default=None)
    scope_set: Mapped[str | None] = mapped_column(String(200), default=None)
    last_pull_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    last_push_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    # Kiosks only: the day's key for hashing check-in codes and phone numbers before lookup.
    kiosk_day: Mapped[str | None] = mapped_column(String(10), default=None)
    kiosk_key: Mapped[str | None] = mapped_column(String(64), default=None)
    # The highest ``device_seq`` of an outbox entry this desk no longer holds (answered, then
    # let go): numbering goes on above it, so the server never sees a number twice.
    seq_floor: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class EventFlag(Base):
    """A server verdict on an event it kept but did not accept, e.g. a claim that lost the
    race or a stage move by a guide whose claim lost: kept, shown, never dropped."""

    __tablename__ = "event_flags"

    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    visit_id: Mapped[str] = mapped_column(String(36), index=True)
    flag: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(String(40))
    holder_staff_id: Mapped[str | None] = mapped_column(String(36), default=None)
    created_at: Mapped[dt.datetime] = mapped_column()
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


class UndoneRow(Base):
    """A row this desk wrote and the server refused, undone here: what, when, and which
    outbox entry (which keeps the refused change whole).  Only an event listed here may leave
    the append-only ``visit_events`` table — the database itself checks."""

    __tablename__ = "undone_rows"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity_type: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    op: Mapped[str] = mapped_column(String(8))
    mutation_id: Mapped[str | None] = mapped_column(String(36), default=None)
    undone_at: Mapped[dt.datetime] = mapped_column()


class SetAsideChange(Base):
    """A pulled change this desk could not apply (a row from a newer server, a bug): kept
    whole, with the reason, so the rest of its page and every page after it still apply.
    The duty lead is told; a newer program applies it again (``app.sync.apply``)."""

    __tablename__ = "set_aside_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    seq: Mapped[int] = mapped_column(Integer)
    entity_type: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36))
    change: Mapped[dict[str, Any]] = mapped_column()
    reason: Mapped[str] = mapped_column(String(200))
    set_aside_at: Mapped[dt.datetime] = mapped_column()


class LocalSignInFailure(Base):
    """Failed sign-ins on this desk per user name (never synced)."""

    __tablename__ = "local_sign_in_failures"

    username: Mapped[str] = mapped_column(String(40), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(default=None)
