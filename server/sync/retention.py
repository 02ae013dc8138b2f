"""Keeping the change log from growing without end (docs/sync.md §9, scenario 30).

Two kinds of rows older than the retention period go:

* **superseded rows**: a later row for the same entity in the same scope exists.  Every row
  carries the entity's whole state, so a desk pulling past the gap gets the later row and ends
  where it would have ended anyway.  No cursor ever becomes invalid, however old: a desk that
  was away for months catches up from its cursor with one row per entity, not one per change,
  instead of starting over.
* **whole day scopes** (``visits:``, ``appts:``, ``kappts:``) of days before the period: no
  desk pulls them any more — a desk still holding such a scope is answered 410
  ``scope_changed`` and starts again from today's.

Rows go in small transactions, so pushes and pulls go on meanwhile.  On PostgreSQL an
advisory lock keeps two server processes from pruning at once.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import delete, func, select, text, true

from app.db import Database, rowcount
from server.models import ChangeLog

log = logging.getLogger(__name__)
DAY_SCOPES = ("visits:", "appts:", "kappts:")
PRUNE_LOCK = 7_041_978
CHUNK = 5_000


@dataclass(frozen=True)
class Pruned:
    superseded: int
    old_days: int
    kept: int
    seconds: float
    skipped: bool = False  # another server process was pruning

    def describe(self) -> str:
        if self.skipped:
            return "change log: another server process is pruning it; nothing done here"
        return (
            f"change log: {self.superseded} superseded and {self.old_days} old-day rows removed "
            f"in {self.seconds:.1f} s; {self.kept} kept"
        )


def _day(scope: str) -> dt.date | None:
    if not scope.startswith(DAY_SCOPES):
        return None
    try:
        return dt.date.fromisoformat(scope.split(":", 1)[1])
    except ValueError:
        return None


def _chunks(seqs: list[int]) -> Iterator[list[int]]:
    for i in range(0, len(seqs), CHUNK):
        yield seqs[i : i + CHUNK]


def _delete(db: Database, seqs: list[int]) -> int:
    gone = 0
    for chunk in _chunks(seqs):
        with db.session() as s:
            gone += rowcount(s.execute(delete(ChangeLog).where(ChangeLog.seq.in_(chunk))))
    return gone


def prune(db: Database, *, now: dt.datetime, today: dt.date, days: int) -> Pruned:
    """Remove what no desk needs from the change log: rows committed before ``now - days``
    that are superseded, and day scopes before ``today - days``."""
    started = time.perf_counter()
    with _only_one(db) as mine:
        if not mine:
            return Pruned(0, 0, 0, 0.0, skipped=True)
        cutoff, first_day = now - dt.timedelta(days=days), today - dt.timedelta(days=days)
        c = ChangeLog
        with db.reading() as s:
            scopes = list(s.scalars(select(c.scope).distinct()))
            old_scopes = [sc for sc in scopes if (d := _day(sc)) is not None and d < first_day]
            old = list(
                s.scalars(select(c.seq).where(c.scope.in_(old_scopes), c.committed_at < cutoff))
            )
            newest = (
                func.row_number()
                .over(partition_by=(c.scope, c.entity_type, c.entity_id), order_by=c.seq.desc())
                .label("newest")
            )
            ranked = (
                select(c.seq, c.committed_at, newest)
                .where(c.scope.not_in(old_scopes) if old_scopes else true())
                .subquery()
            )
            superseded = list(
                s.scalars(
                    select(ranked.c.seq).where(ranked.c.newest > 1, ranked.c.committed_at < cutoff)
                )
            )
        old_days = _delete(db, old)
        gone = _delete(db, superseded)
        with db.reading() as s:
            kept = int(s.scalar(select(func.count()).select_from(c)) or 0)
    result = Pruned(gone, old_days, kept, time.perf_counter() - started)
    log.info("%s", result.describe())
    return result


@contextlib.contextmanager
def _only_one(db: Database) -> Iterator[bool]:
    """PostgreSQL: a session advisory lock, tried not waited for; SQLite: one process."""
    if db.engine.dialect.name != "postgresql":
        yield True
        return
    with db.engine.connect() as conn:
        got = bool(conn.scalar(text("SELECT pg_try_advisory_lock(:k)"), {"k": PRUNE_LOCK}))
        conn.commit()
        try:
            yield got
        finally:
            if got:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": PRUNE_LOCK})
                conn.commit()
