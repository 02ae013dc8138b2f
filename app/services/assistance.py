""" "Call a guide": a kiosk asks for help (or reports its printer failed with a patient's ticket
on screen); the guide desks see it at once, a guide acknowledges — the kiosk then shows who
is coming — and resolves it once the patient is helped."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.errors import NotFound
from app.models import AssistanceRequest, Staff, SurveyResponse, Visit
from app.services.context import Actor

# complaint: raised by a survey answer; emergency: chest pain, heavy bleeding or trouble
# breathing said at the kiosk (the duty lead is told at once); department: a walk-in who does
# not know which department to choose
REASONS = ("help", "printer", "complaint", "emergency", "department")
EMERGENCY = "emergency"


@dataclass(frozen=True)
class HelpStatus:
    request_id: str
    reason: str
    location: str
    visit_id: str | None
    created_at: dt.datetime
    acknowledged: bool
    guide_name: str | None  # the guide's name as on their badge: the patient looks for them
    resolved: bool


def _status(req: AssistanceRequest) -> HelpStatus:
    return HelpStatus(
        request_id=req.id,
        reason=req.reason,
        location=req.location,
        visit_id=req.visit_id,
        created_at=req.created_at,
        acknowledged=req.acknowledged_at is not None,
        guide_name=req.guide_name,
        resolved=req.resolved_at is not None,
    )


def call_guide(
    session: Session,
    actor: Actor,
    clock: Clock,
    *,
    location: str,
    language: str,
    visit_id: str | None = None,
    reason: str = "help",
    survey_response_id: str | None = None,
) -> HelpStatus:
    """Call a guide.  One open call per visit: a second call for a visit whose first one is
    not resolved yet (a printer failing again on "Print again", a printer failing for a walk-in
    who already has a guide on the way) is that first call — a guide is coming either way.  A
    complaint is never folded into another call: it carries the patient's words."""
    if reason not in REASONS:
        raise ValueError(f"unknown assistance reason {reason!r}")
    if visit_id is not None and reason != "complaint":
        open_ = session.scalars(
            select(AssistanceRequest)
            .where(
                AssistanceRequest.visit_id == visit_id,
                AssistanceRequest.resolved_at.is_(None),
                AssistanceRequest.reason != "complaint",
            )
            .order_by(AssistanceRequest.created_at)
            .limit(1)
        ).first()
        if open_ is not None:
            return _status(open_)
    req = AssistanceRequest(
        device_id=actor.device_id,
        location=location[:80],
        visit_id=visit_id,
        language=language,
        reason=reason,
        survey_response_id=survey_response_id,
        created_at=clock.now(),
    )
    session.add(req)
    session.flush()
    return _status(req)


def _request(session: Session, request_id: str) -> AssistanceRequest:
    req = session.get(AssistanceRequest, request_id)
    if req is None:
        raise NotFound(label="request")
    return req


def status(session: Session, request_id: str) -> HelpStatus:
    return _status(_request(session, request_id))


def acknowledge(session: Session, request_id: str, actor: Actor, clock: Clock) -> HelpStatus:
    """A guide says "I'm coming"; a second acknowledgement keeps the first guide."""
    req = _request(session, request_id)
    if req.acknowledged_at is None:
        guide = session.get(Staff, actor.staff_id) if actor.staff_id else None
        if guide is None:
            raise NotFound(label="staff")
        req.acknowledged_at = clock.now()
        req.acknowledged_by = guide.id
        # the guide's own name, as on their badge: a patient looks out for them by it (staff
        # names are not patients' data; a patient's name is never on this screen)
        req.guide_name = guide.display_name[:40]
    return _status(req)


def resolve(session: Session, request_id: str, actor: Actor, clock: Clock) -> HelpStatus:
    req = _request(session, request_id)
    if req.resolved_at is None:
        req.resolved_at = clock.now()
        req.resolved_by = actor.staff_id
    return _status(req)


@dataclass(frozen=True)
class DeskRequest:
    """A request as the guide desks see it: who acknowledged it (full name: staff only), and
    whether it has gone to the duty lead."""

    request_id: str
    reason: str
    location: str
    visit_id: str | None
    ticket: str | None
    created_at: dt.datetime
    acknowledged_at: dt.datetime | None
    acknowledged_by: str | None
    acknowledged_name: str | None
    escalated: bool
    resolved: bool
    said: str = ""  # a complaint: what the patient wrote in the survey
    language: str = ""  # the language the patient used on the kiosk (zh_CN, zh_TW, en)

    def waited_s(self, now: dt.datetime) -> float:
        end = self.acknowledged_at or now
        return max((end - self.created_at).total_seconds(), 0.0)


def desk_requests(session: Session, *, ids: list[str] | None = None) -> list[DeskRequest]:
    """Every unresolved request, whatever day it was raised, oldest first (or just ``ids``,
    resolved too): a call nobody handled never drops off the desks at midnight — the kiosk
    told the patient someone would follow it up."""
    query = select(AssistanceRequest)
    if ids is None:
        query = query.where(AssistanceRequest.resolved_at.is_(None))
    else:
        query = query.where(AssistanceRequest.id.in_(ids))
    rows = session.scalars(query.order_by(AssistanceRequest.created_at)).all()
    staff_ids = {r.acknowledged_by for r in rows if r.acknowledged_by}
    names = dict(
        session.execute(select(Staff.id, Staff.display_name).where(Staff.id.in_(staff_ids))).all()
        if staff_ids
        else []
    )
    visit_ids = {r.visit_id for r in rows if r.visit_id}
    tickets = {
        v.id: v.ticket
        for v in (
            session.scalars(select(Visit).where(Visit.id.in_(visit_ids))) if visit_ids else []
        )
    }
    response_ids = [r.survey_response_id for r in rows if r.survey_response_id]
    answers = {
        a.id: a
        for a in (
            session.scalars(select(SurveyResponse).where(SurveyResponse.id.in_(response_ids)))
            if response_ids
            else []
        )
    }
    return [
        DeskRequest(
            request_id=r.id,
            reason=r.reason,
            location=r.location,
            visit_id=r.visit_id,
            ticket=(tickets.get(r.visit_id) if r.visit_id else None)
            or getattr(answers.get(r.survey_response_id or ""), "ticket", None),
            created_at=r.created_at,
            acknowledged_at=r.acknowledged_at,
            acknowledged_by=r.acknowledged_by,
            acknowledged_name=names.get(r.acknowledged_by or ""),
            escalated=r.escalated_at is not None,
            resolved=r.resolved_at is not None,
            said=getattr(answers.get(r.survey_response_id or ""), "comment", ""),
            language=r.language or "",
        )
        for r in rows
    ]


def escalate_due(
    session: Session, now: dt.datetime, after_s: int, open_after_s: int | None = None
) -> list[str]:
    """Mark as gone to the duty lead the requests nobody acknowledged within ``after_s``
    seconds, and those acknowledged but still not resolved ``open_after_s`` seconds after they
    were raised (a guide who said "I'm going" and never got there).

    The time written is the deadline itself, not this desk's clock: several desks may do it
    at once while offline, and they all write the same value."""
    r = AssistanceRequest
    waiting = session.scalars(
        select(r).where(
            or_(r.created_at <= now - dt.timedelta(seconds=after_s), r.reason == EMERGENCY),
            r.acknowledged_at.is_(None),
            r.resolved_at.is_(None),
            r.escalated_at.is_(None),
        )
    ).all()
    for req in waiting:  # an emergency goes to the duty lead the moment it is seen
        wait = 0 if req.reason == EMERGENCY else after_s
        req.escalated_at = req.created_at + dt.timedelta(seconds=wait)
    lingering: list[AssistanceRequest] = []
    if open_after_s is not None:
        lingering = list(
            session.scalars(
                select(r).where(
                    r.created_at <= now - dt.timedelta(seconds=open_after_s),
                    r.acknowledged_at.is_not(None),
                    r.resolved_at.is_(None),
                    r.escalated_at.is_(None),
                )
            )
        )
        for req in lingering:
            req.escalated_at = req.created_at + dt.timedelta(seconds=open_after_s)
    return [q.id for q in (*waiting, *lingering)]


def open_requests(session: Session) -> list[HelpStatus]:
    """Every unresolved request, whatever day it was raised, oldest first."""
    rows = session.scalars(
        select(AssistanceRequest)
        .where(AssistanceRequest.resolved_at.is_(None))
        .order_by(AssistanceRequest.created_at)
    ).all()
    return [_status(r) for r in rows]
