"""Each person's sign-in key on the server: learnt where the password is at hand — the demo
hospital's loader, a person's sign-in at a desk that is online — and never sent to a desk."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import utcnow
from app.security import staff_key
from server.models import StaffKey


def remember(session: Session, staff_id: str, password: str) -> None:
    """Keep the key ``password`` gives ``staff_id`` (once; old keys stay)."""
    key = staff_key(staff_id, password).hex()
    if session.get(StaffKey, (staff_id, key)) is None:
        session.add(StaffKey(staff_id=staff_id, key=key, added_at=utcnow()))


def keys_of(session: Session, staff_ids: set[str]) -> dict[str, list[bytes]]:
    """Every key of these people, by staff id (one query)."""
    found: dict[str, list[bytes]] = {s: [] for s in staff_ids}
    if staff_ids:
        rows = session.execute(
            select(StaffKey.staff_id, StaffKey.key).where(StaffKey.staff_id.in_(list(staff_ids)))
        )
        for staff_id, key in rows:
            found[staff_id].append(bytes.fromhex(key))
    return found
