"""Ticket numbers: per department per day, handed out from ranges leased to each desk so that
two kiosks never give the same number, even offline."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import TicketsExhausted
from app.models import Department, TicketRange

STANDALONE_BLOCK = 100


def format_ticket(prefix: str, seq: int) -> str:
    return f"{prefix}{seq:03d}"


def grant_range(
    session: Session, device_id: str, department_id: str, day: dt.date, start: int, end: int
) -> TicketRange:
    """Record that ``device_id`` may hand out ``start..end`` (the server decides the numbers)."""
    if start < 1 or end < start:
        raise ValueError(f"bad ticket range {start}..{end}")
    rng = TicketRange(
        device_id=device_id,
        department_id=department_id,
        day=day,
        start_seq=start,
        end_seq=end,
        next_seq=start,
    )
    session.add(rng)
    session.flush()
    return rng


def remaining(session: Session, device_id: str, department_id: str, day: dt.date) -> int:
    total = session.scalar(
        select(func.coalesce(func.sum(TicketRange.end_seq - TicketRange.next_seq + 1), 0)).where(
            TicketRange.device_id == device_id,
            TicketRange.department_id == department_id,
            TicketRange.day == day,
            TicketRange.next_seq <= TicketRange.end_seq,
        )
    )
    return int(total or 0)


def next_ticket(
    session: Session,
    device_id: str,
    department: Department,
    day: dt.date,
    *,
    standalone: bool = True,
) -> int:
    """Take the next number of this desk's ranges for ``department`` on ``day``.

    A standalone desk (no central server) leases itself the next block after every range
    already known; a synced desk only uses ranges the server granted and says so when none
    is left."""
    rng = session.scalars(
        select(TicketRange)
        .where(
            TicketRange.device_id == device_id,
            TicketRange.department_id == department.id,
            TicketRange.day == day,
            TicketRange.next_seq <= TicketRange.end_seq,
        )
        .order_by(TicketRange.start_seq)
        .limit(1)
    ).first()
    if rng is None:
        if not standalone:
            raise TicketsExhausted(department=(department.name_zh, department.name_en))
        top = session.scalar(
            select(func.max(TicketRange.end_seq)).where(
                TicketRange.department_id == department.id, TicketRange.day == day
            )
        )
        start = (top or 0) + 1
        rng = grant_range(
            session, device_id, department.id, day, start, start + STANDALONE_BLOCK - 1
        )
    seq = rng.next_seq
    rng.next_seq = seq + 1
    return seq
