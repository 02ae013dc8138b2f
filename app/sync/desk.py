"""A synced desk's parts, put together: its enrolment, its database with the outbox on, and
its sync engine — from a data folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.clock import Clock
from app.db import Database, open_database
from app.sync.client import SyncClient, enroll
from app.sync.engine import SyncEngine
from app.sync.identity import Identity


@dataclass
class SyncedDesk:
    identity: Identity
    db: Database
    engine: SyncEngine
    clock: Clock

    @classmethod
    def open(
        cls, data_dir: Path, clock: Clock, *, server_url: str | None = None, timeout: float = 10.0
    ) -> SyncedDesk:
        """Open an enrolled desk (``frontdesk enroll`` wrote its identity)."""
        identity = Identity.load(data_dir)
        if identity is None:
            raise FileNotFoundError(f"{data_dir} holds no enrolled desk (frontdesk enroll)")
        db = open_database(data_dir / "frontdesk.db", outbox=True)
        url = server_url or identity.server_url
        engine = SyncEngine(db, SyncClient(url, identity.token, timeout=timeout), identity, clock)
        return cls(identity, db, engine, clock)

    @classmethod
    def enroll(
        cls,
        data_dir: Path,
        server_url: str,
        code: str,
        clock: Clock,
        *,
        via_url: str | None = None,
        timeout: float = 10.0,
    ) -> SyncedDesk:
        """Enroll with a one-time code, save the identity, open the desk.  ``via_url`` (e.g.
        a proxy) is where it then talks to the server."""
        answer = enroll(server_url, code, timeout=timeout)
        Identity(
            answer["device_id"],
            answer["role"],
            answer["name"],
            via_url or server_url,
            answer["token"],
        ).save(data_dir)
        return cls.open(data_dir, clock, timeout=timeout)

    def close(self) -> None:
        self.engine.client.close()
        self.db.close()
