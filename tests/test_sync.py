"""Desks and kiosks syncing through the real server on 127.0.0.1, real SQLite files."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
import requests
from sqlalchemy import func, select

from app.errors import EscortConflict
from app.models import (
    Appointment,
    EventFlag,
    OutboxEntry,
    Patient,
    Visit,
    VisitEvent,
)
from app.services import checkin, escort, registration, triage, visits
from app.services.registration import PatientForm, VisitForm
from app.services.stages import StageMachine
from app.sync.client import Unauthorized, Unreachable
from app.sync.codec import content_hash
from server.process import frontdesk_command

from .harness import Desk, DeskMaker, ServerProcess

MACHINE = StageMachine()


@pytest.fixture
def server(any_server):
    return any_server


@pytest.fixture
def desks(server: ServerProcess, tmp_path: Path):
    maker = DeskMaker(server, tmp_path)
    yield maker
    maker.close()


def _count(db, model) -> int:
    with db.reading() as s:
        return int(s.scalar(select(func.count()).select_from(model)))


def _server_appointment(server: ServerProcess) -> tuple[str, str, str]:
    """(id, code, phone) of an appointment the demo hospital has today."""
    db = server.database()
    try:
        with db.reading() as s:
            a = s.scalars(select(Appointment).order_by(Appointment.scheduled_at)).first()
            return a.id, a.checkin_code, a.patient_phone
    finally:
        db.close()


def test_kiosk_checkin_reaches_the_staff_desks_and_a_claim_is_refused_for_the_other(
    server, desks
) -> None:
    kiosk, a, b = desks("kiosk", "lobby-1"), desks("staff", "desk-a"), desks("staff", "desk-b")
    appt_id, code, phone = _server_appointment(server)
    # The kiosk holds no readable code, phone or name, yet checks in offline-capable.
    with kiosk.db.reading() as s:
        held = s.get(Appointment, appt_id)
        assert held.checkin_code != code and held.patient_phone != phone
        assert "*" in held.patient_name
    with kiosk.db.session() as s:
        view = checkin.find_by_code(s, code.lower(), kiosk.clock, key=kiosk.kiosk_key())
        by_phone = checkin.find_by_phone(
            s, phone, view.masked_name[0], kiosk.clock, key=kiosk.kiosk_key()
        )
        assert [v.appointment_id for v in by_phone] == [appt_id]
        result = checkin.check_in(
            s,
            view.appointment_id,
            kiosk.actor,
            kiosk.clock,
            channel="kiosk",
            enforce_window=False,
            standalone=False,
        )
    kiosk.sync()
    for desk in (a, b):
        desk.sync()
        with desk.db.reading() as s:
            visit = s.get(Visit, result.visit_id)
            assert visit is not None and visit.ticket == result.ticket
            assert visit.stage == "registered"
    guide_a, guide_b = a.staff("guide.zhang"), b.staff("guide.wang")
    with a.db.session() as s:
        escort.claim(s, result.visit_id, guide_a, a.clock)
    a.sync()
    b.sync()
    with pytest.raises(EscortConflict) as info, b.db.session() as s:
        escort.claim(s, result.visit_id, guide_b, b.clock)
    assert info.value.params["holder"] == "张丽"


def test_a_claim_race_is_decided_by_the_server_and_the_loser_keeps_its_events(
    server, desks
) -> None:
    a, b = desks("staff", "desk-a"), desks("staff", "desk-b")
    guide_a, guide_b = a.staff("guide.zhang"), b.staff("guide.wang")
    with a.db.session() as s:
        reg = registration.register_arrival(
            s,
            PatientForm("赵强", "M", 72, "13611112222"),
            VisitForm(department_id=_dept(s, "IM")),
            guide_a,
            a.clock,
            standalone=False,
        )
    a.sync()
    b.sync()
    # B is offline: claims and moves the patient; A claims online first.
    with b.db.session() as s:
        escort.claim(s, reg.visit_id, guide_b, b.clock)
        visits.move(s, reg.visit_id, "waiting", guide_b, b.clock, MACHINE)
    with a.db.session() as s:
        escort.claim(s, reg.visit_id, guide_a, a.clock)
    a.sync()
    b.sync()  # B reconnects
    status = b.engine.status
    [lost] = [c for c in status.conflicts if c.clashes[0].reason == "claimed_by_other"]
    assert lost.clashes[0].holder_name == "张丽"
    for desk in (a, b):
        desk.sync()
        with desk.db.reading() as s:
            state = visits.state_of(s, reg.visit_id)
            assert state.escort_staff_id == guide_a.staff_id  # the board shows A
            flagged = {f.reason for f in s.scalars(select(EventFlag))}
            assert flagged == {"claimed_by_other", "claim_lost"}
            kinds = [e.kind for e in visits.events_of(s, reg.visit_id)]
            assert kinds.count("claimed") == 2 and "stage_changed" in kinds  # nothing dropped


def _dept(session, code: str) -> str:
    from app.models import Department

    return session.scalars(select(Department.id).where(Department.code == code)).one()


def test_offline_desks_keep_working_and_converge_when_the_server_returns(server, desks) -> None:
    kiosk, a = desks("kiosk", "lobby-1"), desks("staff", "desk-a")
    guide = a.staff("guide.li")
    server.kill()
    _, code, _ = _server_appointment(server)
    with kiosk.db.session() as s:
        view = checkin.find_by_code(s, code, kiosk.clock, key=kiosk.kiosk_key())
        kiosk_visit = checkin.check_in(
            s,
            view.appointment_id,
            kiosk.actor,
            kiosk.clock,
            channel="kiosk",
            enforce_window=False,
            standalone=False,
        ).visit_id
        walk_in = registration.register_walk_in(
            s,
            PatientForm("王秀英", "F", 67, "13512345678"),
            VisitForm(purpose="consultation", department_id=_dept(s, "ENT")),
            kiosk.actor,
            kiosk.clock,
            standalone=False,
        )
    with a.db.session() as s:
        desk_visit = registration.register_arrival(
            s,
            PatientForm("李雷", "M", 30, "13700001111"),
            VisitForm(),
            guide,
            a.clock,
            standalone=False,
        ).visit_id
        triage.triage(s, desk_visit, _dept(s, "DER"), guide, a.clock, standalone=False)
        escort.claim(s, desk_visit, guide, a.clock)
        visits.advance(s, desk_visit, guide, a.clock, MACHINE)
    with pytest.raises(Unreachable):
        a.engine.push_once()
    status = a.engine.status
    assert status.online is False and status.pending == 1  # one transaction, one entry
    assert "Offline for 0 min · 1 changes waiting" in status.describe(
        a.clock.now(), a.clock.tz, "en"
    )
    server.start()
    kiosk.sync()
    a.sync()
    a.sync()
    with a.db.reading() as s:
        assert {kiosk_visit, walk_in.visit_id, desk_visit} <= set(s.scalars(select(Visit.id)))
        assert (
            s.scalar(
                select(func.count()).select_from(OutboxEntry).where(OutboxEntry.state == "pending")
            )
            == 0
        )
    _assert_converged(server, [a])


def _assert_converged(server: ServerProcess, staff_desks: list[Desk]) -> None:
    """Every staff desk holds exactly the server's visits, events and patients."""
    db = server.database()
    try:
        with db.reading() as s:
            expected = {
                model.__tablename__: set(s.scalars(select(model.id)))
                for model in (Visit, VisitEvent, Patient)
            }
    finally:
        db.close()
    for desk in staff_desks:
        with desk.db.reading() as s:
            held = {
                model.__tablename__: set(s.scalars(select(model.id)))
                for model in (Visit, VisitEvent, Patient)
            }
        assert held == expected, desk.name


def test_duplicate_pushes_and_lost_responses_change_nothing(server, desks) -> None:
    a = desks("staff", "desk-a")
    a.arrive("李雷", "13700001111")
    body = a.outbox_bodies()
    first = a.engine.client.push(body)  # the desk never saw this answer (timeout)...
    second = a.engine.client.push(body)  # ...so it sends the same batch again
    assert first["results"][0]["status"] == "applied"
    assert second["results"][0]["status"] == "duplicate"
    a.sync()  # and the real engine sends it a third time
    with a.db.reading() as s:
        assert s.scalars(select(OutboxEntry.state)).one() == "duplicate"
    db = server.database()
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Visit)) == 1
        assert s.scalar(select(func.count()).select_from(VisitEvent)) == 1
    db.close()
    # the same mutation id with other content is refused, the original untouched
    tampered = [{**body[0], "payload": {"ops": body[0]["payload"]["ops"][:1]}}]
    tampered[0]["content_hash"] = content_hash(tampered[0]["payload"])
    answer = a.engine.client.push(tampered)["results"][0]
    assert (answer["status"], answer["code"]) == ("rejected", "id_reuse")


def _notes(desk: Desk, count: int, text: str = "复诊") -> None:
    """One arrival, then ``count - 1`` notes on it: ``count`` outbox entries."""
    visit_id = desk.arrive("李雷", "13700001111").visit_id
    for i in range(count - 1):
        with desk.db.session() as s:
            visits.note(s, visit_id, f"{text}{i}"[-500:], desk.staff("guide.li"), desk.clock)


class PushSpy:
    """Watches a desk's real pushes: how many are on the wire at once, which batch reads
    happen while one is, and what the server refused."""

    def __init__(self, desk: Desk) -> None:
        self.on_wire = self.most_on_wire = self.reads_meanwhile = 0
        self.errors: list[str] = []
        engine, push, read = desk.engine, desk.engine.client.push, desk.engine.pusher.next_batch

        def pushing(batch, batch_id="", released_through=0):
            self.on_wire += 1
            self.most_on_wire = max(self.most_on_wire, self.on_wire)
            try:
                return push(batch, batch_id, released_through)
            except Exception as exc:
                self.errors.append(str(exc))
                raise
            finally:
                self.on_wire -= 1

        def reading(after=None):
            self.reads_meanwhile += self.on_wire
            return read(after)

        engine.client.push, engine.pusher.next_batch = pushing, reading


def test_a_backlog_goes_one_batch_at_a_time_while_the_desk_prepares_the_next(server, desks) -> None:
    a = desks("staff", "desk-a")
    _notes(a, 1200)
    a.engine.pusher.batch_size = 100  # then 200, 400, 500: four batches
    spy = PushSpy(a)
    assert a.engine.push_pending() == 1200
    assert spy.most_on_wire == 1  # the server sees the desk's order, never two at once
    assert spy.reads_meanwhile >= 3  # each batch after the first was read during a push
    with a.db.reading() as s:
        assert set(s.scalars(select(OutboxEntry.state))) <= {"applied", "duplicate"}
    db = server.database()
    with db.reading() as s:
        from server.models import AppliedMutation

        got = s.scalars(
            select(AppliedMutation.device_seq).where(
                AppliedMutation.device_id == a.identity.device_id
            )
        ).all()
    db.close()
    assert sorted(got) == list(range(1, 1201))


def test_a_batch_too_big_for_the_server_goes_again_in_smaller_ones(server, desks) -> None:
    a = desks("staff", "desk-a")
    _notes(a, 600, "𠀀" * 499)  # notes as long as a note may be, four bytes a character
    spy = PushSpy(a)
    assert a.engine.push_pending() == 600
    assert any("HTTP 413" in e for e in spy.errors)
    assert a.engine.pending_count() == 0


def test_out_of_order_mutations_wait_for_the_missing_one(server, desks) -> None:
    a = desks("staff", "desk-a")
    for name in ("甲", "乙"):
        with a.db.session() as s:
            registration.register_arrival(
                s,
                PatientForm(f"张{name}", "M", 30, "13700001111"),
                VisitForm(),
                a.staff("guide.li"),
                a.clock,
            )
    with a.db.reading() as s:
        first, second = (
            {
                "mutation_id": e.mutation_id,
                "device_seq": e.device_seq,
                "payload": e.payload,
                "content_hash": e.content_hash,
            }
            for e in s.scalars(select(OutboxEntry).order_by(OutboxEntry.device_seq))
        )
    answer = a.engine.client.push([second])
    assert answer["results"][0]["status"] == "deferred"
    assert answer["acked_through_device_seq"] == 0
    answer = a.engine.client.push([second, first])
    assert [r["status"] for r in answer["results"]] == ["applied", "applied"]
    assert answer["acked_through_device_seq"] == 2


def _hand_made(seq: int, payload: dict) -> dict:
    from app.ids import new_id

    return {
        "mutation_id": new_id(),
        "device_seq": seq,
        "payload": payload,
        "content_hash": content_hash(payload),
    }


def _patch(table: str, row_id: str, data: dict) -> dict:
    return {"ops": [{"op": "patch", "t": table, "id": row_id, "base_version": 1, "data": data}]}


def test_changes_naming_a_row_still_to_come_wait_for_it(server, desks, tmp_path) -> None:
    """After a restore a desk may send changes on a visit or a patient the server does not
    have yet: the desk that made them is still to send them again.  They wait, answered
    applied; the push that brings the row applies them as the changes of the desk that made
    them.  One that breaks the row contract never waits: it is refused at once and undone on
    its desk.  One that waits a week in vain is refused and undone."""
    import copy

    from app.ids import new_id
    from server.models import AppliedMutation, ChangeLog, WaitingMutation

    a, b = desks("staff", "desk-a"), desks("staff", "desk-b")
    with b.db.session() as s:  # b's walk-in, not sent yet
        reg = registration.register_arrival(
            s,
            PatientForm("王芳", "F", 66, "13700003333"),
            VisitForm(),
            b.staff("guide.li"),
            b.clock,
        )
    with a.db.session() as s:  # a note of a's, made to name b's visit (as after a restore)
        own = registration.register_arrival(
            s,
            PatientForm("赵丁", "M", 40, "13700004444"),
            VisitForm(),
            a.staff("guide.wang"),
            a.clock,
        )
    with a.db.session() as s:
        visits.note(s, own.visit_id, "轮椅", a.staff("guide.wang"), a.clock)
    with a.db.reading() as s:
        note = copy.deepcopy(
            s.scalars(select(OutboxEntry.payload).order_by(OutboxEntry.device_seq)).all()[-1]
        )
    (op,) = note["ops"]
    op["data"]["visit_id"] = reg.visit_id
    stray = new_id()  # an event on a visit that will never come
    lost = {"op": "insert", "t": "visit_events", "id": stray}
    lost["data"] = {**op["data"], "id": stray, "visit_id": new_id()}
    pushed = [
        _hand_made(1, note),
        _hand_made(2, _patch("patients", reg.patient_id, {"district": "黄浦区"})),
        _hand_made(3, _patch("visits", reg.visit_id, {"day": "2020-01-01"})),  # not allowed
        _hand_made(4, {"ops": [lost], "proof": note["proof"]}),  # guide.wang's, as the note
    ]
    answer = a.engine.client.push(pushed)
    statuses = [r["status"] for r in answer["results"]]
    assert statuses == ["applied", "applied", "rejected", "applied"]
    assert answer["results"][2]["code"] == "invalid_data"
    assert answer["results"][2]["field"] == "visits.day"
    assert answer["results"][2]["rule"] == "not_patchable"
    waited = [answer["results"][i]["waiting_for"]["table"] for i in (0, 1, 3)]
    assert waited == ["visits", "patients", "visits"]
    assert answer["acked_through_device_seq"] == 4

    b.sync()  # b's walk-in arrives: what waited for it goes on
    a_id = a.identity.device_id
    db = server.database()
    try:
        with db.reading() as s:
            assert s.get(VisitEvent, op["id"]).visit_id == reg.visit_id
            assert s.get(Patient, reg.patient_id).district == "黄浦区"
            assert s.get(Visit, reg.visit_id).day != dt.date(2020, 1, 1)
            (left,) = s.scalars(select(WaitingMutation)).all()  # the fourth: its visit never came
            assert left.mutation_id == pushed[3]["mutation_id"]
            origin = s.scalars(
                select(ChangeLog.origin_device_id).where(ChangeLog.entity_id == op["id"])
            ).all()
            assert origin and set(origin) == {a_id}
            undone = s.execute(
                select(ChangeLog.entity_type, ChangeLog.entity_id, ChangeLog.op).where(
                    ChangeLog.scope == f"device:{a_id}"
                )
            ).all()
            # refused while the server had no such visit: the desk is told it has none
            assert [tuple(u) for u in undone] == [("visits", reg.visit_id, "gone")]
    finally:
        db.close()
    again = a.engine.client.push(pushed[:3])
    assert [r["status"] for r in again["results"]] == ["duplicate", "duplicate", "rejected"]
    assert again["results"][2]["code"] == "invalid_data"
    assert [r.get("waited", False) for r in again["results"]] == [True, True, False]

    db = server.database()  # a week later
    with db.session() as s:
        s.get(WaitingMutation, (a_id, pushed[3]["mutation_id"])).received_at -= dt.timedelta(days=8)
    db.close()
    from .test_server_cli import _frontdesk

    out = _frontdesk("server-admin", "--database-url", server.database_url, "prune", data=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "1 changes waited in vain" in out.stdout
    db = server.database()
    try:
        with db.reading() as s:
            assert s.scalars(select(WaitingMutation)).all() == []
            done = s.get(AppliedMutation, (a_id, pushed[3]["mutation_id"]))
            assert done.result["status"] == "rejected" and done.result["code"] == "missing_parent"
            gone = s.execute(
                select(ChangeLog.entity_id, ChangeLog.op).where(
                    ChangeLog.scope == f"device:{a_id}", ChangeLog.entity_type == "visit_events"
                )
            ).all()
            assert [tuple(g) for g in gone] == [(stray, "gone")]
    finally:
        db.close()


def test_a_poison_mutation_is_quarantined_and_does_not_block_the_next(server, desks) -> None:
    a = desks("staff", "desk-a")
    with a.db.session() as s:
        reg = registration.register_arrival(
            s,
            PatientForm("李雷", "M", 30, "13700001111"),
            VisitForm(department_id=_dept(s, "IM")),
            a.staff("guide.li"),
            a.clock,
            standalone=False,
        )
    a.sync()
    # A second visit claiming the same ticket number: the server's unique key trips.
    with a.db.reading() as s:
        v = s.get(Visit, reg.visit_id)
        from app.sync.codec import row_to_dict

        clone = row_to_dict(v)
    clone["id"] = "01900000-0000-7000-8000-000000000001"
    poison = {
        "ops": [{"op": "insert", "t": "visits", "id": clone["id"], "data": clone}],
        "proof": a.db.proofs[clone["created_staff_id"]],  # guide.li's, signed in on desk a
    }
    answer = a.engine.client.push(
        [
            {
                "mutation_id": "01900000-0000-7000-8000-00000000000a",
                "device_seq": 2,
                "payload": poison,
                "content_hash": content_hash(poison),
            }
        ]
    )
    assert answer["results"][0]["status"] == "quarantined"
    # the answer says why, in the database's words and without the row's values
    reason = answer["results"][0]["reason"]  # sqlite3's IntegrityError, psycopg's UniqueViolation
    assert reason.split(":")[0] in ("IntegrityError", "UniqueViolation")
    assert "unique" in reason.lower()
    assert "李雷" not in str(answer)
    with a.db.session() as s:  # the desk's next change still goes through
        registration.register_arrival(
            s,
            PatientForm("韩梅梅", "F", 30, "13700002222"),
            VisitForm(),
            a.staff("guide.li"),
            a.clock,
        )
    # (the desk's own outbox numbers collide with the hand-made seq 2; start from 3)
    with a.db.session(record=False) as s:
        e = s.scalars(select(OutboxEntry).where(OutboxEntry.state == "pending")).one()
        e.device_seq = 3
    a.sync()
    with a.db.reading() as s:
        assert s.scalars(select(OutboxEntry.state).where(OutboxEntry.device_seq == 3)).one() == (
            "applied"
        )
    db = server.database()
    with db.reading() as s:
        from server.models import ChangeLog, Quarantine

        q = s.scalars(select(Quarantine)).one()
        assert q.raw["payload"] == poison and q.error == answer["results"][0]["reason"]
        undone = s.execute(
            select(ChangeLog.entity_type, ChangeLog.entity_id, ChangeLog.op).where(
                ChangeLog.scope == f"device:{a.identity.device_id}"
            )
        ).all()
        assert [tuple(u) for u in undone] == [("visits", clone["id"], "gone")]  # undone there
    db.close()


def test_field_edits_merge_and_overlaps_keep_the_servers_value(server, desks) -> None:
    a, b = desks("staff", "desk-a"), desks("staff", "desk-b")
    reg = a.arrive("赵强", "13611112222")
    a.sync()
    b.sync()
    with a.db.session() as s:
        p = s.get(Patient, reg.patient_id)
        p.district, p.version = "海淀区", p.version + 1
    with b.db.session() as s:
        p = s.get(Patient, reg.patient_id)
        p.age, p.version = 73, p.version + 1
    a.sync()
    b.sync()
    a.sync()
    for desk in (a, b):
        with desk.db.reading() as s:
            p = s.get(Patient, reg.patient_id)
            assert (p.district, p.age, p.version) == ("海淀区", 73, 3)
    # both change the same field: the first to arrive stands, the second is told
    with a.db.session() as s:
        p = s.get(Patient, reg.patient_id)
        p.district, p.version = "朝阳区", p.version + 1
    with b.db.session() as s:
        p = s.get(Patient, reg.patient_id)
        p.district, p.version = "东城区", p.version + 1
    a.sync()
    b.sync()
    [told] = [c for c in b.engine.status.conflicts if c.clashes[0].reason == "changed_meanwhile"]
    assert told.clashes[0].fields == {"district": "朝阳区"}
    for desk in (a, b):
        desk.sync()
        with desk.db.reading() as s:
            assert s.get(Patient, reg.patient_id).district == "朝阳区"


def test_kiosk_scope_holds_no_patient_data_on_the_wire_or_on_disk(server, desks) -> None:
    a, kiosk = desks("staff", "desk-a"), desks("kiosk", "lobby-1")
    a.arrive("赵强", "13611112222")
    a.sync()
    page = kiosk.engine.client.changes(0, limit=2000)
    types = {c["entity_type"] for c in page["changes"]}
    public = {"departments", "doctors", "roster_slots", "survey_definitions", "appointments"}
    assert types <= public | {"calendar_days", "calendar_years"}  # never a case, nor a patient
    wire = str(page)
    db = server.database()
    with db.reading() as s:
        appts = s.scalars(select(Appointment)).all()
    db.close()
    for appt in appts:
        assert appt.patient_phone not in wire and appt.checkin_code not in wire
    held = [c["data"] for c in page["changes"] if c["entity_type"] == "appointments"]
    assert len(held) == len(appts)
    for row in held:
        assert "*" in row["patient_name"] and row["patient_age"] is None
    assert "13611112222" not in wire and "赵强" not in wire and "password_hash" not in wire
    kiosk.sync()
    raw = (Path(kiosk.db.engine.url.database)).read_bytes()
    for appt in appts:
        assert appt.patient_phone.encode() not in raw
    assert _count(kiosk.db, Patient) == 0


def test_every_endpoint_refuses_missing_wrong_and_revoked_tokens(server, desks) -> None:
    kiosk = desks("kiosk", "lobby-1")
    endpoints = [
        ("GET", "/sync/v1/changes"),
        ("POST", "/sync/v1/push"),
        ("POST", "/sync/v1/tickets/lease"),
        ("GET", "/api/v1/devices/me"),
        ("POST", "/api/v1/devices/heartbeat"),
        ("POST", "/api/v1/staff/sign-in"),
        ("GET", "/api/v1/admin/devices"),
        ("GET", "/api/v1/openapi.json"),
    ]
    for method, path in endpoints:
        for headers in ({}, {"Authorization": "Bearer nonsense"}, {"Authorization": "Basic x"}):
            r = requests.request(method, server.url + path, headers=headers, json={}, timeout=5)
            assert r.status_code == 401, (method, path, headers)
    assert requests.get(server.url + "/api/v1/health", timeout=5).ok
    for open_page in ("/docs", "/redoc", "/openapi.json"):
        assert requests.get(server.url + open_page, timeout=5).status_code == 404
    schema = kiosk.engine.client.http.get(server.url + "/api/v1/openapi.json", timeout=5).json()
    assert "/sync/v1/push" in schema["paths"] and "/sync/v1/changes" in schema["paths"]
    # a director revokes the kiosk: it is stopped at once
    director = desks("staff", "office")
    token = director.engine.client.sign_in("director.sun", "demo-1234")["staff_token"]
    r = director.engine.client.http.post(
        f"{server.url}/api/v1/admin/devices/{kiosk.identity.device_id}/revoke",
        headers={"X-Staff-Token": token},
        timeout=5,
    )
    assert r.ok
    with pytest.raises(Unauthorized, match="revoked"):
        kiosk.engine.client.changes(0)
    r = requests.get(
        server.url + "/sync/v1/changes",
        headers={"Authorization": f"Bearer {kiosk.identity.token}"},
        timeout=5,
    )
    assert r.status_code == 403


def test_a_kiosk_may_not_write_what_only_guides_write(server, desks) -> None:
    kiosk, a = desks("kiosk", "lobby-1"), desks("staff", "desk-a")
    reg = a.arrive("赵强", "13611112222")
    a.sync()
    claim = {
        "ops": [
            {
                "op": "insert",
                "t": "visit_events",
                "id": "01900000-0000-7000-8000-0000000000c1",
                "data": {
                    "id": "01900000-0000-7000-8000-0000000000c1",
                    "visit_id": reg.visit_id,
                    "kind": "claimed",
                    "stage": None,
                    "staff_id": None,
                    "to_staff_id": None,
                    "device_id": kiosk.identity.device_id,
                    "occurred_at": "2026-11-23T01:00:00Z",
                    "supersedes_id": None,
                    "data": {},
                },
            }
        ]
    }
    patch = {
        "ops": [
            {
                "op": "patch",
                "t": "patients",
                "id": reg.patient_id,
                "base_version": 1,
                "data": {"name": "x"},
            }
        ]
    }
    for seq, payload in enumerate((claim, patch), start=1):
        answer = kiosk.engine.client.push(
            [
                {
                    "mutation_id": f"01900000-0000-7000-8000-00000000001{seq}",
                    "device_seq": seq,
                    "payload": payload,
                    "content_hash": content_hash(payload),
                }
            ]
        )
        assert answer["results"][0]["status"] == "rejected"
        assert answer["results"][0]["code"] == "forbidden"


@pytest.mark.parametrize(
    ("path", "params_or_body"),
    [
        ("/sync/v1/changes", {"cursor": "1; DROP TABLE change_log"}),
        ("/sync/v1/changes", {"cursor": -1}),
        ("/sync/v1/changes", {"limit": 10**9}),
        (
            "/sync/v1/tickets/lease",
            {"department_id": "' OR 1=1 --", "day": "2026-11-23", "count": 5},
        ),
        ("/sync/v1/tickets/lease", {"department_id": "x", "day": "yesterday", "count": 5}),
        (
            "/sync/v1/push",
            {
                "mutations": [
                    {
                        "mutation_id": "x",
                        "device_seq": 1,
                        "payload": {"ops": "DROP TABLE visits"},
                        "content_hash": "x",
                    }
                ]
            },
        ),
    ],
)
def test_hostile_input_gets_a_clear_4xx_never_a_500(server, desks, path, params_or_body) -> None:
    kiosk = desks("kiosk", "lobby-1")
    headers = {"Authorization": f"Bearer {kiosk.identity.token}"}
    if path == "/sync/v1/changes":
        r = requests.get(server.url + path, params=params_or_body, headers=headers, timeout=5)
    else:
        r = requests.post(server.url + path, json=params_or_body, headers=headers, timeout=5)
    if r.status_code == 200:  # a push is answered per mutation
        assert r.json()["results"][0]["status"] == "rejected"
    else:
        assert 400 <= r.status_code < 500, r.text
    big = requests.post(
        server.url + "/sync/v1/push",
        data=b"x" * (2 * 1024 * 1024),
        headers={**headers, "Content-Type": "application/json"},
        timeout=10,
    )
    assert big.status_code == 413


def test_staff_sign_in_locks_after_repeated_failures(server, desks) -> None:
    a, kiosk = desks("staff", "desk-a"), desks("kiosk", "lobby-1")
    ok = a.engine.client.sign_in("guide.li", "demo-1234")
    assert ok["display_name"] == "李娜" and ok["staff_token"]
    for _ in range(5):
        with pytest.raises(Unauthorized):
            a.engine.client.sign_in("guide.li", "wrong")
    r = a.engine.client.http.post(
        server.url + "/api/v1/staff/sign-in",
        json={"username": "guide.li", "password": "demo-1234"},
        timeout=5,
    )
    assert r.status_code == 423
    with pytest.raises(Unauthorized, match="staff desks only"):
        kiosk.engine.client.sign_in("guide.li", "demo-1234")


def test_heartbeats_show_a_silent_kiosk_to_the_director(server, desks) -> None:
    kiosk, office = desks("kiosk", "lobby-1"), desks("staff", "office")
    kiosk.engine.client.heartbeat(printer_state="paper_out", pending_changes=3)
    token = office.engine.client.sign_in("director.sun", "demo-1234")["staff_token"]
    rows = office.engine.client.http.get(
        server.url + "/api/v1/admin/devices", headers={"X-Staff-Token": token}, timeout=5
    ).json()
    [k] = [r for r in rows if r["device_id"] == kiosk.identity.device_id]
    assert (k["printer_state"], k["pending_changes"], k["program_version"]) == (
        "paper_out",
        3,
        "0.1.0",
    )
    assert k["silent_minutes"] is not None and k["silent_minutes"] < 1
    guide = office.engine.client.sign_in("guide.li", "demo-1234")["staff_token"]
    r = office.engine.client.http.get(
        server.url + "/api/v1/admin/devices", headers={"X-Staff-Token": guide}, timeout=5
    )
    assert r.status_code == 403


def test_reference_data_edited_centrally_reaches_every_desk(server, desks) -> None:
    a, kiosk = desks("staff", "desk-a"), desks("kiosk", "lobby-1")
    office = desks("staff", "office")
    token = office.engine.client.sign_in("director.sun", "demo-1234")["staff_token"]
    dept = _dept_row(a)
    r = office.engine.client.http.put(
        f"{server.url}/api/v1/admin/reference/departments/{dept}",
        json={"room": "250", "directions_zh": "乘电梯到2楼，左转第一间。"},
        headers={"X-Staff-Token": token},
        timeout=5,
    )
    assert r.ok, r.text
    for desk in (a, kiosk):
        desk.sync()
        with desk.db.reading() as s:
            from app.models import Department

            d = s.get(Department, dept)
            assert (d.room, d.directions_zh, d.version) == ("250", "乘电梯到2楼，左转第一间。", 2)


def _dept_row(desk: Desk) -> str:
    with desk.db.reading() as s:
        return _dept(s, "IM")


def test_leased_ticket_numbers_never_collide_between_kiosks(server, desks) -> None:
    k1, k2 = desks("kiosk", "lobby-1"), desks("kiosk", "lobby-2")
    server.kill()  # both offline all morning
    tickets_seen = []
    for k in (k1, k2):
        for _i in range(30):
            with k.db.session() as s:
                r = registration.register_walk_in(
                    s,
                    None,
                    VisitForm(purpose="consultation", department_id=_dept(s, "IM")),
                    k.actor,
                    k.clock,
                    standalone=False,
                )
                tickets_seen.append(r.ticket)
    assert len(set(tickets_seen)) == 60
    server.start()
    for k in (k1, k2):
        k.sync()
        assert k.engine.status.pending == 0
    db = server.database()
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Visit)) == 60
    db.close()


def back_up(server: ServerProcess, backup: Path) -> None:
    """Last night's backup of the server's SQLite file."""
    src = sqlite3.connect(server.database_url.split("///", 1)[1])
    dst = sqlite3.connect(backup)
    src.backup(dst)
    src.close()
    dst.close()


def restore(server: ServerProcess, backup: Path) -> None:
    """The server's disk dies; the backup comes back as a director would bring it: the file
    in place, ``server-admin new-epoch``, the server started again."""
    import subprocess

    server.kill()
    live = Path(server.database_url.split("///", 1)[1])
    for suffix in ("", "-wal", "-shm"):
        Path(f"{live}{suffix}").unlink(missing_ok=True)
    backup.replace(live)
    subprocess.run(
        [
            *frontdesk_command(),
            "--data-dir",
            str(server.workdir),
            "server-admin",
            "--database-url",
            server.database_url,
            "new-epoch",
        ],
        check=True,
        capture_output=True,
    )
    server.start()


def test_a_server_restored_from_backup_gets_every_change_again(sqlite_server, tmp_path) -> None:
    server = sqlite_server
    a = Desk.enroll(server, tmp_path / "desk-a", "staff", "desk-a")
    a.sync()
    backup = tmp_path / "backup.db"
    back_up(server, backup)
    ids = []
    for i in range(3):
        with a.db.session() as s:
            ids.append(
                registration.register_arrival(
                    s,
                    PatientForm(f"张{'甲乙丙'[i]}", "M", 30, "13700001111"),
                    VisitForm(),
                    a.staff("guide.li"),
                    a.clock,
                ).visit_id
            )
        a.sync()
    restore(server, backup)
    a.sync()
    a.sync()
    db = server.database()
    with db.reading() as s:
        assert set(ids) <= set(s.scalars(select(Visit.id)))
    db.close()
    _assert_converged(server, [a])
    a.close()


def test_a_desk_that_let_go_of_answered_changes_numbers_on_and_is_not_stalled_by_a_restore(
    sqlite_server, tmp_path
) -> None:
    """A kiosk lets go of each change the server answered (issue 25).  Its numbering goes on
    above what it let go — the server would refuse a number twice —, and a server restored
    from a backup older than those changes does not wait for them for ever: the desk says
    how far it let go, and the server skips to it."""
    from app.sync.outbox import let_go

    server = sqlite_server
    k = Desk.enroll(server, tmp_path / "kiosk", "kiosk", "lobby-1")
    k.sync()
    k.engine.ensure_leases()
    backup = tmp_path / "backup.db"
    back_up(server, backup)
    first = [k.walk_in() for _ in range(3)]
    k.sync()
    with k.db.session(record=False) as s:
        assert let_go(s) == 3
    with k.db.reading() as s:
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 0
    after = k.walk_in()
    k.sync()
    with k.db.reading() as s:
        entry = s.scalars(select(OutboxEntry)).one()
        assert (entry.device_seq, entry.state) == (4, "applied")  # not 1, refused as seq_reuse
    restore(server, backup)  # knows none of the four; the kiosk holds only the last
    with k.db.session(record=False) as s:
        let_go(s)
    latest = k.walk_in()
    for _ in range(3):
        k.sync()
    with k.db.reading() as s:
        assert set(s.scalars(select(OutboxEntry.state))) <= {"applied", "duplicate"}
    db = server.database()
    with db.reading() as s:
        held = set(s.scalars(select(Visit.id)))
    db.close()
    assert latest in held and not held & {*first, after}  # let go before the restore: gone
    k.close()


def test_pull_long_poll_wakes_on_a_push_within_a_second(server, desks) -> None:
    import threading
    import time

    kiosk, a = desks("kiosk", "lobby-1"), desks("staff", "desk-a")
    a.sync()
    got: dict[str, float] = {}

    def wait_for_it() -> None:
        n, _ = a.engine.pull_once(wait=10)
        got["n"] = n
        got["t"] = time.perf_counter()

    t = threading.Thread(target=wait_for_it)
    t.start()
    time.sleep(0.5)  # the pull is parked
    kiosk.walk_in()
    start = time.perf_counter()
    kiosk.engine.push_once()
    t.join(15)
    assert got["n"] >= 2  # the visit and its event
    assert got["t"] - start < 1.0


def test_clock_far_off_on_a_desk_changes_no_cursor_or_claim(server, desks) -> None:
    a, b = desks("staff", "desk-a"), desks("staff", "desk-b")
    from app.clock import FixedClock

    reg = a.arrive("赵强", "13611112222")
    a.sync()
    b.sync()
    future = FixedClock(tz=a.clock.tz, at=a.clock.now() + dt.timedelta(days=400))
    with b.db.session() as s:  # B's clock is a year ahead: its claim still arrives second
        escort.claim(s, reg.visit_id, b.staff("guide.wang"), future)
    with a.db.session() as s:
        escort.claim(s, reg.visit_id, a.staff("guide.li"), a.clock)
    a.sync()
    b.sync()
    a.sync()
    for desk in (a, b):
        with desk.db.reading() as s:
            assert visits.state_of(s, reg.visit_id).escort_staff_id == a.staff("guide.li").staff_id
