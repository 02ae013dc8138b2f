"""Demo reference data for a general hospital: departments, doctors with a week of roster,
staff, the default survey and today's appointments — loaded from ``resources/demo``."""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.models import (
    Appointment,
    ClinicSession,
    Department,
    Doctor,
    Role,
    RosterSlot,
    Staff,
    SurveyDefinition,
)
from app.paths import resources_dir
from app.security import hash_password
from app.services import workdays
from app.services.checkin import new_checkin_code

SESSION_HOURS = {
    ClinicSession.MORNING: (8, 11),
    ClinicSession.AFTERNOON: (13, 16),
    ClinicSession.EVENING: (18, 20),
}


@dataclass(frozen=True)
class DemoSummary:
    departments: int
    doctors: int
    roster_slots: int
    staff: int
    appointments: int
    surveys: int


def read_hospital(path: Path | None = None) -> dict[str, Any]:
    path = path or resources_dir() / "demo" / "hospital.json"
    return _json_object(path)


def read_survey(path: Path | None = None) -> dict[str, Any]:
    path = path or resources_dir() / "surveys" / "satisfaction.json"
    return _json_object(path)


def _json_object(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path.name}: not a JSON object")
    return data


# The demo books today's patients around the hour it starts, whatever that hour is: some came
# and went, some are due now (the kiosk checks them in), some are late, most are still to come.
BOOKED_BEFORE_MIN = 180
BOOKED_AFTER_MIN = 300
DUE_NOW = (0, 10, 20)  # the first patients' minutes from now: inside the kiosk's window


def _booked_time(clock: Clock, rng: random.Random, i: int) -> dt.datetime:
    """The ``i``-th demo booking's local time: on a five-minute mark of today, the first few
    due now, the rest spread from three hours ago to five hours on (within today)."""
    now = clock.local(clock.now())
    day_start = now.replace(hour=0, minute=0, second=0, microsecond=0)
    last = day_start + dt.timedelta(hours=23, minutes=55)
    mark = now.replace(minute=now.minute - now.minute % 5, second=0, microsecond=0)
    if i < len(DUE_NOW):
        return min(mark + dt.timedelta(minutes=DUE_NOW[i]), last)
    first = max(day_start, mark - dt.timedelta(minutes=BOOKED_BEFORE_MIN))
    until = min(last, mark + dt.timedelta(minutes=BOOKED_AFTER_MIN))
    steps = int((until - first).total_seconds() // 300)
    return first + dt.timedelta(minutes=5 * rng.randint(0, steps))


def _session_covers(session: ClinicSession, hour: int) -> bool:
    first, last = SESSION_HOURS[session]
    return first <= hour <= last + 1


def has_reference_data(session: Session) -> bool:
    return bool(session.scalar(select(func.count()).select_from(Department)))


def load(session: Session, clock: Clock, *, seed: int | None = None, days: int = 7) -> DemoSummary:
    """Load the demo hospital into an empty database: a roster from today for ``days`` days and
    about 40 appointments for today around the hour it is loaded (``_booked_time``)."""
    if has_reference_data(session):
        raise ValueError("the database already holds reference data")
    data = read_hospital()
    rng = random.Random(seed)
    today = clock.today()

    departments: dict[str, Department] = {}
    for order, d in enumerate(data["departments"]):
        dept = Department(
            code=d["code"],
            name_zh=d["name_zh"],
            name_en=d["name_en"],
            floor=d["floor"],
            room=d["room"],
            directions_zh=d["directions_zh"],
            directions_en=d["directions_en"],
            description_zh=d["description_zh"],
            description_en=d["description_en"],
            ticket_prefix=d["prefix"],
            phone=d.get("phone", ""),
            call_script_zh=d.get("call_script_zh", ""),
            call_script_en=d.get("call_script_en", ""),
            sort_order=order,
        )
        session.add(dept)
        departments[d["code"]] = dept
    session.flush()

    slots: list[RosterSlot] = []
    doctors: list[Doctor] = []
    per_department: dict[str, int] = {}
    for d in data["doctors"]:
        dept = departments[d["dept"]]
        k = per_department[dept.code] = per_department.get(dept.code, -1) + 1
        first_room = dept.room.split("-")[0]
        room = str(int(first_room) + k) if first_room.isdigit() else dept.room
        doctor = Doctor(
            department_id=dept.id,
            name_zh=d["name_zh"],
            name_en=d["name_en"],
            title_zh=d["title_zh"],
            title_en=d["title_en"],
            specialties_zh=d["specialties_zh"],
            specialties_en=d["specialties_en"],
        )
        session.add(doctor)
        session.flush()
        doctors.append(doctor)
        for offset in range(days):
            day = today + dt.timedelta(days=offset)
            code = d["week"][day.weekday()]
            if code:
                slot = RosterSlot(
                    doctor_id=doctor.id,
                    department_id=dept.id,
                    day=day,
                    session=ClinicSession(code),
                    room=room,
                )
                session.add(slot)
                slots.append(slot)

    password = hash_password(data["demo_password"])
    staff = [
        Staff(
            username=s["username"],
            display_name=s["display_name"],
            role=Role(s["role"]),
            duty_lead=s.get("duty_lead", False),
            password_hash=password,
        )
        for s in data["staff"]
    ]
    session.add_all(staff)

    survey = read_survey()
    session.add(
        SurveyDefinition(
            code=survey["code"],
            revision=survey["revision"],
            title_zh=survey["title"]["zh_CN"],
            title_en=survey["title"]["en"],
            definition=survey,
        )
    )
    session.flush()

    today_slots = [s for s in slots if s.day == today]
    codes: set[str] = set()
    appointments = 0
    for i, (name, gender, age) in enumerate(data["patients"]):
        local = _booked_time(clock, rng, i)
        in_session = [s for s in today_slots if _session_covers(s.session, local.hour)]
        slot = rng.choice(in_session or today_slots)
        code = new_checkin_code()
        while code in codes:
            code = new_checkin_code()
        codes.add(code)
        session.add(
            Appointment(
                checkin_code=code,
                day=today,
                scheduled_at=local.astimezone(dt.UTC),
                department_id=slot.department_id,
                doctor_id=slot.doctor_id,
                patient_name=name,
                patient_phone=f"139{rng.randint(0, 99_999_999):08d}",
                patient_gender=gender,
                patient_age=age,
                booking_channel=rng.choice(data["booking_channels"]),
            )
        )
        appointments += 1
    workdays.seed_from_library(session, today)  # the working calendar, as a server seeds it
    session.flush()
    return DemoSummary(
        departments=len(departments),
        doctors=len(doctors),
        roster_slots=len(slots),
        staff=len(staff),
        appointments=appointments,
        surveys=1,
    )
