"""Cases (工单): complaints, enquiries, suggestions and praise, from the first word to the
person's "satisfied" — a row for what the case is about, and append-only events for everything
done on it (app/services/cases.py derives its state, owner and clocks from them)."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, event
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncedRow, Versioned
from app.models.reference import _enum


class CaseKind(enum.StrEnum):
    COMPLAINT = "complaint"
    ENQUIRY = "enquiry"
    SUGGESTION = "suggestion"
    PRAISE = "praise"
    # a low score on a follow-up call: put right with the department, the person told; it
    # becomes a complaint (with the statutory clock) only when the person complains or agrees
    SERVICE_RECOVERY = "service_recovery"


class CaseChannel(enum.StrEnum):
    ON_SITE = "on_site"
    PHONE = "phone"
    HOTLINE = "hotline"
    LETTER = "letter"
    ONLINE = "online"
    KIOSK_SURVEY = "kiosk_survey"
    CALL_A_GUIDE = "call_a_guide"
    FOLLOW_UP = "follow_up"


class CaseTrack(enum.StrEnum):
    """How a complaint is handled (BACKOFFICE.md §1–§2): settled on the spot; the standard
    investigation (5 working days); several departments (10); not accepted (the reason told);
    a dispute (the hospital's mediation or the law)."""

    ON_THE_SPOT = "on_the_spot"
    STANDARD = "standard"
    SEVERAL = "several_departments"
    NOT_ACCEPTED = "not_accepted"
    DISPUTE = "dispute"


class CaseEventKind(enum.StrEnum):
    # every case
    CLAIMED = "claimed"  # one owner at a time (the server decides a race)
    RELEASED = "released"
    HANDED_OFF = "handed_off"  # data: to_staff_id
    NOTE = "note"
    CORRECTED = "corrected"  # data: supersedes (an event id), reason — nothing is erased
    PAUSED = "paused"  # a minute clock stops: data: clock, reason
    RESUMED = "resumed"  # data: clock
    CLOSED = "closed"  # data: outcome; complaints: causes, lessons, improvements
    REOPENED = "reopened"
    # complaints
    APOLOGISED = "apologised"  # apologised, explained the process and how long it takes
    TRACK_SET = "track_set"  # data: track, reason (not accepted: the reason the person was told)
    DISPATCHED = "dispatched"  # data: department_id, person (the one responsible)
    INVESTIGATED = "investigated"  # data: finding, text
    SOLUTION = "solution"  # data: department_id, person, measures, deadline
    FEEDBACK = "feedback"  # the person told: data: how, text
    SATISFIED = "satisfied"
    NOT_SATISFIED = "not_satisfied"  # handling goes on
    EXTENDED = "extended"  # the statutory clock: data: days, reason, approver, told
    FOLLOWED_UP = "followed_up"
    # enquiries
    ANSWERED = "answered"  # data: text
    REFERRED = "referred"  # data: department_id (its phone number was given)
    CALLBACK_PROMISED = "callback_promised"


class Case(SyncedRow, Versioned, Base):
    """What the case is about; what was done lives in ``case_events``."""

    __tablename__ = "cases"
    __table_args__ = (
        Index("ix_cases_state_due", "state", "due_at"),
        Index("ix_cases_visit_id", "visit_id"),  # the board: does this patient complain?
        Index("ix_cases_patient_id", "patient_id"),
        Index("ix_cases_request_id", "request_id"),
    )

    kind: Mapped[CaseKind] = mapped_column(_enum(CaseKind, "case_kind"))
    channel: Mapped[CaseChannel] = mapped_column(_enum(CaseChannel, "case_channel"))
    received_at: Mapped[dt.datetime] = mapped_column()  # the desk's clock: the clocks start here
    summary: Mapped[str] = mapped_column(String(200))
    content: Mapped[str] = mapped_column(Text, default="")  # what the person said
    demand: Mapped[str] = mapped_column(Text, default="")  # what they ask for (诉求)
    contact_name: Mapped[str | None] = mapped_column(String(40), default=None)
    contact_phone: Mapped[str | None] = mapped_column(String(20), default=None)
    relation: Mapped[str] = mapped_column(String(16), default="self")  # self, family, other
    patient_id: Mapped[str | None] = mapped_column(ForeignKey("patients.id"), default=None)
    visit_id: Mapped[str | None] = mapped_column(ForeignKey("visits.id"), default=None)
    request_id: Mapped[str | None] = mapped_column(String(36), default=None)  # a call-a-guide
    survey_response_id: Mapped[str | None] = mapped_column(String(36), default=None)
    department_id: Mapped[str | None] = mapped_column(ForeignKey("departments.id"), default=None)
    staff_involved: Mapped[str] = mapped_column(String(200), default="")
    category: Mapped[str] = mapped_column(String(24), default="other")
    severity: Mapped[str] = mapped_column(String(8), default="normal")  # low, normal, high
    created_device_id: Mapped[str] = mapped_column(String(36))
    created_staff_id: Mapped[str | None] = mapped_column(String(36), default=None)
    server_received_at: Mapped[dt.datetime | None] = mapped_column(default=None)  # by the server
    # Derived on each desk from the events (never sent): what lists sort and filter on.
    state: Mapped[str] = mapped_column(String(24), default="new")
    track: Mapped[str | None] = mapped_column(String(16), default=None)  # a complaint's
    owner_staff_id: Mapped[str | None] = mapped_column(String(36), default=None)
    due_at: Mapped[dt.datetime | None] = mapped_column(default=None)  # the nearest deadline
    closed_at: Mapped[dt.datetime | None] = mapped_column(default=None)


class CaseEvent(SyncedRow, Base):
    """Append-only: never updated, never deleted (the database refuses both).  A mistake is
    put right by a ``corrected`` event naming it."""

    __tablename__ = "case_events"
    __table_args__ = (Index("ix_case_events_case_time", "case_id", "occurred_at"),)

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    kind: Mapped[CaseEventKind] = mapped_column(_enum(CaseEventKind, "case_event_kind", 24))
    staff_id: Mapped[str | None] = mapped_column(String(36), default=None)
    device_id: Mapped[str] = mapped_column(String(36))
    occurred_at: Mapped[dt.datetime] = mapped_column()
    place: Mapped[str] = mapped_column(String(80), default="")  # where: the desk's place
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)


class CaseOwner(Base):
    """Who owns a case, as the server decided it (the first claim to reach it wins); a desk
    offline goes by its own claims until it hears."""

    __tablename__ = "case_owners"

    case_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    staff_id: Mapped[str | None] = mapped_column(String(36), default=None)
    version: Mapped[int] = mapped_column(default=1, server_default="1")


@event.listens_for(CaseEvent, "before_update")
def _refuse_update(mapper: Any, connection: Any, target: CaseEvent) -> None:
    raise ValueError("case events are append-only; record a correction instead")
