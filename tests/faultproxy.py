"""A fault-injecting TCP proxy on loopback: between desks and server it drops connections,
delays requests and cuts responses half-way, at rates the test sets."""

from __future__ import annotations

import contextlib
import random
import socket
import threading
from dataclasses import dataclass, field


@dataclass
class Faults:
    drop: float = 0.0  # close the connection instead of forwarding a request
    delay: float = 0.0  # hold a request back 20–200 ms
    cut: float = 0.0  # forward half of a response, then close
    counts: dict[str, int] = field(
        default_factory=lambda: {"drop": 0, "delay": 0, "cut": 0, "connections": 0}
    )


class FaultProxy:
    def __init__(self, upstream_port: int, faults: Faults, seed: int = 1) -> None:
        self.upstream_port = upstream_port
        self.faults = faults
        self.rng = random.Random(seed)
        self.lock = threading.Lock()
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FaultProxy:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.listener.close()

    def _chance(self, p: float) -> bool:
        with self.lock:
            return self.rng.random() < p

    def _count(self, what: str) -> None:
        with self.lock:
            self.faults.counts[what] += 1

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            self._count("connections")
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        try:
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=30)
        except OSError:
            client.close()
            return
        done = threading.Event()

        def close_both() -> None:
            done.set()
            for s in (client, upstream):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()

        def requests_up() -> None:
            try:
                while not done.is_set():
                    data = client.recv(65536)
                    if not data:
                        break
                    if self._chance(self.faults.drop):
                        self._count("drop")
                        break
                    if self._chance(self.faults.delay):
                        self._count("delay")
                        done.wait(self.rng.uniform(0.02, 0.2))
                    upstream.sendall(data)
            except OSError:
                pass
            close_both()

        def responses_down() -> None:
            try:
                while not done.is_set():
                    data = upstream.recv(65536)
                    if not data:
                        break
                    if len(data) > 1 and self._chance(self.faults.cut):
                        self._count("cut")
                        client.sendall(data[: len(data) // 2])
                        break
                    client.sendall(data)
            except OSError:
                pass
            close_both()

        threading.Thread(target=requests_up, daemon=True).start()
        responses_down()
