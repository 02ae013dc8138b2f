"""Devices: enrolling with a one-time code, what a device may know of itself, heartbeats."""

from __future__ import annotations

import secrets

from fastapi import APIRouter, HTTPException, status
from pydantic import BaseModel, Field
from sqlalchemy import update

from app.ids import new_id
from server import db as serverdb
from server.deps import DeviceCaller, State, token_hash
from server.models import Device, EnrollmentCode
from server.schemas import ERRORS
from server.sync.changelog import day_key, scopes_for

router = APIRouter(prefix="/api/v1/devices", tags=["devices"], responses=ERRORS)


class EnrollIn(BaseModel):
    code: str = Field(min_length=4, max_length=40)


class EnrollOut(BaseModel):
    device_id: str
    token: str
    role: str
    name: str
    server_epoch: str


def normalize_enrollment_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


@router.post("/enroll", response_model=EnrollOut)
def enroll(body: EnrollIn, state: State) -> EnrollOut:
    """Exchange a one-time enrollment code for this device's token (shown once, kept here
    only as a hash)."""
    now = state.clock.now()
    digest = token_hash(normalize_enrollment_code(body.code))
    device_id = new_id()
    with state.db.session() as s:
        # one statement takes the code: of two desks sending it at once, exactly one wins
        taken = s.execute(
            update(EnrollmentCode)
            .where(
                EnrollmentCode.code_hash == digest,
                EnrollmentCode.used_at.is_(None),
                EnrollmentCode.expires_at >= now,
            )
            .values(used_at=now, device_id=device_id)
        )
        won = taken.rowcount == 1  # type: ignore[attr-defined]  # an UPDATE's CursorResult
        code = s.get(EnrollmentCode, digest) if won else None
        if code is None:
            raise HTTPException(
                status.HTTP_403_FORBIDDEN, detail="enrollment code unknown, used or expired"
            )
        token = secrets.token_urlsafe(32)
        device = Device(
            id=device_id,
            name=code.name,
            role=code.role,
            location=code.location,
            token_hash=token_hash(token),
            enrolled_at=now,
        )
        s.add(device)
        epoch = serverdb.meta(s, "epoch")
        return EnrollOut(
            device_id=device.id,
            token=token,
            role=device.role,
            name=device.name,
            server_epoch=epoch,
        )


class HeartbeatIn(BaseModel):
    program_version: str = Field(default="", max_length=40)
    printer_state: str = Field(default="", max_length=40)
    pending_changes: int = Field(default=0, ge=0, le=10_000_000)


@router.post("/heartbeat")
def heartbeat(body: HeartbeatIn, caller: DeviceCaller, state: State) -> dict[str, str]:
    with state.db.session() as s:
        device = s.get(Device, caller.device_id)
        assert device is not None
        device.last_seen_at = state.clock.now()
        device.program_version = body.program_version
        device.printer_state = body.printer_state
        device.pending_changes = body.pending_changes
    return {"status": "ok"}


@router.get("/me")
def me(caller: DeviceCaller, state: State) -> dict[str, object]:
    """Who this device is, its scopes, and (kiosks) today's key for hashed look-ups."""
    today = state.clock.today()
    with state.db.reading() as s:
        answer: dict[str, object] = {
            "device_id": caller.device_id,
            "role": caller.role,
            "name": caller.name,
            "location": caller.location,
            "scopes": scopes_for(caller.role, caller.device_id, today),
            "server_epoch": serverdb.meta(s, "epoch"),
        }
        if caller.role == "kiosk":
            answer["kiosk_day"] = today.isoformat()
            answer["kiosk_key"] = day_key(
                serverdb.meta(s, "kiosk_secret"), today, serverdb.lookup_cost(s)
            )
    return answer
