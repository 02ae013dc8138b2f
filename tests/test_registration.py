"""Walk-ins at the kiosk and arrivals at the desk; returning patients by phone or name."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.errors import ValidationError
from app.models import ArrivalChannel, EventKind, Patient, SourceChannel, Visit
from app.services import registration, visits
from app.services.registration import PatientForm, VisitForm


def _walk_in(hospital, clock, patient=None, **visit):
    visit.setdefault("purpose", "consultation")
    visit.setdefault("department_id", hospital.departments["ENT"].id)
    with hospital.db.session() as s:
        return registration.register_walk_in(
            s,
            patient,
            VisitForm(**visit),
            hospital.kiosk,
            clock,
        )


GOOD = PatientForm("王秀英", "F", 67, "13512345678", "朝阳区", "network")


def test_kiosk_walk_in_is_stored_unverified_with_a_ticket(hospital, clock) -> None:
    result = _walk_in(hospital, clock, GOOD, purpose_text="嗓子疼三天")
    assert result.ticket == "E001"
    assert not result.returning and not result.verified
    with hospital.db.session() as s:
        visit = s.get(Visit, result.visit_id)
        patient = s.get(Patient, result.patient_id)
        assert visit.arrival_channel == ArrivalChannel.KIOSK
        assert visit.source_channel == SourceChannel.NETWORK
        assert visit.purpose_text == "嗓子疼三天"
        assert (patient.name, patient.phone, patient.age, patient.verified) == (
            "王秀英",
            "13512345678",
            67,
            False,
        )
        assert [e.kind for e in visits.events_of(s, visit.id)] == [EventKind.ARRIVED]


def test_kiosk_walk_in_validation_lists_every_problem(hospital, clock) -> None:
    with pytest.raises(ValidationError) as info:
        _walk_in(
            hospital,
            clock,
            PatientForm("", "X", None, "12345", "", "tv"),
            purpose=None,
            department_id=None,
            purpose_text="x" * 201,
        )
    assert info.value.fields() == [
        "name",
        "phone",
        "age",
        "gender",
        "source_channel",
        "purpose",
        "purpose_text",
        "department",
    ]
    with hospital.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Visit)) == 0  # nothing half-stored


def test_declined_consent_stores_nothing_personal_but_still_gets_a_ticket_and_a_guide(
    hospital, clock
) -> None:
    result = _walk_in(hospital, clock, None, purpose_text="私人问题")
    assert result.ticket == "E001" and result.patient_id is None
    with hospital.db.session() as s:
        visit = s.get(Visit, result.visit_id)
        assert visit.needs_escort
        assert visit.purpose_text == ""
        assert s.scalar(select(func.count()).select_from(Patient)) == 0


def test_returning_patient_recognised_by_phone(hospital, clock) -> None:
    first = _walk_in(hospital, clock, GOOD)
    again = _walk_in(
        hospital,
        clock,
        PatientForm("王秀英", "F", 67, "+86 135-1234-5678"),
        department_id=hospital.departments["OPH"].id,
    )
    assert again.returning and again.patient_id == first.patient_id
    with hospital.db.session() as s:
        assert s.get(Visit, again.visit_id).source_channel == SourceChannel.RETURNING
        assert s.scalar(select(func.count()).select_from(Patient)) == 1


def test_desk_arrival_is_verified_and_department_may_wait_for_triage(hospital, clock) -> None:
    with hospital.db.session() as s:
        result = registration.register_arrival(
            s,
            PatientForm("赵强", "M", 72, "13611112222", "东城区", "referral"),
            VisitForm(purpose="treatment", needs_escort=True, vip=True),
            hospital.desk,
            clock,
        )
        visit = s.get(Visit, result.visit_id)
        patient = s.get(Patient, result.patient_id)
    assert result.verified and result.ticket is None
    assert visit.needs_escort and visit.arrival_channel == ArrivalChannel.DESK
    assert patient.vip and patient.verified
    assert visit.created_staff_id == hospital.guides[0].id


def test_desk_arrival_with_designated_doctor_is_marked(hospital, clock) -> None:
    doctor = hospital.doctor_on_duty("ORT", clock.today())
    with hospital.db.session() as s:
        result = registration.register_arrival(
            s,
            PatientForm("钱七", "M", 40, "13611113333"),
            VisitForm(
                purpose="consultation",
                department_id=hospital.departments["ORT"].id,
                doctor_id=doctor.id,
                designated_doctor=True,
            ),
            hospital.desk,
            clock,
        )
        visit = s.get(Visit, result.visit_id)
        kinds = [e.kind for e in visits.events_of(s, visit.id)]
    assert visit.designated_doctor and visit.doctor_id == doctor.id
    assert kinds == [EventKind.ARRIVED, EventKind.TRIAGED]


def test_doctor_from_another_department_is_refused(hospital, clock) -> None:
    doctor = hospital.doctor_on_duty("ORT", clock.today())
    with pytest.raises(ValidationError) as info, hospital.db.session() as s:
        registration.register_arrival(
            s,
            PatientForm("钱七", "M", 40, "13611113333"),
            VisitForm(department_id=hospital.departments["IM"].id, doctor_id=doctor.id),
            hospital.desk,
            clock,
        )
    assert info.value.fields() == ["doctor"]


def test_find_patients_as_you_type_and_update_on_arrival(hospital, clock) -> None:
    kiosk = _walk_in(hospital, clock, GOOD)
    with hospital.db.session() as s:
        assert registration.find_patients(s, phone="135") == []  # too short to search
        by_phone = registration.find_patients(s, phone="13512")
        by_name = registration.find_patients(s, name="王秀")
        assert registration.find_patients(s, name="%") == []  # LIKE wildcards are literal
    assert [m.patient_id for m in by_phone] == [kiosk.patient_id] == [m.patient_id for m in by_name]
    match = by_phone[0]
    assert (match.masked_name, match.masked_phone, match.visits) == ("王*英", "135****5678", 1)
    with hospital.db.session() as s:
        result = registration.register_arrival(
            s,
            PatientForm("王秀英", "F", 68, "13512345678", "海淀区"),
            VisitForm(),
            hospital.desk,
            clock,
            patient_id=match.patient_id,
        )
        patient = s.get(Patient, match.patient_id)
        assert result.returning
        assert (patient.age, patient.district, patient.verified, patient.version) == (
            68,
            "海淀区",
            True,
            2,
        )


def test_guide_verifies_a_kiosk_registration(hospital, clock) -> None:
    result = _walk_in(hospital, clock, GOOD)
    with hospital.db.session() as s:
        registration.verify(s, result.visit_id, hospital.desk, clock)
        registration.verify(s, result.visit_id, hospital.desk, clock)  # once is enough
        visit = s.get(Visit, result.visit_id)
        assert visit.verified and s.get(Patient, result.patient_id).verified
        kinds = [e.kind for e in visits.events_of(s, visit.id)]
    assert kinds.count(EventKind.VERIFIED) == 1
