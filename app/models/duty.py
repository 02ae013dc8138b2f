"""The duty log (值班日志): what the shift saw — a system problem, a difficult case, an
incident — and the hand-over at shift change, which the next shift takes over.  Append-only:
nothing written in it is changed or removed (the daily report reads it)."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import Date, Index, String, Text, event
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncedRow
from app.models.reference import _enum


class DutyKind(enum.StrEnum):
    SYSTEM = "system"  # a system or equipment problem (a kiosk down, the network out)
    CASE = "case"  # a difficult patient or case
    INCIDENT = "incident"  # a safety or security incident, a fall, a fight
    OTHER = "other"
    HANDOVER = "handover"  # the shift's hand-over: data, the open patients and calls then
    TAKEN_OVER = "taken_over"  # the next shift took the hand-over ``ref_id`` over


class DutyNote(SyncedRow, Base):
    __tablename__ = "duty_notes"
    __table_args__ = (Index("ix_duty_notes_day_time", "day", "created_at"),)

    day: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[DutyKind] = mapped_column(_enum(DutyKind, "duty_kind"))
    text: Mapped[str] = mapped_column(Text, default="")
    staff_id: Mapped[str | None] = mapped_column(String(36), default=None)
    device_id: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[dt.datetime] = mapped_column()
    ref_id: Mapped[str | None] = mapped_column(String(36), default=None)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)


@event.listens_for(DutyNote, "before_update")
def _refuse_update(mapper: Any, connection: Any, target: DutyNote) -> None:
    raise ValueError("the duty log is append-only; add a note instead")
