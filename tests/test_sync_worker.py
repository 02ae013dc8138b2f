"""The background sync worker: retries by timer, pulls while pushes fail, backs off."""

from __future__ import annotations

import random
import time

import pytest
from sqlalchemy import select

from app.models import OutboxEntry, Visit
from app.sync.worker import Backoff, SyncWorker

from .harness import Desk


def test_full_jitter_backoff_stays_within_its_ceiling() -> None:
    b = Backoff(base=0.5, cap=30)
    rng = random.Random(1)
    for failures in range(40):
        ceiling = min(30, 0.5 * 2**failures)
        samples = [b.delay(failures, rng) for _ in range(200)]
        assert all(0 <= d <= ceiling for d in samples)
        assert max(samples) > ceiling * 0.8  # it does spread to the ceiling


def _wait_until(predicate, timeout: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def server(sqlite_server):
    return sqlite_server


def test_a_failed_push_is_retried_by_the_timer_without_new_activity(server, tmp_path) -> None:
    kiosk = Desk.enroll(server, tmp_path / "k", "kiosk", "lobby")
    kiosk.sync()
    kiosk.engine.ensure_leases()
    worker = SyncWorker(
        kiosk.engine, retry_interval=0.3, pull_wait=1, backoff=Backoff(base=0.05, cap=0.3)
    )
    kiosk.db.on_queued.append(worker.poke)
    server.kill()
    worker.start()
    try:
        kiosk.walk_in()  # pokes the worker; the push fails (server down)
        assert _wait_until(lambda: not kiosk.engine.status.online)
        assert kiosk.engine.pending_count() == 1
        server.start()  # nobody touches the kiosk again
        assert _wait_until(lambda: kiosk.engine.pending_count() == 0)
        assert kiosk.engine.status.online
    finally:
        worker.stop()
        kiosk.close()


def test_a_stuck_push_does_not_stop_pulls(server, tmp_path) -> None:
    a = Desk.enroll(server, tmp_path / "a", "staff", "desk-a")
    kiosk = Desk.enroll(server, tmp_path / "k", "kiosk", "lobby")
    for d in (a, kiosk):
        d.sync()
        d.engine.ensure_leases()
    # a's next mutation is numbered past a gap: the server defers it for ever
    a.walk_in()
    with a.db.session(record=False) as s:
        s.scalars(select(OutboxEntry)).one().device_seq = 7
    worker = SyncWorker(
        a.engine, retry_interval=0.2, pull_wait=2, backoff=Backoff(base=0.05, cap=0.2)
    )
    worker.start()
    try:
        visit_id = kiosk.walk_in()
        kiosk.engine.push_once()
        assert _wait_until(lambda: _has_visit(a, visit_id))
        assert a.engine.pending_count() == 1
    finally:
        worker.stop()
        a.close()
        kiosk.close()


def _has_visit(desk: Desk, visit_id: str) -> bool:
    with desk.db.reading() as s:
        return s.get(Visit, visit_id) is not None
