"""Pulling (docs/sync.md §4): one page of changes applied with the new cursor in one
transaction, and the desk's place in the change log — its cursor, the server's epoch and the
scopes it pulls — started again from the beginning when the server says so (§6)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.clock import Clock
from app.db import Database
from app.models import OutboxEntry, SetAsideChange, SyncState
from app.sync.apply import apply_page
from app.sync.client import ResyncRequired, SyncClient
from app.sync.status import Link

log = logging.getLogger(__name__)

PAGE = 2000
PENDING = "pending"


def sync_state(session: Session) -> SyncState:
    """The desk's one row of sync bookkeeping, made on first use."""
    state = session.get(SyncState, 1)
    if state is None:
        state = SyncState(id=1, cursor=0)
        session.add(state)
        session.flush()
    return state


@dataclass(frozen=True)
class Touched:
    """What a pulled page changed: visits (their rows, events or flags), call-a-guide
    requests, and any other table (reference data: departments, staff, the roster…)."""

    visits: frozenset[str]
    requests: frozenset[str]
    tables: frozenset[str]

    @classmethod
    def of(cls, changes: list[dict[str, Any]]) -> Touched:
        visits, requests, tables = set(), set(), set()
        for c in changes:
            kind = c.get("entity_type", "")
            tables.add(kind)
            if kind == "visits":
                visits.add(c["entity_id"])
            elif kind in ("visit_events", "event_flags"):
                visit_id = (c.get("data") or {}).get("visit_id")
                if visit_id:
                    visits.add(visit_id)
            elif kind == "assistance_requests":
                requests.add(c["entity_id"])
        return cls(frozenset(visits), frozenset(requests), frozenset(tables))


class Cursor:
    """Where this desk is in the server's change log, and what starts it again."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def read(self) -> tuple[int, str, str]:
        """(cursor, server epoch, scope set) as last stored."""
        with self.db.reading() as s:
            state = s.get(SyncState, 1)
            if state is None:
                return 0, "", ""
            return state.cursor, state.server_epoch or "", state.scope_set or ""

    def epoch_changed(self, epoch: str | None) -> bool:
        """A push's answer named another epoch than the one pulled from: start again."""
        known = self.read()[1]
        if epoch and known and epoch != known:
            self.resync({"reason": "epoch_changed", "server_epoch": epoch})
            return True
        return False

    def resync(self, detail: dict[str, Any]) -> None:
        """Start pulling from the beginning; after a new epoch (a server restored from a
        backup) also send again every change this desk holds — the server may have lost it
        (docs/sync.md §6).  The outbox is never emptied (§9, scenario 27)."""
        reason = detail.get("reason")
        log.warning("resync: %s", reason)
        with self.db.session(record=False) as s:
            state = sync_state(s)
            state.cursor = 0
            state.scope_set = detail.get("scope_set") or None
            if reason in ("epoch_changed", "cursor_ahead"):
                state.server_epoch = detail.get("server_epoch") or None
                s.execute(update(OutboxEntry).values(state=PENDING))


@dataclass(frozen=True)
class Parts:
    """What each step of the sync works with: the desk's database, the server, the clock, the
    status the screens read and the desk's place in the change log."""

    db: Database
    client: SyncClient
    clock: Clock
    link: Link
    cursor: Cursor


class Step:
    def __init__(self, parts: Parts) -> None:
        self.db = parts.db
        self.client = parts.client
        self.clock = parts.clock
        self.link = parts.link
        self.cursor = parts.cursor


class Puller(Step):
    def __init__(self, parts: Parts) -> None:
        super().__init__(parts)
        # Called (from the pulling thread) after each applied page with what it touched, so
        # that a board re-reads only those rows.
        self.on_pulled: list[Callable[[Touched], None]] = []

    def set_aside_count(self) -> int:
        """Pulled changes this desk could not apply (kept in ``set_aside_changes``)."""
        with self.db.reading() as s:
            return int(s.scalar(select(func.count()).select_from(SetAsideChange)) or 0)

    def pull_once(self, wait: float = 0) -> tuple[int, bool]:
        """Fetch one page of changes and apply it with the new cursor in one transaction.
        Returns (changes received, more waiting)."""
        cursor, epoch, scope_set = self.cursor.read()
        try:
            with self.link.talking():
                page = self.client.changes(
                    cursor, epoch=epoch, scope_set=scope_set, wait=wait, limit=PAGE
                )
        except ResyncRequired as exc:
            self.cursor.resync(exc.detail)
            return 0, True
        with self.db.relaxed().session(record=False) as s:  # fetched again if lost
            done = apply_page(s, page["changes"], self.clock.tz)
            state = sync_state(s)
            state.cursor = page["cursor"]
            state.server_epoch = page["server_epoch"]
            state.scope_set = page.get("scope_set")
            state.last_pull_at = self.clock.now()
        self.link.online()
        more = bool(page.get("has_more"))
        self.link.progress(int(page["cursor"]), int(page.get("max_seq") or 0), more)
        if done.set_aside:
            log.warning("%d pulled changes set aside; the duty lead is told", done.set_aside)
        if page["changes"] and self.on_pulled:
            touched = Touched.of(page["changes"])
            for listener in self.on_pulled:
                listener(touched)
        return len(page["changes"]), more
