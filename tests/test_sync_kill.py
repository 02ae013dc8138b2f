"""A desk killed (SIGKILL) while writing and syncing loses no committed change."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from app.models import OutboxEntry, Visit, VisitEvent

from .harness import ROOT, Desk, ServerProcess


def test_a_desk_killed_mid_write_and_mid_sync_loses_nothing(tmp_path: Path) -> None:
    server = ServerProcess(tmp_path / "server").start()
    workdir = tmp_path / "kiosk"
    kiosk = Desk.enroll(server, workdir, "kiosk", "lobby-1")
    kiosk.sync()
    kiosk.engine.ensure_leases()
    kiosk.close()
    rng = random.Random(3)
    try:
        for _round in range(3):
            child = subprocess.Popen(
                [sys.executable, "-m", "tests.desk_child", str(workdir)],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            assert child.stdout is not None
            assert child.stdout.readline().strip() == b"ready"
            time.sleep(rng.uniform(0.4, 1.2))
            os.kill(child.pid, signal.SIGKILL)
            child.wait(10)
            child.stdout.close()
            assert child.stderr is not None
            errors = child.stderr.read().decode()
            child.stderr.close()
            assert "Traceback" not in errors, errors
            con = sqlite3.connect(workdir / "frontdesk.db")
            assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            con.close()
        from app.clock import Clock
        from app.db import open_database
        from app.sync.client import SyncClient
        from app.sync.engine import SyncEngine
        from app.sync.identity import Identity

        identity = Identity.load(workdir)
        db = open_database(workdir / "frontdesk.db", outbox=True)
        engine = SyncEngine(db, SyncClient(identity.server_url, identity.token), identity, Clock())
        with db.reading() as s:
            committed = set(s.scalars(select(Visit.id)))
            entries = s.scalars(select(OutboxEntry)).all()
            # every committed visit has its outbox entry: written in the same transaction
            queued = {op["id"] for e in entries for op in e.payload["ops"] if op["t"] == "visits"}
            assert queued == committed
            assert s.scalar(select(func.count()).select_from(VisitEvent)) == len(committed)
        assert len(committed) > 50
        engine.sync_until_idle()
        assert engine.pending_count() == 0
        db.close()
        sdb = server.database()
        with sdb.reading() as s:
            on_server = set(s.scalars(select(Visit.id)))
            assert s.scalar(select(func.count()).select_from(Visit)) == len(on_server)
        sdb.close()
        assert on_server == committed
        print(f"\nkill test: {len(committed)} visits committed across 3 kills, all on the server")
    finally:
        server.stop()
