"""Visit data, created at the desks: patients, visits, their append-only events, "call a guide"
requests, survey responses and the ticket-number ranges a desk may hand out."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, SyncedRow, Versioned
from app.models.reference import _enum


class EventKind(enum.StrEnum):
    ARRIVED = "arrived"
    REGISTERED = "registered"
    TRIAGED = "triaged"
    STAGE_CHANGED = "stage_changed"
    CLAIMED = "claimed"
    RELEASED = "released"
    HANDED_OFF = "handed_off"
    NOTE = "note"
    ADMITTED = "admitted"
    DEPARTED = "departed"
    REOPENED = "reopened"
    CORRECTED = "corrected"
    VERIFIED = "verified"
    PRIORITY = "priority"  # the visit's priority set or cleared: data {"priority": … or ""}


class ArrivalChannel(enum.StrEnum):
    KIOSK = "kiosk"
    DESK = "desk"


class SourceChannel(enum.StrEnum):
    """How the patient heard of us / came to us (the hospital's 来源渠道)."""

    NETWORK = "network"
    PHONE = "phone"
    WALK_IN = "walk_in"
    REFERRAL = "referral"
    RETURNING = "returning"


class Purpose(enum.StrEnum):
    CONSULTATION = "consultation"
    TREATMENT = "treatment"


class Priority(enum.StrEnum):
    """Who goes first at the desks: an emergency before everyone, then the elderly and the
    disabled (and a VIP patient) before the rest."""

    EMERGENCY = "emergency"
    ELDERLY = "elderly"
    DISABLED = "disabled"


class Patient(SyncedRow, Versioned, Base):
    __tablename__ = "patients"

    name: Mapped[str] = mapped_column(String(40))
    gender: Mapped[str] = mapped_column(String(1), default="U")
    age: Mapped[int | None] = mapped_column(Integer, default=None)
    phone: Mapped[str | None] = mapped_column(String(11), default=None, index=True)
    district: Mapped[str] = mapped_column(String(40), default="")
    source_channel: Mapped[SourceChannel | None] = mapped_column(
        _enum(SourceChannel, "source_channel"), default=None
    )
    verified: Mapped[bool] = mapped_column(Boolean, default=False)
    vip: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column()


class Visit(SyncedRow, Versioned, Base):
    """One patient's visit today.  ``stage``, ``stage_since`` and ``escort_staff_id`` are a
    cache derived from the visit's events (``app.services.visits.rebuild_state``); the events
    are the truth."""

    __tablename__ = "visits"
    __table_args__ = (
        UniqueConstraint("department_id", "day", "ticket_seq"),
        Index("ix_visits_day_stage", "day", "stage"),
    )

    day: Mapped[dt.date] = mapped_column(Date)
    patient_id: Mapped[str | None] = mapped_column(ForeignKey("patients.id"), default=None)
    appointment_id: Mapped[str | None] = mapped_column(
        ForeignKey("appointments.id"), default=None, index=True
    )
    department_id: Mapped[str | None] = mapped_column(ForeignKey("departments.id"), default=None)
    doctor_id: Mapped[str | None] = mapped_column(ForeignKey("doctors.id"), default=None)
    designated_doctor: Mapped[bool] = mapped_column(Boolean, default=False)
    purpose: Mapped[Purpose | None] = mapped_column(_enum(Purpose, "purpose"), default=None)
    purpose_text: Mapped[str] = mapped_column(String(200), default="")
    needs_escort: Mapped[bool] = mapped_column(Boolean, default=False)
    priority: Mapped[Priority | None] = mapped_column(_enum(Priority, "priority"), default=None)
    # the language the patient used on the kiosk (zh_CN, zh_TW, en); None: at a desk, unknown
    language: Mapped[str | None] = mapped_column(String(8), default=None)
    arrival_channel: Mapped[ArrivalChannel] = mapped_column(
        _enum(ArrivalChannel, "arrival_channel")
    )
    source_channel: Mapped[SourceChannel | None] = mapped_column(
        _enum(SourceChannel, "source_channel"), default=None
    )
    is_appointment: Mapped[bool] = mapped_column(Boolean, default=False)
    is_returning: Mapped[bool] = mapped_column(Boolean, default=False)
    verified: Mapped[bool] = mapped_column(Boolean, default=False)
    ticket_prefix: Mapped[str | None] = mapped_column(String(4), default=None)
    ticket_seq: Mapped[int | None] = mapped_column(Integer, default=None)
    created_at: Mapped[dt.datetime] = mapped_column()
    created_device_id: Mapped[str] = mapped_column(String(36))
    created_staff_id: Mapped[str | None] = mapped_column(String(36), default=None)
    # Set by the server when two desks checked the same appointment in (both kept):
    duplicate_of: Mapped[str | None] = mapped_column(String(36), default=None)
    # Derived from the events:
    stage: Mapped[str] = mapped_column(String(24), default="arrived")
    stage_since: Mapped[dt.datetime] = mapped_column()
    escort_staff_id: Mapped[str | None] = mapped_column(String(36), default=None)

    patient: Mapped[Patient | None] = relationship()
    events: Mapped[list[VisitEvent]] = relationship(
        back_populates="visit", order_by="(VisitEvent.occurred_at, VisitEvent.id)"
    )

    @property
    def ticket(self) -> str | None:
        if self.ticket_seq is None or self.ticket_prefix is None:
            return None
        return f"{self.ticket_prefix}{self.ticket_seq:03d}"


class VisitEvent(SyncedRow, Base):
    """Append-only: never updated, never deleted (the database refuses both).  A mistaken
    move is undone by a ``corrected`` event whose ``supersedes_id`` names it."""

    __tablename__ = "visit_events"
    __table_args__ = (Index("ix_visit_events_visit_time", "visit_id", "occurred_at"),)

    visit_id: Mapped[str] = mapped_column(ForeignKey("visits.id"))
    kind: Mapped[EventKind] = mapped_column(_enum(EventKind, "event_kind"))
    stage: Mapped[str | None] = mapped_column(String(24), default=None)
    staff_id: Mapped[str | None] = mapped_column(String(36), default=None)
    to_staff_id: Mapped[str | None] = mapped_column(String(36), default=None)
    device_id: Mapped[str] = mapped_column(String(36))
    occurred_at: Mapped[dt.datetime] = mapped_column()
    supersedes_id: Mapped[str | None] = mapped_column(String(36), default=None)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)

    visit: Mapped[Visit] = relationship(back_populates="events")


@event.listens_for(VisitEvent, "before_update")
def _refuse_update(mapper: Any, connection: Any, target: VisitEvent) -> None:
    raise ValueError("visit events are append-only; record a correction instead")


@event.listens_for(VisitEvent, "before_delete")
def _refuse_delete(mapper: Any, connection: Any, target: VisitEvent) -> None:
    raise ValueError("visit events are append-only; record a correction instead")


class AssistanceRequest(SyncedRow, Versioned, Base):
    """A kiosk's "call a guide"."""

    __tablename__ = "assistance_requests"

    device_id: Mapped[str] = mapped_column(String(36))
    location: Mapped[str] = mapped_column(String(80))
    # no foreign key: a kiosk names visits it never saw (a ticket scanned for a survey)
    visit_id: Mapped[str | None] = mapped_column(String(36), default=None)
    language: Mapped[str] = mapped_column(String(8), default="zh_CN")
    reason: Mapped[str] = mapped_column(String(16), default="help")  # help | printer | complaint
    # a complaint raised by a survey answer: that answer
    survey_response_id: Mapped[str | None] = mapped_column(String(36), default=None)
    created_at: Mapped[dt.datetime] = mapped_column(index=True)
    acknowledged_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    acknowledged_by: Mapped[str | None] = mapped_column(String(36), default=None)
    # the guide's name as a public screen may show it (masked), set with the acknowledgement
    guide_name: Mapped[str | None] = mapped_column(String(40), default=None)
    escalated_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    resolved_by: Mapped[str | None] = mapped_column(String(36), default=None)


class SurveyResponse(SyncedRow, Base):
    """An answer to one published survey version; ``visit_id`` is empty when anonymous.

    Tied to a visit by its scanned ticket (``visit_id``) or a typed ticket number (``ticket``
    and ``day``, matched to the visit where the visit is known — on the server).  A second
    answer for a visit is kept with ``duplicate_of`` naming the first, and never counted."""

    __tablename__ = "survey_responses"

    survey_id: Mapped[str] = mapped_column(ForeignKey("survey_definitions.id"))
    survey_code: Mapped[str] = mapped_column(String(40))
    survey_revision: Mapped[int] = mapped_column(Integer)
    visit_id: Mapped[str | None] = mapped_column(String(36), default=None, index=True)
    ticket: Mapped[str | None] = mapped_column(String(8), default=None)
    day: Mapped[dt.date | None] = mapped_column(Date, default=None, index=True)
    duplicate_of: Mapped[str | None] = mapped_column(String(36), default=None)
    department_id: Mapped[str | None] = mapped_column(String(36), default=None)
    doctor_id: Mapped[str | None] = mapped_column(String(36), default=None)
    guide_id: Mapped[str | None] = mapped_column(String(36), default=None)
    answers: Mapped[dict[str, Any]] = mapped_column()
    language: Mapped[str] = mapped_column(String(8))
    complaint: Mapped[bool] = mapped_column(Boolean, default=False)
    comment: Mapped[str] = mapped_column(Text, default="")
    device_id: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[dt.datetime] = mapped_column()
    # how it was asked: "kiosk" (the patient on the lobby screen) or "phone" (a follow-up
    # caller asking); the figures never pool the two without saying which
    mode: Mapped[str] = mapped_column(String(8), default="kiosk", server_default="kiosk")


class TicketRange(SyncedRow, Base):
    """Ticket numbers ``start_seq..end_seq`` of one department and day that this desk may hand
    out; ``next_seq`` is the next one unused.  Ranges never overlap between desks."""

    __tablename__ = "ticket_ranges"
    __table_args__ = (
        Index("ix_ticket_ranges_dept_day", "department_id", "day"),
        UniqueConstraint("department_id", "day", "start_seq"),
    )

    device_id: Mapped[str] = mapped_column(String(36))
    department_id: Mapped[str] = mapped_column(ForeignKey("departments.id"))
    day: Mapped[dt.date] = mapped_column(Date)
    start_seq: Mapped[int] = mapped_column(Integer)
    end_seq: Mapped[int] = mapped_column(Integer)
    next_seq: Mapped[int] = mapped_column(Integer)


__all__ = [
    "ArrivalChannel",
    "AssistanceRequest",
    "EventKind",
    "Patient",
    "Purpose",
    "SourceChannel",
    "SurveyResponse",
    "TicketRange",
    "Visit",
    "VisitEvent",
]
