"""The escort board's rows: every open visit of the day with who, where, with whom, and how
long — as plain data any screen can show."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Appointment, Department, Doctor, Patient, Staff, Visit
from app.services.masking import mask_name
from app.services.stages import DEPARTED, Level, StageMachine

T = TypeVar("T", bound=Any)


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
    board re-reads only the rows another desk changed)."""
    query = select(Visit).where(Visit.day == day, Visit.duplicate_of.is_(None))
    if ids is not None:
        query = query.where(Visit.id.in_(list(ids)))
    if not include_departed:
        query = query.where(Visit.stage != DEPARTED)
    visits = session.scalars(query.order_by(Visit.created_at)).all()
    patients = _by_id(session, Patient, {v.patient_id for v in visits})
    departments = _by_id(session, Department, {v.department_id for v in visits})
    doctors = _by_id(session, Doctor, {v.doctor_id for v in visits})
    staff = _by_id(session, Staff, {v.escort_staff_id for v in visits})
    appointments = _by_id(
        session, Appointment, {v.appointment_id for v in visits if v.patient_id is None}
    )
    rows = []
    for v in visits:
        patient = patients.get(v.patient_id)
        dept = departments.get(v.department_id)
        doc = doctors.get(v.doctor_id)
        escort = staff.get(v.escort_staff_id)
        appt = appointments.get(v.appointment_id)
        name = patient.name if patient else (appt.patient_name if appt else "")
        rows.append(
            BoardRow(
                visit_id=v.id,
                ticket=v.ticket,
                name=name,
                masked_name=mask_name(name),
                department=(dept.name_zh, dept.name_en) if dept else None,
                doctor=(doc.name_zh, doc.name_en) if doc else None,
                stage=v.stage,
                stage_since=v.stage_since,
                escort_staff_id=v.escort_staff_id,
                escort_name=escort.display_name if escort else None,
                created_at=v.created_at,
                needs_escort=v.needs_escort,
                designated_doctor=v.designated_doctor,
                returning=v.is_returning,
                vip=bool(patient and patient.vip),
                verified=v.verified,
                arrival_channel=str(v.arrival_channel),
            )
        )
    return rows


def _by_id(session: Session, model: type[T], ids: set[str | None]) -> dict[str | None, T]:
    wanted = [i for i in ids if i]
    if not wanted:
        return {}
    return {row.id: row for row in session.scalars(select(model).where(model.id.in_(wanted)))}
