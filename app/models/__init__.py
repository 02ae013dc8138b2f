"""The one schema shared by every desk and the central server."""

from app.models.base import Base
from app.models.reference import (
    Appointment,
    AppointmentStatus,
    ClinicSession,
    Department,
    Doctor,
    Role,
    RosterSlot,
    Staff,
    SurveyDefinition,
)
from app.models.sync import (
    EventFlag,
    LocalSignInFailure,
    OutboxEntry,
    SetAsideChange,
    SyncState,
    UndoneRow,
)
from app.models.visit import (
    ArrivalChannel,
    AssistanceRequest,
    EventKind,
    Patient,
    Purpose,
    SourceChannel,
    SurveyResponse,
    TicketRange,
    Visit,
    VisitEvent,
)

__all__ = [
    "Appointment",
    "AppointmentStatus",
    "ArrivalChannel",
    "AssistanceRequest",
    "Base",
    "ClinicSession",
    "Department",
    "Doctor",
    "EventFlag",
    "EventKind",
    "LocalSignInFailure",
    "OutboxEntry",
    "Patient",
    "Purpose",
    "Role",
    "RosterSlot",
    "SetAsideChange",
    "SourceChannel",
    "Staff",
    "SurveyDefinition",
    "SurveyResponse",
    "SyncState",
    "TicketRange",
    "UndoneRow",
    "Visit",
    "VisitEvent",
]
