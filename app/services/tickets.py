"""Ticket numbers: per department per day, handed out from ranges leased to each desk so that
two kiosks never give the same number, even offline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.errors import TicketsExhausted
from app.models import Appointment, Department, Doctor, Patient, TicketRange, Visit
from app.services.masking import mask_name

STANDALONE_BLOCK = 100


def format_ticket(prefix: str, seq: int) -> str:
    return f"{prefix}{seq:03d}"


def grant_range(
    session: Session, device_id: str, department_id: str, day: dt.date, start: int, end: int
) -> TicketRange:
    """Record that ``device_id`` may hand out ``start..end`` (the server decides the numbers)."""
    if start < 1 or end < start:
        raise ValueError(f"bad ticket range {start}..{end}")
    rng = TicketRange(
        device_id=device_id,
        department_id=department_id,
        day=day,
        start_seq=start,
        end_seq=end,
        next_seq=start,
    )
    session.add(rng)
    session.flush()
    return rng


def remaining(session: Session, device_id: str, department_id: str, day: dt.date) -> int:
    total = session.scalar(
        select(func.coalesce(func.sum(TicketRange.end_seq - TicketRange.next_seq + 1), 0)).where(
            TicketRange.device_id == device_id,
            TicketRange.department_id == department_id,
            TicketRange.day == day,
            TicketRange.next_seq <= TicketRange.end_seq,
        )
    )
    return int(total or 0)


def next_ticket(
    session: Session,
    device_id: str,
    department: Department,
    day: dt.date,
    *,
    standalone: bool = True,
) -> int:
    """Take the next number of this desk's ranges for ``department`` on ``day``.

    A standalone desk (no central server) leases itself the next block after every range
    already known; a synced desk only uses ranges the server granted and says so when none
    is left."""
    rng = session.scalars(
        select(TicketRange)
        .where(
            TicketRange.device_id == device_id,
            TicketRange.department_id == department.id,
            TicketRange.day == day,
            TicketRange.next_seq <= TicketRange.end_seq,
        )
        .order_by(TicketRange.start_seq)
        .limit(1)
    ).first()
    if rng is None:
        if not standalone:
            raise TicketsExhausted(department=(department.name_zh, department.name_en))
        top = session.scalar(
            select(func.max(TicketRange.end_seq)).where(
                TicketRange.department_id == department.id, TicketRange.day == day
            )
        )
        start = (top or 0) + 1
        rng = grant_range(
            session, device_id, department.id, day, start, start + STANDALONE_BLOCK - 1
        )
    seq = rng.next_seq
    rng.next_seq = seq + 1
    return seq


# -- what a ticket shows ------------------------------------------------------------------

QR_PREFIX = "FDV1:"  # the ticket's QR code: this prefix, then the visit id


def qr_payload(visit_id: str) -> str:
    return f"{QR_PREFIX}{visit_id}"


def visit_from_qr(text: str) -> str | None:
    """The visit id a ticket's QR code names, or None for anything else."""
    text = (text or "").strip()
    if text.upper().startswith(QR_PREFIX):
        return text[len(QR_PREFIX) :].lower() or None
    return None


@dataclass(frozen=True)
class TicketInfo:
    """Everything printed on a ticket; the name is masked, the QR code names only the visit."""

    visit_id: str
    ticket: str
    masked_name: str
    department: tuple[str, str]
    doctor: tuple[str, str] | None
    floor: str
    room: str
    directions: tuple[str, str]
    day: dt.date
    issued_at: str  # local HH:MM
    appointment_time: str | None
    needs_guide: bool
    qr: str


def ticket_info(s: Session, visit_id: str, clock: Clock) -> TicketInfo:
    """What the visit's ticket shows, from either desk: the same ticket, the same QR code."""
    visit = s.get(Visit, visit_id)
    assert visit is not None and visit.ticket is not None
    dept = s.get(Department, visit.department_id)
    doctor = s.get(Doctor, visit.doctor_id) if visit.doctor_id else None
    assert dept is not None
    name = ""
    appt_time = None
    if visit.appointment_id:
        appt = s.get(Appointment, visit.appointment_id)
        if appt is not None:
            name = mask_name(appt.patient_name)
            appt_time = clock.local(appt.scheduled_at).strftime("%H:%M")
    elif visit.patient_id:
        patient = s.get(Patient, visit.patient_id)
        name = mask_name(patient.name) if patient else ""
    return TicketInfo(
        visit_id=visit.id,
        ticket=visit.ticket,
        masked_name=name,
        department=(dept.name_zh, dept.name_en),
        doctor=(doctor.name_zh, doctor.name_en) if doctor else None,
        floor=dept.floor,
        room=dept.room,
        directions=(dept.directions_zh, dept.directions_en),
        day=visit.day,
        # when the patient checked in — the same on a reprint an hour later
        issued_at=clock.local(visit.created_at).strftime("%H:%M"),
        appointment_time=appt_time,
        needs_guide=visit.needs_escort,
        qr=qr_payload(visit.id),
    )
