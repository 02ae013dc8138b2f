"""Real processes for sync tests: the server as a subprocess on 127.0.0.1 with a port the
system picks, desks with their own SQLite files enrolled through the real endpoint."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import requests
from sqlalchemy import select

from app.clock import Clock
from app.db import Database, open_database
from app.models import Role, Staff, SyncState
from app.services import Actor
from app.sync.client import SyncClient, enroll
from app.sync.engine import SyncEngine
from app.sync.identity import Identity
from server import db as serverdb
from server.enrollment import create_code

ROOT = Path(__file__).resolve().parent.parent
TZ = ZoneInfo("Asia/Shanghai")


class ServerProcess:
    """``frontdesk server`` in a child process; kill and start it again at will."""

    def __init__(
        self, workdir: Path, database_url: str | None = None, *, demo: bool = True, seed: int = 7
    ) -> None:
        self.workdir = workdir
        workdir.mkdir(parents=True, exist_ok=True)
        self.database_url = database_url or f"sqlite+pysqlite:///{workdir / 'server.db'}"
        self.demo = demo
        self.seed = seed
        self.port = 0
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60) -> ServerProcess:
        port_file = self.workdir / "port"
        port_file.unlink(missing_ok=True)
        cmd = [
            sys.executable,
            "-m",
            "app",
            "--data-dir",
            str(self.workdir),
            "server",
            "--database-url",
            self.database_url,
            "--port",
            str(self.port),
            "--port-file",
            str(port_file),
        ]
        if self.demo:
            cmd += ["--demo", "--seed", str(self.seed)]
        env = {**os.environ, "FRONTDESK_CONFIG": str(self.workdir / "none.toml")}
        with open(self.workdir / "server.out", "ab") as log:  # the child keeps its own copy
            self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=log)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {(self.workdir / 'server.out').read_text()}")
            if port_file.exists():
                self.port = int(port_file.read_text())
                try:
                    if requests.get(self.url + "/api/v1/health", timeout=1).ok:
                        return self
                except requests.RequestException:
                    pass
            time.sleep(0.05)
        raise RuntimeError("server did not start in time")

    def kill(self) -> None:
        """SIGKILL: no goodbye, as when the machine loses power."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()

    def database(self) -> Database:
        return Database(serverdb.open_engine(self.database_url))

    def code(self, role: str, name: str) -> str:
        db = self.database()
        try:
            with db.session() as s:
                return create_code(s, role=role, name=name)
        finally:
            db.close()


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
        answer = enroll(server.url, server.code(role, name))
        identity = Identity(
            answer["device_id"],
            answer["role"],
            answer["name"],
            base_url or server.url,
            answer["token"],
        )
        identity.save(workdir)
        db = open_database(workdir / "frontdesk.db", outbox=True)
        clock = Clock(tz=TZ)
        engine = SyncEngine(
            db, SyncClient(identity.server_url, identity.token, timeout=5), identity, clock
        )
        return cls(name, identity, db, engine, clock)

    def point_at(self, url: str) -> None:
        self.engine.client.base_url = url.rstrip("/")

    def sync(self) -> None:
        self.engine.sync_until_idle()

    def staff(self, username: str) -> Actor:
        with self.db.reading() as s:
            st = s.scalars(select(Staff).where(Staff.username == username)).one()
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
