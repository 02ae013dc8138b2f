"""Cases offline-first, through the real server on 127.0.0.1: a case opened offline keeps the
desk's time and gains the server's, two desks acting on one case offline both keep their steps,
one owner at a time (the first claim to reach the server wins and the other desk is told), the
row contract refuses a bad case, and a kiosk may not write one."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.clock import utcnow
from app.models import Case, CaseEvent, CaseOwner, OutboxEntry
from app.models import CaseEventKind as K
from app.services import cases
from app.sync.codec import content_hash, row_to_dict

from .harness import DeskMaker


@pytest.fixture
def server(sqlite_server):
    return sqlite_server


@pytest.fixture
def desks(server, tmp_path):
    maker = DeskMaker(server, tmp_path)
    yield maker
    maker.close()


def _open(desk, who, summary: str = "挂号窗口态度差") -> str:
    with desk.db.session() as s:
        return cases.open_case(
            s, who, desk.clock, kind="complaint", channel="phone", summary=summary
        ).id


def _step(desk, case_id: str, kind: K, who, **data) -> None:
    with desk.db.session() as s:
        cases.record(s, case_id, kind, who, desk.clock, data)


def test_a_case_opened_offline_reaches_every_staff_desk_with_both_times(server, desks) -> None:
    a, b = desks("staff", "desk-a"), desks("staff", "desk-b")
    for d in (a, b):
        d.sync()
    server.kill()
    case_id = _open(a, a.staff("guide.wang"))
    with a.db.reading() as s:
        received = s.get(Case, case_id).received_at
    server.start()
    a.sync()
    b.sync()
    with b.db.reading() as s:
        row = s.get(Case, case_id)
        assert row.received_at == received  # the desk's time: the clocks start there
        assert row.server_received_at is not None and row.server_received_at >= received
        assert (row.state, row.owner_staff_id) == ("new", a.staff("guide.wang").staff_id)
        assert cases.open_cases(s, utcnow())[0].id == case_id


def test_two_desks_act_on_one_case_offline_both_steps_kept_one_owner(server, desks) -> None:
    a, b = desks("staff", "desk-a"), desks("staff", "desk-b")
    wang, li = a.staff("guide.wang"), b.staff("guide.li")
    case_id = _open(a, wang)
    _step(a, case_id, K.RELEASED, wang)  # back in the pool
    a.sync()
    b.sync()
    server.kill()  # both offline: each claims it and takes a step
    _step(a, case_id, K.CLAIMED, wang)
    _step(a, case_id, K.APOLOGISED, wang)
    _step(b, case_id, K.CLAIMED, li)
    _step(b, case_id, K.NOTE, li, text="患者家属来电补充情况")
    with b.db.reading() as s:
        assert s.get(Case, case_id).owner_staff_id == li.staff_id  # offline: its own claim
    server.start()
    a.sync()  # a's claim reaches the server first
    b.sync()
    lost = [
        c
        for c in b.engine.status.conflicts
        if c.clashes and c.clashes[0].reason == "claimed_by_other"
    ]
    assert lost and lost[0].clashes[0].holder_name == "王芳"
    a.sync()
    for desk in (a, b):
        with desk.db.reading() as s:
            kinds = sorted(
                str(e.kind)
                for e in s.scalars(select(CaseEvent).where(CaseEvent.case_id == case_id))
            )
            assert kinds == sorted(
                ["claimed", "released", "claimed", "apologised", "claimed", "note"]
            )
            row = s.get(Case, case_id)
            assert (row.owner_staff_id, row.state) == (wang.staff_id, "acknowledged")
            assert s.get(CaseOwner, case_id).staff_id == wang.staff_id


def test_the_server_refuses_a_bad_case_and_a_kiosk_writing_one(server, desks) -> None:
    a, kiosk = desks("staff", "desk-a"), desks("kiosk", "lobby")
    wang = a.staff("guide.wang")
    case_id = _open(a, wang)
    a.sync()
    with a.db.reading() as s:
        body = row_to_dict(s.get(Case, case_id))
        body.pop("server_received_at")  # the server's alone: a desk sending one is refused
        event = row_to_dict(
            s.scalars(select(CaseEvent).where(CaseEvent.case_id == case_id)).first()
        )
    from app.ids import new_id

    with a.db.reading() as s:  # after what the desk itself has sent
        next_seq: dict[str, int] = {a.name: s.scalar(select(func.max(OutboxEntry.device_seq))) + 1}

    def push(desk, ops, seq: int = 1):
        """A hand-made push, as a careless or hostile desk would send it, at its next place
        in the desk's order."""
        seq = next_seq.get(desk.name, seq)
        body = {
            "mutation_id": new_id(),
            "device_seq": seq,
            "payload": {"ops": ops},
            "content_hash": content_hash({"ops": ops}),
            "occurred_at": utcnow().isoformat(),
        }
        answer = desk.engine.client.push([body], batch_id=new_id())["results"][0]
        if answer["status"] == "deferred":
            next_seq[desk.name] = answer["expected_device_seq"]
            return push(desk, ops)
        next_seq[desk.name] = seq + 1
        return answer

    forged = {
        **body,
        "id": new_id(),
        "created_device_id": kiosk.identity.device_id,
        "created_staff_id": None,
    }
    answer = push(kiosk, [{"t": "cases", "op": "insert", "id": forged["id"], "data": forged}])
    assert (answer["status"], answer.get("code")) == ("rejected", "forbidden"), answer
    patch = {
        "t": "case_events",
        "op": "patch",
        "id": event["id"],
        "base_version": 1,
        "data": {"kind": "closed"},
    }
    refused = push(a, [patch])
    assert (refused["status"], refused.get("code")) == ("rejected", "invalid_data"), refused
    bad = {**body, "id": new_id(), "summary": "", "severity": "extreme"}
    bad.pop("created_staff_id")
    answer = push(a, [{"t": "cases", "op": "insert", "id": bad["id"], "data": bad}])
    assert (answer["status"], answer["code"]) == ("rejected", "invalid_data")
    assert answer["field"] in ("cases.summary", "cases.severity")
