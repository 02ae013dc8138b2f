"""The follow-up calls' sources: the rules that make a task — the next day after a departed
visit, after discharge (from the hand-off to admission), about a low kiosk score, for a booking
nobody came to, and 72 hours after a handled complaint — once per source and one per visit,
with what each run left out and why (reason → count).

Tasks are made where every visit is known — the central server, or a desk standing alone — and
reach the callers' desks like cases."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, exists, insert, select
from sqlalchemy.orm import Session

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
    SurveyResponse,
    Visit,
    VisitEvent,
)
from app.models import FollowUpEventKind as F
from app.services import survey, workdays
from app.services.followup_rules import (
    FollowUpRules,
    after_case_window,
    after_discharge_window,
    next_day_window,
)
from app.services.visits import derive, effective_events_of
from app.services.workdays import WorkCalendar

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
