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
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import utcnow
from app.models import (
    AccessRecord,
    Appointment,
    Case,
    CaseEvent,
    Department,
    Doctor,
    DutyNote,
    EventFlag,
    EventKind,
    FollowUpEvent,
    Patient,
    Role,
    SourceChannel,
    Staff,
    SurveyDefinition,
    SurveyResponse,
    Visit,
    VisitEvent,
)
from app.services import survey
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
from server.sync.refusals import Outcome, Rejected, missing, staff_name
from server.sync.task_events import case_event, duty_note, followup_event

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
    "access_log": "device_id",
}


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
    "access_log": ("staff_id",),
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
            case_event(batch, values, log, outcome)
        else:
            followup_event(batch, values, log, outcome)
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
            raise missing("patients", patient_id)
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
                raise missing(table, values[ref])
    if model is DutyNote:
        duty_note(batch, values)
    obj: Any = model(**values)  # the table's model (DESK_TABLES)
    if model is SurveyResponse:
        # match a typed ticket number, fill in department, doctor and guide, and keep a second
        # answer for a visit as answered-already — against everything the server has so far
        batch.write()
        survey.attach_visit(batch.session, obj)
    batch.add(obj, obj.id)
    log.row(obj)
    if model is AccessRecord:
        batch.accessed.append(obj.id)  # chained by hash once the push is in
    if (table, obj.id) in batch.awaited():
        batch.arrived.append((table, obj.id))
    if model is SurveyResponse and obj.visit_id is None and obj.ticket:
        batch.waiting_tickets().add((obj.day, survey.ticket_key(obj.ticket)))
    elif (
        model is Visit and (obj.day, (obj.ticket_prefix, obj.ticket_seq)) in batch.waiting_tickets()
    ):
        batch.met.append(obj)  # an answer waits for this visit: met once the push is in


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


def _event(
    batch: Batch, device: Device, values: dict[str, Any], log: Writer, outcome: Outcome
) -> None:
    kind = EventKind(values["kind"])
    if device.role == "kiosk" and kind not in KIOSK_EVENT_KINDS:
        raise Rejected("forbidden", f"a kiosk may not record {kind}")
    visit = batch.get(Visit, values["visit_id"])
    if visit is None:
        raise missing("visits", values["visit_id"])
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
            holder_name=staff_name(batch, holder_id),
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


def _patch(batch: Batch, table: str, op: dict[str, Any], log: Writer, outcome: Outcome) -> None:
    model = DESK_TABLES[table]
    if model in (VisitEvent, CaseEvent):
        raise Rejected("append_only", f"{table} are never changed")
    row = batch.get(model, op["id"])
    if row is None:
        raise missing(table, op["id"])
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
