"""The screens' only way to the back end: each call runs on one worker thread, in order, and
its answer comes back on the screen's thread as a queued signal.  The screen never waits.

The first job opens the back end itself (database, sync), so the welcome screen is up before
SQLAlchemy is even imported; calls made meanwhile simply queue behind it.  ``forget()`` drops
the answers of calls made before it — after an idle reset the last patient's results must not
appear on the next patient's screen."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

OnOk = Callable[[Any], None]
OnError = Callable[[BaseException], None]


class Bridge(QObject):
    ready = Signal()
    failed = Signal(str)
    _answer = Signal(object, object, object, object, int)  # on_ok, on_error, result, error, gen

    def __init__(self, opener: Callable[[], Any]) -> None:
        super().__init__()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kiosk-backend")
        self._generation = 0
        self.runtime: Any = None
        self._answer.connect(self._deliver)
        self._opener = opener

    def start(self) -> None:
        self._pool.submit(self._open)

    def _open(self) -> None:
        try:
            self.runtime = self._opener()
        except BaseException as exc:  # shown on screen; the kiosk keeps running
            log.exception("kiosk back end failed to open")
            self.failed.emit(str(exc))
            return
        self.ready.emit()

    @property
    def is_ready(self) -> bool:
        return self.runtime is not None

    def call(
        self,
        fn: Callable[[Any], Any],
        on_ok: OnOk | None = None,
        on_error: OnError | None = None,
    ) -> Future[Any]:
        """Run ``fn(backend)`` on the worker; deliver its result or exception."""
        gen = self._generation

        def job() -> Any:
            if self.runtime is None:
                raise RuntimeError("the kiosk back end is not open")
            return fn(self.runtime.backend)

        future = self._pool.submit(job)

        def done(f: Future[Any]) -> None:
            error = f.exception()
            self._answer.emit(on_ok, on_error, None if error else f.result(), error, gen)

        future.add_done_callback(done)
        return future

    def _deliver(
        self,
        on_ok: OnOk | None,
        on_error: OnError | None,
        result: Any,
        error: BaseException | None,
        gen: int,
    ) -> None:
        if gen != self._generation:
            return
        if error is not None:
            if on_error is not None:
                on_error(error)
            else:
                log.error("kiosk call failed: %s", type(error).__name__)
        elif on_ok is not None:
            on_ok(result)

    def forget(self) -> None:
        self._generation += 1

    def wait_idle(self, timeout: float = 10.0) -> None:
        """Block until every queued call has run (tests, shutdown)."""
        self._pool.submit(lambda: None).result(timeout)

    def close(self) -> None:
        self._pool.shutdown(wait=True)
        if self.runtime is not None:
            self.runtime.close()
            self.runtime = None
