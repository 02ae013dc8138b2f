"""Triage (分诊): today's roster by department and session, how many wait for each doctor, and
sending a visit to a department and doctor — a designated doctor ("指定") is kept and marked."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.errors import FrontDeskError, NotFound
from app.models import ClinicSession, Department, Doctor, EventKind, RosterSlot, Visit
from app.services import tickets
from app.services.context import Actor
from app.services.stages import REGISTERED
from app.services.visits import get_visit, record

WAITING_STAGES = ("arrived", REGISTERED, "waiting")
SESSION_ORDER = {ClinicSession.MORNING: 0, ClinicSession.AFTERNOON: 1, ClinicSession.EVENING: 2}


def session_at(local: dt.datetime) -> ClinicSession:
    """Morning until 12:00, afternoon until 17:30, evening after."""
    t = local.time()
    if t < dt.time(12, 0):
        return ClinicSession.MORNING
    if t < dt.time(17, 30):
        return ClinicSession.AFTERNOON
    return ClinicSession.EVENING


def session_state(sessions: tuple[ClinicSession, ...], now_local: dt.datetime) -> str:
    """Where a doctor's day stands now: "in" (a session of theirs is on), "later" (theirs come
    later today), or "over" (their sessions today are done)."""
    now = SESSION_ORDER[session_at(now_local)]
    order = [SESSION_ORDER[s] for s in sessions]
    if now in order:
        return "in"
    return "later" if any(o > now for o in order) else "over"


@dataclass(frozen=True)
class DoctorOnDuty:
    doctor_id: str
    name: tuple[str, str]
    title: tuple[str, str]
    specialties: tuple[str, str]
    sessions: tuple[ClinicSession, ...]
    room: str
    waiting: int


@dataclass(frozen=True)
class DepartmentRoster:
    department_id: str
    name: tuple[str, str]
    floor: str
    room: str
    description: tuple[str, str]
    doctors: list[DoctorOnDuty] = field(default_factory=list)
    waiting_unassigned: int = 0


def roster_for_day(
    session: Session, day: dt.date, *, only_session: ClinicSession | None = None
) -> list[DepartmentRoster]:
    """Every active department with the doctors on duty that day (or in one session) and how
    many patients are waiting for each."""
    slot_q = select(RosterSlot).where(RosterSlot.day == day)
    if only_session is not None:
        slot_q = slot_q.where(RosterSlot.session == only_session)
    slots = session.scalars(slot_q).all()
    by_doctor: dict[str, list[RosterSlot]] = defaultdict(list)
    for slot in slots:
        by_doctor[slot.doctor_id].append(slot)
    waiting_rows = session.execute(
        select(Visit.department_id, Visit.doctor_id, func.count())
        .where(Visit.day == day, Visit.stage.in_(WAITING_STAGES))
        .group_by(Visit.department_id, Visit.doctor_id)
    ).all()
    waiting: Counter[tuple[str | None, str | None]] = Counter(
        {(d, doc): n for d, doc, n in waiting_rows}
    )
    doctors = {
        d.id: d for d in session.scalars(select(Doctor).where(Doctor.id.in_(list(by_doctor))))
    }
    result = []
    departments = session.scalars(
        select(Department).where(Department.active.is_(True)).order_by(Department.sort_order)
    ).all()
    for dept in departments:
        on_duty = []
        for doctor_id, doctor_slots in by_doctor.items():
            doc = doctors.get(doctor_id)
            if doc is None or not doc.active or doctor_slots[0].department_id != dept.id:
                continue
            doctor_slots.sort(key=lambda s: SESSION_ORDER[s.session])
            on_duty.append(
                DoctorOnDuty(
                    doctor_id=doc.id,
                    name=(doc.name_zh, doc.name_en),
                    title=(doc.title_zh, doc.title_en),
                    specialties=(doc.specialties_zh, doc.specialties_en),
                    sessions=tuple(s.session for s in doctor_slots),
                    room=doctor_slots[0].room,
                    waiting=waiting[(dept.id, doc.id)],
                )
            )
        on_duty.sort(key=lambda d: (SESSION_ORDER[d.sessions[0]], d.name[1]))
        result.append(
            DepartmentRoster(
                department_id=dept.id,
                name=(dept.name_zh, dept.name_en),
                floor=dept.floor,
                room=dept.room,
                description=(dept.description_zh, dept.description_en),
                doctors=on_duty,
                waiting_unassigned=waiting[(dept.id, None)],
            )
        )
    return result


@dataclass(frozen=True)
class TriageResult:
    visit_id: str
    department_id: str
    doctor_id: str | None
    designated: bool
    ticket: str | None


def triage(
    session: Session,
    visit_id: str,
    department_id: str,
    actor: Actor,
    clock: Clock,
    *,
    doctor_id: str | None = None,
    designated: bool = False,
    standalone: bool = True,
) -> TriageResult:
    """Send a visit to a department and, optionally, a doctor on duty there today.

    A new department means a new ticket of that department; the earlier number stays in the
    visit's timeline.  ``designated`` marks a doctor the patient asked for by name."""
    visit = get_visit(session, visit_id)
    dept = session.get(Department, department_id)
    if dept is None or not dept.active:
        raise NotFound(label="department")
    doctor = None
    if doctor_id:
        doctor = session.get(Doctor, doctor_id)
        if doctor is None or doctor.department_id != dept.id or not doctor.active:
            raise NotFound(label="doctor")
        on_duty = session.scalar(
            select(func.count())
            .select_from(RosterSlot)
            .where(RosterSlot.doctor_id == doctor.id, RosterSlot.day == visit.day)
        )
        if not on_duty:
            raise FrontDeskError(
                "doctor_not_on_roster",
                doctor=(doctor.name_zh, doctor.name_en),
                department=(dept.name_zh, dept.name_en),
            )
    elif designated:
        raise FrontDeskError("required", label="doctor")
    previous = {
        "department_id": visit.department_id,
        "doctor_id": visit.doctor_id,
        "ticket": visit.ticket,
    }
    if visit.department_id != dept.id or visit.ticket_seq is None:
        visit.ticket_seq = tickets.next_ticket(
            session, actor.device_id, dept, visit.day, standalone=standalone
        )
        visit.ticket_prefix = dept.ticket_prefix
    visit.department_id = dept.id
    visit.doctor_id = doctor.id if doctor else None
    visit.designated_doctor = bool(doctor and designated)
    visit.version += 1
    record(
        session,
        visit,
        EventKind.TRIAGED,
        actor,
        clock.now(),
        data={
            "department_id": dept.id,
            "doctor_id": visit.doctor_id,
            "designated": visit.designated_doctor,
            "ticket": visit.ticket,
            "previous": previous,
        },
    )
    return TriageResult(visit.id, dept.id, visit.doctor_id, visit.designated_doctor, visit.ticket)
