"""Staff sign-in on a staff desk: argon2 hashes, a lock after repeated failures."""

from __future__ import annotations

import datetime as dt
import secrets

from fastapi import APIRouter, HTTPException, status
from pydantic import BaseModel, Field

from app.models import Staff
from app.security import verify_password
from server import staff_keys
from server.deps import StaffDesk, State, token_hash
from server.models import SignInFailures, StaffSession
from server.schemas import ERRORS, Problem

router = APIRouter(prefix="/api/v1/staff", tags=["staff"], responses=ERRORS)


class SignInIn(BaseModel):
    username: str = Field(min_length=1, max_length=40)
    password: str = Field(min_length=1, max_length=200)


class SignInOut(BaseModel):
    staff_id: str
    display_name: str
    role: str
    staff_token: str
    expires_at: dt.datetime


MAX_LOCK = dt.timedelta(hours=24)


def lock_time(minutes: int, locks: int) -> dt.timedelta:
    """How long the ``locks``-th lock lasts: twice as long as the one before, at most a day."""
    return min(dt.timedelta(minutes=minutes) * (1 << max(0, min(locks - 1, 16))), MAX_LOCK)


@router.post(
    "/sign-in",
    response_model=SignInOut,
    responses={423: {"model": Problem, "description": "locked on this desk for a while"}},
)
def sign_in(body: SignInIn, caller: StaffDesk, state: State) -> SignInOut:
    now = state.clock.now()
    cfg = state.settings
    with state.db.session() as s:
        failures = s.get(SignInFailures, (body.username, caller.device_id))
        if failures and failures.locked_until and failures.locked_until > now:
            until = failures.locked_until.strftime("%H:%M")
            raise HTTPException(
                status.HTTP_423_LOCKED,
                detail=f"too many failed sign-ins; try again after {until} UTC",
            )
        staff = s.query(Staff).filter_by(username=body.username, active=True).one_or_none()
        if staff is None or not verify_password(staff.password_hash, body.password):
            if failures is None:
                failures = SignInFailures(
                    username=body.username, device_id=caller.device_id, failures=0, locks=0
                )
                s.add(failures)
            failures.failures += 1
            if failures.failures >= cfg.lockout_failures:
                failures.locks += 1
                failures.locked_until = now + lock_time(cfg.lockout_minutes, failures.locks)
                failures.failures = 0
            detail = "wrong user name or password"
        else:
            if failures is not None:
                s.delete(failures)
            staff_keys.remember(s, staff.id, body.password)  # proofs made offline check too
            token = secrets.token_urlsafe(32)
            expires = now + dt.timedelta(hours=cfg.staff_session_hours)
            s.add(
                StaffSession(
                    token_hash=token_hash(token),
                    staff_id=staff.id,
                    device_id=caller.device_id,
                    created_at=now,
                    expires_at=expires,
                )
            )
            return SignInOut(
                staff_id=staff.id,
                display_name=staff.display_name,
                role=str(staff.role),
                staff_token=token,
                expires_at=expires,
            )
    raise HTTPException(status.HTTP_401_UNAUTHORIZED, detail=detail)
