"""The declared row contract of every table a desk writes: each column's JSON type, whether it
is required, its enumeration or range, its length limit — what a desk may put in a change and
the server will apply (docs/sync.md §4, generated from here by ``build/contract_doc.py``).

Rows travel in their JSON form (``app.sync.codec``): instants as ISO 8601 UTC with ``Z``,
days as ISO dates, enumerations as their values.  Validation is strict: a number is never
read from text, nor text from a number, nor a flag from ``"yes"``.

Models here describe the *insert*: every column a desk sends, required where the table has no
default.  A *patch* takes any non-empty subset of the columns a desk may change
(``PATCHABLE``), each with the same type; a required column is never patched to null.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from app import models
from app.contract.limits import JSON_MAX_BYTES, JSON_MAX_DEPTH, bounded_json
from app.lang import LANGUAGES

# -- the column types ------------------------------------------------------------------------

UUID = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"
UUID7 = r"^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"
# A real day of 2000-2099, in the pattern itself (checked by pydantic-core's regex engine, no
# Python call per value): days 1-28 of any month, 29-30 of all but February, 31 of the long
# months, 29 February of the years divisible by four (2000 was a leap year, 2100 is not here).
_DAY = (
    r"(?:20\d\d-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])"
    r"|(?:0[13-9]|1[0-2])-(?:29|30)"
    r"|(?:0[13578]|1[02])-31)"
    r"|20(?:[02468][048]|[13579][26])-02-29)"
)
INSTANT = rf"^{_DAY}T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{{1,6}})?Z$"
DAY = rf"^{_DAY}$"


NewRowId = Annotated[str, StringConstraints(pattern=UUID7)]
"""A row's own id: a UUIDv7 made by the desk, lower-case hex."""
RowRef = Annotated[str, StringConstraints(pattern=UUID)]
"""Another row's id: a UUID, lower-case hex."""
DeviceId = Annotated[str, StringConstraints(min_length=1, max_length=36)]
"""The sending device's id (the server checks it is the sender's)."""
Instant = Annotated[str, StringConstraints(pattern=INSTANT)]
"""An instant: ``YYYY-MM-DDTHH:MM:SS[.ffffff]Z``, in UTC, years 2000–2099."""
Day = Annotated[str, StringConstraints(pattern=DAY)]
"""A day: ``YYYY-MM-DD``, years 2000–2099 (the hospital's calendar day, its time zone)."""
Version = Annotated[int, Field(ge=1, le=2**31 - 1)]
StageName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,23}$")]
"""A stage of the visit: one of the hospital's stages (the server checks which)."""
Gender = Literal["M", "F", "U"]
AssistanceReason = Literal["help", "printer", "complaint", "emergency", "department"]
if TYPE_CHECKING:  # to a type checker the enumerations are text, their values unknown to it
    CaseKind: TypeAlias = str
    CaseChannel: TypeAlias = str
    CaseEventKind: TypeAlias = str
    FollowUpEventKind: TypeAlias = str
    DutyKind: TypeAlias = str
    AccessAction: TypeAlias = str
    Language: TypeAlias = str
    SourceChannel: TypeAlias = str
    ArrivalChannel: TypeAlias = str
    Purpose: TypeAlias = str
    Priority: TypeAlias = str
    EventKind: TypeAlias = str
else:  # to pydantic each is exactly its values, taken from one place
    CaseKind = Literal[*(k.value for k in models.CaseKind)]
    CaseChannel = Literal[*(c.value for c in models.CaseChannel)]
    CaseEventKind = Literal[*(k.value for k in models.CaseEventKind)]
    FollowUpEventKind = Literal[*(k.value for k in models.FollowUpEventKind)]
    DutyKind = Literal[*(k.value for k in models.DutyKind)]
    AccessAction = Literal[*(a.value for a in models.AccessAction)]
    Language = Literal[*LANGUAGES]
    SourceChannel = Literal[*(c.value for c in models.SourceChannel)]
    ArrivalChannel = Literal[*(c.value for c in models.ArrivalChannel)]
    Purpose = Literal[*(p.value for p in models.Purpose)]
    Priority = Literal[*(p.value for p in models.Priority)]
    EventKind = Literal[*(k.value for k in models.EventKind)]

Text40 = Annotated[str, StringConstraints(max_length=40)]
Text80 = Annotated[str, StringConstraints(max_length=80)]
Text200 = Annotated[str, StringConstraints(max_length=200)]
Text2000 = Annotated[str, StringConstraints(max_length=2000)]
Name40 = Annotated[str, StringConstraints(min_length=1, max_length=40)]
"""Text of at most so many characters (``Name40``: and at least one)."""


EventData = Annotated[dict[str, Any], AfterValidator(bounded_json)]
"""A small JSON object: at most ``JSON_MAX_DEPTH`` levels, ``JSON_MAX_BYTES`` bytes."""
SurveyAnswer = int | Annotated[str, StringConstraints(max_length=2000)] | list[Text40]
SurveyAnswers = Annotated[
    dict[Annotated[str, StringConstraints(min_length=1, max_length=40)], SurveyAnswer],
    Field(max_length=60),
]


class Row(BaseModel):
    """Every synced row: strict types, no column the contract does not name."""

    model_config = ConfigDict(extra="forbid", strict=True)


# -- the tables -------------------------------------------------------------------------------


class PatientRow(Row):
    """A patient as a desk registered them (``patients``)."""

    id: NewRowId
    version: Version = 1
    name: Name40
    gender: Gender = "U"
    age: Annotated[int, Field(ge=0, le=130)] | None = None
    phone: Annotated[str, StringConstraints(pattern=r"^1[3-9]\d{9}$")] | None = None
    district: Text40 = ""
    source_channel: SourceChannel | None = None
    verified: bool = False
    vip: bool = False
    created_at: Instant


class VisitRow(Row):
    """One patient's visit on one day (``visits``)."""

    id: NewRowId
    version: Version = 1
    day: Day
    patient_id: RowRef | None = None
    appointment_id: RowRef | None = None
    department_id: RowRef | None = None
    doctor_id: RowRef | None = None
    designated_doctor: bool = False
    purpose: Purpose | None = None
    purpose_text: Text200 = ""
    needs_escort: bool = False
    priority: Priority | None = None
    language: Language | None = None
    arrival_channel: ArrivalChannel
    source_channel: SourceChannel | None = None
    is_appointment: bool = False
    is_returning: bool = False
    verified: bool = False
    ticket_prefix: Annotated[str, StringConstraints(pattern=r"^[A-Z]{1,4}$")] | None = None
    ticket_seq: Annotated[int, Field(ge=1, le=9999)] | None = None
    created_at: Instant
    created_device_id: DeviceId
    created_staff_id: RowRef | None = None
    duplicate_of: None = None  # set by the server alone


class VisitEventRow(Row):
    """One step of a visit, append-only (``visit_events``)."""

    id: NewRowId
    visit_id: RowRef
    kind: EventKind
    stage: StageName | None = None
    staff_id: RowRef | None = None
    to_staff_id: RowRef | None = None
    device_id: DeviceId
    occurred_at: Instant
    supersedes_id: RowRef | None = None
    data: EventData = Field(default_factory=dict)


class AssistanceRequestRow(Row):
    """A "call a guide" and what became of it (``assistance_requests``)."""

    id: NewRowId
    version: Version = 1
    device_id: DeviceId
    location: Text80
    visit_id: RowRef | None = None
    language: Language = "zh_CN"
    reason: AssistanceReason = "help"
    survey_response_id: RowRef | None = None
    created_at: Instant
    acknowledged_at: Instant | None = None
    acknowledged_by: RowRef | None = None
    guide_name: Text40 | None = None
    escalated_at: Instant | None = None
    resolved_at: Instant | None = None
    resolved_by: RowRef | None = None


class SurveyResponseRow(Row):
    """One answer to a published survey (``survey_responses``)."""

    id: NewRowId
    survey_id: RowRef
    survey_code: Name40
    survey_revision: Version
    visit_id: RowRef | None = None
    ticket: Annotated[str, StringConstraints(pattern=r"^[A-Z]{1,4}\d{1,4}$")] | None = None
    day: Day | None = None
    duplicate_of: None = None  # set by the server alone
    department_id: RowRef | None = None
    doctor_id: RowRef | None = None
    guide_id: RowRef | None = None
    answers: SurveyAnswers
    language: Language
    complaint: bool = False
    comment: Text2000 = ""
    device_id: DeviceId
    created_at: Instant
    mode: Literal["kiosk", "phone"] = "kiosk"


class CaseRow(Row):
    """A complaint, enquiry, suggestion or praise (``cases``)."""

    id: NewRowId
    version: Version = 1
    kind: CaseKind
    channel: CaseChannel
    received_at: Instant
    summary: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    content: Text2000 = ""
    demand: Text2000 = ""
    contact_name: Text40 | None = None
    # a mobile or a landline with its area code: digits, one leading +, hyphens
    contact_phone: Annotated[str, StringConstraints(pattern=r"^\+?\d[\d-]{5,18}\d$")] | None = None
    relation: Literal["self", "family", "other"] = "self"
    patient_id: RowRef | None = None
    visit_id: RowRef | None = None
    request_id: RowRef | None = None
    survey_response_id: RowRef | None = None
    department_id: RowRef | None = None
    staff_involved: Text200 = ""
    category: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]{0,23}$")] = "other"
    severity: Literal["low", "normal", "high"] = "normal"
    created_device_id: DeviceId
    created_staff_id: RowRef | None = None
    server_received_at: None = None  # set by the server alone


class CaseEventRow(Row):
    """One step taken on a case, append-only (``case_events``)."""

    id: NewRowId
    case_id: RowRef
    kind: CaseEventKind
    staff_id: RowRef | None = None
    device_id: DeviceId
    occurred_at: Instant
    place: Text80 = ""
    data: EventData = Field(default_factory=dict)


class FollowUpEventRow(Row):
    """One attempt or decision on a follow-up call, append-only (``followup_events``)."""

    id: NewRowId
    task_id: RowRef
    kind: FollowUpEventKind
    number: Annotated[str, StringConstraints(pattern=r"^\+?\d[\d-]{5,18}\d$")] | None = None
    staff_id: RowRef | None = None
    device_id: DeviceId
    occurred_at: Instant
    note: Text2000 = ""
    data: EventData = Field(default_factory=dict)


class DutyNoteRow(Row):
    """One entry of the duty log, append-only (``duty_notes``): a note, a hand-over, or the
    next shift taking a hand-over over (``ref_id``)."""

    id: NewRowId
    day: Day
    kind: DutyKind
    text: Text2000 = ""
    staff_id: RowRef
    device_id: DeviceId
    created_at: Instant
    ref_id: RowRef | None = None
    data: EventData = Field(default_factory=dict)


class AccessRow(Row):
    """One entry of the access log, append-only (``access_log``): a person at a staff desk
    opened, searched, revealed, printed, exported or changed a patient's data.  It names
    patients, visits and cases by id only, a search by its kind and count — never what was
    typed."""

    id: NewRowId
    day: Day
    at: Instant
    staff_id: RowRef
    device_id: DeviceId
    action: AccessAction
    what: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]{0,23}$")]
    patient_id: RowRef | None = None
    visit_id: RowRef | None = None
    ref_id: RowRef | None = None
    purpose: Text200 = ""
    data: EventData = Field(default_factory=dict)


class SignInProof(Row):
    """Who made a staff desk's change: proof that this person signed in on this desk
    (``app.security.sign_in_proof``), carried in the change beside its ops."""

    staff_id: RowRef
    at: Instant
    mac: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{32}$")]


# Columns naming the person who did what a change records: a staff desk's change that names
# one carries that person's sign-in proof; a kiosk's names none.
ACTOR_COLUMNS: dict[str, tuple[str, ...]] = {
    "visits": ("created_staff_id",),
    "visit_events": ("staff_id",),
    "assistance_requests": ("acknowledged_by", "resolved_by"),
    "cases": ("created_staff_id",),
    "case_events": ("staff_id",),
    "followup_events": ("staff_id",),
    "duty_notes": ("staff_id",),
    "access_log": ("staff_id",),
}

ROWS: dict[str, type[Row]] = {
    "patients": PatientRow,
    "visits": VisitRow,
    "visit_events": VisitEventRow,
    "assistance_requests": AssistanceRequestRow,
    "survey_responses": SurveyResponseRow,
    "cases": CaseRow,
    "case_events": CaseEventRow,
    "followup_events": FollowUpEventRow,
    "duty_notes": DutyNoteRow,
    "access_log": AccessRow,
}

# What a desk may change in a row it (or another desk) made; everything else is fixed at
# insert, derived by each desk, or set by the server.
PATCHABLE: dict[str, frozenset[str]] = {
    "patients": frozenset(
        {"name", "gender", "age", "phone", "district", "source_channel", "verified", "vip"}
    ),
    "visits": frozenset(
        {
            "patient_id",
            "department_id",
            "doctor_id",
            "designated_doctor",
            "purpose",
            "purpose_text",
            "needs_escort",
            "priority",
            "source_channel",
            "is_returning",
            "verified",
            "ticket_prefix",
            "ticket_seq",
        }
    ),
    "visit_events": frozenset(),  # append-only
    "assistance_requests": frozenset(
        {
            "acknowledged_at",
            "acknowledged_by",
            "guide_name",
            "escalated_at",
            "resolved_at",
            "resolved_by",
        }
    ),
    "survey_responses": frozenset(),  # an answer is given once
    # what a case is about may be completed or put right; what was done on it is an event
    "cases": frozenset(
        {
            "summary",
            "content",
            "demand",
            "contact_name",
            "contact_phone",
            "relation",
            "patient_id",
            "visit_id",
            "department_id",
            "staff_involved",
            "category",
            "severity",
        }
    ),
    "case_events": frozenset(),  # append-only
    "followup_events": frozenset(),  # append-only
    "duty_notes": frozenset(),  # append-only
    "access_log": frozenset(),  # append-only
}

__all__ = [
    "ACTOR_COLUMNS",
    "JSON_MAX_BYTES",
    "JSON_MAX_DEPTH",
    "PATCHABLE",
    "ROWS",
    "Row",
    "SignInProof",
]
