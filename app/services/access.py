"""Recording who read or changed which patient's data (the access log, PIPL; issue 25).

One row per access, written in its own small transaction on the desk — offline too — and sent
like any change; the server chains the rows by hash as they arrive.  A row names patients,
visits, cases and calls by id, a search by its kind and how many it found: the log itself
holds no one's name, phone or words."""

from __future__ import annotations

import logging
import threading
from typing import Any

from sqlalchemy.orm import Session

from app.clock import Clock
from app.contract.limits import MAX_OPS
from app.db import Database
from app.errors import FrontDeskError
from app.ids import new_id
from app.models import AccessAction, AccessRecord
from app.services.context import Actor

log = logging.getLogger(__name__)
PURPOSE_MAX = 200


def values(
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
) -> dict[str, Any]:
    """One access by the signed-in ``actor``, as the row's values; refused without a person (a
    kiosk reads no one's file) or with a purpose too long to keep."""
    if not actor.staff_id:
        raise FrontDeskError("not_signed_in")
    purpose = " ".join(purpose.split())
    if len(purpose) > PURPOSE_MAX:
        raise FrontDeskError("purpose_too_long")
    now = clock.now()
    return {
        "id": new_id(),
        "day": clock.local(now).date(),
        "at": now,
        "staff_id": actor.staff_id,
        "device_id": actor.device_id,
        "action": AccessAction(action),
        "what": what,
        "patient_id": patient_id,
        "visit_id": visit_id,
        "ref_id": ref_id,
        "purpose": purpose,
        "data": data or {},
    }


def record(
    session: Session,
    actor: Actor,
    clock: Clock,
    action: AccessAction | str,
    what: str,
    **about: Any,
) -> AccessRecord:
    """One access written in ``session`` — with the change it goes with (``values``)."""
    row = AccessRecord(**values(actor, clock, action, what, **about))
    session.add(row)
    return row


class AccessQueue:
    """The desk's access rows on their way to its database: an access costs a check and an
    append (bench/privacy.py: ``log_write_us``); ``flush`` writes what waits in one
    transaction per person and 50 rows — one outbox entry, one commit — a moment later
    (``delay`` seconds, on a timer thread), when the desk closes, or when asked.  A crash
    loses at most that moment's rows; none is ever written twice."""

    def __init__(self, db: Database, clock: Clock, delay: float = 1.0) -> None:
        self.db = db
        self.clock = clock
        self.delay = delay
        self._rows: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._flushing = threading.Lock()  # one flush at a time: a flush returns once written
        self._timer: threading.Timer | None = None
        self._closed = False

    def note(self, actor: Actor, action: AccessAction | str, what: str, **about: Any) -> str:
        """Queue one access (``values``: what it names, refused as it refuses); returns the
        row's id."""
        row = values(actor, self.clock, action, what, **about)
        with self._lock:
            self._rows.append(row)
            if self._timer is None and not self._closed and self.delay > 0:
                self._timer = threading.Timer(self.delay, self._on_timer)
                self._timer.daemon = True
                self._timer.start()
        if self.delay <= 0:
            self.flush()
        return str(row["id"])

    def _on_timer(self) -> None:
        with self._lock:
            self._timer = None
        try:
            self.flush()
        except Exception:  # kept for the next flush; the desk goes on
            log.exception("writing the access log failed; it is tried again")

    def waiting(self) -> int:
        with self._lock:
            return len(self._rows)

    def flush(self) -> int:
        """Write every waiting row now; returns how many.  Rows that fail to be written go
        back to the front of the queue."""
        with self._flushing:
            return self._flush()

    def _flush(self) -> int:
        with self._lock:
            rows, self._rows = self._rows, []
        if not rows:
            return 0
        by_person: dict[str, list[dict[str, Any]]] = {}
        for row in rows:
            by_person.setdefault(row["staff_id"], []).append(row)
        groups = [  # one change holds at most MAX_OPS rows (app/contract)
            person[i : i + MAX_OPS]
            for person in by_person.values()
            for i in range(0, len(person), MAX_OPS)
        ]
        written = 0
        for i, group in enumerate(groups):
            try:
                with self.db.session() as s:
                    s.add_all(AccessRecord(**row) for row in group)
            except Exception:
                left = [row for g in groups[i:] for row in g]
                with self._lock:
                    self._rows[:0] = left
                raise
            written += len(group)
        return written

    def close(self) -> None:
        with self._lock:
            self._closed = True
            timer, self._timer = self._timer, None
        if timer is not None:
            timer.cancel()
        self.flush()
