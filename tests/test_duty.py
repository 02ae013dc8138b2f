"""The duty log and the hand-over: notes for the daily report, the hand-over with what stands
open filled in, taken over once by the next shift and never by its writer; append-only; through
the real server, a take-over naming no hand-over is refused and the log reaches every desk."""

from __future__ import annotations

import datetime as dt

import pytest

from app.errors import FrontDeskError, ValidationError
from app.models import DutyKind, DutyNote
from app.services import assistance, duty
from app.services.context import Actor

from .harness import DeskMaker
from .helpers import arrival


def test_notes_and_a_hand_over_taken_over_once(hospital, clock) -> None:
    li, wang = hospital.guide_actor(1), hospital.guide_actor(2)
    with hospital.db.session() as s:
        duty.write(s, li, clock, "system", "  2号自助机打印机卡纸  ")
        with pytest.raises(ValidationError):
            duty.write(s, li, clock, "system", "   ")  # nothing said: refused
        with pytest.raises(ValidationError):
            duty.write(s, li, clock, "gossip", "x")  # no such kind
        with pytest.raises(ValidationError):
            duty.write(s, li, clock, "other", "x" * 2001)
    a = arrival(hospital, clock).visit_id
    arrival(hospital, clock)
    from app.services import escort

    with hospital.db.session() as s:
        escort.claim(s, a, li, clock)
        assistance.call_guide(s, Actor("kiosk-1"), clock, location="大厅", language="zh_CN")
    clock.advance(hours=8)
    with hospital.db.session() as s:
        handed = duty.hand_over(s, li, clock, "12床家属在药房")
    assert handed.data["in_building"] == 2 and handed.data["open_calls"] == 1
    assert len(handed.data["mine"]) == 1
    with hospital.db.session() as s:
        with pytest.raises(FrontDeskError) as own:
            duty.take_over(s, li, clock, handed.id)
        assert own.value.code == "own_handover"
    with hospital.db.reading() as s:
        log = duty.day_log(s, clock.today())
    assert [ln.kind for ln in log] == ["system", "handover"]
    assert log[0].text == "2号自助机打印机卡纸" and log[0].who
    assert duty.waiting_handovers(log) == [log[1]]
    clock.advance(minutes=5)
    with hospital.db.session() as s:
        first = duty.take_over(s, wang, clock, handed.id)
        again = duty.take_over(s, hospital.guide_actor(0), clock, handed.id)
    assert again.id == first.id  # taken over once: the log says by whom
    with hospital.db.reading() as s:
        log = duty.day_log(s, clock.today())
    assert log[1].taken_by and log[1].taken_at == clock.now()
    assert duty.waiting_handovers(log) == []
    with hospital.db.session() as s, pytest.raises(Exception, match="append-only"):
        s.get(DutyNote, handed.id).text = "rewritten"
        s.flush()


def test_a_night_shifts_hand_over_waits_into_the_morning(hospital, clock) -> None:
    night = hospital.guide_actor(1)
    with hospital.db.session() as s:
        handed = duty.hand_over(s, night, clock, "")
    clock.advance(days=1)
    with hospital.db.reading() as s:
        log = duty.day_log(s, clock.today())
    assert [ln.note_id for ln in duty.waiting_handovers(log)] == [handed.id]


@pytest.fixture
def desks(sqlite_server, tmp_path):
    maker = DeskMaker(sqlite_server, tmp_path)
    yield maker
    maker.close()


def test_the_log_reaches_every_desk_and_a_false_take_over_is_refused(desks) -> None:
    from app.ids import new_id

    one, two = desks("staff", "一楼"), desks("staff", "二楼")
    with one.db.session() as s:
        note = duty.write(s, one.staff("guide.li"), one.clock, "incident", "患者在电梯口摔倒")
        handed = duty.hand_over(s, one.staff("guide.li"), one.clock, "注意电梯")
    one.sync()
    assert one.engine.status.conflicts == () and one.engine.pending_count() == 0
    two.sync()
    with two.db.reading() as s:
        log = duty.day_log(s, two.clock.today())
    assert {ln.note_id for ln in log} == {note.id, handed.id}
    with two.db.session() as s:
        duty.take_over(s, two.staff("guide.wang"), two.clock, handed.id)
    two.sync()
    assert two.engine.pending_count() == 0 and two.engine.status.conflicts == ()
    one.sync()
    with one.db.reading() as s:
        assert duty.waiting_handovers(duty.day_log(s, one.clock.today())) == []
    # a take-over naming a note that is no hand-over: refused with its reason
    with two.db.session() as s:
        bogus = DutyNote(
            id=new_id(),
            day=two.clock.today(),
            kind=DutyKind.TAKEN_OVER,
            text="",
            staff_id=two.staff("guide.wang").staff_id,
            device_id=two.identity.device_id,
            created_at=dt.datetime.now(dt.UTC),
            ref_id=note.id,
        )
        s.add(bogus)
    two.sync()
    [refusal] = two.engine.status.conflicts
    assert (refusal.kind, refusal.code, refusal.field, refusal.rule) == (
        "rejected",
        "invalid_data",
        "duty_notes.ref_id",
        "not_a_handover",
    )
    with two.db.reading() as s:
        assert s.get(DutyNote, bogus.id) is None  # the desk let the refused note go
