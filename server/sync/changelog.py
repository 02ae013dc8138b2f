"""The change log: every accepted row change, written once per scope it belongs to, with a
sequence number that follows commit order.

Scopes (decided here, never by a desk):
    ref               departments, doctors, roster, survey definitions   (every desk)
    staff             staff with password hashes, for offline sign-in    (staff desks)
    appts:<day>       the day's appointments in full                     (staff desks)
    kappts:<day>      the same, as kiosks may hold them: hashed keys, masked names (kiosks)
    visits:<day>      patients, visits, events, flags, requests, surveys (staff desks)
    device:<id>       a kiosk's own "call a guide" requests and their answers; for any desk,
                      the undoing of its own refused changes (``revert`` / ``gone``)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.clock import utcnow
from app.models import Appointment, Base, Visit
from app.services.checkin import (
    LOOKUP_MEMORY_KIB,
    LOOKUP_PASSES,
    hashed_code,
    hashed_phone,
    slow_key,
)
from app.services.masking import mask_name
from app.sync.codec import primary_key, row_to_dict
from server.db import insert_rows, lookup_cost, meta
from server.models import ChangeLog

REFERENCE = {
    "departments",
    "doctors",
    "roster_slots",
    "survey_definitions",
    "calendar_days",
    "calendar_years",
    "settings",
}
VISIT_DATA = {
    "patients",
    "visits",
    "visit_events",
    "event_flags",
    "assistance_requests",
    "survey_responses",
}
# Cases are not bound to a day: an open case stays on every staff desk until it is closed, and
# the change log's retention (by day scope) never drops one.
CASE_DATA = {"cases", "case_events", "case_owners"}
# Follow-up calls, likewise, stay until they are done; only staff desks receive them.
FOLLOWUP_DATA = {"followup_tasks", "followup_events"}
SYNC_LOCK = 7_041_977  # pg_advisory_xact_lock key serialising change-log appends


def scopes_for(role: str, device_id: str, day: dt.date) -> list[str]:
    if role == "kiosk":
        return ["ref", f"kappts:{day}", f"device:{device_id}"]
    return [
        *("ref", "staff", "cases", "followups"),
        *(f"appts:{day}", f"visits:{day}", f"device:{device_id}"),
    ]


def day_key(secret: str, day: dt.date, cost: str = "") -> str:
    """The kiosks' key for one day: hashes made with it are useless the next day.  ``cost``
    ("passes:KiB", server_meta ``kiosk_lookup_cost``) sets the slow hash it names."""
    raw = hmac.new(bytes.fromhex(secret), f"kiosk:{day}".encode(), hashlib.sha256).digest()
    passes, memory = (int(x) for x in cost.split(":")) if cost else (0, 0)
    return slow_key(raw, passes or LOOKUP_PASSES, memory or LOOKUP_MEMORY_KIB)


def kiosk_projection(appt: Appointment, key: str) -> dict[str, Any]:
    """An appointment as a kiosk may hold it: code and phone replaced by keyed hashes, the
    name masked; enough to check in offline, useless to anyone reading the file."""
    data = row_to_dict(appt)
    data["checkin_code"] = hashed_code(key, appt.checkin_code)
    data["patient_phone"] = hashed_phone(key, appt.patient_phone)
    data["patient_name"] = mask_name(appt.patient_name)
    data["patient_age"] = None
    data["patient_gender"] = "U"
    return data


class Writer:
    """Appends to the change log inside the caller's transaction.

    On PostgreSQL the first append takes a transaction-scoped advisory lock, held to commit, so
    that sequence numbers are handed out in commit order; SQLite's single writer gives the same
    for free.  Rows are collected and inserted in bulk by ``finish()``, which returns the
    highest sequence number written — what to announce after commit."""

    def __init__(
        self,
        session: Session,
        *,
        device_id: str | None,
        mutation_id: str | None,
        today: dt.date,
        kiosk_secret: str,
    ) -> None:
        self.session = session
        self.device_id = device_id
        self.mutation_id = mutation_id
        self.today = today
        self.kiosk_secret = kiosk_secret
        self.lookup_cost = ""
        self.rows: list[dict[str, Any]] = []
        self.seqs: list[int] = []  # sequence numbers of rows[: len(seqs)], once inserted
        self._locked = False
        self.get: Callable[[type, Any], Any] = (
            session.get
        )  # a push's Batch.get also finds rows added in the same batch
        self._now = utcnow()

    @classmethod
    def on(cls, session: Session, today: dt.date, device_id: str | None = None) -> Writer:
        """A writer for ``session``, with the server's kiosk secret read from it."""
        secret = meta(session, "kiosk_secret")
        writer = cls(
            session, device_id=device_id, mutation_id=None, today=today, kiosk_secret=secret
        )
        writer.lookup_cost = lookup_cost(session)
        return writer

    def lock(self) -> None:
        if self._locked:
            return
        if self.session.get_bind().dialect.name == "postgresql":
            self.session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": SYNC_LOCK})
        self._locked = True

    def scopes(self, table: str, data: dict[str, Any]) -> list[str]:
        if table in REFERENCE:
            return ["ref"]
        if table == "staff":
            return ["staff"]
        if table in CASE_DATA:
            return ["cases"]
        if table in FOLLOWUP_DATA:
            return ["followups"]
        if table == "appointments":
            return [f"appts:{data['day']}", f"kappts:{data['day']}"]
        if table == "access_log":  # the auditor's, read on the server: no desk pulls it
            return []
        if table == "duty_notes":  # the day's log, with the day's visits
            return [f"visits:{data['day']}"]
        if table in VISIT_DATA:
            scopes = [f"visits:{self._visit_day(table, data)}"]
            if table == "assistance_requests":
                scopes.append(f"device:{data['device_id']}")
            return scopes
        raise ValueError(f"no scope for {table}")

    def _visit_day(self, table: str, data: dict[str, Any]) -> str:
        if table == "visits":
            return str(data["day"])
        visit_id = data.get("visit_id")
        if visit_id:
            visit = self.get(Visit, visit_id)
            if visit is not None:
                return str(visit.day)
        return str(self.today)

    def row(self, obj: Base, op: str = "upsert") -> None:
        """Log an ORM row as it is now."""
        self.data(
            obj.__tablename__,
            row_to_dict(obj),
            int(getattr(obj, "version", 1) or 1),
            obj=obj,
            op=op,
            entity_id=str(getattr(obj, primary_key(type(obj)))),
        )

    def data(
        self,
        table: str,
        data: dict[str, Any],
        version: int = 1,
        *,
        obj: Base | None = None,
        op: str = "upsert",
        entity_id: str | None = None,
    ) -> None:
        """Log a row given as its JSON form (``row_to_dict``), under its primary key."""
        entity_id = entity_id or str(data.get("id") or data.get("event_id"))
        for scope in self.scopes(table, data):
            payload = data
            if scope.startswith("kappts:"):
                assert isinstance(obj, Appointment)
                payload = kiosk_projection(
                    obj, day_key(self.kiosk_secret, obj.day, self.lookup_cost)
                )
            self._append(scope, table, entity_id, op, version, payload)

    def to_device(
        self, table: str, entity_id: str, op: str, data: dict[str, Any], version: int = 1
    ) -> None:
        """Log a change for the sending desk alone (its ``device:`` scope)."""
        self._append(f"device:{self.device_id}", table, entity_id, op, version, data)

    def _append(
        self, scope: str, table: str, entity_id: str, op: str, version: int, data: dict[str, Any]
    ) -> None:
        self.lock()
        self.rows.append(
            {
                "scope": scope,
                "entity_type": table,
                "entity_id": entity_id,
                "op": op,
                "version": version,
                "data": data,
                "origin_device_id": self.device_id,
                "origin_mutation_id": self.mutation_id,
                "committed_at": self._now,
            }
        )

    def mark(self) -> int:
        return len(self.rows)

    def discard(self, since: int) -> None:
        """Forget rows of a rolled-back savepoint (inserted or not) — and the lock, which
        PostgreSQL lets go of if the savepoint took it: the next append takes it again."""
        del self.rows[since:]
        del self.seqs[since:]
        self._locked = False

    def finish(self, since: int = 0) -> int | None:
        """Insert what is not inserted yet; the highest sequence number among rows[since:]."""
        todo = self.rows[len(self.seqs) :]
        if todo:
            self.seqs.extend(insert_rows(self.session, ChangeLog, todo, returning="seq"))
        mine = self.seqs[since:]
        return max(mine) if mine else None

    def seq_range(self, start: int, end: int) -> int | None:
        mine = self.seqs[start:end]
        return max(mine) if mine else None

    def announce(self) -> int | None:
        """Insert what is pending; on PostgreSQL tell every server process's listener
        (delivered at commit).  Returns the highest sequence number written."""
        top = self.finish()
        if top is not None and self.session.get_bind().dialect.name == "postgresql":
            self.session.execute(text("SELECT pg_notify('frontdesk_sync', :s)"), {"s": str(top)})
        return top


def max_seq(session: Session) -> int:
    return int(session.scalar(select(func.coalesce(func.max(ChangeLog.seq), 0))) or 0)


def read(
    session: Session, scopes: list[str], cursor: int, limit: int
) -> tuple[list[ChangeLog], int, bool]:
    """Changes after ``cursor`` in ``scopes`` (ascending), the cursor to come back with — the
    last sequence number examined, not just returned — and whether more are waiting."""
    top = max_seq(session)
    rows = list(
        session.scalars(
            select(ChangeLog)
            .where(ChangeLog.seq > cursor, ChangeLog.scope.in_(scopes))
            .order_by(ChangeLog.seq)
            .limit(limit)
        )
    )
    if len(rows) == limit:
        return rows, rows[-1].seq, True
    return rows, max(top, cursor), False
