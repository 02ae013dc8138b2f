"""The FastAPI application: ``create_app(settings)``; ``run(settings)`` serves it."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError
from starlette.concurrency import run_in_threadpool

from app import __version__
from app.db import Database
from server import calendar, followups
from server import db as serverdb
from server.deps import DeviceCaller
from server.limits import BodyLimit
from server.routes import admin, audit, devices, health, reports, staff, sync
from server.schemas import install_openapi
from server.settings import ServerSettings
from server.state import ServerState
from server.sync import push, retention
from server.sync.notify import PostgresListener

log = logging.getLogger(__name__)


async def _now_and_then(
    state: ServerState,
    first_s: float,
    every_s: Callable[[], float],
    job: Callable[[ServerState], int | None],
    what: str,
) -> None:
    """``job`` off the event loop, ``first_s`` after start-up and then every ``every_s()``
    seconds; the change log's top it returns is announced.  A failure is logged and the job
    tried again at its next turn."""
    delay = first_s
    while True:
        await asyncio.sleep(delay)
        delay = every_s()
        try:
            state.notifier.notify(await run_in_threadpool(job, state))
        except Exception:
            log.exception("%s failed; tried again later", what)


def _prune(state: ServerState) -> int | None:
    """The change log's retention (server/sync/retention.py), and the refusal of mutations that
    waited in vain for a row (server/sync/waiting.py)."""
    retention.prune(
        state.db,
        now=state.clock.now(),
        today=state.clock.today(),
        days=state.settings.retention_days,
    )
    _, top = push.expire_waiting(state.db, state.clock.today())
    return top


def _make_follow_ups(state: ServerState) -> int | None:
    """The follow-up calls' rules (server/followups.py)."""
    with state.db.session() as s:
        _, top = followups.make_tasks(s, state.clock)
    return top


def create_app(settings: ServerSettings, *, migrate: bool = True) -> FastAPI:
    settings.check()
    url = settings.resolved_url()
    if migrate:
        serverdb.upgrade(url)
    state = ServerState.create(Database(serverdb.open_engine(url)), settings)
    with state.db.session() as s:
        serverdb.set_lookup_cost(s, settings.lookup_cost())
    try:
        with state.db.session() as s:
            added = calendar.seed(s, state.clock)  # a new year, when the library brings one
    except IntegrityError:  # SQLite: another process seeded it this moment
        added = ()
    if added:
        log.info("working calendar seeded for %s", ", ".join(map(str, added)))

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        state.notifier.bind(asyncio.get_running_loop())
        listener = None
        if state.db.engine.dialect.name == "postgresql":
            dsn = state.db.engine.url.set(drivername="postgresql").render_as_string(
                hide_password=False
            )
            listener = PostgresListener(dsn, state.notifier)
            listener.start()
        log.info("server started (%s)", state.db.engine.dialect.name)
        pruning = asyncio.create_task(
            _now_and_then(
                state, 60.0, lambda: settings.prune_every_h * 3600, _prune, "pruning the change log"
            )
        )
        calling = asyncio.create_task(
            _now_and_then(
                state,
                5.0,
                lambda: settings.followup_every_min * 60,
                _make_follow_ups,
                "making the follow-up calls",
            )
        )
        yield
        pruning.cancel()
        calling.cancel()
        if listener is not None:
            listener.stop()
        state.db.close()

    # Only /api/v1/health answers without a credential: the OpenAPI schema is served to
    # enrolled devices (and their developers) at /api/v1/openapi.json, no open docs pages.
    app = FastAPI(
        title="FrontDesk server",
        version=__version__,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.state.frontdesk = state

    @app.get("/api/v1/openapi.json", include_in_schema=False)
    def openapi(caller: DeviceCaller) -> dict[str, object]:
        return app.openapi()

    @app.middleware("http")
    async def no_store(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        """Tell every cache on the way to keep nothing — a stale page or a replayed 410
        would stall a desk or loop it (docs/sync.md §9, scenario 26)."""
        response = await call_next(request)
        response.headers["Cache-Control"] = "no-store"
        return response

    # outermost: a body over its limit is refused while it streams, before anything else
    app.add_middleware(BodyLimit, push_limit=settings.max_batch_bytes)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        """What was wrong, without echoing what was sent: it may be a patient's name, or
        text that is not even valid Unicode (a lone surrogate)."""
        errors = [
            {
                "loc": [str(part) for part in e.get("loc", ())],
                "msg": str(e.get("msg", "")),
                "type": str(e.get("type", "")),
            }
            for e in exc.errors()[:20]
        ]
        return JSONResponse({"detail": errors}, status_code=422)

    for module in (health, devices, staff, sync, admin, reports, audit):
        app.include_router(module.router)
    install_openapi(app)
    return app


def run(settings: ServerSettings, *, port_file: str | None = None) -> None:
    """Serve until stopped.  With port 0 the system picks a free port; ``port_file`` then
    receives the port actually bound (tests and ``frontdesk demo`` read it)."""
    import gc
    import os
    import socket

    import uvicorn

    app = create_app(settings)
    family = socket.AF_INET6 if ":" in settings.host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # no 40 ms Nagle stalls
    sock.bind((settings.host, settings.port))
    port = sock.getsockname()[1]
    if port_file:
        tmp = f"{port_file}.tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(str(port))
        os.replace(tmp, port_file)
    log.info("listening on %s:%s", settings.host, port)
    # What start-up made lives as long as the server: out of the collector's full passes,
    # which then walk only what requests make (the push path allocates much and often).
    gc.collect()
    gc.freeze()
    config = uvicorn.Config(app, log_level="warning", timeout_graceful_shutdown=2, access_log=False)
    uvicorn.Server(config).run(sockets=[sock])
