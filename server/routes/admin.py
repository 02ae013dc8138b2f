"""Director-only: enrollment codes, the device list with heartbeats, revoking a device, the
quarantine, and editing reference data centrally (it reaches every desk by the next pull)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, status
from pydantic import BaseModel, Field
from sqlalchemy import select

from app.ids import new_id
from app.services import shared_settings
from app.sync.codec import SERVER_TABLES, DecodeError, dict_to_values, row_to_dict
from server import reference
from server.deps import Director, State
from server.enrollment import create_code
from server.models import Device, Quarantine
from server.schemas import ERRORS, Problem
from server.sync import changelog

router = APIRouter(prefix="/api/v1/admin", tags=["admin"], responses=ERRORS)
EDITABLE = {"departments", "doctors", "roster_slots", "staff", "survey_definitions", "appointments"}


class CodeIn(BaseModel):
    role: str = Field(pattern="^(kiosk|staff)$")
    name: str = Field(min_length=1, max_length=80)
    location: str = Field(default="", max_length=80)


@router.post("/enrollment-codes")
def new_code(body: CodeIn, who: Director, state: State) -> dict[str, str]:
    with state.db.session() as s:
        code = create_code(
            s,
            role=body.role,
            name=body.name,
            location=body.location,
            hours=state.settings.enrollment_code_hours,
        )
    return {"code": code, "role": body.role, "name": body.name}


@router.get("/devices")
def devices(who: Director, state: State) -> list[dict[str, Any]]:
    now = state.clock.now()
    with state.db.reading() as s:
        rows = s.scalars(select(Device).order_by(Device.enrolled_at)).all()
        return [
            {
                "device_id": d.id,
                "name": d.name,
                "role": d.role,
                "location": d.location,
                "status": d.status,
                "program_version": d.program_version,
                "printer_state": d.printer_state,
                "pending_changes": d.pending_changes,
                "last_seen_at": d.last_seen_at.isoformat() if d.last_seen_at else None,
                "silent_minutes": round((now - d.last_seen_at).total_seconds() / 60, 1)
                if d.last_seen_at
                else None,
            }
            for d in rows
        ]


@router.post(
    "/devices/{device_id}/revoke",
    responses={404: {"model": Problem, "description": "no such device"}},
)
def revoke(device_id: str, who: Director, state: State) -> dict[str, str]:
    with state.db.session() as s:
        device = s.get(Device, device_id)
        if device is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, detail="unknown device")
        device.status = "revoked"
        device.revoked_at = state.clock.now()
    state.notifier.revoke(device_id)
    return {"status": "revoked"}


@router.get("/quarantine")
def quarantine(who: Director, state: State) -> list[dict[str, Any]]:
    with state.db.reading() as s:
        return [
            {
                "device_id": q.device_id,
                "mutation_id": q.mutation_id,
                "error": q.error,
                "received_at": q.received_at.isoformat(),
            }
            for q in s.scalars(select(Quarantine).order_by(Quarantine.id))
        ]


@router.put(
    "/reference/{table}/{row_id}",
    responses={404: {"model": Problem, "description": "not a table the console edits"}},
)
def put_reference(
    table: str, row_id: str, body: dict[str, Any], who: Director, state: State
) -> dict[str, Any]:
    """Create or change one reference row; every desk gets it with its next pull."""
    if table not in EDITABLE:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="not an editable table")
    model = SERVER_TABLES[table]
    body = {k: v for k, v in body.items() if k not in ("id", "version")}
    try:
        values = dict_to_values(model, body)
    except DecodeError as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, detail=str(exc)) from None
    with state.db.session() as s:
        row: Any = s.get(model, row_id)  # a row of the table's model (SERVER_TABLES)
        try:
            if row is None:
                row = model(id=row_id or new_id(), **values)
                s.add(row)
            else:
                for k, v in values.items():
                    setattr(row, k, v)
                row.version += 1
            s.flush()
        except Exception as exc:
            raise HTTPException(
                status.HTTP_422_UNPROCESSABLE_ENTITY,
                detail=f"{table} row refused: {type(exc).__name__}",
            ) from None
        writer = changelog.Writer.on(s, state.clock.today())
        writer.row(row)
        top = writer.announce()
        answer = row_to_dict(row)
    state.notifier.notify(top)
    return answer


class SettingIn(BaseModel):
    value: Any


@router.get("/settings")
def settings(who: Director, state: State) -> list[dict[str, Any]]:
    """Every setting the desks share, its value, whether it is the default, and what it
    does."""
    with state.db.reading() as s:
        return [
            {"key": key, "value": value, "default": is_default, "help": help_text}
            for key, value, is_default, help_text in shared_settings.listing(s)
        ]


@router.put(
    "/settings/{key}",
    responses={422: {"model": Problem, "description": "not a setting, or a value it refuses"}},
)
def put_setting(key: str, body: SettingIn, who: Director, state: State) -> dict[str, Any]:
    """Change one shared setting; every desk counts with it from its next pull."""
    with state.db.session() as s:
        try:
            row, top = reference.put_setting(
                s, state.clock, key, body.value, f"staff:{who.staff_id}"
            )
        except shared_settings.SettingError as exc:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, detail=str(exc)) from None
        answer = row_to_dict(row)
    state.notifier.notify(top)
    return answer
