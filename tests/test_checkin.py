"""Finding today's appointment and checking it in."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.errors import CheckInRefused, NotFound, ValidationError
from app.models import Appointment, AppointmentStatus, EventKind, Visit
from app.services import checkin, visits
from app.services.checkin import CODE_ALPHABET, CheckInWindow


def _appointment(hospital, clock, *, minutes_from_now: int = 10, day_offset: int = 0, **kw):
    doctor = hospital.doctor_on_duty("DER", clock.today())
    with hospital.db.session() as s:
        appt = Appointment(
            checkin_code=kw.pop("code", checkin.new_checkin_code()),
            day=clock.today() + dt.timedelta(days=day_offset),
            scheduled_at=clock.now() + dt.timedelta(days=day_offset, minutes=minutes_from_now),
            department_id=hospital.departments["DER"].id,
            doctor_id=doctor.id,
            patient_name=kw.pop("name", "张三明"),
            patient_phone=kw.pop("phone", "13812341234"),
            **kw,
        )
        s.add(appt)
    return appt


def test_codes_use_an_unambiguous_alphabet() -> None:
    codes = {checkin.new_checkin_code() for _ in range(2000)}
    assert len(codes) > 1990
    assert all(len(c) == 6 and set(c) <= set(CODE_ALPHABET) for c in codes)
    assert not set("01OIL") & set(CODE_ALPHABET)


def test_find_by_code_shows_the_appointment_masked(hospital, clock) -> None:
    appt = _appointment(hospital, clock, code="K7M2QX", minutes_from_now=90)
    with hospital.db.session() as s:
        view = checkin.find_by_code(s, " k7m-2qx ", clock)  # typed loosely
        full_width = checkin.find_by_code(s, "Ｋ７Ｍ２ＱＸ", clock)
    assert view == full_width
    assert view.appointment_id == appt.id
    assert view.masked_name == "张*明"
    assert view.department == ("皮肤科", "Dermatology")
    assert view.local_time == "10:30"
    assert view.floor == "2F"
    assert view.checked_in_ticket is None


@pytest.mark.parametrize(
    ("setup", "code", "message_en"),
    [
        ({}, "ZZZZZZ", "could not find this check-in code"),
        ({"day_offset": 1}, None, "is on 2026-11-24, not today"),
        ({"day_offset": -2}, None, "is on 2026-11-21, not today"),
        ({"status": AppointmentStatus.CANCELLED}, None, "has been cancelled"),
    ],
)
def test_wrong_codes_get_a_kind_clear_message(hospital, clock, setup, code, message_en) -> None:
    appt = _appointment(hospital, clock, **setup)
    with pytest.raises((NotFound, CheckInRefused)) as info, hospital.db.session() as s:
        checkin.find_by_code(s, code or appt.checkin_code, clock)
    assert message_en in info.value.message("en")
    assert info.value.message("zh_CN") != info.value.message("en")


def test_empty_code_is_a_validation_error(hospital, clock) -> None:
    with pytest.raises(ValidationError), hospital.db.session() as s:
        checkin.find_by_code(s, "  ", clock)


def test_find_by_phone_and_first_character(hospital, clock) -> None:
    a = _appointment(hospital, clock, name="李雷", phone="13900001111")
    _appointment(hospital, clock, name="韩梅梅", phone="13900001111")  # same phone, family
    _appointment(hospital, clock, name="李雷", phone="13900001111", day_offset=1)
    with hospital.db.session() as s:
        found = checkin.find_by_phone(s, "139 0000 1111", "李", clock)
        assert [v.appointment_id for v in found] == [a.id]
        with pytest.raises(NotFound) as info:
            checkin.find_by_phone(s, "13900001111", "王", clock)
        assert info.value.code == "phone_not_found"
        with pytest.raises(ValidationError) as bad:
            checkin.find_by_phone(s, "139", "李雷", clock)
        assert bad.value.fields() == ["phone", "first_char"]


def test_latin_first_letter_ignores_case(hospital, clock) -> None:
    a = _appointment(hospital, clock, name="Emily Carter", phone="13900002222")
    with hospital.db.session() as s:
        assert checkin.find_by_phone(s, "13900002222", "e", clock)[0].appointment_id == a.id


def test_check_in_makes_a_registered_visit_with_a_ticket(hospital, clock) -> None:
    appt = _appointment(hospital, clock)
    with hospital.db.session() as s:
        result = checkin.check_in(s, appt.id, hospital.kiosk, clock, channel="kiosk")
        visit = s.get(Visit, result.visit_id)
        kinds = [e.kind for e in visits.events_of(s, visit.id)]
    assert result.ticket == "G001"
    assert result.appointment.checked_in_ticket == "G001"
    assert visit.stage == "registered"
    assert kinds == [EventKind.ARRIVED, EventKind.REGISTERED]
    assert visit.is_appointment and not visit.verified  # kiosk: a guide confirms identity
    assert visit.doctor_id == appt.doctor_id
    assert visit.created_device_id == "kiosk-1"


def test_second_check_in_says_already_with_the_ticket(hospital, clock) -> None:
    appt = _appointment(hospital, clock)
    with hospital.db.session() as s:
        first = checkin.check_in(s, appt.id, hospital.kiosk, clock, channel="kiosk")
    with pytest.raises(CheckInRefused) as info, hospital.db.session() as s:
        checkin.check_in(s, appt.id, hospital.kiosk, clock, channel="kiosk")
    assert info.value.code == "already_checked_in"
    assert first.ticket in info.value.message("en")
    with hospital.db.session() as s:
        assert checkin.find_by_code(s, appt.checkin_code, clock).checked_in_ticket == first.ticket
        assert len(s.scalars(select(Visit).where(Visit.appointment_id == appt.id)).all()) == 1


@pytest.mark.parametrize(
    ("minutes_from_now", "outcome"),
    [(31, "too_early"), (30, "ok"), (0, "ok"), (-15, "ok"), (-16, "too_late")],
)
def test_check_in_window(hospital, clock, minutes_from_now, outcome) -> None:
    appt = _appointment(hospital, clock, minutes_from_now=minutes_from_now)
    with hospital.db.session() as s:
        if outcome == "ok":
            checkin.check_in(s, appt.id, hospital.kiosk, clock, channel="kiosk")
            return
        with pytest.raises(CheckInRefused) as info:
            checkin.check_in(s, appt.id, hospital.kiosk, clock, channel="kiosk")
    assert info.value.code == outcome
    if outcome == "too_early":
        assert "09:01" in info.value.message("en")  # 09:31 less 30 minutes
    else:
        assert "see a guide" in info.value.message("en")


def test_window_is_configurable_and_a_guide_can_override(hospital, clock) -> None:
    late = _appointment(hospital, clock, minutes_from_now=-40)
    with hospital.db.session() as s:
        with pytest.raises(CheckInRefused):
            checkin.check_in(s, late.id, hospital.kiosk, clock, channel="kiosk")
        checkin.check_in(
            s, late.id, hospital.kiosk, clock, channel="kiosk", window=CheckInWindow(60, 45)
        )
    later = _appointment(hospital, clock, minutes_from_now=-120)
    with hospital.db.session() as s:
        result = checkin.check_in(
            s, later.id, hospital.desk, clock, channel="desk", enforce_window=False
        )
        assert s.get(Visit, result.visit_id).verified  # seen by a guide at the desk
