"""Follow-up calls on the database: tasks made by rules (idempotent: one per source), attempts
recorded as append-only events with their checks, each task judged by the rules of
app/services/followup_rules.py, and the worklist that sorts on what that judgement derives.

Tasks are made where every visit is known — the central server, or a desk standing alone — and
reach the callers' desks like cases."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, exists, insert, or_, select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.errors import FrontDeskError
from app.ids import new_id
from app.models import (
    Appointment,
    AppointmentStatus,
    Case,
    CaseKind,
    Department,
    EventFlag,
    EventKind,
    FollowUpEvent,
    FollowUpSource,
    FollowUpTask,
    Patient,
    Role,
    Staff,
    SurveyResponse,
    Visit,
    VisitEvent,
)
from app.models import FollowUpEventKind as F
from app.services import cases, survey, workdays
from app.services.context import Actor
from app.services.followup_rules import (
    Attempt,
    FollowUpRules,
    Outcome,
    Standing,
    after_case_window,
    after_discharge_window,
    next_day_window,
    standing,
)
from app.services.unanswered import unanswered_rows
from app.services.validation import NOTE_MAX, Checker, normalize_phone
from app.services.visits import derive, effective_events_of
from app.services.workdays import WorkCalendar

ATTEMPTS = {F(o.value) for o in Outcome}
OPEN = ("open", "callback")  # the states a task's events leave it in until it is closed
DEPARTED, ADMISSION = "departed", "admission"


@dataclass(frozen=True)
class Generated:
    """What a run of the rules made, and what it left out and why (reason → count)."""

    made: int
    skipped: dict[str, int]
    ids: tuple[str, ...] = ()  # the tasks made


@dataclass(frozen=True)
class DoNotCall:
    """People who asked never to be called again: by patient, and by the numbers they gave
    (a no-show's booking names no patient)."""

    patients: set[str]
    numbers: set[str]

    def holds(self, patient_id: str | None, numbers: Iterable[str]) -> bool:
        return (patient_id is not None and patient_id in self.patients) or any(
            n in self.numbers for n in numbers
        )

    def why_not(self, patient_id: str | None, numbers: list[str]) -> str | None:
        """Why nobody may call this person (asked not to be, or no number), or None."""
        if self.holds(patient_id, numbers):
            return "do_not_call"
        return None if numbers else "no_number"


def _do_not_call(session: Session) -> DoNotCall:
    rows = session.execute(
        select(FollowUpTask.patient_id, FollowUpTask.numbers, FollowUpEvent.data)
        .join(FollowUpEvent, FollowUpEvent.task_id == FollowUpTask.id)
        .where(FollowUpEvent.kind == F.REFUSED)
    )
    patients: set[str] = set()
    numbers: set[str] = set()
    for patient_id, task_numbers, data in rows:
        if (data or {}).get("do_not_call"):
            if patient_id:
                patients.add(patient_id)
            numbers.update(task_numbers or [])
    return DoNotCall(patients, numbers)


def _task(
    source: FollowUpSource,
    source_id: str,
    window: tuple[dt.datetime, dt.datetime],
    now: dt.datetime,
    *,
    patient_id: str | None,
    visit_id: str | None,
    department_id: str | None,
    name: str | None,
    numbers: list[str],
    case_id: str | None = None,
) -> dict[str, Any]:
    return {
        "id": new_id(),
        "version": 1,
        "source": source,
        "source_id": source_id,
        "patient_id": patient_id,
        "visit_id": visit_id,
        "case_id": case_id,
        "department_id": department_id,
        "person_name": (name or "")[:40],
        "numbers": numbers,
        "callable_from": window[0],
        "due_at": window[1],
        "created_at": now,
        "assigned_to": None,
        "held_until": None,
        "state": "open",
        "closed_at": None,
        "attempts": 0,
    }


def _called_about(visit_id: Any) -> Any:
    """A task about this visit exists already: its next-day call, its discharge call, or the
    call about its low kiosk score — one call per visit (the rules run every 10 minutes)."""
    return exists().where(FollowUpTask.visit_id == visit_id)


def _insert(session: Session, made: list[dict[str, Any]], skipped: Counter[str]) -> Generated:
    if made:
        session.execute(insert(FollowUpTask), made)
    return Generated(len(made), dict(skipped), tuple(m["id"] for m in made))


def next_day_tasks(
    session: Session,
    visit_day: dt.date,
    calendar: WorkCalendar,
    tz: dt.tzinfo,
    rules: FollowUpRules,
    now: dt.datetime,
    *,
    exclude_departments: Iterable[str] = (),
    exclude_purposes: Iterable[str] = (),
) -> Generated:
    """A next-day task for every outpatient visit of ``visit_day`` that departed, and a
    discharge task for one handed to admission (``after_discharge_window``).  Left out, with
    the reason counted: a department or a kind of visit (purpose) the rules exclude, a
    patient with no number or who asked not to be called, a visit recorded twice; a visit
    already called about is not read again."""
    excluded = set(exclude_departments)
    purposes = set(exclude_purposes)

    # Departed by the visit's events (the server keeps no derived stage).  A departure is final
    # unless the visit was reopened, a step corrected or an event flagged: those few visits
    # are judged by their effective events, the rest by the departure alone.
    def has(kinds: tuple[EventKind, ...]) -> Any:
        return exists().where(and_(VisitEvent.visit_id == Visit.id, VisitEvent.kind.in_(kinds)))

    doubt = has((EventKind.REOPENED, EventKind.CORRECTED)) | exists().where(
        EventFlag.visit_id == Visit.id
    )
    candidates = session.execute(
        select(
            Visit.id,
            Visit.patient_id,
            Visit.department_id,
            Visit.duplicate_of,
            Visit.purpose,
            Department.code,
            Patient.name,
            Patient.phone,
            has((EventKind.ADMITTED,)).label("admitted"),
            doubt.label("doubt"),
        )
        .outerjoin(Department, Department.id == Visit.department_id)
        .outerjoin(Patient, Patient.id == Visit.patient_id)
        .where(Visit.day == visit_day, has((EventKind.DEPARTED,)), ~_called_about(Visit.id))
    ).all()
    events = effective_events_of(session, [r.id for r in candidates if r.doubt])
    rows = [
        r
        for r in candidates
        if not r.doubt or (events.get(r.id) and derive(events[r.id]).stage == DEPARTED)
    ]
    admitted = {
        r.id
        for r in candidates
        if (any(e.stage == ADMISSION for e in events[r.id]) if r.doubt else r.admitted)
    }
    dnc = _do_not_call(session)
    next_day = next_day_window(visit_day, calendar, tz, rules)
    discharge = after_discharge_window(visit_day, calendar, tz, rules)
    skipped: Counter[str] = Counter()
    made: list[dict[str, Any]] = []
    for r in rows:
        numbers = [r.phone] if r.phone else []
        reason = (
            "duplicate"
            if r.duplicate_of
            else "department_excluded"
            if r.code in excluded and r.id not in admitted
            else "purpose_excluded"
            if r.purpose is not None and str(r.purpose) in purposes and r.id not in admitted
            else dnc.why_not(r.patient_id, numbers)
        )
        if reason:
            skipped[reason] += 1
            continue
        inpatient = r.id in admitted
        made.append(
            _task(
                FollowUpSource.DISCHARGE if inpatient else FollowUpSource.VISIT,
                r.id,
                discharge if inpatient else next_day,
                now,
                patient_id=r.patient_id,
                visit_id=r.id,
                department_id=r.department_id,
                name=r.name,
                numbers=numbers,
            )
        )
    return _insert(session, made, skipped)


def low_score_tasks(
    session: Session,
    answer_day: dt.date,
    calendar: WorkCalendar,
    tz: dt.tzinfo,
    rules: FollowUpRules,
    now: dt.datetime,
    day_bounds: tuple[dt.datetime, dt.datetime],
) -> Generated:
    """A service-recovery call, the next working day, for a kiosk answer of ``answer_day``
    that rated something low (at most 2 of 5) without making a complaint (a complaint is a
    case, called back when it closes).  It takes the place of the visit's next-day call; a
    visit already called about is not called twice."""
    rows = session.execute(
        select(SurveyResponse, Visit.patient_id, Patient.name, Patient.phone)
        .join(Visit, Visit.id == SurveyResponse.visit_id)
        .outerjoin(Patient, Patient.id == Visit.patient_id)
        .where(
            SurveyResponse.created_at >= day_bounds[0],
            SurveyResponse.created_at < day_bounds[1],
            SurveyResponse.mode == "kiosk",
            SurveyResponse.duplicate_of.is_(None),
            SurveyResponse.complaint.is_(False),
            ~_called_about(SurveyResponse.visit_id),
        )
    ).all()
    definitions: dict[str, survey.Definition] = {}
    dnc = _do_not_call(session)
    window = next_day_window(answer_day, calendar, tz, rules)
    skipped: Counter[str] = Counter()
    made: list[dict[str, Any]] = []
    for response, patient_id, name, phone in rows:
        if response.survey_id not in definitions:
            definitions[response.survey_id] = survey.of_response(session, response)
        definition = definitions[response.survey_id]
        low = any(
            q.type == "rating5"
            and isinstance(v := response.answers.get(q.id), int)
            and v <= survey.LOW_AT_MOST
            for q in definition.questions
        )
        if not low:
            continue
        numbers = [phone] if phone else []
        reason = dnc.why_not(patient_id, numbers)
        if reason:
            skipped[reason] += 1
            continue
        made.append(
            _task(
                FollowUpSource.SURVEY,
                response.id,
                window,
                now,
                patient_id=patient_id,
                visit_id=response.visit_id,
                department_id=response.department_id,
                name=name,
                numbers=numbers,
            )
        )
    return _insert(session, made, skipped)


def no_show_tasks(
    session: Session,
    day: dt.date,
    calendar: WorkCalendar,
    tz: dt.tzinfo,
    rules: FollowUpRules,
    now: dt.datetime,
) -> Generated:
    """A call the next working day for every booking of ``day`` (a day that is over) that
    nobody checked in for and that was not cancelled."""
    rows = session.execute(
        select(Appointment).where(
            Appointment.day == day,
            Appointment.status == AppointmentStatus.BOOKED,
            ~exists().where(Visit.appointment_id == Appointment.id),
            ~exists().where(
                and_(
                    FollowUpTask.source == FollowUpSource.NO_SHOW,
                    FollowUpTask.source_id == Appointment.id,
                )
            ),
        )
    ).scalars()
    dnc = _do_not_call(session)
    window = next_day_window(day, calendar, tz, rules)
    skipped: Counter[str] = Counter()
    made: list[dict[str, Any]] = []
    for booking in rows:
        numbers = [booking.patient_phone] if booking.patient_phone else []
        reason = dnc.why_not(None, numbers)
        if reason:
            skipped[reason] += 1
            continue
        made.append(
            _task(
                FollowUpSource.NO_SHOW,
                booking.id,
                window,
                now,
                patient_id=None,
                visit_id=None,
                department_id=booking.department_id,
                name=booking.patient_name,
                numbers=numbers,
            )
        )
    return _insert(session, made, skipped)


def after_case_tasks(session: Session, rules: FollowUpRules, now: dt.datetime) -> Generated:
    """A call within 72 hours for every closed complaint not yet tasked."""
    rows = session.execute(
        select(
            Case.id,
            Case.patient_id,
            Case.visit_id,
            Case.department_id,
            Case.contact_name,
            Case.contact_phone,
            Case.closed_at,
            Patient.phone,
            Patient.name,
        )
        .outerjoin(Patient, Patient.id == Case.patient_id)
        .where(
            Case.kind == CaseKind.COMPLAINT,
            Case.state == "closed",
            ~exists().where(
                and_(
                    FollowUpTask.source == FollowUpSource.CASE,
                    FollowUpTask.source_id == Case.id,
                )
            ),
        )
    ).all()
    dnc = _do_not_call(session)
    skipped: Counter[str] = Counter()
    made: list[dict[str, Any]] = []
    for r in rows:
        numbers = [n for n in dict.fromkeys((r.contact_phone, r.phone)) if n]
        if r.closed_at is None:
            continue
        reason = dnc.why_not(r.patient_id, numbers)
        if reason:
            skipped[reason] += 1
            continue
        made.append(
            _task(
                FollowUpSource.CASE,
                r.id,
                after_case_window(r.closed_at, rules),
                now,
                patient_id=r.patient_id,
                visit_id=r.visit_id,
                department_id=r.department_id,
                name=r.contact_name or r.name,
                numbers=numbers,
                case_id=r.id,
            )
        )
    return _insert(session, made, skipped)


BACK_DAYS = 10  # the rules look this far back: a long holiday with the rules not run


def run_rules(
    session: Session,
    today: dt.date,
    tz: dt.tzinfo,
    rules: FollowUpRules,
    now: dt.datetime,
    *,
    exclude_departments: Iterable[str] = (),
    exclude_purposes: Iterable[str] = (),
) -> Generated:
    """Every rule over the last ``BACK_DAYS`` days — the low kiosk scores first (their call
    takes the place of the visit's next-day call), the departed visits, the bookings nobody
    came to (days that are over) — and every closed complaint; what was made, and what was
    left out and why."""
    calendar = workdays.load(session)
    runs: list[Generated] = []
    for back in range(BACK_DAYS, -1, -1):
        day = today - dt.timedelta(days=back)
        start = dt.datetime.combine(day, dt.time(0), tz)
        bounds = (start, dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tz))
        runs.append(low_score_tasks(session, day, calendar, tz, rules, now, bounds))
        runs.append(
            next_day_tasks(
                session,
                day,
                calendar,
                tz,
                rules,
                now,
                exclude_departments=exclude_departments,
                exclude_purposes=exclude_purposes,
            )
        )
        if back:
            runs.append(no_show_tasks(session, day, calendar, tz, rules, now))
    runs.append(after_case_tasks(session, rules, now))
    skipped: Counter[str] = Counter()
    for run in runs:
        skipped.update(run.skipped)
    ids = tuple(i for run in runs for i in run.ids)
    return Generated(len(ids), dict(skipped), ids)


# -- judging a task ------------------------------------------------------------------------


def numbers_of(task: FollowUpTask, events: Iterable[FollowUpEvent]) -> list[str]:
    """Every number of the person, best first: the task's, then those added on calls."""
    added = [e.number for e in events if e.kind == F.NUMBER_ADDED and e.number]
    return list(dict.fromkeys([*task.numbers, *added]))


def judge(
    task: FollowUpTask,
    events: list[FollowUpEvent],
    now: dt.datetime,
    tz: dt.tzinfo,
    rules: FollowUpRules,
) -> Standing:
    attempts = [
        Attempt(
            e.occurred_at,
            e.number or "",
            Outcome(e.kind.value),
            _instant(e.data.get("callback_at")),
            e.data.get("signed_off_by"),
        )
        for e in events
        if e.kind in ATTEMPTS
    ]
    closing = next((e for e in events if e.kind == F.CLOSED_UNREACHABLE), None)
    return standing(
        numbers_of(task, events),
        attempts,
        (task.callable_from, task.due_at),
        now,
        tz,
        rules,
        closed_unreachable_at=closing.occurred_at if closing else None,
    )


def _instant(raw: Any) -> dt.datetime | None:
    if not isinstance(raw, str):
        return None
    try:
        return dt.datetime.fromisoformat(raw)
    except ValueError:
        return None


def events_of(session: Session, task_id: str) -> list[FollowUpEvent]:
    return list(
        session.scalars(
            select(FollowUpEvent)
            .where(FollowUpEvent.task_id == task_id)
            .order_by(FollowUpEvent.occurred_at, FollowUpEvent.id)
        )
    )


def view(
    session: Session, task_id: str, now: dt.datetime, tz: dt.tzinfo, rules: FollowUpRules
) -> tuple[FollowUpTask, list[FollowUpEvent], Standing]:
    task = session.get(FollowUpTask, task_id)
    if task is None:
        raise FrontDeskError("not_found", label="task")
    events = events_of(session, task_id)
    return task, events, judge(task, events, now, tz, rules)


def refresh_derived(
    session: Session, task_ids: Iterable[str], tz: dt.tzinfo, rules: FollowUpRules | None = None
) -> None:
    """Derive what the events say — open, a call-back asked for, or how it closed — when it
    closed and how many attempts, for the worklist.  What the clock says (not yet callable,
    overdue, missed) is read against the task's times when the list is read, never stored."""
    rules = rules or FollowUpRules()
    for task_id in dict.fromkeys(task_ids):
        task = session.get(FollowUpTask, task_id)
        if task is None:
            continue
        judged = judge(task, events_of(session, task_id), task.callable_from, tz, rules)
        task.state = judged.state
        task.closed_at = judged.closed_at
        task.attempts = judged.attempts
    session.flush()


# -- who calls ----------------------------------------------------------------------------

HOLDS = frozenset({F.CLAIMED, F.RELEASED, F.ASSIGNED})
ON_THE_CALL = frozenset({*ATTEMPTS, F.CLOSED_UNREACHABLE, F.NUMBER_ADDED, F.REVEALED})
CALLERS = (Role.FOLLOW_UP, Role.QUALITY, Role.DIRECTOR)  # who may be given calls


def holder(task: FollowUpTask, now: dt.datetime) -> str | None:
    """Who may call the task now: the caller whose lease has not run out, or the one a lead
    assigned it to; nobody when it is free."""
    if task.assigned_to is None:
        return None
    if task.held_until is not None and task.held_until <= now:
        return None
    return task.assigned_to


def is_lead(staff: Staff | None) -> bool:
    """Who signs off an exclusion, assigns calls and takes a call back from a caller: the
    same people who lead on cases."""
    return staff is not None and cases.is_lead(staff)


def decide_hold(
    task: FollowUpTask,
    kind: F,
    staff_id: str | None,
    *,
    lead: bool,
    to_staff_id: str | None,
    now: dt.datetime,
    rules: FollowUpRules,
) -> str | None:
    """Compare-and-set on who holds ``task``, where the tasks are made (the server; a desk
    alone): a claim wins only when the task is free or already the claimer's, and holds it for
    ``rules.lease_min`` minutes from ``now`` (the decider's clock, never the desk's); a release
    is the holder's or a lead's; an assignment is a lead's and holds with no end.  Returns why
    it lost (``claimed_by_other``, ``not_holder``, ``not_lead``), or None when it took effect."""
    current = holder(task, now)
    if kind == F.CLAIMED:
        if current not in (None, staff_id):
            return "claimed_by_other"
        if current == staff_id and task.held_until is None:
            return None  # assigned by a lead: held already, with no end
        task.assigned_to, task.held_until = staff_id, now + dt.timedelta(minutes=rules.lease_min)
    elif kind == F.RELEASED:
        if current not in (None, staff_id) and not lead:
            return "not_holder"
        task.assigned_to, task.held_until = None, None
    elif kind == F.ASSIGNED:
        if not lead:
            return "not_lead"
        task.assigned_to, task.held_until = to_staff_id, None
    task.version += 1
    return None


# -- recording -----------------------------------------------------------------------------


def record(
    session: Session,
    task_id: str,
    kind: str,
    actor: Actor,
    clock: Clock,
    rules: FollowUpRules,
    *,
    number: str | None = None,
    note: str = "",
    data: dict[str, Any] | None = None,
    decides: bool = True,
) -> FollowUpEvent:
    """One attempt or decision on a task, checked; every refusal says why and saves nothing.

    Only the caller holding a task acts on the call.  Where the tasks are made (``decides``: a
    desk alone) a claim, release or assignment takes effect at once; a desk of the server's
    sends it and waits for the server's word (``decide_hold`` there)."""
    data = dict(data or {})
    check = Checker()
    try:
        step = F(kind)
    except ValueError:
        raise FrontDeskError("choice_invalid", label="kind") from None
    now = clock.now()
    task, _, judged = view(session, task_id, now, clock.tz, rules)
    if judged.closed and step not in (F.NOTE, F.RELEASED):
        raise FrontDeskError("task_closed")
    me = actor.staff_id
    lead = is_lead(session.get(Staff, me) if me else None)
    held = holder(task, now)
    if step in ON_THE_CALL and held != me:
        if held is None and me and task.id in claims_waiting(session, me):
            raise FrontDeskError("call_waiting_for_server")
        _refuse_not_held(session, held)
    if step == F.CLAIMED and held not in (None, me):
        _refuse_not_held(session, held)
    if step == F.RELEASED and held is None:
        raise FrontDeskError("call_not_taken")
    if step == F.RELEASED and held != me and not lead:
        _refuse_not_held(session, held)
    if step in (F.ASSIGNED,) and not lead:
        raise FrontDeskError("not_allowed")
    kept: dict[str, Any] = {}
    if step == F.ASSIGNED:
        to = data.get("to_staff_id")
        person = session.get(Staff, to) if isinstance(to, str) else None
        if person is None or not person.active or person.role not in CALLERS:
            check.fail("to_staff_id", "not_a_caller")
        else:
            kept["to_staff_id"] = person.id
    text = check.text("note", note, NOTE_MAX, "note")
    dialled: str | None = None
    if step in ATTEMPTS and (step != F.EXCLUDED or number):  # an exclusion needs no call
        dialled = normalize_phone(number or "")
        if dialled not in judged.valid_numbers:
            check.fail("number", "number_unknown")
    if step == F.NUMBER_ADDED and check.required("number", number, "number"):
        dialled = check.contact_phone("number", number)
    if step == F.CALLBACK_REQUESTED:
        when = _instant(data.get("callback_at"))
        if when is None or when.tzinfo is None or when <= now:
            check.fail("callback_at", "required", label="callback_at")
        else:
            kept["callback_at"] = when.isoformat()
    if step == F.REFUSED:
        kept["do_not_call"] = bool(data.get("do_not_call"))
    if step == F.COMPLETED and isinstance(data.get("survey_response_id"), str):
        kept["survey_response_id"] = data["survey_response_id"]  # asked on the call
    if step == F.EXCLUDED:
        kept["reason"] = check.required_text("reason", data.get("reason"), NOTE_MAX, "reason")
        signer = data.get("signed_off_by")
        staff = session.get(Staff, signer) if isinstance(signer, str) else None
        if staff is None or not is_lead(staff):
            check.fail("signed_off_by", "signer_not_lead")
        else:
            kept["signed_off_by"] = staff.id
    if step == F.CLOSED_UNREACHABLE and not judged.may_close_unreachable:
        raise FrontDeskError("not_unreachable_yet")
    check.done()
    row = FollowUpEvent(
        id=new_id(),
        task_id=task.id,
        kind=step,
        number=dialled,
        staff_id=actor.staff_id,
        device_id=actor.device_id,
        occurred_at=now,
        note=text,
        data=kept,
    )
    session.add(row)
    session.flush()
    if decides and step in HOLDS:
        decide_hold(
            task, step, me, lead=lead, to_staff_id=kept.get("to_staff_id"), now=now, rules=rules
        )
    refresh_derived(session, [task.id], clock.tz, rules)
    return row


def _refuse_not_held(session: Session, held: str | None) -> None:
    if held is None:
        raise FrontDeskError("call_not_taken")
    person = session.get(Staff, held)
    raise FrontDeskError("call_held_by_other", holder=person.display_name if person else "—")


# -- the worklist --------------------------------------------------------------------------


@dataclass(frozen=True)
class TaskLine:
    id: str
    source: str
    person_name: str
    department_id: str | None
    callable_from: dt.datetime
    due_at: dt.datetime
    state: str
    attempts: int
    holder: str | None  # who may call it now (a lease not run out, or an assignment)
    held_until: dt.datetime | None
    overdue: bool


def worklist(
    session: Session,
    now: dt.datetime,
    *,
    held_by: str | None = None,
    department_id: str | None = None,
    limit: int = 500,
) -> list[TaskLine]:
    """Open tasks callable now or later, overdue first, then by deadline; ``held_by``: only
    those that caller holds now."""
    t = FollowUpTask
    query = select(
        t.id,
        t.source,
        t.person_name,
        t.department_id,
        t.callable_from,
        t.due_at,
        t.state,
        t.attempts,
        t.assigned_to,
        t.held_until,
    ).where(t.state.in_(OPEN))
    if held_by is not None:
        query = query.where(
            t.assigned_to == held_by, or_(t.held_until.is_(None), t.held_until > now)
        )
    if department_id is not None:
        query = query.where(t.department_id == department_id)
    # by deadline: the overdue ones, whose deadlines are the earliest, come first
    query = query.order_by(t.due_at, t.callable_from).limit(limit)
    return [
        TaskLine(
            r.id,
            str(r.source),
            r.person_name,
            r.department_id,
            r.callable_from,
            r.due_at,
            r.state,
            r.attempts,
            r.assigned_to if r.held_until is None or r.held_until > now else None,
            r.held_until,
            r.due_at < now,
        )
        for r in session.execute(query)
    ]


def claims_waiting(session: Session, staff_id: str) -> set[str]:
    """Tasks this desk's ``staff_id`` claimed that the server has not answered yet."""
    return {
        str(row.get("task_id"))
        for row in unanswered_rows(session, "followup_events", "staff_id", staff_id)
        if row.get("kind") == F.CLAIMED
    }


def revealed_in_hold(events: Iterable[FollowUpEvent], staff_id: str) -> bool:
    """Whether ``staff_id`` has been shown the numbers since the task was last claimed or
    assigned (each hold's first showing is recorded, not every look)."""
    shown = False
    for e in events:
        if e.kind in (F.CLAIMED, F.ASSIGNED):
            shown = False
        elif e.kind == F.REVEALED and e.staff_id == staff_id:
            shown = True
    return shown
