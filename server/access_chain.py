"""The access log's hash chain (PIPL, issue 25).

Desks write access rows offline and send them like any change; the server links each row it
accepts to the one before, in the order they arrive: ``hash = sha256(prev_hash, seq, the row's
content hash)``.  Checking the chain recomputes every link: a row deleted or edited in the
database, a link removed or forged in the middle, or a row written around the server (no link)
shows, with where.  What the chain cannot show on its own is the newest links removed all
together; the head (``head()``: its number and hash) is what an auditor writes down or exports
to catch that.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.clock import utcnow
from app.models import AccessRecord
from app.sync.codec import content_hash, row_to_dict
from server.models import AccessChain

GENESIS = "0" * 64
CHUNK = 2_000


def link_hash(prev_hash: str, seq: int, row: AccessRecord) -> str:
    body = f"{prev_hash}\n{seq}\n{content_hash(row_to_dict(row))}"
    return hashlib.sha256(body.encode("ascii")).hexdigest()


def head(session: Session) -> tuple[int, str]:
    """The newest link: its number and hash (0 and the genesis hash before any)."""
    top = session.execute(
        select(AccessChain.seq, AccessChain.hash).order_by(AccessChain.seq.desc()).limit(1)
    ).first()
    return (int(top.seq), str(top.hash)) if top is not None else (0, GENESIS)


def append(session: Session, entry_ids: Iterable[str], lock: Callable[[], None]) -> int:
    """Link the access rows ``entry_ids`` that this transaction holds (in that order; one
    refused and rolled back is skipped), under ``lock`` — the change log's, which keeps two
    server processes from linking at once.  Returns how many were linked."""
    ids = list(dict.fromkeys(entry_ids))
    if not ids:
        return 0
    rows = {r.id: r for r in session.scalars(select(AccessRecord).where(AccessRecord.id.in_(ids)))}
    chained = set(
        session.scalars(select(AccessChain.entry_id).where(AccessChain.entry_id.in_(ids)))
    )
    todo = [rows[i] for i in ids if i in rows and i not in chained]
    if not todo:
        return 0
    lock()
    seq, prev = head(session)
    now = utcnow()
    for row in todo:
        seq += 1
        digest = link_hash(prev, seq, row)
        session.add(
            AccessChain(seq=seq, entry_id=row.id, received_at=now, prev_hash=prev, hash=digest)
        )
        prev = digest
    session.flush()
    return len(todo)


@dataclass
class ChainCheck:
    links: int = 0
    head: tuple[int, str] = (0, GENESIS)
    problems: list[str] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        return not self.problems


def verify(session: Session) -> ChainCheck:
    """Recompute every link, oldest first; say what is wrong and where."""
    check = ChainCheck()
    prev, expected, after = GENESIS, 1, 0
    while True:
        links = session.scalars(
            select(AccessChain)
            .where(AccessChain.seq > after)
            .order_by(AccessChain.seq)
            .limit(CHUNK)
        ).all()
        if not links:
            break
        rows = {
            r.id: r
            for r in session.scalars(
                select(AccessRecord).where(AccessRecord.id.in_([k.entry_id for k in links]))
            )
        }
        for link in links:
            check.links += 1
            if link.seq != expected:
                check.problems.append(f"links {expected} to {link.seq - 1} are missing")
            if link.prev_hash != prev:
                check.problems.append(f"link {link.seq} does not follow the link before it")
            row = rows.get(link.entry_id)
            if row is None:
                check.problems.append(f"link {link.seq}: access row {link.entry_id} was removed")
            elif link_hash(link.prev_hash, link.seq, row) != link.hash:
                check.problems.append(f"link {link.seq}: access row {link.entry_id} was changed")
            prev, expected, after = link.hash, link.seq + 1, link.seq
        session.expunge_all()
    check.head = (after, prev)
    unlinked = session.scalar(
        select(func.count())
        .select_from(AccessRecord)
        .where(~AccessRecord.id.in_(select(AccessChain.entry_id)))
    )
    if unlinked:
        check.problems.append(f"{unlinked} access rows have no link (written around the server)")
    return check
