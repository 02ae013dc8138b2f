"""One desk's side of the protocol, step by step: push the outbox (``push``), pull changes
(``pull``), lease ticket numbers (``leases``), and the status the screens show (``status``).
Each step is one call that can fail without harm; ``worker.SyncWorker`` runs them on a
schedule off the screen's thread."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete

from app.clock import Clock
from app.db import Database, rowcount
from app.models import OutboxEntry, UndoneRow
from app.sync.client import SyncClient
from app.sync.identity import Identity
from app.sync.leases import Leases
from app.sync.outbox import let_go
from app.sync.pull import Cursor, Parts, Puller, Touched
from app.sync.push import Pusher
from app.sync.status import Clash, Link, Refusal, SyncStatus

__all__ = ["Clash", "Refusal", "SyncEngine", "SyncStatus", "Touched"]


class SyncEngine:
    def __init__(
        self,
        db: Database,
        client: SyncClient,
        identity: Identity,
        clock: Clock,
        *,
        lease_block: int = 50,
        low_water: int = 10,
    ) -> None:
        self.db = db
        self.client = client
        self.identity = identity
        self.clock = clock
        self.link = Link(clock)
        self.cursor = Cursor(db)
        parts = Parts(db, client, clock, self.link, self.cursor)
        self.pusher = Pusher(parts)
        self.puller = Puller(parts)
        self.leases = Leases(parts, identity, block=lease_block, low_water=low_water)
        # Called (from the pulling thread) after each applied page with what it touched
        self.on_pulled = self.puller.on_pulled

    @property
    def status(self) -> SyncStatus:
        return self.link.snapshot(
            pending=self.pending_count(), set_aside=self.puller.set_aside_count()
        )

    def pending_count(self) -> int:
        return self.pusher.pending_count()

    def push_once(self) -> int:
        return self.pusher.push_once()

    def push_pending(self) -> int:
        return self.pusher.push_pending()

    def pull_once(self, wait: float = 0) -> tuple[int, bool]:
        return self.puller.pull_once(wait)

    def ensure_leases(self, day: dt.date | None = None) -> int:
        return self.leases.ensure(day)

    def refresh_kiosk_key(self) -> str | None:
        return self.leases.refresh_kiosk_key()

    def sync_until_idle(self, max_rounds: int = 10_000) -> None:
        """Push everything, then pull everything (tests, start-up, shutdown)."""
        for _ in range(max_rounds):
            if self.push_pending() == 0 and self.pending_count() == 0:
                break
        for _ in range(max_rounds):
            _, more = self.pull_once()
            if not more:
                break

    def forget_old(self, days: int = 30) -> int:
        """Acknowledged outbox entries and the record of undone rows go after ``days`` — the
        server's retention: a server restored from a backup gets again what the desk still
        holds, and the server never needs anything older.  Pending entries always stay."""
        cutoff = self.clock.now() - dt.timedelta(days=days)
        with self.db.session(record=False) as s:
            gone = let_go(s, OutboxEntry.acked_at < cutoff)
            gone += rowcount(s.execute(delete(UndoneRow).where(UndoneRow.undone_at < cutoff)))
        return int(gone)
