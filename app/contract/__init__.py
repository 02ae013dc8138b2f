"""The declared contract of synced rows — one source for the desk's check before a change
enters its outbox, the server's check of every op it is sent, the published OpenAPI, and the
column lists in docs/sync.md (§4).

``check_op(op)`` raises ``ContractError`` naming the table, the field and the rule broken; the
message never repeats the value (it may be a patient's name)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from app.contract.limits import MAX_OPS
from app.contract.rows import ACTOR_COLUMNS, PATCHABLE, ROWS, Row, SignInProof

OP_KINDS = ("insert", "patch")
OP_KEYS = frozenset({"op", "t", "id", "base_version", "data"})
PAYLOAD_KEYS = frozenset({"ops", "proof"})


@dataclass
class ContractError(ValueError):
    """A change that breaks the contract: ``field`` (``table.column``, or a part of the
    change) and ``rule`` (a short stable name, e.g. ``missing``, ``literal_error``,
    ``string_too_long``, ``not_patchable``) say what; ``message`` says it in words."""

    field: str
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message} ({self.rule})"

    def as_answer(self) -> dict[str, str]:
        return {"field": self.field, "rule": self.rule, "detail": self.message[:200]}


def _first(exc: ValidationError, table: str) -> ContractError:
    err = exc.errors(include_url=False, include_input=False)[0]
    loc = ".".join(str(part) for part in err["loc"])
    return ContractError(f"{table}.{loc}" if loc else table, err["type"], err["msg"])


def check_row(table: str, data: Any) -> None:
    """A whole row, as an insert carries it."""
    model = ROWS.get(table)
    if model is None:
        raise ContractError("t", "table_not_allowed", f"no synced table {str(table)[:40]!r}")
    try:
        model.__pydantic_validator__.validate_python(data)
    except ValidationError as exc:
        raise _first(exc, table) from None


def check_patch(table: str, data: Any) -> None:
    """Some columns of a row, as a patch carries them: at least one, each one a desk may
    change, each of its declared type."""
    model = ROWS.get(table)
    if model is None:
        raise ContractError("t", "table_not_allowed", f"no synced table {str(table)[:40]!r}")
    if not isinstance(data, dict) or not data:
        raise ContractError(f"{table}", "empty_patch", "a patch changes at least one column")
    for key, value in data.items():
        if key not in PATCHABLE[table]:
            known = key in model.model_fields
            raise ContractError(
                f"{table}.{str(key)[:40]}",
                "not_patchable" if known else "extra_forbidden",
                "is set once, when the row is made" if known else "is not a column of this table",
            )
        try:
            model.__pydantic_validator__.validate_assignment(model.model_construct(), key, value)
        except ValidationError as exc:
            raise _first(exc, table) from None


def check_op(op: Any) -> None:
    """One op of a change: ``{"op": "insert"|"patch", "t": table, "id": …, "data": {…}}``
    (a patch also names its ``base_version``)."""
    if not isinstance(op, dict):
        raise ContractError("ops", "malformed", "an op is an object")
    extra = set(op) - OP_KEYS
    if extra:
        raise ContractError(
            f"ops.{str(sorted(extra)[0])[:40]}", "extra_forbidden", "not a key of an op"
        )
    kind, table, row_id, data = op.get("op"), op.get("t"), op.get("id"), op.get("data")
    if kind not in OP_KINDS:
        raise ContractError("op", "malformed", "an op is insert or patch")
    if table not in ROWS:
        raise ContractError("t", "table_not_allowed", f"no synced table {str(table)[:40]!r}")
    if not isinstance(row_id, str) or not isinstance(data, dict):
        raise ContractError("id", "malformed", "an op has an id and data")
    if kind == "insert":
        check_row(table, data)
        if data.get("id") != row_id:
            raise ContractError(f"{table}.id", "id_mismatch", "differs from the op's id")
    else:
        base = op.get("base_version")
        if not isinstance(base, int) or isinstance(base, bool) or base < 1:
            raise ContractError("base_version", "malformed", "a patch names its base_version")
        try:
            ROWS[table].__pydantic_validator__.validate_assignment(
                ROWS[table].model_construct(), "id", row_id
            )
        except ValidationError as exc:
            raise _first(exc, table) from None
        check_patch(table, data)


def check_payload(payload: Any) -> set[str]:
    """A whole change — one desk transaction — before anything of it is stored or hashed.
    Every key at every level is one the contract names, and each value is checked against
    its type there: nothing nests deeper than a JSON column allows (``JSON_MAX_DEPTH``), so
    a hostile structure is refused at its first unexpected level.  Returns the staff members
    the change names as having done it (``actors``)."""
    if not isinstance(payload, dict):
        raise ContractError("payload", "malformed", "a change is an object")
    extra = set(payload) - PAYLOAD_KEYS
    if extra:
        raise ContractError(
            f"payload.{str(sorted(extra)[0])[:40]}",
            "extra_forbidden",
            "a change has ops and a proof",
        )
    ops = payload.get("ops")
    if not isinstance(ops, list) or not ops:
        raise ContractError("ops", "malformed", "a change carries a non-empty list of ops")
    if len(ops) > MAX_OPS:
        raise ContractError("ops", "too_many", f"at most {MAX_OPS} rows in one change")
    for op in ops:
        check_op(op)
    if "proof" in payload:
        try:
            SignInProof.__pydantic_validator__.validate_python(payload["proof"])
        except ValidationError as exc:
            raise _first(exc, "proof") from None
    return actors(ops)


def actors(ops: Any) -> set[str]:
    """The staff members a change names as having done it (``ACTOR_COLUMNS``)."""
    found: set[str] = set()
    for op in ops if isinstance(ops, list) else ():
        if not isinstance(op, dict) or not isinstance(op.get("data"), dict):
            continue
        for column in ACTOR_COLUMNS.get(str(op.get("t")), ()):
            value = op["data"].get(column)
            if isinstance(value, str):
                found.add(value)
    return found


__all__ = [
    "ACTOR_COLUMNS",
    "OP_KINDS",
    "PATCHABLE",
    "ROWS",
    "ContractError",
    "Row",
    "actors",
    "check_op",
    "check_patch",
    "check_payload",
    "check_row",
]
