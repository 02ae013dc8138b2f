"""What a desk knows and shows about its sync: online or not since when, what waits to be sent,
and the server's refusals of this desk's changes — as typed facts a screen reads, never the
protocol's dicts (docs/sync.md §3: a mutation's answer)."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from app.clock import Clock
from app.i18n import QT_TRANSLATE_NOOP, translate
from app.sync.client import ProtocolError, Unauthorized, Unreachable

log = logging.getLogger(__name__)

RefusalKind = Literal["conflict", "rejected", "quarantined"]
REFUSALS: tuple[RefusalKind, ...] = ("conflict", "rejected", "quarantined")


@dataclass(frozen=True)
class Clash:
    """One way the server kept its own version over this desk's (docs/sync.md §3, conflict
    rules): ``claimed_by_other`` (``holder_name`` escorts ``visit_id``), ``changed_meanwhile``
    (``fields``: each field that kept the server's value, with that value) …"""

    reason: str
    visit_id: str | None = None
    holder_name: str | None = None
    fields: dict[str, Any] = field(default_factory=dict, hash=False)

    @classmethod
    def of(cls, raw: Any) -> Clash:
        raw = raw if isinstance(raw, dict) else {}
        fields = raw.get("fields")
        return cls(
            reason=str(raw.get("reason") or ""),
            visit_id=raw.get("visit_id") if isinstance(raw.get("visit_id"), str) else None,
            holder_name=raw.get("holder_name") if isinstance(raw.get("holder_name"), str) else None,
            fields=dict(fields) if isinstance(fields, dict) else {},
        )


@dataclass(frozen=True)
class Refusal:
    """A change of this desk that the server did not take as it was sent.

    ``conflict``: applied, but something the server already had won (``clashes``);
    ``rejected``: refused (``code`` says why, ``field``/``rule`` where) and undone here;
    ``quarantined``: the server failed on it, kept it for the administrator, undone here."""

    mutation_id: str
    kind: RefusalKind
    code: str | None = None
    field: str | None = None
    rule: str | None = None
    clashes: tuple[Clash, ...] = ()

    @property
    def undone(self) -> bool:
        return self.kind != "conflict"

    @classmethod
    def of(cls, answer: dict[str, Any]) -> Refusal:
        """From one mutation's answer (its status one of ``REFUSALS``)."""
        status = answer.get("status")
        kind: RefusalKind = status if status in REFUSALS else "rejected"
        clashes = answer.get("conflicts")

        def text(key: str) -> str | None:
            value = answer.get(key)
            return value if isinstance(value, str) else None

        return cls(
            mutation_id=str(answer.get("mutation_id") or ""),
            kind=kind,
            code=text("code"),
            field=text("field"),
            rule=text("rule"),
            clashes=tuple(Clash.of(c) for c in clashes) if isinstance(clashes, list) else (),
        )

    @property
    def reason(self) -> str | None:
        """The first thing to say about it: the code, or the first clash's reason."""
        return self.code or (self.clashes[0].reason if self.clashes else None)


@dataclass(frozen=True)
class SyncStatus:
    """What the desk shows about its sync, never blocking the screen."""

    online: bool = False
    last_synced_at: dt.datetime | None = None
    offline_since: dt.datetime | None = None
    pending: int = 0
    error: str | None = None
    revoked: bool = False
    conflicts: tuple[Refusal, ...] = field(default_factory=tuple)
    # pulled changes this desk could not apply, set aside (app.sync.apply): the duty lead
    # is told, and the rest of the sync goes on
    set_aside: int = 0
    # pages still to come (the first sync, or back after long offline): how far along, 0–100
    catching_up: int | None = None

    def describe(self, now: dt.datetime, tz: dt.tzinfo, lang: str = "zh_CN") -> str:
        def say(text: str, **params: Any) -> str:
            return translate("SyncStatus", text, lang).format(**params)

        if self.revoked:
            return say(QT_TRANSLATE_NOOP("SyncStatus", "This desk was disconnected by a director"))
        if self.catching_up is not None and self.online:
            text = say(
                QT_TRANSLATE_NOOP("SyncStatus", "Bringing this desk up to date: {pct}%"),
                pct=self.catching_up,
            )
        elif self.online and self.last_synced_at is not None:
            at = self.last_synced_at.astimezone(tz).strftime("%H:%M:%S")
            text = say(QT_TRANSLATE_NOOP("SyncStatus", "Online · last synced {at}"), at=at)
        elif self.offline_since is not None:
            minutes = int((now - self.offline_since).total_seconds() // 60)
            text = say(QT_TRANSLATE_NOOP("SyncStatus", "Offline for {n} min"), n=minutes)
        else:
            text = say(QT_TRANSLATE_NOOP("SyncStatus", "Connecting…"))
        if self.pending:
            text += say(QT_TRANSLATE_NOOP("SyncStatus", " · {n} changes waiting"), n=self.pending)
        if self.error and not self.online:
            text += f" · {self.error}"
        if self.set_aside:
            text += say(
                QT_TRANSLATE_NOOP(
                    "SyncStatus",
                    " · {n} received changes could not be read; tell the duty lead",
                ),
                n=self.set_aside,
            )
        return text


class Link:
    """The desk's link to the server as the screens see it, kept under a lock: every call to
    the server runs inside ``talking()``, whose failures set what the desk shows."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self._lock = threading.Lock()
        self._status = SyncStatus()
        self._refusals: list[Refusal] = []

    def snapshot(self, *, pending: int, set_aside: int) -> SyncStatus:
        with self._lock:
            return replace(
                self._status,
                pending=pending,
                conflicts=tuple(self._refusals[-20:]),
                set_aside=set_aside,
            )

    def refused(self, refusal: Refusal) -> None:
        with self._lock:
            self._refusals.append(refusal)

    def online(self) -> None:
        with self._lock:
            self._status = replace(
                self._status,
                online=True,
                offline_since=None,
                error=None,
                last_synced_at=self.clock.now(),
            )

    def progress(self, cursor: int, head: int, more: bool) -> None:
        """Where the pull stands against the server's latest change (``head``)."""
        with self._lock:
            done = min(99, cursor * 100 // head) if more and head > 0 else None
            self._status = replace(self._status, catching_up=done)

    def offline(self, error: str, *, revoked: bool = False) -> None:
        with self._lock:
            since = self._status.offline_since or self.clock.now()
            self._status = replace(
                self._status,
                online=False,
                offline_since=since,
                error=error,
                revoked=revoked or self._status.revoked,
            )

    @contextlib.contextmanager
    def talking(self) -> Iterator[None]:
        """Around every call to the server: failures set the status the desk shows."""
        try:
            yield
        except Unauthorized as exc:
            self.offline(str(exc), revoked="revoked" in str(exc))
            raise
        except Unreachable as exc:
            self.offline(str(exc))
            raise
        except ProtocolError as exc:
            self.offline("error")
            log.error("sync protocol error: %s", exc)
            raise
