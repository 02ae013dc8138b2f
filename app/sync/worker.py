"""Runs a desk's sync in the background: a pusher woken by each local commit (and by a timer
while anything waits), a long-polling puller, and a heartbeat — each retrying with
exponential back-off and full jitter.  Nothing here ever blocks the screen's thread."""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from app.sync.client import ProtocolError, SyncError, Unauthorized, Unreachable
from app.sync.engine import SyncEngine
from app.sync.pull import Touched
from app.sync.status import SyncStatus

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Backoff:
    """Full jitter (AWS architecture blog): sleep uniformly in [0, min(cap, base·2^n)]."""

    base: float = 0.5
    cap: float = 30.0

    def delay(self, failures: int, rng: random.Random | None = None) -> float:
        ceiling = min(self.cap, self.base * (2 ** min(failures, 16)))
        return (rng or random).uniform(0, ceiling)


class SyncWorker:
    """Start with ``start()``; call ``poke()`` after a local commit; ``stop()`` on exit.

    ``on_status`` (optional) is called from the worker threads with each new ``SyncStatus``;
    a screen passes a function that hands it to the GUI thread (a Qt signal)."""

    def __init__(
        self,
        engine: SyncEngine,
        *,
        retry_interval: float = 30.0,
        pull_wait: float = 25.0,
        heartbeat_interval: float = 60.0,
        debounce: float = 0.05,
        backoff: Backoff = Backoff(),
        printer_state: Callable[[], str] = lambda: "",
        on_status: Callable[[SyncStatus], None] | None = None,
    ) -> None:
        self.engine = engine
        self.retry_interval = retry_interval
        self.pull_wait = pull_wait
        self.heartbeat_interval = heartbeat_interval
        self.debounce = debounce
        self.backoff = backoff
        self.printer_state = printer_state
        self.on_status = on_status
        self._stop = threading.Event()
        self._wake_push = threading.Event()
        # new departments pulled: lease their ticket numbers now, not at the next heartbeat
        # (a desk enrolled a minute ago could otherwise not give a ticket for that minute)
        self._wake_heartbeat = threading.Event()
        engine.on_pulled.append(self._pulled)
        # called on the pushing thread after a round in which the server answered something
        # (a kiosk drops what it no longer has to send)
        self.after_push: list[Callable[[], object]] = []
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        for name, target in (
            ("sync-push", self._push_loop),
            ("sync-pull", self._pull_loop),
            ("sync-heartbeat", self._heartbeat_loop),
        ):
            t = threading.Thread(target=target, name=name, daemon=True)
            t.start()
            self._threads.append(t)

    def poke(self) -> None:
        """A local change was committed: push soon."""
        self._wake_push.set()

    def _pulled(self, touched: Touched) -> None:
        if "departments" in touched.tables:
            self._wake_heartbeat.set()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake_push.set()
        self._wake_heartbeat.set()
        for t in self._threads:
            t.join(timeout)

    def _report(self) -> None:
        if self.on_status is not None:
            try:
                self.on_status(self.engine.status)
            except Exception:  # a screen's handler must not kill sync
                log.exception("status handler failed")

    def _failed(self, exc: Exception, failures: int) -> float:
        if isinstance(exc, Unauthorized):
            return self.backoff.cap  # revoked: keep trying slowly, the director may undo it
        if isinstance(exc, ProtocolError):
            return self.backoff.cap
        return self.backoff.delay(failures)

    def _push_loop(self) -> None:
        failures = 0
        while not self._stop.is_set():
            # Wake on a poke, or on the timer while anything waits (a failed push is retried
            # without new activity).
            self._wake_push.wait(self.retry_interval)
            self._wake_push.clear()
            if self._stop.is_set():
                break
            self._stop.wait(self.debounce)  # coalesce a burst of commits
            try:
                answered = 0
                while done := self.engine.push_pending():
                    answered += done
                failures = 0
                if answered:
                    self._after_push()
            except (SyncError, OSError) as exc:
                failures += 1
                delay = self._failed(exc, failures)
                log.info("push failed (%s); retrying in %.1f s", type(exc).__name__, delay)
                self._report()
                if self._stop.wait(delay):
                    break
                self._wake_push.set()
                continue
            except Exception:
                log.exception("push failed unexpectedly")
                failures += 1
                self._stop.wait(self.backoff.delay(failures))
                self._wake_push.set()
                continue
            self._report()
            if self.engine.pending_count():
                self._wake_push.set()

    def _after_push(self) -> None:
        for hook in self.after_push:
            try:
                hook()
            except Exception:  # housekeeping must not stop the pushing
                log.exception("after-push step failed")

    def _pull_loop(self) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                _, more = self.engine.pull_once(wait=0 if failures else self.pull_wait)
                failures = 0
                self._report()
                if more:
                    continue
            except (SyncError, OSError) as exc:
                failures += 1
                self._report()
                self._stop.wait(self._failed(exc, failures))
            except Exception:
                log.exception("pull failed unexpectedly")
                failures += 1
                self._stop.wait(self.backoff.delay(failures))

    def _beat(self) -> None:
        self.engine.client.heartbeat(self.printer_state(), self.engine.pending_count())

    def _kiosk_key(self) -> None:
        if self.engine.identity.role == "kiosk":
            self.engine.refresh_kiosk_key()

    def _heartbeat_loop(self) -> None:
        next_forget = 0.0
        while not self._stop.is_set():
            if time.monotonic() >= next_forget:  # local housekeeping, online or not
                next_forget = time.monotonic() + 3600
                try:
                    self.engine.forget_old()
                except Exception:
                    log.exception("forgetting old outbox entries failed")
            # each step on its own (a refused lease never stops the kiosk's day key); none
            # when the server cannot be reached at all
            for step in (self._beat, self.engine.ensure_leases, self._kiosk_key):
                try:
                    step()
                except (Unreachable, OSError):
                    break
                except SyncError:
                    pass
                except Exception:
                    log.exception("heartbeat step failed unexpectedly")
            self._wake_heartbeat.wait(self.heartbeat_interval)
            self._wake_heartbeat.clear()
