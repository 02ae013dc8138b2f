"""The escort board's rows: every open visit of the day with who, where, with whom, and how
long — as plain data any screen can show."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session

from app.models import Appointment, Case, CaseKind, Department, Doctor, Patient, Staff, Visit
from app.services.masking import mask_name
from app.services.stages import DEPARTED, Level, StageMachine


@dataclass(frozen=True)
class BoardRow:
    visit_id: str
    ticket: str | None
    name: str
    masked_name: str
    department: tuple[str, str] | None
    doctor: tuple[str, str] | None
    stage: str
    stage_since: dt.datetime
    escort_staff_id: str | None
    escort_name: str | None
    created_at: dt.datetime
    needs_escort: bool
    designated_doctor: bool
    returning: bool
    vip: bool
    verified: bool
    arrival_channel: str
    complaint: bool = False  # the patient (or this visit) has an open complaint case
    anonymous: bool = False  # a kiosk walk-in who declined the privacy notice: no details yet
    priority: str = ""  # "emergency", "elderly", "disabled" or ""
    phone: str = ""  # the patient's mobile (searched on the board, never shown there)
    language: str = ""  # the language the patient used on the kiosk ("" unknown)

    @property
    def rank(self) -> int:
        """Who goes first: 0 an emergency, 1 the elderly, the disabled or a VIP, 2 the rest."""
        if self.priority == "emergency":
            return 0
        return 1 if self.priority or self.vip else 2

    def minutes_in_stage(self, now: dt.datetime) -> float:
        return max((now - self.stage_since).total_seconds() / 60.0, 0.0)

    def minutes_total(self, now: dt.datetime) -> float:
        return max((now - self.created_at).total_seconds() / 60.0, 0.0)

    def level(self, machine: StageMachine, now: dt.datetime) -> Level:
        return machine.level(self.stage, self.minutes_in_stage(now))


def open_visits(
    session: Session,
    day: dt.date,
    *,
    include_departed: bool = False,
    ids: Collection[str] | None = None,
) -> list[BoardRow]:
    """The day's visits still in the building (or, with ``ids``, just those visits — a live
    board re-reads only the rows another desk changed).  One query: a desk re-reads a row each
    time another desk moves a patient, so this is on the path of every live change."""
    # does an open complaint case name this visit or its patient? (indexed, in the same query)
    c = Case
    complaint = (
        exists()
        .where(
            c.kind == CaseKind.COMPLAINT,
            c.state != "closed",
            or_(c.visit_id == Visit.id, c.patient_id == Visit.patient_id),
        )
        .label("complaint")
    )
    query = (
        select(
            Visit,
            complaint,
            Patient.name,
            Patient.vip,
            Patient.phone,
            Appointment.patient_name,
            Appointment.patient_phone,
            Department.name_zh,
            Department.name_en,
            Doctor.name_zh,
            Doctor.name_en,
            Staff.display_name,
        )
        .outerjoin(Patient, Patient.id == Visit.patient_id)
        .outerjoin(Appointment, Appointment.id == Visit.appointment_id)
        .outerjoin(Department, Department.id == Visit.department_id)
        .outerjoin(Doctor, Doctor.id == Visit.doctor_id)
        .outerjoin(Staff, Staff.id == Visit.escort_staff_id)
        .where(Visit.day == day, Visit.duplicate_of.is_(None))
    )
    if ids is not None:
        query = query.where(Visit.id.in_(list(ids)))
    if not include_departed:
        query = query.where(Visit.stage != DEPARTED)
    rows = []
    for (
        v,
        complained,
        patient,
        vip,
        phone,
        booked,
        booked_phone,
        dept_zh,
        dept_en,
        doc_zh,
        doc_en,
        escort,
    ) in session.execute(query.order_by(Visit.created_at)):
        name = patient if v.patient_id else (booked or "")
        rows.append(
            BoardRow(
                visit_id=v.id,
                ticket=v.ticket,
                name=name or "",
                masked_name=mask_name(name or ""),
                department=(dept_zh, dept_en) if dept_zh is not None else None,
                doctor=(doc_zh, doc_en) if doc_zh is not None else None,
                stage=v.stage,
                stage_since=v.stage_since,
                escort_staff_id=v.escort_staff_id,
                escort_name=escort,
                created_at=v.created_at,
                needs_escort=v.needs_escort,
                designated_doctor=v.designated_doctor,
                returning=v.is_returning,
                vip=bool(vip),
                verified=v.verified,
                arrival_channel=str(v.arrival_channel),
                complaint=bool(complained),
                anonymous=v.patient_id is None and v.appointment_id is None,
                priority=str(v.priority or ""),
                phone=(phone if v.patient_id else booked_phone) or "",
                language=v.language or "",
            )
        )
    return rows
