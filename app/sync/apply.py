"""Applying pulled server changes to the desk's database: idempotent upserts guarded by
version, append-only inserts for events, then the derived visit state rebuilt."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy.orm import Session

from app.models import Visit, VisitEvent
from app.sync.codec import TABLES, dict_to_values, primary_key


def apply_changes(session: Session, changes: Iterable[dict[str, Any]]) -> int:
    """Apply a page of changes in the caller's transaction; returns how many rows changed.

    Replaying a page is harmless: an event already here is skipped, a row is only
    overwritten by a version at least as new as the one held."""
    from app.services.visits import rebuild_state

    touched_visits: set[str] = set()
    applied = 0
    for change in changes:
        model = TABLES.get(change["entity_type"])
        if model is None:
            continue  # a newer server's table this program does not know yet
        pk = primary_key(model)
        row_id = change["entity_id"]
        values = dict_to_values(model, change["data"])
        existing = session.get(model, row_id)
        if model is VisitEvent or change["entity_type"] == "event_flags":
            if existing is None:
                session.add(model(**values))
                applied += 1
            touched_visits.add(values["visit_id"])
            continue
        if existing is None:
            if model is Visit:
                values.setdefault("stage", "arrived")
                values.setdefault(
                    "stage_since", values.get("created_at") or dt.datetime.now(dt.UTC)
                )
            values[pk] = row_id
            session.add(model(**values))
            applied += 1
        elif values.get("version", 0) >= getattr(existing, "version", 0):
            for key, value in values.items():
                if getattr(existing, key) != value:
                    setattr(existing, key, value)
            applied += 1
        if model is Visit:
            touched_visits.add(row_id)
    session.flush()
    for visit_id in touched_visits:
        visit = session.get(Visit, visit_id)
        if visit is not None and session.query(VisitEvent.id).filter_by(visit_id=visit_id).first():
            rebuild_state(session, visit)
    return applied
