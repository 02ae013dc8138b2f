"""The screens' only way to the back end: each call runs on one worker thread, in order, and
its answer comes back on the screen's thread as a queued signal.  The screen never waits.

The first job opens the back end itself (database, sync), so the welcome screen is up before
SQLAlchemy is even imported; calls made meanwhile simply queue behind it.  ``forget()`` drops
the answers of calls made before it — after an idle reset the last patient's results must not
appear on the next patient's screen."""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

log = logging.getLogger(__name__)

OnOk = Callable[[Any], None]
OnError = Callable[[BaseException], None]


@dataclass(frozen=True)
class _Answer:
    on_ok: OnOk | None
    on_error: OnError | None
    result: Any
    error: BaseException | None
    generation: int


class Bridge(QObject):
    """``ready`` and ``failed`` are emitted on the screen's thread.

    No thread but the screen's ever calls into Qt here: with PySide6 6.12, a signal emitted,
    an event posted or a method invoked from a Python thread corrupts the reference counts of
    True/False/None until the process dies (tests/test_kiosk.py keeps count).  Worker threads
    only put work in a queue; the screen's thread drains it on a timer — every 5 ms while an
    answer is awaited, every 100 ms otherwise (sync status, start-up)."""

    FAST_MS = 5
    SLOW_MS = 100

    ready = Signal()
    failed = Signal(str)

    def __init__(self, opener: Callable[[], Any], name: str = "kiosk") -> None:
        super().__init__()
        self.name = name
        self._pool_: ThreadPoolExecutor | None = None
        self._slow_pool: ThreadPoolExecutor | None = None  # calls that wait on the network
        self._generation = 0
        self.runtime: Any = None
        # filled by any thread, emptied by the screen's (deque's append and popleft are atomic)
        self._todo: deque[Callable[[], None]] = deque()
        self._awaited = 0  # calls whose answer has not been delivered (screen's thread only)
        self._opener = opener
        self._closed = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._drain)
        self._timer.start(self.FAST_MS)

    @property
    def _pool(self) -> ThreadPoolExecutor:
        """The worker, made with the first job (its module is not needed for the first
        screen)."""
        if self._pool_ is None:
            from concurrent.futures import ThreadPoolExecutor

            self._pool_ = ThreadPoolExecutor(
                max_workers=1, thread_name_prefix=f"{self.name}-backend"
            )
        return self._pool_

    def post(self, fn: Callable[[], None]) -> None:
        """Run ``fn`` on the screen's thread, soon; callable from any thread."""
        self._todo.append(fn)

    def _drain(self) -> None:
        while True:
            try:
                fn = self._todo.popleft()
            except IndexError:
                break
            fn()
        interval = self.FAST_MS if self._awaited or self.runtime is None else self.SLOW_MS
        if self._timer.interval() != interval:
            self._timer.setInterval(interval)

    def start(self) -> None:
        self._pool.submit(self._open)

    def _open(self) -> None:
        try:
            self.runtime = self._opener()
        except BaseException as exc:  # shown on screen; the kiosk keeps running
            log.exception("%s back end failed to open", self.name)
            reason = str(exc)
            self.post(lambda: self.failed.emit(reason))
            return
        self.post(self.ready.emit)

    @property
    def is_ready(self) -> bool:
        return self.runtime is not None

    def call(
        self,
        fn: Callable[[Any], Any],
        on_ok: OnOk | None = None,
        on_error: OnError | None = None,
        *,
        slow: bool = False,
    ) -> Future[Any]:
        """Run ``fn(backend)`` on the worker; deliver its result or exception.  ``slow``: a
        call that may wait seconds on the central server (figures over every desk) runs on a
        worker of its own, so that no guide's next key waits behind it."""
        gen = self._generation
        if self._closed:  # a timer that fired while the window closed: nothing to do
            from concurrent.futures import Future

            cancelled: Future[Any] = Future()
            cancelled.cancel()
            return cancelled

        def job() -> Any:
            if self.runtime is None:
                raise RuntimeError(f"the {self.name} back end is not open")
            return fn(self.runtime.backend)

        if slow and self._slow_pool is None:
            from concurrent.futures import ThreadPoolExecutor

            self._slow_pool = ThreadPoolExecutor(
                max_workers=1, thread_name_prefix=f"{self.name}-server"
            )
        pool = self._slow_pool if slow and self._slow_pool is not None else self._pool
        future = pool.submit(job)
        self._awaited += 1
        if self._timer.interval() != self.FAST_MS:
            self._timer.setInterval(self.FAST_MS)

        def done(f: Future[Any]) -> None:
            error = f.exception()
            answer = _Answer(on_ok, on_error, None if error else f.result(), error, gen)
            self.post(lambda: self._deliver(answer))

        future.add_done_callback(done)
        return future

    def _deliver(self, answer: _Answer) -> None:
        self._awaited -= 1
        if answer.generation != self._generation:
            return
        if answer.error is not None:
            if answer.on_error is not None:
                answer.on_error(answer.error)
            else:
                log.error("%s call failed: %s", self.name, type(answer.error).__name__)
        elif answer.on_ok is not None:
            answer.on_ok(answer.result)

    def forget(self) -> None:
        self._generation += 1

    def wait_idle(self, timeout: float = 10.0) -> None:
        """Block until every queued call has run, then deliver the answers (tests)."""
        self._pool.submit(lambda: None).result(timeout)
        if self._slow_pool is not None:
            self._slow_pool.submit(lambda: None).result(timeout)
        self._drain()

    def close(self) -> None:
        self._closed = True
        self._timer.stop()
        for pool in (self._slow_pool, self._pool_):
            if pool is not None:
                pool.shutdown(wait=True)
        if self.runtime is not None:
            self.runtime.close()
            self.runtime = None
