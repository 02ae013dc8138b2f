"""The sync protocol's bodies as the published OpenAPI describes them (docs/sync.md §2–§4),
built on the row contract (app/contract).  The push is parsed by hand on its hot path
(server/sync/incoming.py) and each change checked with the contract; these models only *describe* it
— with the same types — so that a client written from the schema sends what the server takes.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import models_json_schema

from app.contract import ROWS
from app.contract.limits import MAX_OPS
from app.contract.rows import (
    AssistanceRequestRow,
    CaseEventRow,
    CaseRow,
    FollowUpEventRow,
    PatientRow,
    SignInProof,
    SurveyResponseRow,
    VisitEventRow,
    VisitRow,
)

Table = Literal[
    "patients",
    "visits",
    "visit_events",
    "assistance_requests",
    "survey_responses",
    "cases",
    "case_events",
    "followup_events",
    "duty_notes",
    "access_log",
]
assert set(Table.__args__) == set(ROWS)  # type: ignore[attr-defined]  # Literal's members


class Closed(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Op(Closed):
    """One row of a change: an insert carries the whole row (its table's contract), a patch
    some of its columns and the version it was made against."""

    op: Literal["insert", "patch"]
    t: Table
    id: Annotated[str, Field(min_length=36, max_length=36)]
    base_version: Annotated[int, Field(ge=1)] | None = None
    data: (
        PatientRow
        | VisitRow
        | VisitEventRow
        | AssistanceRequestRow
        | SurveyResponseRow
        | CaseRow
        | CaseEventRow
        | FollowUpEventRow
        | dict[str, Any]
    )


class Change(Closed):
    """One local transaction's changes, with the sign-in proof of the person it names."""

    ops: Annotated[list[Op], Field(min_length=1, max_length=MAX_OPS)]
    proof: SignInProof | None = None


class MutationIn(Closed):
    mutation_id: Annotated[str, Field(min_length=1, max_length=36)]
    device_seq: Annotated[int, Field(ge=1)]
    payload: Change
    content_hash: Annotated[str, Field(max_length=80, pattern=r"^sha256:[0-9a-f]{64}$")]
    occurred_at: Annotated[str, Field(max_length=40)] = ""


class PushBody(Closed):
    """``POST /sync/v1/push``: at most 500 mutations, 1 MiB."""

    batch_id: Annotated[str, Field(max_length=36)] = ""
    mutations: Annotated[list[MutationIn], Field(max_length=500)]
    released_through: Annotated[
        int,
        Field(
            ge=0,
            lt=2**31,
            description="the highest device_seq of the desk's mutations it no longer holds "
            "(answered, then let go): numbering goes on above it; a server restored from a "
            "backup skips to it",
        ),
    ] = 0


class MutationResult(BaseModel):
    """What became of one mutation (docs/sync.md §3)."""

    mutation_id: str
    status: Literal["applied", "duplicate", "conflict", "rejected", "quarantined", "deferred"]
    code: str | None = Field(None, description="rejected: forbidden, invalid_data, …")
    field: str | None = Field(None, description="invalid_data: table.column")
    rule: str | None = Field(None, description="invalid_data: the rule broken")
    detail: str | None = None
    reason: str | None = Field(None, description="quarantined: the error's kind")
    seq: int | None = None
    conflicts: list[dict[str, Any]] | None = None
    waiting_for: dict[str, str] | None = None
    expected_device_seq: int | None = None
    duplicate: bool | None = None
    waited: bool | None = None


class PushAnswer(BaseModel):
    server_epoch: str
    results: list[MutationResult]
    acked_through_device_seq: int


class ChangeRow(BaseModel):
    """One change a desk pulls: a row as the server holds it (``upsert``), or the undoing
    of this desk's refused change (``revert`` with the row, ``gone``)."""

    seq: int
    entity_type: str
    entity_id: str
    op: Literal["upsert", "revert", "gone", "delete"]
    version: int
    data: dict[str, Any]
    origin_device_id: str | None
    origin_mutation_id: str | None


class ChangesPage(BaseModel):
    """``GET /sync/v1/changes``: changes after the cursor in this device's scopes."""

    changes: list[ChangeRow]
    cursor: int
    has_more: bool
    max_seq: int
    server_epoch: str
    scope_set: str


class Problem(BaseModel):
    """An error answer: ``detail`` says what, in words (or, for 410, the resync to do)."""

    detail: Any


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "the body is not JSON"},
    401: {"model": Problem, "description": "no device token, or a wrong one"},
    403: {"model": Problem, "description": "the device is revoked, or the wrong kind"},
    413: {"model": Problem, "description": "the body is over its limit (read while it streams)"},
    422: {"model": Problem, "description": "a parameter or body field is not valid"},
}


def install_openapi(app: FastAPI) -> None:
    """The app's OpenAPI, with the push body (parsed by hand) described by ``PushBody``."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = get_openapi(title=app.title, version=app.version, routes=app.routes)
        _, defs = models_json_schema(
            [(PushBody, "validation")], ref_template="#/components/schemas/{model}"
        )
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components.update(defs.get("$defs", {}))
        push = schema["paths"]["/sync/v1/push"]["post"]
        push["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PushBody"}}},
        }
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]  # FastAPI's way to extend the schema
