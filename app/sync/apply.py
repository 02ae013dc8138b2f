"""Applying pulled server changes to the desk's database: idempotent upserts guarded by
version, append-only inserts for events, then the derived visit state rebuilt.

A page is applied with a handful of queries whatever its size: existing rows are looked up
per table in one query, events and flags are inserted in bulk, and the touched visits'
events are read back in one query to derive their state."""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from app.db import table_of
from app.errors import safe_reason
from app.models import (
    Base,
    CalendarDay,
    CalendarYear,
    Case,
    CaseEvent,
    CaseOwner,
    DutyNote,
    EventFlag,
    FollowUpEvent,
    FollowUpTask,
    Patient,
    SetAsideChange,
    Setting,
    UndoneRow,
    Visit,
    VisitEvent,
)
from app.sync.codec import TABLES, dict_to_values, primary_key

log = logging.getLogger(__name__)
APPEND_ONLY = {
    "visit_events": VisitEvent,
    "event_flags": EventFlag,
    "case_events": CaseEvent,
    "followup_events": FollowUpEvent,
    "duty_notes": DutyNote,
}
# The server undoing a change of this desk that it refused: the row as the server holds it,
# or word that the server has none.
UNDO = {"revert", "gone"}
# What the cases' deadlines are counted with: a change to any re-derives every open case.
DEADLINE_INPUTS = (CalendarDay, CalendarYear, Setting)


@dataclass(frozen=True)
class PageApplied:
    applied: int
    set_aside: int


def apply_page(session: Session, changes: list[dict[str, Any]], tz: dt.tzinfo) -> PageApplied:
    """A pulled page, in the caller's transaction — and never stopped by a change this desk
    cannot apply: then the page goes again change by change, each in a savepoint of its own,
    and what still fails is set aside whole (``SetAsideChange``) with its reason, so the
    cursor moves on.  ``tz`` is the hospital's, for the cases' deadlines.

    Defence in depth: the server checks every row a desk sends against the row contract, so
    this is for a server newer than this program, or a bug."""
    try:
        with session.begin_nested():
            return PageApplied(apply_changes(session, changes, tz), 0)
    except Exception:
        pass  # a change in the page cannot be applied: find it
    applied = aside = 0
    for change in changes:
        try:
            with session.begin_nested():
                applied += apply_changes(session, [change], tz)
        except Exception as exc:
            aside += 1
            _set_aside(session, change, safe_reason(exc))
    return PageApplied(applied, aside)


def _set_aside(session: Session, change: Any, reason: str) -> None:
    entity_type = str(change.get("entity_type", ""))[:40] if isinstance(change, dict) else ""
    entity_id = str(change.get("entity_id", ""))[:36] if isinstance(change, dict) else ""
    seq = change.get("seq") if isinstance(change, dict) else None
    session.add(
        SetAsideChange(
            seq=seq if isinstance(seq, int) else 0,
            entity_type=entity_type,
            entity_id=entity_id,
            change=change if isinstance(change, dict) else {"raw": repr(change)[:2000]},
            reason=reason,
            set_aside_at=dt.datetime.now(dt.UTC),
        )
    )
    session.flush()
    log.warning(
        "a pulled %s change (seq %s) could not be applied; set aside: %s",
        entity_type,
        seq,
        reason,
    )


def apply_changes(session: Session, changes: Iterable[dict[str, Any]], tz: dt.tzinfo) -> int:
    """Apply a page of changes in the caller's transaction; returns how many rows changed.

    Replaying a page is harmless: an event already here is skipped, a row is only
    overwritten by a version at least as new as the one held, an undone row stays undone.
    Changes are applied in the page's order: runs of ordinary changes in bulk, the rare
    undoing of a refused change one by one between them."""
    applied = 0
    run: list[dict[str, Any]] = []
    for change in changes:
        if change.get("entity_type") not in TABLES:
            continue
        if change.get("op") in UNDO:
            applied += _apply_run(session, run, tz) + _undo(session, change, tz)
            run = []
        else:
            run.append(change)
    return applied + _apply_run(session, run, tz)


def _undo(session: Session, change: dict[str, Any], tz: dt.tzinfo) -> int:
    """Put one row back as the server holds it, or remove it (with what hangs on it)."""
    model, row_id = TABLES[change["entity_type"]], change["entity_id"]
    session.flush()
    undone = _Undone(session, change.get("origin_mutation_id"))
    cases = _cases_of(session, model, row_id)
    if change["op"] == "gone":
        visits = _remove(undone, model, row_id)
    else:
        values = dict_to_values(model, change["data"])
        values[primary_key(model)] = row_id
        row = session.get(model, row_id)
        if row is None:
            if model is Visit:
                values.setdefault("stage", "arrived")
                values.setdefault("stage_since", values.get("created_at"))
            session.add(model(**values))
        else:
            for key, value in values.items():
                setattr(row, key, value)
        undone.note(model, [row_id], "revert")
        parent = values.get("visit_id")
        visits = {row_id} if model is Visit else {parent} if isinstance(parent, str) else set()
    session.flush()
    _rebuild(session, visits)
    _rebuild_cases(session, cases, tz)
    return 1


def _cases_of(session: Session, model: type[Base], row_id: str) -> set[str]:
    """The case whose derived state a change to this row may change."""
    if model in (Case, CaseOwner):
        return {row_id}
    if model is CaseEvent:
        case_id = session.scalar(select(CaseEvent.case_id).where(CaseEvent.id == row_id))
        return {case_id} if case_id else set()
    return set()


class _Undone:
    """Writes down each row undone (the event table lets go only of those)."""

    def __init__(self, session: Session, mutation_id: str | None) -> None:
        self.session, self.mutation_id = session, mutation_id
        self.at = dt.datetime.now(dt.UTC)

    def note(self, model: type[Base], ids: Iterable[str], op: str = "gone") -> None:
        rows = [
            {
                "entity_type": model.__tablename__,
                "entity_id": i,
                "op": op,
                "mutation_id": self.mutation_id,
                "undone_at": self.at,
            }
            for i in ids
        ]
        if rows:
            self.session.execute(insert(UndoneRow), rows)


def _remove(undone: _Undone, model: type[Base], row_id: str) -> set[str]:
    """Delete a row this desk made and the server refused, and what hangs on it; returns the
    visits whose state must be derived again."""
    session = undone.session
    rebuild: set[str] = set()
    if model is Patient:
        for visit_id in list(session.scalars(select(Visit.id).where(Visit.patient_id == row_id))):
            _remove(undone, Visit, visit_id)
    elif model is Case:  # its events go with it (a refused case was never anyone else's)
        ids = list(session.scalars(select(CaseEvent.id).where(CaseEvent.case_id == row_id)))
        undone.note(CaseEvent, ids)
        session.execute(delete(CaseEvent).where(CaseEvent.id.in_(ids)))
    elif model in (Visit, VisitEvent):
        column = VisitEvent.visit_id if model is Visit else VisitEvent.id
        events = session.execute(select(VisitEvent.id, VisitEvent.visit_id).where(column == row_id))
        pairs = [(event_id, visit_id) for event_id, visit_id in events]
        if model is VisitEvent:
            rebuild = {visit_id for _, visit_id in pairs}
        ids = [event_id for event_id, _ in pairs]
        undone.note(VisitEvent, ids)
        session.execute(delete(EventFlag).where(EventFlag.event_id.in_(ids)))
        session.execute(delete(VisitEvent).where(VisitEvent.id.in_(ids)))
        if model is VisitEvent:
            return rebuild
    pk = getattr(model, primary_key(model))
    if session.scalar(select(pk).where(pk == row_id)) is not None:
        undone.note(model, [row_id])
        session.execute(delete(model).where(pk == row_id))
    return rebuild


def _apply_run(session: Session, changes: list[dict[str, Any]], tz: dt.tzinfo) -> int:
    """Ordinary changes (upserts and appended events), in bulk."""
    if not changes:
        return 0
    wanted: dict[type[Base], set[str]] = defaultdict(set)
    for c in changes:
        wanted[TABLES[c["entity_type"]]].add(c["entity_id"])
    held: dict[type[Base], dict[str, Any]] = {}
    for model, ids in wanted.items():
        pk = getattr(model, primary_key(model))
        if model in APPEND_ONLY.values():
            held[model] = dict.fromkeys(session.scalars(select(pk).where(pk.in_(list(ids)))), True)
        else:
            held[model] = {
                getattr(o, primary_key(model)): o
                for o in session.scalars(select(model).where(pk.in_(list(ids))))
            }
    appended: dict[type[Base], list[dict[str, Any]]] = defaultdict(list)
    created: dict[type[Base], list[Base]] = defaultdict(list)
    touched: set[str] = set()
    cases: set[str] = set()
    tasks: set[str] = set()
    deadlines_moved = False
    applied = 0
    for change in changes:
        model = TABLES[change["entity_type"]]
        row_id = change["entity_id"]
        values = dict_to_values(model, change["data"])
        have = held[model]
        if model in APPEND_ONLY.values():
            if row_id not in have:
                if model is not EventFlag:
                    values.setdefault("data", {})
                appended[model].append(values)
                have[row_id] = True
                applied += 1
            if model is CaseEvent:
                cases.add(values["case_id"])
            elif model is FollowUpEvent:
                tasks.add(values["task_id"])
            elif model is not DutyNote:  # a duty note belongs to no visit
                touched.add(values["visit_id"])
            continue
        existing = have.get(row_id)
        if existing is None:
            if model is Visit:
                values.setdefault("stage", "arrived")
                values.setdefault(
                    "stage_since", values.get("created_at") or dt.datetime.now(dt.UTC)
                )
            values[primary_key(model)] = row_id
            obj = model(**values)
            created[model].append(obj)
            have[row_id] = obj
            applied += 1
        elif values.get("version", 0) >= getattr(existing, "version", 0):
            for key, value in values.items():
                if getattr(existing, key) != value:
                    setattr(existing, key, value)
            applied += 1
        if model is Visit:
            touched.add(row_id)
        elif model in (Case, CaseOwner):
            cases.add(row_id)
        elif model is FollowUpTask:
            tasks.add(row_id)
        elif model in DEADLINE_INPUTS:
            deadlines_moved = True
    # Parents before children: the unit of work orders inserts by relationships only, and a
    # request names its visit by a bare foreign key.
    for table in Base.metadata.sorted_tables:
        for model, objs in created.items():
            if model.__table__ is table and objs:
                session.add_all(objs)
                session.flush()
    session.flush()
    connection = session.connection()
    for model in (VisitEvent, EventFlag, CaseEvent, FollowUpEvent, DutyNote):  # plain Core
        if appended[model]:
            connection.execute(insert(table_of(model)), appended[model])
    _rebuild(session, touched)
    if deadlines_moved:  # a new calendar or clock setting: every open case's deadline again
        cases.update(_open_cases(session))
    _rebuild_cases(session, cases, tz)
    _rebuild_tasks(session, tasks, tz)
    return applied


def _rebuild_tasks(session: Session, task_ids: set[str], tz: dt.tzinfo) -> None:
    """Derive the touched follow-up calls' state and attempts from their events."""
    if task_ids:
        from app.services import followups

        followups.refresh_derived(session, task_ids, tz)


def _open_cases(session: Session) -> list[str]:
    return list(session.scalars(select(Case.id).where(Case.state != "closed")))


def _rebuild_cases(session: Session, case_ids: set[str], tz: dt.tzinfo) -> None:
    """Derive state, owner and the nearest deadline of the touched cases from their events."""
    if case_ids:
        from app.services.case_view import refresh

        refresh(session, case_ids, tz)


def _rebuild(session: Session, visit_ids: set[str]) -> None:
    """Derive stage, since-when and escort of the touched visits from their events."""
    from app.services.visits import derive, effective_events_of

    if not visit_ids:
        return
    events = effective_events_of(session, visit_ids)
    for visit in session.scalars(select(Visit).where(Visit.id.in_(list(visit_ids)))):
        if not events.get(visit.id):
            continue
        state = derive(events[visit.id])
        visit.stage, visit.stage_since = state.stage, state.stage_since
        visit.escort_staff_id = state.escort_staff_id
