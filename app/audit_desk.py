"""The auditor's desk: the access log as the central server keeps it — searched by person,
patient, action and day, its hash chain checked, exported to a file.  The log is never copied
to a desk; an auditor's desk asks the server each time, under the auditor's own server
session (signed in on the server as they sign in at the desk)."""

from __future__ import annotations

import csv
import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.errors import FrontDeskError
from app.sync.client import SyncClient, SyncError

log = logging.getLogger(__name__)
PAGE = 200
EXPORT_PAGE = 500


class AuditOffline(FrontDeskError):
    code = "audit_offline"


@dataclass(frozen=True)
class AccessQuery:
    first_day: dt.date
    last_day: dt.date
    staff_id: str | None = None
    patient_id: str | None = None
    phone: str | None = None  # a full mobile number: the server finds the patient
    action: str | None = None

    def params(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "first_day": self.first_day.isoformat(),
            "last_day": self.last_day.isoformat(),
        }
        for key in ("staff_id", "patient_id", "phone", "action"):
            value = getattr(self, key)
            if value:
                out[key] = value
        return out


@dataclass(frozen=True)
class AccessLine:
    at: dt.datetime
    staff_name: str
    desk: str
    action: str
    what: str
    patient: str  # masked
    patient_id: str | None
    visit_id: str | None
    ref_id: str | None
    purpose: str
    found: int | None


@dataclass(frozen=True)
class AccessPage:
    total: int
    offset: int
    lines: list[AccessLine]


@dataclass(frozen=True)
class ChainState:
    links: int
    head_seq: int
    head_hash: str
    intact: bool
    problems: list[str]


def _line(row: dict[str, Any]) -> AccessLine:
    return AccessLine(
        at=dt.datetime.fromisoformat(row["at"]),
        staff_name=row.get("staff_name") or "",
        desk=row.get("desk") or "",
        action=row["action"],
        what=row["what"],
        patient=row.get("patient") or "",
        patient_id=row.get("patient_id"),
        visit_id=row.get("visit_id"),
        ref_id=row.get("ref_id"),
        purpose=row.get("purpose") or "",
        found=row.get("found"),
    )


COLUMNS = (
    "at",
    "staff",
    "desk",
    "action",
    "what",
    "patient",
    "patient_id",
    "visit_id",
    "ref_id",
    "purpose",
    "found",
)


class AuditDesk:
    def __init__(self, connect: Callable[[], SyncClient] | None) -> None:
        self._connect = connect
        self._client: SyncClient | None = None
        self._tokens: dict[str, str] = {}

    def _http(self) -> SyncClient:
        if self._connect is None:
            raise AuditOffline()
        if self._client is None:
            self._client = self._connect()
        return self._client

    def signed_in(self, staff_id: str, username: str, password: str) -> bool:
        """The auditor's server session, made as they sign in at the desk (False offline:
        the page then says to connect and sign in again)."""
        try:
            answer = self._http().sign_in(username, password)
        except (SyncError, AuditOffline) as exc:
            log.info("no server session for the auditor (%s)", type(exc).__name__)
            return False
        self._tokens[staff_id] = str(answer["staff_token"])
        return True

    def forget(self, staff_id: str) -> None:
        self._tokens.pop(staff_id, None)

    def _token(self, staff_id: str) -> str:
        token = self._tokens.get(staff_id)
        if token is None:
            raise AuditOffline()
        return token

    def page(
        self, staff_id: str, query: AccessQuery, offset: int = 0, limit: int = PAGE
    ) -> AccessPage:
        params = {**query.params(), "offset": offset, "limit": limit}
        try:
            data = self._http().audit_access(self._token(staff_id), params)
        except SyncError as exc:
            raise AuditOffline() from exc
        return AccessPage(int(data["total"]), int(data["offset"]), [_line(r) for r in data["rows"]])

    def chain(self, staff_id: str) -> ChainState:
        try:
            data = self._http().audit_chain(self._token(staff_id))
        except SyncError as exc:
            raise AuditOffline() from exc
        return ChainState(
            int(data["links"]),
            int(data["head_seq"]),
            str(data["head_hash"]),
            bool(data["intact"]),
            [str(p) for p in data["problems"]],
        )

    def export(
        self,
        staff_id: str,
        query: AccessQuery,
        path: Path,
        tz: dt.tzinfo,
        progress: Callable[[int, int], None] | None = None,
    ) -> int:
        """Every matching row to a CSV file (UTF-8 with BOM: Excel opens it as such), page by
        page; written to a temporary name and renamed, so a failed export leaves no half
        file.  Returns how many rows."""
        tmp = path.with_name(path.name + ".part")
        written = 0
        try:
            with tmp.open("w", encoding="utf-8-sig", newline="") as f:
                out = csv.writer(f)
                out.writerow(COLUMNS)
                while True:
                    page = self.page(staff_id, query, written, EXPORT_PAGE)
                    for ln in page.lines:
                        out.writerow(
                            (
                                ln.at.astimezone(tz).isoformat(timespec="seconds"),
                                ln.staff_name,
                                ln.desk,
                                ln.action,
                                ln.what,
                                ln.patient,
                                ln.patient_id or "",
                                ln.visit_id or "",
                                ln.ref_id or "",
                                ln.purpose,
                                "" if ln.found is None else ln.found,
                            )
                        )
                    written += len(page.lines)
                    if progress is not None:
                        progress(written, page.total)
                    if not page.lines or written >= page.total:
                        break
            tmp.replace(path)
        finally:
            tmp.unlink(missing_ok=True)
        return written

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
