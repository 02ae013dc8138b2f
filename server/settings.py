"""Server settings: a database URL and where to listen.  Refuses what would be unsafe."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from app.config import DEFAULT_IN_VISIT, default_data_dir


@dataclass(frozen=True)
class ServerSettings:
    # sqlite:///path (embedded, one process) or postgresql+psycopg://user@host/db (production)
    database_url: str = ""
    host: str = "127.0.0.1"
    port: int = 8470
    timezone: str = "Asia/Shanghai"
    enrollment_code_hours: int = 24
    staff_session_hours: int = 12
    lockout_failures: int = 5
    lockout_minutes: int = 15
    max_batch: int = 500
    max_batch_bytes: int = 1024 * 1024
    max_wait_s: float = 25.0
    recheck_s: float = 2.0
    # the change log keeps every change this long, then only each entity's latest (retention.py)
    retention_days: int = 30
    prune_every_h: float = 6.0
    # the follow-up calls' rules run this often (and at start): server/followups.py
    followup_every_min: float = 10.0
    allow_plain_http_remote: bool = field(default=False)
    # the kiosks' slow look-up hash (argon2id): passes and memory; lower only for tests
    kiosk_lookup_passes: int = 2
    kiosk_lookup_memory_kib: int = 32 * 1024
    # the hospital's stages between registration and departure (a desk's events name them)
    in_visit_stages: tuple[str, ...] = DEFAULT_IN_VISIT

    def lookup_cost(self) -> str:
        """The kiosks' slow look-up hash as server_meta keeps it: "passes:KiB"."""
        return f"{self.kiosk_lookup_passes}:{self.kiosk_lookup_memory_kib}"

    def stages(self) -> frozenset[str]:
        from app.services.stages import FIXED

        return frozenset((*FIXED, *self.in_visit_stages))

    def resolved_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite+pysqlite:///{default_data_dir() / 'server' / 'frontdesk-server.db'}"

    def check(self) -> ServerSettings:
        loopback = self.host in ("127.0.0.1", "localhost", "::1")
        if (
            not loopback
            and not self.allow_plain_http_remote
            and not os.environ.get("FRONTDESK_BEHIND_TLS_PROXY")
        ):
            raise ValueError(
                "refusing to serve plain HTTP beyond this machine: put the server behind a TLS "
                "proxy and set FRONTDESK_BEHIND_TLS_PROXY=1"
            )
        if self.resolved_url().startswith("sqlite"):
            Path(self.resolved_url().split("///", 1)[1]).parent.mkdir(parents=True, exist_ok=True)
        return self
