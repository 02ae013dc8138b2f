"""What this desk did that the server has not answered yet: the rows still waiting in its
outbox.  A desk that defers to the server's decision (who owns a case, who holds a call) shows
its own unanswered acts on top of the last word it heard."""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, cast, select
from sqlalchemy.orm import Session

from app.models import OutboxEntry


def unanswered_rows(session: Session, table: str, column: str, value: str) -> list[dict[str, Any]]:
    """The ``table`` rows (as sent) whose ``column`` is ``value`` still waiting in the outbox."""
    pending = session.scalars(
        select(OutboxEntry.payload).where(
            OutboxEntry.state == "pending",
            cast(OutboxEntry.payload, String).contains(value),
        )
    )
    return [
        {"id": op.get("id"), **(op.get("data") or {})}
        for payload in pending
        for op in payload.get("ops", [])
        if op.get("t") == table and (op.get("data") or {}).get(column) == value
    ]


def unanswered_ids(session: Session, table: str, column: str, value: str) -> set[str]:
    """Ids of the ``table`` rows whose ``column`` is ``value`` still waiting in the outbox."""
    return {str(row["id"]) for row in unanswered_rows(session, table, column, value)}
