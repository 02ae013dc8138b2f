"""Escorts: a guide claims a patient, releases them, or hands them to another guide.

Only one guide escorts a patient at a time.  A claim on a patient somebody else holds is
refused with that guide's name; a second claim by the holder changes nothing."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.clock import Clock
from app.errors import EscortConflict, FrontDeskError, NotFound, StageError
from app.models import EventKind, Role, Staff, Visit
from app.services.context import Actor
from app.services.stages import DEPARTED
from app.services.visits import VisitState, get_visit, rebuild_state, record

ESCORT_ROLES = {Role.GUIDE, Role.DIRECTOR}


def _staff(session: Session, staff_id: str | None) -> Staff:
    staff = session.get(Staff, staff_id) if staff_id else None
    if staff is None or not staff.active:
        raise NotFound(label="staff")
    return staff


def _open_visit_state(session: Session, visit_id: str) -> tuple[VisitState, Visit]:
    visit = get_visit(session, visit_id)
    state = rebuild_state(session, visit)
    if state.stage == DEPARTED:
        raise StageError("visit_departed")
    return state, visit


def claim(session: Session, visit_id: str, actor: Actor, clock: Clock) -> VisitState:
    guide = _staff(session, actor.staff_id)
    state, visit = _open_visit_state(session, visit_id)
    if state.escort_staff_id == guide.id:
        return state
    if state.escort_staff_id is not None:
        holder = session.get(Staff, state.escort_staff_id)
        raise EscortConflict(
            holder=holder.display_name if holder else state.escort_staff_id,
            holder_id=state.escort_staff_id,
        )
    record(session, visit, EventKind.CLAIMED, actor, clock.now())
    return rebuild_state(session, visit)


def release(session: Session, visit_id: str, actor: Actor, clock: Clock) -> VisitState:
    """The escorting guide lets the patient go (a director may release anyone's)."""
    staff = _staff(session, actor.staff_id)
    state, visit = _open_visit_state(session, visit_id)
    if state.escort_staff_id is None:
        raise FrontDeskError("not_escorted")
    if state.escort_staff_id != staff.id and staff.role != Role.DIRECTOR:
        raise FrontDeskError("not_escort_holder")
    record(
        session,
        visit,
        EventKind.RELEASED,
        actor,
        clock.now(),
        data={"from_staff_id": state.escort_staff_id},
    )
    return rebuild_state(session, visit)


def hand_off(
    session: Session, visit_id: str, to_staff_id: str, actor: Actor, clock: Clock
) -> VisitState:
    """The escorting guide passes the patient to another guide."""
    staff = _staff(session, actor.staff_id)
    target = _staff(session, to_staff_id)
    if target.role not in ESCORT_ROLES:
        raise FrontDeskError("choice_invalid", label="staff")
    state, visit = _open_visit_state(session, visit_id)
    if state.escort_staff_id != staff.id and staff.role != Role.DIRECTOR:
        if state.escort_staff_id is None:
            raise FrontDeskError("not_escorted")
        raise FrontDeskError("not_escort_holder")
    if target.id == state.escort_staff_id:
        return state
    record(
        session,
        visit,
        EventKind.HANDED_OFF,
        actor,
        clock.now(),
        to_staff_id=target.id,
        data={"from_staff_id": state.escort_staff_id},
    )
    return rebuild_state(session, visit)
