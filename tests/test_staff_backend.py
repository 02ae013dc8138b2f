"""The guide desk's back end: roles, live rows, timeline with corrections and flags, call-a-guide
escalation, and the shift report on a hand-made day whose figures are worked out here."""

from __future__ import annotations

import datetime as dt

import pytest

from app.errors import EscortConflict, FrontDeskError
from app.models import AssistanceRequest, EventFlag
from app.services import assistance
from app.services.auth import SignedIn
from app.services.registration import PatientForm, VisitForm
from app.staff_backend import StaffBackend, allowed

from .helpers import arrival


@pytest.fixture
def backend(hospital, clock, machine) -> StaffBackend:
    return StaffBackend(hospital.db, clock, "desk-1", machine, desk_name="一楼导医台")


def _who(staff) -> SignedIn:
    return SignedIn(staff.id, staff.display_name, str(staff.role), staff.duty_lead)


def test_sign_in_and_roles(backend, hospital) -> None:
    who = backend.sign_in("guide.wang", "demo-1234")
    assert who.display_name == "王芳" and who.role == "guide"
    with pytest.raises(FrontDeskError) as err:
        backend.sign_in("guide.wang", "wrong")
    assert err.value.code == "signin_failed"
    consultant = backend.sign_in("consult.liu", "demo-1234")
    quality = backend.sign_in("quality.zhou", "demo-1234")
    lead = backend.sign_in("guide.zhang", "demo-1234")
    assert allowed(consultant, "register") and not allowed(consultant, "escort")
    assert allowed(quality, "report") and not allowed(quality, "register")
    assert allowed(lead, "report") and not allowed(who, "report")  # the duty lead sees reports
    visit = arrival(hospital, backend.clock).visit_id
    with pytest.raises(FrontDeskError) as err:
        backend.claim(consultant, visit)
    assert err.value.code == "not_allowed"


def test_rows_update_only_what_changed_and_drop_departed(backend, hospital, clock) -> None:
    wang, li = _who(hospital.guides[3]), _who(hospital.guides[1])
    a = arrival(hospital, clock).visit_id
    b = arrival(hospital, clock, dept="PED").visit_id
    assert {r.visit_id for r in backend.board()} == {a, b}
    update = backend.claim(wang, a)
    assert [r.visit_id for r in update.rows] == [a] and not update.gone
    assert update.rows[0].escort_name == wang.display_name
    with pytest.raises(EscortConflict) as err:  # another guide got there first: says who
        backend.claim(li, a)
    assert err.value.params["holder"] == wang.display_name
    update = backend.move(li, b, "departed")
    assert update.rows == [] and update.gone == {b}
    again = backend.rows([a, b])
    assert [r.visit_id for r in again.rows] == [a] and again.gone == {b}


def test_timeline_names_people_and_desks_and_keeps_corrections(backend, hospital, clock) -> None:
    wang = _who(hospital.guides[3])
    visit = arrival(hospital, clock).visit_id
    backend.claim(wang, visit)
    clock.advance(minutes=3)
    backend.move(wang, visit, "waiting")
    clock.advance(minutes=1)
    backend.advance(wang, visit)  # waiting -> consultation, by mistake
    lines = backend.timeline(wang, visit)
    mistaken = lines[-1]
    assert mistaken.stage == "consultation" and mistaken.correctable
    assert mistaken.staff_name == wang.display_name and mistaken.desk == "一楼导医台"
    assert [ln.correctable for ln in lines].count(True) == 1
    update = backend.correct(wang, visit, mistaken.event_id, "点错了")
    assert update.rows[0].stage == "waiting"
    lines = backend.timeline(wang, visit)
    kinds = [ln.kind for ln in lines]
    assert kinds[-2:] == ["stage_changed", "corrected"]
    assert lines[-2].corrected and not lines[-2].correctable
    assert lines[-1].corrects == mistaken.event_id and lines[-1].data["reason"] == "点错了"
    assert next(ln for ln in lines if ln.correctable).stage == "waiting"
    with pytest.raises(FrontDeskError):  # only the latest live move may be corrected
        backend.correct(wang, visit, mistaken.event_id, "again")


def test_timeline_shows_a_flagged_claim(backend, hospital, clock) -> None:
    wang = _who(hospital.guides[3])
    visit = arrival(hospital, clock).visit_id
    backend.claim(wang, visit)
    claim = backend.timeline(wang, visit)[-1]
    with hospital.db.session(record=False) as s:  # the server's verdict, pulled
        s.add(
            EventFlag(
                event_id=claim.event_id,
                visit_id=visit,
                flag="conflicted",
                reason="claimed_by_other",
                holder_staff_id=hospital.guides[1].id,
                created_at=clock.now(),
            )
        )
    assert backend.timeline(wang, visit)[-1].flagged == "claimed_by_other"


def test_registration_and_triage_with_a_designated_doctor(backend, hospital, clock) -> None:
    who = _who(hospital.guides[0])
    dept = hospital.departments["IM"]
    doctor = hospital.doctor_on_duty("IM", clock.today())
    result, update = backend.register(
        who,
        PatientForm("赵小明", "M", 67, "13912345678", "朝阳区", "phone"),
        VisitForm(purpose="consultation", needs_escort=True),
    )
    assert update.rows[0].needs_escort and update.rows[0].department is None
    assert backend.find_patients(who, phone="1391234")[0].patient_id == result.patient_id
    roster = {d.department_id: d for d in backend.roster()}
    assert any(d.doctor_id == doctor.id for d in roster[dept.id].doctors)
    triaged, update = backend.triage(who, result.visit_id, dept.id, doctor.id, designated=True)
    assert triaged.designated and update.rows[0].designated_doctor
    assert update.rows[0].ticket and update.rows[0].ticket.startswith(dept.ticket_prefix)


def test_call_a_guide_escalates_once_and_keeps_response_times(backend, hospital, clock) -> None:
    kiosk = hospital.kiosk
    with hospital.db.session() as s:
        early = assistance.call_guide(s, kiosk, clock, location="大厅1号", language="zh_CN")
    clock.advance(seconds=30)
    with hospital.db.session() as s:
        late = assistance.call_guide(s, kiosk, clock, location="大厅2号", language="en")
    clock.advance(seconds=40)  # early waited 70 s (> 60), late 40 s
    requests = {r.request_id: r for r in backend.help_requests()}
    assert requests[early.request_id].escalated and not requests[late.request_id].escalated
    with hospital.db.reading() as s:  # the deadline itself is written, whoever writes it
        row = s.get(AssistanceRequest, early.request_id)
        assert row.escalated_at.replace(tzinfo=None) == (
            row.created_at + dt.timedelta(seconds=60)
        ).replace(tzinfo=None)
    wang = _who(hospital.guides[3])
    ack = backend.acknowledge(wang, late.request_id)
    assert ack.acknowledged_name == wang.display_name and ack.waited_s(clock.now()) == 40
    clock.advance(seconds=60)
    assert not {r.request_id: r for r in backend.help_requests()}[late.request_id].escalated
    backend.resolve(wang, late.request_id)
    assert [r.request_id for r in backend.help_requests()] == [early.request_id]
    backend.acknowledge(wang, early.request_id)  # 70 + 60 = 130 s after the call
    figures = backend.shift_report().help
    assert (figures.requests, figures.acknowledged, figures.escalated) == (2, 2, 1)
    assert figures.median_answer_s == 85.0 and figures.slowest_answer_s == 130.0


def test_shift_report_on_a_hand_made_day(backend, hospital, clock) -> None:
    wang, li = _who(hospital.guides[3]), _who(hospital.guides[1])
    # Visit A: registered at 0, Wang claims; waiting 10 min, consultation 20 min, then departed.
    a = arrival(hospital, clock).visit_id
    backend.claim(wang, a)
    backend.move(wang, a, "waiting")  # at t=0
    # Visit B (walk-in source "phone"): Li claims, waiting 30 min, hands off to Wang, who moves
    # it to consultation for 10 min; a mistaken payment move is corrected away.
    with hospital.db.session() as s:
        from app.services import registration

        b = registration.register_arrival(
            s,
            PatientForm("钱多多", "F", 30, "13700000001", "", "phone"),
            VisitForm(purpose="consultation", department_id=hospital.departments["IM"].id),
            hospital.desk,
            clock,
        ).visit_id
    backend.claim(li, b)
    backend.move(li, b, "waiting")  # at t=0
    clock.advance(minutes=10)
    backend.advance(wang, a)  # A: consultation at t=10 (waiting 10)
    clock.advance(minutes=20)
    backend.move(wang, a, "departed")  # A: consultation 20
    backend.hand_off(li, b, wang.staff_id)
    backend.advance(wang, b)  # B: consultation at t=30 (waiting 30, begun under Li)
    clock.advance(minutes=5)
    backend.advance(wang, b)  # B: payment at t=35 — a mistake
    clock.advance(minutes=1)
    mistake = backend.timeline(wang, b)[-1].event_id
    backend.correct(wang, b, mistake, "点错了")
    clock.advance(minutes=4)
    backend.move(wang, b, "departed")  # B: consultation 30→40 = 10 min
    report = backend.shift_report()
    assert (report.arrivals, report.departed) == (2, 2)
    assert report.by_source == {"walk_in": 1, "phone": 1}
    assert report.by_channel == {"desk": 2}
    stages = {f.stage: (f.count, f.mean_min) for f in report.stages}
    # arrived: A 0 min, B 0 min; waiting: 10 and 30; consultation: 20 and 10
    assert stages == {"arrived": (2, 0.0), "waiting": (2, 20.0), "consultation": (2, 15.0)}
    guides = {g.name: g for g in report.guides}
    assert guides[wang.display_name].escorted == 2 and guides[li.display_name].escorted == 1
    wang_stages = {f.stage: (f.count, f.mean_min) for f in guides[wang.display_name].stages}
    # Wang held A for waiting (10) and consultation (20), and B's consultation (10); both
    # arrivals began before anybody claimed them
    assert wang_stages == {"waiting": (1, 10.0), "consultation": (2, 15.0)}
    li_stages = {f.stage: (f.count, f.mean_min) for f in guides[li.display_name].stages}
    assert li_stages == {"waiting": (1, 30.0)}
    assert all(g.escorting_now == 0 for g in report.guides)


def test_the_shift_report_counts_patients_still_waiting(backend, hospital, clock) -> None:
    """Two got through the waiting room in 5 minutes; one has waited two hours and waits still.
    The average is what the board shows (43.3 min), not the lucky two's 5."""
    wang = _who(hospital.guides[3])
    stuck = arrival(hospital, clock).visit_id
    backend.move(wang, stuck, "waiting")
    quick = [arrival(hospital, clock).visit_id for _ in range(2)]
    for v in quick:
        backend.move(wang, v, "waiting")
    clock.advance(minutes=5)
    for v in quick:
        backend.advance(wang, v)
    clock.advance(minutes=115)
    waiting = {f.stage: f for f in backend.shift_report().stages}["waiting"]
    assert waiting.count == 3 and waiting.still == 1
    assert waiting.longest_still_min == 120.0
    assert waiting.mean_min == round((5 + 5 + 120) / 3, 1)


def test_the_shift_report_of_a_past_day(backend, hospital, clock) -> None:
    """Yesterday's report: yesterday's patients only; one who never left counts up to the
    day's end, not on into today."""
    wang = _who(hospital.guides[3])
    left_waiting = arrival(hospital, clock).visit_id  # 09:00, waits and is forgotten
    backend.move(wang, left_waiting, "waiting")
    clock.advance(days=1)
    arrival(hospital, clock)  # today's: not in yesterday's report
    yesterday = clock.today() - dt.timedelta(days=1)
    report = backend.shift_report(yesterday)
    assert report.day == yesterday and report.arrivals == 1
    waiting = {f.stage: f for f in report.stages}["waiting"]
    assert waiting.still == 1 and waiting.longest_still_min == 15 * 60.0  # 09:00 to midnight
    assert backend.shift_report(clock.today() + dt.timedelta(days=3)).day == clock.today()
