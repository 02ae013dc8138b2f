"""Every committed local change has exactly one frozen outbox entry, written with it."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.db import Database
from app.errors import ValidationError
from app.models import OutboxEntry
from app.services import escort, registration, triage, visits
from app.services.registration import PatientForm, VisitForm
from app.sync.codec import content_hash

from .harness import sign_in_here


@pytest.fixture
def desk(hospital) -> Database:
    """The hospital's database opened as a synced desk (outbox on)."""
    return Database(hospital.db.engine, outbox=True)


def _walk_in(desk: Database, hospital, clock):  # type: ignore[no-untyped-def]
    """A patient registered at the hospital's kiosk, in one transaction of ``desk``."""
    with desk.session() as s:
        return registration.register_walk_in(
            s,
            PatientForm("王秀英", "F", 67, "13512345678"),
            VisitForm(purpose="consultation", department_id=hospital.departments["IM"].id),
            hospital.kiosk,
            clock,
        )


def _outbox(db: Database) -> list[OutboxEntry]:
    with db.session() as s:
        return list(s.scalars(select(OutboxEntry).order_by(OutboxEntry.device_seq)))


def test_one_entry_per_transaction_with_parents_first(hospital, desk, clock, machine) -> None:
    sign_in_here(desk, hospital.desk.staff_id, hospital.desk.device_id)
    reg = _walk_in(desk, hospital, clock)
    [entry] = _outbox(desk)
    ops = entry.payload["ops"]
    assert [(o["op"], o["t"]) for o in ops] == [
        ("insert", "patients"),
        ("insert", "visits"),
        ("insert", "visit_events"),
    ]
    assert ops[1]["id"] == reg.visit_id
    assert "stage" not in ops[1]["data"]  # derived locally, never sent
    assert ops[0]["data"]["phone"] == "13512345678"
    assert entry.content_hash == content_hash(entry.payload)
    assert entry.device_seq == 1 and entry.state == "pending"

    with desk.session() as s:
        doctor = hospital.doctor_on_duty("IM", clock.today())
        triage.triage(
            s,
            reg.visit_id,
            hospital.departments["IM"].id,
            hospital.desk,
            clock,
            doctor_id=doctor.id,
            designated=True,
        )
    with desk.session() as s:
        escort.claim(s, reg.visit_id, hospital.guide_actor(0), clock)
        visits.move(s, reg.visit_id, "waiting", hospital.guide_actor(0), clock, machine)
    entries = _outbox(desk)
    assert [e.device_seq for e in entries] == [1, 2, 3]
    patch, event = entries[1].payload["ops"]
    assert patch["op"] == "patch" and patch["t"] == "visits"
    assert patch["base_version"] == 1
    assert set(patch["data"]) == {"doctor_id", "designated_doctor"}
    assert event["t"] == "visit_events" and event["data"]["kind"] == "triaged"
    kinds = [o["data"]["kind"] for o in entries[2].payload["ops"]]
    assert kinds == ["claimed", "stage_changed"]


def test_a_failed_transaction_leaves_no_entry(hospital, desk, clock) -> None:
    with pytest.raises(ValidationError), desk.session() as s:
        registration.register_walk_in(
            s, PatientForm("", "F", 67, "1"), VisitForm(), hospital.kiosk, clock
        )
    assert _outbox(desk) == []


def test_reads_and_local_only_changes_queue_nothing(hospital, desk, clock) -> None:
    with desk.session() as s:
        triage.roster_for_day(s, clock.today())
    assert _outbox(desk) == []


def test_a_change_for_a_person_not_signed_in_here_is_refused_before_it_is_saved(
    hospital, desk, clock
) -> None:
    """A staff change names who did it; the desk puts that person's sign-in proof in it —
    and refuses, with a message, a change for somebody who did not sign in on this desk."""
    from app.errors import FrontDeskError
    from app.models import Visit

    with desk.session() as s:
        reg = registration.register_walk_in(
            s,
            None,
            VisitForm(purpose="consultation", department_id=hospital.departments["IM"].id),
            hospital.kiosk,
            clock,
        )
    with pytest.raises(FrontDeskError) as refused, desk.session() as s:
        escort.claim(s, reg.visit_id, hospital.guide_actor(0), clock)
    assert refused.value.code == "not_signed_in"
    assert "请重新登录" in refused.value.message("zh_CN")
    with desk.reading() as s:  # nothing of it was written
        assert s.get(Visit, reg.visit_id).escort_staff_id is None
    assert len(_outbox(desk)) == 1
    sign_in_here(desk, hospital.guides[0].id, hospital.desk.device_id)
    with desk.session() as s:
        escort.claim(s, reg.visit_id, hospital.guide_actor(0), clock)
    claim = _outbox(desk)[-1]
    assert claim.payload["proof"]["staff_id"] == hospital.guides[0].id
    assert claim.payload["proof"] == desk.proofs[hospital.guides[0].id]


def test_a_change_that_breaks_the_row_contract_is_refused_on_the_desk_and_nothing_is_saved(
    hospital, desk, clock
) -> None:
    from app.errors import RowRefused
    from app.models import Patient

    reg = _walk_in(desk, hospital, clock)
    with pytest.raises(RowRefused) as refused, desk.session() as s:
        s.get(Patient, reg.patient_id).district = "区" * 41  # past the contract's 40
    assert (refused.value.params["field"], refused.value.params["rule"]) == (
        "patients.district",
        "string_too_long",
    )
    assert "patients.district" in refused.value.message("zh_CN")
    with desk.reading() as s:
        assert s.get(Patient, reg.patient_id).district == ""
    assert len(_outbox(desk)) == 1
