"""Recording who read or changed which patient's data (the access log, PIPL; issue 25).

One row per access, written in its own small transaction on the desk — offline too — and sent
like any change; the server chains the rows by hash as they arrive.  A row names patients,
visits, cases and calls by id, a search by its kind and how many it found: the log itself
holds no one's name, phone or words."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.clock import Clock
from app.errors import FrontDeskError
from app.models import AccessAction, AccessRecord
from app.services.context import Actor

PURPOSE_MAX = 200


def record(
    session: Session,
    actor: Actor,
    clock: Clock,
    action: AccessAction | str,
    what: str,
    *,
    patient_id: str | None = None,
    visit_id: str | None = None,
    ref_id: str | None = None,
    purpose: str = "",
    data: dict[str, Any] | None = None,
) -> AccessRecord:
    """One access by the signed-in ``actor``; refused without a person (a kiosk reads no one's
    file) or with a purpose too long to keep."""
    if not actor.staff_id:
        raise FrontDeskError("not_signed_in")
    purpose = " ".join(purpose.split())
    if len(purpose) > PURPOSE_MAX:
        raise FrontDeskError("purpose_too_long")
    now = clock.now()
    row = AccessRecord(
        day=clock.local(now).date(),
        at=now,
        staff_id=actor.staff_id,
        device_id=actor.device_id,
        action=AccessAction(action),
        what=what,
        patient_id=patient_id,
        visit_id=visit_id,
        ref_id=ref_id,
        purpose=purpose,
        data=data or {},
    )
    session.add(row)
    return row
