"""Applying pulled server changes to the desk's database: idempotent upserts guarded by
version, append-only inserts for events, then the derived visit state rebuilt.

A page is applied with a handful of queries whatever its size: existing rows are looked up
per table in one query, events and flags are inserted in bulk, and the touched visits'
events are read back in one query to derive their state."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.models import Base, EventFlag, Visit, VisitEvent
from app.sync.codec import TABLES, dict_to_values, primary_key

APPEND_ONLY = {"visit_events": VisitEvent, "event_flags": EventFlag}


def apply_changes(session: Session, changes: Iterable[dict[str, Any]]) -> int:
    """Apply a page of changes in the caller's transaction; returns how many rows changed.

    Replaying a page is harmless: an event already here is skipped, a row is only
    overwritten by a version at least as new as the one held."""
    changes = [c for c in changes if c.get("entity_type") in TABLES]
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
    applied = 0
    for change in changes:
        model = TABLES[change["entity_type"]]
        row_id = change["entity_id"]
        values = dict_to_values(model, change["data"])
        have = held[model]
        if model in APPEND_ONLY.values():
            if row_id not in have:
                if model is VisitEvent:
                    values.setdefault("data", {})
                appended[model].append(values)
                have[row_id] = True
                applied += 1
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
    # Parents before children: the unit of work orders inserts by relationships only, and a
    # request names its visit by a bare foreign key.
    for table in Base.metadata.sorted_tables:
        for model, objs in created.items():
            if model.__table__ is table and objs:
                session.add_all(objs)
                session.flush()
    session.flush()
    connection = session.connection()
    for model in (VisitEvent, EventFlag):  # after their visits; plain Core, no ORM objects
        if appended[model]:
            connection.execute(insert(model.__table__), appended[model])
    _rebuild(session, touched)
    return applied


def _rebuild(session: Session, visit_ids: set[str]) -> None:
    """Derive stage, since-when and escort of the touched visits from their events."""
    from app.services.visits import derive

    if not visit_ids:
        return
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
    for visit in session.scalars(select(Visit).where(Visit.id.in_(ids))):
        if not events[visit.id]:
            continue
        state = derive(events[visit.id], flagged[visit.id])
        visit.stage, visit.stage_since = state.stage, state.stage_since
        visit.escort_staff_id = state.escort_staff_id
