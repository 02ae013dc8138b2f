"""Request dependencies: the shared state, the calling device (from its bearer token) and,
where needed, the signed-in staff member."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request, status

from server.models import Device, StaffSession
from server.state import ServerState


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def get_state(request: Request) -> ServerState:
    state: ServerState = request.app.state.frontdesk
    return state


State = Annotated[ServerState, Depends(get_state)]


@dataclass(frozen=True)
class Caller:
    device_id: str
    role: str
    name: str
    location: str


def _unauthorized(detail: str) -> HTTPException:
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED, detail=detail, headers={"WWW-Authenticate": "Bearer"}
    )


def current_device(state: State, authorization: Annotated[str | None, Header()] = None) -> Caller:
    if not authorization or not authorization.startswith("Bearer "):
        raise _unauthorized("missing device token")
    token = authorization.removeprefix("Bearer ").strip()
    if not token or len(token) > 200:
        raise _unauthorized("wrong device token")
    with state.db.reading() as s:
        device = s.query(Device).filter_by(token_hash=token_hash(token)).one_or_none()
        if device is None:
            raise _unauthorized("wrong device token")
        if device.status != "active":
            raise HTTPException(status.HTTP_403_FORBIDDEN, detail="device revoked")
        return Caller(device.id, device.role, device.name, device.location)


DeviceCaller = Annotated[Caller, Depends(current_device)]


def staff_desk(caller: DeviceCaller) -> Caller:
    if caller.role != "staff":
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail="staff desks only")
    return caller


StaffDesk = Annotated[Caller, Depends(staff_desk)]


@dataclass(frozen=True)
class SignedIn:
    device: Caller
    staff_id: str
    role: str


def _signed_in(state: ServerState, caller: Caller, token: str | None, role: str) -> SignedIn:
    """The person whose server session ``token`` is, signed in on this very desk, in ``role``."""
    from app.models import Staff

    if not token:
        raise _unauthorized("sign in first")
    now = state.clock.now()
    with state.db.reading() as s:
        sess = s.get(StaffSession, token_hash(token))
        if sess is None or sess.expires_at < now or sess.device_id != caller.device_id:
            raise _unauthorized("sign in again")
        staff = s.get(Staff, sess.staff_id)
        if staff is None or not staff.active:
            raise _unauthorized("sign in again")
        if staff.role != role:
            raise HTTPException(status.HTTP_403_FORBIDDEN, detail=f"{role}s only")
        return SignedIn(caller, staff.id, str(staff.role))


def signed_in_director(
    state: State, caller: StaffDesk, x_staff_token: Annotated[str | None, Header()] = None
) -> SignedIn:
    from app.models import Role

    return _signed_in(state, caller, x_staff_token, Role.DIRECTOR)


def signed_in_auditor(
    state: State, caller: StaffDesk, x_staff_token: Annotated[str | None, Header()] = None
) -> SignedIn:
    """The auditor — not the director: who runs the centre does not audit it (三权分立)."""
    from app.models import Role

    return _signed_in(state, caller, x_staff_token, Role.AUDITOR)


Director = Annotated[SignedIn, Depends(signed_in_director)]
Auditor = Annotated[SignedIn, Depends(signed_in_auditor)]
