"""Expected failures a person can act on, each with a stable code and a message in the
screen's language (English source, translated in the Qt Linguist files: app/i18n.py).

Bugs are ordinary exceptions; only these are shown to the user as messages.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from app.i18n import QT_TRANSLATE_NOOP, Text, localise, translate

# code -> the message in English, {placeholders} filled from params; translated in
# resources/i18n/*.ts (context "Errors", app/i18n.py)
MESSAGES: dict[str, str] = {
    "required": QT_TRANSLATE_NOOP("Errors", "{label} is required."),
    "survey_invalid": QT_TRANSLATE_NOOP("Errors", "The survey cannot be used: {detail}"),
    "no_survey": QT_TRANSLATE_NOOP(
        "Errors", "There is no survey to answer right now; please ask a guide."
    ),
    "survey_ticket": QT_TRANSLATE_NOOP(
        "Errors", "Type the number as printed on your ticket, for example A001."
    ),
    "contact_phone_invalid": QT_TRANSLATE_NOOP(
        "Errors",
        "A phone number is a mobile (11 digits starting with 1) or a landline with its area "
        "code, e.g. 010-65123456.",
    ),
    "phone_invalid": QT_TRANSLATE_NOOP(
        "Errors", "A mobile number has 11 digits and starts with 1, e.g. 13812345678."
    ),
    "name_invalid": QT_TRANSLATE_NOOP(
        "Errors", "A name may contain Chinese characters, letters, spaces and “·” only."
    ),
    "too_long": QT_TRANSLATE_NOOP("Errors", "{label} may be at most {max} characters."),
    "age_invalid": QT_TRANSLATE_NOOP("Errors", "Age must be a whole number from 0 to 130."),
    "choice_invalid": QT_TRANSLATE_NOOP("Errors", "That is not a valid choice for {label}."),
    "code_not_found": QT_TRANSLATE_NOOP(
        "Errors",
        "We could not find this check-in code. Please check your booking message, or call a guide "
        "to help you.",
    ),
    "phone_not_found": QT_TRANSLATE_NOOP(
        "Errors", "We found no appointment today for this phone number. A guide can help you."
    ),
    "appointment_other_day": QT_TRANSLATE_NOOP(
        "Errors", "Your appointment is on {date}, not today."
    ),
    "appointment_cancelled": QT_TRANSLATE_NOOP("Errors", "This appointment has been cancelled."),
    "already_checked_in": QT_TRANSLATE_NOOP(
        "Errors", "You have already checked in. Your number is {ticket}."
    ),
    "too_early": QT_TRANSLATE_NOOP("Errors", "You are early: check-in opens at {opens}."),
    "too_late": QT_TRANSLATE_NOOP(
        "Errors",
        "Your appointment time has passed. Please see a guide at the desk; they will help you.",
    ),
    "not_found": QT_TRANSLATE_NOOP("Errors", "{label} was not found."),
    "own_handover": QT_TRANSLATE_NOOP(
        "Errors", "A hand-over is taken over by the next shift, not by the one who wrote it."
    ),
    "reason_needed": QT_TRANSLATE_NOOP(
        "Errors",
        "The booked time is {time}, outside the check-in window: write down why the patient is "
        "checked in now.",
    ),
    "kiosk_not_ready": QT_TRANSLATE_NOOP(
        "Errors",
        "This kiosk is still loading today’s appointments. Please wait a moment, or call a guide "
        "to help you.",
    ),
    "stage_move_refused": QT_TRANSLATE_NOOP(
        "Errors", "A visit cannot move from {from_stage} to {to_stage}."
    ),
    "stage_unknown": QT_TRANSLATE_NOOP("Errors", "There is no stage called {stage}."),
    "visit_departed": QT_TRANSLATE_NOOP(
        "Errors", "This patient has departed; reopen the visit first to continue."
    ),
    "claimed_by_other": QT_TRANSLATE_NOOP("Errors", "{holder} is already escorting this patient."),
    "not_escort_holder": QT_TRANSLATE_NOOP(
        "Errors", "Only the guide escorting this patient can do that."
    ),
    "not_escorted": QT_TRANSLATE_NOOP("Errors", "Nobody is escorting this patient now."),
    "doctor_not_on_roster": QT_TRANSLATE_NOOP(
        "Errors", "{doctor} is not on duty in {department} today."
    ),
    "no_ticket_numbers": QT_TRANSLATE_NOOP(
        "Errors", "No ticket numbers are left for {department} today; please ask a guide."
    ),
    "not_allowed": QT_TRANSLATE_NOOP("Errors", "Your role does not allow this."),
    "signin_failed": QT_TRANSLATE_NOOP("Errors", "Wrong user name or password."),
    "signin_locked": QT_TRANSLATE_NOOP(
        "Errors", "Too many failed sign-ins; try again after {until}."
    ),
    "row_refused": QT_TRANSLATE_NOOP(
        "Errors",
        "Not saved: {field} breaks the record contract ({rule}). Please tell the system "
        "administrator.",
    ),
    "not_signed_in": QT_TRANSLATE_NOOP(
        "Errors",
        "Not saved: this names a staff member who is not signed in on this desk. Please sign in "
        "again and retry.",
    ),
    "audit_offline": QT_TRANSLATE_NOOP(
        "Errors",
        "The access log is kept on the central server, which this desk cannot reach now. "
        "Connect the desk, sign out and sign in again.",
    ),
    "purpose_missing": QT_TRANSLATE_NOOP(
        "Errors", "Say why you need to see it: it is kept in the access log."
    ),
    "purpose_too_long": QT_TRANSLATE_NOOP(
        "Errors", "The purpose is too long: at most 200 characters, please."
    ),
    "case_closed": QT_TRANSLATE_NOOP(
        "Errors", "This case is closed; reopen it first (duty lead, quality or director)."
    ),
    "case_open": QT_TRANSLATE_NOOP("Errors", "This case is not closed."),
    "no_ticket_yet": QT_TRANSLATE_NOOP(
        "Errors", "This patient has no number yet: triage them to a department first."
    ),
    "details_known": QT_TRANSLATE_NOOP("Errors", "This visit already has the patient's details."),
    "task_closed": QT_TRANSLATE_NOOP("Errors", "This follow-up call is already closed."),
    "not_unreachable_yet": QT_TRANSLATE_NOOP(
        "Errors",
        "Not yet: a call closes as unreachable only after 3 failed attempts in two time "
        "slots of the day, on every valid number, before its deadline.",
    ),
    "number_unknown": QT_TRANSLATE_NOOP(
        "Errors", "That number is not one of this person's valid numbers; add it first."
    ),
    "call_not_taken": QT_TRANSLATE_NOOP(
        "Errors", "Take this call first: only the caller holding it records on it."
    ),
    "call_held_by_other": QT_TRANSLATE_NOOP(
        "Errors", "{holder} is calling this person; take another call."
    ),
    "not_a_caller": QT_TRANSLATE_NOOP(
        "Errors", "Calls are given to follow-up, quality staff or the director only."
    ),
    "call_waiting_for_server": QT_TRANSLATE_NOOP(
        "Errors",
        "Waiting for the server to confirm this call is yours; it will be ready in a moment.",
    ),
    "signer_not_lead": QT_TRANSLATE_NOOP(
        "Errors", "An exclusion is signed off by a duty lead, quality staff or the director."
    ),
    "correction_invalid": QT_TRANSLATE_NOOP(
        "Errors",
        "Only a stage move of this visit that has not been corrected yet can be corrected.",
    ),
}


# field label key -> its name, used for {label} in messages (context "Labels")
LABELS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("Labels", "Name"),
    "gender": QT_TRANSLATE_NOOP("Labels", "Gender"),
    "age": QT_TRANSLATE_NOOP("Labels", "Age"),
    "phone": QT_TRANSLATE_NOOP("Labels", "Mobile phone"),
    "district": QT_TRANSLATE_NOOP("Labels", "Home district"),
    "source_channel": QT_TRANSLATE_NOOP("Labels", "Source channel"),
    "purpose": QT_TRANSLATE_NOOP("Labels", "Purpose of visit"),
    "purpose_text": QT_TRANSLATE_NOOP("Labels", "Question or visit goal"),
    "department": QT_TRANSLATE_NOOP("Labels", "Department"),
    "doctor": QT_TRANSLATE_NOOP("Labels", "Doctor"),
    "visit": QT_TRANSLATE_NOOP("Labels", "Visit"),
    "staff": QT_TRANSLATE_NOOP("Labels", "Staff member"),
    "appointment": QT_TRANSLATE_NOOP("Labels", "Appointment"),
    "first_char": QT_TRANSLATE_NOOP("Labels", "First character of the name"),
    "ward": QT_TRANSLATE_NOOP("Labels", "Ward"),
    "nurse": QT_TRANSLATE_NOOP("Labels", "Receiving nurse"),
    "note": QT_TRANSLATE_NOOP("Labels", "Note"),
    "reason": QT_TRANSLATE_NOOP("Labels", "Reason"),
    "priority": QT_TRANSLATE_NOOP("Labels", "Priority"),
    "handover": QT_TRANSLATE_NOOP("Labels", "Hand-over"),
    "code": QT_TRANSLATE_NOOP("Labels", "Check-in code"),
    "request": QT_TRANSLATE_NOOP("Labels", "Request for help"),
    "case": QT_TRANSLATE_NOOP("Labels", "Case"),
    "kind": QT_TRANSLATE_NOOP("Labels", "Kind"),
    "channel": QT_TRANSLATE_NOOP("Labels", "Channel"),
    "summary": QT_TRANSLATE_NOOP("Labels", "Summary"),
    "content": QT_TRANSLATE_NOOP("Labels", "What the person said"),
    "demand": QT_TRANSLATE_NOOP("Labels", "What they ask for"),
    "relation": QT_TRANSLATE_NOOP("Labels", "Relation to the patient"),
    "category": QT_TRANSLATE_NOOP("Labels", "Category"),
    "severity": QT_TRANSLATE_NOOP("Labels", "Severity"),
    "person": QT_TRANSLATE_NOOP("Labels", "Person responsible"),
    "measures": QT_TRANSLATE_NOOP("Labels", "Measures"),
    "deadline": QT_TRANSLATE_NOOP("Labels", "Deadline"),
    "how": QT_TRANSLATE_NOOP("Labels", "How the person was told"),
    "track": QT_TRANSLATE_NOOP("Labels", "Track"),
    "task": QT_TRANSLATE_NOOP("Labels", "Follow-up call"),
    "number": QT_TRANSLATE_NOOP("Labels", "Phone number"),
    "callback_at": QT_TRANSLATE_NOOP("Labels", "When to call back"),
    "clock": QT_TRANSLATE_NOOP("Labels", "Clock"),
    "days": QT_TRANSLATE_NOOP("Labels", "Working days"),
    "approver": QT_TRANSLATE_NOOP("Labels", "Approved by"),
    "told": QT_TRANSLATE_NOOP("Labels", "The person was told"),
}


@dataclass
class FieldError:
    field: str
    code: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)

    def message(self, lang: str = "en") -> str:
        return render(self.code, self.params, lang)


def render(code: str, params: dict[str, Any], lang: str = "en") -> str:
    """The message for ``code`` in ``lang``, its parameters shown in ``lang`` too."""
    template = translate("Errors", MESSAGES[code], lang) if code in MESSAGES else code
    shown: dict[str, Any] = {}
    for key, value in params.items():
        if key == "label" and value in LABELS:
            value = Text("Labels", LABELS[value])
        shown[key] = localise(value, lang)
    try:
        return template.format(**shown)
    except (KeyError, IndexError):
        return template


class FrontDeskError(Exception):
    """An expected failure with a stable ``code``; ``message(lang)`` is what the user reads."""

    code = "error"

    def __init__(self, code: str | None = None, **params: Any) -> None:
        self.code = code or self.code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        return render(self.code, self.params, lang)


class ValidationError(FrontDeskError):
    """One or more fields are wrong; ``errors`` lists each with its own code."""

    code = "validation"

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        self.params = {}
        super(FrontDeskError, self).__init__("; ".join(f"{e.field}: {e.message()}" for e in errors))

    def message(self, lang: str = "en") -> str:
        return " ".join(e.message(lang) for e in self.errors)

    def fields(self) -> list[str]:
        return [e.field for e in self.errors]


class NotFound(FrontDeskError):
    code = "not_found"


class CheckInRefused(FrontDeskError):
    """The appointment exists but cannot be checked in now (other day, early, late, done)."""


class StageError(FrontDeskError):
    code = "stage_move_refused"


class EscortConflict(FrontDeskError):
    """Somebody else holds the escort; ``params['holder']`` names them."""

    code = "claimed_by_other"


class RowRefused(FrontDeskError):
    """A change that breaks the declared row contract (app/contract): refused on the desk
    before it is saved, so nothing is half-written and nothing bad reaches the server."""

    code = "row_refused"


class TicketsExhausted(FrontDeskError):
    code = "no_ticket_numbers"


def safe_reason(exc: BaseException) -> str:
    """What went wrong, in words safe to store, show and log: the error's kind and, for a
    database error, the database's own first line — never a statement's parameters, which
    hold what was written (a patient's name)."""
    orig = getattr(exc, "orig", None)
    source = orig if orig is not None else exc
    text = str(orig).strip() if orig is not None else ""
    first = text.splitlines()[0] if text else ""
    name = type(source).__name__
    return f"{name}: {first}"[:200] if first else name
