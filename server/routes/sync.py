"""``/sync/v1``: push a batch of mutations, pull changes by cursor (long-poll), lease ticket
numbers.  The protocol is written up in docs/sync.md."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Response, status
from pydantic import BaseModel, Field
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from app.clock import utcnow
from app.models import Department, TicketRange
from app.sync.codec import canonical, content_hash
from server import changelog
from server import db as serverdb
from server.deps import DeviceCaller, State
from server.models import AppliedMutation, Device, Quarantine
from server.mutations import Rejected, apply_ops
from server.state import ServerState

log = logging.getLogger(__name__)
router = APIRouter(prefix="/sync/v1", tags=["sync"])


class MutationIn(BaseModel):
    mutation_id: str = Field(min_length=1, max_length=36)
    device_seq: int = Field(ge=1)
    payload: dict[str, Any]
    content_hash: str = Field(max_length=80)
    occurred_at: str = Field(default="", max_length=40)


class PushIn(BaseModel):
    batch_id: str = Field(default="", max_length=36)
    mutations: list[MutationIn] = Field(max_length=100)


def _push_one(
    s: Session, device: Device, m: MutationIn, writer: changelog.Writer
) -> dict[str, Any]:
    """One mutation inside the batch's transaction: dedupe, order, then apply it whole in a
    savepoint — or reject it, or quarantine it — and record the answer under its key."""
    done = s.get(AppliedMutation, (device.id, m.mutation_id))
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
    writer.mutation_id = m.mutation_id
    mark = writer.mark()
    result: dict[str, Any]
    try:
        if content_hash(m.payload) != m.content_hash:
            raise Rejected("hash_mismatch", "content_hash does not match the payload")
        with s.begin_nested():
            outcome = apply_ops(s, device, m.payload.get("ops"), writer)
            seq = writer.finish(mark)
        result = {"status": outcome.status}
        if outcome.conflicts:
            result["conflicts"] = outcome.conflicts
        if seq is not None:
            result["seq"] = seq
    except Rejected as exc:
        writer.discard(mark)
        result = {"status": "rejected", "code": exc.code, "detail": exc.detail[:200]}
    except Exception as exc:  # a server bug: keep the mutation whole, answer, carry on
        writer.discard(mark)
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
    s.add(
        AppliedMutation(
            device_id=device.id,
            mutation_id=m.mutation_id,
            device_seq=m.device_seq,
            content_hash=m.content_hash,
            result=result,
            applied_at=utcnow(),
        )
    )
    device.last_device_seq = m.device_seq
    return {**result, "mutation_id": m.mutation_id}


def _push(state: ServerState, device_id: str, body: PushIn) -> dict[str, Any]:
    """The batch in one transaction (one fsync), each mutation atomic in its own savepoint;
    if the commit fails nothing is acknowledged and the desk sends the batch again."""
    with state.db.session() as s:
        device = s.get(Device, device_id, with_for_update=True)  # one push per device at a time
        assert device is not None
        writer = changelog.Writer(
            s,
            device_id=device_id,
            mutation_id=None,
            today=state.clock.today(),
            kiosk_secret=serverdb.meta(s, "kiosk_secret"),
        )
        results = [
            _push_one(s, device, m, writer)
            for m in sorted(body.mutations, key=lambda m: m.device_seq)
        ]
        device.last_seen_at = utcnow()
        acked = device.last_device_seq
        epoch = serverdb.meta(s, "epoch")
        top = writer.announce()
    state.notifier.notify(top)
    return {"server_epoch": epoch, "results": results, "acked_through_device_seq": acked}


@router.post("/push")
async def push(body: PushIn, caller: DeviceCaller, state: State) -> dict[str, Any]:
    size = sum(len(canonical(m.payload)) for m in body.mutations)
    if size > state.settings.max_batch_bytes:
        raise HTTPException(status.HTTP_413_REQUEST_ENTITY_TOO_LARGE, detail="batch too large")
    return await run_in_threadpool(_push, state, caller.device_id, body)


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
    response: Response,
    cursor: int = Query(0, ge=0),
    limit: int = Query(500, ge=1, le=2000),
    wait: float = Query(0, ge=0, le=25),
    epoch: str = Query("", max_length=36),
    scope_set: str = Query("", max_length=300),
) -> dict[str, Any]:
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
    return page


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
