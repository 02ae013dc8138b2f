"""Follow-up calls on a real SQLite database: tasks made by rules — once, however often the
rules run — with what was left out and why; attempts checked and kept; the unreachable rule
enforced; do-not-call honoured by the next day's tasks; the worklist overdue first."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select, text

from app.errors import FrontDeskError
from app.followup_desk import FollowUpDesk
from app.models import (
    Appointment,
    AppointmentStatus,
    FollowUpEvent,
    FollowUpSource,
    FollowUpTask,
    Patient,
    Staff,
    Visit,
)
from app.models import FollowUpEventKind as F
from app.services import (
    Actor,
    cases,
    checkin,
    followups,
    registration,
    shared_settings,
    survey,
    visits,
    workdays,
)
from app.services.followup_rules import FollowUpRules
from app.services.registration import PatientForm, VisitForm

from .helpers import arrival

TZ = ZoneInfo("Asia/Shanghai")
RULES = FollowUpRules()
MONDAY = dt.date(2026, 11, 23)


def local(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, minute, tzinfo=TZ)


def local_dec(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 12, day, hour, minute, tzinfo=TZ)


def _calendar(hospital) -> workdays.WorkCalendar:
    with hospital.db.reading() as s:
        return workdays.load(s)


def _depart(hospital, clock, machine, visit_id: str, *, admitted: bool = False) -> None:
    with hospital.db.session() as s:
        visits.move(s, visit_id, "waiting", hospital.desk, clock, machine)
        if admitted:
            visits.move(
                s,
                visit_id,
                "admission",
                hospital.desk,
                clock,
                machine,
                ward="5病区",
                nurse="刘护士",
            )
        visits.move(s, visit_id, "departed", hospital.desk, clock, machine)


def _generate(hospital, clock, **kw) -> followups.Generated:
    cal = _calendar(hospital)
    with hospital.db.session() as s:
        return followups.next_day_tasks(s, MONDAY, cal, TZ, RULES, clock.now(), **kw)


def test_next_day_tasks_are_made_once_with_the_reasons_for_those_left_out(
    hospital, clock, machine
) -> None:
    seen = [arrival(hospital, clock) for _ in range(3)]
    admitted = arrival(hospital, clock)
    emergency = arrival(hospital, clock, dept="EMR")
    still_here = arrival(hospital, clock)  # never departed: not called
    came_back = arrival(hospital, clock)  # departed, then back from the car park: not yet
    for r in [*seen, came_back]:
        _depart(hospital, clock, machine, r.visit_id)
    with hospital.db.session() as s:
        visits.reopen(s, came_back.visit_id, hospital.desk, clock, machine, reason="取药")
    _depart(hospital, clock, machine, admitted.visit_id, admitted=True)
    _depart(hospital, clock, machine, emergency.visit_id)
    clock.at = local(23, 20).astimezone(dt.UTC)

    done = _generate(hospital, clock, exclude_departments={"EMR"})
    assert done.made == 4  # three next-day calls and one after discharge
    assert done.skipped == {"department_excluded": 1}
    again = _generate(hospital, clock, exclude_departments={"EMR"})
    assert again == followups.Generated(0, done.skipped)  # run again: nothing doubled
    with hospital.db.reading() as s:
        tasks = {t.visit_id: t for t in s.scalars(select(FollowUpTask))}
    assert set(tasks) == {r.visit_id for r in [*seen, admitted]}
    assert {still_here.visit_id, came_back.visit_id}.isdisjoint(tasks)
    task = tasks[seen[0].visit_id]
    # Monday's patients are called on Tuesday, in the calling hours
    assert (task.callable_from, task.due_at) == (local(24, 8, 30), local(24, 17, 30))
    assert task.state == "open" and task.numbers and task.person_name.startswith("测试")
    # the inpatient: after the hand-off the discharge comes later — called a week on, over the
    # working day it falls on (Monday 30 November) and the next
    inpatient = tasks[admitted.visit_id]
    assert inpatient.source == "discharge"
    assert (inpatient.callable_from, inpatient.due_at) == (local(30, 8, 30), local_dec(1, 17, 30))


def test_a_morning_of_calls_and_the_rules_that_hold_them(hospital, clock, machine) -> None:
    reg = arrival(hospital, clock)
    _depart(hospital, clock, machine, reg.visit_id)
    clock.at = local(23, 20).astimezone(dt.UTC)
    _generate(hospital, clock)
    caller = Actor("desk-f", hospital.guides[1].id)
    with hospital.db.reading() as s:
        task = s.scalars(select(FollowUpTask)).one()
    mobile = task.numbers[0]

    def call(kind: str, number: str | None = mobile, **data):
        with hospital.db.session() as s:
            return followups.record(
                s, task.id, kind, caller, clock, RULES, number=number, data=data
            )

    clock.at = local(24, 9, 0).astimezone(dt.UTC)
    with pytest.raises(FrontDeskError) as untaken:
        call("no_answer")  # nobody holds it: take it first
    assert untaken.value.code == "call_not_taken"
    call("claimed", number=None)
    call("no_answer")
    with pytest.raises(FrontDeskError) as refused:
        call("busy", number="13911112222")  # not one of the person's numbers
    assert refused.value.code == "validation"
    with pytest.raises(FrontDeskError) as early:
        call("closed_unreachable", number=None)
    assert early.value.code == "not_unreachable_yet"
    call("number_added", number="010-6512 3456")  # the family's landline, tried in turn
    clock.at = local(24, 9, 30).astimezone(dt.UTC)
    call("invalid_number", number="01065123456")  # ruled out: not a failure
    clock.at = local(24, 14, 0).astimezone(dt.UTC)
    with pytest.raises(FrontDeskError) as lapsed:  # the morning's lease ran out at 11:00
        call("powered_off")
    assert lapsed.value.code == "call_not_taken"
    call("claimed", number=None)
    call("powered_off")
    clock.at = local(24, 16, 30).astimezone(dt.UTC)
    call("claimed", number=None)
    call("busy")
    with hospital.db.reading() as s:
        _, _, judged = followups.view(s, task.id, clock.now(), TZ, RULES)
        row = s.get(FollowUpTask, task.id)
    assert judged.failures == 3 and judged.slots == {"morning", "afternoon"}
    assert judged.valid_numbers == (mobile,) and judged.may_close_unreachable
    assert (row.state, row.attempts) == ("open", 4)  # derived for the worklist
    call("closed_unreachable", number=None)
    with hospital.db.reading() as s:
        assert s.get(FollowUpTask, task.id).state == "unreachable"
    with pytest.raises(FrontDeskError) as closed:
        call("completed")
    assert closed.value.code == "task_closed"
    with hospital.db.session() as s, pytest.raises(Exception, match="append-only"):
        s.execute(text("UPDATE followup_events SET note = 'x'"))


def test_an_exclusion_needs_a_supervisor_and_a_refusal_can_stop_all_calls(
    hospital, clock, machine
) -> None:
    first, second = arrival(hospital, clock), arrival(hospital, clock)
    for r in (first, second):
        _depart(hospital, clock, machine, r.visit_id)
    clock.at = local(23, 20).astimezone(dt.UTC)
    _generate(hospital, clock)
    caller = Actor("desk-f", hospital.guides[1].id)
    with hospital.db.reading() as s:
        by_visit = {t.visit_id: t for t in s.scalars(select(FollowUpTask))}
    a, b = by_visit[first.visit_id], by_visit[second.visit_id]
    clock.at = local(24, 10).astimezone(dt.UTC)
    with hospital.db.session() as s:
        for task in (a, b):
            followups.record(s, task.id, "claimed", caller, clock, RULES)
    with hospital.db.session() as s, pytest.raises(FrontDeskError) as unsigned:
        followups.record(
            s,
            a.id,
            "excluded",
            caller,
            clock,
            RULES,
            number=a.numbers[0],
            data={"reason": "已再次住院", "signed_off_by": hospital.guides[1].id},
        )
    assert [e.code for e in unsigned.value.errors] == ["signer_not_lead"]
    with hospital.db.session() as s:
        followups.record(
            s,
            a.id,
            "excluded",
            caller,
            clock,
            RULES,
            number=a.numbers[0],
            data={"reason": "已再次住院", "signed_off_by": hospital.director.id},
        )
        followups.record(
            s,
            b.id,
            "refused",
            caller,
            clock,
            RULES,
            number=b.numbers[0],
            data={"do_not_call": True},
        )
        assert {t.state for t in s.scalars(select(FollowUpTask))} == {"excluded", "refused"}
    # the same patient back on Tuesday: no task, for the person asked not to be called
    with hospital.db.session() as s:
        person = s.get(Patient, s.get(FollowUpTask, b.id).patient_id)
        again = registration.register_arrival(
            s,
            PatientForm(person.name, "F", 50, person.phone, "", "walk_in"),
            VisitForm(purpose="consultation", department_id=hospital.departments["IM"].id),
            hospital.desk,
            clock,
            patient_id=person.id,
        )
    _depart(hospital, clock, machine, again.visit_id)
    cal = _calendar(hospital)
    with hospital.db.session() as s:
        tuesday = followups.next_day_tasks(s, dt.date(2026, 11, 24), cal, TZ, RULES, clock.now())
    assert tuesday.made == 0 and tuesday.skipped == {"do_not_call": 1}


def test_a_closed_complaint_is_called_within_72_hours(hospital, clock) -> None:
    lead = Actor("desk-1", hospital.director.id)
    with hospital.db.session() as s:
        case_id = cases.open_case(
            s,
            lead,
            clock,
            kind="complaint",
            channel="phone",
            summary="收费处多收挂号费",
            contact_phone="13800138000",
        ).id
        cases.record(s, case_id, "closed", lead, clock, {"causes": "窗口核对不严"})
        done = followups.after_case_tasks(s, RULES, clock.now())
        again = followups.after_case_tasks(s, RULES, clock.now())
        task = s.scalars(select(FollowUpTask)).one()
    assert (done.made, again.made) == (1, 0)
    assert task.case_id == case_id and task.numbers == ["13800138000"]
    assert task.due_at - task.callable_from == dt.timedelta(hours=72)


def test_the_worklist_puts_overdue_first(hospital, clock, machine) -> None:
    regs = [arrival(hospital, clock) for _ in range(2)]
    for r in regs:
        _depart(hospital, clock, machine, r.visit_id)
    clock.at = local(23, 20).astimezone(dt.UTC)
    _generate(hospital, clock)
    with hospital.db.session() as s:
        later = s.scalars(select(FollowUpTask)).first()
        later.due_at = local(26, 17, 30)  # as if a later source
    with hospital.db.reading() as s:
        lines = followups.worklist(s, local(25, 9).astimezone(dt.UTC))
        n = s.scalar(select(func.count()).select_from(FollowUpEvent))
    assert [line.overdue for line in lines] == [True, False]
    assert lines[1].id == later.id and n == 0
    assert F.CLOSED_UNREACHABLE.value == "closed_unreachable"


def _staff(hospital, username: str) -> Staff:
    with hospital.db.reading() as s:
        return s.scalars(select(Staff).where(Staff.username == username)).one()


def test_one_caller_at_a_time_by_lease_or_by_a_leads_assignment(hospital, clock, machine) -> None:
    reg = arrival(hospital, clock)
    _depart(hospital, clock, machine, reg.visit_id)
    clock.at = local(23, 20).astimezone(dt.UTC)
    _generate(hospital, clock)
    huang = Actor("desk-f1", _staff(hospital, "followup.huang").id)
    xu = Actor("desk-f2", _staff(hospital, "followup.xu").id)
    lead = Actor("desk-d", hospital.director.id)
    with hospital.db.reading() as s:
        task = s.scalars(select(FollowUpTask)).one()
    number = task.numbers[0]

    def act(who: Actor, kind: str, **kw):
        with hospital.db.session() as s:
            return followups.record(s, task.id, kind, who, clock, RULES, **kw)

    def refused(who: Actor, kind: str, **kw) -> FrontDeskError:
        with pytest.raises(FrontDeskError) as caught:
            act(who, kind, **kw)
        return caught.value

    clock.at = local(24, 9).astimezone(dt.UTC)
    act(huang, "claimed")
    taken = refused(xu, "claimed")
    assert taken.code == "call_held_by_other" and taken.params["holder"] == "黄蓉"
    assert refused(xu, "no_answer", number=number).code == "call_held_by_other"
    assert refused(xu, "released").code == "call_held_by_other"  # only the holder, or a lead
    act(huang, "no_answer", number=number)
    # the lease ends 120 minutes after the claim: the call goes back to everybody
    clock.at = local(24, 11, 1).astimezone(dt.UTC)
    with hospital.db.reading() as s:
        assert followups.holder(s.get(FollowUpTask, task.id), clock.now()) is None
    act(xu, "claimed")
    act(xu, "released")
    assert refused(xu, "released").code == "call_not_taken"
    # a lead gives it to a caller, with no end; a caller cannot give calls away
    assert refused(huang, "assigned", data={"to_staff_id": xu.staff_id}).code == "not_allowed"
    wrong = refused(lead, "assigned", data={"to_staff_id": hospital.guides[2].id})
    assert [e.code for e in wrong.errors] == ["not_a_caller"]
    act(lead, "assigned", data={"to_staff_id": huang.staff_id})
    clock.at = local(24, 16).astimezone(dt.UTC)
    with hospital.db.reading() as s:
        row = s.get(FollowUpTask, task.id)
        assert (followups.holder(row, clock.now()), row.held_until) == (huang.staff_id, None)
        [line] = followups.worklist(s, clock.now(), held_by=huang.staff_id)
        assert not followups.worklist(s, clock.now(), held_by=xu.staff_id)
    assert line.holder == huang.staff_id
    act(huang, "claimed")  # claiming what one was given changes nothing: still no end
    with hospital.db.reading() as s:
        assert s.get(FollowUpTask, task.id).held_until is None
    act(lead, "released")  # a lead takes it back
    with hospital.db.reading() as s:
        assert followups.holder(s.get(FollowUpTask, task.id), clock.now()) is None


ALL_FIVE = {
    "medical_quality": 5,
    "service_attitude": 5,
    "fees": 5,
    "environment": 5,
    "service_philosophy": 5,
    "recommend": 9,
}


def _kiosk_answer(hospital, clock, visit_id: str, **low) -> None:
    with hospital.db.session() as s:
        survey.submit(
            s,
            hospital.kiosk,
            clock,
            survey.current(s),
            {**ALL_FIVE, **low},
            language="zh_CN",
            visit_id=visit_id,
        )


def test_a_low_kiosk_score_is_called_about_instead_of_the_next_day_call(
    hospital, clock, machine
) -> None:
    low, happy, furious = (arrival(hospital, clock) for _ in range(3))
    for r in (low, happy, furious):
        _depart(hospital, clock, machine, r.visit_id)
    _kiosk_answer(hospital, clock, low.visit_id, service_attitude=2)
    _kiosk_answer(hospital, clock, happy.visit_id)
    _kiosk_answer(hospital, clock, furious.visit_id, fees=1)  # a complaint: a case, not a call
    clock.at = local(23, 20).astimezone(dt.UTC)
    with hospital.db.session() as s:
        done = followups.run_rules(s, clock.today(), TZ, RULES, clock.now())
        again = followups.run_rules(s, clock.today(), TZ, RULES, clock.now())
        tasks = {t.visit_id: t for t in s.scalars(select(FollowUpTask))}
    assert again.made == 0 and done.made == 3
    assert {v: t.source for v, t in tasks.items()} == {
        low.visit_id: "survey",  # one call, about the low score: not two
        happy.visit_id: "visit",
        furious.visit_id: "visit",
    }
    assert (tasks[low.visit_id].callable_from, tasks[low.visit_id].due_at) == (
        local(24, 8, 30),
        local(24, 17, 30),
    )
    # the caller sees why: the low rating, in words
    clock.at = local(24, 9).astimezone(dt.UTC)
    desk = FollowUpDesk(hospital.db, clock, makes_tasks=True, hospital=("示范医院", "Demo"))
    caller = Actor("desk-f", hospital.director.id)
    with hospital.db.session() as s:
        followups.record(s, tasks[low.visit_id].id, "claimed", caller, clock, RULES)
    call = desk.detail(tasks[low.visit_id].id, caller)
    assert call.about == ("服务态度 2/5", "Attitude 2/5")
    assert "自助机上给我们的评价" in call.script.opening[0]
    assert desk.detail(tasks[happy.visit_id].id, caller).script is None  # not theirs: no script


def test_a_booking_nobody_came_to_is_called_the_next_working_day(hospital, clock) -> None:
    with hospital.db.session() as s:
        bookings = list(s.scalars(select(Appointment).where(Appointment.day == MONDAY)))
        bookings[0].status = AppointmentStatus.CANCELLED  # cancelled: nobody to call
    came = bookings[1]
    with hospital.db.session() as s:
        checkin.check_in(
            s,
            came.id,
            hospital.desk,
            dt_clock_at(clock, came),
            channel="desk",
            enforce_window=False,
        )
    clock.at = local(23, 20).astimezone(dt.UTC)
    with hospital.db.session() as s:
        on_the_day = followups.run_rules(s, clock.today(), TZ, RULES, clock.now())
    assert not _sources(hospital).get("no_show")  # the day is not over: nobody is missing yet
    clock.at = local(24, 7).astimezone(dt.UTC)
    with hospital.db.session() as s:
        followups.run_rules(s, clock.today(), TZ, RULES, clock.now())
        tasks = list(
            s.scalars(select(FollowUpTask).where(FollowUpTask.source == FollowUpSource.NO_SHOW))
        )
    assert on_the_day.made == 0
    assert {t.source_id for t in tasks} == {b.id for b in bookings[2:]}
    task = next(t for t in tasks if t.source_id == bookings[2].id)
    assert task.numbers == [bookings[2].patient_phone] and task.patient_id is None
    assert (task.callable_from, task.due_at) == (local(24, 8, 30), local(24, 17, 30))


def dt_clock_at(clock, booking):
    """The clock at the booking's time, for a check-in inside its window."""
    clock.at = booking.scheduled_at
    return clock


def _sources(hospital) -> dict[str, int]:
    with hospital.db.reading() as s:
        rows = s.execute(
            select(FollowUpTask.source, func.count()).group_by(FollowUpTask.source)
        ).all()
    return {str(source): n for source, n in rows}


def test_calling_hours_and_excluded_departments_are_the_hospitals_settings(
    hospital, clock, machine
) -> None:
    im, emr = arrival(hospital, clock), arrival(hospital, clock, dept="EMR")
    injection = arrival(hospital, clock, purpose="treatment")  # a kind of visit not called
    for r in (im, emr, injection):
        _depart(hospital, clock, machine, r.visit_id)
    with hospital.db.session() as s:
        for key, value in (
            ("followups.calls_from", "09:00"),
            ("followups.calls_until", "16:30"),
            ("followups.exclude_departments", ["EMR"]),
            ("followups.exclude_purposes", ["treatment"]),
        ):
            shared_settings.put(s, key, value, "director.sun", clock.now())
        with pytest.raises(shared_settings.SettingError) as backwards:
            shared_settings.put(s, "followups.calls_until", "08:00", "director.sun", clock.now())
    assert backwards.value.key == "followups.calls_until"
    with hospital.db.session() as s, pytest.raises(shared_settings.SettingError) as unknown:
        shared_settings.put(s, "followups.exclude_purposes", ["lunch"], "x", clock.now())
    assert "treatment" in unknown.value.reason
    clock.at = local(23, 20).astimezone(dt.UTC)
    desk = FollowUpDesk(hospital.db, clock, makes_tasks=True)
    listing = desk.lines(hospital.director.id)
    assert [r.person for r in listing.rows] == [_name_of(hospital, im.visit_id)]
    line = listing.rows[0]
    assert (line.callable_from, line.due_at) == (local(24, 9), local(24, 16, 30))


def _name_of(hospital, visit_id: str) -> str:
    with hospital.db.reading() as s:
        return s.get(Patient, s.get(Visit, visit_id).patient_id).name
