"""``/sync/v1``: push a batch of mutations, pull changes by cursor (long-poll), lease ticket
numbers.  The protocol is written up in docs/sync.md."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request, Response, status
from pydantic import BaseModel, Field
from sqlalchemy import and_, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from app import jsonio
from app.models import Department, TicketRange, Visit
from server import db as serverdb
from server.deps import DeviceCaller, State
from server.models import Device, TicketCounter
from server.schemas import ERRORS, ChangesPage, Problem, PushAnswer
from server.state import ServerState
from server.sync import changelog
from server.sync.incoming import PushIn, TooMany
from server.sync.push import push_batch

router = APIRouter(prefix="/sync/v1", tags=["sync"], responses=ERRORS)


@router.post("/push", responses={200: {"model": PushAnswer}})
async def push(request: Request, caller: DeviceCaller, state: State) -> Response:
    """Parsed by hand (one ``json.loads`` and a light check) rather than by a pydantic model
    of every nested payload: a push of 500 mutations is the hottest request there is."""
    raw = await request.body()
    if len(raw) > state.settings.max_batch_bytes:
        raise HTTPException(status.HTTP_413_REQUEST_ENTITY_TOO_LARGE, detail="batch too large")
    try:
        body = PushIn.parse(jsonio.loads(raw))
    except TooMany as exc:
        raise HTTPException(status.HTTP_413_REQUEST_ENTITY_TOO_LARGE, detail=str(exc)) from None
    except (ValueError, TypeError) as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, detail=str(exc)[:300]) from None
    answer = await run_in_threadpool(push_batch, state, caller.device_id, body)
    return Response(jsonio.dumpb(answer), media_type="application/json")


def _read(
    state: ServerState, device_id: str, scopes: list[str], cursor: int, limit: int
) -> dict[str, Any]:
    with state.db.reading() as s:
        device = s.get(Device, device_id)
        if device is None or device.status != "active":  # revoked while it waited
            raise HTTPException(status.HTTP_403_FORBIDDEN, detail="device revoked")
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


@router.get(
    "/changes",
    responses={
        200: {"model": ChangesPage},
        410: {"model": Problem, "description": "resync_required: epoch, scope set or cursor"},
    },
)
async def changes(
    caller: DeviceCaller,
    state: State,
    cursor: int = Query(0, ge=0, le=2**63 - 1),
    limit: int = Query(500, ge=1, le=2000),
    wait: float = Query(0, ge=0, le=25),
    epoch: str = Query("", max_length=36),
    scope_set: str = Query("", max_length=300),
) -> Response:
    """Changes after ``cursor`` in this device's scopes; with ``wait`` the request is held
    until something new arrives or the wait runs out (long-poll)."""
    scopes = changelog.scopes_for(caller.role, caller.device_id, state.clock.today())
    current_set = ",".join(scopes)
    page = await run_in_threadpool(_read, state, caller.device_id, scopes, cursor, limit)
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
        await state.notifier.wait(
            page["cursor"], min(remaining, state.settings.recheck_s), caller.device_id
        )
        page = await run_in_threadpool(
            _read, state, caller.device_id, scopes, page["cursor"], limit
        )
    page["scope_set"] = current_set
    return Response(jsonio.dumpb(page), media_type="application/json")


MAX_TICKET = 9999  # the row contract's ticket_seq (app/contract/rows.py)
# No device can use up a department's day of numbers for the others: it may hold at most this
# many numbers it has not used yet (a desk keeps 10 to 60), and lease only for the server's
# yesterday, today or tomorrow (a desk's clock a little off at midnight).
MAX_UNUSED = 500
LEASE_DAYS = (-1, 0, 1)


class LeaseIn(BaseModel):
    department_id: str = Field(max_length=36)
    day: dt.date
    count: int = Field(ge=1, le=1000)


def _take_numbers(s: Session, department_id: str, day: dt.date, count: int) -> int:
    """The last number of ``count`` new ticket numbers, taken by one atomic upsert of the
    department's day counter: two leases at once never get the same numbers."""
    dialect = s.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    upsert = insert(TicketCounter).values(department_id=department_id, day=day, last_seq=count)
    stmt = upsert.on_conflict_do_update(
        index_elements=["department_id", "day"],
        set_={"last_seq": TicketCounter.last_seq + count},
    ).returning(TicketCounter.last_seq)
    return int(s.execute(stmt).scalar_one())


def _unused(s: Session, device_id: str, department_id: str, day: dt.date) -> int:
    """Numbers leased to this device for the department's day that no visit it sent uses."""
    mine = (
        TicketRange.device_id == device_id,
        TicketRange.department_id == department_id,
        TicketRange.day == day,
    )
    leased = s.scalar(
        select(func.coalesce(func.sum(TicketRange.end_seq - TicketRange.start_seq + 1), 0)).where(
            *mine
        )
    )
    used = s.scalar(
        select(func.count(Visit.id))
        .join(
            TicketRange,
            and_(
                TicketRange.department_id == Visit.department_id,
                TicketRange.day == Visit.day,
                Visit.ticket_seq.between(TicketRange.start_seq, TicketRange.end_seq),
            ),
        )
        .where(*mine)
    )
    return int(leased or 0) - int(used or 0)


def _lease(state: ServerState, device_id: str, body: LeaseIn) -> dict[str, Any]:
    today = state.clock.today()
    if (body.day - today).days not in LEASE_DAYS:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_ENTITY,
            detail=f"ticket numbers are leased for yesterday, today or tomorrow only "
            f"(the server's today is {today.isoformat()})",
        )
    with state.db.session() as s:
        if s.get(Department, body.department_id) is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, detail="unknown department")
        unused = _unused(s, device_id, body.department_id, body.day)
        if unused + body.count > MAX_UNUSED:
            raise HTTPException(
                status.HTTP_409_CONFLICT,
                detail=f"this device already holds {unused} unused ticket numbers for that "
                f"department and day; at most {MAX_UNUSED} — send the visits that used them",
            )
        end = _take_numbers(s, body.department_id, body.day, body.count)
        if end > MAX_TICKET:
            raise HTTPException(status.HTTP_409_CONFLICT, detail="no ticket numbers left today")
        start = end - body.count + 1
        rng = TicketRange(
            device_id=device_id,
            department_id=body.department_id,
            day=body.day,
            start_seq=start,
            end_seq=end,
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


@router.post(
    "/tickets/lease",
    responses={
        404: {"model": Problem, "description": "no such department"},
        409: {
            "model": Problem,
            "description": "no ticket numbers left that day, or the device holds 500 unused",
        },
        422: {"model": Problem, "description": "a day other than yesterday, today or tomorrow"},
    },
)
async def lease(body: LeaseIn, caller: DeviceCaller, state: State) -> dict[str, Any]:
    """A range of ticket numbers of one department and day for this device alone: for the
    server's yesterday, today or tomorrow, and while the device holds fewer than 500 numbers
    of that department's day it has not used."""
    return await run_in_threadpool(_lease, state, caller.device_id, body)
