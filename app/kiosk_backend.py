"""What the lobby kiosk's screens ask for, in plain data: look up and check in an appointment,
register a walk-in, call a guide, and forget the day's personal data when the day ends.

Qt-free and synchronous: the kiosk runs these calls on a worker thread and hands the answers
to the screen.  Nothing returned holds a full name, phone number or check-in code."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, delete, or_, select, update
from sqlalchemy.orm import Session

from app.clock import Clock
from app.db import Database, rowcount, table_of
from app.errors import FrontDeskError
from app.models import (
    Appointment,
    ArrivalChannel,
    Department,
    Patient,
    SurveyResponse,
    SyncState,
    Visit,
)
from app.services import assistance, checkin, registration, survey, tickets
from app.services.assistance import HelpStatus
from app.services.checkin import AppointmentView, CheckInWindow
from app.services.context import Actor
from app.services.masking import mask_name
from app.services.registration import PatientForm, VisitForm
from app.services.tickets import TicketInfo
from app.sync.outbox import let_go


@dataclass(frozen=True)
class SurveyStart:
    """A survey about to be asked: the definition, and what the answer is tied to."""

    definition: survey.Definition
    visit_id: str | None
    ticket: str | None  # typed, when this kiosk does not know the visit (the server will)
    already: bool  # this visit was answered before: thank, do not ask again

    @property
    def anonymous(self) -> bool:
        return self.visit_id is None and self.ticket is None


class KioskNotReady(FrontDeskError):
    code = "kiosk_not_ready"


@dataclass(frozen=True)
class DepartmentInfo:
    id: str
    name: tuple[str, str]
    description: tuple[str, str]
    floor: str
    room: str
    directions: tuple[str, str]


class KioskBackend:
    """One kiosk's view of its database.

    ``hashed_lookups``: the database holds the server's kiosk projection (codes and phones as
    keyed hashes of the day) — an enrolled kiosk; a stand-alone one holds plain values."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        device_id: str,
        *,
        location: str,
        window: CheckInWindow | None = None,
        hashed_lookups: bool = False,
        standalone: bool = True,
    ) -> None:
        self.db = db
        self.clock = clock
        self.actor = Actor(device_id=device_id, desk=location)
        self.location = location
        self.window = window or CheckInWindow()
        self.hashed_lookups = hashed_lookups
        self.standalone = standalone
        self._tended_day: dt.date | None = None

    # -- reference -------------------------------------------------------------------------

    def departments(self) -> list[DepartmentInfo]:
        with self.db.reading() as s:
            rows = s.scalars(
                select(Department)
                .where(Department.active)
                .order_by(Department.sort_order, Department.code)
            ).all()
            return [
                DepartmentInfo(
                    id=d.id,
                    name=(d.name_zh, d.name_en),
                    description=(d.description_zh, d.description_en),
                    floor=d.floor,
                    room=d.room,
                    directions=(d.directions_zh, d.directions_en),
                )
                for d in rows
            ]

    # -- appointment check-in ---------------------------------------------------------------

    def _key(self, s: Session) -> str | None:
        if not self.hashed_lookups:
            return None
        state = s.get(SyncState, 1)
        if state is None or not state.kiosk_key or state.kiosk_day != str(self.clock.today()):
            raise KioskNotReady()
        return str(state.kiosk_key)

    def find_by_code(self, raw_code: str) -> AppointmentView:
        with self.db.reading() as s:
            return checkin.find_by_code(s, raw_code, self.clock, key=self._key(s))

    def find_by_phone(self, phone: str, first_char: str) -> list[AppointmentView]:
        with self.db.reading() as s:
            return checkin.find_by_phone(s, phone, first_char, self.clock, key=self._key(s))

    def check_in(self, appointment_id: str, language: str = "") -> TicketInfo:
        """``language``: the screen's, as the patient used it (the guide who comes knows)."""
        with self.db.session() as s:
            result = checkin.check_in(
                s,
                appointment_id,
                self.actor,
                self.clock,
                channel=ArrivalChannel.KIOSK,
                window=self.window,
                standalone=self.standalone,
                language=language,
            )
            return self._ticket(s, result.visit_id)

    def reprint(self, appointment_id: str) -> TicketInfo:
        """The ticket of an appointment already checked in (the patient lost it, or the
        printer failed): the same ticket, the same QR code, printed again."""
        with self.db.reading() as s:
            visit_id = s.scalar(
                select(Visit.id)
                .where(Visit.appointment_id == appointment_id, Visit.duplicate_of.is_(None))
                .order_by(Visit.created_at)
                .limit(1)
            )
            if visit_id is None:
                raise FrontDeskError("not_found", label="visit")
            return self._ticket(s, visit_id)

    def check_in_code(self, raw_code: str, language: str = "") -> TicketInfo:
        """A scanned or typed code straight to a ticket (one look-up, one transaction)."""
        view = self.find_by_code(raw_code)
        return self.check_in(view.appointment_id, language)

    # -- walk-in ------------------------------------------------------------------------------

    def register_walk_in(self, patient: PatientForm | None, visit: VisitForm) -> TicketInfo:
        with self.db.session() as s:
            result = registration.register_walk_in(
                s, patient, visit, self.actor, self.clock, standalone=self.standalone
            )
            ticket = self._ticket(s, result.visit_id)
        self.forget_sent()
        return ticket

    # -- call a guide -------------------------------------------------------------------------

    def call_guide(
        self, language: str, visit_id: str | None = None, *, reason: str = "help"
    ) -> HelpStatus:
        with self.db.session() as s:
            return assistance.call_guide(
                s,
                self.actor,
                self.clock,
                location=self.location,
                language=language,
                visit_id=visit_id,
                reason=reason,
            )

    def help_status(self, request_id: str) -> HelpStatus:
        with self.db.reading() as s:
            return assistance.status(s, request_id)

    # -- satisfaction survey ----------------------------------------------------------------

    def ticket_letters(self) -> str:
        """The letters ticket numbers start with here (one per department), for the keypad."""
        with self.db.reading() as s:
            prefixes = s.scalars(select(Department.ticket_prefix).where(Department.active))
            return "".join(sorted({p for p in prefixes if p}))

    def survey_for(self, visit_id: str | None = None, ticket: str | None = None) -> SurveyStart:
        """The survey to ask, tied to a scanned ticket (``visit_id``), a typed ticket number,
        or to nobody (both empty).  ``already``: this visit was answered here before."""
        with self.db.reading() as s:
            definition = survey.current(s)
            number = survey.normalise_ticket(ticket) if ticket and not visit_id else None
            if number is not None:
                found = survey.visit_by_ticket(s, self.clock.today(), number)
                visit_id = found.id if found is not None else None
            already = bool(visit_id) and survey.answered(s, str(visit_id))
        return SurveyStart(definition, visit_id, number, already)

    def submit_survey(
        self,
        start: SurveyStart,
        answers: dict[str, Any],
        language: str,
        *,
        complaint_marked: bool = False,
    ) -> survey.Submitted:
        """One answer, and — for a complaint — a call to every guide desk with the answer
        attached, in the same transaction (so both reach the server together)."""
        with self.db.session() as s:
            done = survey.submit(
                s,
                self.actor,
                self.clock,
                start.definition,
                answers,
                language=language,
                visit_id=start.visit_id,
                ticket=start.ticket,
                complaint_marked=complaint_marked,
            )
            if done.complaint:
                assistance.call_guide(
                    s,
                    self.actor,
                    self.clock,
                    location=self.location,
                    language=language,
                    visit_id=start.visit_id,
                    reason="complaint",
                    survey_response_id=done.response_id,
                )
        self.forget_sent()
        return done

    # -- what the kiosk keeps -------------------------------------------------------------

    def tend(self) -> int:
        """Called every minute while the kiosk runs, and after each push the server answered:
        at the day's change, other days' appointments go (``forget_before``); always, what
        has been handed to the queue leaves the kiosk's tables (``forget_sent``)."""
        today = self.clock.today()
        if today != self._tended_day:
            touched = self.forget_before(today)
            self._tended_day = today
            return touched
        return self.forget_sent()

    def forget_before(self, day: dt.date | None = None) -> int:
        """Remove every personal detail of days other than ``day`` (today) from this kiosk:
        other days' appointments, and what ``forget_sent`` removes — on a stand-alone kiosk,
        whose tables are the day's only record, the walk-ins and written answers of earlier
        days.  Returns how many rows were touched.  Runs at start-up and, through ``tend``,
        when the day changes."""
        day = day or self.clock.today()
        with self.db.session(record=False) as s:
            touched = rowcount(s.execute(delete(Appointment).where(Appointment.day != day)))
            if self.standalone:
                return touched + _forget_people(s, before=self.clock.day_bounds(day)[0])
        return touched + self.forget_sent()

    def forget_sent(self) -> int:
        """Keep only what the queue still has to send (an enrolled kiosk).

        A walk-in's name, age, phone and district, and a survey's written answers, are frozen
        into the outbox entry of the transaction that took them; that entry is what the kiosk
        sends.  So the tables keep none of it: a patient keeps only the masked name a ticket
        shows, a survey answer only its ratings and choices.  An entry the server has answered
        goes too: the kiosk keeps no copy of what the hospital already holds (a server restored
        from its backup gets the day's walk-ins from the desks that saw them, not from here).
        Returns how many rows were touched."""
        if self.standalone:
            return 0
        with self.db.session(record=False) as s:
            touched = _forget_people(s)
            touched += let_go(s)
        return touched

    # -- helpers ------------------------------------------------------------------------------

    def _ticket(self, s: Session, visit_id: str) -> TicketInfo:
        return tickets.ticket_info(s, visit_id, self.clock)


def _forget_people(s: Session, before: dt.datetime | None = None) -> int:
    """Patients (taken before ``before``, if given) keep only their masked name; survey answers
    only their ratings and choices.  Core statements: nothing is recorded, no version moves."""
    p = Patient
    query = select(p.id, p.name, p.phone, p.age, p.district).where(
        or_(p.phone.is_not(None), p.age.is_not(None), p.district != "", p.name.not_like("%*%")),
        p.name != "",
    )
    if before is not None:
        query = query.where(p.created_at < before)
    scrub = [
        {"pid": row.id, "masked": mask_name(row.name)}
        for row in s.execute(query)
        if row.name != mask_name(row.name) or (row.phone, row.age, row.district) != (None, None, "")
    ]
    if scrub:
        t = table_of(Patient)
        s.connection().execute(
            update(t)
            .where(t.c.id == bindparam("pid"))
            .values(name=bindparam("masked"), phone=None, age=None, district=""),
            scrub,
        )
    answers = select(SurveyResponse).where(SurveyResponse.comment != "")
    if before is not None:
        answers = answers.where(SurveyResponse.created_at < before)
    cleaned = []
    for row in s.scalars(answers):
        texts = {q.id for q in survey.of_response(s, row).questions if q.type == "text"}
        kept = {k: v for k, v in row.answers.items() if k not in texts}
        cleaned.append({"rid": row.id, "kept": kept})
    if cleaned:
        t = table_of(SurveyResponse)
        s.connection().execute(
            update(t)
            .where(t.c.id == bindparam("rid"))
            .values(answers=bindparam("kept"), comment=""),
            cleaned,
        )
    return len(scrub) + len(cleaned)
