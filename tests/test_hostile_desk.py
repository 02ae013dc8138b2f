"""Hostile and careless desks against the real server (on SQLite and on PostgreSQL): every row
a device sends is checked against the declared contract (app/contract), a refusal names the
field and the rule, is undone on its desk, and never stops another desk — nor the sender's
next change.  Written as an outside client would: hand-made changes over HTTP."""

from __future__ import annotations

import datetime as dt
import http.client
import json
import threading
import time
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import select

from app.ids import new_id
from app.models import Department, Staff, Visit
from app.sync.client import ProtocolError
from app.sync.codec import content_hash

from .harness import TZ, Desk, ServerProcess, sign_in_here


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def server(request, tmp_path_factory):
    """One real server per database for the whole file: each test enrolls desks of its own."""
    url = None
    if request.param == "postgresql":
        url = request.getfixturevalue("pg_cluster").create_database("fd_hostile")
    srv = ServerProcess(tmp_path_factory.mktemp("hostile") / "server", url).start()
    yield srv
    srv.stop()


class Hostile:
    """An enrolled device that sends what it likes: hand-made changes, numbered in turn."""

    def __init__(self, server: ServerProcess, workdir: Path, role: str) -> None:
        name = f"{role}-{new_id()[-6:]}"
        self.desk = Desk.enroll(server, workdir / name, role, name)
        self.server = server
        self.seq = 0
        self.id = self.desk.identity.device_id

    def proof(self, username: str) -> dict[str, str]:
        """``username``'s sign-in proof made on this device (the demo password)."""
        staff_id = _server_rows(self.server, username)["guide"]
        sign_in_here(self.desk.db, staff_id, self.id)
        return self.desk.db.proofs[staff_id]

    def send(self, *payloads: dict[str, Any]) -> list[dict[str, Any]]:
        mutations = []
        for payload in payloads:
            self.seq += 1
            mutations.append(
                {
                    "mutation_id": new_id(),
                    "device_seq": self.seq,
                    "payload": payload,
                    "content_hash": content_hash(payload),
                }
            )
        # the standard library's encoder: orjson refuses to nest past 254 levels
        body = json.dumps({"mutations": mutations}, ensure_ascii=False).encode()
        r = self.desk.engine.client.http.post(
            self.server.url + "/sync/v1/push",
            data=body,
            headers={"Content-Type": "application/json"},
            timeout=30,
        )
        assert r.status_code == 200, r.text
        return r.json()["results"]

    def close(self) -> None:
        self.desk.close()


@pytest.fixture
def hostile(server, tmp_path):
    made: list[Hostile] = []

    def make(role: str) -> Hostile:
        made.append(Hostile(server, tmp_path, role))
        return made[-1]

    yield make
    for h in made:
        h.close()


def _today() -> str:
    return dt.datetime.now(TZ).date().isoformat()


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat().replace("+00:00", "Z")


def _server_rows(server: ServerProcess, username: str = "guide.li") -> dict[str, str]:
    db = server.database()
    try:
        with db.reading() as s:
            return {
                "department": s.scalars(select(Department.id).where(Department.code == "IM")).one(),
                "guide": s.scalars(select(Staff.id).where(Staff.username == username)).one(),
            }
    finally:
        db.close()


def _walk_in(server: ServerProcess, device_id: str, **visit: Any) -> dict[str, Any]:
    """A kiosk's walk-in as the contract has it: patient, visit and its arrival event."""
    ref = _server_rows(server)
    patient_id, visit_id, event_id = new_id(), new_id(), new_id()
    patient = {"id": patient_id, "name": "王芳", "phone": "13900001111", "created_at": _now()}
    row = {
        "id": visit_id,
        "day": _today(),
        "patient_id": patient_id,
        "department_id": ref["department"],
        "arrival_channel": "kiosk",
        "source_channel": "walk_in",
        "created_at": _now(),
        "created_device_id": device_id,
        **visit,
    }
    event = {
        "id": event_id,
        "visit_id": visit_id,
        "kind": "arrived",
        "device_id": device_id,
        "occurred_at": _now(),
        "data": {"channel": "kiosk"},
    }
    return {
        "ops": [
            {"op": "insert", "t": "patients", "id": patient_id, "data": patient},
            {"op": "insert", "t": "visits", "id": visit_id, "data": row},
            {"op": "insert", "t": "visit_events", "id": event_id, "data": event},
        ]
    }


def _insert(
    table: str, data: dict[str, Any], proof: dict[str, str] | None = None
) -> dict[str, Any]:
    change: dict[str, Any] = {"ops": [{"op": "insert", "t": table, "id": data["id"], "data": data}]}
    if proof is not None:
        change["proof"] = proof
    return change


def _patch(table: str, row_id: str, data: dict[str, Any], base: int = 1) -> dict[str, Any]:
    return {"ops": [{"op": "patch", "t": table, "id": row_id, "base_version": base, "data": data}]}


def _undone(server: ServerProcess, device_id: str) -> list[tuple[str, str, str]]:
    from server.models import ChangeLog

    db = server.database()
    try:
        with db.reading() as s:
            rows = s.execute(
                select(ChangeLog.entity_type, ChangeLog.entity_id, ChangeLog.op)
                .where(ChangeLog.scope == f"device:{device_id}")
                .order_by(ChangeLog.seq)
            ).all()
            return [tuple(r) for r in rows]
    finally:
        db.close()


def test_a_kiosks_unknown_enum_value_is_refused_and_every_guide_desk_keeps_syncing(
    server, hostile, tmp_path
) -> None:
    """The walk-in whose source_channel was "zzz_bogus" used to be applied — and every
    staff desk's pull then failed on it for good."""
    kiosk = hostile("kiosk")
    guide = Desk.enroll(server, tmp_path / "guide", "staff", "guide")
    try:
        guide.sync()
        bad = _walk_in(server, kiosk.id, source_channel="zzz_bogus")
        good = _walk_in(server, kiosk.id)
        first, second = kiosk.send(bad, good)
        assert first["status"] == "rejected" and first["code"] == "invalid_data"
        assert first["field"] == "visits.source_channel" and first["rule"] == "literal_error"
        assert second["status"] == "applied"
        # the refused registration is undone on the kiosk, row by row
        undone = {(t, op) for t, _, op in _undone(server, kiosk.id)}
        assert undone == {("patients", "gone"), ("visits", "gone"), ("visit_events", "gone")}
        guide.sync()  # the guide's desk is not stopped: it has the good walk-in
        with guide.db.reading() as s:
            assert s.get(Visit, good["ops"][1]["id"]) is not None
            assert s.get(Visit, bad["ops"][1]["id"]) is None
    finally:
        guide.close()


def _bad_rows(
    ids: dict[str, str], proof: dict[str, str]
) -> list[tuple[str, dict[str, Any], str, str]]:
    """(what, change, field, rule): one broken row each."""
    patient = {"id": new_id(), "name": "李雷", "created_at": _now()}
    event = {
        "id": new_id(),
        "visit_id": ids["visit"],
        "kind": "note",
        "device_id": ids["device"],
        "occurred_at": _now(),
        "staff_id": ids["guide"],
    }
    p = "patients"
    return [
        ("age in words", _insert(p, {**patient, "age": "forty"}), "patients.age", "int_type"),
        (
            "a number for a name",
            _insert(p, {**patient, "name": 12345}),
            "patients.name",
            "string_type",
        ),
        (
            "a 100,000-character name",
            _insert(p, {**patient, "name": "张" * 100_000}),
            "patients.name",
            "string_too_long",
        ),
        (
            "an object for a name",
            _insert(p, {**patient, "name": {"a": 1}}),
            "patients.name",
            "string_type",
        ),
        (
            "verified 'yes'",
            _insert(p, {**patient, "verified": "yes"}),
            "patients.verified",
            "bool_type",
        ),
        (
            "no created_at",
            _insert(p, {k: v for k, v in patient.items() if k != "created_at"}),
            "patients.created_at",
            "missing",
        ),
        (
            "an id that is no UUID",
            _insert(p, {**patient, "id": "patient-1"}),
            "patients.id",
            "string_pattern_mismatch",
        ),
        (
            "a column that does not exist",
            _insert(p, {**patient, "blood": "A"}),
            "patients.blood",
            "extra_forbidden",
        ),
        (
            "30 February",
            _insert(p, {**patient, "created_at": "2026-02-30T01:00:00Z"}),
            "patients.created_at",
            "string_pattern_mismatch",
        ),
        ("an empty patch", _patch("visits", ids["visit"], {}), "visits", "empty_patch"),
        (
            "a patch of the day",
            _patch("visits", ids["visit"], {"day": "2020-01-01"}),
            "visits.day",
            "not_patchable",
        ),
        (
            "ticket number -1",
            _patch("visits", ids["visit"], {"ticket_seq": -1}),
            "visits.ticket_seq",
            "greater_than_equal",
        ),
        (
            "an unknown department",
            _patch("visits", ids["visit"], {"department_id": new_id()}),
            "visits.department_id",
            "unknown_reference",
        ),
        (
            "stage zzz",
            _insert("visit_events", {**event, "kind": "stage_changed", "stage": "zzz"}, proof),
            "visit_events.stage",
            "stage_unknown",
        ),
        (
            "a hand-off to a staff member who does not exist",
            _insert(
                "visit_events", {**event, "kind": "handed_off", "to_staff_id": new_id()}, proof
            ),
            "visit_events.to_staff_id",
            "unknown_reference",
        ),
        (
            "an unknown event kind",
            _insert("visit_events", {**event, "kind": "teleported"}, proof),
            "visit_events.kind",
            "literal_error",
        ),
        (
            "a priority there is none of",
            _patch("visits", ids["visit"], {"priority": "very urgent"}),
            "visits.priority",
            "literal_error",
        ),
        (
            "a duty note of a kind there is none of",
            _insert(
                "duty_notes",
                {
                    "id": new_id(),
                    "day": _today(),
                    "kind": "gossip",
                    "text": "张张张",
                    "staff_id": ids["guide"],
                    "device_id": ids["device"],
                    "created_at": _now(),
                },
                proof,
            ),
            "duty_notes.kind",
            "literal_error",
        ),
    ]


def test_every_broken_row_is_refused_with_its_field_and_rule(server, hostile, tmp_path) -> None:
    desk = hostile("staff")
    made = desk.send(_walk_in_at_desk(server, desk.id))
    assert made[0]["status"] == "applied"
    ids = {"visit": _visit_of(server, desk.id), "device": desk.id, **_server_rows(server)}
    for what, change, field, rule in _bad_rows(ids, desk.proof("guide.li")):
        (answer,) = desk.send(change)
        assert answer["status"] == "rejected", what
        assert (answer["code"], answer["field"], answer["rule"]) == (
            "invalid_data",
            field,
            rule,
        ), what
        assert "张张张" not in answer["detail"]  # the value is never repeated
    (ok,) = desk.send(_patch("visits", ids["visit"], {"purpose_text": "复诊"}))
    assert ok["status"] == "applied"  # after all that, the desk's next change lands


def _walk_in_at_desk(server: ServerProcess, device_id: str) -> dict[str, Any]:
    change = _walk_in(server, device_id, arrival_channel="desk")
    change["ops"][2]["data"]["data"] = {"channel": "desk"}
    return change


def _visit_of(server: ServerProcess, device_id: str) -> str:
    db = server.database()
    try:
        with db.reading() as s:
            return s.scalars(select(Visit.id).where(Visit.created_device_id == device_id)).one()
    finally:
        db.close()


def test_a_poison_change_nested_deep_is_refused_and_the_next_goes_through(server, hostile) -> None:
    """visit_events.data nested 300 levels used to answer 500 on every re-send (storing it
    failed, storing it in quarantine failed too) and deferred everything behind it."""
    desk = hostile("staff")
    desk.send(_walk_in_at_desk(server, desk.id))
    visit_id = _visit_of(server, desk.id)
    deep: dict[str, Any] = {}
    node = deep
    for _ in range(300):
        node["x"] = {}
        node = node["x"]
    event = {
        "id": new_id(),
        "visit_id": visit_id,
        "kind": "note",
        "device_id": desk.id,
        "occurred_at": _now(),
        "data": deep,
    }
    poison, after = desk.send(
        _insert("visit_events", event), _patch("visits", visit_id, {"purpose_text": "复诊"})
    )
    assert (poison["status"], poison["code"], poison["field"], poison["rule"]) == (
        "rejected",
        "invalid_data",
        "visit_events.data",
        "value_error",
    )
    assert "deeper than 4" in poison["detail"]
    assert after["status"] == "applied"
    hidden = {"op": "insert", "t": "visit_events", "id": event["id"], "data": {}, "x": deep}
    (stowaway,) = desk.send({"ops": [hidden]})  # deep where the contract names nothing
    assert (stowaway["field"], stowaway["rule"]) == ("ops.x", "extra_forbidden")
    shallow = {**event, "data": {"a": {"b": {"c": {"d": {"e": 1}}}}}}
    (answer,) = desk.send(_insert("visit_events", shallow))
    assert (answer["field"], answer["rule"]) == ("visit_events.data", "value_error")


def test_a_kiosk_adds_events_to_its_own_visits_only(server, hostile) -> None:
    desk, kiosk = hostile("staff"), hostile("kiosk")
    desk.send(_walk_in_at_desk(server, desk.id))
    theirs = _visit_of(server, desk.id)
    event = {
        "id": new_id(),
        "visit_id": theirs,
        "kind": "arrived",
        "device_id": kiosk.id,
        "occurred_at": _now(),
    }
    (answer,) = kiosk.send(_insert("visit_events", event))
    assert (answer["status"], answer["code"]) == ("rejected", "forbidden")
    walk_in = _walk_in(server, kiosk.id)
    (own,) = kiosk.send(walk_in)
    assert own["status"] == "applied"


def test_the_duty_log_is_written_by_staff_desks_for_people_signed_in_there(server, hostile) -> None:
    """A kiosk writes nothing in the duty log; a staff desk writes only as someone signed in
    on it; a take-over must name a hand-over."""
    desk, kiosk = hostile("staff"), hostile("kiosk")
    staff_id = _server_rows(server)["guide"]
    note = {
        "id": new_id(),
        "day": _today(),
        "kind": "incident",
        "text": "电梯口有人摔倒",
        "staff_id": staff_id,
        "device_id": kiosk.id,
        "created_at": _now(),
    }
    (answer,) = kiosk.send(_insert("duty_notes", note))
    assert (answer["status"], answer["code"]) == ("rejected", "forbidden")
    unsigned = {**note, "id": new_id(), "device_id": desk.id}
    (answer,) = desk.send(_insert("duty_notes", unsigned))
    assert answer["status"] == "rejected"  # nobody signed in on that desk said it
    (answer,) = desk.send(_insert("duty_notes", unsigned, desk.proof("guide.li")))
    assert answer["status"] == "applied"
    take = {**note, "id": new_id(), "device_id": desk.id, "kind": "taken_over", "text": ""}
    (answer,) = desk.send(_insert("duty_notes", take, desk.proof("guide.li")))
    assert (answer["status"], answer.get("field")) == ("rejected", "duty_notes.ref_id")


def test_the_access_log_is_written_by_staff_desks_for_people_signed_in_there(
    server, hostile
) -> None:
    """Nobody can write who read a patient's file but the desk where that person signed in:
    not a kiosk, not a desk for someone signed in elsewhere; a row the contract does not
    allow is refused with its field; each accepted row is linked into the hash chain."""
    desk, kiosk = hostile("staff"), hostile("kiosk")
    staff_id = _server_rows(server)["guide"]
    row = {
        "id": new_id(),
        "day": _today(),
        "at": _now(),
        "staff_id": staff_id,
        "device_id": kiosk.id,
        "action": "view",
        "what": "timeline",
    }
    (answer,) = kiosk.send(_insert("access_log", row))
    assert (answer["status"], answer["code"]) == ("rejected", "forbidden")
    mine = {**row, "id": new_id(), "device_id": desk.id}
    (answer,) = desk.send(_insert("access_log", mine))
    assert answer["status"] == "rejected"  # nobody signed in on that desk read it
    for what, bad, field in (
        ("an action there is none of", {"action": "peek"}, "access_log.action"),
        ("what, as free text", {"what": "王芳的病历"}, "access_log.what"),
        ("a purpose past 200", {"purpose": "张" * 201}, "access_log.purpose"),
        ("no person", {"staff_id": None}, "access_log.staff_id"),
    ):
        (answer,) = desk.send(_insert("access_log", {**mine, "id": new_id(), **bad}))
        assert (answer["status"], answer.get("field")) == ("rejected", field), what
    (answer,) = desk.send(_insert("access_log", mine, desk.proof("guide.li")))
    assert answer["status"] == "applied"
    (again,) = desk.send(_insert("access_log", mine, desk.proof("guide.li")))
    assert again["status"] == "applied"  # a new mutation with the same row: the first stands
    from server import access_chain
    from server.models import AccessChain

    db = server.database()
    try:
        with db.reading() as s:
            links = s.scalars(select(AccessChain).where(AccessChain.entry_id == mine["id"])).all()
            assert len(links) == 1  # linked once, however often it came
            assert access_chain.verify(s).intact
    finally:
        db.close()


def test_more_than_500_changes_in_one_push_is_413_as_documented(server, hostile) -> None:
    desk = hostile("staff")
    payload = {"ops": [{"op": "patch", "t": "visits", "id": new_id(), "data": {}}]}
    mutations = [
        {
            "mutation_id": new_id(),
            "device_seq": i + 1,
            "payload": payload,
            "content_hash": content_hash(payload),
        }
        for i in range(501)
    ]
    r = desk.desk.engine.client.http.post(
        server.url + "/sync/v1/push", json={"mutations": mutations}, timeout=30
    )
    assert r.status_code == 413


def _chunks(total: int, size: int = 64 * 1024):
    sent = 0
    while sent < total:
        yield b"{" + b" " * (size - 1)
        sent += size


def test_an_endless_chunked_body_is_cut_off_before_anything_reads_it(server) -> None:
    """200 MB sent chunked to enroll, which needs no credential: answered 413 once the
    first 16 KB are in, instead of being read whole into the server's memory."""
    host, port = "127.0.0.1", server.port
    conn = http.client.HTTPConnection(host, port, timeout=20)
    conn.putrequest("POST", "/api/v1/devices/enroll")
    conn.putheader("Content-Type", "application/json")
    conn.putheader("Transfer-Encoding", "chunked")
    conn.endheaders()
    sent = 0
    started = time.monotonic()
    try:
        for chunk in _chunks(200 * 1024 * 1024):
            conn.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            sent += len(chunk)
    except OSError:
        pass  # the server answered and closed: the rest is never sent
    response = conn.getresponse()
    assert response.status == 413
    assert sent < 50 * 1024 * 1024, "the server kept reading"
    assert time.monotonic() - started < 10
    conn.close()
    assert requests.get(server.url + "/api/v1/health", timeout=5).ok


def test_a_declared_length_over_the_limit_is_refused_at_once(server) -> None:
    r = requests.post(
        server.url + "/api/v1/devices/enroll",
        data=b"{" + b" " * 20_000 + b"}",
        headers={"Content-Type": "application/json"},
        timeout=5,
    )
    assert r.status_code == 413


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/sync/v1/changes", {"cursor": "9223372036854775808"}),
        ("/api/v1/reports/survey", {"first_day": "0001-01-01", "last_day": "0001-01-02"}),
        ("/api/v1/reports/survey", {"first_day": "9999-12-30", "last_day": "9999-12-31"}),
    ],
)
def test_out_of_range_query_values_are_refused_with_422(server, hostile, path, params) -> None:
    desk = hostile("staff")
    r = desk.desk.engine.client.http.get(server.url + path, params=params, timeout=10)
    assert r.status_code == 422, r.text
    assert r.json()["detail"][0]["loc"][-1] in params


def test_a_lone_surrogate_is_refused_with_422_not_500(server) -> None:
    """No credential needed: the crash was in rendering the 422 that echoed the input."""
    r = requests.post(
        server.url + "/api/v1/devices/enroll",
        data=b'{"code": "\\ud800"}',
        headers={"Content-Type": "application/json"},
        timeout=5,
    )
    assert r.status_code in (403, 422), r.text
    assert "\\ud800" not in r.text


def test_revoking_a_device_ends_its_waiting_long_poll_with_nothing_delivered(
    server, hostile, tmp_path
) -> None:
    watcher = hostile("staff")
    writer = hostile("staff")
    client = watcher.desk.engine.client
    top = client.changes(0, limit=2000)
    while top["has_more"]:
        top = client.changes(top["cursor"], limit=2000)
    answers: list[Any] = []

    def wait() -> None:
        try:
            answers.append(client.changes(top["cursor"], wait=20))
        except Exception as exc:
            answers.append(exc)

    waiting = threading.Thread(target=wait)
    waiting.start()
    time.sleep(0.5)
    _revoke(server, watcher.id)
    started = time.monotonic()
    writer.send(_walk_in_at_desk(server, writer.id))  # a change it would have been sent
    waiting.join(15)
    assert not waiting.is_alive()
    assert time.monotonic() - started < 5
    (answer,) = answers
    from app.sync.client import Unauthorized

    assert isinstance(answer, Unauthorized), answer


def _revoke(server: ServerProcess, device_id: str) -> None:
    """As the director's console does: the real route, signed in as the director."""
    director = Desk.enroll(server, server.workdir / f"dir-{new_id()[-6:]}", "staff", "director")
    try:
        http = director.engine.client.http
        r = http.post(
            server.url + "/api/v1/staff/sign-in",
            json={"username": "director.sun", "password": "demo-1234"},
            timeout=10,
        )
        assert r.status_code == 200, r.text
        token = r.json()["staff_token"]
        r = http.post(
            f"{server.url}/api/v1/admin/devices/{device_id}/revoke",
            headers={"X-Staff-Token": token},
            timeout=10,
        )
        assert r.status_code == 200, r.text
    finally:
        director.close()


def test_ticket_leases_raced_from_many_desks_never_overlap(server, hostile) -> None:
    desks = [hostile("staff") for _ in range(4)]
    dept = _server_rows(server)["department"]
    day = dt.datetime.now(TZ).date() + dt.timedelta(days=1)  # a day nobody leased yet
    ranges: list[tuple[int, int]] = []
    lock = threading.Lock()

    def lease(d: Hostile) -> None:
        for _ in range(10):
            got = d.desk.engine.client.lease(dept, day, 7)
            with lock:
                ranges.append((got["start_seq"], got["end_seq"]))

    threads = [threading.Thread(target=lease, args=(d,)) for d in desks]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    numbers = [n for a, b in ranges for n in range(a, b + 1)]
    assert len(numbers) == 4 * 10 * 7
    assert len(set(numbers)) == len(numbers), "two desks got the same ticket number"
    assert sorted(numbers) == list(range(1, len(numbers) + 1))


def test_a_desk_cannot_lease_away_the_numbers_every_other_desk_needs(server, hostile) -> None:
    """A careless or hostile desk asking for numbers in a loop: it holds at most 500 it has
    not used, for yesterday, today or tomorrow only; every other desk still gets numbers, and
    the greedy one gets more once it sends visits that use them."""
    greedy, honest = hostile("kiosk"), hostile("staff")
    dept = _server_rows(server)["department"]
    today = dt.datetime.now(TZ).date()
    client = greedy.desk.engine.client
    got = client.lease(dept, today, 500)
    with pytest.raises(ProtocolError, match="already holds 500 unused ticket numbers"):
        client.lease(dept, today, 1)
    for far in (today + dt.timedelta(days=2), today - dt.timedelta(days=2), dt.date(2099, 1, 1)):
        with pytest.raises(ProtocolError, match="yesterday, today or tomorrow"):
            client.lease(dept, far, 10)
    other = honest.desk.engine.client.lease(dept, today, 50)
    assert other["start_seq"] > got["end_seq"]
    # a walk-in that uses one of its numbers: one more may be leased, and no more
    visit = _walk_in(server, greedy.id, ticket_seq=got["start_seq"], ticket_prefix="A")
    assert [r["status"] for r in greedy.send(visit)] == ["applied"]
    more = client.lease(dept, today, 1)
    assert more["start_seq"] == more["end_seq"] > other["end_seq"]
    with pytest.raises(ProtocolError, match="already holds 500"):
        client.lease(dept, today, 1)


def test_an_enrollment_code_sent_by_many_at_once_enrolls_one_device(server) -> None:
    code = server.code("staff", "race")
    answers: list[int] = []
    lock = threading.Lock()
    gate = threading.Barrier(6)

    def enroll() -> None:
        gate.wait()
        r = requests.post(server.url + "/api/v1/devices/enroll", json={"code": code}, timeout=10)
        with lock:
            answers.append(r.status_code)

    threads = [threading.Thread(target=enroll) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(answers) == [200, 403, 403, 403, 403, 403]


def test_server_processes_starting_together_migrate_once(pg_cluster, tmp_path) -> None:
    """Several server processes on one new PostgreSQL database: one migrates, the others
    wait for it and start — none fails on a table another just made."""
    url = pg_cluster.create_database("fd_migrate_race")
    servers = [ServerProcess(tmp_path / f"s{i}", url, demo=False) for i in range(3)]
    errors: list[BaseException] = []

    def start(srv: ServerProcess) -> None:
        try:
            srv.start()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=start, args=(srv,)) for srv in servers]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        assert errors == []
        for srv in servers:
            assert requests.get(srv.url + "/api/v1/health", timeout=5).ok
    finally:
        for srv in servers:
            srv.stop()


def _log_on_server(server: ServerProcess, rows: list[tuple[str, dict[str, Any]]]) -> None:
    """Rows written straight into the server's change log, as a newer or buggy server might
    send them — past every check a push has."""
    from server.sync import changelog

    db = server.database()
    try:
        with db.session() as s:
            writer = changelog.Writer.on(s, dt.datetime.now(TZ).date())
            for table, data in rows:
                writer.data(table, data)
            writer.announce()
    finally:
        db.close()


def test_a_desk_never_stops_on_a_pulled_row_it_cannot_read(server, hostile, tmp_path, caplog):
    """A staff desk's pull used to fail for good on such a row, its cursor stuck and no valid
    change reaching it.  Now the rest of the page applies, the row is set aside whole with
    its reason, the cursor moves on, the duty lead sees it on the sync line — and the log
    names the table and sequence number, never what the row holds."""
    from app.models import SetAsideChange, SyncState

    guide = Desk.enroll(server, tmp_path / "guide", "staff", "guide")
    try:
        guide.sync()
        kiosk = hostile("kiosk")
        before = _walk_in(server, kiosk.id)
        after = _walk_in(server, kiosk.id)
        assert kiosk.send(before)[0]["status"] == "applied"
        unreadable = {**after["ops"][1]["data"], "id": new_id(), "source_channel": "zzz_bogus"}
        unreadable["version"] = 1
        unreadable["patient_id"] = None
        _log_on_server(server, [("visits", unreadable)])
        assert kiosk.send(after)[0]["status"] == "applied"
        with caplog.at_level("WARNING"):
            guide.sync()
        with guide.db.reading() as s:
            assert s.get(Visit, before["ops"][1]["id"]) is not None
            assert s.get(Visit, after["ops"][1]["id"]) is not None  # the page after it too
            assert s.get(Visit, unreadable["id"]) is None
            (aside,) = s.scalars(select(SetAsideChange)).all()
            assert (aside.entity_type, aside.entity_id) == ("visits", unreadable["id"])
            assert aside.change["data"]["source_channel"] == "zzz_bogus"  # kept whole
            assert "zzz_bogus" in aside.reason or "LookupError" in aside.reason
            cursor = s.get(SyncState, 1).cursor
            assert cursor >= aside.seq
        status = guide.engine.status
        assert status.set_aside == 1
        assert "1 条收到的数据无法读取" in status.describe(dt.datetime.now(dt.UTC), TZ)
        assert "王芳" not in caplog.text and "13900001111" not in caplog.text
        assert any("set aside" in r.getMessage() for r in caplog.records)
        guide.sync()  # and it goes on: nothing more set aside, nothing stuck
        with guide.db.reading() as s:
            assert len(s.scalars(select(SetAsideChange)).all()) == 1
    finally:
        guide.close()


def test_a_desk_cannot_lock_a_person_out_of_every_other_desk(server, hostile, tmp_path) -> None:
    """Five wrong passwords on one desk used to lock the director out everywhere.  Now the
    lock holds on that desk alone, grows with each lock, and the server's command line lifts
    it everywhere."""
    from app.sync.client import Unauthorized
    from server.models import SignInFailures

    from .test_server_cli import _frontdesk

    noisy, other = hostile("staff"), hostile("staff")
    client = noisy.desk.engine.client

    def fail_five() -> None:
        for _ in range(5):
            with pytest.raises(Unauthorized):
                client.sign_in("director.sun", "guessing")

    def locked_for() -> dt.timedelta:
        db = server.database()
        try:
            with db.session() as s:
                row = s.get(SignInFailures, ("director.sun", noisy.id))
                left = row.locked_until - dt.datetime.now(dt.UTC)
                row.locked_until = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)  # over
                return left
        finally:
            db.close()

    fail_five()
    r = client.http.post(
        server.url + "/api/v1/staff/sign-in",
        json={"username": "director.sun", "password": "demo-1234"},
        timeout=5,
    )
    assert r.status_code == 423
    assert other.desk.engine.client.sign_in("director.sun", "demo-1234")["staff_token"]
    first = locked_for()
    fail_five()
    second = locked_for()
    assert 1.8 < second / first < 2.2  # each lock twice as long as the one before
    fail_five()
    out = _frontdesk(
        "server-admin",
        "--database-url",
        server.database_url,
        "unlock",
        "director.sun",
        data=tmp_path,
    )
    assert out.returncode == 0, out.stderr
    assert "director.sun" in out.stdout
    assert client.sign_in("director.sun", "demo-1234")["staff_token"]


def test_a_desk_acts_only_for_people_signed_in_on_it(server, hostile) -> None:
    """A staff desk used to be able to claim an escort as a guide not signed in there, as the
    director, or as a staff id that does not exist — all applied."""
    desk, elsewhere, kiosk = hostile("staff"), hostile("staff"), hostile("kiosk")
    desk.send(_walk_in_at_desk(server, desk.id))
    visit_id = _visit_of(server, desk.id)
    li = _server_rows(server, "guide.li")["guide"]
    director = _server_rows(server, "director.sun")["guide"]

    def claim(staff_id: str, proof: dict[str, str] | None, sender: Hostile = desk) -> dict:
        event = {
            "id": new_id(),
            "visit_id": visit_id,
            "kind": "claimed",
            "staff_id": staff_id,
            "device_id": sender.id,
            "occurred_at": _now(),
        }
        (answer,) = sender.send(_insert("visit_events", event, proof))
        return answer

    own = desk.proof("guide.li")
    forged = {**own, "mac": "0" * 32}
    theirs = elsewhere.proof("guide.li")  # guide.li signed in on another desk
    nobody = {**own, "staff_id": new_id()}
    for what, staff_id, proof in [
        ("no proof", li, None),
        ("the director, with guide.li's proof", director, own),
        ("another desk's proof", li, theirs),
        ("a forged proof", li, forged),
        ("somebody who does not exist", nobody["staff_id"], nobody),
    ]:
        answer = claim(staff_id, proof)
        assert (answer["status"], answer["code"]) == ("rejected", "staff_unproven"), what
    assert claim(li, own)["status"] == "applied"  # guide.li, signed in here
    assert claim(director, desk.proof("director.sun"))["status"] in ("applied", "conflict")
    from_kiosk = claim(li, None, kiosk)
    assert (from_kiosk["status"], from_kiosk["code"]) == ("rejected", "forbidden")


def test_text_no_database_can_store_is_refused_with_422(server, hostile) -> None:
    """A NUL character in a name used to answer 500 on PostgreSQL (its text cannot hold
    one); a lone surrogate is not Unicode at all.  Both are refused before any route."""
    desk = hostile("staff")
    http = desk.desk.engine.client.http
    for body in (
        b'{"mutations": [{"mutation_id": "a\\u0000", "device_seq": 1, "payload": {}}]}',
        b'{"mutations": [], "batch_id": "\\udc00"}',
        b'{"department_id": "x\\u0000", "day": "2026-12-02", "count": 1}',
    ):
        for path in ("/sync/v1/push", "/sync/v1/tickets/lease"):
            r = http.post(
                server.url + path,
                data=body,
                headers={"Content-Type": "application/json"},
                timeout=10,
            )
            assert r.status_code == 422, (path, body, r.text)
    r = http.get(server.url + "/sync/v1/changes", params={"epoch": "a\x00"}, timeout=10)
    assert r.status_code == 422
    (ok,) = desk.send(_walk_in_at_desk(server, desk.id))  # and the desk goes on
    assert ok["status"] == "applied"


def test_a_stolen_kiosks_look_up_codes_need_the_slow_hash(server, tmp_path) -> None:
    """The kiosk holds the day's key with the day's hashed codes and phones.  With a plain
    keyed hash a thief read the whole day back in core-minutes; the key now names argon2id
    (memory-hard; 32 MiB and 2 passes unless a test lowers it), so every guess costs that."""
    import base64
    import hashlib
    import hmac

    from argon2.low_level import Type, hash_secret_raw

    from app.models import Appointment
    from app.services.checkin import hashed_code, normalize_code
    from server.sync.changelog import day_key

    secret = "ab" * 32
    key = day_key(secret, dt.date(2026, 12, 2))
    assert key.startswith("a2:2:32768:")  # the server's default cost
    raw = base64.urlsafe_b64decode(key.rsplit(":", 1)[1] + "=")
    slow = hash_secret_raw(
        b"ABC234", raw, time_cost=2, memory_cost=32768, parallelism=1, hash_len=16, type=Type.ID
    )
    assert hashed_code(key, "abc-234") == slow.hex()[:12]
    assert hashed_code(key, "ABC234") != hmac.new(raw, b"ABC234", hashlib.sha256).hexdigest()[:12]

    kiosk = Desk.enroll(server, tmp_path / "kiosk", "kiosk", "stolen")
    try:
        kiosk.sync()
        held = kiosk.engine.refresh_kiosk_key()
        assert held is not None and held.startswith("a2:2:256:")  # as this server is set up
        db = server.database()
        with db.reading() as s:
            today = dt.datetime.now(TZ).date()
            codes = s.scalars(select(Appointment.checkin_code).where(Appointment.day == today))
            real = [normalize_code(c) for c in codes]
        db.close()
        with kiosk.db.reading() as s:
            stored = set(
                s.scalars(select(Appointment.checkin_code).where(Appointment.day == today))
            )
        assert real and stored == {hashed_code(held, c) for c in real}
        assert not stored & set(real)
    finally:
        kiosk.close()
