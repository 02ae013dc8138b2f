"""The satisfaction survey at the kiosk, walked by touch on a real stand-alone kiosk (SQLite
file, demo hospital): every language, a low rating that asks what went wrong and passes a
complaint on, a scanned and a typed ticket, one answer per visit, and the idle reset that
throws an unfinished answer away."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import AssistanceRequest, SurveyResponse
from app.services import survey
from app.services.registration import VisitForm
from app.services.tickets import qr_payload

from .kiosk_rig import KioskRig, close_rig, make_rig


@pytest.fixture
def rig(qtbot, tmp_path: Path):
    r = make_rig(qtbot, tmp_path)
    yield r
    close_rig(r)


def _responses(rig: KioskRig) -> list[SurveyResponse]:
    with rig.db.reading() as s:
        return list(s.scalars(select(SurveyResponse).order_by(SurveyResponse.created_at)))


def _open_survey(rig: KioskRig):
    rig.tap(rig.screen("welcome").survey)
    return rig.wait_for("survey")


def _rate(rig: KioskRig, s, level: int) -> None:
    rig.tap(s.widgets[s.current_question().id].buttons[level])


def _walk(rig: KioskRig, s, ratings: list[int], nps: int) -> None:
    """Answer the five ratings and the recommendation by tapping."""
    for level in ratings:
        assert s.current_question().type == "rating5"
        _rate(rig, s, level)
    while s.current_question().id != "recommend":  # "what went wrong" after a low rating
        rig.tap(s.skip)
    _rate(rig, s, nps)


@pytest.mark.parametrize("lang", ["zh_CN", "zh_TW", "en"])
def test_a_whole_survey_by_touch_in_each_language(qtbot, tmp_path: Path, lang: str) -> None:
    rig = make_rig(qtbot, tmp_path, language=lang)
    try:
        s = _open_survey(rig)
        rig.tap(s.anonymous)
        with rig.db.reading() as db:
            definition = survey.current(db)
        first = definition.questions[0]
        assert s.question_text.text() == first.text[lang]  # the question in this language
        assert s.counter.text() and s.progress.value() == 1
        assert not s.skip.isVisible()  # a required question cannot be skipped
        _rate(rig, s, 4)
        assert s.progress.value() == 2
        rig.tap(s.back)  # back to the first question: the answer is still there
        assert s.current_question().id == first.id and s.answers[first.id] == 4
        _rate(rig, s, 5)
        _walk(rig, s, [4, 4, 5, 4], 9)
        assert s.current_question().type == "single"
        single = s.widgets[s.current_question().id]
        rig.tap(single.buttons["family"])
        assert s.current_question().id == "comment" and s.skip.isVisible()
        s.widgets["comment"].setText("Quick and kind" if lang == "en" else "挂号很快")
        assert s.next.text() == s.tr("Send my answers")
        rig.tap(s.next)
        assert s.pages.currentIndex() == 3  # thanks
        assert s.thanks_text.text() and s.thanks_more.text()
        [r] = _responses(rig)
        assert r.language == lang and r.visit_id is None and r.ticket is None
        assert r.answers["medical_quality"] == 5 and r.answers["recommend"] == 9
        assert r.answers["respondent"] == "family" and not r.complaint
        rig.tap(s.done)
        assert rig.window.current == "welcome"
        assert s.answers == {} and s.start is None
    finally:
        close_rig(rig)


def test_a_low_rating_asks_what_went_wrong_and_a_complaint_reaches_the_desks(rig) -> None:
    s = _open_survey(rig)
    rig.tap(s.anonymous)
    for level in (2, 4, 4, 4, 4):
        _rate(rig, s, level)
    assert s.current_question().id == "what_went_wrong"
    several = s.widgets["what_went_wrong"]
    assert not s.next.isEnabled() or not s.current_question().required
    rig.tap(several.buttons["waiting"])
    rig.tap(several.buttons["attitude"])
    rig.tap(several.buttons["waiting"])  # taken back
    assert s.answers["what_went_wrong"] == ["attitude"]
    rig.tap(s.next)
    assert s.current_question().id == "what_went_wrong_text"
    s.widgets["what_went_wrong_text"].setText("护士态度很差")
    rig.tap(s.complaint)  # the patient marks it a complaint
    assert s.marked
    rig.tap(s.next)
    _rate(rig, s, 3)  # recommend
    rig.tap(s.skip)  # respondent
    rig.tap(s.next)  # comment left empty: send
    [r] = _responses(rig)
    assert r.complaint and r.answers["what_went_wrong"] == ["attitude"]
    assert r.comment == "护士态度很差"
    with rig.db.reading() as db:
        [req] = db.scalars(select(AssistanceRequest)).all()
    assert req.reason == "complaint" and req.survey_response_id == r.id
    assert "投诉" in s.thanks_more.text()


def test_going_back_to_raise_a_rating_drops_what_went_wrong(rig) -> None:
    s = _open_survey(rig)
    rig.tap(s.anonymous)
    _rate(rig, s, 1)
    for _ in range(4):
        _rate(rig, s, 5)
    rig.tap(s.widgets["what_went_wrong"].buttons["fees"])
    for _ in range(5):
        rig.tap(s.back)
    assert s.current_question().id == "medical_quality"
    _rate(rig, s, 4)  # no low rating any more
    assert "what_went_wrong" not in s.answers
    for _ in range(4):
        _rate(rig, s, 5)
    assert s.current_question().id == "recommend"


def test_a_scanned_ticket_ties_the_answer_to_the_visit_once(rig) -> None:
    ticket = rig.runtime.backend.register_walk_in(
        None, VisitForm(purpose="consultation", department_id=_department(rig))
    )
    s = _open_survey(rig)
    rig.window.on_scanned(qr_payload(ticket.visit_id))
    rig.settle()
    assert s.pages.currentIndex() == 2 and s.start.visit_id == ticket.visit_id
    _walk(rig, s, [5, 5, 5, 5, 5], 10)
    rig.tap(s.skip)
    rig.tap(s.next)
    [r] = _responses(rig)
    assert r.visit_id == ticket.visit_id and r.department_id == _department(rig)
    rig.tap(s.done)
    # the same ticket again: thanked straight away, nothing asked, nothing counted twice
    s = _open_survey(rig)
    rig.window.on_scanned(qr_payload(ticket.visit_id))
    rig.settle()
    assert (s.pages.currentIndex() == 3 and "already" in s.thanks_more.text().lower()) or (
        "已经评价" in s.thanks_more.text()
    )
    assert len(_responses(rig)) == 1


def test_a_ticket_scanned_on_the_first_screen_opens_its_survey(rig) -> None:
    """The ticket says "after your visit, scan its code at a kiosk to rate it": from the
    welcome screen (or any other but the survey's middle) the scan starts its survey."""
    ticket = rig.runtime.backend.register_walk_in(
        None, VisitForm(purpose="consultation", department_id=_department(rig))
    )
    rig.window.go("welcome")
    rig.settle()
    rig.window.on_scanned(qr_payload(ticket.visit_id))
    rig.settle()
    s = rig.screen("survey")
    assert rig.window.current == "survey"
    assert s.pages.currentIndex() == 2 and s.start.visit_id == ticket.visit_id


def test_a_typed_ticket_number_and_a_wrong_one(rig) -> None:
    ticket = rig.runtime.backend.register_walk_in(
        None, VisitForm(purpose="consultation", department_id=_department(rig))
    )
    s = _open_survey(rig)
    rig.tap(s.by_number)
    rig.qtbot.waitUntil(lambda: s.keypad is not None)
    for ch in "1A":  # a digit first: not a ticket number
        rig.tap(s.keypad.keys[ch])
    rig.tap(s.next)
    assert s.message.isVisible() and "A001" in s.message.text()
    rig.tap(s.keypad.clear_key)
    for ch in ticket.ticket:
        rig.tap(s.keypad.keys[ch])
    rig.tap(s.next)
    assert s.start is not None and s.start.visit_id == ticket.visit_id
    assert s.pages.currentIndex() == 2


def test_idle_throws_an_unfinished_answer_away(qtbot, tmp_path: Path) -> None:
    rig = make_rig(qtbot, tmp_path, idle_timeout_s=0.3, idle_prompt_s=1)
    try:
        s = _open_survey(rig)
        rig.tap(s.anonymous)
        _rate(rig, s, 2)
        _rate(rig, s, 3)
        assert s.answers
        rig.qtbot.waitUntil(lambda: rig.window.current == "welcome", timeout=5000)
        assert s.answers == {} and s.start is None and s.pages.currentIndex() == 0
        assert _responses(rig) == []
    finally:
        close_rig(rig)


def _department(rig: KioskRig) -> str:
    return rig.runtime.backend.departments()[0].id
