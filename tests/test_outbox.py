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


@pytest.fixture
def desk(hospital) -> Database:
    """The hospital's database opened as a synced desk (outbox on)."""
    return Database(hospital.db.engine, outbox=True)


def _outbox(db: Database) -> list[OutboxEntry]:
    with db.session() as s:
        return list(s.scalars(select(OutboxEntry).order_by(OutboxEntry.device_seq)))


def test_one_entry_per_transaction_with_parents_first(hospital, desk, clock, machine) -> None:
    with desk.session() as s:
        reg = registration.register_walk_in(
            s,
            PatientForm("王秀英", "F", 67, "13512345678"),
            VisitForm(purpose="consultation", department_id=hospital.departments["IM"].id),
            hospital.kiosk,
            clock,
        )
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
