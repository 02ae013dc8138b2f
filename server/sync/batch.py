"""The unit of work of one push (docs/sync.md §3): row look-ups and additions for its
mutations without autoflush, the server-authored rows they name held for the batch, visit
events collected and inserted in bulk, and what waits or arrives for waiting mutations."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import utcnow
from app.config import DEFAULT_IN_VISIT
from app.models import (
    Appointment,
    Department,
    Doctor,
    Staff,
    SurveyDefinition,
    SurveyResponse,
    Visit,
    VisitEvent,
)
from app.security import proof_holds
from app.services import survey
from app.services.stages import FIXED
from server import staff_keys
from server.db import insert_rows
from server.models import WaitingMutation

HELD = (Staff, Department, Doctor, Appointment, SurveyDefinition)  # never changed by a push


# how far back a typed ticket number may still meet its visit (a desk offline for days)
WAITING_DAYS = dt.timedelta(days=7)


class Batch:
    """Row look-ups and additions for the mutations of one push, without autoflush: rows
    added earlier in the batch are found here, rows known to be absent cost no query."""

    def __init__(self, session: Session, stages: frozenset[str] | None = None) -> None:
        self.session = session
        self.stages = stages or frozenset((*FIXED, *DEFAULT_IN_VISIT))
        self.pending: dict[tuple[type, Any], Any] = {}
        self.absent: set[tuple[type, Any]] = set()
        self.held: dict[tuple[type, Any], Any] = {}
        self.known: dict[type, dict[Any, bool]] = {}  # server-authored ids: there or not
        self.event_rows: list[dict[str, Any]] = []
        self._waiting: set[tuple[Any, Any]] | None = None
        self.met: list[Visit] = []
        self._awaited: set[tuple[str, str]] | None = None
        self.arrived: list[tuple[str, str]] = []  # rows that waiting mutations name
        self._keys: dict[str, list[bytes]] = {}
        self._proven: set[tuple[str, str, str, str]] = set()
        self.accessed: list[str] = []  # access log rows added, to chain (server/access_chain.py)

    def preload_keys(self, staff_ids: set[str]) -> None:
        """The sign-in keys of the people a push's changes name (one query)."""
        self._keys.update(staff_keys.keys_of(self.session, staff_ids - set(self._keys)))

    def proven(self, proof: dict[str, str], device_id: str) -> bool:
        """Whether a sign-in proof sent by ``device_id`` holds (each checked once a push)."""
        seen = (proof["staff_id"], device_id, proof["at"], proof["mac"])
        if seen in self._proven:
            return True
        if proof["staff_id"] not in self._keys:
            self.preload_keys({proof["staff_id"]})
        if proof_holds(self._keys[proof["staff_id"]], proof, device_id):
            self._proven.add(seen)
            return True
        return False

    def get(self, model: type, key: Any) -> Any:
        found = self.pending.get((model, key))
        if found is not None:
            return found
        if (model, key) in self.absent:
            return None
        if model in HELD:
            # rows of the server's own tables, named by change after change (a staff
            # member, a department): held here — the session's identity map holds rows
            # only weakly, and each one forgotten would cost a query per change
            if (model, key) not in self.held:
                self.held[(model, key)] = self.session.get(model, key)
            return self.held[(model, key)]
        return self.session.get(model, key)

    def add(self, obj: Any, key: Any) -> None:
        self.session.add(obj)
        self.pending[(type(obj), key)] = obj
        self.absent.discard((type(obj), key))

    def add_event(self, values: dict[str, Any]) -> None:
        """Visit events are many and never change: collected as plain rows, inserted in bulk
        by ``write()``."""
        self.pending[(VisitEvent, values["id"])] = values
        self.absent.discard((VisitEvent, values["id"]))
        self.event_rows.append(values)

    def waiting_tickets(self) -> set[tuple[Any, Any]]:
        """(day, ticket key) of survey answers still waiting for their visit — read once a
        push, so a visit costs a look-up only when an answer names its ticket."""
        if self._waiting is None:
            self._waiting = {
                (day, survey.ticket_key(ticket))
                for day, ticket in self.session.execute(
                    select(SurveyResponse.day, SurveyResponse.ticket).where(
                        SurveyResponse.day >= utcnow().date() - WAITING_DAYS,
                        SurveyResponse.visit_id.is_(None),
                        SurveyResponse.ticket.is_not(None),
                    )
                )
            }
        return self._waiting

    def awaited(self) -> set[tuple[str, str]]:
        """(table, id) of the rows that waiting mutations name — read once a push."""
        if self._awaited is None:
            rows = self.session.execute(select(WaitingMutation.row_table, WaitingMutation.row_id))
            self._awaited = {(table, row_id) for table, row_id in rows}
        return self._awaited

    def forget_awaited(self) -> None:
        self._awaited = None

    def write(self) -> None:
        """Send everything collected to the database (still inside the transaction)."""
        self.session.flush()
        if self.event_rows:
            insert_rows(self.session, VisitEvent, self.event_rows)
            for values in self.event_rows:
                self.pending.pop((VisitEvent, values["id"]), None)
            self.event_rows = []

    def forget_unwritten(self) -> None:
        for values in self.event_rows:
            self.pending.pop((VisitEvent, values["id"]), None)
        self.event_rows = []

    def delete(self, obj: Any, key: Any) -> None:
        if self.pending.pop((type(obj), key), None) is not None:
            self.session.expunge(obj)
        else:
            self.session.delete(obj)
        self.absent.add((type(obj), key))

    def exists(self, model: type, key: Any) -> bool:
        """Whether a server-authored row (``REFERENCES``, staff) is there — its id alone,
        asked once a batch."""
        known = self.known.setdefault(model, {})
        if key not in known:
            column = model.id  # type: ignore[attr-defined]  # every HELD model has one
            known[key] = self.session.scalar(select(column).where(column == key)) is not None
        return known[key]

    def preload_known(self, wanted: dict[type, set[Any]]) -> None:
        """The ids of server-authored rows a batch's changes name, one query a table."""
        for model, keys in wanted.items():
            known = self.known.setdefault(model, {})
            keys = {k for k in keys if k not in known}
            if keys:
                column = model.id  # type: ignore[attr-defined]  # every HELD model has an id
                found = set(self.session.scalars(select(column).where(column.in_(list(keys)))))
                known.update((k, k in found) for k in keys)

    def preload(self, model: type, keys: set[str], column: Any = None) -> None:
        """Load rows of ``model`` whose key is in ``keys`` (one query); remember the rest
        as absent."""
        if not keys:
            return
        column = column if column is not None else model.id  # type: ignore[attr-defined]  # as above
        found: set[Any] = set()
        obj: Any
        for obj in self.session.scalars(select(model).where(column.in_(list(keys)))):
            found.add(getattr(obj, column.key))
        self.absent |= {(model, k) for k in keys - found}
