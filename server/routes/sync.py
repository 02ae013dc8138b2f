"""``/sync/v1``: push a batch of mutations, pull changes by cursor (long-poll), lease ticket
numbers.  The protocol is written up in docs/sync.md."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request, Response, status
from pydantic import BaseModel, Field
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from app import jsonio
from app.clock import utcnow
from app.models import Department, Staff, TicketRange, Visit
from app.sync.codec import DESK_TABLES, content_hash
from server import changelog
from server import db as serverdb
from server.deps import DeviceCaller, State
from server.models import AppliedMutation, ClaimLoss, Device, EscortAssignment, Quarantine
from server.mutations import Batch, Rejected, apply_ops, encoded_row, meet_waiting_answers
from server.state import ServerState

log = logging.getLogger(__name__)
MAX_MUTATIONS = 500
router = APIRouter(prefix="/sync/v1", tags=["sync"])


@dataclass(frozen=True)
class MutationIn:
    mutation_id: str
    device_seq: int
    payload: dict[str, Any]
    content_hash: str
    occurred_at: str = ""

    @classmethod
    def parse(cls, raw: Any) -> MutationIn:
        if not isinstance(raw, dict):
            raise ValueError("a mutation is an object")
        mid, seq, payload = raw.get("mutation_id"), raw.get("device_seq"), raw.get("payload")
        digest, at = raw.get("content_hash"), raw.get("occurred_at", "")
        if not isinstance(mid, str) or not 1 <= len(mid) <= 36:
            raise ValueError("mutation_id: 1 to 36 characters")
        if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
            raise ValueError("device_seq: a whole number from 1")
        if not isinstance(payload, dict):
            raise ValueError("payload: an object")
        if not isinstance(digest, str) or len(digest) > 80:
            raise ValueError("content_hash: text of at most 80 characters")
        if not isinstance(at, str) or len(at) > 40:
            raise ValueError("occurred_at: text of at most 40 characters")
        return cls(mid, seq, payload, digest, at)

    def model_dump(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class PushIn:
    mutations: list[MutationIn]
    batch_id: str = ""

    @classmethod
    def parse(cls, raw: Any) -> PushIn:
        if not isinstance(raw, dict) or not isinstance(raw.get("mutations"), list):
            raise ValueError("a push is an object with a list of mutations")
        if len(raw["mutations"]) > MAX_MUTATIONS:
            raise ValueError(f"at most {MAX_MUTATIONS} mutations in one push")
        batch_id = raw.get("batch_id", "")
        if not isinstance(batch_id, str) or len(batch_id) > 36:
            raise ValueError("batch_id: text of at most 36 characters")
        return cls([MutationIn.parse(m) for m in raw["mutations"]], batch_id)


class _Fallback(Exception):
    """The fast path met something unusual: redo the batch carefully."""


def _dedupe(batch: Batch, device: Device, m: MutationIn) -> dict[str, Any] | None:
    """The answer for a mutation already seen or out of order; None to go on and apply it."""
    done = batch.get(AppliedMutation, (device.id, m.mutation_id))
    if done is not None:
        if done.content_hash != m.content_hash:
            return {"mutation_id": m.mutation_id, "status": "rejected", "code": "id_reuse"}
        replay = done.result["status"]
        return {
            **done.result,
            "mutation_id": m.mutation_id,
            "duplicate": True,
            "status": "duplicate" if replay == "applied" else replay,
        }
    if m.device_seq <= device.last_device_seq:
        return {"mutation_id": m.mutation_id, "status": "rejected", "code": "seq_reuse"}
    if m.device_seq > device.last_device_seq + 1:
        return {
            "mutation_id": m.mutation_id,
            "status": "deferred",
            "expected_device_seq": device.last_device_seq + 1,
        }
    return None


def _record(s: Session, device: Device, rows: list[tuple[MutationIn, dict[str, Any]]]) -> None:
    """Store the answers under their de-duplication keys (one bulk insert)."""
    if not rows:
        return
    now = utcnow()
    serverdb.insert_rows(
        s,
        AppliedMutation,
        [
            {
                "device_id": device.id,
                "mutation_id": m.mutation_id,
                "device_seq": m.device_seq,
                "content_hash": m.content_hash,
                "result": result,
                "applied_at": now,
            }
            for m, result in rows
        ],
    )
    device.last_device_seq = max(device.last_device_seq, *(m.device_seq for m, _ in rows))


def _careful_one(
    s: Session, batch: Batch, device: Device, m: MutationIn, writer: changelog.Writer
) -> dict[str, Any]:
    """One mutation in its own savepoint, flushed at once: whatever goes wrong stays inside
    it — a refusal, or a server error that puts it in quarantine."""
    answer = _dedupe(batch, device, m)
    if answer is not None:
        return answer
    writer.mutation_id = m.mutation_id
    mark = writer.mark()
    result: dict[str, Any]
    try:
        if content_hash(m.payload) != m.content_hash:
            raise Rejected("hash_mismatch", "content_hash does not match the payload")
        with s.begin_nested():
            outcome = apply_ops(batch, device, m.payload.get("ops"), writer)
            batch.write()
            seq = writer.finish(mark)
        result = {"status": outcome.status}
        if outcome.conflicts:
            result["conflicts"] = outcome.conflicts
        if seq is not None:
            result["seq"] = seq
    except Rejected as exc:
        _forget(batch, s, writer, mark)
        _undo_on_desk(batch, device, m, writer)
        result = {"status": "rejected", "code": exc.code, "detail": exc.detail[:200]}
    except Exception as exc:  # a server bug: keep the mutation whole, answer, carry on
        _forget(batch, s, writer, mark)
        log.exception("mutation %s from device %s quarantined", m.mutation_id, device.id)
        s.add(
            Quarantine(
                device_id=device.id,
                mutation_id=m.mutation_id,
                raw=m.model_dump(),
                error=type(exc).__name__,
                received_at=utcnow(),
            )
        )
        result = {"status": "quarantined"}
    _record(s, device, [(m, result)])
    s.flush()
    return {**result, "mutation_id": m.mutation_id}


def _undo_on_desk(batch: Batch, device: Device, m: MutationIn, writer: changelog.Writer) -> None:
    """A refused mutation is undone on the desk that made it (SYNC.md scenario 13): for each
    row it touched, the row as the server holds it (``revert``; staff desks only — a kiosk
    never receives patient data), or word that the server has none (``gone``).  They travel
    in that desk's own scope, in commit order with everything else it pulls, so a newer
    change to the same row is never overtaken."""
    seen: set[tuple[str, str]] = set()
    for op in reversed(_ops(m)):
        table, row_id, data = op.get("t"), op.get("id"), op.get("data")
        if table not in DESK_TABLES or not isinstance(row_id, str) or not 0 < len(row_id) <= 36:
            continue
        if (table, row_id) in seen:
            continue
        seen.add((table, row_id))
        row = batch.get(DESK_TABLES[table], row_id)
        if row is None:
            visit_id = data.get("visit_id") if isinstance(data, dict) else None
            link = {"visit_id": visit_id} if isinstance(visit_id, str) else {}
            writer.to_device(table, row_id, "gone", link)
        elif device.role != "kiosk":
            version = 1 if isinstance(row, dict) else int(getattr(row, "version", 1) or 1)
            writer.to_device(table, row_id, "revert", encoded_row(row), version)
    writer.finish()  # now, outside any mutation's savepoint


def _meet_waiting_answers(s: Session, batch: Batch, writer: changelog.Writer) -> None:
    """Survey answers waiting for a visit of this push: tied to it in a savepoint of their
    own, so that a failure there leaves them waiting and never costs the push."""
    writer.mutation_id = None
    mark = writer.mark()
    try:
        with s.begin_nested():
            meet_waiting_answers(batch, writer)
    except Exception:
        writer.discard(mark)
        log.exception("survey answers waiting for a visit were left waiting")


def _forget(batch: Batch, s: Session, writer: changelog.Writer, mark: int) -> None:
    """After a savepoint rolled back: drop what the batch and the writer held of it."""
    writer.discard(mark)
    batch.forget_unwritten()
    batch.pending = {k: v for k, v in batch.pending.items() if isinstance(v, dict) or v in s}


def _ops(m: MutationIn) -> list[dict[str, Any]]:
    ops = m.payload.get("ops")
    return [op for op in ops if isinstance(op, dict)] if isinstance(ops, list) else []


def _preload(batch: Batch, device: Device, mutations: list[MutationIn]) -> None:
    """Everything the batch will look at, in a handful of queries instead of one per row."""
    ids: dict[str, set[str]] = {}
    visits: set[str] = set()
    claims: set[tuple[str, str]] = set()
    for m in mutations:
        for op in _ops(m):
            table, data = op.get("t"), op.get("data")
            if table not in DESK_TABLES or not isinstance(op.get("id"), str):
                continue
            ids.setdefault(table, set()).add(op["id"])
            if table == "visit_events" and isinstance(data, dict):
                visit_id, staff_id = data.get("visit_id"), data.get("staff_id")
                if isinstance(visit_id, str):
                    visits.add(visit_id)
                    if isinstance(staff_id, str):
                        claims.add((visit_id, staff_id))
    for table, keys in ids.items():
        batch.preload(DESK_TABLES[table], keys)
    batch.preload(Visit, visits - ids.get("visits", set()))
    batch.preload(EscortAssignment, visits, EscortAssignment.visit_id)
    losses = {
        (c.visit_id, c.staff_id)
        for c in batch.session.scalars(select(ClaimLoss).where(ClaimLoss.visit_id.in_(visits)))
    }
    batch.absent |= {(ClaimLoss, k) for k in claims - losses}
    batch.session.scalars(select(Staff)).all()
    wanted = [m.mutation_id for m in mutations]
    seen = batch.session.scalars(
        select(AppliedMutation).where(
            AppliedMutation.device_id == device.id, AppliedMutation.mutation_id.in_(wanted)
        )
    ).all()
    known = {a.mutation_id for a in seen}
    batch.absent |= {(AppliedMutation, (device.id, w)) for w in wanted if w not in known}


def _push_batch(
    state: ServerState, device_id: str, body: PushIn, *, careful: bool
) -> dict[str, Any]:
    """The batch in one transaction (one fsync).  Fast: no savepoints, one flush, preloaded
    rows; anything unusual (a refusal, an error) abandons it for the careful way, where each
    mutation has its own savepoint.  If the commit fails nothing is acknowledged and the desk
    sends the batch again."""
    mutations = sorted(body.mutations, key=lambda m: m.device_seq)
    with state.db.sessions() as s:
        s.autoflush = False
        with s.begin():
            device = s.get(Device, device_id, with_for_update=True)  # one push per device
            assert device is not None
            batch = Batch(s)
            writer = changelog.Writer(
                s,
                device_id=device_id,
                mutation_id=None,
                today=state.clock.today(),
                kiosk_secret=serverdb.meta(s, "kiosk_secret"),
            )
            writer.get = batch.get
            if careful:
                results = [_careful_one(s, batch, device, m, writer) for m in mutations]
            else:
                results = _fast(s, batch, device, mutations, writer)
            if batch.met:
                _meet_waiting_answers(s, batch, writer)
            device.last_seen_at = utcnow()
            acked = device.last_device_seq
            epoch = serverdb.meta(s, "epoch")
            top = writer.announce()
    state.notifier.notify(top)
    return {"server_epoch": epoch, "results": results, "acked_through_device_seq": acked}


def _fast(
    s: Session, batch: Batch, device: Device, mutations: list[MutationIn], writer: changelog.Writer
) -> list[dict[str, Any]]:
    if len({m.mutation_id for m in mutations}) != len(mutations):
        raise _Fallback
    try:
        _preload(batch, device, mutations)
    except Exception:
        raise _Fallback from None
    done: list[tuple[MutationIn, dict[str, Any], int, int]] = []
    results: list[dict[str, Any]] = []
    for m in mutations:
        answer = _dedupe(batch, device, m)
        if answer is not None:
            results.append(answer)
            continue
        if content_hash(m.payload) != m.content_hash:
            raise _Fallback
        writer.mutation_id = m.mutation_id
        start = writer.mark()
        try:
            outcome = apply_ops(batch, device, m.payload.get("ops"), writer)
        except Exception:
            raise _Fallback from None
        result: dict[str, Any] = {"status": outcome.status}
        if outcome.conflicts:
            result["conflicts"] = outcome.conflicts
        done.append((m, result, start, writer.mark()))
        device.last_device_seq = m.device_seq
        results.append(result)
    try:
        batch.write()
        writer.finish()
    except Exception:
        raise _Fallback from None
    for _, result, start, end in done:
        seq = writer.seq_range(start, end)
        if seq is not None:
            result["seq"] = seq
    _record(s, device, [(m, dict(result)) for m, result, _, _ in done])
    for m, result, _, _ in done:
        result["mutation_id"] = m.mutation_id
    return results


def _push(state: ServerState, device_id: str, body: PushIn) -> dict[str, Any]:
    try:
        return _push_batch(state, device_id, body, careful=False)
    except _Fallback:
        return _push_batch(state, device_id, body, careful=True)


@router.post("/push")
async def push(request: Request, caller: DeviceCaller, state: State) -> Response:
    """Parsed by hand (one ``json.loads`` and a light check) rather than by a pydantic model
    of every nested payload: a push of 500 mutations is the hottest request there is."""
    raw = await request.body()
    if len(raw) > state.settings.max_batch_bytes:
        raise HTTPException(status.HTTP_413_REQUEST_ENTITY_TOO_LARGE, detail="batch too large")
    try:
        body = PushIn.parse(jsonio.loads(raw))
    except (ValueError, TypeError) as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, detail=str(exc)[:300]) from None
    answer = await run_in_threadpool(_push, state, caller.device_id, body)
    return Response(jsonio.dumpb(answer), media_type="application/json")


def _read(state: ServerState, scopes: list[str], cursor: int, limit: int) -> dict[str, Any]:
    with state.db.reading() as s:
        rows, next_cursor, more = changelog.read(s, scopes, cursor, limit)
        top = changelog.max_seq(s)
        return {
            "changes": [
                {
                    "seq": r.seq,
                    "entity_type": r.entity_type,
                    "entity_id": r.entity_id,
                    "op": r.op,
                    "version": r.version,
                    "data": r.data,
                    "origin_device_id": r.origin_device_id,
                    "origin_mutation_id": r.origin_mutation_id,
                }
                for r in rows
            ],
            "cursor": next_cursor,
            "has_more": more,
            "max_seq": top,
            "server_epoch": serverdb.meta(s, "epoch"),
        }


@router.get("/changes")
async def changes(
    caller: DeviceCaller,
    state: State,
    cursor: int = Query(0, ge=0),
    limit: int = Query(500, ge=1, le=2000),
    wait: float = Query(0, ge=0, le=25),
    epoch: str = Query("", max_length=36),
    scope_set: str = Query("", max_length=300),
) -> Response:
    """Changes after ``cursor`` in this device's scopes; with ``wait`` the request is held
    until something new arrives or the wait runs out (long-poll)."""
    scopes = changelog.scopes_for(caller.role, caller.device_id, state.clock.today())
    current_set = ",".join(scopes)
    page = await run_in_threadpool(_read, state, scopes, cursor, limit)
    reason = None
    if epoch and epoch != page["server_epoch"]:
        reason = "epoch_changed"
    elif scope_set and scope_set != current_set:
        reason = "scope_changed"
    elif cursor > page["max_seq"]:
        reason = "cursor_ahead"  # the server lost changes (restored?): start again
    if reason:
        raise HTTPException(
            status.HTTP_410_GONE,
            detail={
                "code": "resync_required",
                "reason": reason,
                "server_epoch": page["server_epoch"],
                "scope_set": current_set,
            },
        )
    deadline = asyncio.get_running_loop().time() + min(wait, state.settings.max_wait_s)
    while not page["changes"] and not page["has_more"]:
        remaining = deadline - asyncio.get_running_loop().time()
        if remaining <= 0:
            break
        await state.notifier.wait(page["cursor"], min(remaining, state.settings.recheck_s))
        page = await run_in_threadpool(_read, state, scopes, page["cursor"], limit)
    page["scope_set"] = current_set
    return Response(jsonio.dumpb(page), media_type="application/json")


class LeaseIn(BaseModel):
    department_id: str = Field(max_length=36)
    day: dt.date
    count: int = Field(ge=1, le=1000)


def _lease(state: ServerState, device_id: str, body: LeaseIn) -> dict[str, Any]:
    with state.db.session() as s:
        if s.get(Department, body.department_id) is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, detail="unknown department")
        top = s.scalar(
            select(func.max(TicketRange.end_seq)).where(
                TicketRange.department_id == body.department_id, TicketRange.day == body.day
            )
        )
        start = (top or 0) + 1
        rng = TicketRange(
            device_id=device_id,
            department_id=body.department_id,
            day=body.day,
            start_seq=start,
            end_seq=start + body.count - 1,
            next_seq=start,
        )
        s.add(rng)
        s.flush()
        return {
            "id": rng.id,
            "department_id": rng.department_id,
            "day": rng.day.isoformat(),
            "start_seq": rng.start_seq,
            "end_seq": rng.end_seq,
        }


@router.post("/tickets/lease")
async def lease(body: LeaseIn, caller: DeviceCaller, state: State) -> dict[str, Any]:
    """A range of ticket numbers of one department and day for this device alone."""
    return await run_in_threadpool(_lease, state, caller.device_id, body)
