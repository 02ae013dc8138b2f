"""A visit's stage and escort are derived from its append-only events."""

from __future__ import annotations

import datetime as dt

import pytest

from app.errors import FrontDeskError, StageError, ValidationError
from app.models import EventKind, Visit, VisitEvent
from app.services import escort, visits
from app.services.stages import ADMISSION, DEPARTED

from .helpers import arrival


def _state(hospital, visit_id):
    with hospital.db.session() as s:
        return visits.state_of(s, visit_id)


def test_stage_escort_and_time_in_stage_come_from_the_events(hospital, clock, machine) -> None:
    v = arrival(hospital, clock).visit_id
    g0, g1 = hospital.guide_actor(0), hospital.guide_actor(1)
    start = clock.now()
    with hospital.db.session() as s:
        escort.claim(s, v, g0, clock)
        clock.advance(minutes=4)
        visits.move(s, v, "registered", g0, clock, machine)
        clock.advance(minutes=6)
        visits.move(s, v, "waiting", g0, clock, machine)
        clock.advance(minutes=25)
        escort.hand_off(s, v, g1.staff_id, g0, clock)
    state = _state(hospital, v)
    assert state.stage == "waiting"
    assert state.stage_since == start + dt.timedelta(minutes=10)
    assert state.escort_staff_id == g1.staff_id
    assert state.minutes_in_stage(clock.now()) == pytest.approx(25)
    assert machine.level(state.stage, state.minutes_in_stage(clock.now())) == "amber"
    # the cached columns agree with a fresh derivation
    with hospital.db.session() as s:
        row = s.get(Visit, v)
        assert (row.stage, row.stage_since, row.escort_staff_id) == (
            state.stage,
            state.stage_since,
            state.escort_staff_id,
        )


def test_derivation_does_not_depend_on_storage_order(hospital, clock, machine) -> None:
    v = arrival(hospital, clock).visit_id
    g = hospital.guide_actor(0)
    with hospital.db.session() as s:
        escort.claim(s, v, g, clock)
        for target in ("registered", "waiting", "exam", "consultation"):
            clock.advance(minutes=3)
            visits.move(s, v, target, g, clock, machine)
        events = visits.events_of(s, v)
    assert visits.derive(list(reversed(events))) == visits.derive(events)
    assert visits.derive(events).stage == "consultation"


def test_non_linear_moves_between_in_visit_stages(hospital, clock, machine) -> None:
    v = arrival(hospital, clock).visit_id
    g = hospital.guide_actor(0)
    path = [
        "registered",
        "waiting",
        "consultation",
        "exam",
        "payment",
        "consultation",
        "pharmacy",
        "treatment",
        "consultation",
    ]
    with hospital.db.session() as s:
        for target in path:
            clock.advance(minutes=1)
            assert visits.move(s, v, target, g, clock, machine).stage == target


def test_refused_moves_say_from_and_to_in_both_languages(hospital, clock, machine) -> None:
    v = arrival(hospital, clock).visit_id
    g = hospital.guide_actor(0)
    with hospital.db.session() as s:
        visits.move(s, v, "waiting", g, clock, machine)
    with pytest.raises(StageError) as info, hospital.db.session() as s:
        visits.move(s, v, "registered", g, clock, machine)
    assert info.value.message("en") == "A visit cannot move from Waiting to Registered."
    assert info.value.message("zh_CN") == "不能从“候诊”转到“已挂号”。"
    with pytest.raises(StageError) as info, hospital.db.session() as s:
        visits.move(s, v, "surgery", g, clock, machine)
    assert info.value.code == "stage_unknown"
    assert _state(hospital, v).stage == "waiting"


def test_next_by_one_click(hospital, clock, machine) -> None:
    v = arrival(hospital, clock).visit_id
    g = hospital.guide_actor(0)
    seen = []
    with hospital.db.session() as s:
        for _ in range(len(machine.stages) - 2):  # every stage but admission, then departed
            seen.append(visits.advance(s, v, g, clock, machine).stage)
        with pytest.raises(StageError):
            visits.advance(s, v, g, clock, machine)
    assert seen == ["registered", *machine.in_visit, DEPARTED]


def test_admission_records_ward_and_nurse_then_departure_closes(hospital, clock, machine) -> None:
    v = arrival(hospital, clock).visit_id
    g = hospital.guide_actor(0)
    with hospital.db.session() as s:
        escort.claim(s, v, g, clock)
        visits.move(s, v, "consultation", g, clock, machine)
    with pytest.raises(ValidationError) as info, hospital.db.session() as s:
        visits.move(s, v, ADMISSION, g, clock, machine, ward="")
    assert info.value.fields() == ["ward", "nurse"]
    with hospital.db.session() as s:
        visits.move(s, v, ADMISSION, g, clock, machine, ward="心内科病区 7楼", nurse="刘护士")
        admitted = visits.events_of(s, v)[-1]
        assert admitted.kind == EventKind.ADMITTED
        assert admitted.data == {"ward": "心内科病区 7楼", "nurse": "刘护士"}
        with pytest.raises(StageError):
            visits.move(s, v, "waiting", g, clock, machine)
        state = visits.move(s, v, DEPARTED, g, clock, machine)
    assert state.stage == DEPARTED
    assert state.escort_staff_id is None  # a departure ends the escort


def test_departed_is_final_until_reopened(hospital, clock, machine) -> None:
    v = arrival(hospital, clock).visit_id
    g = hospital.guide_actor(0)
    with hospital.db.session() as s:
        visits.move(s, v, DEPARTED, g, clock, machine)
    for target in ("waiting", "registered", DEPARTED):
        with pytest.raises(StageError) as info, hospital.db.session() as s:
            visits.move(s, v, target, g, clock, machine)
        assert info.value.code == "visit_departed"
    with pytest.raises(StageError), hospital.db.session() as s:
        escort.claim(s, v, g, clock)
    with pytest.raises(ValidationError), hospital.db.session() as s:
        visits.reopen(s, v, g, clock, machine, reason=" ")
    with hospital.db.session() as s:
        state = visits.reopen(s, v, g, clock, machine, stage="pharmacy", reason="回来取药")
    assert state.stage == "pharmacy"
    with pytest.raises(StageError), hospital.db.session() as s:
        visits.reopen(s, v, g, clock, machine, reason="again")  # not departed any more


def test_a_mistaken_move_is_undone_by_a_correction_and_the_timeline_keeps_both(
    hospital, clock, machine
) -> None:
    v = arrival(hospital, clock).visit_id
    g = hospital.guide_actor(0)
    with hospital.db.session() as s:
        visits.move(s, v, "waiting", g, clock, machine)
        waiting_since = clock.now()
        clock.advance(minutes=2)
        visits.move(s, v, DEPARTED, g, clock, machine)  # meant "pharmacy"
        wrong = visits.events_of(s, v)[-1]
        clock.advance(minutes=1)
        state = visits.correct(s, v, wrong.id, g, clock, reason="点错了")
    assert state.stage == "waiting"
    assert state.stage_since == waiting_since
    with hospital.db.session() as s:
        lines = visits.timeline(s, v)
    assert [e.kind for e in lines] == ["arrived", "stage_changed", "departed", "corrected"]
    assert lines[2].corrected_by == lines[3].event_id
    assert lines[3].corrects == wrong.id
    assert lines[3].data == {"reason": "点错了"}
    assert all(e.device_id == "desk-1" and e.staff_id == g.staff_id for e in lines[1:])


def test_only_the_latest_live_move_can_be_corrected(hospital, clock, machine) -> None:
    v = arrival(hospital, clock).visit_id
    g = hospital.guide_actor(0)
    with hospital.db.session() as s:
        visits.move(s, v, "waiting", g, clock, machine)
        clock.advance(minutes=1)
        visits.move(s, v, "exam", g, clock, machine)
        first, second = visits.events_of(s, v)[1:3]
    for bad in (first.id, "no-such-event"):
        with pytest.raises(FrontDeskError) as info, hospital.db.session() as s:
            visits.correct(s, v, bad, g, clock, reason="x")
        assert info.value.code == "correction_invalid"
    with hospital.db.session() as s:
        visits.correct(s, v, second.id, g, clock, reason="x")
        with pytest.raises(FrontDeskError):
            visits.correct(s, v, second.id, g, clock, reason="twice")
        with pytest.raises(FrontDeskError):  # the arrival itself is no move
            visits.correct(s, v, visits.events_of(s, v)[0].id, g, clock, reason="x")
        # the earlier move is now the latest live one
        visits.correct(s, v, first.id, g, clock, reason="x")
        assert visits.state_of(s, v).stage == "arrived"


def test_notes_are_events_and_length_limited(hospital, clock) -> None:
    v = arrival(hospital, clock).visit_id
    g = hospital.guide_actor(0)
    with pytest.raises(ValidationError), hospital.db.session() as s:
        visits.note(s, v, "x" * 501, g, clock)
    with hospital.db.session() as s:
        ev = visits.note(s, v, "家属在一楼等候", g, clock)
        assert ev.kind == EventKind.NOTE
        assert s.query(VisitEvent).filter_by(visit_id=v).count() == 2


def test_unknown_visit(hospital, clock, machine) -> None:
    with pytest.raises(FrontDeskError) as info, hospital.db.session() as s:
        visits.move(s, "nope", "waiting", hospital.desk, clock, machine)
    assert info.value.code == "not_found"
    assert info.value.message("en") == "Visit was not found."
