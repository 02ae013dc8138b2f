"""Pushing (docs/sync.md §3): the outbox sent in the desk's order, one batch on the wire at a
time, each entry marked from its own answer — never from another's (§9, scenario 9)."""

from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from sqlalchemy import bindparam, func, select, update

from app.db import table_of
from app.ids import new_id
from app.models import OutboxEntry, SyncState
from app.sync.client import ProtocolError
from app.sync.pull import PENDING, Parts, Step, sync_state
from app.sync.status import REFUSALS, Refusal

log = logging.getLogger(__name__)

MAX_BATCH = 500
FINAL = ("applied", "duplicate", *REFUSALS)


class Pusher(Step):
    def __init__(self, parts: Parts) -> None:
        super().__init__(parts)
        self.batch_size = MAX_BATCH

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

    def push_once(self) -> int:
        """Send the oldest pending outbox entries (one batch); returns how many got a final
        answer."""
        batch = self.next_batch()
        if not batch:
            return 0
        try:
            answer = self._send(batch)
        except ProtocolError as exc:
            if self._shrink(exc):
                return self.push_once()
            raise
        if self.cursor.epoch_changed(answer.get("server_epoch")):
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
        batch = self.next_batch()
        if not batch:
            return 0
        total = 0
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="push") as wire:
            flight: Future[dict[str, Any]] | None = wire.submit(self._send, batch)
            while flight is not None:
                following = self.next_batch(after=batch[-1]["device_seq"])
                try:
                    answer = flight.result()
                except ProtocolError as exc:
                    if self._shrink(exc):
                        return total + self.push_pending()
                    raise
                if self.cursor.epoch_changed(answer.get("server_epoch")):
                    return total
                results = answer.get("results", [])
                flight = None
                if following and all(r.get("status") != "deferred" for r in results):
                    flight = wire.submit(self._send, following)
                total += self._record_results(results)
                batch = following
        return total

    def next_batch(self, after: int | None = None) -> list[dict[str, Any]]:
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
        with self.db.reading() as s:
            released = s.scalar(select(SyncState.seq_floor).where(SyncState.id == 1)) or 0
        with self.link.talking():
            return self.client.push(batch, batch_id=new_id(), released_through=int(released))

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
            if status not in FINAL:
                status = "rejected"
            final.append({"mid": result.get("mutation_id"), "st": status, "res": result})
            if status in REFUSALS:
                refusal = Refusal.of({**result, "status": status})
                self.link.refused(refusal)
                log.warning(
                    "mutation %s answered %s (%s)", refusal.mutation_id, status, refusal.reason
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
            sync_state(s).last_push_at = now
        self.batch_size = min(MAX_BATCH, self.batch_size * 2)
        self.link.online()
        return len(final)
