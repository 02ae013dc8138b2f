"""Follow-up calls on the database: attempts recorded as append-only events with their checks,
who holds a call, each task judged by the rules of app/services/followup_rules.py, and the
worklist that sorts on what that judgement derives.  The tasks themselves are made by the
rules of app/services/followup_sources.py (re-exported here: ``run_rules`` and each source)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.errors import FrontDeskError
from app.ids import new_id
from app.models import (
    FollowUpEvent,
    FollowUpTask,
    Role,
    Staff,
)
from app.models import FollowUpEventKind as F
from app.services import cases
from app.services.context import Actor
from app.services.followup_rules import (
    Attempt,
    FollowUpRules,
    Outcome,
    Standing,
    standing,
)
from app.services.followup_sources import (  # the sources' rules: followups.run_rules etc.
    BACK_DAYS as BACK_DAYS,
)
from app.services.followup_sources import DoNotCall as DoNotCall
from app.services.followup_sources import Generated as Generated
from app.services.followup_sources import after_case_tasks as after_case_tasks
from app.services.followup_sources import low_score_tasks as low_score_tasks
from app.services.followup_sources import next_day_tasks as next_day_tasks
from app.services.followup_sources import no_show_tasks as no_show_tasks
from app.services.followup_sources import run_rules as run_rules
from app.services.unanswered import unanswered_rows
from app.services.validation import NOTE_MAX, Checker, normalize_phone

ATTEMPTS = {F(o.value) for o in Outcome}
OPEN = ("open", "callback")  # the states a task's events leave it in until it is closed


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
