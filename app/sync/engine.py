"""One desk's side of the protocol, step by step: push the outbox, pull changes, lease ticket
numbers.  Each step is one call that can fail without harm; ``worker.SyncWorker`` runs them
on a schedule off the screen's thread."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from app.clock import Clock
from app.db import Database, rowcount, table_of
from app.ids import new_id
from app.models import Department, OutboxEntry, SetAsideChange, SyncState, UndoneRow
from app.services import tickets
from app.sync.apply import apply_page
from app.sync.client import (
    ProtocolError,
    ResyncRequired,
    SyncClient,
    Unauthorized,
    Unreachable,
)
from app.sync.identity import Identity

log = logging.getLogger(__name__)

MAX_BATCH = 500
PAGE = 2000
PENDING = "pending"


@dataclass(frozen=True)
class SyncStatus:
    """What the desk shows about its sync, never blocking the screen."""

    online: bool = False
    last_synced_at: dt.datetime | None = None
    offline_since: dt.datetime | None = None
    pending: int = 0
    error: str | None = None
    revoked: bool = False
    conflicts: tuple[dict[str, Any], ...] = field(default_factory=tuple)
    # pulled changes this desk could not apply, set aside (app.sync.apply): the duty lead
    # is told, and the rest of the sync goes on
    set_aside: int = 0

    def describe(self, now: dt.datetime, tz: dt.tzinfo, lang: str = "zh_CN") -> str:
        en = lang.startswith("en")
        if self.revoked:
            return "This desk was disconnected by a director" if en else "本机已被管理员停用"
        if self.online and self.last_synced_at is not None:
            at = self.last_synced_at.astimezone(tz).strftime("%H:%M:%S")
            text = f"Online · last synced {at}" if en else f"在线 · 最近同步 {at}"
        elif self.offline_since is not None:
            minutes = int((now - self.offline_since).total_seconds() // 60)
            text = f"Offline for {minutes} min" if en else f"离线 {minutes} 分钟"
        else:
            text = "Connecting…" if en else "正在连接…"
        if self.pending:
            text += f" · {self.pending} changes waiting" if en else f" · {self.pending} 条待同步"
        if self.error and not self.online:
            text += f" · {self.error}"
        if self.set_aside:
            text += (
                f" · {self.set_aside} received changes could not be read; tell the duty lead"
                if en
                else f" · {self.set_aside} 条收到的数据无法读取，请告知值班组长"
            )
        return text


@dataclass(frozen=True)
class Touched:
    """What a pulled page changed: visits (their rows, events or flags), call-a-guide
    requests, and any other table (reference data: departments, staff, the roster…)."""

    visits: frozenset[str]
    requests: frozenset[str]
    tables: frozenset[str]

    @classmethod
    def of(cls, changes: list[dict[str, Any]]) -> Touched:
        visits, requests, tables = set(), set(), set()
        for c in changes:
            kind = c.get("entity_type", "")
            tables.add(kind)
            if kind == "visits":
                visits.add(c["entity_id"])
            elif kind in ("visit_events", "event_flags"):
                visit_id = (c.get("data") or {}).get("visit_id")
                if visit_id:
                    visits.add(visit_id)
            elif kind == "assistance_requests":
                requests.add(c["entity_id"])
        return cls(frozenset(visits), frozenset(requests), frozenset(tables))


class SyncEngine:
    def __init__(
        self,
        db: Database,
        client: SyncClient,
        identity: Identity,
        clock: Clock,
        *,
        lease_block: int = 50,
        low_water: int = 10,
    ) -> None:
        self.db = db
        self.client = client
        self.identity = identity
        self.clock = clock
        self.lease_block = lease_block
        self.low_water = low_water
        self._lock = threading.Lock()
        self._status = SyncStatus()
        self._conflicts: list[dict[str, Any]] = []
        self.batch_size = MAX_BATCH
        # Called (from the pulling thread) after each applied page with what it touched, so
        # that a board re-reads only those rows.
        self.on_pulled: list[Callable[[Touched], None]] = []

    # -- status ---------------------------------------------------------------------------

    @property
    def status(self) -> SyncStatus:
        with self._lock:
            return replace(
                self._status,
                pending=self.pending_count(),
                conflicts=tuple(self._conflicts[-20:]),
                set_aside=self.set_aside_count(),
            )

    def mark_online(self) -> None:
        with self._lock:
            self._status = replace(
                self._status,
                online=True,
                offline_since=None,
                error=None,
                last_synced_at=self.clock.now(),
            )

    def mark_offline(self, error: str, *, revoked: bool = False) -> None:
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
    def _talking(self) -> Iterator[None]:
        """Around every call to the server: failures set the status the desk shows."""
        try:
            yield
        except Unauthorized as exc:
            self.mark_offline(str(exc), revoked="revoked" in str(exc))
            raise
        except Unreachable as exc:
            self.mark_offline(str(exc))
            raise
        except ProtocolError as exc:
            self.mark_offline("error")
            log.error("sync protocol error: %s", exc)
            raise

    def set_aside_count(self) -> int:
        """Pulled changes this desk could not apply (kept in ``set_aside_changes``)."""
        with self.db.reading() as s:
            return int(s.scalar(select(func.count()).select_from(SetAsideChange)) or 0)

    def pending_count(self) -> int:
        with self.db.reading() as s:
            return int(
                s.scalar(
                    select(func.count())
                    .select_from(OutboxEntry)
                    .where(OutboxEntry.state == PENDING)
                )
                or 0
            )

    def _state(self, session: Session) -> SyncState:
        state = session.get(SyncState, 1)
        if state is None:
            state = SyncState(id=1, cursor=0)
            session.add(state)
            session.flush()
        return state

    # -- push -----------------------------------------------------------------------------

    def push_once(self) -> int:
        """Send the oldest pending outbox entries (one batch); returns how many got a final
        answer."""
        batch = self._next_batch()
        if not batch:
            return 0
        try:
            answer = self._send(batch)
        except ProtocolError as exc:
            if self._shrink(exc):
                return self.push_once()
            raise
        if self._epoch_changed(answer.get("server_epoch")):
            return 0
        return self._record_results(answer.get("results", []))

    def push_pending(self) -> int:
        """Send every pending outbox entry; returns how many got a final answer.

        One batch is on the wire at a time — the server applies a desk's changes in the
        desk's order — but the desk's own work overlaps the server's: the next batch is read
        and encoded while the server applies this one, and this one's answers are recorded
        while the next is on its way.  Anything unusual (an answer that is not final, a new
        server epoch, an error) ends the round once the batch in flight is answered; the next
        round starts again from the oldest entry still pending."""
        batch = self._next_batch()
        if not batch:
            return 0
        total = 0
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="push") as wire:
            flight: Future[dict[str, Any]] | None = wire.submit(self._send, batch)
            while flight is not None:
                following = self._next_batch(after=batch[-1]["device_seq"])
                try:
                    answer = flight.result()
                except ProtocolError as exc:
                    if self._shrink(exc):
                        return total + self.push_pending()
                    raise
                if self._epoch_changed(answer.get("server_epoch")):
                    return total
                results = answer.get("results", [])
                flight = None
                if following and all(r.get("status") != "deferred" for r in results):
                    flight = wire.submit(self._send, following)
                total += self._record_results(results)
                batch = following
        return total

    def _next_batch(self, after: int | None = None) -> list[dict[str, Any]]:
        """Up to ``batch_size`` pending entries in device order (after ``after``), as sent."""
        o = OutboxEntry
        query = select(o.mutation_id, o.device_seq, o.payload, o.content_hash, o.occurred_at)
        if after is not None:
            query = query.where(o.device_seq > after)
        with self.db.reading() as s:
            rows = s.execute(
                query.where(o.state == PENDING).order_by(o.device_seq).limit(self.batch_size)
            ).all()
        return [
            {
                "mutation_id": r.mutation_id,
                "device_seq": r.device_seq,
                "payload": r.payload,
                "content_hash": r.content_hash,
                "occurred_at": r.occurred_at.isoformat(),
            }
            for r in rows
        ]

    def _send(self, batch: list[dict[str, Any]]) -> dict[str, Any]:
        with self._talking():
            return self.client.push(batch, batch_id=new_id())

    def _shrink(self, exc: ProtocolError) -> bool:
        """Too big for the server (HTTP 413): smaller batches from now on, if they can be."""
        if "HTTP 413" in str(exc) and self.batch_size > 1:
            self.batch_size = max(1, self.batch_size // 2)
            return True
        return False

    def _record_results(self, results: list[dict[str, Any]]) -> int:
        """Mark each outbox row from its own answer (one UPDATE per kind of answer)."""
        now = self.clock.now()
        final, deferred = [], []
        for result in results:
            status = result.get("status")
            if status == "deferred":
                deferred.append({"mid": result.get("mutation_id")})
                continue
            if status not in ("applied", "duplicate", "conflict", "rejected", "quarantined"):
                status = "rejected"
            final.append({"mid": result.get("mutation_id"), "st": status, "res": result})
            if status in ("conflict", "rejected", "quarantined"):
                with self._lock:
                    self._conflicts.append(result)
                log.warning(
                    "mutation %s answered %s (%s)",
                    result.get("mutation_id"),
                    status,
                    result.get("code") or (result.get("conflicts") or [{}])[0].get("reason"),
                )
        o = table_of(OutboxEntry)
        with self.db.session(record=False) as s:
            conn = s.connection()
            if final:
                conn.execute(
                    update(o)
                    .where(o.c.mutation_id == bindparam("mid"))
                    .values(
                        state=bindparam("st"),
                        result=bindparam("res"),
                        acked_at=now,
                        attempts=o.c.attempts + 1,
                    ),
                    final,
                )
            if deferred:
                conn.execute(
                    update(o)
                    .where(o.c.mutation_id == bindparam("mid"))
                    .values(last_error="deferred", attempts=o.c.attempts + 1),
                    deferred,
                )
            self._state(s).last_push_at = now
        self.batch_size = min(MAX_BATCH, self.batch_size * 2)
        self.mark_online()
        return len(final)

    # -- pull -----------------------------------------------------------------------------

    def pull_once(self, wait: float = 0) -> tuple[int, bool]:
        """Fetch one page of changes and apply it with the new cursor in one transaction.
        Returns (changes received, more waiting)."""
        with self.db.reading() as s:
            state = s.get(SyncState, 1)
            cursor = state.cursor if state else 0
            epoch = (state.server_epoch if state else None) or ""
            scope_set = (state.scope_set if state else None) or ""
        try:
            with self._talking():
                page = self.client.changes(
                    cursor, epoch=epoch, scope_set=scope_set, wait=wait, limit=PAGE
                )
        except ResyncRequired as exc:
            self._resync(exc.detail)
            return 0, True
        with self.db.relaxed().session(record=False) as s:  # fetched again if lost
            done = apply_page(s, page["changes"])
            state = self._state(s)
            state.cursor = page["cursor"]
            state.server_epoch = page["server_epoch"]
            state.scope_set = page.get("scope_set")
            state.last_pull_at = self.clock.now()
        self.mark_online()
        if done.set_aside:
            log.warning("%d pulled changes set aside; the duty lead is told", done.set_aside)
        if page["changes"] and self.on_pulled:
            touched = Touched.of(page["changes"])
            for listener in self.on_pulled:
                listener(touched)
        return len(page["changes"]), bool(page.get("has_more"))

    def _epoch_changed(self, epoch: str | None) -> bool:
        with self.db.reading() as s:
            state = s.get(SyncState, 1)
            known = state.server_epoch if state else None
        if epoch and known and epoch != known:
            self._resync({"reason": "epoch_changed", "server_epoch": epoch})
            return True
        return False

    def _resync(self, detail: dict[str, Any]) -> None:
        """Start pulling from the beginning; after a new epoch (a server restored from a
        backup) also send again every change this desk holds — the server may have lost it."""
        reason = detail.get("reason")
        log.warning("resync: %s", reason)
        with self.db.session(record=False) as s:
            state = self._state(s)
            state.cursor = 0
            state.scope_set = detail.get("scope_set") or None
            if reason in ("epoch_changed", "cursor_ahead"):
                state.server_epoch = detail.get("server_epoch") or None
                s.execute(update(OutboxEntry).values(state=PENDING))

    def sync_until_idle(self, max_rounds: int = 10_000) -> None:
        """Push everything, then pull everything (tests, start-up, shutdown)."""
        for _ in range(max_rounds):
            if self.push_pending() == 0 and self.pending_count() == 0:
                break
        for _ in range(max_rounds):
            _, more = self.pull_once()
            if not more:
                break

    def forget_old(self, days: int = 30) -> int:
        """Acknowledged outbox entries and the record of undone rows go after ``days`` — the
        server's retention: a server restored from a backup gets again what the desk still
        holds, and the server never needs anything older.  Pending entries always stay."""
        cutoff = self.clock.now() - dt.timedelta(days=days)
        with self.db.session(record=False) as s:
            gone = rowcount(
                s.execute(
                    delete(OutboxEntry).where(
                        OutboxEntry.state != PENDING, OutboxEntry.acked_at < cutoff
                    )
                )
            )
            gone += rowcount(s.execute(delete(UndoneRow).where(UndoneRow.undone_at < cutoff)))
        return int(gone)

    # -- tickets and kiosk keys -----------------------------------------------------------

    def ensure_leases(self, day: dt.date | None = None) -> int:
        """Keep at least ``low_water`` ticket numbers per department for ``day``, leasing
        blocks of ``lease_block`` (at most 1,000 a request) from the server."""
        day = day or self.clock.today()
        granted = 0
        with self.db.reading() as s:
            departments = [d.id for d in s.scalars(select(Department).where(Department.active))]
            have = {d: tickets.remaining(s, self.identity.device_id, d, day) for d in departments}
        for dept_id, remaining in have.items():
            while remaining < self.low_water:
                with self._talking():
                    lease = self.client.lease(dept_id, day, min(self.lease_block, 1000))
                with self.db.session(record=False) as s:
                    tickets.grant_range(
                        s,
                        self.identity.device_id,
                        dept_id,
                        day,
                        lease["start_seq"],
                        lease["end_seq"],
                    )
                remaining += lease["end_seq"] - lease["start_seq"] + 1
                granted += 1
        return granted

    def refresh_kiosk_key(self) -> str | None:
        """Kiosks: fetch and keep today's key for hashed look-ups; returns it."""
        with self._talking():
            me = self.client.me()
        if "kiosk_key" not in me:
            return None
        with self.db.session(record=False) as s:
            state = self._state(s)
            state.kiosk_day = me["kiosk_day"]
            state.kiosk_key = me["kiosk_key"]
        return str(me["kiosk_key"])
