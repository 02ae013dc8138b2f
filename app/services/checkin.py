"""Appointment check-in: find today's appointment by its short code or by phone plus the first
character of the name, then check it in — a visit with a ticket, at the desk or the kiosk."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import re
import secrets
import unicodedata
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.errors import CheckInRefused, NotFound
from app.lang import LANGUAGES
from app.models import (
    Appointment,
    AppointmentStatus,
    ArrivalChannel,
    Department,
    Doctor,
    EventKind,
    SourceChannel,
    Visit,
)
from app.services import tickets
from app.services.context import Actor
from app.services.masking import mask_name
from app.services.validation import Checker, normalize_phone
from app.services.visits import open_visit, record

# No 0/O, 1/I/L: codes are read aloud and typed by people who do not see the difference.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 6


def new_checkin_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


# The day's key a kiosk holds names its own slow hash: ``a2:<passes>:<KiB>:<key, base64url>``
# (argon2id, memory-hard): reading a stolen kiosk's day back — every 6-character code, every
# phone number — costs core-years, where a plain keyed hash cost core-minutes.
SLOW_KEY_PREFIX = "a2:"
LOOKUP_PASSES = 2
LOOKUP_MEMORY_KIB = 32 * 1024


def slow_key(raw: bytes, passes: int = LOOKUP_PASSES, memory_kib: int = LOOKUP_MEMORY_KIB) -> str:
    """The text form of a day's key for the slow look-up hash."""
    b64 = base64.urlsafe_b64encode(raw).decode().rstrip("=")
    return f"{SLOW_KEY_PREFIX}{passes}:{memory_kib}:{b64}"


def lookup_hash(key: str, value: str, length: int) -> str:
    """A keyed hash (hex, cut to ``length``) of a normalized code or phone: argon2id salted
    with the day's key for a slow key (``slow_key``), HMAC-SHA256 for an older hex key."""
    if key.startswith(SLOW_KEY_PREFIX):
        from argon2.low_level import Type, hash_secret_raw

        passes, memory, b64 = key[len(SLOW_KEY_PREFIX) :].split(":", 2)
        salt = base64.urlsafe_b64decode(b64 + "=" * (-len(b64) % 4))
        digest = hash_secret_raw(
            value.encode(),
            salt,
            time_cost=int(passes),
            memory_cost=int(memory),
            parallelism=1,
            hash_len=16,
            type=Type.ID,
        )
        return digest.hex()[:length]
    return hmac.new(bytes.fromhex(key), value.encode(), hashlib.sha256).hexdigest()[:length]


def hashed_code(key: str, code: str) -> str:
    return lookup_hash(key, normalize_code(code), 12)


def hashed_phone(key: str, phone: str) -> str:
    return lookup_hash(key, normalize_phone(phone), 11)


def normalize_code(raw: str) -> str:
    """What a person typed or a scanner sent: full-width forms, case, spaces and dashes do
    not matter."""
    text = unicodedata.normalize("NFKC", raw or "").upper()
    return re.sub(r"[\s\-_]", "", text)


@dataclass(frozen=True)
class CheckInWindow:
    early_min: int = 30
    late_min: int = 15


@dataclass(frozen=True)
class AppointmentView:
    """What a screen may show of an appointment; the name is masked."""

    appointment_id: str
    masked_name: str
    day: dt.date
    scheduled_at: dt.datetime
    local_time: str
    department_id: str
    department: tuple[str, str]
    doctor: tuple[str, str] | None
    floor: str
    room: str
    checked_in_ticket: str | None
    visit_id: str | None


@dataclass(frozen=True)
class CheckInResult:
    visit_id: str
    ticket: str
    appointment: AppointmentView


def _view(session: Session, appt: Appointment, clock: Clock) -> AppointmentView:
    dept = session.get(Department, appt.department_id)
    doctor = session.get(Doctor, appt.doctor_id) if appt.doctor_id else None
    assert dept is not None
    visit = session.scalars(
        select(Visit)
        .where(Visit.appointment_id == appt.id, Visit.duplicate_of.is_(None))
        .order_by(Visit.created_at)
        .limit(1)
    ).first()
    return AppointmentView(
        appointment_id=appt.id,
        masked_name=mask_name(appt.patient_name),
        day=appt.day,
        scheduled_at=appt.scheduled_at,
        local_time=clock.local(appt.scheduled_at).strftime("%H:%M"),
        department_id=dept.id,
        department=(dept.name_zh, dept.name_en),
        doctor=(doctor.name_zh, doctor.name_en) if doctor else None,
        floor=dept.floor,
        room=dept.room,
        checked_in_ticket=visit.ticket if visit else None,
        visit_id=visit.id if visit else None,
    )


def _usable(view: AppointmentView, appt: Appointment, clock: Clock) -> None:
    if appt.status == AppointmentStatus.CANCELLED:
        raise CheckInRefused("appointment_cancelled")
    if appt.day != clock.today():
        raise CheckInRefused("appointment_other_day", date=appt.day.isoformat())


def find_by_code(
    session: Session, raw_code: str, clock: Clock, *, key: str | None = None
) -> AppointmentView:
    """Today's appointment for a check-in code; clear refusals for any other case.

    A kiosk passes the day's ``key``: it holds only keyed hashes of the codes."""
    code = normalize_code(raw_code)
    check = Checker()
    check.required("code", code, "code")
    check.done()
    if key:
        code = hashed_code(key, code)
    appt = session.scalars(select(Appointment).where(Appointment.checkin_code == code)).first()
    if appt is None:
        raise NotFound("code_not_found")
    view = _view(session, appt, clock)
    _usable(view, appt, clock)
    return view


def find_by_phone(
    session: Session, raw_phone: str, first_char: str, clock: Clock, *, key: str | None = None
) -> list[AppointmentView]:
    """Today's appointments for a mobile number whose patient name starts with ``first_char``."""
    check = Checker()
    phone = check.phone("phone", raw_phone)
    first = unicodedata.normalize("NFKC", first_char or "").strip()
    if check.required("first_char", first, "first_char") and len(first) != 1:
        check.fail("first_char", "too_long", label="first_char", max=1)
    check.done()
    assert phone is not None
    if key:
        phone = hashed_phone(key, phone)
    rows = session.scalars(
        select(Appointment)
        .where(Appointment.patient_phone == phone, Appointment.day == clock.today())
        .order_by(Appointment.scheduled_at)
    ).all()
    matches = [
        a
        for a in rows
        if a.patient_name[:1].casefold() == first.casefold()
        and a.status != AppointmentStatus.CANCELLED
    ]
    if not matches:
        raise NotFound("phone_not_found")
    return [_view(session, a, clock) for a in matches]


def check_in(
    session: Session,
    appointment_id: str,
    actor: Actor,
    clock: Clock,
    *,
    channel: ArrivalChannel,
    window: CheckInWindow = CheckInWindow(),
    enforce_window: bool = True,
    standalone: bool = True,
    extra: dict[str, str] | None = None,
    language: str = "",
) -> CheckInResult:
    """Check an appointment in: a visit with its ticket, stage "registered" (the appointment
    is already registered with the hospital).  Outside the window a kiosk refuses and sends
    the patient to a guide; a guide at the desk passes ``enforce_window=False`` (and what it
    says about a check-in outside the window as ``extra``, kept on the first event)."""
    appt = session.get(Appointment, appointment_id)
    if appt is None:
        raise NotFound(label="appointment")
    view = _view(session, appt, clock)
    _usable(view, appt, clock)
    if view.checked_in_ticket is not None:
        raise CheckInRefused("already_checked_in", ticket=view.checked_in_ticket)
    now = clock.now()
    if enforce_window:
        opens = appt.scheduled_at - dt.timedelta(minutes=window.early_min)
        closes = appt.scheduled_at + dt.timedelta(minutes=window.late_min)
        if now < opens:
            raise CheckInRefused("too_early", opens=clock.local(opens).strftime("%H:%M"))
        if now > closes:
            raise CheckInRefused("too_late")
    dept = session.get(Department, appt.department_id)
    assert dept is not None
    seq = tickets.next_ticket(session, actor.device_id, dept, appt.day, standalone=standalone)
    visit = open_visit(
        session,
        actor,
        now,
        channel=channel,
        event_data={"appointment_id": appt.id, **(extra or {})},
        day=appt.day,
        appointment_id=appt.id,
        department_id=dept.id,
        doctor_id=appt.doctor_id,
        designated_doctor=False,  # the booking names a doctor; "指定" is asked at the desk
        source_channel=_source(appt.booking_channel),
        is_appointment=True,
        verified=channel == ArrivalChannel.DESK,
        ticket_prefix=dept.ticket_prefix,
        ticket_seq=seq,
        language=language if language in LANGUAGES else None,
    )
    record(session, visit, EventKind.REGISTERED, actor, now, stage="registered")
    assert visit.ticket is not None
    return CheckInResult(
        visit_id=visit.id, ticket=visit.ticket, appointment=_view(session, appt, clock)
    )


def _source(booking_channel: str) -> SourceChannel | None:
    try:
        return SourceChannel(booking_channel)
    except ValueError:
        return SourceChannel.NETWORK if booking_channel in ("web", "wechat", "app") else None
