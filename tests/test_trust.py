"""HTTPS through a hospital's own certificate authority: trusted when the platform trusts it
(truststore), as the PCs' browsers do — not only when certifi's public bundle does."""

from __future__ import annotations

import contextlib
import socket
import ssl
import subprocess
import threading
from pathlib import Path

import pytest
import requests

from app.sync import client as sync_client

from .harness import Desk, ServerProcess


def _hospital_ca(where: Path) -> tuple[Path, Path, Path]:
    """A certificate authority of the hospital's and a certificate it signed for localhost."""

    def openssl(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=where, check=True, capture_output=True)

    openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-subj",
        "/CN=Hospital IT Root CA",
    )
    openssl(
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "srv.key",
        "-out",
        "srv.csr",
        "-subj",
        "/CN=localhost",
    )
    (where / "san.ext").write_text("subjectAltName=DNS:localhost,IP:127.0.0.1\n")
    openssl(
        "x509",
        "-req",
        "-in",
        "srv.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "2",
        "-out",
        "srv.pem",
        "-extfile",
        "san.ext",
    )
    return where / "ca.pem", where / "srv.pem", where / "srv.key"


class TlsProxy:
    """TLS in front of the server, as a hospital's reverse proxy terminates it."""

    def __init__(self, backend_port: int, cert: Path, key: Path) -> None:
        self.backend_port = backend_port
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(cert, key)
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.stopped = False
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while not self.stopped:
            try:
                raw, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._one, args=(raw,), daemon=True).start()

    def _one(self, raw: socket.socket) -> None:
        try:
            front = self.context.wrap_socket(raw, server_side=True)
        except (ssl.SSLError, OSError):
            raw.close()  # a client that does not trust us hangs up during the handshake
            return
        back = socket.create_connection(("127.0.0.1", self.backend_port))
        threading.Thread(target=self._pipe, args=(back, front), daemon=True).start()
        self._pipe(front, back)

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()

    def close(self) -> None:
        self.stopped = True
        self.sock.close()


def test_enrolment_and_sync_through_the_hospitals_own_ca(
    sqlite_server: ServerProcess, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ca, cert, key = _hospital_ca(tmp_path)
    proxy = TlsProxy(sqlite_server.port, cert, key)
    url = f"https://localhost:{proxy.port}"
    try:
        with requests.Session() as plain, pytest.raises(requests.exceptions.SSLError):
            plain.get(url + "/api/v1/health", timeout=5)  # certifi's bundle: not trusted
        # the platform's store holds the hospital's CA (OpenSSL's SSL_CERT_FILE on Linux;
        # on Windows the CA is in the machine's certificate store, which truststore reads)
        monkeypatch.setenv("SSL_CERT_FILE", str(ca))
        with sync_client.https_session() as trusting:
            assert trusting.get(url + "/api/v1/health", timeout=5).ok
        desk = Desk.enroll(sqlite_server, tmp_path / "desk", "staff", "tls", base_url=url)
        try:
            desk.sync()
            assert desk.engine.status.online
            assert desk.engine.client.base_url.startswith("https://")
        finally:
            desk.close()
    finally:
        proxy.close()
