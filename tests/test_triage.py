"""Today's roster with waiting counts, and triage to a department and doctor."""

from __future__ import annotations

import pytest

from app.errors import FrontDeskError, NotFound
from app.models import EventKind, Visit
from app.models.reference import ClinicSession
from app.services import triage, visits

from .helpers import arrival


def test_roster_lists_every_department_with_doctors_on_duty(hospital, clock) -> None:
    with hospital.db.session() as s:
        roster = triage.roster_for_day(s, clock.today())
        morning = triage.roster_for_day(s, clock.today(), only_session=ClinicSession.MORNING)
    assert len(roster) == 12
    assert roster[0].name == ("内科", "Internal Medicine")
    on_duty = sum(len(r.doctors) for r in roster)
    assert 0 < sum(len(r.doctors) for r in morning) <= on_duty
    for dept in morning:
        for doc in dept.doctors:
            assert ClinicSession.MORNING in doc.sessions
            assert doc.specialties[0] and doc.title[1]


def test_waiting_counts_follow_triage_and_stage(hospital, clock, machine) -> None:
    doctor = hospital.doctor_on_duty("IM", clock.today())
    ids = [arrival(hospital, clock, dept=None).visit_id for _ in range(3)]
    with hospital.db.session() as s:
        for v in ids:
            triage.triage(
                s, v, hospital.departments["IM"].id, hospital.desk, clock, doctor_id=doctor.id
            )
        visits.move(s, ids[0], "consultation", hospital.desk, clock, machine)
        roster = triage.roster_for_day(s, clock.today())
    im = next(r for r in roster if r.department_id == hospital.departments["IM"].id)
    assert next(d for d in im.doctors if d.doctor_id == doctor.id).waiting == 2


def test_designated_doctor_is_kept_and_marked(hospital, clock) -> None:
    doctor = hospital.doctor_on_duty("DER", clock.today())
    v = arrival(hospital, clock, dept=None).visit_id
    with hospital.db.session() as s:
        result = triage.triage(
            s,
            v,
            hospital.departments["DER"].id,
            hospital.desk,
            clock,
            doctor_id=doctor.id,
            designated=True,
        )
        visit = s.get(Visit, v)
        last = visits.events_of(s, v)[-1]
    assert result.designated and result.ticket == "G001"
    assert visit.designated_doctor and visit.doctor_id == doctor.id
    assert last.kind == EventKind.TRIAGED
    assert last.data["designated"] is True and last.data["doctor_id"] == doctor.id


def test_designated_needs_a_doctor(hospital, clock) -> None:
    v = arrival(hospital, clock, dept=None).visit_id
    with pytest.raises(FrontDeskError) as info, hospital.db.session() as s:
        triage.triage(s, v, hospital.departments["DER"].id, hospital.desk, clock, designated=True)
    assert info.value.message("en") == "Doctor is required."


def test_doctor_not_on_duty_is_refused_by_name(hospital, clock) -> None:
    off = hospital.doctor_off_duty("SUR", clock.today())
    v = arrival(hospital, clock, dept=None).visit_id
    with pytest.raises(FrontDeskError) as info, hospital.db.session() as s:
        triage.triage(s, v, hospital.departments["SUR"].id, hospital.desk, clock, doctor_id=off.id)
    assert info.value.code == "doctor_not_on_roster"
    assert off.name_en in info.value.message("en") and "General Surgery" in info.value.message("en")
    assert off.name_zh in info.value.message("zh_CN")


def test_changing_department_issues_a_new_ticket_and_keeps_the_old_one(hospital, clock) -> None:
    v = arrival(hospital, clock, dept="IM").visit_id
    with hospital.db.session() as s:
        same = triage.triage(s, v, hospital.departments["IM"].id, hospital.desk, clock)
        moved = triage.triage(s, v, hospital.departments["NEU"].id, hospital.desk, clock)
        last = visits.events_of(s, v)[-1]
    assert same.ticket == "A001"
    assert moved.ticket == "J001"
    assert last.data["previous"]["ticket"] == "A001"


def test_unknown_department_or_doctor(hospital, clock) -> None:
    v = arrival(hospital, clock, dept=None).visit_id
    with pytest.raises(NotFound), hospital.db.session() as s:
        triage.triage(s, v, "nope", hospital.desk, clock)
    other = hospital.doctor_on_duty("IM", clock.today())
    with pytest.raises(NotFound), hospital.db.session() as s:
        triage.triage(
            s, v, hospital.departments["DER"].id, hospital.desk, clock, doctor_id=other.id
        )


def test_session_of_the_day() -> None:
    import datetime as dt

    assert triage.session_at(dt.datetime(2026, 1, 1, 11, 59)) == ClinicSession.MORNING
    assert triage.session_at(dt.datetime(2026, 1, 1, 12, 0)) == ClinicSession.AFTERNOON
    assert triage.session_at(dt.datetime(2026, 1, 1, 17, 30)) == ClinicSession.EVENING
