"""The survey asked on a follow-up call, on a real SQLite database: kept tagged phone and counted
apart from the kiosk's; a low score opens a service-recovery case, a formal complaint only when
the person complains, and joins an open complaint of the same person and department instead of
doubling it; a wrong answer is refused and nothing of the call is kept."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from app.models import Case, CaseEvent, FollowUpEvent, FollowUpTask, Staff, SurveyResponse
from app.services import Actor, cases, followups, phone_survey, survey_figures
from app.services.survey import SurveyError

from .helpers import arrival
from .test_followups import RULES, _depart, _generate, local

GOOD = {
    "medical_quality": 5,
    "service_attitude": 5,
    "fees": 4,
    "environment": 5,
    "service_philosophy": 5,
    "recommend": 9,
}


@pytest.fixture
def calls(hospital, clock, machine):
    """Three of Monday's outpatients, called on Tuesday morning by a caller holding them."""
    regs = [arrival(hospital, clock) for _ in range(3)]
    for r in regs:
        _depart(hospital, clock, machine, r.visit_id)
    clock.at = local(23, 20).astimezone(dt.UTC)
    _generate(hospital, clock)
    with hospital.db.reading() as s:
        huang = s.scalars(select(Staff.id).where(Staff.username == "followup.huang")).one()
        tasks = {t.visit_id: t for t in s.scalars(select(FollowUpTask))}
    caller = Actor("desk-f", huang)
    clock.at = local(24, 9, 30).astimezone(dt.UTC)
    with hospital.db.session() as s:
        for t in tasks.values():
            followups.record(s, t.id, "claimed", caller, clock, RULES)
    return caller, [tasks[r.visit_id] for r in regs]


def _reached(hospital, clock, caller, task, answers, **kw) -> phone_survey.Reached:
    with hospital.db.session() as s:
        return phone_survey.reached(
            s, task.id, caller, clock, RULES, number=task.numbers[0], answers=answers, **kw
        )


def test_a_good_phone_survey_is_kept_as_phone_and_counted_apart(hospital, clock, calls) -> None:
    caller, (task, *_) = calls
    done = _reached(hospital, clock, caller, task, GOOD)
    assert done.low == () and done.case_id is None
    with hospital.db.reading() as s:
        answer = s.get(SurveyResponse, done.response_id)
        event = s.get(FollowUpEvent, done.event_id)
        assert (answer.mode, answer.visit_id, answer.department_id) == (
            "phone",
            task.visit_id,
            task.department_id,
        )
        assert event.kind == "completed" and event.data == {"survey_response_id": answer.id}
        assert s.get(FollowUpTask, task.id).state == "completed"
        day = clock.today()
        (kiosk,) = survey_figures.figures(s, clock, day, day)
        (phone,) = survey_figures.figures(s, clock, day, day, mode="phone")
    assert (kiosk.responses, phone.responses) == (0, 1)


def test_a_low_score_opens_service_recovery_or_a_complaint_when_asked(
    hospital, clock, calls
) -> None:
    caller, (first, second, _) = calls
    low = {**GOOD, "service_attitude": 2, "what_went_wrong": ["attitude"]}
    recovery = _reached(hospital, clock, caller, first, low)
    assert recovery.low == ("service_attitude",) and recovery.case_kind == "service_recovery"
    formal = _reached(hospital, clock, caller, second, low, complaint=True)
    assert formal.case_kind == "complaint" and not formal.joined
    with hospital.db.reading() as s:
        a, b = s.get(Case, recovery.case_id), s.get(Case, formal.case_id)
        assert (a.channel, a.department_id, a.survey_response_id) == (
            "follow_up",
            first.department_id,
            recovery.response_id,
        )
        assert "服务态度 2/5" in a.summary and a.contact_phone == first.numbers[0]
        assert b.due_at is not None  # a complaint runs the statutory clocks
        assert a.owner_staff_id is None  # the department's lead takes it on from the list


def test_a_low_score_joins_an_open_complaint_instead_of_doubling_it(hospital, clock, calls) -> None:
    caller, (task, *_) = calls
    lead = Actor("desk-1", hospital.director.id)
    with hospital.db.session() as s:
        open_ = cases.open_case(
            s,
            lead,
            clock,
            kind="complaint",
            channel="phone",
            summary="候诊时间过长",
            patient_id=task.patient_id,
            department_id=task.department_id,
        )
    before = _count(hospital, Case)
    joined = _reached(hospital, clock, caller, task, {**GOOD, "medical_quality": 1}, complaint=True)
    assert (joined.case_id, joined.joined) == (open_.id, True)
    assert _count(hospital, Case) == before
    with hospital.db.reading() as s:
        note = s.scalars(
            select(CaseEvent).where(CaseEvent.case_id == open_.id, CaseEvent.kind == "note")
        ).one()
    assert "医疗质量 1/5" in note.data["text"]


def test_a_wrong_answer_is_refused_and_nothing_of_the_call_is_kept(hospital, clock, calls) -> None:
    caller, (task, *_) = calls
    with pytest.raises(SurveyError) as refused:
        _reached(hospital, clock, caller, task, {**GOOD, "fees": 7})
    assert "fees" in refused.value.detail
    assert (_count(hospital, SurveyResponse), _count(hospital, FollowUpEvent)) == (0, 3)
    with hospital.db.reading() as s:
        assert s.get(FollowUpTask, task.id).state == "open"


def _count(hospital, model) -> int:
    with hospital.db.reading() as s:
        return s.scalar(select(func.count()).select_from(model))
