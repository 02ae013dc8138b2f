"""How the server answers a desk's mutation it will not apply as sent: refused (``Rejected``,
with its code and, for a row that breaks the contract, its field and rule), or waiting for a
row that is on its way (``Waiting``); and what an applied one met (``Outcome``).  Shared by
the rules of every table (server/sync/rules.py, server/sync/task_events.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.models import Staff
from server.sync.batch import Batch


class Rejected(Exception):
    """The mutation breaks a rule; nothing of it is applied.  ``code`` says which; for
    ``invalid_data``, ``field`` and ``rule`` say where and what (app/contract)."""

    def __init__(self, code: str, detail: str = "", *, field: str = "", rule: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail
        self.field = field
        self.rule = rule

    @classmethod
    def invalid(cls, field: str, rule: str, detail: str) -> Rejected:
        return cls("invalid_data", detail, field=field, rule=rule)

    def answer(self) -> dict[str, Any]:
        out: dict[str, Any] = {"status": "rejected", "code": self.code, "detail": self.detail[:200]}
        if self.field:
            out["field"], out["rule"] = self.field, self.rule
        return out


class Waiting(Exception):
    """The mutation names a row the server does not have (yet): ``table`` ``row_id``."""

    def __init__(self, table: str, row_id: str) -> None:
        super().__init__(f"waits for {table} {row_id}")
        self.table = table
        self.row_id = row_id


def missing(table: str, row_id: Any) -> Exception:
    """What to raise for a row that is not here: wait for it, if it is a row at all."""
    if isinstance(row_id, str) and 0 < len(row_id) <= 36:
        return Waiting(table, row_id)
    return Rejected.invalid(table, "string_pattern_mismatch", f"not a {table} id")


@dataclass
class Outcome:
    status: str = "applied"
    conflicts: list[dict[str, Any]] = field(default_factory=list)

    def conflict(self, **details: Any) -> None:
        self.status = "conflict"
        self.conflicts.append(details)


def staff_name(batch: Batch, staff_id: str | None) -> str | None:
    staff = batch.get(Staff, staff_id) if staff_id else None
    return staff.display_name if staff else None
