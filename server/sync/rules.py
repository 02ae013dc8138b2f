"""Applying one desk mutation — one local transaction's changes — on the server.

The conflict rules (docs/sync.md):
* events are append-only: insert if absent; the same id with other content is ``id_reuse``;
* escort claims, releases and hand-offs are compare-and-set on ``escort_assignments``: the
  first to reach the server wins; the loser's event is kept, flagged, and answered
  ``conflict`` with the holder; later moves by the loser on that visit are kept and flagged;
* mutable rows merge field-wise against ``base_version``: a field changed by somebody else
  since then keeps the server's value and the desk is told (``conflict`` with those fields);
* a mutation naming a row the server does not have (an event's visit, a visit's patient, a
  patched row) waits for it (``Waiting``): after a restore from backup that row is on its way
  from the desk that made it (server/sync/waiting.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import utcnow
from app.models import (
    Appointment,
    Case,
    CaseEvent,
    CaseEventKind,
    CaseOwner,
    Department,
    Doctor,
    DutyKind,
    DutyNote,
    EventFlag,
    EventKind,
    FollowUpEvent,
    FollowUpEventKind,
    FollowUpTask,
    Patient,
    Role,
    SourceChannel,
    Staff,
    SurveyDefinition,
    SurveyResponse,
    Visit,
    VisitEvent,
)
from app.services import followups, shared_settings, survey
from app.sync.codec import (
    DESK_TABLES,
    DecodeError,
    content_hash,
    dict_to_values,
    encode_value,
    row_to_dict,
)
from server.models import ClaimLoss, Device, EscortAssignment, FieldVersion
from server.sync.batch import Batch
from server.sync.changelog import Writer

ESCORT_KINDS = {EventKind.CLAIMED, EventKind.RELEASED, EventKind.HANDED_OFF}
KIOSK_EVENT_KINDS = {EventKind.ARRIVED, EventKind.REGISTERED}
KIOSK_TABLES = {"patients", "visits", "visit_events", "assistance_requests", "survey_responses"}
DEVICE_COLUMNS = {
    "visits": "created_device_id",
    "visit_events": "device_id",
    "assistance_requests": "device_id",
    "survey_responses": "device_id",
    "cases": "created_device_id",
    "case_events": "device_id",
    "followup_events": "device_id",
    "duty_notes": "device_id",
}
CASE_CLAIMS = {CaseEventKind.CLAIMED, CaseEventKind.RELEASED, CaseEventKind.HANDED_OFF}


class Rejected(Exception):
    """The mutation breaks a rule; nothing of it is applied.  ``code`` says which; for
    ``invalid_data``, ``field`` and ``rule`` say where and what (app/contract)."""

    def __init__(self, code: str, detail: str = "", *, field: str = "", rule: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail
        self.field = field
        self.rule = rule

    @classmethod
    def invalid(cls, field: str, rule: str, detail: str) -> Rejected:
        return cls("invalid_data", detail, field=field, rule=rule)

    def answer(self) -> dict[str, Any]:
        out: dict[str, Any] = {"status": "rejected", "code": self.code, "detail": self.detail[:200]}
        if self.field:
            out["field"], out["rule"] = self.field, self.rule
        return out


class Waiting(Exception):
    """The mutation names a row the server does not have (yet): ``table`` ``row_id``."""

    def __init__(self, table: str, row_id: str) -> None:
        super().__init__(f"waits for {table} {row_id}")
        self.table = table
        self.row_id = row_id


def _missing(table: str, row_id: Any) -> Exception:
    """What to raise for a row that is not here: wait for it, if it is a row at all."""
    if isinstance(row_id, str) and 0 < len(row_id) <= 36:
        return Waiting(table, row_id)
    return Rejected.invalid(table, "string_pattern_mismatch", f"not a {table} id")


# Columns naming rows the server authors: they must name one it has (a desk cannot make
# them, so none is ever on its way).
REFERENCES: dict[str, dict[str, type]] = {
    "visits": {"department_id": Department, "doctor_id": Doctor, "appointment_id": Appointment},
    "survey_responses": {
        "survey_id": SurveyDefinition,
        "department_id": Department,
        "doctor_id": Doctor,
        "guide_id": Staff,
    },
    "cases": {"department_id": Department},
}
STAFF_COLUMNS: dict[str, tuple[str, ...]] = {
    "visits": ("created_staff_id",),
    "visit_events": ("staff_id", "to_staff_id"),
    "assistance_requests": ("acknowledged_by", "resolved_by"),
    "cases": ("created_staff_id",),
    "case_events": ("staff_id",),
    "followup_events": ("staff_id",),
    "duty_notes": ("staff_id",),
}


def references(table: str) -> Iterator[tuple[str, type]]:
    """The columns of ``table`` that name a server-authored row, with that row's model."""
    yield from REFERENCES.get(table, {}).items()
    for column in STAFF_COLUMNS.get(table, ()):
        yield column, Staff


def _check_references(batch: Batch, table: str, data: dict[str, Any]) -> None:
    """Every server-authored row a change names exists; a staff member named is one."""
    for column, model in references(table):
        ref = data.get(column)
        if ref is not None and not batch.exists(model, ref):
            what = "staff" if model is Staff else model.__tablename__  # type: ignore[attr-defined]  # a model
            raise Rejected.invalid(
                f"{table}.{column}", "unknown_reference", f"no {what} row so named"
            )
    stage = data.get("stage") if table == "visit_events" else None
    if stage is not None and stage not in batch.stages:
        raise Rejected.invalid(
            "visit_events.stage", "stage_unknown", "not one of the hospital's stages"
        )


@dataclass
class Outcome:
    status: str = "applied"
    conflicts: list[dict[str, Any]] = field(default_factory=list)

    def conflict(self, **details: Any) -> None:
        self.status = "conflict"
        self.conflicts.append(details)


def _check_actors(batch: Batch, device: Device, payload: dict[str, Any], named: set[str]) -> None:
    """A change that names who did it (``ACTOR_COLUMNS``: ``named``) carries that person's
    proof of having signed in on the sending desk; a kiosk names nobody."""
    if not named:
        return
    if device.role == "kiosk":
        raise Rejected("forbidden", "a kiosk acts for no staff member")
    proof = payload.get("proof")
    if not isinstance(proof, dict):
        raise Rejected("staff_unproven", "names a staff member but carries no sign-in proof")
    if named != {proof["staff_id"]}:
        raise Rejected("staff_unproven", "names a staff member other than the one signed in")
    if not batch.proven(proof, device.id):  # another desk's proof does not hold here
        raise Rejected("staff_unproven", "the sign-in proof does not hold")


def apply_ops(
    batch: Batch, device: Device, payload: dict[str, Any], log: Writer, named: set[str]
) -> Outcome:
    """A change's ops, checked against the contract already (``named``: who it says did
    it, as ``app.contract.check_payload`` found)."""
    outcome = Outcome()
    ops = payload.get("ops")
    if not isinstance(ops, list) or not ops:
        raise Rejected("malformed", "a mutation carries a non-empty list of ops")
    _check_actors(batch, device, payload, named)
    for op in ops:
        if not isinstance(op, dict):
            raise Rejected("malformed", "an op is an object")
        table, kind = op.get("t"), op.get("op")
        if table not in DESK_TABLES:
            raise Rejected("table_not_allowed", str(table)[:40])
        if device.role == "kiosk" and (table not in KIOSK_TABLES or kind != "insert"):
            raise Rejected("forbidden", f"a kiosk may not {kind} {table}")
        # the op's shape and types were checked with its change (server/sync/push.py)
        _check_references(batch, table, op["data"])
        if kind == "insert":
            _insert(batch, device, table, op, log, outcome)
        elif kind == "patch":
            _patch(batch, table, op, log, outcome)
        else:
            raise Rejected("malformed", f"unknown op {kind!r}")
    return outcome


def _values(model: type, op: dict[str, Any]) -> dict[str, Any]:
    try:
        return dict_to_values(model, op["data"])
    except DecodeError as exc:
        raise Rejected("invalid_data", str(exc)) from None


def _insert(
    batch: Batch, device: Device, table: str, op: dict[str, Any], log: Writer, outcome: Outcome
) -> None:
    model = DESK_TABLES[table]
    values = _values(model, op)
    if values.get("id", op["id"]) != op["id"]:
        raise Rejected("invalid_data", "id differs from the op's id")
    values["id"] = op["id"]
    device_col = DEVICE_COLUMNS.get(table)
    if device_col and values.get(device_col) != device.id:
        raise Rejected("forbidden", f"{table}.{device_col} must be the sending device")
    existing = batch.get(model, op["id"])
    if model in (VisitEvent, CaseEvent, FollowUpEvent):
        if existing is not None:
            if content_hash(encoded_row(existing)) != content_hash(encoded_row(values)):
                raise Rejected("id_reuse", f"event {op['id']} exists with other content")
            return
        if model is VisitEvent:
            _event(batch, device, values, log, outcome)
        elif model is CaseEvent:
            _case_event(batch, values, log, outcome)
        else:
            _followup_event(batch, values, log, outcome)
        return
    if existing is not None:
        return  # sent again (a retry, a re-send after a restore): the first one stands
    if device.role == "kiosk" and table == "visits" and values.get("arrival_channel") != "kiosk":
        raise Rejected("forbidden", "kiosk visits arrive at the kiosk")
    if device.role == "kiosk" and table == "survey_responses" and values.get("mode") == "phone":
        raise Rejected("forbidden", "a kiosk's answers are given on its screen")
    if "version" in values:
        values["version"] = 1
    if model is Visit:
        values.setdefault("stage", "arrived")
        values.setdefault("stage_since", values.get("created_at") or utcnow())
        if values.get("verified") and device.role == "kiosk":
            raise Rejected("forbidden", "a kiosk cannot verify a patient")
        if values.get("priority") and device.role == "kiosk":
            raise Rejected("forbidden", "a kiosk gives no priority: a guide does, in person")
        patient_id = values.get("patient_id")
        if patient_id and batch.get(Patient, patient_id) is None:
            raise _missing("patients", patient_id)
        values["duplicate_of"] = _first_checkin(batch.session, values.get("appointment_id"))
        if device.role == "kiosk":
            _recognise_returning(batch, values)
    if model is Case:
        values["server_received_at"] = utcnow()  # beside the desk's own received_at
        for table, parent, ref in (
            ("patients", Patient, "patient_id"),
            ("visits", Visit, "visit_id"),
        ):
            if values.get(ref) and batch.get(parent, values[ref]) is None:
                raise _missing(table, values[ref])
    if model is DutyNote:
        _duty_note(batch, values)
    obj: Any = model(**values)  # the table's model (DESK_TABLES)
    if model is SurveyResponse:
        # match a typed ticket number, fill in department, doctor and guide, and keep a second
        # answer for a visit as answered-already — against everything the server has so far
        batch.write()
        survey.attach_visit(batch.session, obj)
    batch.add(obj, obj.id)
    log.row(obj)
    if (table, obj.id) in batch.awaited():
        batch.arrived.append((table, obj.id))
    if model is SurveyResponse and obj.visit_id is None and obj.ticket:
        batch.waiting_tickets().add((obj.day, survey.ticket_key(obj.ticket)))
    elif (
        model is Visit and (obj.day, (obj.ticket_prefix, obj.ticket_seq)) in batch.waiting_tickets()
    ):
        batch.met.append(obj)  # an answer waits for this visit: met once the push is in


def _duty_note(batch: Batch, values: dict[str, Any]) -> None:
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
        raise _missing("duty_notes", ref)
    if str(handed.kind) != DutyKind.HANDOVER:
        raise Rejected.invalid("duty_notes.ref_id", "not_a_handover", "that note is no hand-over")


def meet_waiting_answers(batch: Batch, log: Writer) -> None:
    """After a push's mutations: survey answers given under the typed ticket number of a
    visit that has only now arrived are tied to it — with its department, doctor and the
    guide who walked the patient, whose claim came in the same push."""
    batch.write()
    for visit in batch.met:
        if visit not in batch.session:  # its mutation was refused after all
            continue
        for response in survey.waiting_for(batch.session, visit):
            survey.attach_visit(batch.session, response)
            batch.session.flush()
            log.row(response)
    batch.met = []


def encoded_row(row: Any) -> dict[str, Any]:
    """A row's JSON form, whether an ORM object or a dict of column values."""
    if isinstance(row, dict):
        return {k: encode_value(v) for k, v in row.items()}
    return row_to_dict(row)


def _recognise_returning(batch: Batch, values: dict[str, Any]) -> None:
    """A kiosk knows only the patients it registered itself; the server knows them all.  A
    walk-in whose phone an earlier patient gave — at another kiosk, or to a guide — arrives
    on every guide's board as a returning patient.  The kiosk is not told: it never learns
    whether a phone is known here (a public screen must not answer that)."""
    patient = batch.get(Patient, values.get("patient_id")) if values.get("patient_id") else None
    if values.get("is_returning") or patient is None or not patient.phone:
        return
    earlier = batch.session.scalars(
        select(Patient.id).where(Patient.phone == patient.phone, Patient.id != patient.id).limit(1)
    ).first()
    if earlier is not None:
        values["is_returning"] = True
        values["source_channel"] = SourceChannel.RETURNING


def _first_checkin(session: Session, appointment_id: str | None) -> str | None:
    """Two kiosks (or a double tap offline) checked the same appointment in: both visits are
    kept; the later one points at the first, and boards show one."""
    if not appointment_id:
        return None
    return session.scalars(
        select(Visit.id)
        .where(Visit.appointment_id == appointment_id, Visit.duplicate_of.is_(None))
        .order_by(Visit.created_at, Visit.id)
        .limit(1)
    ).first()


def _staff_name(batch: Batch, staff_id: str | None) -> str | None:
    staff = batch.get(Staff, staff_id) if staff_id else None
    return staff.display_name if staff else None


def _event(
    batch: Batch, device: Device, values: dict[str, Any], log: Writer, outcome: Outcome
) -> None:
    kind = EventKind(values["kind"])
    if device.role == "kiosk" and kind not in KIOSK_EVENT_KINDS:
        raise Rejected("forbidden", f"a kiosk may not record {kind}")
    visit = batch.get(Visit, values["visit_id"])
    if visit is None:
        raise _missing("visits", values["visit_id"])
    if device.role == "kiosk" and visit.created_device_id != device.id:
        raise Rejected("forbidden", "a kiosk records events of its own visits only")
    values.setdefault("data", {})
    batch.add_event(values)
    log.data("visit_events", encoded_row(values))
    event_id = values["id"]
    staff_id = values.get("staff_id")
    flag: tuple[str, str | None] | None = None
    if kind in ESCORT_KINDS:
        flag = _escort(batch, visit.id, kind, staff_id, values.get("to_staff_id"))
    elif staff_id and batch.get(ClaimLoss, (visit.id, staff_id)) is not None:
        holder = batch.get(EscortAssignment, visit.id)
        if holder is None or holder.staff_id != staff_id:
            flag = ("claim_lost", holder.staff_id if holder else None)
    if flag is not None:
        reason, holder_id = flag
        marker = EventFlag(
            event_id=event_id,
            visit_id=visit.id,
            flag="conflicted",
            reason=reason,
            holder_staff_id=holder_id,
            created_at=utcnow(),
            version=1,
        )
        batch.add(marker, marker.event_id)
        log.row(marker)
        outcome.conflict(
            reason=reason,
            event_id=event_id,
            visit_id=visit.id,
            holder_staff_id=holder_id,
            holder_name=_staff_name(batch, holder_id),
        )


def _escort(
    batch: Batch, visit_id: str, kind: EventKind, staff_id: str | None, to_staff_id: str | None
) -> tuple[str, str | None] | None:
    """Compare-and-set on the escort; returns (reason, holder) when the event loses."""
    assignment = batch.get(EscortAssignment, visit_id)
    if assignment is None:
        assignment = EscortAssignment(visit_id=visit_id, staff_id=None, claim_version=0)
        batch.add(assignment, visit_id)
    holder = assignment.staff_id
    staff = batch.get(Staff, staff_id) if staff_id else None
    director = staff is not None and staff.role == Role.DIRECTOR
    if kind == EventKind.CLAIMED:
        if holder not in (None, staff_id):
            if staff_id and batch.get(ClaimLoss, (visit_id, staff_id)) is None:
                batch.add(ClaimLoss(visit_id=visit_id, staff_id=staff_id), (visit_id, staff_id))
            return ("claimed_by_other", holder)
        assignment.staff_id = staff_id
        loss = batch.get(ClaimLoss, (visit_id, staff_id)) if staff_id else None
        if loss is not None:
            batch.delete(loss, (visit_id, staff_id))
    elif kind == EventKind.RELEASED:
        if holder is not None and holder != staff_id and not director:
            return ("not_holder", holder)
        assignment.staff_id = None
    elif kind == EventKind.HANDED_OFF:
        if holder != staff_id and not director:
            return ("not_holder", holder)
        assignment.staff_id = to_staff_id
    assignment.claim_version += 1
    return None


def _followup_event(batch: Batch, values: dict[str, Any], log: Writer, outcome: Outcome) -> None:
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
            holder_name=_staff_name(batch, holder),
        )


def _case_event(batch: Batch, values: dict[str, Any], log: Writer, outcome: Outcome) -> None:
    """A step on a case: kept whatever happens — two desks that acted on one case offline
    both keep theirs; a claim is compare-and-set on ``case_owners`` (the first to reach the
    server wins, the loser is told who holds it)."""
    case = batch.get(Case, values["case_id"])
    if case is None:
        raise _missing("cases", values["case_id"])
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
            holder_name=_staff_name(batch, holder),
        )
        return
    owner.version += 1
    log.row(owner)


def _patch(batch: Batch, table: str, op: dict[str, Any], log: Writer, outcome: Outcome) -> None:
    model = DESK_TABLES[table]
    if model in (VisitEvent, CaseEvent):
        raise Rejected("append_only", f"{table} are never changed")
    row = batch.get(model, op["id"])
    if row is None:
        raise _missing(table, op["id"])
    base = op["base_version"]
    values = _values(model, op)
    changed_since = {
        fv.field: fv.version
        for fv in batch.session.scalars(
            select(FieldVersion).where(
                FieldVersion.table_name == table, FieldVersion.row_id == row.id
            )
        )
    }
    new_version = row.version + 1
    kept: dict[str, Any] = {}
    applied = False
    for name, value in values.items():
        if changed_since.get(name, 1) > base and getattr(row, name) != value:
            kept[name] = row_to_dict(row)[name]
            continue
        if getattr(row, name) != value:
            setattr(row, name, value)
            key = (table, row.id, name)
            known = batch.get(FieldVersion, key)
            if known is None:
                batch.add(
                    FieldVersion(table_name=table, row_id=row.id, field=name, version=new_version),
                    key,
                )
            else:
                known.version = new_version
            applied = True
    if applied:
        row.version = new_version
        log.row(row)
    if kept:
        outcome.conflict(
            reason="changed_meanwhile", table=table, id=row.id, fields=kept, version=row.version
        )
