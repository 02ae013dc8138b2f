"""Mutations that name a row the server does not have yet (docs/sync.md §6):
kept whole in ``waiting_mutations`` until the push that brings the row, refused and undone on
their desk after ``WAITING_DAYS``.  Undoing a refused mutation on its desk lives here too."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import utcnow
from app.db import Database
from app.sync.codec import DESK_TABLES
from server.models import AppliedMutation, Device, WaitingMutation
from server.sync import changelog
from server.sync.batch import WAITING_DAYS, Batch
from server.sync.incoming import MutationIn
from server.sync.refusals import Waiting
from server.sync.rules import encoded_row

log = logging.getLogger(__name__)


def arrived_meanwhile(s: Session, batch: Batch, writer: changelog.Writer, exc: Waiting) -> bool:
    """Look for the row once more, holding the change-log lock: on PostgreSQL another server
    process may be committing it this moment, and a push that brings a row holds that lock
    from its first change to its commit — so either it committed (and the row is seen now)
    or it will see this mutation waiting when it looks."""
    writer.lock()
    model = DESK_TABLES[exc.table]
    column = model.id  # type: ignore[attr-defined]  # a desk table's model has an id
    if s.scalar(select(column).where(column == exc.row_id)) is None:
        return False
    batch.absent.discard((model, exc.row_id))
    return True


def keep_waiting(
    s: Session,
    batch: Batch,
    device: Device,
    m: MutationIn,
    exc: Waiting,
    waited: WaitingMutation | None,
) -> None:
    """Keep the mutation whole until the row it names arrives."""
    if waited is None:
        s.add(
            WaitingMutation(
                device_id=device.id,
                mutation_id=m.mutation_id,
                device_seq=m.device_seq,
                payload=m.payload,
                content_hash=m.content_hash,
                occurred_at=m.occurred_at,
                row_table=exc.table,
                row_id=exc.row_id,
                received_at=utcnow(),
            )
        )
    else:  # it waited for one row, which came; now it waits for another
        waited.row_table, waited.row_id = exc.table, exc.row_id
    s.flush()
    batch.awaited().add((exc.table, exc.row_id))
    log.info("mutation %s from device %s waits for a row still to come", m.mutation_id, device.id)


def answer_again(s: Session, device_id: str, mutation_id: str, result: dict[str, Any]) -> None:
    """A waiting mutation's stored answer becomes what happened to it: the desk asking again
    (a retry, a re-send) is told that."""
    done = s.get(AppliedMutation, (device_id, mutation_id))
    if done is not None:
        done.result = {**result, "waited": True}


def expire_waiting(db: Database, today: dt.date) -> tuple[int, int | None]:
    """Mutations that waited ``WAITING_DAYS`` for a row that never came are refused and
    undone on their desks, as any refusal is.  Returns how many, and the highest sequence
    number written (to announce)."""
    before = utcnow() - WAITING_DAYS
    w = WaitingMutation
    with db.session() as s:
        s.autoflush = False
        expired = s.scalars(
            select(w).where(w.received_at < before).order_by(w.received_at, w.device_seq)
        ).all()
        if not expired:
            return 0, None
        batch = Batch(s)
        writer = changelog.Writer.on(s, today)
        writer.get = batch.get
        for waited in expired:
            device = s.get(Device, waited.device_id)
            m = MutationIn.kept(waited)
            if device is not None:
                writer.device_id, writer.mutation_id = device.id, m.mutation_id
                undo_on_desk(batch, device, m, writer)
            detail = f"{waited.row_table} {waited.row_id} never arrived"
            answer_again(
                s,
                waited.device_id,
                m.mutation_id,
                {"status": "rejected", "code": "missing_parent", "detail": detail},
            )
            s.delete(waited)
            log.warning(
                "mutation %s from device %s waited in vain; refused",
                m.mutation_id,
                waited.device_id,
            )
        top = writer.announce()
    return len(expired), top


def undo_on_desk(batch: Batch, device: Device, m: MutationIn, writer: changelog.Writer) -> None:
    """A refused mutation is undone on the desk that made it (docs/sync.md §9, scenario 13):
    for each row it touched, the row as the server holds it (``revert``; staff desks only — a kiosk
    never receives patient data), or word that the server has none (``gone``).  They travel
    in that desk's own scope, in commit order with everything else it pulls, so a newer
    change to the same row is never overtaken."""
    seen: set[tuple[str, str]] = set()
    for op in reversed(m.ops()):
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
