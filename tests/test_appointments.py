"""Today's bookings at the desk: expected, late, no-show, arrived and cancelled, counts that add
up, the search a guide types, and check-in at any hour with the reason outside the window."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import delete, select

from app.errors import CheckInRefused
from app.models import Appointment, AppointmentStatus, Setting, Visit, VisitEvent
from app.services import appointments, checkin, shared_settings
from app.services.appointments import AppointmentRules, Arrival
from app.services.checkin import CheckInWindow

RULES = AppointmentRules(window=CheckInWindow(30, 15), no_show_after_min=60)


@pytest.fixture
def booked(hospital, clock):
    """Six bookings of today around 09:00 (the demo's own removed), by name."""
    with hospital.db.session() as s:
        s.execute(delete(Appointment))
    made = {}
    plan = [
        ("王小明", -120, AppointmentStatus.BOOKED, "13800001111"),  # 07:00: a no-show
        ("李大华", -30, AppointmentStatus.BOOKED, "13800002222"),  # 08:30: late
        ("赵一", 0, AppointmentStatus.BOOKED, "13800003333"),  # 09:00: window open
        ("钱二", 120, AppointmentStatus.BOOKED, "13800004444"),  # 11:00: expected
        ("孙三", 10, AppointmentStatus.CANCELLED, "13800005555"),
        ("Anna Smith", 5, AppointmentStatus.BOOKED, "13912345678"),  # will have arrived
    ]
    doctor = hospital.doctor_on_duty("DER", clock.today())
    with hospital.db.session() as s:
        for i, (name, minutes, status, phone) in enumerate(plan):
            appt = Appointment(
                checkin_code=f"K{i}M2Q{i}",
                day=clock.today(),
                scheduled_at=clock.now() + dt.timedelta(minutes=minutes),
                department_id=hospital.departments["DER"].id,
                doctor_id=doctor.id,
                patient_name=name,
                patient_phone=phone,
                status=status,
            )
            s.add(appt)
            s.flush()
            made[name] = appt.id
    with hospital.db.session() as s:
        checkin.check_in(s, made["Anna Smith"], hospital.kiosk, clock, channel="kiosk")
    return made


def _arrival_event(s, visit_id: str) -> VisitEvent:
    """The event that opened the visit: it names the booking."""
    events = s.scalars(select(VisitEvent).where(VisitEvent.visit_id == visit_id)).all()
    (first,) = [e for e in events if "appointment_id" in e.data]
    return first


def _states(hospital, clock, rules=RULES):
    with hospital.db.reading() as s:
        day = appointments.day_list(s, clock, rules)
    return day, {line.name: line for line in day.lines}


def test_each_booking_stands_where_the_clock_and_the_records_say(hospital, clock, booked):
    day, by_name = _states(hospital, clock)
    assert {n: line.arrival for n, line in by_name.items()} == {
        "王小明": Arrival.NO_SHOW,
        "李大华": Arrival.LATE,
        "赵一": Arrival.EXPECTED,
        "钱二": Arrival.EXPECTED,
        "孙三": Arrival.CANCELLED,
        "Anna Smith": Arrival.ARRIVED,
    }
    assert by_name["赵一"].window_open and not by_name["钱二"].window_open
    assert by_name["李大华"].minutes_late == 30 and by_name["钱二"].minutes_late == 0
    assert by_name["Anna Smith"].ticket and by_name["Anna Smith"].arrival_channel == "kiosk"
    assert by_name["Anna Smith"].arrived_at == "09:00"
    assert by_name["王小明"].masked_name == "王*明"
    assert by_name["王小明"].masked_phone == "138****1111"
    assert [line.local_time for line in day.lines] == sorted(line.local_time for line in day.lines)
    # the count adds up: every booking not cancelled is arrived, expected, late or a no-show
    assert day.counts[Arrival.EXPECTED] == 2
    assert day.booked == 5 == len(day.lines) - day.counts[Arrival.CANCELLED]

    # as time passes the late become no-shows; the day over, nobody is still expected
    clock.advance(minutes=45)
    _, later = _states(hospital, clock)
    assert later["李大华"].arrival == Arrival.NO_SHOW
    assert later["赵一"].arrival == Arrival.LATE
    clock.advance(hours=20)
    with hospital.db.reading() as s:
        yesterday = appointments.day_list(s, clock, RULES, day=clock.today() - dt.timedelta(days=1))
    assert yesterday.counts[Arrival.NO_SHOW] == 4 and yesterday.counts[Arrival.ARRIVED] == 1


def test_the_no_show_cut_off_is_the_hospitals_shared_setting(hospital, clock, booked):
    with hospital.db.session() as s:
        s.add(
            shared_settings.put(s, "appointments.no_show_after_min", 180, "director", clock.now())
        )
    with hospital.db.reading() as s:
        rules = shared_settings.appointment_rules(s, CheckInWindow(30, 15))
    assert rules.no_show_after_min == 180
    _, by_name = _states(hospital, clock, rules)
    assert by_name["王小明"].arrival == Arrival.LATE  # 120 minutes late is not yet a no-show
    with hospital.db.session() as s:
        with pytest.raises(shared_settings.SettingError, match="from 15 to 720"):
            shared_settings.put(s, "appointments.no_show_after_min", 5, "director", clock.now())
        # a value this program cannot read (a newer server's) leaves the default
        row = s.scalar(select(Setting).where(Setting.key == "appointments.no_show_after_min"))
        row.value_json = '"soon"'
    with hospital.db.reading() as s:
        assert shared_settings.appointment_rules(s, CheckInWindow()).no_show_after_min == 60


@pytest.mark.parametrize(
    ("typed", "names"),
    [
        ("k2m", {"赵一"}),  # the code's start, in any case
        ("Ｋ３－Ｍ２", {"钱二"}),  # full-width, with a dash
        ("2222", {"李大华"}),  # the phone's last four
        ("138 0000", {"王小明", "李大华", "赵一", "钱二", "孙三"}),
        ("smith", {"Anna Smith"}),
        ("大", {"李大华"}),
        ("", {"王小明", "李大华", "赵一", "钱二", "孙三", "Anna Smith"}),
        ("999", set()),  # three digits are not a phone search
    ],
)
def test_a_guide_finds_a_booking_by_code_phone_or_name(hospital, clock, booked, typed, names):
    day, _ = _states(hospital, clock)
    assert {line.name for line in appointments.search(day.lines, typed)} == names


def test_the_desk_checks_in_at_any_hour_and_writes_down_why_outside_the_window(
    hospital, clock, booked
):
    late = booked["李大华"]
    with hospital.db.session() as s, pytest.raises(CheckInRefused) as refused:
        appointments.desk_check_in(s, late, hospital.desk, clock, RULES, reason="  ")
    assert refused.value.code == "reason_needed"
    assert "08:30" in refused.value.message("en")
    with hospital.db.session() as s, pytest.raises(CheckInRefused, match="at most 200"):
        appointments.desk_check_in(s, late, hospital.desk, clock, RULES, reason="x" * 201)
    with hospital.db.session() as s:
        result = appointments.desk_check_in(
            s, late, hospital.desk, clock, RULES, reason=" 地铁  停运 "
        )
    with hospital.db.reading() as s:
        visit = s.get(Visit, result.visit_id)
        first = _arrival_event(s, visit.id)
        assert visit.appointment_id == late and visit.is_appointment and visit.verified
        assert str(visit.arrival_channel) == "desk"
        assert first.data["outside_window"] == "late" and first.data["reason"] == "地铁 停运"
    # inside the window no reason is asked; a no-show who comes after all is checked in too
    with hospital.db.session() as s:
        appointments.desk_check_in(s, booked["赵一"], hospital.desk, clock, RULES)
        appointments.desk_check_in(
            s, booked["王小明"], hospital.desk, clock, RULES, reason="记错时间"
        )
        with pytest.raises(CheckInRefused, match="cancelled"):
            appointments.desk_check_in(s, booked["孙三"], hospital.desk, clock, RULES, reason="x")
        with pytest.raises(CheckInRefused) as twice:
            appointments.desk_check_in(s, booked["Anna Smith"], hospital.desk, clock, RULES)
        assert twice.value.code == "already_checked_in"
    day, _ = _states(hospital, clock)
    assert day.counts[Arrival.ARRIVED] == 4 and day.counts[Arrival.NO_SHOW] == 0
    assert day.booked == 5
    # early: two hours before the booked time is outside the window too
    with hospital.db.session() as s:
        with pytest.raises(CheckInRefused, match="11:00"):
            appointments.desk_check_in(s, booked["钱二"], hospital.desk, clock, RULES)
        result = appointments.desk_check_in(
            s, booked["钱二"], hospital.desk, clock, RULES, reason="想早点看"
        )
        first = _arrival_event(s, result.visit_id)
        assert first.data["outside_window"] == "early"
