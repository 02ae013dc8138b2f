"""A badly behaved caching HTTP proxy on loopback: it keeps every GET answer — 200 or 410 —
by its full address and hands it back for as long as it runs, whatever the headers say.
The kind of cache that stalled or looped other offline-first clients (docs/sync.md §9,
scenario 26)."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import requests

HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding"}


class CachingProxy:
    def __init__(self, upstream: str) -> None:
        self.upstream = upstream.rstrip("/")
        self.cache: dict[str, tuple[int, list[tuple[str, str]], bytes]] = {}
        self.hits = 0
        self.cache_control: set[str] = set()
        self.lock = threading.Lock()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_: object) -> None:
                pass

            def _answer(self, status: int, headers: list[tuple[str, str]], body: bytes) -> None:
                self.send_response(status)
                for k, v in headers:
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _forward(self, method: str) -> tuple[int, list[tuple[str, str]], bytes]:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP}
                r = requests.request(
                    method, proxy.upstream + self.path, headers=headers, data=body, timeout=60
                )
                with proxy.lock:
                    proxy.cache_control.add(r.headers.get("Cache-Control", ""))
                kept = [(k, v) for k, v in r.headers.items() if k.lower() not in HOP]
                return r.status_code, kept, r.content

            def do_GET(self) -> None:
                with proxy.lock:
                    cached = proxy.cache.get(self.path)
                    if cached is not None:
                        proxy.hits += 1
                if cached is None:
                    cached = self._forward("GET")
                    if cached[0] in (200, 410):
                        with proxy.lock:
                            proxy.cache[self.path] = cached
                self._answer(*cached)

            def do_POST(self) -> None:
                self._answer(*self._forward("POST"))

            def do_PUT(self) -> None:
                self._answer(*self._forward("PUT"))

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> CachingProxy:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.server.shutdown()
        self.server.server_close()
