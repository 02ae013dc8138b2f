"""Staff sign-in on the desk itself, so that it keeps working while the server is away: the
desk holds every staff member's argon2 hash (pulled from the server) and counts failures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.errors import FrontDeskError
from app.models import LocalSignInFailure, Staff
from app.security import verify_password

LOCK_AFTER = 5
LOCK_MINUTES = 15


@dataclass(frozen=True)
class SignedIn:
    staff_id: str
    display_name: str
    role: str
    duty_lead: bool


def sign_in(
    session: Session, username: str, password: str, clock: Clock
) -> SignedIn | FrontDeskError:
    """Check a user name and password against the hashes this desk holds; five failures in a
    row lock the name for 15 minutes.  A refusal is *returned*, not raised, so that the
    caller's transaction commits the failure count; it never says which of the two was wrong."""
    username = (username or "").strip()
    now = clock.now()
    failures = session.get(LocalSignInFailure, username)
    if failures and failures.locked_until and failures.locked_until > now:
        until = clock.local(failures.locked_until).strftime("%H:%M")
        return FrontDeskError("signin_locked", until=until)
    staff = session.scalars(
        select(Staff).where(Staff.username == username, Staff.active.is_(True))
    ).first()
    if staff is None or not verify_password(staff.password_hash, password or ""):
        if failures is None:
            failures = LocalSignInFailure(username=username[:40], failures=0)
            session.add(failures)
        failures.failures += 1
        if failures.failures >= LOCK_AFTER:
            failures.locked_until = now + dt.timedelta(minutes=LOCK_MINUTES)
            failures.failures = 0
        session.flush()
        return FrontDeskError("signin_failed")
    if failures is not None:
        session.delete(failures)
    return SignedIn(staff.id, staff.display_name, str(staff.role), staff.duty_lead)
