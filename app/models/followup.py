"""Follow-up calls (回访): a task per person to phone — made by rules from a departed visit, a
discharge, a handled complaint, a low survey score or a no-show — and append-only events for
every attempt and decision on it (app/services/followup_rules.py judges them; the lists sort on
columns derived from them)."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint, event
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncedRow, Versioned
from app.models.reference import _enum


class FollowUpSource(enum.StrEnum):
    VISIT = "visit"  # an outpatient visit that departed: the next day
    DISCHARGE = "discharge"  # the admission hand-off
    CASE = "case"  # a handled complaint: within 72 hours
    SURVEY = "survey"  # a low score: service recovery
    NO_SHOW = "no_show"  # an appointment nobody came to


class FollowUpEventKind(enum.StrEnum):
    # attempts (app/services/followup_rules.Outcome): data may hold callback_at, note
    COMPLETED = "completed"
    CALLBACK_REQUESTED = "callback_requested"
    NO_ANSWER = "no_answer"
    BUSY = "busy"
    POWERED_OFF = "powered_off"
    UNREACHABLE = "unreachable"
    INVALID_NUMBER = "invalid_number"
    WRONG_PERSON = "wrong_person"
    REFUSED = "refused"  # data: do_not_call (the person asked never to be called again)
    EXCLUDED = "excluded"  # data: reason, signed_off_by (a supervisor)
    # decisions
    CLOSED_UNREACHABLE = "closed_unreachable"  # only when the rule is met
    NUMBER_ADDED = "number_added"  # another number for the person, tried in turn
    NOTE = "note"
    # who calls (compare-and-set where the tasks are made: the server, or a desk alone)
    CLAIMED = "claimed"  # a caller takes the task for a lease (FollowUpRules.lease_min)
    RELEASED = "released"  # back to the pool
    ASSIGNED = "assigned"  # data: to_staff_id; by a lead, held until released or closed
    REVEALED = "revealed"  # the numbers were shown to the holder (once per hold)


class FollowUpTask(SyncedRow, Versioned, Base):
    """One person to phone, for one reason, in one window; made once per source."""

    __tablename__ = "followup_tasks"
    __table_args__ = (
        UniqueConstraint("source", "source_id"),  # the rules run again without doubling a task
        Index("ix_followup_tasks_state_due", "state", "due_at"),
        Index("ix_followup_tasks_patient_id", "patient_id"),
        Index("ix_followup_tasks_visit_id", "visit_id"),  # one call per visit
    )

    source: Mapped[FollowUpSource] = mapped_column(_enum(FollowUpSource, "followup_source"))
    source_id: Mapped[str] = mapped_column(String(36))
    patient_id: Mapped[str | None] = mapped_column(ForeignKey("patients.id"), default=None)
    visit_id: Mapped[str | None] = mapped_column(String(36), default=None)
    case_id: Mapped[str | None] = mapped_column(String(36), default=None)
    department_id: Mapped[str | None] = mapped_column(ForeignKey("departments.id"), default=None)
    person_name: Mapped[str] = mapped_column(String(40), default="")
    numbers: Mapped[list[Any]] = mapped_column(JSON, default=list)  # ranked, best first
    callable_from: Mapped[dt.datetime] = mapped_column()
    due_at: Mapped[dt.datetime] = mapped_column()
    created_at: Mapped[dt.datetime] = mapped_column()
    # Who may call it: a lease (``held_until``) taken by a caller, or no end when a lead
    # assigned it.  Decided only where the tasks are made, so two desks never call one person.
    assigned_to: Mapped[str | None] = mapped_column(String(36), default=None)
    held_until: Mapped[dt.datetime | None] = mapped_column(default=None)
    # Derived on each desk from the events (never sent): what the worklist sorts and counts.
    state: Mapped[str] = mapped_column(String(16), default="open")
    closed_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    attempts: Mapped[int] = mapped_column(default=0)


class FollowUpEvent(SyncedRow, Base):
    """Append-only: never updated, never deleted (the database refuses both)."""

    __tablename__ = "followup_events"
    __table_args__ = (Index("ix_followup_events_task_time", "task_id", "occurred_at"),)

    task_id: Mapped[str] = mapped_column(ForeignKey("followup_tasks.id"))
    kind: Mapped[FollowUpEventKind] = mapped_column(
        _enum(FollowUpEventKind, "followup_event_kind", 24)
    )
    number: Mapped[str | None] = mapped_column(String(20), default=None)  # the number dialled
    staff_id: Mapped[str | None] = mapped_column(String(36), default=None)
    device_id: Mapped[str] = mapped_column(String(36))
    occurred_at: Mapped[dt.datetime] = mapped_column()
    note: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)


@event.listens_for(FollowUpEvent, "before_update")
def _refuse_update(mapper: Any, connection: Any, target: FollowUpEvent) -> None:
    raise ValueError("follow-up events are append-only; record a note instead")
