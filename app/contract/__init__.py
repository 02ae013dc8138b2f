"""The declared contract of synced rows — one source for the desk's check before a change
enters its outbox, the server's check of every op it is sent, the published OpenAPI, and the
column lists in docs/sync.md (§4).

``check_op(op)`` raises ``ContractError`` naming the table, the field and the rule broken; the
message never repeats the value (it may be a patient's name)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from app.contract.limits import MAX_OPS
from app.contract.rows import ACTOR_COLUMNS, PATCHABLE, ROWS, Row, SignInProof

OP_KINDS = ("insert", "patch")
OP_KEYS = frozenset({"op", "t", "id", "base_version", "data"})
PAYLOAD_KEYS = frozenset({"ops", "proof"})
PROOF_KEYS = frozenset({"staff_id", "at", "mac"})


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


_VALIDATORS = {table: model.__pydantic_validator__ for table, model in ROWS.items()}
_PROOF = SignInProof.__pydantic_validator__


def _unknown_table(table: Any) -> ContractError:
    return ContractError("t", "table_not_allowed", f"no synced table {str(table)[:40]!r}")


def check_row(table: str, data: Any) -> None:
    """A whole row, as an insert carries it."""
    validator = _VALIDATORS.get(table)
    if validator is None:
        raise _unknown_table(table)
    try:
        validator.validate_python(data)
    except ValidationError as exc:
        raise _first(exc, table) from None


def check_patch(table: str, data: Any) -> None:
    """Some columns of a row, as a patch carries them: at least one, each one a desk may
    change, each of its declared type."""
    model = ROWS.get(table)
    if model is None:
        raise _unknown_table(table)
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
    if not op.keys() <= OP_KEYS:
        extra = sorted(str(key) for key in op.keys() - OP_KEYS)[0]
        raise ContractError(f"ops.{extra[:40]}", "extra_forbidden", "not a key of an op")
    kind, table, row_id, data = op.get("op"), op.get("t"), op.get("id"), op.get("data")
    if kind not in OP_KINDS:
        raise ContractError("op", "malformed", "an op is insert or patch")
    if table not in ROWS:
        raise _unknown_table(table)
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
    if not payload.keys() <= PAYLOAD_KEYS:
        extra = sorted(str(key) for key in payload.keys() - PAYLOAD_KEYS)[0]
        raise ContractError(
            f"payload.{extra[:40]}", "extra_forbidden", "a change has ops and a proof"
        )
    ops = payload.get("ops")
    if not isinstance(ops, list) or not ops:
        raise ContractError("ops", "malformed", "a change carries a non-empty list of ops")
    if len(ops) > MAX_OPS:
        raise ContractError("ops", "too_many", f"at most {MAX_OPS} rows in one change")
    for op in ops:
        check_op(op)
    if "proof" in payload:
        proof = payload["proof"]
        if isinstance(proof, dict) and proof.keys() == PROOF_KEYS:
            values = tuple(proof[key] for key in ("staff_id", "at", "mac"))
            if all(type(value) is str for value in values):
                _check_proof(*values)  # a desk sends one proof with change after change
                return actors(ops)
        _check_proof_object(proof)
    return actors(ops)


def _check_proof_object(proof: Any) -> None:
    try:
        _PROOF.validate_python(proof)
    except ValidationError as exc:
        raise _first(exc, "proof") from None


@functools.lru_cache(maxsize=1024)
def _check_proof(staff_id: str, at: str, mac: str) -> None:
    """A sign-in proof's shape, remembered once it held (a refusal raises, and is not)."""
    _check_proof_object({"staff_id": staff_id, "at": at, "mac": mac})


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
