"""Cases (工单): opening one, every step on it as an event, and what follows from the events —
its state, its owner, its clocks, the next thing to do — derived on read, never stored as a
countdown (BACKOFFICE.md §1, §4; app/services/clocks.py).

A complaint goes: record → apologise and explain how and how long → dispatch to the
responsible department (60 minutes) → investigate → a solution (department, person, measures,
deadline) → feedback to the person (5 working days, 10 with several departments) → satisfied?
(if not, handling goes on) → follow-up → closed with its evaluation.  An enquiry: answered at
once, referred to a department (its phone number given), or a call-back promised (30 minutes).
Nothing is erased: a mistake is put right by a ``corrected`` event naming it.

What follows from the events — state, owner, clocks, the next step — is in
``app.services.case_view``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import case as sql_case
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.errors import FrontDeskError, NotFound
from app.i18n import QT_TRANSLATE_NOOP, translate
from app.models import (
    Case,
    CaseChannel,
    CaseEvent,
    CaseKind,
    CaseTrack,
    Department,
    Role,
    Staff,
)
from app.models import CaseEventKind as K
from app.services.case_view import (
    CLOSED,
    MINUTE_CLOCKS,
    get_case,
    refresh,
)
from app.services.context import Actor
from app.services.validation import NOTE_MAX, Checker

SUMMARY_MAX = 200
TEXT_MAX = 2000
CATEGORIES = ("attitude", "waiting", "billing", "medical", "environment", "process", "other")
RELATIONS = ("self", "family", "other")
SEVERITIES = ("low", "normal", "high")

# What only the duty lead, quality staff and the director may do: extend the statutory clock,
# reopen or correct, refuse to accept a complaint, and close one.
LEAD_ONLY = {K.EXTENDED, K.REOPENED, K.CORRECTED}
KIOSK_COMPLAINT = QT_TRANSLATE_NOOP("Cases", "A complaint made at the kiosk")


# -- opening and recording ------------------------------------------------------------------


def _staff(session: Session, actor: Actor) -> Staff:
    staff = session.get(Staff, actor.staff_id) if actor.staff_id else None
    if staff is None or not staff.active:
        raise FrontDeskError("not_signed_in")
    return staff


def is_lead(staff: Staff) -> bool:
    return staff.duty_lead or staff.role in (Role.QUALITY, Role.DIRECTOR)


def open_case(
    session: Session,
    actor: Actor,
    clock: Clock,
    *,
    kind: str,
    channel: str,
    summary: str,
    content: str = "",
    demand: str = "",
    contact_name: str | None = None,
    contact_phone: str | None = None,
    relation: str = "self",
    patient_id: str | None = None,
    visit_id: str | None = None,
    request_id: str | None = None,
    survey_response_id: str | None = None,
    department_id: str | None = None,
    staff_involved: str = "",
    category: str = "other",
    severity: str = "normal",
    received_at: dt.datetime | None = None,
    claim: bool = True,
) -> Case:
    """Record a new case (received now, or at ``received_at`` — when a kiosk's call was
    raised); the person recording it owns it unless ``claim`` is false."""
    staff = _staff(session, actor)
    check = Checker()
    kind = check.choice("kind", kind, [k.value for k in CaseKind], "kind")
    channel = check.choice("channel", channel, [c.value for c in CaseChannel], "channel")
    summary = check.required_text("summary", summary, SUMMARY_MAX, "summary")
    content = check.text("content", content, TEXT_MAX, "content")
    demand = check.text("demand", demand, TEXT_MAX, "demand")
    name = check.text("contact_name", contact_name, 40, "name") or None
    phone = check.contact_phone("contact_phone", contact_phone)
    relation = check.choice("relation", relation, RELATIONS, "relation")
    category = check.choice("category", category, CATEGORIES, "category")
    severity = check.choice("severity", severity, SEVERITIES, "severity")
    staff_involved = check.text("staff_involved", staff_involved, 200, "staff")
    if department_id and session.get(Department, department_id) is None:
        check.fail("department_id", "not_found", label="department")
    check.done()
    row = Case(
        kind=CaseKind(kind),
        channel=CaseChannel(channel),
        received_at=received_at or clock.now(),
        summary=summary,
        content=content,
        demand=demand,
        contact_name=name,
        contact_phone=phone,
        relation=relation,
        patient_id=patient_id,
        visit_id=visit_id,
        request_id=request_id,
        survey_response_id=survey_response_id,
        department_id=department_id,
        staff_involved=staff_involved,
        category=category,
        severity=severity,
        created_device_id=actor.device_id,
        created_staff_id=staff.id,
        version=1,
    )
    session.add(row)
    session.flush()
    if claim:
        _append(session, row, K.CLAIMED, actor, clock.now(), {})
    refresh(session, [row.id], tz=clock.tz)
    return row


def from_request(session: Session, request_id: str, actor: Actor, clock: Clock) -> Case:
    """A complaint a patient made at a kiosk (a survey marked as a complaint, or rated very
    low), as the guide who handled the call hands it on: a complaint case, received when the
    kiosk raised the call — the kiosk's promise ("someone will follow it up today") is kept by
    that case's clocks.  Handling the call twice never makes two cases."""
    from app.models import AssistanceRequest, SurveyResponse, Visit

    known = session.scalars(select(Case).where(Case.request_id == request_id)).first()
    if known is not None:
        return known
    req = session.get(AssistanceRequest, request_id)
    if req is None:
        raise NotFound(label="request")
    answer = session.get(SurveyResponse, req.survey_response_id) if req.survey_response_id else None
    visit = session.get(Visit, req.visit_id) if req.visit_id else None
    said = (answer.comment if answer else "").strip()
    default = translate(
        "Cases", QT_TRANSLATE_NOOP("Cases", "A complaint made at the kiosk"), "zh_CN"
    )
    return open_case(
        session,
        actor,
        clock,
        kind="complaint",
        channel="kiosk_survey" if answer else "call_a_guide",
        summary=(said or default)[:SUMMARY_MAX],
        content=said,
        visit_id=req.visit_id,
        patient_id=visit.patient_id if visit else None,
        request_id=req.id,
        survey_response_id=req.survey_response_id,
        department_id=(answer.department_id if answer else None)
        or (visit.department_id if visit else None),
        received_at=req.created_at,
    )


def _append(
    session: Session, row: Case, kind: K, actor: Actor, at: dt.datetime, data: dict[str, Any]
) -> CaseEvent:
    event = CaseEvent(
        case_id=row.id,
        kind=kind,
        staff_id=actor.staff_id,
        device_id=actor.device_id,
        occurred_at=at,
        place=actor.desk[:80],
        data=data,
    )
    session.add(event)
    session.flush()
    return event


def _check_data(session: Session, row: Case, kind: K, data: dict[str, Any]) -> dict[str, Any]:
    """What each step must say, checked; returns the data as kept."""
    check = Checker()
    out: dict[str, Any] = {}
    text = check.text("text", data.get("text"), TEXT_MAX, "note")
    if text:
        out["text"] = text
    if kind in (K.NOTE, K.ANSWERED, K.INVESTIGATED):
        check.required("text", text, "note")
    if kind in (K.DISPATCHED, K.SOLUTION, K.REFERRED):
        dept = data.get("department_id")
        found = session.get(Department, dept) if isinstance(dept, str) and dept else None
        if found is None:
            check.fail("department_id", "required", label="department")
        out["department_id"] = dept
        if kind == K.REFERRED and found is not None and found.phone:
            out["phone"] = found.phone  # the number the person was given, as it was then
    if kind in (K.DISPATCHED, K.SOLUTION):
        out["person"] = check.required_text("person", data.get("person"), 40, "staff")
    if kind == K.SOLUTION:
        out["measures"] = check.required_text("measures", data.get("measures"), TEXT_MAX, "note")
        deadline = data.get("deadline")
        try:
            out["deadline"] = dt.date.fromisoformat(str(deadline)).isoformat()
        except ValueError:
            check.fail("deadline", "required", label="deadline")
    if kind == K.FEEDBACK:
        out["how"] = check.choice(
            "how", data.get("how"), ("phone", "in_person", "letter", "sms"), "how"
        )
    if kind == K.TRACK_SET:
        out["track"] = check.choice(
            "track", data.get("track"), [t.value for t in CaseTrack], "track"
        )
        if out["track"] in (CaseTrack.NOT_ACCEPTED, CaseTrack.DISPUTE):
            out["reason"] = check.required_text("reason", data.get("reason"), NOTE_MAX, "reason")
    if kind in (K.PAUSED, K.RESUMED):
        out["clock"] = check.choice("clock", data.get("clock"), MINUTE_CLOCKS, "clock")
    if kind == K.PAUSED:
        out["reason"] = check.required_text("reason", data.get("reason"), NOTE_MAX, "reason")
    if kind == K.EXTENDED:
        days = data.get("days")
        if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= 30:
            check.fail("days", "choice_invalid", label="days")
        out["days"] = days
        out["reason"] = check.required_text("reason", data.get("reason"), NOTE_MAX, "reason")
        out["approver"] = check.required_text("approver", data.get("approver"), 40, "staff")
        if data.get("told") is not True:
            check.fail("told", "required", label="told")
        out["told"] = True
    if kind == K.HANDED_OFF:
        to = data.get("to_staff_id")
        target = session.get(Staff, to) if isinstance(to, str) else None
        if target is None or not target.active:
            check.fail("to_staff_id", "required", label="staff")
        out["to_staff_id"] = to
    if kind == K.CORRECTED:
        wrong = data.get("supersedes")
        ev = session.get(CaseEvent, wrong) if isinstance(wrong, str) else None
        if ev is None or ev.case_id != row.id:
            check.fail("supersedes", "correction_invalid")
        out["supersedes"] = wrong
        out["reason"] = check.required_text("reason", data.get("reason"), NOTE_MAX, "reason")
    if kind == K.CLOSED and row.kind == CaseKind.COMPLAINT:
        for part in ("causes", "lessons", "improvements"):
            out[part] = check.text(part, data.get(part), TEXT_MAX, "note")
        if not any(out[p] for p in ("causes", "lessons", "improvements")):
            check.fail("causes", "required", label="note")
    check.done()
    return out


def record(
    session: Session,
    case_id: str,
    kind: str,
    actor: Actor,
    clock: Clock,
    data: dict[str, Any] | None = None,
) -> CaseEvent:
    """One step on a case, checked (what it must say, whether the person may, whether the
    case is open), then the case's derived state refreshed."""
    row = get_case(session, case_id)
    staff = _staff(session, actor)
    step = K(kind)
    lead = is_lead(staff)
    if step in LEAD_ONLY and not lead:
        raise FrontDeskError("not_allowed")
    data = dict(data or {})
    if step == K.TRACK_SET and data.get("track") == CaseTrack.NOT_ACCEPTED and not lead:
        raise FrontDeskError("not_allowed")
    if step == K.CLOSED and row.kind == CaseKind.COMPLAINT and not lead:
        raise FrontDeskError("not_allowed")
    if row.state == CLOSED and step not in (K.REOPENED, K.NOTE, K.CORRECTED, K.FOLLOWED_UP):
        raise FrontDeskError("case_closed")
    if step == K.REOPENED and row.state != CLOSED:
        raise FrontDeskError("case_open")
    kept = _check_data(session, row, step, data)
    event = _append(session, row, step, actor, clock.now(), kept)
    refresh(session, [row.id], tz=clock.tz)
    return event


# -- lists ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseLine:
    """One case in a list."""

    id: str
    kind: str
    summary: str
    state: str
    owner_staff_id: str | None
    department_id: str | None
    received_at: dt.datetime
    due_at: dt.datetime | None
    overdue: bool


@dataclass(frozen=True)
class CaseFilter:
    """What a case list is narrowed to; None: any."""

    owner: str | None = None
    kind: str | None = None
    department_id: str | None = None
    state: str | None = None
    track: str | None = None  # a complaint's
    due_before: dt.datetime | None = None  # the nearest deadline passed before this moment


def open_cases(
    session: Session,
    now: dt.datetime,
    where: CaseFilter = CaseFilter(),
    *,
    limit: int = 500,
) -> list[CaseLine]:
    """Open cases, overdue first, then by deadline (none last), then oldest first."""
    c = Case
    query = select(
        c.id, c.kind, c.summary, c.state, c.owner_staff_id, c.department_id, c.received_at, c.due_at
    ).where(c.state != CLOSED)
    for column, wanted in (
        (c.owner_staff_id, where.owner),
        (c.kind, where.kind),
        (c.department_id, where.department_id),
        (c.state, where.state),
        (c.track, where.track),
    ):
        if wanted is not None:
            query = query.where(column == wanted)
    if where.due_before is not None:
        query = query.where(c.due_at < where.due_before)
    overdue = sql_case((c.due_at < now, 0), else_=1)
    undated = sql_case((c.due_at.is_(None), 1), else_=0)
    query = query.order_by(overdue, undated, c.due_at, c.received_at).limit(limit)
    return [
        CaseLine(
            r.id,
            str(r.kind),
            r.summary,
            r.state,
            r.owner_staff_id,
            r.department_id,
            r.received_at,
            r.due_at,
            r.due_at is not None and r.due_at < now,
        )
        for r in session.execute(query)
    ]


def due_today(session: Session, clock: Clock) -> int:
    """Open cases whose nearest deadline falls before the end of today (overdue included)."""
    _, end = clock.day_bounds(clock.today())
    return int(
        session.scalar(
            select(func.count()).select_from(Case).where(Case.state != CLOSED, Case.due_at < end)
        )
        or 0
    )
