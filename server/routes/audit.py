"""The auditor's: the access log searched by person, patient or day, and the hash chain
checked (PIPL, issue 25).  The auditor role only — not the director's (三权分立): whoever
runs the centre does not audit it.  Patients are named masked; a patient is found by id, or
by a full mobile number that stays on the server."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import func, select

from app.models import AccessAction, AccessRecord, Patient, Staff
from app.services.masking import mask_name
from server import access_chain
from server.deps import Auditor, State
from server.models import Device
from server.routes.reports import FIRST_DAY, LAST_DAY
from server.schemas import ERRORS

router = APIRouter(prefix="/api/v1/audit", tags=["audit"], responses=ERRORS)
MAX_DAYS = 366
AuditDay = Annotated[dt.date, Query(ge=FIRST_DAY, le=LAST_DAY)]
Id = Annotated[str | None, Query(max_length=36, pattern=r"^[0-9a-f-]{36}$")]
ACTIONS = "^(" + "|".join(a.value for a in AccessAction) + ")$"


@router.get("/access")
def access(
    who: Auditor,
    state: State,
    first_day: AuditDay,
    last_day: AuditDay,
    staff_id: Id = None,
    patient_id: Id = None,
    phone: Annotated[str | None, Query(pattern=r"^1[3-9]\d{9}$")] = None,
    action: Annotated[str | None, Query(pattern=ACTIONS)] = None,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 200,
) -> dict[str, Any]:
    """Rows of the access log, newest first, with the total that match."""
    if last_day < first_day:
        raise HTTPException(422, "last_day before first_day")
    if (last_day - first_day).days >= MAX_DAYS:
        raise HTTPException(422, "at most a year at a time")
    a = AccessRecord
    where = [a.day >= first_day, a.day <= last_day]
    if staff_id:
        where.append(a.staff_id == staff_id)
    if action:
        where.append(a.action == action)
    with state.db.reading() as s:
        if phone:
            ids = list(s.scalars(select(Patient.id).where(Patient.phone == phone)))
            where.append(a.patient_id.in_(ids))
        if patient_id:
            where.append(a.patient_id == patient_id)
        total = s.scalar(select(func.count()).select_from(a).where(*where)) or 0
        rows = s.scalars(
            select(a).where(*where).order_by(a.at.desc(), a.id).offset(offset).limit(limit)
        ).all()
        people = {r.staff_id for r in rows}
        names = dict(
            s.execute(select(Staff.id, Staff.display_name).where(Staff.id.in_(people))).all()
        )
        devices = {r.device_id for r in rows}
        desks = dict(s.execute(select(Device.id, Device.name).where(Device.id.in_(devices))).all())
        patients = {r.patient_id for r in rows if r.patient_id}
        masked = {
            pid: mask_name(name)
            for pid, name in s.execute(
                select(Patient.id, Patient.name).where(Patient.id.in_(patients))
            )
        }
    return {
        "total": int(total),
        "offset": offset,
        "rows": [
            {
                "id": r.id,
                "at": r.at.isoformat(),
                "day": r.day.isoformat(),
                "staff_id": r.staff_id,
                "staff_name": names.get(r.staff_id, ""),
                "device_id": r.device_id,
                "desk": desks.get(r.device_id, ""),
                "action": str(r.action),
                "what": r.what,
                "patient_id": r.patient_id,
                "patient": masked.get(r.patient_id or "", ""),
                "visit_id": r.visit_id,
                "ref_id": r.ref_id,
                "purpose": r.purpose,
                "found": (r.data or {}).get("found"),
            }
            for r in rows
        ],
    }


@router.get("/chain")
def chain(who: Auditor, state: State) -> dict[str, Any]:
    """Every link of the access log's hash chain recomputed: intact, or what is wrong where."""
    with state.db.reading() as s:
        check = access_chain.verify(s)
    return {
        "links": check.links,
        "head_seq": check.head[0],
        "head_hash": check.head[1],
        "intact": check.intact,
        "problems": check.problems[:100],
    }
