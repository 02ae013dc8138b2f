"""The rules for the events of cases and follow-up calls, and for the duty log: who may do
what to a case or a call (the first claim wins; a lead gives calls away), and which hand-over a
take-over names — each a compare-and-set on the server, where the desks' races are decided."""

from __future__ import annotations

from typing import Any

from app.clock import utcnow
from app.models import (
    Case,
    CaseEvent,
    CaseEventKind,
    CaseOwner,
    DutyKind,
    DutyNote,
    FollowUpEvent,
    FollowUpEventKind,
    FollowUpTask,
    Role,
    Staff,
)
from app.services import followups, shared_settings
from server.sync.batch import Batch
from server.sync.changelog import Writer
from server.sync.refusals import Outcome, Rejected, missing, staff_name

CASE_CLAIMS = {CaseEventKind.CLAIMED, CaseEventKind.RELEASED, CaseEventKind.HANDED_OFF}


def followup_event(batch: Batch, values: dict[str, Any], log: Writer, outcome: Outcome) -> None:
    """An attempt or decision on a follow-up call: kept whatever happens — a call made is a
    fact.  Who holds a task is decided here (``followups.decide_hold``: the first claim to
    reach the server wins, by the server's clock); a claim that lost, or a call recorded by
    somebody who did not hold it (a lease that ran out offline), is kept and answered
    ``conflict`` with the holder.  Tasks are the server's own: one it does not hold is
    refused, never waited for."""
    task = batch.get(FollowUpTask, values["task_id"])
    if task is None:
        raise Rejected.invalid(
            "followup_events.task_id", "unknown_reference", "no such follow-up task"
        )
    kind = FollowUpEventKind(values["kind"])
    values.setdefault("data", {})
    staff_id = values.get("staff_id")
    staff = batch.get(Staff, staff_id) if staff_id else None
    to_staff = values["data"].get("to_staff_id") if kind == FollowUpEventKind.ASSIGNED else None
    if kind == FollowUpEventKind.ASSIGNED:
        person = batch.get(Staff, to_staff) if isinstance(to_staff, str) else None
        if person is None or person.role not in followups.CALLERS:
            raise Rejected.invalid(
                "followup_events.data.to_staff_id", "unknown_reference", "no such caller"
            )
    if kind == FollowUpEventKind.EXCLUDED:
        signer = values["data"].get("signed_off_by")
        lead = batch.get(Staff, signer) if isinstance(signer, str) else None
        if not followups.is_lead(lead):
            raise Rejected.invalid(
                "followup_events.data.signed_off_by",
                "not_lead",
                "an exclusion is signed off by a duty lead, quality staff or the director",
            )
    event = FollowUpEvent(**values)
    batch.add(event, event.id)
    log.row(event)
    now = utcnow()
    holder = followups.holder(task, now)
    lost: str | None = None
    if kind in followups.HOLDS:
        lost = followups.decide_hold(
            task,
            kind,
            staff_id,
            lead=followups.is_lead(staff),
            to_staff_id=to_staff,
            now=now,
            rules=shared_settings.followup_rules(batch.session),
        )
        if lost is None:
            log.row(task)
    elif kind in followups.ON_THE_CALL and holder != staff_id:
        lost = "not_holder"
    if lost is not None:
        outcome.conflict(
            reason=f"call_{lost}",
            event_id=event.id,
            task_id=task.id,
            holder_staff_id=holder,
            holder_name=staff_name(batch, holder),
        )


def case_event(batch: Batch, values: dict[str, Any], log: Writer, outcome: Outcome) -> None:
    """A step on a case: kept whatever happens — two desks that acted on one case offline
    both keep theirs; a claim is compare-and-set on ``case_owners`` (the first to reach the
    server wins, the loser is told who holds it)."""
    case = batch.get(Case, values["case_id"])
    if case is None:
        raise missing("cases", values["case_id"])
    kind = CaseEventKind(values["kind"])
    values.setdefault("data", {})
    to_staff = values["data"].get("to_staff_id") if kind == CaseEventKind.HANDED_OFF else None
    if kind == CaseEventKind.HANDED_OFF and (
        not isinstance(to_staff, str) or not batch.exists(Staff, to_staff)
    ):
        raise Rejected.invalid("case_events.data.to_staff_id", "unknown_reference", "no such staff")
    event = CaseEvent(**values)
    batch.add(event, event.id)
    log.row(event)
    if kind not in CASE_CLAIMS:
        return
    owner = batch.get(CaseOwner, case.id)
    if owner is None:
        owner = CaseOwner(case_id=case.id, staff_id=None, version=0)
        batch.add(owner, case.id)
    staff_id = values.get("staff_id")
    holder = owner.staff_id
    staff = batch.get(Staff, staff_id) if staff_id else None
    director = staff is not None and staff.role == Role.DIRECTOR
    lost: str | None = None
    if kind == CaseEventKind.CLAIMED:
        if holder not in (None, staff_id):
            lost = "claimed_by_other"
        else:
            owner.staff_id = staff_id
    elif holder is not None and holder != staff_id and not director:
        lost = "not_holder"
    else:
        owner.staff_id = to_staff if kind == CaseEventKind.HANDED_OFF else None
    if lost is not None:
        outcome.conflict(
            reason=lost,
            event_id=event.id,
            case_id=case.id,
            holder_staff_id=holder,
            holder_name=staff_name(batch, holder),
        )
        return
    owner.version += 1
    log.row(owner)


def duty_note(batch: Batch, values: dict[str, Any]) -> None:
    """A take-over names the hand-over it takes (one the server has, or that is on its way);
    no other note names another."""
    ref = values.get("ref_id")
    taking = str(values.get("kind")) == DutyKind.TAKEN_OVER
    if taking and not ref:
        raise Rejected.invalid("duty_notes.ref_id", "missing", "a take-over names its hand-over")
    if not ref:
        return
    if not taking:
        raise Rejected.invalid(
            "duty_notes.ref_id", "not_allowed", "only a take-over names another note"
        )
    handed = batch.get(DutyNote, ref)
    if handed is None:
        raise missing("duty_notes", ref)
    if str(handed.kind) != DutyKind.HANDOVER:
        raise Rejected.invalid("duty_notes.ref_id", "not_a_handover", "that note is no hand-over")
