"""One-time enrollment codes: made by a director (or the server's own command line),
exchanged once by a new desk for its device token."""

from __future__ import annotations

import datetime as dt
import secrets

from sqlalchemy.orm import Session

from app.clock import utcnow
from server.deps import token_hash
from server.models import EnrollmentCode

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
ROLES = ("kiosk", "staff")


def create_code(
    session: Session, *, role: str, name: str, location: str = "", hours: int = 24
) -> str:
    """Returns the code (shown once, e.g. as a QR code); only its hash is stored."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    code = "".join(secrets.choice(ALPHABET) for _ in range(10))
    now = utcnow()
    session.add(
        EnrollmentCode(
            code_hash=token_hash(code),
            role=role,
            name=name[:80],
            location=location[:80],
            created_at=now,
            expires_at=now + dt.timedelta(hours=hours),
        )
    )
    return f"{code[:5]}-{code[5:]}"
