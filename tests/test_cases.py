"""Cases (app/services/cases.py) on a real desk database: a complaint from its first word to
closed, an enquiry to its call-back, clocks paused and extended, corrections, who may do what,
and the lists — every deadline worked out by hand from the centre's hours (08:00–17:30 on
working days) and the working calendar.  The hospital's Monday: 23 November 2026."""

from __future__ import annotations

import datetime as dt

import pytest

from app.errors import FrontDeskError, ValidationError
from app.models import CaseEventKind as K
from app.services import Actor, case_view, cases
from app.services.cases import CaseFilter

from .conftest import SHANGHAI


def local(day: int, hour: int, minute: int = 0, month: int = 11) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=SHANGHAI)


def at(clock, day: int, hour: int, minute: int = 0, month: int = 11) -> None:
    clock.at = local(day, hour, minute, month).astimezone(dt.UTC)


def staff(hospital, username: str) -> Actor:
    from sqlalchemy import select

    from app.models import Staff

    with hospital.db.reading() as s:
        person = s.scalars(select(Staff).where(Staff.username == username)).one()
    return Actor(hospital.desk.device_id, person.id, "一楼导医台")


def complaint(hospital, clock, who: Actor, **extra) -> str:
    with hospital.db.session() as s:
        return cases.open_case(
            s,
            who,
            clock,
            kind="complaint",
            channel="on_site",
            summary="候诊两小时无人告知",
            content="在内科候诊两个小时，没有人告诉我还要等多久。",
            demand="道歉，并说明原因",
            contact_name="李雷",
            contact_phone="138 0013 8000",
            department_id=hospital.departments["IM"].id,
            category="waiting",
            **extra,
        ).id


def step(hospital, clock, case_id: str, kind: K, who: Actor, /, **data):
    with hospital.db.session() as s:
        return cases.record(s, case_id, kind, who, clock, data)


def look(hospital, clock, case_id: str) -> case_view.CaseView:
    with hospital.db.reading() as s:
        return case_view.view(s, case_id, clock.now(), SHANGHAI)


def clock_of(view: case_view.CaseView, name: str):
    [reading] = [c for c in view.clocks if c.name == name]
    return reading


def test_a_complaint_from_its_first_word_to_closed(hospital, clock) -> None:
    guide, lead = staff(hospital, "guide.wang"), staff(hospital, "guide.zhang")
    im = hospital.departments["IM"].id
    at(clock, 23, 9, 0)  # Monday 09:00
    case_id = complaint(hospital, clock, guide)
    first = look(hospital, clock, case_id)
    assert (first.state, first.next_action, first.owner_staff_id) == (
        "new",
        "apologised",
        guide.staff_id,
    )
    assert first.case.contact_phone == "13800138000"
    # reply promise: 30 open minutes → 09:30; dispatch 60 → 10:00; feedback: five working days
    # (Tue 24 … Mon 30) → 24:00 on Monday 30 November
    assert clock_of(first, "reply").due_at == local(23, 9, 30)
    assert clock_of(first, "dispatch").due_at == local(23, 10, 0)
    feedback = clock_of(first, "feedback")
    assert feedback.due_at == feedback.original_due_at == local(1, 0, month=12)

    at(clock, 23, 9, 10)
    step(hospital, clock, case_id, K.APOLOGISED, guide)
    at(clock, 23, 9, 40)
    step(hospital, clock, case_id, K.DISPATCHED, guide, department_id=im, person="赵敏")
    now = look(hospital, clock, case_id)
    assert (now.state, now.next_action) == ("dispatched", "investigated")
    assert clock_of(now, "reply").level == "met" and clock_of(now, "dispatch").level == "met"

    at(clock, 24, 15, 0)
    step(
        hospital,
        clock,
        case_id,
        K.INVESTIGATED,
        lead,
        text="属实：当天一位医生临时停诊，未通知候诊患者。",
    )
    step(
        hospital,
        clock,
        case_id,
        K.SOLUTION,
        lead,
        department_id=im,
        person="赵敏",
        measures="停诊时由护士逐一告知候诊患者，并在叫号屏上显示。",
        deadline="2026-12-04",
    )
    at(clock, 25, 10, 0)
    step(hospital, clock, case_id, K.FEEDBACK, guide, how="phone", text="电话告知处理结果")
    step(hospital, clock, case_id, K.NOT_SATISFIED, guide, text="希望科室当面道歉")
    assert look(hospital, clock, case_id).state == "investigating"  # handling goes on
    at(clock, 26, 11, 0)
    step(hospital, clock, case_id, K.FEEDBACK, guide, how="in_person")
    step(hospital, clock, case_id, K.SATISFIED, guide)
    step(hospital, clock, case_id, K.FOLLOWED_UP, guide, text="三日后回访，未再发生")
    with pytest.raises(FrontDeskError) as refused:  # a plain guide may not close a complaint
        step(hospital, clock, case_id, K.CLOSED, guide, causes="停诊未通知")
    assert refused.value.code == "not_allowed"
    with pytest.raises(ValidationError):  # the evaluation is asked for
        step(hospital, clock, case_id, K.CLOSED, lead)
    step(hospital, clock, case_id, K.CLOSED, lead, causes="停诊未通知", improvements="停诊告知流程")
    done = look(hospital, clock, case_id)
    assert (done.state, done.next_action, done.satisfied) == ("closed", None, True)
    assert clock_of(done, "feedback").level == "met"  # first feedback on Wednesday 25th
    assert done.departments == (im,)
    with hospital.db.reading() as s:
        row = cases.get_case(s, case_id)
        assert (row.state, row.due_at, row.closed_at) == ("closed", None, clock.now())
    with pytest.raises(FrontDeskError) as closed:
        step(hospital, clock, case_id, K.ANSWERED, guide, text="…")
    assert closed.value.message("zh_CN").startswith("这个工单已结案")


def test_an_extension_keeps_both_deadlines_and_needs_a_lead_and_the_person_told(
    hospital, clock
) -> None:
    guide, director = staff(hospital, "guide.wang"), staff(hospital, "director.sun")
    at(clock, 23, 9, 0)
    case_id = complaint(hospital, clock, guide)
    why = {"days": 5, "reason": "需多科室调查", "approver": "孙主任"}
    with pytest.raises(FrontDeskError):  # a guide may not extend
        step(hospital, clock, case_id, K.EXTENDED, guide, **why, told=True)
    with pytest.raises(ValidationError) as missing:  # the person must have been told
        step(hospital, clock, case_id, K.EXTENDED, director, **why)
    assert [e.field for e in missing.value.errors] == ["told"]
    step(hospital, clock, case_id, K.EXTENDED, director, **why, told=True)
    reading = clock_of(look(hospital, clock, case_id), "feedback")
    # five more working days after Monday 30th: Tue 1 … Mon 7 December → 24:00 on the 7th
    assert reading.original_due_at == local(1, 0, month=12)
    assert reading.due_at == local(8, 0, month=12)


def test_the_several_departments_track_gives_ten_working_days_and_on_the_spot_no_dispatch(
    hospital, clock
) -> None:
    lead = staff(hospital, "guide.zhang")
    at(clock, 23, 9, 0)
    several = complaint(hospital, clock, lead)
    step(hospital, clock, several, K.TRACK_SET, lead, track="several_departments")
    # ten working days: Tue 24 … Mon 7 December → 24:00 on the 7th
    assert clock_of(look(hospital, clock, several), "feedback").due_at == local(8, 0, month=12)
    spot = complaint(hospital, clock, lead)
    step(hospital, clock, spot, K.TRACK_SET, lead, track="on_the_spot")
    view = look(hospital, clock, spot)
    assert {c.name for c in view.clocks} == {"reply", "feedback"}
    assert view.next_action == "apologised"
    step(hospital, clock, spot, K.APOLOGISED, lead)
    assert look(hospital, clock, spot).next_action == "solution"
    refused = complaint(hospital, clock, lead)
    with pytest.raises(ValidationError) as why:  # not accepted: the reason told is required
        step(hospital, clock, refused, K.TRACK_SET, lead, track="not_accepted")
    assert [e.field for e in why.value.errors] == ["reason"]
    step(
        hospital,
        clock,
        refused,
        K.TRACK_SET,
        lead,
        track="not_accepted",
        reason="不属于本院职责，已告知向医保局反映",
    )
    view = look(hospital, clock, refused)
    assert (view.state, view.clocks, view.next_action) == ("not_accepted", (), "closed")


def test_a_paused_dispatch_clock_and_a_breach_that_escalates(hospital, clock) -> None:
    lead = staff(hospital, "guide.zhang")
    at(clock, 23, 9, 0)
    case_id = complaint(hospital, clock, lead)
    at(clock, 23, 9, 20)
    with pytest.raises(ValidationError):  # a pause says why
        step(hospital, clock, case_id, K.PAUSED, lead, clock="dispatch")
    step(
        hospital, clock, case_id, K.PAUSED, lead, clock="dispatch", reason="投诉人要求先等家属到场"
    )
    at(clock, 23, 11, 0)
    paused = clock_of(look(hospital, clock, case_id), "dispatch")
    assert (paused.level, paused.due_at) == ("paused", None)
    at(clock, 23, 10, 0)
    step(hospital, clock, case_id, K.RESUMED, lead, clock="dispatch")
    at(clock, 23, 10, 45)
    # 20 minutes before the pause, 45 after it: due at 10:40, breached at 10:45
    reading = clock_of(look(hospital, clock, case_id), "dispatch")
    assert (reading.due_at, reading.level, reading.escalated_to) == (
        local(23, 10, 40),
        "breached",
        "duty_lead",
    )
    at(clock, 23, 11, 40)
    assert clock_of(look(hospital, clock, case_id), "dispatch").escalated_to == "director"


def test_an_enquiry_with_a_call_back_and_a_message_left_at_night(hospital, clock) -> None:
    consultant = staff(hospital, "consult.liu")
    at(clock, 23, 16, 50)
    with hospital.db.session() as s:
        enquiry = cases.open_case(
            s, consultant, clock, kind="enquiry", channel="phone", summary="周六有没有儿科门诊？"
        ).id
    assert look(hospital, clock, enquiry).clocks == ()  # answered at once, or promised
    step(hospital, clock, enquiry, K.CALLBACK_PROMISED, consultant, text="查询后回电")
    promised = look(hospital, clock, enquiry)
    assert promised.state == "awaiting_callback"
    assert clock_of(promised, "callback").due_at == local(23, 17, 20)
    at(clock, 23, 17, 15)
    step(hospital, clock, enquiry, K.ANSWERED, consultant, text="周六上午有儿科门诊")
    answered = look(hospital, clock, enquiry)
    assert clock_of(answered, "callback").level == "met"
    assert answered.next_action == "satisfied"
    step(hospital, clock, enquiry, K.SATISFIED, consultant)
    step(hospital, clock, enquiry, K.CLOSED, consultant)  # anyone closes an enquiry
    assert look(hospital, clock, enquiry).state == "closed"
    # a message left on Saturday 28th at 22:00 is due first thing on Monday: 08:30
    at(clock, 28, 22, 0)
    with hospital.db.session() as s:
        night = cases.open_case(
            s, consultant, clock, kind="enquiry", channel="online", summary="能否改约？"
        ).id
    assert clock_of(look(hospital, clock, night), "callback").due_at == local(30, 8, 30)


def test_a_referral_keeps_the_number_the_person_was_given(hospital, clock) -> None:
    consultant = staff(hospital, "consult.liu")
    ped = hospital.departments["PED"]
    at(clock, 23, 10, 0)
    with hospital.db.session() as s:
        enquiry = cases.open_case(
            s, consultant, clock, kind="enquiry", channel="phone", summary="儿童疫苗怎么预约？"
        ).id
    step(hospital, clock, enquiry, K.REFERRED, consultant, department_id=ped.id)
    with hospital.db.session() as s:  # the department's number changes later …
        s.get(type(ped), ped.id).phone = "0755-99990000"
    referred = look(hospital, clock, enquiry)
    given = next(e for e in referred.events if e.kind == K.REFERRED)
    assert given.data == {"department_id": ped.id, "phone": ped.phone}  # … the record does not
    assert ped.phone.startswith("0755-")
    assert referred.state == "referred" and referred.departments == (ped.id,)
    with pytest.raises(ValidationError):  # a department that does not exist
        step(hospital, clock, enquiry, K.REFERRED, consultant, department_id="nope")


def test_a_correction_puts_a_step_aside_without_erasing_it(hospital, clock) -> None:
    guide, lead = staff(hospital, "guide.wang"), staff(hospital, "guide.zhang")
    at(clock, 23, 9, 0)
    case_id = complaint(hospital, clock, guide)
    wrong = step(
        hospital,
        clock,
        case_id,
        K.DISPATCHED,
        guide,
        department_id=hospital.departments["PED"].id,
        person="周婷",
    )
    with pytest.raises(FrontDeskError):  # only a lead corrects
        step(hospital, clock, case_id, K.CORRECTED, guide, supersedes=wrong.id, reason="派错科室")
    step(hospital, clock, case_id, K.CORRECTED, lead, supersedes=wrong.id, reason="派错科室")
    view = look(hospital, clock, case_id)
    assert view.state == "new" and clock_of(view, "dispatch").stopped_at is None
    assert wrong.id in {e.id for e in view.events}  # kept in the timeline


def test_lists_put_overdue_first_then_by_deadline(hospital, clock) -> None:
    guide, other = staff(hospital, "guide.wang"), staff(hospital, "guide.li")
    at(clock, 23, 9, 0)
    early = complaint(hospital, clock, guide)  # reply due 09:30
    at(clock, 23, 9, 20)
    later = complaint(hospital, clock, other)  # reply due 09:50
    with hospital.db.session() as s:
        praise = cases.open_case(
            s, guide, clock, kind="praise", channel="letter", summary="感谢王芳耐心陪同"
        ).id
    at(clock, 23, 9, 40)
    with hospital.db.reading() as s:
        lines = cases.open_cases(s, clock.now())
        mine = cases.open_cases(s, clock.now(), CaseFilter(owner=guide.staff_id))
        due = cases.due_today(s, clock)
    assert [line.id for line in lines[:3]] == [early, later, praise]
    assert [line.overdue for line in lines[:3]] == [True, False, False]
    assert [line.id for line in mine] == [early, praise]
    assert due == 2
    # a breach climbs: the duty lead at once, the centre's director an hour later
    from app.case_desk import CaseDesk

    desk = CaseDesk(hospital.db, clock)
    assert desk.lines(guide.staff_id, mine=True).rows[0].escalated_to == "duty_lead"
    at(clock, 23, 10, 31)
    listing = desk.lines(guide.staff_id, mine=False)
    assert [r.escalated_to for r in listing.rows[:2]] == ["director", "duty_lead"]
    assert listing.overdue == 2
    im = hospital.departments["IM"].id  # the complaints name internal medicine; the praise none
    by_im = desk.lines(guide.staff_id, mine=False, where=CaseFilter(department_id=im))
    assert [r.case_id for r in by_im.rows] == [early, later]
    assert desk.lines(guide.staff_id, mine=False, where=CaseFilter(state="dispatched")).rows == []
    # the track is derived from the events: standard until one is chosen; praise has none
    standard = desk.lines(guide.staff_id, mine=False, where=CaseFilter(track="standard"))
    assert [r.case_id for r in standard.rows] == [early, later]
    with hospital.db.session() as s:
        cases.record(s, later, "track_set", guide, clock, {"track": "several_departments"})
    several = desk.lines(guide.staff_id, mine=False, where=CaseFilter(track="several_departments"))
    assert [r.case_id for r in several.rows] == [later]


def test_bad_input_is_refused_field_by_field_and_nothing_is_saved(hospital, clock) -> None:
    guide = staff(hospital, "guide.wang")
    with pytest.raises(ValidationError) as bad, hospital.db.session() as s:
        cases.open_case(
            s,
            guide,
            clock,
            kind="rant",
            channel="phone",
            summary="  ",
            contact_phone="12345",
            category="bad",
            department_id="0190d5c4-0000-7000-8000-000000000000",
        )
    assert {e.field for e in bad.value.errors} == {
        "kind",
        "summary",
        "contact_phone",
        "category",
        "department_id",
    }
    with hospital.db.reading() as s:
        assert cases.open_cases(s, clock.now()) == []
    with pytest.raises(FrontDeskError) as nobody, hospital.db.session() as s:
        cases.open_case(
            s, Actor("desk-1", None), clock, kind="enquiry", channel="phone", summary="x"
        )
    assert nobody.value.code == "not_signed_in"


def test_a_complaint_call_from_the_kiosk_goes_on_as_a_case_when_the_guide_resolves_it(
    hospital, clock
) -> None:
    """ "已解决" on a complaint call no longer ends it: the call becomes a complaint case whose
    clocks started when the kiosk raised it; resolving it twice makes one case."""
    from app.services import assistance, survey

    kiosk = Actor("kiosk-1")
    at(clock, 23, 10, 0)
    with hospital.db.session() as s:
        definition = survey.current(s)
        given = dict.fromkeys(
            ("medical_quality", "service_attitude", "fees", "environment", "service_philosophy"), 1
        )
        done = survey.submit(
            s,
            kiosk,
            clock,
            definition,
            {**given, "recommend": 0, "what_went_wrong_text": "护士态度很差"},
            language="zh_CN",
            complaint_marked=True,
        )
        call = assistance.call_guide(
            s,
            kiosk,
            clock,
            location="门诊大厅自助机",
            language="zh_CN",
            reason="complaint",
            survey_response_id=done.response_id,
        )
    at(clock, 23, 10, 40)  # the guide comes and handles it
    guide = staff(hospital, "guide.wang")
    with hospital.db.session() as s:
        first = cases.from_request(s, call.request_id, guide, clock).id
        again = cases.from_request(s, call.request_id, guide, clock).id
    assert first == again
    view = look(hospital, clock, first)
    c = view.case
    assert (str(c.kind), str(c.channel), c.content) == ("complaint", "kiosk_survey", "护士态度很差")
    assert c.summary == "护士态度很差" and c.survey_response_id == done.response_id
    assert c.received_at == local(23, 10, 0)  # the kiosk's time: its promise is kept
    assert clock_of(view, "dispatch").due_at == local(23, 11, 0)
    assert view.owner_staff_id == guide.staff_id
