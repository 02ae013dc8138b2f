"""The access log (PIPL, issue 25): one row each time a person at a staff desk opens a
patient's file, runs a search that returns patients, reveals a phone number, prints or exports
personal data, or changes a patient's record — who, at which desk, when, what, and why where a
purpose is asked.  Append-only on every desk and on the server, which chains the rows by hash
as they arrive (``server/access_chain.py``): a row removed or changed there shows.

It holds no personal data itself: patients and visits by id, a search by its kind and how many
it found — never what was typed."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import Date, Index, String, event
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncedRow
from app.models.reference import _enum


class AccessAction(enum.StrEnum):
    VIEW = "view"  # a patient's file, a visit's timeline, a case or a call with its details
    SEARCH = "search"  # a search that returned patients
    REVEAL = "reveal"  # a masked name or phone number shown in full
    PRINT = "print"  # a ticket or page with personal data printed
    EXPORT = "export"  # personal data written to a file
    EDIT = "edit"  # a patient's record registered or changed


class AccessRecord(SyncedRow, Base):
    __tablename__ = "access_log"
    __table_args__ = (
        Index("ix_access_log_day", "day", "at"),
        Index("ix_access_log_staff", "staff_id", "at"),
        Index("ix_access_log_patient", "patient_id", "at"),
    )

    day: Mapped[dt.date] = mapped_column(Date)
    at: Mapped[dt.datetime] = mapped_column()
    staff_id: Mapped[str] = mapped_column(String(36))
    device_id: Mapped[str] = mapped_column(String(36))
    action: Mapped[AccessAction] = mapped_column(_enum(AccessAction, "access_action"))
    what: Mapped[str] = mapped_column(String(24))  # timeline, phone, name, case, call, ticket …
    patient_id: Mapped[str | None] = mapped_column(String(36), default=None)
    visit_id: Mapped[str | None] = mapped_column(String(36), default=None)
    ref_id: Mapped[str | None] = mapped_column(String(36), default=None)  # a case, a call
    purpose: Mapped[str] = mapped_column(String(200), default="")
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)  # e.g. {"found": 3}


@event.listens_for(AccessRecord, "before_update")
def _refuse_update(mapper: Any, connection: Any, target: AccessRecord) -> None:
    raise ValueError("the access log is append-only")
