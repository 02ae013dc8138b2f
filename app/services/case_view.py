"""What follows from a case's events, derived on read and never stored as a countdown: its
state, its owner, its clocks and the next thing to do (docs/cases.md).  Each desk keeps
``state``, ``owner_staff_id``, ``due_at`` and ``closed_at`` on the case row (``refresh``) so that
lists sort without reading every event; the owner is the server's decision (``case_owners``) once
the desk has heard it, with this desk's own unanswered claims on top."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import NotFound
from app.models import (
    Case,
    CaseEvent,
    CaseKind,
    CaseOwner,
    CaseTrack,
)
from app.models import CaseEventKind as K
from app.services import shared_settings, workdays
from app.services.clocks import ClockRules, OpenHours, Reading, Span, minute_clock, statutory_clock
from app.services.unanswered import unanswered_ids
from app.services.workdays import WorkCalendar

CLOSED = "closed"


@dataclass(frozen=True)
class CaseView:
    """A case as a screen shows it: what it is, where it stands, its clocks, what comes next."""

    case: Case
    events: tuple[CaseEvent, ...]
    state: str
    owner_staff_id: str | None
    track: str | None
    clocks: tuple[Reading, ...]
    next_action: str | None
    satisfied: bool | None = None
    departments: tuple[str, ...] = field(default_factory=tuple)

    @property
    def overdue(self) -> bool:
        return any(c.level == "breached" for c in self.clocks)


def get_case(session: Session, case_id: str) -> Case:
    row = session.get(Case, case_id)
    if row is None:
        raise NotFound(label="case")
    return row


# -- deriving -------------------------------------------------------------------------------

MINUTE_CLOCKS = ("reply", "dispatch", "callback")


def _live(events: Sequence[CaseEvent]) -> list[CaseEvent]:
    """The events in order, without those a correction put aside."""
    ordered = sorted(events, key=lambda e: (e.occurred_at, e.id))
    wrong = {e.data.get("supersedes") for e in ordered if e.kind == K.CORRECTED}
    return [e for e in ordered if e.id not in wrong]


def _first(
    events: Sequence[CaseEvent], *kinds: K, after: dt.datetime | None = None
) -> CaseEvent | None:
    for e in events:
        if e.kind in kinds and (after is None or e.occurred_at >= after):
            return e
    return None


def _track(case: Case, events: Sequence[CaseEvent]) -> str | None:
    if case.kind != CaseKind.COMPLAINT:
        return None
    chosen = [e.data.get("track") for e in events if e.kind == K.TRACK_SET]
    return str(chosen[-1]) if chosen else CaseTrack.STANDARD.value


def _state(case: Case, events: Sequence[CaseEvent], track: str | None) -> str:
    state = "new"
    for e in events:
        k = e.kind
        if k == K.CLOSED:
            state = CLOSED
        elif k == K.REOPENED:
            state = "investigating" if case.kind == CaseKind.COMPLAINT else "new"
        elif state == CLOSED:
            continue
        elif k == K.APOLOGISED and state == "new":
            state = "acknowledged"
        elif k == K.DISPATCHED:
            state = "dispatched"
        elif k in (K.INVESTIGATED, K.NOT_SATISFIED):
            state = "investigating"
        elif k == K.SOLUTION:
            state = "solution"
        elif k == K.FEEDBACK:
            state = "feedback"
        elif k == K.SATISFIED:
            state = "satisfied"
        elif k == K.FOLLOWED_UP and state == "satisfied":
            state = "followed_up"
        elif k == K.ANSWERED:
            state = "answered"
        elif k == K.REFERRED:
            state = "referred"
        elif k == K.CALLBACK_PROMISED:
            state = "awaiting_callback"
        elif k == K.TRACK_SET and track == CaseTrack.NOT_ACCEPTED:
            state = "not_accepted"
    return state


NEXT: dict[str, dict[str, str]] = {
    # complaint state → the next step (the on-the-spot track skips dispatch and investigation)
    CaseKind.COMPLAINT.value: {
        "new": K.APOLOGISED,
        "acknowledged": K.DISPATCHED,
        "dispatched": K.INVESTIGATED,
        "investigating": K.SOLUTION,
        "solution": K.FEEDBACK,
        "feedback": K.SATISFIED,
        "satisfied": K.FOLLOWED_UP,
        "followed_up": K.CLOSED,
        "not_accepted": K.CLOSED,
    },
    CaseKind.ENQUIRY.value: {
        "new": K.ANSWERED,
        "awaiting_callback": K.ANSWERED,
        "answered": K.SATISFIED,
        "referred": K.CLOSED,
        "satisfied": K.CLOSED,
    },
    CaseKind.SUGGESTION.value: {"new": K.DISPATCHED, "dispatched": K.CLOSED},
    CaseKind.PRAISE.value: {"new": K.DISPATCHED, "dispatched": K.CLOSED},
    CaseKind.SERVICE_RECOVERY.value: {
        "new": K.DISPATCHED,
        "dispatched": K.FEEDBACK,
        "feedback": K.CLOSED,
    },
}


def _next(case: Case, state: str, track: str | None) -> str | None:
    if state == CLOSED:
        return None
    if track == CaseTrack.ON_THE_SPOT and state in ("acknowledged", "new"):
        return K.APOLOGISED if state == "new" else K.SOLUTION
    step = NEXT[str(case.kind)].get(state)
    return str(step) if step else None


def _pauses(events: Sequence[CaseEvent], clock_name: str) -> list[Span]:
    spans: list[Span] = []
    for e in events:
        if e.data.get("clock") != clock_name:
            continue
        if e.kind == K.PAUSED and (not spans or spans[-1][1] is not None):
            spans.append((e.occurred_at, None))
        elif e.kind == K.RESUMED and spans and spans[-1][1] is None:
            spans[-1] = (spans[-1][0], e.occurred_at)
    return spans


def clocks(
    case: Case,
    events: Sequence[CaseEvent],
    calendar: WorkCalendar,
    rules: ClockRules,
    now: dt.datetime,
    tz: dt.tzinfo,
) -> tuple[Reading, ...]:
    """Every clock the case runs on, as it stands at ``now``."""
    live = _live(events)
    track = _track(case, live)
    hours = OpenHours(calendar, rules, tz)
    closed = _first(live, K.CLOSED)
    closed_at = closed.occurred_at if closed else None
    out: list[Reading] = []

    def minutes(name: str, start: dt.datetime, length: int, met: CaseEvent | None) -> None:
        stop = met.occurred_at if met else closed_at
        out.append(
            minute_clock(
                name, hours, start, length, now, pauses=_pauses(live, name), stopped_at=stop
            )
        )

    received = case.received_at
    if case.kind == CaseKind.COMPLAINT:
        if track == CaseTrack.NOT_ACCEPTED:
            return ()
        minutes("reply", received, rules.reply_promise_min, _first(live, K.APOLOGISED, K.FEEDBACK))
        if track != CaseTrack.ON_THE_SPOT:
            minutes("dispatch", received, rules.dispatch_min, _first(live, K.DISPATCHED))
        days = rules.several_departments_days if track == CaseTrack.SEVERAL else rules.standard_days
        extensions = [
            int(e.data["days"])
            for e in live
            if e.kind == K.EXTENDED and isinstance(e.data.get("days"), int)
        ]
        feedback = _first(live, K.FEEDBACK)
        out.append(
            statutory_clock(
                "feedback",
                calendar,
                rules,
                received,
                days,
                now,
                extensions=extensions,
                stopped_at=feedback.occurred_at if feedback else closed_at,
                tz=tz,
            )
        )
    elif case.kind == CaseKind.ENQUIRY:
        promise = _first(live, K.CALLBACK_PROMISED)
        out_of_hours = hours.between(received, received + dt.timedelta(minutes=1)) == 0
        start = promise.occurred_at if promise else (received if out_of_hours else None)
        if start is not None:
            answer = _first(live, K.ANSWERED, K.REFERRED, after=start)
            minutes("callback", start, rules.callback_min, answer)
    return tuple(out)


def view(
    session: Session,
    case_id: str,
    now: dt.datetime,
    tz: dt.tzinfo,
    rules: ClockRules | None = None,
    calendar: WorkCalendar | None = None,
) -> CaseView:
    """A case with everything derived from its events, for its page."""
    case = get_case(session, case_id)
    events = list(session.scalars(select(CaseEvent).where(CaseEvent.case_id == case_id)))
    rules = rules or shared_settings.clock_rules(session)
    return _view(session, case, events, now, tz, rules, calendar or workdays.load(session))


def _view(
    session: Session,
    case: Case,
    events: list[CaseEvent],
    now: dt.datetime,
    tz: dt.tzinfo,
    rules: ClockRules,
    calendar: WorkCalendar,
) -> CaseView:
    live = _live(events)
    track = _track(case, live)
    state = _state(case, live, track)
    verdicts = [e.kind for e in live if e.kind in (K.SATISFIED, K.NOT_SATISFIED)]
    departments = tuple(
        dict.fromkeys(
            str(e.data["department_id"])
            for e in live
            if e.kind in (K.DISPATCHED, K.SOLUTION, K.REFERRED) and e.data.get("department_id")
        )
    )
    return CaseView(
        case=case,
        events=tuple(sorted(events, key=lambda e: (e.occurred_at, e.id))),
        state=state,
        owner_staff_id=_owner(session, case.id, live),
        track=track,
        clocks=clocks(case, events, calendar, rules, now, tz),
        next_action=_next(case, state, track),
        satisfied=(verdicts[-1] == K.SATISFIED) if verdicts else None,
        departments=departments,
    )


def _owner(session: Session, case_id: str, live: Sequence[CaseEvent]) -> str | None:
    """The server's word once heard (``case_owners``), with this desk's own claims, releases
    and hand-offs that it has not answered yet on top; with no word yet, the events alone."""
    decided = session.get(CaseOwner, case_id)
    owner = decided.staff_id if decided is not None else None
    if decided is not None:
        unheard = unanswered_ids(session, "case_events", "case_id", case_id)
        live = [e for e in live if e.id in unheard]
    for e in live:
        if e.kind == K.CLAIMED:
            owner = e.staff_id
        elif e.kind == K.RELEASED:
            owner = None
        elif e.kind == K.HANDED_OFF:
            owner = e.data.get("to_staff_id")
    return owner


def refresh(
    session: Session,
    case_ids: Iterable[str],
    tz: dt.tzinfo,
    rules: ClockRules | None = None,
) -> None:
    """Derive state, owner, the nearest deadline and when it closed, for the lists."""
    ids = list(dict.fromkeys(case_ids))
    if not ids:
        return
    by_case: dict[str, list[CaseEvent]] = {i: [] for i in ids}
    for e in session.scalars(select(CaseEvent).where(CaseEvent.case_id.in_(ids))):
        by_case[e.case_id].append(e)
    calendar = workdays.load(session)
    rules = rules or shared_settings.clock_rules(session)
    for case in session.scalars(select(Case).where(Case.id.in_(ids))):
        # "now" far back: the deadlines as they stand, not their levels
        derived = _view(session, case, by_case[case.id], case.received_at, tz, rules, calendar)
        case.state = derived.state
        case.track = derived.track
        case.owner_staff_id = derived.owner_staff_id
        running = [c.due_at for c in derived.clocks if c.due_at and c.stopped_at is None]
        case.due_at = min(running) if running and derived.state != CLOSED else None
        closed = _first(_live(by_case[case.id]), K.CLOSED) if derived.state == CLOSED else None
        case.closed_at = closed.occurred_at if closed else None
    session.flush()
