"""Request bodies within their limit, checked while they stream in — before a route, before
authentication, whatever the client says of the length (chunked bodies included).  A body over
its limit is answered 413 as soon as its bytes pass the limit; the rest is never read."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import orjson

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SMALL = 16 * 1024  # enrolling, signing in, a heartbeat, a lease
DEFAULT = 2 * 1024 * 1024  # reference data from the director's console
SMALL_PATHS = (
    "/api/v1/devices/enroll",
    "/api/v1/devices/heartbeat",
    "/api/v1/staff/sign-in",
    "/sync/v1/tickets/lease",
)


class BodyLimit:
    """ASGI middleware: reads a request's body up to its path's limit, then hands it on."""

    def __init__(self, app: ASGIApp, *, push_limit: int) -> None:
        self.app = app
        self.push_limit = push_limit

    def limit(self, path: str) -> int:
        if path == "/sync/v1/push":
            return self.push_limit
        if path in SMALL_PATHS:
            return SMALL
        return DEFAULT

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        limit = self.limit(scope["path"])
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await _too_large(send, limit)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await _too_large(send, limit)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: a disconnect, when it comes

        await self.app(scope, replay, send)


async def _too_large(send: Send, limit: int) -> None:
    body = orjson.dumps({"detail": f"request body larger than {limit} bytes"})
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"cache-control", b"no-store"),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
