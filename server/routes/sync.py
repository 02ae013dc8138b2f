"""``/sync/v1``: push a batch of mutations, pull changes by cursor (long-poll), lease ticket
numbers.  The protocol is written up in docs/sync.md."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request, Response, status
from pydantic import BaseModel, Field
from sqlalchemy import func, select
from starlette.concurrency import run_in_threadpool

from app import jsonio
from app.models import Department, TicketRange
from server import changelog
from server import db as serverdb
from server.deps import DeviceCaller, State
from server.push import PushIn, push_batch
from server.state import ServerState

router = APIRouter(prefix="/sync/v1", tags=["sync"])


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
    answer = await run_in_threadpool(push_batch, state, caller.device_id, body)
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
