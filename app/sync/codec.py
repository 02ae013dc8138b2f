"""Rows to JSON and back, the same on desk and server: column values as JSON types, instants
as ISO 8601 UTC, days as ISO dates; a canonical form for content hashes."""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
from typing import Any

import orjson
from sqlalchemy import Date, inspect
from sqlalchemy.orm import Mapper

from app.models import (
    AccessRecord,
    Appointment,
    AssistanceRequest,
    Base,
    CalendarDay,
    CalendarYear,
    Case,
    CaseEvent,
    CaseOwner,
    Department,
    Doctor,
    DutyNote,
    EventFlag,
    FollowUpEvent,
    FollowUpTask,
    Patient,
    RosterSlot,
    Setting,
    Staff,
    SurveyDefinition,
    SurveyResponse,
    Visit,
    VisitEvent,
)
from app.models.base import UTCDateTime

# Tables that travel, by name.  Desks write the first group; the server authors the rest.
DESK_TABLES: dict[str, type[Base]] = {
    "patients": Patient,
    "visits": Visit,
    "visit_events": VisitEvent,
    "assistance_requests": AssistanceRequest,
    "survey_responses": SurveyResponse,
    "cases": Case,
    "case_events": CaseEvent,
    "followup_events": FollowUpEvent,
    "duty_notes": DutyNote,
    "access_log": AccessRecord,
}
SERVER_TABLES: dict[str, type[Base]] = {
    "departments": Department,
    "doctors": Doctor,
    "roster_slots": RosterSlot,
    "staff": Staff,
    "survey_definitions": SurveyDefinition,
    "appointments": Appointment,
    "event_flags": EventFlag,
    "calendar_days": CalendarDay,
    "calendar_years": CalendarYear,
    "settings": Setting,
    "case_owners": CaseOwner,
    "followup_tasks": FollowUpTask,
}
TABLES: dict[str, type[Base]] = {**DESK_TABLES, **SERVER_TABLES}
# Derived on each desk from the events; never sent, never taken from a peer.
LOCAL_ONLY_COLUMNS = {
    "visits": {"stage", "stage_since", "escort_staff_id"},
    "cases": {"state", "track", "owner_staff_id", "due_at", "closed_at"},
    "followup_tasks": {"state", "closed_at", "attempts"},
}


def primary_key(model: type[Base]) -> str:
    return str(inspect(model).primary_key[0].name)


def columns(model: type[Base]) -> dict[str, Any]:
    mapper: Mapper[Any] = inspect(model)
    return {c.key: c for c in mapper.columns}


def encode_value(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def decode_value(column: Any, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column.type, UTCDateTime):
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if isinstance(column.type, Date):
        return dt.date.fromisoformat(value)
    return value


def row_to_dict(obj: Base, *, skip: set[str] | None = None) -> dict[str, Any]:
    table = obj.__tablename__
    skip = (skip or set()) | LOCAL_ONLY_COLUMNS.get(table, set())
    return {key: encode_value(getattr(obj, key)) for key in columns(type(obj)) if key not in skip}


class DecodeError(ValueError):
    """A row's data does not fit its table: unknown column, wrong type."""


def dict_to_values(model: type[Base], data: dict[str, Any]) -> dict[str, Any]:
    """Column values for ``model`` from JSON data; unknown columns are refused."""
    cols = columns(model)
    local = LOCAL_ONLY_COLUMNS.get(model.__tablename__, set())
    values: dict[str, Any] = {}
    for key, raw in data.items():
        if key not in cols or key in local:
            raise DecodeError(f"{model.__tablename__} has no column {key!r}")
        try:
            values[key] = decode_value(cols[key], raw)
        except (TypeError, ValueError, AttributeError) as exc:
            raise DecodeError(f"{model.__tablename__}.{key}: {exc}") from None
    return values


def canonical(payload: Any) -> bytes:
    """The bytes a content hash covers: ``json.dumps(payload, sort_keys=True, separators=(",",
    ":"), ensure_ascii=False)`` in UTF-8 (docs/sync.md §2).  For the values the row contract
    admits — text, whole numbers, true/false/null, no fractions — orjson with sorted keys
    writes exactly those bytes, eight times faster (a test checks it); anything else takes
    the standard library."""
    try:
        return orjson.dumps(payload, option=orjson.OPT_SORT_KEYS)
    except TypeError:  # an integer past 64 bits, a value no JSON has
        return _stdlib_canonical(payload)


def _stdlib_canonical(payload: Any) -> bytes:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def content_hash(payload: Any) -> str:
    return "sha256:" + hashlib.sha256(canonical(payload)).hexdigest()
