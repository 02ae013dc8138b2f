"""Real processes for sync tests: the server as a subprocess on 127.0.0.1 with a port the
system picks, desks with their own SQLite files enrolled through the real endpoint."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from app import security
from app.clock import Clock
from app.db import Database
from app.models import Department, OutboxEntry, Role, Staff, SyncState
from app.services import Actor, registration
from app.services.registration import PatientForm, RegistrationResult, VisitForm
from app.sync.desk import SyncedDesk
from app.sync.engine import SyncEngine
from app.sync.identity import Identity
from server import db as serverdb
from server.process import ROOT
from server.process import ServerProcess as _ServerProcess

TZ = ZoneInfo("Asia/Shanghai")
DEMO_PASSWORD = "demo-1234"


@functools.lru_cache(maxsize=64)
def _key(staff_id: str) -> bytes:
    return security.staff_key(staff_id, DEMO_PASSWORD)  # argon2id: once a person per run


def sign_in_here(db: Database, staff_id: str, device_id: str, at: str = "") -> None:
    """What a desk's sign-in screen does for a person: their proof, made on this desk."""
    at = at or "2026-11-23T01:00:00Z"
    mac = security.sign_in_mac(_key(staff_id), staff_id, device_id, at)
    db.proofs[staff_id] = {"staff_id": staff_id, "at": at, "mac": mac}


class ServerProcess(_ServerProcess):
    """The server as a child process, with direct access to its database for checks.  The
    kiosks' slow look-up hash runs with 256 KiB instead of 32 MiB (the same code, faster
    tests; bench/kiosk.py measures the real cost)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("settings", {"kiosk_lookup_memory_kib": "256"})
        super().__init__(*args, **kwargs)

    def database(self) -> Database:
        return Database(serverdb.open_engine(self.database_url))


@dataclass
class Desk:
    """One enrolled desk (kiosk or staff) with its own database file and sync engine."""

    name: str
    identity: Identity
    db: Database
    engine: SyncEngine
    clock: Clock

    @classmethod
    def enroll(
        cls,
        server: ServerProcess,
        workdir: Path,
        role: str,
        name: str,
        *,
        base_url: str | None = None,
    ) -> Desk:
        desk = SyncedDesk.enroll(
            workdir, server.url, server.code(role, name), Clock(tz=TZ), via_url=base_url, timeout=5
        )
        return cls(name, desk.identity, desk.db, desk.engine, desk.clock)

    def arrive(
        self, name: str = "赵强", phone: str = "13611112222", *, guide: str = "guide.li"
    ) -> RegistrationResult:
        """A patient registered at this desk by ``guide`` (one local transaction)."""
        with self.db.session() as s:
            return registration.register_arrival(
                s, PatientForm(name, "M", 40, phone), VisitForm(), self.staff(guide), self.clock
            )

    def walk_in(self, dept: str = "IM") -> str:
        """An anonymous walk-in at this desk (privacy notice declined): one transaction, a
        ticket from the desk's leased range; returns the visit id."""
        with self.db.session() as s:
            dept_id = s.scalars(select(Department.id).where(Department.code == dept)).one()
            return registration.register_walk_in(
                s,
                None,
                VisitForm(purpose="consultation", department_id=dept_id),
                self.actor,
                self.clock,
                standalone=False,
            ).visit_id

    def outbox_bodies(self) -> list[dict[str, Any]]:
        """The outbox as push bodies, oldest first (to send by hand)."""
        with self.db.reading() as s:
            return [
                {
                    "mutation_id": e.mutation_id,
                    "device_seq": e.device_seq,
                    "payload": e.payload,
                    "content_hash": e.content_hash,
                }
                for e in s.scalars(select(OutboxEntry).order_by(OutboxEntry.device_seq))
            ]

    def backend(self, desk_name: str = "一楼导医台") -> Any:
        """The staff desk's back end over this desk's database, as ``frontdesk staff`` opens
        it (without its server connection for figures)."""
        from app.services.stages import StageMachine
        from app.staff_backend import StaffBackend

        return StaffBackend(
            self.db,
            self.clock,
            self.identity.device_id,
            StageMachine(),
            desk_name=desk_name,
            standalone=False,
        )

    def point_at(self, url: str) -> None:
        self.engine.client.base_url = url.rstrip("/")

    def sync(self) -> None:
        self.engine.sync_until_idle()

    def staff(self, username: str) -> Actor:
        """``username`` as signed in on this desk (the demo password): their changes carry
        the sign-in proof the server asks for."""
        with self.db.reading() as s:
            st = s.scalars(select(Staff).where(Staff.username == username)).one()
        sign_in_here(self.db, st.id, self.identity.device_id)
        return Actor(self.identity.device_id, st.id)

    def guides(self) -> list[Staff]:
        with self.db.reading() as s:
            return list(
                s.scalars(select(Staff).where(Staff.role == Role.GUIDE).order_by(Staff.username))
            )

    @property
    def actor(self) -> Actor:
        return Actor(self.identity.device_id)

    def kiosk_key(self) -> str:
        with self.db.reading() as s:
            state = s.get(SyncState, 1)
            assert state is not None and state.kiosk_key
            return state.kiosk_key

    def close(self) -> None:
        self.engine.client.close()
        self.db.close()


class DeskMaker:
    """Makes ready desks on one server (enrolled, synced, leases and kiosk key in hand) and
    closes them all at the end."""

    def __init__(self, server: ServerProcess, workdir: Path) -> None:
        self.server, self.workdir = server, workdir
        self.made: list[Desk] = []

    def __call__(self, role: str, name: str) -> Desk:
        desk = Desk.enroll(self.server, self.workdir / name, role, name)
        self.made.append(desk)
        desk.sync()
        if role == "kiosk":
            desk.engine.refresh_kiosk_key()
        desk.engine.ensure_leases()
        return desk

    def close(self) -> None:
        for desk in self.made:
            desk.close()


__all__ = ["ROOT", "Desk", "DeskMaker", "ServerProcess", "sign_in_here"]
