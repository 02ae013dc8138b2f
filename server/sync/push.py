"""Applying one desk's push: a batch of mutations in the desk's order, in one transaction.

Each mutation gets its own answer (docs/sync.md): ``applied`` (or ``conflict``, with what
the server kept), ``duplicate`` for one seen before, ``rejected`` with a code — undone on the
desk that made it —, ``quarantined`` for one the server failed on, ``deferred`` for one that
came before its turn.  A mutation that names a row the server does not have waits for that
row in ``waiting_mutations`` (answered ``applied`` with ``waiting_for``) and is applied in the
push that brings the row; one still waiting after ``WAITING_DAYS`` is refused and undone.
"""

from __future__ import annotations

import logging
import traceback
from typing import Any

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from app.clock import utcnow
from app.contract import ContractError, check_payload
from app.errors import safe_reason
from app.models import Patient, Staff, Visit
from app.sync.codec import DESK_TABLES, content_hash
from server import access_chain
from server import db as serverdb
from server.models import (
    AppliedMutation,
    ClaimLoss,
    Device,
    EscortAssignment,
    Quarantine,
    WaitingMutation,
)
from server.state import ServerState
from server.sync import changelog
from server.sync.batch import Batch
from server.sync.incoming import MutationIn, PushIn, TooMany
from server.sync.refusals import Rejected, Waiting
from server.sync.rules import apply_ops, meet_waiting_answers, references
from server.sync.waiting import (
    answer_again,
    arrived_meanwhile,
    expire_waiting,
    keep_waiting,
    undo_on_desk,
)

log = logging.getLogger(__name__)

__all__ = ["MutationIn", "PushIn", "TooMany", "expire_waiting", "push_batch"]


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
    answer = _dedupe(batch, device, m)
    if answer is not None:
        return answer
    result = _apply(s, batch, device, m, writer)
    _record(s, device, [(m, result)])
    s.flush()
    return {**result, "mutation_id": m.mutation_id}


def _apply(
    s: Session,
    batch: Batch,
    device: Device,
    m: MutationIn,
    writer: changelog.Writer,
    waited: WaitingMutation | None = None,
) -> dict[str, Any]:
    """One mutation in its own savepoint, flushed at once: whatever goes wrong stays inside
    it — a refusal, a row still to come (the mutation waits for it), or a server error that
    puts it in quarantine."""
    writer.mutation_id = m.mutation_id
    looked_again = False
    while True:
        mark = writer.mark()
        try:
            named = _check_envelope(m)
            with s.begin_nested():
                outcome = apply_ops(batch, device, m.payload, writer, named)
                batch.write()
                seq = writer.finish(mark)
        except Waiting as exc:
            _forget(batch, s, writer, mark)
            if not looked_again and arrived_meanwhile(s, batch, writer, exc):
                looked_again = True
                continue
            keep_waiting(s, batch, device, m, exc, waited)
            return {"status": "applied", "waiting_for": {"table": exc.table, "id": exc.row_id}}
        except Rejected as exc:
            _forget(batch, s, writer, mark)
            undo_on_desk(batch, device, m, writer)
            return exc.answer()
        except Exception as exc:  # a server bug: keep the mutation whole, answer, carry on
            _forget(batch, s, writer, mark)
            reason = safe_reason(exc)
            log.error(
                "mutation %s from device %s quarantined: %s\n%s",
                m.mutation_id,
                device.id,
                reason,
                "".join(traceback.format_tb(exc.__traceback__)),
            )
            _quarantine(s, device, m, reason)
            undo_on_desk(batch, device, m, writer)
            return {"status": "quarantined", "reason": reason}
        result: dict[str, Any] = {"status": outcome.status}
        if outcome.conflicts:
            result["conflicts"] = outcome.conflicts
        if seq is not None:
            result["seq"] = seq
        return result


def _check_envelope(m: MutationIn) -> set[str]:
    """Before anything of a change is hashed or stored: its shape and bounds, then its hash.
    Returns the staff members it names as having done it."""
    try:
        named = check_payload(m.payload)
    except ContractError as exc:
        raise Rejected.invalid(exc.field, exc.rule, exc.message) from None
    if content_hash(m.payload) != m.content_hash:
        raise Rejected("hash_mismatch", "content_hash does not match the payload")
    return named


def _quarantine(s: Session, device: Device, m: MutationIn, reason: str) -> None:
    """Keep a change the server failed on, whole, for an administrator — in a savepoint of
    its own: if even that fails, the answer still goes out and the desk is not stopped."""
    try:
        with s.begin_nested():
            s.add(
                Quarantine(
                    device_id=device.id,
                    mutation_id=m.mutation_id,
                    raw=m.model_dump(),
                    error=reason,
                    received_at=utcnow(),
                )
            )
            s.flush()
    except Exception as exc:
        log.error("mutation %s could not be kept in quarantine: %s", m.mutation_id, type(exc))


def _meet_waiting_mutations(s: Session, batch: Batch, writer: changelog.Writer) -> None:
    """Mutations that waited for a row this push brought are applied now, in the order they
    came, each in its own savepoint and as the desk's that made it: their changes carry its
    name, and a refusal is undone on that desk.  What they bring may let others go on."""
    pushing = writer.device_id
    w = WaitingMutation
    try:
        while batch.arrived:
            keys, batch.arrived = list(dict.fromkeys(batch.arrived)), []
            batch.awaited().difference_update(keys)
            due = s.scalars(
                select(w)
                .where(tuple_(w.row_table, w.row_id).in_(keys))
                .order_by(w.received_at, w.device_id, w.device_seq)
            ).all()
            for waited in due:
                origin = s.get(Device, waited.device_id)
                if origin is None:
                    continue
                m = MutationIn.kept(waited)
                writer.device_id = origin.id
                result = _apply(s, batch, origin, m, writer, waited)
                if "waiting_for" not in result:
                    s.delete(waited)
                answer_again(s, origin.id, m.mutation_id, result)
                s.flush()
    finally:
        writer.device_id = pushing


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
    """After a savepoint rolled back: drop what the batch and the writer held of it — the
    change-log lock too, if taken inside it, and with it what was read under that lock."""
    writer.discard(mark)
    batch.forget_unwritten()
    batch.forget_awaited()
    batch.pending = {k: v for k, v in batch.pending.items() if isinstance(v, dict) or v in s}


def _preload(batch: Batch, device: Device, mutations: list[MutationIn]) -> None:
    """Everything the batch will look at, in a handful of queries instead of one per row."""
    ids: dict[str, set[str]] = {}
    visits: set[str] = set()
    patients: set[str] = set()
    claims: set[tuple[str, str]] = set()
    named: set[str] = set()
    referenced: dict[type, set[Any]] = {}
    for m in mutations:
        proof = m.payload.get("proof")
        if isinstance(proof, dict) and isinstance(proof.get("staff_id"), str):
            named.add(proof["staff_id"])
        for op in m.ops():
            table, data = op.get("t"), op.get("data")
            if table not in DESK_TABLES or not isinstance(op.get("id"), str):
                continue
            ids.setdefault(table, set()).add(op["id"])
            if isinstance(data, dict):
                for column, model in references(table):
                    ref = data.get(column)
                    if isinstance(ref, str):
                        referenced.setdefault(model, set()).add(ref)
            if (
                table == "visits"
                and isinstance(data, dict)
                and isinstance(data.get("patient_id"), str)
            ):
                patients.add(data["patient_id"])
            if table == "visit_events" and isinstance(data, dict):
                visit_id, staff_id = data.get("visit_id"), data.get("staff_id")
                if isinstance(visit_id, str):
                    visits.add(visit_id)
                    if isinstance(staff_id, str):
                        claims.add((visit_id, staff_id))
    for table, keys in ids.items():
        batch.preload(DESK_TABLES[table], keys)
    batch.preload(Visit, visits - ids.get("visits", set()))
    batch.preload(Patient, patients - ids.get("patients", set()))
    batch.preload(EscortAssignment, visits, EscortAssignment.visit_id)
    losses = {
        (c.visit_id, c.staff_id)
        for c in batch.session.scalars(select(ClaimLoss).where(ClaimLoss.visit_id.in_(visits)))
    }
    batch.absent |= {(ClaimLoss, k) for k in claims - losses}
    batch.held.update({(Staff, st.id): st for st in batch.session.scalars(select(Staff))})
    batch.preload_known(referenced)
    batch.preload_keys(named)
    wanted = [m.mutation_id for m in mutations]
    seen = batch.session.scalars(
        select(AppliedMutation).where(
            AppliedMutation.device_id == device.id, AppliedMutation.mutation_id.in_(wanted)
        )
    ).all()
    known = {a.mutation_id for a in seen}
    batch.absent |= {(AppliedMutation, (device.id, w)) for w in wanted if w not in known}


def _one_transaction(
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
            # a desk's own numbering only: skipping ahead can delay or refuse nobody else's
            device.last_device_seq = max(device.last_device_seq, body.released_through)
            batch = Batch(s, state.settings.stages())
            writer = changelog.Writer.on(s, state.clock.today(), device_id)
            writer.get = batch.get
            if careful:
                results = [_careful_one(s, batch, device, m, writer) for m in mutations]
            else:
                results = _fast(s, batch, device, mutations, writer)
            if batch.arrived:
                _meet_waiting_mutations(s, batch, writer)
            if batch.met:
                _meet_waiting_answers(s, batch, writer)
            if batch.accessed:
                batch.write()
                access_chain.append(s, batch.accessed, writer.lock)
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
        try:
            named = _check_envelope(m)
        except Rejected:
            raise _Fallback from None
        writer.mutation_id = m.mutation_id
        start = writer.mark()
        try:
            outcome = apply_ops(batch, device, m.payload, writer, named)
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


def push_batch(state: ServerState, device_id: str, body: PushIn) -> dict[str, Any]:
    """Apply one push from ``device_id``; the answer the desk is sent."""
    try:
        return _one_transaction(state, device_id, body, careful=False)
    except _Fallback:
        return _one_transaction(state, device_id, body, careful=True)
