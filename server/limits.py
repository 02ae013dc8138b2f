"""Request bodies within their limit, checked while they stream in — before a route, before
authentication, whatever the client says of the length (chunked bodies included).  A body over
its limit is answered 413 as soon as its bytes pass the limit; the rest is never read.

Text no database can store is refused here too, for every route at once (422): a NUL
character (PostgreSQL's text cannot hold one) and a lone UTF-16 surrogate (not Unicode)."""

from __future__ import annotations

import re
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
# \u escapes of a high surrogate not followed by a low one, or a low one with no high before
_LONE_SURROGATE = re.compile(
    rb"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
    rb"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)
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
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if b"%00" in scope.get("query_string", b"") or "\x00" in scope.get("path", ""):
            await _unstorable(send)
            return
        if scope["method"] in ("GET", "HEAD", "OPTIONS"):
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
        if unstorable(body):
            await _unstorable(send)
            return
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: a disconnect, when it comes

        await self.app(scope, replay, send)


def unstorable(body: bytes) -> bool:
    """Whether a JSON body holds a NUL character or a lone surrogate (escaped or not)."""
    if b"\x00" in body:
        return True
    if b"\\u" not in body:  # what our desks send: UTF-8, nothing escaped
        return False
    return b"\\u0000" in body or _LONE_SURROGATE.search(body) is not None


async def _unstorable(send: Send) -> None:
    await _answer(send, 422, "text may not hold a NUL character or a lone surrogate")


async def _too_large(send: Send, limit: int) -> None:
    await _answer(send, 413, f"request body larger than {limit} bytes")


async def _answer(send: Send, status: int, detail: str) -> None:
    body = orjson.dumps({"detail": detail})
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"cache-control", b"no-store"),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
