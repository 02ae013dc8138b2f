"""The duty log (值班日志) and the hand-over at shift change.

Anyone on duty writes in the log what the daily report must know: a system problem, a
difficult case, an incident.  At the end of a shift the guide handing over writes the hand-over:
the desk fills in what stands open then — patients in the building, those this guide walks
with, calls for a guide not yet resolved — and the guide adds what the next shift must know.
The next shift takes it over (a note of its own naming the hand-over); until then every desk
shows it waiting.  Nothing in the log is changed or removed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.errors import FrontDeskError
from app.models import (
    Appointment,
    AssistanceRequest,
    DutyKind,
    DutyNote,
    Patient,
    Staff,
    Visit,
)
from app.services.context import Actor
from app.services.masking import mask_name
from app.services.stages import DEPARTED
from app.services.validation import Checker

TEXT_MAX = 2000
NOTE_KINDS = (DutyKind.SYSTEM, DutyKind.CASE, DutyKind.INCIDENT, DutyKind.OTHER)


@dataclass(frozen=True)
class DutyLine:
    note_id: str
    kind: str
    at: dt.datetime
    who: str
    text: str
    data: dict[str, Any]
    staff_id: str | None = None
    taken_by: str = ""  # a hand-over: who took it over ("" not yet)
    taken_at: dt.datetime | None = None


def _text(value: str, *, required: bool) -> str:
    check = Checker()
    text = (value or "").strip()
    if required:
        check.required("text", text, "note")
    if len(text) > TEXT_MAX:
        check.fail("text", "too_long", label="note", max=TEXT_MAX)
    check.done()
    return text


def write(
    session: Session, actor: Actor, clock: Clock, kind: DutyKind | str, text: str
) -> DutyNote:
    """A note in today's log: a system problem, a difficult case, an incident, or other."""
    check = Checker()
    value = check.choice("kind", str(kind), [k.value for k in NOTE_KINDS], "kind")
    check.done()
    note = DutyNote(
        day=clock.today(),
        kind=DutyKind(value),
        text=_text(text, required=True),
        staff_id=actor.staff_id,
        device_id=actor.device_id,
        created_at=clock.now(),
        data={"desk": actor.desk} if actor.desk else {},
    )
    session.add(note)
    session.flush()
    return note


def standing(session: Session, staff_id: str | None, day: dt.date) -> dict[str, Any]:
    """What stands open now, for a hand-over: the day's patients still in the building, the
    tickets of those ``staff_id`` walks with, the calls for a guide not resolved."""
    rows = session.execute(
        select(
            Visit.ticket_prefix,
            Visit.ticket_seq,
            Visit.escort_staff_id,
            Patient.name,
            Appointment.patient_name,
        )
        .outerjoin(Patient, Patient.id == Visit.patient_id)
        .outerjoin(Appointment, Appointment.id == Visit.appointment_id)
        .where(Visit.day == day, Visit.stage != DEPARTED, Visit.duplicate_of.is_(None))
    ).all()
    mine = sorted(  # a ticket, else the name masked (王*明): who, never more
        f"{prefix}{seq:03d}" if prefix and seq else mask_name(name or booked or "") or "—"
        for prefix, seq, escort, name, booked in rows
        if staff_id and escort == staff_id
    )
    open_calls = session.scalar(
        select(func.count())
        .select_from(AssistanceRequest)
        .where(AssistanceRequest.resolved_at.is_(None))
    )
    return {"in_building": len(rows), "mine": mine, "open_calls": int(open_calls or 0)}


def hand_over(session: Session, actor: Actor, clock: Clock, text: str) -> DutyNote:
    """The shift's hand-over: what stands open now (``standing``) and the guide's words."""
    note = DutyNote(
        day=clock.today(),
        kind=DutyKind.HANDOVER,
        text=_text(text, required=False),
        staff_id=actor.staff_id,
        device_id=actor.device_id,
        created_at=clock.now(),
        data={
            **standing(session, actor.staff_id, clock.today()),
            **({"desk": actor.desk} if actor.desk else {}),
        },
    )
    session.add(note)
    session.flush()
    return note


def take_over(session: Session, actor: Actor, clock: Clock, handover_id: str) -> DutyNote:
    """The next shift takes a hand-over over (once; not one's own)."""
    handed = session.get(DutyNote, handover_id)
    if handed is None or handed.kind != DutyKind.HANDOVER:
        raise FrontDeskError("not_found", label="handover")
    if handed.staff_id == actor.staff_id:
        raise FrontDeskError("own_handover")
    taken = session.scalar(
        select(DutyNote).where(DutyNote.kind == DutyKind.TAKEN_OVER, DutyNote.ref_id == handover_id)
    )
    if taken is not None:
        return taken  # already taken over: by whom, the log says
    note = DutyNote(
        day=clock.today(),
        kind=DutyKind.TAKEN_OVER,
        text="",
        staff_id=actor.staff_id,
        device_id=actor.device_id,
        created_at=clock.now(),
        ref_id=handover_id,
        data={"desk": actor.desk} if actor.desk else {},
    )
    session.add(note)
    session.flush()
    return note


def day_log(session: Session, day: dt.date) -> list[DutyLine]:
    """The log of ``day``, oldest first, each hand-over with who took it over; and any
    hand-over of an earlier day nobody took over yet (a night shift's, read in the morning)."""
    notes = list(
        session.scalars(select(DutyNote).where(DutyNote.day == day).order_by(DutyNote.created_at))
    )
    takes = {
        n.ref_id: n
        for n in session.scalars(select(DutyNote).where(DutyNote.kind == DutyKind.TAKEN_OVER))
    }
    earlier = [
        n
        for n in session.scalars(
            select(DutyNote)
            .where(DutyNote.kind == DutyKind.HANDOVER, DutyNote.day < day)
            .order_by(DutyNote.created_at)
        )
        if n.id not in takes
    ]
    shown = [*earlier, *(n for n in notes if n.kind != DutyKind.TAKEN_OVER)]
    people = {n.staff_id for n in [*shown, *takes.values()] if n.staff_id}
    names = dict(
        session.execute(select(Staff.id, Staff.display_name).where(Staff.id.in_(people))).all()
        if people
        else []
    )
    lines = []
    for n in shown:
        took = takes.get(n.id) if n.kind == DutyKind.HANDOVER else None
        lines.append(
            DutyLine(
                note_id=n.id,
                kind=str(n.kind),
                at=n.created_at,
                who=names.get(n.staff_id or "", ""),
                text=n.text,
                data=dict(n.data or {}),
                staff_id=n.staff_id,
                taken_by=names.get(took.staff_id or "", "?") if took else "",
                taken_at=took.created_at if took else None,
            )
        )
    return lines


def waiting_handovers(lines: list[DutyLine]) -> list[DutyLine]:
    """Hand-overs nobody took over yet."""
    return [ln for ln in lines if ln.kind == DutyKind.HANDOVER and not ln.taken_by]


__all__ = [
    "NOTE_KINDS",
    "DutyLine",
    "day_log",
    "hand_over",
    "standing",
    "take_over",
    "waiting_handovers",
    "write",
]
