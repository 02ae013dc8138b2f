"""Follow-up calls through the real server on 127.0.0.1: the server makes the tasks from the
visits desks sent (once, however often its rules run), every staff desk pulls them, a caller's
desk records an attempt offline and every desk learns it; an event naming a task the server
never made is refused with the reason."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from app.errors import FrontDeskError
from app.ids import new_id
from app.models import (
    Case,
    FollowUpEvent,
    FollowUpTask,
    Staff,
    SurveyDefinition,
    SurveyResponse,
)
from app.services import followups, phone_survey, visits
from app.services.followup_rules import FollowUpRules
from app.services.stages import StageMachine
from app.sync.codec import content_hash

from .harness import DeskMaker
from .test_calendar_sync import _admin

MACHINE = StageMachine()


@pytest.fixture
def server(sqlite_server):
    return sqlite_server


@pytest.fixture
def desks(server, tmp_path):
    maker = DeskMaker(server, tmp_path)
    yield maker
    maker.close()


def test_the_server_makes_the_calls_and_an_offline_attempt_reaches_every_desk(
    server, desks
) -> None:
    guide, caller = desks("staff", "lobby"), desks("staff", "follow-up")
    seen = [
        guide.arrive("赵强", "13611112222"),
        guide.arrive("钱芳", "13611113333"),
        guide.arrive("孙丽", "13611114444"),
    ]
    with guide.db.session() as s:
        for reg in seen[:2]:  # the third is still in the hospital: not called
            visits.move(s, reg.visit_id, "waiting", guide.staff("guide.li"), guide.clock, MACHINE)
            visits.move(s, reg.visit_id, "departed", guide.staff("guide.li"), guide.clock, MACHINE)
    guide.sync()

    # the server runs the rules by itself shortly after start and every 10 minutes; the
    # administrator may run them at once — either way each visit gets one call, never two
    made = _admin(server, "followup-tasks")
    assert made.returncode == 0, made.stderr
    assert re.match(r"follow-up calls: [02] made", made.stdout), made.stdout
    again = _admin(server, "followup-tasks")
    assert again.stdout.startswith("follow-up calls: 0 made")

    caller.sync()
    with caller.db.reading() as s:
        tasks = {t.visit_id: t for t in s.scalars(select(FollowUpTask))}
    assert set(tasks) == {seen[0].visit_id, seen[1].visit_id}
    task = tasks[seen[0].visit_id]
    assert task.numbers == ["13611112222"] and task.state == "open"

    # two callers want the same person: the server decides, the first claim to reach it wins
    other = desks("staff", "follow-up 2")
    huang, xu = caller.staff("followup.huang"), other.staff("followup.xu")

    def act(desk, who, kind: str, **kw) -> None:
        with desk.db.session() as s:
            followups.record(
                s, task.id, kind, who, desk.clock, FollowUpRules(), decides=False, **kw
            )

    act(caller, huang, "claimed")
    with pytest.raises(FrontDeskError) as unheard:  # sent, not yet confirmed: no calling
        act(caller, huang, "no_answer", number="13611112222")
    assert unheard.value.code == "call_waiting_for_server"
    with caller.db.reading() as s:
        assert followups.claims_waiting(s, huang.staff_id) == {task.id}
    other.sync()
    act(other, xu, "claimed")  # xu's desk has not heard of huang's claim yet
    caller.sync()
    other.sync()
    with caller.db.reading() as s:
        held = s.get(FollowUpTask, task.id)
        assert held.assigned_to == huang.staff_id and held.held_until is not None
        assert not followups.claims_waiting(s, huang.staff_id)
    with other.db.reading() as s:  # xu's desk heard: huang holds it
        assert s.get(FollowUpTask, task.id).assigned_to == huang.staff_id
    [lost] = other.engine.status.conflicts
    assert [(c.reason, c.holder_name) for c in lost.clashes] == [("call_claimed_by_other", "黄蓉")]
    with pytest.raises(FrontDeskError) as taken:
        act(other, xu, "no_answer", number="13611112222")
    assert (taken.value.code, taken.value.params["holder"]) == ("call_held_by_other", "黄蓉")

    server.kill()  # the holder works on offline, within the lease
    act(caller, huang, "no_answer", number="13611112222")
    server.start()
    caller.sync()
    guide.sync()
    with guide.db.reading() as s:
        kinds = [
            e.kind for e in s.scalars(select(FollowUpEvent).order_by(FollowUpEvent.occurred_at))
        ]
        assert kinds == ["claimed", "claimed", "no_answer"]  # the lost claim is kept too
        assert s.get(FollowUpTask, task.id).attempts == 1  # derived on arrival

    # the director takes the call back and gives it to xu while huang's desk is cut off;
    # huang, not knowing, calls again: the call is kept, and the server says it was not hers
    director = guide.staff("director.sun")
    server.kill()
    act(caller, huang, "busy", number="13611112222")
    server.start()
    act(guide, director, "assigned", data={"to_staff_id": xu.staff_id})
    guide.sync()
    caller.sync()
    [late] = [r for r in caller.engine.status.conflicts if r.clashes]
    assert [(c.reason, c.holder_name) for c in late.clashes] == [("call_not_holder", "许晴")]
    other.sync()
    with other.db.reading() as s:  # xu holds it now, with no end; both of huang's calls count
        held = s.get(FollowUpTask, task.id)
        assert (held.assigned_to, held.held_until, held.attempts) == (xu.staff_id, None, 2)


def test_an_attempt_on_a_task_the_server_never_made_is_refused(server, desks) -> None:
    desk = desks("staff", "follow-up")
    event = {
        "id": new_id(),
        "task_id": new_id(),
        "kind": "completed",
        "number": "13611112222",
        "staff_id": None,  # naming nobody: no sign-in proof is asked for
        "device_id": desk.identity.device_id,
        "occurred_at": "2026-12-03T02:00:00Z",
        "note": "",
        "data": {},
    }
    payload = {
        "ops": [{"t": "followup_events", "op": "insert", "id": event["id"], "data": event}],
    }
    body = {
        "mutation_id": new_id(),
        "device_seq": 1,
        "payload": payload,
        "content_hash": content_hash(payload),
    }
    answer = _push(desk, body)
    assert (answer["status"], answer.get("field"), answer.get("rule")) == (
        "rejected",
        "followup_events.task_id",
        "unknown_reference",
    ), answer
    # nor may a desk make a call, or change a setting every desk shares: those are the server's
    for table, row in (
        ("followup_tasks", {"id": new_id(), "source": "visit", "numbers": ["13611112222"]}),
        ("settings", {"id": new_id(), "key": "clocks.dispatch_min", "value_json": "5"}),
    ):
        ops = [{"t": table, "op": "insert", "id": row["id"], "data": row}]
        forged = {
            "mutation_id": new_id(),
            "device_seq": body["device_seq"] + 1,
            "payload": {"ops": ops},
            "content_hash": content_hash({"ops": ops}),
        }
        refused = _push(desk, forged)
        assert (refused["status"], refused.get("field"), refused.get("rule")) == (
            "rejected",
            "t",
            "table_not_allowed",
        ), refused
        body = forged


def _push(desk, body):
    """A hand-made push at the desk's next place in its order."""
    answer = desk.engine.client.push([body], batch_id=new_id())["results"][0]
    if answer["status"] == "deferred":
        body["device_seq"] = answer["expected_device_seq"]
        answer = desk.engine.client.push([body], batch_id=new_id())["results"][0]
    return answer


def test_a_phone_survey_and_its_service_recovery_case_reach_every_desk(server, desks) -> None:
    guide, caller = desks("staff", "lobby"), desks("staff", "follow-up")
    reg = guide.arrive("周敏", "13611115555")
    with guide.db.session() as s:
        visits.move(s, reg.visit_id, "waiting", guide.staff("guide.li"), guide.clock, MACHINE)
        visits.move(s, reg.visit_id, "departed", guide.staff("guide.li"), guide.clock, MACHINE)
    guide.sync()
    assert _admin(server, "followup-tasks").returncode == 0
    caller.sync()
    with caller.db.reading() as s:
        task = s.scalars(select(FollowUpTask)).one()
    huang = caller.staff("followup.huang")
    with caller.db.session() as s:
        followups.record(s, task.id, "claimed", huang, caller.clock, FollowUpRules(), decides=False)
    caller.sync()
    low = {
        "medical_quality": 4,
        "service_attitude": 2,
        "fees": 4,
        "environment": 4,
        "service_philosophy": 3,
        "recommend": 5,
    }
    with caller.db.session() as s:
        done = phone_survey.reached(
            s,
            task.id,
            huang,
            caller.clock,
            FollowUpRules(),
            number="13611115555",
            answers=low,
            decides=False,
        )
    caller.sync()
    assert caller.engine.status.conflicts == () and caller.engine.pending_count() == 0
    guide.sync()
    with guide.db.reading() as s:
        answer = s.get(SurveyResponse, done.response_id)
        case = s.get(Case, done.case_id)
        assert (answer.mode, answer.visit_id, answer.duplicate_of) == ("phone", reg.visit_id, None)
        assert (case.kind, case.channel, case.survey_response_id) == (
            "service_recovery",
            "follow_up",
            answer.id,
        )
        assert s.get(FollowUpTask, task.id).state == "completed"


def test_a_kiosk_cannot_send_an_answer_as_if_asked_on_the_phone(server, desks) -> None:
    kiosk = desks("kiosk", "lobby kiosk")
    with kiosk.db.reading() as s:
        definition = s.scalars(select(SurveyDefinition)).first()
    row = {
        "id": new_id(),
        "survey_id": definition.id,
        "survey_code": definition.code,
        "survey_revision": definition.revision,
        "answers": {"medical_quality": 5},
        "language": "zh_CN",
        "device_id": kiosk.identity.device_id,
        "created_at": "2026-12-03T02:00:00Z",
        "mode": "phone",
    }
    ops = [{"t": "survey_responses", "op": "insert", "id": row["id"], "data": row}]
    body = {
        "mutation_id": new_id(),
        "device_seq": 1,
        "payload": {"ops": ops},
        "content_hash": content_hash({"ops": ops}),
    }
    answer = _push(kiosk, body)
    assert (answer["status"], answer.get("code")) == ("rejected", "forbidden"), answer


def test_an_exclusion_signed_off_by_somebody_who_is_no_lead_is_refused(server, desks) -> None:
    guide, caller = desks("staff", "lobby"), desks("staff", "follow-up")
    reg = guide.arrive("吴刚", "13611116666")
    with guide.db.session() as s:
        visits.move(s, reg.visit_id, "waiting", guide.staff("guide.li"), guide.clock, MACHINE)
        visits.move(s, reg.visit_id, "departed", guide.staff("guide.li"), guide.clock, MACHINE)
    guide.sync()
    assert _admin(server, "followup-tasks").returncode == 0
    caller.sync()
    with caller.db.reading() as s:
        task = s.scalars(select(FollowUpTask)).one()
        wang = s.scalars(select(Staff.id).where(Staff.username == "guide.wang")).one()
    event = {
        "id": new_id(),
        "task_id": task.id,
        "kind": "excluded",
        "number": None,
        "staff_id": None,
        "device_id": caller.identity.device_id,
        "occurred_at": "2026-12-03T02:00:00Z",
        "note": "",
        "data": {"reason": "已去世", "signed_off_by": wang},  # a guide: no sign-off
    }
    ops = [{"t": "followup_events", "op": "insert", "id": event["id"], "data": event}]
    body = {
        "mutation_id": new_id(),
        "device_seq": 1,
        "payload": {"ops": ops},
        "content_hash": content_hash({"ops": ops}),
    }
    answer = _push(caller, body)
    assert (answer["status"], answer.get("field"), answer.get("rule")) == (
        "rejected",
        "followup_events.data.signed_off_by",
        "not_lead",
    ), answer
