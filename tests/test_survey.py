"""Satisfaction surveys on a real SQLite file: definitions checked whole, every question type,
conditions, versions (an answer to revision 1 still reads after revision 2), one counted answer
per visit, anonymous answers, complaints, and the figures on a hand-made set of answers whose
right results are worked out here."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from app import demo
from app.models import SurveyResponse
from app.services import survey
from app.services.auth import SignedIn
from app.services.survey import SurveyError, TicketNumberInvalid
from app.services.survey_figures import figures
from app.staff_backend import StaffBackend

from .helpers import arrival

RATED = ("medical_quality", "service_attitude", "fees", "environment", "service_philosophy")


def _answers(ratings: list[int], nps: int, **extra: Any) -> dict[str, Any]:
    return {**dict(zip(RATED, ratings, strict=True)), "recommend": nps, **extra}


@pytest.fixture
def definition(hospital) -> survey.Definition:
    with hospital.db.reading() as s:
        return survey.current(s)


def _submit(hospital, clock, definition, answers, actor=None, **kw) -> survey.Submitted:
    with hospital.db.session() as s:
        return survey.submit(
            s, actor or hospital.kiosk, clock, definition, answers, language="zh_CN", **kw
        )


# -- definitions -------------------------------------------------------------------------------


def test_the_default_survey_asks_what_the_hospital_rules_ask(definition) -> None:
    ids = [q.id for q in definition.questions]
    assert set(RATED) | {"recommend", "what_went_wrong", "comment"} <= set(ids)
    assert {q.type for q in definition.questions} == set(survey.TYPES)
    for q in definition.questions:  # every question in the three kiosk languages
        assert all(q.text[lang] for lang in ("zh_CN", "zh_TW", "en"))


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        (lambda d: d["questions"][0].update(type="slider"), "type is one of"),
        (lambda d: d["questions"][0]["text"].pop("zh_TW"), "no text in zh_TW"),
        (lambda d: d["questions"][1].update(id="medical_quality"), "its own id"),
        (lambda d: d["questions"][5].update(options=d["questions"][5]["options"][:1]), "two"),
        (lambda d: d["questions"][0].update(when={"any_of": ["fees"], "at_most": 2}), "earlier"),
        (lambda d: d.update(revision=0), "revision"),
        (lambda d: d["questions"][6].update(max_length=0), "max_length"),
    ],
)
def test_a_broken_definition_is_refused_whole(change, complaint) -> None:
    data = copy.deepcopy(demo.read_survey())
    survey.parse(data)  # the shipped one is fine
    change(data)
    with pytest.raises(SurveyError) as err:
        survey.parse(data)
    assert complaint in str(err.value)


def test_a_low_rating_asks_what_went_wrong(definition) -> None:
    fine = [q.id for q in survey.asked(definition, _answers([4, 5, 4, 4, 5], 9))]
    assert "what_went_wrong" not in fine and "what_went_wrong_text" not in fine
    low = [q.id for q in survey.asked(definition, {"medical_quality": 4, "fees": 2})]
    assert low.index("what_went_wrong") == low.index("service_philosophy") + 1
    assert "what_went_wrong_text" in low


def test_every_question_type_checks_its_answer(definition) -> None:
    q = definition.question
    assert survey.check_answer(q("fees"), 3) == 3
    assert survey.check_answer(q("recommend"), 0) == 0
    assert survey.check_answer(q("respondent"), "family") == "family"
    # several choices come back in the definition's order
    assert survey.check_answer(q("what_went_wrong"), ["fees", "waiting"]) == ["waiting", "fees"]
    assert survey.check_answer(q("comment"), "  挂号很快  ") == "挂号很快"
    for question, bad in [
        ("fees", 6),
        ("fees", 0),
        ("fees", True),
        ("recommend", 11),
        ("respondent", "neighbour"),
        ("what_went_wrong", ["waiting", "weather"]),
        ("what_went_wrong", []),
        ("comment", "好" * 301),
    ]:
        with pytest.raises(SurveyError):
            survey.check_answer(q(question), bad)


def test_clean_drops_answers_no_longer_asked_and_wants_the_required_ones(definition) -> None:
    # the patient rated fees 2, answered "what went wrong", then went back and gave 4
    answers = _answers([4, 4, 4, 4, 4], 8, what_went_wrong=["fees"])
    assert "what_went_wrong" not in survey.clean(definition, answers)
    low = _answers([4, 4, 2, 4, 4], 8, what_went_wrong=["fees"])
    assert survey.clean(definition, low)["what_went_wrong"] == ["fees"]
    partial = _answers([4, 4, 4, 4, 4], 8)
    del partial["recommend"]
    with pytest.raises(SurveyError, match="recommend: required"):
        survey.clean(definition, partial)
    with pytest.raises(SurveyError, match="no question"):
        survey.clean(definition, {**_answers([4] * 5, 8), "weather": 3})


# -- recording ---------------------------------------------------------------------------------


def test_one_answer_per_visit_anonymous_answers_and_complaints(hospital, clock, definition):
    visit = arrival(hospital, clock).visit_id
    first = _submit(hospital, clock, definition, _answers([5] * 5, 10), visit_id=visit)
    assert first.counted and not first.complaint
    again = _submit(hospital, clock, definition, _answers([1] * 5, 0), visit_id=visit)
    assert not again.counted and again.complaint  # thanked, kept, not counted; still passed on
    anonymous = _submit(
        hospital,
        clock,
        definition,
        _answers([4] * 5, 9, comment="厕所没有纸"),
        complaint_marked=True,
    )
    with hospital.db.reading() as s:
        assert survey.answered(s, visit)
        second = s.get(SurveyResponse, again.response_id)
        assert second.duplicate_of == first.response_id
        anon = s.get(SurveyResponse, anonymous.response_id)
        # nothing about the person: no visit, ticket, department, doctor or guide
        assert (anon.visit_id, anon.ticket, anon.department_id, anon.doctor_id) == (None,) * 4
        assert anon.guide_id is None and anon.complaint and anon.comment == "厕所没有纸"
        assert anon.survey_revision == 1 and anon.survey_id == definition.id


def test_a_typed_ticket_number_finds_the_visit_and_its_guide(hospital, clock, machine, definition):
    backend = StaffBackend(hospital.db, clock, "desk-1", machine, desk_name="一楼导医台")
    guide = hospital.guides[2]
    result = arrival(hospital, clock, dept="PED")
    backend.claim(SignedIn(guide.id, guide.display_name, "guide", False), result.visit_id)
    typed = " " + result.ticket.lower() + " "
    done = _submit(hospital, clock, definition, _answers([4] * 5, 9), ticket=typed)
    with hospital.db.reading() as s:
        r = s.get(SurveyResponse, done.response_id)
        assert r.visit_id == result.visit_id and r.ticket == result.ticket
        assert r.department_id == hospital.departments["PED"].id and r.guide_id == guide.id
    with pytest.raises(TicketNumberInvalid):
        _submit(hospital, clock, definition, _answers([4] * 5, 9), ticket="001A")
    # a number this desk does not know is kept, for the server to match
    unknown = _submit(hospital, clock, definition, _answers([4] * 5, 9), ticket="Z999")
    with hospital.db.reading() as s:
        r = s.get(SurveyResponse, unknown.response_id)
        assert (r.visit_id, r.ticket, r.day) == (None, "Z999", clock.today())


def test_an_answer_to_revision_1_reads_the_same_after_revision_2(hospital, clock, definition):
    answers = _answers([4, 4, 2, 4, 4], 7, what_went_wrong=["waiting", "fees"])
    done = _submit(hospital, clock, definition, answers)
    v2 = copy.deepcopy(demo.read_survey())
    v2["revision"] = 2
    v2["questions"][0]["text"]["zh_CN"] = "医生看得好吗？"
    v2["questions"][5]["options"][0]["text"]["zh_CN"] = "排队久"
    with hospital.db.session() as s:
        survey.publish(s, v2)
        with pytest.raises(SurveyError, match="already has revision 2"):
            survey.publish(s, copy.deepcopy(v2))
    with hospital.db.reading() as s:
        assert survey.current(s).revision == 2
        read = survey.read(s, s.get(SurveyResponse, done.response_id), "zh_CN")
    words = {r.question: r.answer for r in read}
    assert words["您对医疗质量满意吗？"] == "4"
    assert words["很抱歉让您不满意。哪里没做好？（可多选）"] == "等候时间太长、费用不清楚或太高"
    assert "医生看得好吗？" not in words


# -- figures -----------------------------------------------------------------------------------


def test_figures_on_a_hand_made_day(hospital, clock, machine, definition) -> None:
    backend = StaffBackend(hospital.db, clock, "desk-1", machine, desk_name="一楼导医台")
    ga, gb = (SignedIn(g.id, g.display_name, "guide", False) for g in hospital.guides[:2])
    doctor = hospital.doctor_on_duty("IM", clock.today())
    a = arrival(hospital, clock, doctor_id=doctor.id).visit_id  # IM, walked by A
    b = arrival(hospital, clock).visit_id  # IM, walked by B
    c = arrival(hospital, clock, dept="PED")  # PED, A hands over to B
    d = arrival(hospital, clock).visit_id  # IM, still here
    backend.claim(ga, a)
    backend.claim(gb, b)
    backend.claim(ga, c.visit_id)
    backend.hand_off(ga, c.visit_id, gb.staff_id)
    backend.claim(ga, d)
    clock.advance(minutes=40)
    for v in (a, b, c.visit_id):
        backend.move(ga if v == a else gb, v, "departed")

    _submit(hospital, clock, definition, _answers([5, 5, 5, 5, 5], 10), visit_id=a)
    _submit(hospital, clock, definition, _answers([2, 4, 4, 4, 4], 6), visit_id=b)
    _submit(hospital, clock, definition, _answers([1, 1, 1, 1, 1], 0), visit_id=b)  # 2nd: no
    _submit(hospital, clock, definition, _answers([3, 3, 3, 3, 3], 8), ticket=c.ticket)
    _submit(hospital, clock, definition, _answers([1, 1, 1, 1, 1], 0))  # anonymous
    day = clock.today()
    clock.advance(days=1)
    _submit(hospital, clock, definition, _answers([5, 5, 5, 5, 5], 10))  # the next day

    with hospital.db.reading() as s:
        (overall,) = figures(s, clock, day, day)
        by_dept = {f.key: f for f in figures(s, clock, day, day, by="department")}
        by_guide = {f.key: f for f in figures(s, clock, day, day, by="guide")}
        by_doctor = {f.key: f for f in figures(s, clock, day, day, by="doctor")}
        (two_days,) = figures(s, clock, day, day + dt.timedelta(days=1))

    # a, b, c (by its ticket number) and the anonymous one; b's second answer does not count
    assert (overall.responses, overall.departed, overall.rate) == (4, 3, 1.333)
    assert overall.means["medical_quality"] == (5 + 2 + 3 + 1) / 4
    assert overall.means["service_attitude"] == (5 + 4 + 3 + 1) / 4
    assert overall.low_share == 6 / 20  # b's one 2 and the anonymous five 1s, of 20 ratings
    assert overall.nps == -25.0  # 10 | 6, 8 | 0 … promoters 1, detractors 2, of 4
    assert overall.complaints == 1  # the anonymous 1s (b's 2 is low, not a complaint)
    im, ped = by_dept[hospital.departments["IM"].id], by_dept[hospital.departments["PED"].id]
    assert (im.responses, im.departed, im.rate, im.nps) == (2, 2, 1.0, 0.0)
    assert im.means["medical_quality"] == 3.5 and im.low_share == 0.1
    assert (ped.responses, ped.departed, ped.rate, ped.nps) == (1, 1, 1.0, 0.0)
    assert ped.name == ("儿科", hospital.departments["PED"].name_en)
    assert None not in by_dept  # anonymous answers belong to no department
    a_fig, b_fig = by_guide[ga.staff_id], by_guide[gb.staff_id]
    assert (a_fig.responses, a_fig.departed, a_fig.nps) == (1, 1, 100.0)
    assert (b_fig.responses, b_fig.departed, b_fig.nps) == (2, 2, -50.0)
    assert b_fig.means["medical_quality"] == 2.5  # b's 2 and c's 3: c was handed to B
    assert by_doctor[doctor.id].responses == 1 and by_doctor[doctor.id].departed == 1
    assert (two_days.responses, two_days.departed) == (5, 3)
    with pytest.raises(ValueError, match="weather"):
        figures(s, clock, day, day, by="weather")


def test_departure_corrected_away_is_not_a_departure(hospital, clock, machine) -> None:
    backend = StaffBackend(hospital.db, clock, "desk-1", machine, desk_name="一楼导医台")
    g = hospital.guides[0]
    who = SignedIn(g.id, g.display_name, "guide", False)
    visit = arrival(hospital, clock).visit_id
    backend.claim(who, visit)
    backend.move(who, visit, "departed")
    with hospital.db.reading() as s:
        assert figures(s, clock, clock.today(), clock.today())[0].departed == 1
    backend.undo_last(who, visit, "按错了")
    with hospital.db.reading() as s:
        assert figures(s, clock, clock.today(), clock.today())[0].departed == 0
        assert s.scalars(select(SurveyResponse)).all() == []


def test_by_guide_finds_the_guide_an_answer_came_without(hospital, clock, machine, definition):
    """A kiosk answers before the guide's escort reaches it (its copy names no guide); the
    figures by guide still find who walked the patient, from the visit's own events."""
    backend = StaffBackend(hospital.db, clock, "desk-1", machine, desk_name="一楼导医台")
    guide = hospital.guides[1]
    visit = arrival(hospital, clock, dept="PED").visit_id
    done = _submit(hospital, clock, definition, _answers([5] * 5, 10), visit_id=visit)
    with hospital.db.reading() as s:
        assert s.get(SurveyResponse, done.response_id).guide_id is None  # nobody walked yet
    backend.claim(SignedIn(guide.id, guide.display_name, "guide", False), visit)
    with hospital.db.reading() as s:
        rows = figures(s, clock, clock.today(), clock.today(), by="guide", rates=False)
    assert [(f.key, f.responses) for f in rows] == [(guide.id, 1)]
    assert rows[0].name == (guide.display_name, guide.display_name)
