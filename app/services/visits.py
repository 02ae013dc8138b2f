"""A visit's life as append-only events, and what is derived from them: the current stage,
since when, and who escorts the patient.

Stage moves, admission, departure, reopening and corrections all go through here.  The
``stage``/``stage_since``/``escort_staff_id`` columns of a visit are only a cache of
``derive(events)``; ``rebuild_state`` recomputes them from the events at any time.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.errors import FrontDeskError, NotFound, StageError
from app.models import EventFlag, EventKind, Priority, Visit, VisitEvent
from app.services.context import Actor
from app.services.stages import ADMISSION, ARRIVED, DEPARTED, StageMachine, stage_text
from app.services.validation import NOTE_MAX, Checker

STAGE_EVENTS = {
    EventKind.ARRIVED,
    EventKind.REGISTERED,
    EventKind.STAGE_CHANGED,
    EventKind.ADMITTED,
    EventKind.DEPARTED,
    EventKind.REOPENED,
}
CORRECTABLE = {
    EventKind.STAGE_CHANGED,
    EventKind.ADMITTED,
    EventKind.DEPARTED,
    EventKind.REOPENED,
}


@dataclass(frozen=True)
class VisitState:
    stage: str
    stage_since: dt.datetime
    escort_staff_id: str | None

    def minutes_in_stage(self, now: dt.datetime) -> float:
        return max((now - self.stage_since).total_seconds() / 60.0, 0.0)


def ordered(events: Iterable[VisitEvent]) -> list[VisitEvent]:
    # UUIDv7 ids break ties in the order one desk made them.
    return sorted(events, key=lambda e: (e.occurred_at, e.id))


def effective(events: Iterable[VisitEvent], flagged: Iterable[str] = ()) -> list[VisitEvent]:
    """The events that count, oldest first: without corrected ones, without the corrections
    themselves, and without events the server kept but flagged (a claim that lost the race,
    moves made under it)."""
    evs = ordered(events)
    superseded = {e.supersedes_id for e in evs if e.kind == EventKind.CORRECTED}
    superseded |= set(flagged)
    return [e for e in evs if e.id not in superseded and e.kind != EventKind.CORRECTED]


def derive(events: Sequence[VisitEvent], flagged: Iterable[str] = ()) -> VisitState:
    """Fold a visit's effective events into its state."""
    evs = ordered(events)
    stage, since, escort = ARRIVED, None, None
    for e in effective(evs, flagged):
        if e.kind in STAGE_EVENTS:
            stage = e.stage or stage
            since = e.occurred_at
            if e.kind == EventKind.DEPARTED:
                escort = None
        elif e.kind == EventKind.CLAIMED:
            escort = e.staff_id
        elif e.kind == EventKind.RELEASED:
            escort = None
        elif e.kind == EventKind.HANDED_OFF:
            escort = e.to_staff_id
    if since is None:
        if not evs:
            raise ValueError("a visit has at least its arrival event")
        since = evs[0].occurred_at
    return VisitState(stage=stage, stage_since=since, escort_staff_id=escort)


def effective_events_of(session: Session, visit_ids: Collection[str]) -> dict[str, list[Any]]:
    """The effective events (``effective``) of many visits, read in two queries as light rows
    (id, visit_id, kind, stage, staff_id, to_staff_id, occurred_at, supersedes_id) — what the
    sync derives visits from, and the follow-up rules judge a day's departures by."""
    ids = list(visit_ids)
    events: dict[str, list[Any]] = defaultdict(list)
    e = VisitEvent
    for ev in session.execute(
        select(
            e.id,
            e.visit_id,
            e.kind,
            e.stage,
            e.staff_id,
            e.to_staff_id,
            e.occurred_at,
            e.supersedes_id,
        ).where(e.visit_id.in_(ids))
    ):
        events[ev.visit_id].append(ev)
    flagged: dict[str, set[str]] = defaultdict(set)
    for visit_id, event_id in session.execute(
        select(EventFlag.visit_id, EventFlag.event_id).where(EventFlag.visit_id.in_(ids))
    ):
        flagged[visit_id].add(event_id)
    return {v: effective(evs, flagged[v]) for v, evs in events.items()}


def events_of(session: Session, visit_id: str) -> list[VisitEvent]:
    return list(
        session.scalars(
            select(VisitEvent)
            .where(VisitEvent.visit_id == visit_id)
            .order_by(VisitEvent.occurred_at, VisitEvent.id)
        )
    )


def flagged_of(session: Session, visit_id: str) -> set[str]:
    return set(session.scalars(select(EventFlag.event_id).where(EventFlag.visit_id == visit_id)))


def events_and_flags(
    session: Session, visit_ids: Collection[str]
) -> tuple[dict[str, list[VisitEvent]], dict[str, set[str]]]:
    """Many visits' events and flagged event ids in two queries (for reports)."""
    events: dict[str, list[VisitEvent]] = defaultdict(list)
    flagged: dict[str, set[str]] = defaultdict(set)
    ids = list(visit_ids)
    if ids:
        for ev in session.scalars(select(VisitEvent).where(VisitEvent.visit_id.in_(ids))):
            events[ev.visit_id].append(ev)
        for visit_id, event_id in session.execute(
            select(EventFlag.visit_id, EventFlag.event_id).where(EventFlag.visit_id.in_(ids))
        ):
            flagged[visit_id].add(event_id)
    return events, flagged


def last_guide(events: Iterable[VisitEvent], flagged: Iterable[str] = ()) -> str | None:
    """The guide who last took the patient on (claimed, or was handed the patient) — the one
    who walked them, for the figures of a survey answer."""
    guide = None
    for e in effective(events, flagged):
        if e.kind == EventKind.CLAIMED and e.staff_id:
            guide = e.staff_id
        elif e.kind == EventKind.HANDED_OFF and e.to_staff_id:
            guide = e.to_staff_id
    return guide


def rebuild_state(session: Session, visit: Visit) -> VisitState:
    state = derive(events_of(session, visit.id), flagged_of(session, visit.id))
    visit.stage = state.stage
    visit.stage_since = state.stage_since
    visit.escort_staff_id = state.escort_staff_id
    return state


def get_visit(session: Session, visit_id: str) -> Visit:
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise NotFound(label="visit")
    return visit


def record(
    session: Session,
    visit: Visit,
    kind: EventKind,
    actor: Actor,
    at: dt.datetime,
    *,
    stage: str | None = None,
    to_staff_id: str | None = None,
    supersedes_id: str | None = None,
    data: dict[str, Any] | None = None,
) -> VisitEvent:
    """Append one event to a visit and refresh the derived state.  The desk's name goes with
    it, so that a timeline can say where each step was recorded."""
    data = dict(data or {})
    if actor.desk:
        data.setdefault("desk", actor.desk)
    ev = VisitEvent(
        visit_id=visit.id,
        kind=kind,
        stage=stage,
        staff_id=actor.staff_id,
        to_staff_id=to_staff_id,
        device_id=actor.device_id,
        occurred_at=at,
        supersedes_id=supersedes_id,
        data=data,
    )
    session.add(ev)
    session.flush()
    rebuild_state(session, visit)
    return ev


def move(
    session: Session,
    visit_id: str,
    target: str,
    actor: Actor,
    clock: Clock,
    machine: StageMachine,
    *,
    ward: str = "",
    nurse: str = "",
) -> VisitState:
    """Move a visit to ``target``; admission needs the ward and the receiving nurse."""
    visit = get_visit(session, visit_id)
    state = rebuild_state(session, visit)
    if not machine.known(target):
        raise StageError("stage_unknown", stage=target)
    if state.stage == DEPARTED:
        raise StageError("visit_departed")
    if not machine.allowed(state.stage, target):
        raise StageError(
            from_stage=stage_text(state.stage),
            to_stage=stage_text(target),
        )
    kind, data = EventKind.STAGE_CHANGED, {}
    if target == ADMISSION:
        check = Checker()
        ward = check.required_text("ward", ward, 40, "ward")
        nurse = check.required_text("nurse", nurse, 40, "nurse")
        check.done()
        kind, data = EventKind.ADMITTED, {"ward": ward, "nurse": nurse}
    elif target == DEPARTED:
        kind = EventKind.DEPARTED
    record(session, visit, kind, actor, clock.now(), stage=target, data=data)
    return _state(visit)


def advance(
    session: Session, visit_id: str, actor: Actor, clock: Clock, machine: StageMachine
) -> VisitState:
    """One click / one key: move to the usual next stage."""
    visit = get_visit(session, visit_id)
    state = rebuild_state(session, visit)
    target = machine.next_stage(state.stage)
    if target is None:
        raise StageError("visit_departed")
    return move(session, visit_id, target, actor, clock, machine)


def reopen(
    session: Session,
    visit_id: str,
    actor: Actor,
    clock: Clock,
    machine: StageMachine,
    *,
    stage: str | None = None,
    reason: str,
) -> VisitState:
    """Explicitly reopen a departed visit (the patient came back from the car park…)."""
    visit = get_visit(session, visit_id)
    state = rebuild_state(session, visit)
    target = stage or machine.in_visit[0]
    reason = _reason(reason)
    if state.stage != DEPARTED or target not in machine.reopen_targets():
        raise StageError(from_stage=stage_text(state.stage), to_stage=stage_text(target))
    record(
        session,
        visit,
        EventKind.REOPENED,
        actor,
        clock.now(),
        stage=target,
        data={"reason": reason},
    )
    return _state(visit)


def correct(
    session: Session, visit_id: str, event_id: str, actor: Actor, clock: Clock, *, reason: str
) -> VisitState:
    """Undo a mistaken move with a correction event; the timeline keeps both."""
    visit = get_visit(session, visit_id)
    evs = events_of(session, visit.id)
    superseded = {e.supersedes_id for e in evs if e.kind == EventKind.CORRECTED}
    live = [e for e in evs if e.kind in STAGE_EVENTS and e.id not in superseded]
    if not live or live[-1].id != event_id or live[-1].kind not in CORRECTABLE:
        raise FrontDeskError("correction_invalid")
    reason = _reason(reason)
    record(
        session,
        visit,
        EventKind.CORRECTED,
        actor,
        clock.now(),
        supersedes_id=event_id,
        data={"reason": reason},
    )
    return _state(visit)


def note(session: Session, visit_id: str, text: str, actor: Actor, clock: Clock) -> VisitEvent:
    check = Checker()
    text = check.required_text("note", text, NOTE_MAX, "note")
    check.done()
    return record(
        session,
        get_visit(session, visit_id),
        EventKind.NOTE,
        actor,
        clock.now(),
        data={"text": text},
    )


def read_priority(raw: Priority | str | None) -> Priority | None:
    """A priority as a form or a screen gives it ("" or None: none); refused in words."""
    if not raw:
        return None
    check = Checker()
    value = check.choice("priority", str(raw), [p.value for p in Priority], "priority")
    check.done()
    return Priority(value)


def set_priority(
    session: Session, visit_id: str, priority: Priority | str | None, actor: Actor, clock: Clock
) -> VisitEvent | None:
    """Give a visit its priority (an emergency, the elderly, the disabled) or take it away:
    the board sorts it first on every desk, and the timeline keeps who and when.  None when
    nothing changes."""
    value = read_priority(priority)
    visit = get_visit(session, visit_id)
    if visit.priority == value:
        return None
    visit.priority = value
    return record(
        session, visit, EventKind.PRIORITY, actor, clock.now(), data={"priority": value or ""}
    )


def _reason(reason: str) -> str:
    check = Checker()
    reason = check.required_text("reason", reason, NOTE_MAX, "reason")
    check.done()
    return reason


def open_visit(
    session: Session,
    actor: Actor,
    at: dt.datetime,
    *,
    channel: str,
    event_data: dict[str, Any] | None = None,
    **fields: Any,
) -> Visit:
    """A new visit with its arrival event: how every visit starts, at the kiosk or desk."""
    visit = Visit(
        arrival_channel=channel,
        created_at=at,
        created_device_id=actor.device_id,
        created_staff_id=actor.staff_id,
        stage="arrived",
        stage_since=at,
        **fields,
    )
    session.add(visit)
    session.flush()
    record(
        session,
        visit,
        EventKind.ARRIVED,
        actor,
        at,
        stage="arrived",
        data={"channel": str(channel), **(event_data or {})},
    )
    return visit


def state_of(session: Session, visit_id: str) -> VisitState:
    return derive(events_of(session, visit_id), flagged_of(session, visit_id))


def _state(visit: Visit) -> VisitState:
    return VisitState(visit.stage, visit.stage_since, visit.escort_staff_id)


@dataclass(frozen=True)
class TimelineEntry:
    event_id: str
    kind: str
    stage: str | None
    staff_id: str | None
    to_staff_id: str | None
    device_id: str
    occurred_at: dt.datetime
    data: dict[str, Any]
    corrected_by: str | None
    corrects: str | None


def timeline(session: Session, visit_id: str) -> list[TimelineEntry]:
    """Every event of a visit, oldest first, with corrections linked both ways."""
    get_visit(session, visit_id)
    evs = events_of(session, visit_id)
    corrected_by = {e.supersedes_id: e.id for e in evs if e.kind == EventKind.CORRECTED}
    return [
        TimelineEntry(
            event_id=e.id,
            kind=str(e.kind),
            stage=e.stage,
            staff_id=e.staff_id,
            to_staff_id=e.to_staff_id,
            device_id=e.device_id,
            occurred_at=e.occurred_at,
            data=dict(e.data),
            corrected_by=corrected_by.get(e.id),
            corrects=e.supersedes_id,
        )
        for e in evs
    ]


__all__ = [
    "TimelineEntry",
    "VisitState",
    "advance",
    "correct",
    "derive",
    "effective",
    "move",
    "note",
    "rebuild_state",
    "record",
    "reopen",
    "state_of",
    "timeline",
]
