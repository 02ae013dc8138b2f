"""Running ``frontdesk server`` as a child process on 127.0.0.1 with a port the system picks:
for ``frontdesk demo`` and for the tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import requests

from app.clock import Clock

ROOT = Path(__file__).resolve().parent.parent


def frontdesk_command() -> list[str]:
    """How to start the ``frontdesk`` command again: the frozen program, or this Python."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "frontdesk"]


class ServerProcess:
    """The server in a child process; ``kill()`` and ``start()`` it again at will (the same
    port is kept after the first start)."""

    def __init__(
        self,
        workdir: Path,
        database_url: str | None = None,
        *,
        demo: bool = True,
        seed: int | None = 7,
        settings: dict[str, str] | None = None,
    ) -> None:
        self.workdir = workdir
        workdir.mkdir(parents=True, exist_ok=True)
        self.database_url = database_url or f"sqlite+pysqlite:///{workdir / 'server.db'}"
        self.demo = demo
        self.seed = seed
        self.settings = settings or {}  # frontdesk.toml keys, given as --set key=value
        self.port = 0
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60) -> ServerProcess:
        port_file = self.workdir / "port"
        port_file.unlink(missing_ok=True)
        cmd = [
            *frontdesk_command(),
            "--data-dir",
            str(self.workdir),
            *(arg for k, v in self.settings.items() for arg in ("--set", f"{k}={v}")),
            "server",
            "--database-url",
            self.database_url,
            "--port",
            str(self.port),
            "--port-file",
            str(port_file),
        ]
        if self.demo:
            cmd.append("--demo")
            if self.seed is not None:
                cmd += ["--seed", str(self.seed)]
        env = {**os.environ, "FRONTDESK_CONFIG": str(self.workdir / "none.toml")}
        with open(self.workdir / "server.out", "ab") as out:  # the child keeps its own copy
            self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=out)
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
        self.stop()
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

    def code(self, role: str, name: str) -> str:
        """A one-time enrollment code, made directly in the server's database."""
        from app.db import Database
        from server import db as serverdb
        from server.enrollment import create_code

        db = Database(serverdb.open_engine(self.database_url))
        try:
            with db.session() as s:
                return create_code(s, role=role, name=name)
        finally:
            db.close()

    def make_follow_ups(self, clock: Clock) -> int:
        """Run the follow-up calls' rules now (the server runs them every 10 minutes), as
        ``server-admin followup-tasks`` does; returns how many calls were made."""
        from app.db import Database
        from server import db as serverdb
        from server.followups import make_tasks

        db = Database(serverdb.open_engine(self.database_url))
        try:
            with db.session() as s:
                done, _ = make_tasks(s, clock)
            return done.made
        finally:
            db.close()
