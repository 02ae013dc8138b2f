"""Waking parked long-polls when the change log grows: in-process for one server, through
PostgreSQL LISTEN/NOTIFY across several."""

from __future__ import annotations

import asyncio
import logging
import threading

log = logging.getLogger(__name__)
CHANNEL = "frontdesk_sync"


class ChangeNotifier:
    """Holds the highest sequence number announced; waiters sleep until it passes theirs."""

    def __init__(self) -> None:
        self.latest = 0
        self.revoked: set[str] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._cond: asyncio.Condition | None = None

    def bind(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._cond = asyncio.Condition()

    async def _bump(self, seq: int) -> None:
        assert self._cond is not None
        async with self._cond:
            if seq > self.latest:
                self.latest = seq
            self._cond.notify_all()

    def notify(self, seq: int | None) -> None:
        """Safe from any thread (a push handler, the PostgreSQL listener)."""
        if seq is None or self._loop is None or self._loop.is_closed():
            return
        asyncio.run_coroutine_threadsafe(self._bump(seq), self._loop)

    def revoke(self, device_id: str) -> None:
        """Wake the device's waiting long-polls at once: they look, find it revoked, and
        end with nothing delivered (other server processes find it at their next look)."""
        self.revoked.add(device_id)
        self.notify(self.latest)

    async def wait(self, beyond: int, timeout: float, device_id: str = "") -> bool:
        """True as soon as something past ``beyond`` is announced (or ``device_id`` is
        revoked), False after ``timeout``."""
        assert self._cond is not None
        async with self._cond:
            try:
                await asyncio.wait_for(
                    self._cond.wait_for(lambda: self.latest > beyond or device_id in self.revoked),
                    timeout=timeout,
                )
            except TimeoutError:
                return False
        return True


class PostgresListener(threading.Thread):
    """LISTENs on a dedicated connection and passes each NOTIFY to the notifier; reconnects
    with a pause when the connection drops (the waiters' periodic re-check covers the gap)."""

    def __init__(self, dsn: str, notifier: ChangeNotifier) -> None:
        super().__init__(name="pg-listener", daemon=True)
        self.dsn = dsn
        self.notifier = notifier
        self.stopping = threading.Event()
        self.connected = threading.Event()

    def run(self) -> None:
        import psycopg

        while not self.stopping.is_set():
            try:
                with psycopg.connect(self.dsn, autocommit=True) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self.connected.set()
                    while not self.stopping.is_set():
                        for note in conn.notifies(timeout=1.0):
                            try:
                                self.notifier.notify(int(note.payload))
                            except ValueError:
                                log.warning("ignored a malformed sync notification")
            except Exception as exc:  # the database went away: wait, then listen again
                self.connected.clear()
                log.warning("sync listener lost its connection (%s); retrying", type(exc).__name__)
                self.stopping.wait(1.0)

    def stop(self) -> None:
        self.stopping.set()
