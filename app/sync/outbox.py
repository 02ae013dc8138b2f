"""The transactional outbox: every local transaction that changes synced rows also writes one
outbox entry, in the same SQLite transaction, holding exactly what changed.

Services know nothing of this: a session opened with ``info["outbox"] = True`` records new
and changed rows as they are flushed and freezes them into an ``OutboxEntry`` just before the
commit.  A kiosk losing power after a check-in therefore never has a check-in without its
outbox entry, nor an outbox entry without its check-in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, delete, event, func, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from app.contract import ContractError, actors, check_payload
from app.db import rowcount
from app.errors import FrontDeskError, RowRefused
from app.ids import new_id
from app.models import Base, OutboxEntry, SyncState
from app.models.sync import PENDING
from app.sync.codec import DESK_TABLES, LOCAL_ONLY_COLUMNS, content_hash, encode_value, row_to_dict

ORDER = {name: i for i, name in enumerate(DESK_TABLES)}  # parents before children
_OPS = "_outbox_ops"


def _key(obj: Base) -> tuple[str, str]:
    return obj.__tablename__, obj.id  # type: ignore[attr-defined]  # every synced model has both


def _after_flush(session: Session, _ctx: Any) -> None:
    if not session.info.get("outbox"):
        return
    ops: dict[tuple[str, str], dict[str, Any]] = session.info.setdefault(_OPS, {})
    for obj in session.new:
        if obj.__tablename__ in DESK_TABLES:
            ops[_key(obj)] = {"op": "insert", "obj": obj}
    for obj in session.dirty:
        table = obj.__tablename__
        if table not in DESK_TABLES or not session.is_modified(obj):
            continue
        op = ops.get(_key(obj))
        if op is not None and op["op"] == "insert":
            continue  # the insert carries the final state
        state = inspect(obj)
        changed: set[str] = set()
        base: int | None = None
        for attr in state.mapper.column_attrs:
            hist = state.attrs[attr.key].history
            if not hist.has_changes():
                continue
            if attr.key == "version":
                base = hist.deleted[0] if hist.deleted else None
            elif attr.key not in LOCAL_ONLY_COLUMNS.get(table, set()):
                changed.add(attr.key)
        if not changed:
            continue
        if op is None:
            version = getattr(obj, "version", None)
            op = ops[_key(obj)] = {
                "op": "patch",
                "obj": obj,
                "fields": set(),
                "base_version": base if base is not None else version,
            }
        op["fields"] |= changed


def _before_commit(session: Session, proofs: dict[str, dict[str, str]]) -> None:
    if not session.info.get("outbox"):
        return
    session.flush()
    pending: dict[tuple[str, str], dict[str, Any]] = session.info.pop(_OPS, {})
    if not pending:
        return
    ops = []
    for (table, row_id), op in sorted(pending.items(), key=lambda kv: ORDER[kv[0][0]]):
        obj = op["obj"]
        if op["op"] == "insert":
            ops.append({"op": "insert", "t": table, "id": row_id, "data": row_to_dict(obj)})
        else:
            ops.append(
                {
                    "op": "patch",
                    "t": table,
                    "id": row_id,
                    "base_version": op["base_version"],
                    "data": {f: encode_value(getattr(obj, f)) for f in sorted(op["fields"])},
                }
            )
    payload: dict[str, Any] = {"ops": ops}
    named = actors(ops)
    if named:
        if len(named) > 1 or next(iter(named)) not in proofs:
            raise FrontDeskError("not_signed_in")
        payload["proof"] = proofs[next(iter(named))]
    try:
        check_payload(payload)
    except ContractError as exc:  # the commit fails: nothing of the transaction is kept
        raise RowRefused(field=exc.field, rule=exc.rule) from exc
    seq = next_seq(session)
    from app.clock import utcnow

    session.info["_outbox_queued"] = True
    session.add(
        OutboxEntry(
            mutation_id=new_id(),
            device_seq=seq,
            payload=payload,
            content_hash=content_hash(payload),
            occurred_at=utcnow(),
        )
    )
    session.flush()


def next_seq(session: Session) -> int:
    """The next entry's number: above every entry held and every entry let go."""
    held = select(func.max(OutboxEntry.device_seq)).scalar_subquery()
    gone = select(SyncState.seq_floor).where(SyncState.id == 1).scalar_subquery()
    top = session.execute(select(func.coalesce(held, 0), func.coalesce(gone, 0))).one()
    return max(int(top[0]), int(top[1])) + 1


def let_go(session: Session, *where: ColumnElement[bool]) -> int:
    """Delete answered outbox entries (those matching ``where`` too), keeping their highest
    number as the floor the numbering goes on from.  Pending entries are never let go."""
    answered = (OutboxEntry.state != PENDING, *where)
    top = session.scalar(select(func.max(OutboxEntry.device_seq)).where(*answered))
    if top is None:
        return 0
    state = session.get(SyncState, 1)
    if state is None:
        state = SyncState(id=1, cursor=0)
        session.add(state)
    state.seq_floor = max(state.seq_floor or 0, int(top))
    session.flush()
    return rowcount(session.execute(delete(OutboxEntry).where(*answered)))


def _forget(session: Session, *_: Any) -> None:
    session.info.pop(_OPS, None)


def install(
    sessions: sessionmaker[Session],
    on_queued: Callable[[], None] | None = None,
    proofs: dict[str, dict[str, str]] | None = None,
) -> None:
    """Record changes of every session ``sessions`` makes (those with ``info['outbox']``);
    ``on_queued`` is called after each commit that queued an entry (to wake the pusher).
    A change naming a staff member carries that person's sign-in proof from ``proofs``; one
    naming a person not signed in on this desk is refused (``RowRefused``)."""
    book = proofs if proofs is not None else {}

    def _after_commit(session: Session) -> None:
        if session.info.pop("_outbox_queued", False) and on_queued is not None:
            on_queued()

    event.listen(sessions, "after_commit", _after_commit)
    event.listen(sessions, "after_flush", _after_flush)
    event.listen(sessions, "before_commit", lambda session: _before_commit(session, book))
    event.listen(sessions, "after_rollback", _forget)
    event.listen(sessions, "after_soft_rollback", _forget)
