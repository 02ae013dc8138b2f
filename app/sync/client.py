"""The HTTP side of sync: one small client over ``requests`` for the server's endpoints.

Failures come in kinds the caller treats differently:
    Unreachable      no answer, a timeout, 5xx, 429 — retry later (the outcome may be unknown)
    Unauthorized     401/403 — the device was revoked or its token is wrong; stop and say so
    ResyncRequired   410 — start the pull again from the beginning (new epoch or scopes)
    ProtocolError    any other 4xx — a bug in this program: log it, never loop on it
"""

from __future__ import annotations

import datetime as dt
import itertools
import secrets
import ssl
from typing import Any

import requests
import truststore
from requests.adapters import HTTPAdapter

from app import __version__, jsonio


class SyncError(Exception):
    pass


class Unreachable(SyncError):
    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class Unauthorized(SyncError):
    pass


class ResyncRequired(SyncError):
    def __init__(self, detail: dict[str, Any]) -> None:
        super().__init__(detail.get("reason", "resync"))
        self.detail = detail


class ProtocolError(SyncError):
    pass


class SyncClient:
    def __init__(self, base_url: str, token: str, *, timeout: float = 10.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.http = https_session()
        self.http.headers["Authorization"] = f"Bearer {token}"
        self.http.headers["User-Agent"] = f"FrontDesk/{__version__}"
        self.http.headers["Cache-Control"] = "no-cache"  # a cache on the way must ask again
        self._asked = itertools.count(1)
        self._nonce = secrets.token_hex(4) + "-"

    def close(self) -> None:
        self.http.close()

    def _call(
        self, method: str, path: str, *, timeout: float | None = None, **kwargs: Any
    ) -> dict[str, Any]:
        if method == "GET":
            # Every GET a new address: a cache that keeps answers whatever it is told can never
            # hand back an old page (a desk stalled on "nothing new") or an old 410 (a desk
            # starting over and over).  The server ignores the parameter.
            kwargs["params"] = {
                **kwargs.get("params", {}),
                "_": f"{self._nonce}{next(self._asked)}",
            }
        try:
            r = self.http.request(
                method, self.base_url + path, timeout=timeout or self.timeout, **kwargs
            )
        except requests.RequestException as exc:
            raise Unreachable(type(exc).__name__) from None
        if r.status_code in (429, 502, 503, 504) or r.status_code >= 500:
            after = r.headers.get("Retry-After")
            raise Unreachable(
                f"HTTP {r.status_code}", float(after) if after and after.isdigit() else None
            )
        if r.status_code in (401, 403):
            raise Unauthorized(_detail(r))
        if r.status_code == 410:
            detail = r.json().get("detail", {})
            raise ResyncRequired(detail if isinstance(detail, dict) else {})
        if r.status_code >= 400:
            raise ProtocolError(f"HTTP {r.status_code}: {_detail(r)}")
        try:
            return _object(jsonio.loads(r.content))
        except ValueError:
            raise Unreachable("a response cut short") from None

    def push(
        self, mutations: list[dict[str, Any]], batch_id: str = "", released_through: int = 0
    ) -> dict[str, Any]:
        body: dict[str, Any] = {"batch_id": batch_id, "mutations": mutations}
        if released_through:
            body["released_through"] = released_through
        return self._call(
            "POST",
            "/sync/v1/push",
            data=jsonio.dumpb(body),
            headers={"Content-Type": "application/json"},
        )

    def changes(
        self,
        cursor: int,
        *,
        epoch: str = "",
        scope_set: str = "",
        wait: float = 0,
        limit: int = 500,
    ) -> dict[str, Any]:
        params = {
            "cursor": cursor,
            "limit": limit,
            "wait": wait,
            "epoch": epoch,
            "scope_set": scope_set,
        }
        return self._call("GET", "/sync/v1/changes", params=params, timeout=wait + self.timeout)

    def lease(self, department_id: str, day: dt.date, count: int) -> dict[str, Any]:
        return self._call(
            "POST",
            "/sync/v1/tickets/lease",
            json={"department_id": department_id, "day": day.isoformat(), "count": count},
        )

    def me(self) -> dict[str, Any]:
        return self._call("GET", "/api/v1/devices/me")

    def heartbeat(self, printer_state: str = "", pending_changes: int = 0) -> dict[str, Any]:
        return self._call(
            "POST",
            "/api/v1/devices/heartbeat",
            json={
                "program_version": __version__,
                "printer_state": printer_state,
                "pending_changes": pending_changes,
            },
        )

    def survey_report(
        self, first_day: dt.date, last_day: dt.date, by: str | None
    ) -> dict[str, Any]:
        params = {"first_day": first_day.isoformat(), "last_day": last_day.isoformat()}
        if by:
            params["by"] = by
        return self._call("GET", "/api/v1/reports/survey", params=params)

    def audit_access(self, staff_token: str, params: dict[str, Any]) -> dict[str, Any]:
        headers = {"X-Staff-Token": staff_token}
        return self._call("GET", "/api/v1/audit/access", params=params, headers=headers)

    def audit_chain(self, staff_token: str) -> dict[str, Any]:
        headers = {"X-Staff-Token": staff_token}
        return self._call("GET", "/api/v1/audit/chain", headers=headers, timeout=120)

    def sign_in(self, username: str, password: str) -> dict[str, Any]:
        return self._call(
            "POST", "/api/v1/staff/sign-in", json={"username": username, "password": password}
        )


class PlatformTrust(HTTPAdapter):
    """HTTPS verified against the platform's own trust store (Windows' certificate store,
    macOS' keychain, the system's CA files on Linux) through truststore, not certifi's public
    bundle: a hospital that inspects traffic with its own certificate authority, installed
    on its PCs, is trusted as the PCs' browsers trust it."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ssl_context"] = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        super().init_poolmanager(*args, **kwargs)

    def proxy_manager_for(self, proxy: str, **kwargs: Any) -> Any:
        kwargs["ssl_context"] = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        return super().proxy_manager_for(proxy, **kwargs)

    def cert_verify(self, conn: Any, url: str, verify: Any, cert: Any) -> None:
        super().cert_verify(conn, url, verify, cert)
        if verify is True:  # not certifi's bundle on top: the platform's store decides
            conn.ca_certs = None
            conn.ca_cert_dir = None


def https_session() -> requests.Session:
    """A session for the server: every HTTPS call trusts what the platform trusts."""
    session = requests.Session()
    session.mount("https://", PlatformTrust())
    return session


def enroll(base_url: str, code: str, *, timeout: float = 10.0) -> dict[str, Any]:
    """Exchange an enrollment code for a device token (no token needed for this one call)."""
    try:
        with https_session() as http:
            r = http.post(
                base_url.rstrip("/") + "/api/v1/devices/enroll",
                json={"code": code},
                timeout=timeout,
            )
    except requests.RequestException as exc:
        raise Unreachable(type(exc).__name__) from None
    if r.status_code >= 400:
        raise Unauthorized(_detail(r)) if r.status_code in (401, 403) else ProtocolError(_detail(r))
    try:
        return _object(r.json())
    except ValueError:
        raise ProtocolError("the server's answer is not JSON") from None


def _object(answer: Any) -> dict[str, Any]:
    """Every answer of the server is a JSON object; anything else is a protocol error."""
    if not isinstance(answer, dict):
        raise ProtocolError("the server's answer is not a JSON object")
    return answer


def _detail(r: requests.Response) -> str:
    try:
        detail = r.json().get("detail", "")
    except ValueError:
        detail = r.text[:200]
    return str(detail)[:300]
