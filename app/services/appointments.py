"""Today's appointments as the desk sees them: who is expected, who has arrived, who is late
and who did not come — with a count that adds up — and checking a booking in at the desk at any
time, with the reason written down when it is outside the kiosk's window.

A booking's state is read off the records, never stored: it has arrived when a visit names it
(the kiosk's check-in or the desk's), it is cancelled when the booking system says so, and
otherwise the clock decides — expected until the kiosk's window closes, late until the no-show
cut-off, then a no-show.  A no-show who comes after all is checked in like anyone late; a
no-show nobody checked in by the end of the day gets a follow-up call the next working day
(``followup_sources.no_show_tasks``).
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.errors import CheckInRefused, NotFound
from app.models import Appointment, AppointmentStatus, ArrivalChannel, Department, Doctor, Visit
from app.services import checkin
from app.services.checkin import CheckInResult, CheckInWindow, normalize_code
from app.services.context import Actor
from app.services.masking import mask_name, mask_phone

REASON_MAX = 200
KIOSK_WINDOW = CheckInWindow()  # the kiosk's default: 30 minutes before to 15 after


class Arrival(enum.StrEnum):
    """Where a booking stands today, in the order a desk lists them by."""

    EXPECTED = "expected"
    LATE = "late"
    NO_SHOW = "no_show"
    ARRIVED = "arrived"
    CANCELLED = "cancelled"


BOOKED = (Arrival.EXPECTED, Arrival.LATE, Arrival.NO_SHOW, Arrival.ARRIVED)
"""The states that make up the day's bookings (a cancelled booking is counted apart)."""


@dataclass(frozen=True)
class AppointmentRules:
    """The desk's clock for bookings: the kiosk's check-in window, and how long after the
    booked time a booking nobody checked in for counts as a no-show."""

    window: CheckInWindow = KIOSK_WINDOW
    no_show_after_min: int = 60


@dataclass(frozen=True)
class AppointmentLine:
    appointment_id: str
    code: str
    scheduled_at: dt.datetime
    local_time: str  # HH:MM in the hospital's time zone
    arrival: Arrival
    window_open: bool  # the kiosk would check it in now
    minutes_late: int  # past the booked time, not arrived (0 otherwise)
    name: str
    masked_name: str
    phone: str
    masked_phone: str
    department_id: str
    department: tuple[str, str]
    doctor: tuple[str, str] | None
    room: str
    ticket: str | None
    visit_id: str | None
    arrived_at: str  # HH:MM of the check-in, "" when not arrived
    arrival_channel: str  # "kiosk" / "desk", "" when not arrived


@dataclass(frozen=True)
class AppointmentDay:
    day: dt.date
    lines: list[AppointmentLine]
    counts: dict[Arrival, int]

    @property
    def booked(self) -> int:
        """Bookings not cancelled: arrived + expected + late + no-show, always."""
        return sum(self.counts[a] for a in BOOKED)


def arrival_of(
    appt_status: AppointmentStatus,
    scheduled_at: dt.datetime,
    arrived: bool,
    now: dt.datetime,
    rules: AppointmentRules,
    day_over: bool = False,
) -> Arrival:
    if arrived:
        return Arrival.ARRIVED
    if appt_status == AppointmentStatus.CANCELLED:
        return Arrival.CANCELLED
    if day_over or now > scheduled_at + dt.timedelta(minutes=rules.no_show_after_min):
        return Arrival.NO_SHOW
    if now > scheduled_at + dt.timedelta(minutes=rules.window.late_min):
        return Arrival.LATE
    return Arrival.EXPECTED


def day_list(
    session: Session, clock: Clock, rules: AppointmentRules, day: dt.date | None = None
) -> AppointmentDay:
    """Every booking of ``day`` (today by default) with where it stands now, by booked time."""
    day = day or clock.today()
    now = clock.now()
    day_over = day < clock.today()
    rows = session.execute(
        select(Appointment, Department, Doctor)
        .join(Department, Department.id == Appointment.department_id)
        .outerjoin(Doctor, Doctor.id == Appointment.doctor_id)
        .where(Appointment.day == day)
        .order_by(Appointment.scheduled_at, Appointment.checkin_code)
    ).all()
    visits: dict[str, Visit] = {}
    for v in session.scalars(
        select(Visit)
        .where(Visit.day == day, Visit.appointment_id.is_not(None), Visit.duplicate_of.is_(None))
        .order_by(Visit.created_at)
    ):
        assert v.appointment_id is not None
        visits.setdefault(v.appointment_id, v)  # the first check-in is the one that counts
    lines: list[AppointmentLine] = []
    for appt, dept, doctor in rows:
        visit = visits.get(appt.id)
        arrived = visit is not None
        arrival = arrival_of(appt.status, appt.scheduled_at, arrived, now, rules, day_over)
        opens = appt.scheduled_at - dt.timedelta(minutes=rules.window.early_min)
        closes = appt.scheduled_at + dt.timedelta(minutes=rules.window.late_min)
        late = int((now - appt.scheduled_at).total_seconds() // 60)
        lines.append(
            AppointmentLine(
                appointment_id=appt.id,
                code=appt.checkin_code,
                scheduled_at=appt.scheduled_at,
                local_time=clock.local(appt.scheduled_at).strftime("%H:%M"),
                arrival=arrival,
                window_open=arrival == Arrival.EXPECTED and opens <= now <= closes,
                minutes_late=late if arrival in (Arrival.LATE, Arrival.NO_SHOW) else 0,
                name=appt.patient_name,
                masked_name=mask_name(appt.patient_name),
                phone=appt.patient_phone,
                masked_phone=mask_phone(appt.patient_phone),
                department_id=dept.id,
                department=(dept.name_zh, dept.name_en),
                doctor=(doctor.name_zh, doctor.name_en) if doctor else None,
                room=dept.room,
                ticket=visit.ticket if visit else None,
                visit_id=visit.id if visit else None,
                arrived_at=clock.local(visit.created_at).strftime("%H:%M") if visit else "",
                arrival_channel=str(visit.arrival_channel) if visit else "",
            )
        )
    counts = Counter(line.arrival for line in lines)
    return AppointmentDay(day, lines, {a: counts.get(a, 0) for a in Arrival})


def search(lines: list[AppointmentLine], text: str) -> list[AppointmentLine]:
    """The lines a guide's search names: a check-in code (or its start), digits of the phone
    (four or more: the last four read aloud are enough), or part of the name.  Full-width
    characters, case, spaces and dashes do not matter."""
    query = unicodedata.normalize("NFKC", text or "").strip()
    if not query:
        return list(lines)
    code = normalize_code(query)
    digits = re.sub(r"\D", "", query)
    phone_like = len(digits) >= 4 and digits == re.sub(r"[\s\-]", "", query)
    found = []
    for line in lines:
        if (
            (code and line.code.startswith(code))
            or (phone_like and digits in line.phone)
            or query.casefold() in line.name.casefold()
        ):
            found.append(line)
    return found


def outside_window(
    scheduled_at: dt.datetime, now: dt.datetime, window: CheckInWindow
) -> str | None:
    """ "early" or "late" when the kiosk would refuse a check-in now, else None."""
    if now < scheduled_at - dt.timedelta(minutes=window.early_min):
        return "early"
    if now > scheduled_at + dt.timedelta(minutes=window.late_min):
        return "late"
    return None


def desk_check_in(
    session: Session,
    appointment_id: str,
    actor: Actor,
    clock: Clock,
    rules: AppointmentRules,
    *,
    reason: str = "",
    standalone: bool = True,
) -> CheckInResult:
    """Check a booking in at the desk, at any time of its day.  Outside the kiosk's window the
    guide says why (a late train, the kiosk could not find it…); the reason is kept on the
    visit's first event, with whether it was early or late, for the day's figures."""
    appt = session.get(Appointment, appointment_id)
    if appt is None:
        raise NotFound(label="appointment")
    why = " ".join((reason or "").split())  # as written: full-width stops stay
    side = outside_window(appt.scheduled_at, clock.now(), rules.window)
    extra: dict[str, str] = {}
    if side is not None:
        if not why:
            raise CheckInRefused(
                "reason_needed", time=clock.local(appt.scheduled_at).strftime("%H:%M")
            )
        if len(why) > REASON_MAX:
            raise CheckInRefused("too_long", label="reason", max=REASON_MAX)
        extra = {"outside_window": side, "reason": why}
    return checkin.check_in(
        session,
        appointment_id,
        actor,
        clock,
        channel=ArrivalChannel.DESK,
        enforce_window=False,
        standalone=standalone,
        extra=extra,
    )
